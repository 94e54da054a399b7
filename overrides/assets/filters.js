// Template library filters: narrow the table by program, competency and purpose, and say how
// many rows are shown. Without JavaScript the table is simply complete.
(function () {
  "use strict";
  function mountFilters(panel) {
    var table = document.querySelector("table[data-hb-filterable]");
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = Array.prototype.slice.call(panel.querySelectorAll("select[data-hb-filter]"));
    var count = panel.querySelector(".hb-filters__count");
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var match = selects.every(function (select) {
          var wanted = select.value;
          return !wanted || (row.dataset[select.dataset.hbFilter] || "").split(" ").indexOf(wanted) !== -1;
        });
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = "Showing " + shown + " of " + rows.length + " templates.";
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    panel.hidden = false;
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-hb-filters]"), mountFilters);
})();
