// The "check a document" page: paste a Markdown document or open a file, pick its template or
// let the front matter say, and list the problems with their line numbers (checker.js, the twin
// of scripts/check_document.py). The document stays in this page; nothing is uploaded or kept.
(function () {
  "use strict";

  function mount(form) {
    var required = JSON.parse(form.dataset.hbCheck);
    var text = form.querySelector("#hb-check-text");
    var file = form.querySelector("#hb-check-file");
    var template = form.querySelector("#hb-check-template");
    var summary = form.querySelector(".hb-fill__summary");
    var list = form.querySelector(".hb-fill__problems");

    function run() {
      var doc = text.value;
      var meta = window.HandbookChecker.frontMatter(doc);
      var chosen = template.value || meta.template || "";
      var offset = 0;
      var note = "";
      if (!meta.required && chosen && required[chosen]) {
        // No front matter to read: check against the chosen template's required sections.
        var variant = meta.variant === "minimal" && required[chosen].minimal ? "minimal" : "full";
        var head = "---\nrequired: " + required[chosen][variant].join("; ") + "\n---\n";
        doc = head + doc;
        offset = 3;
        note = " (required sections taken from the " + template.options[template.selectedIndex].text + " template)";
      } else if (!meta.required) {
        note = " (no template named: only placeholders were checked; choose a template to check required sections too)";
      }
      var found = window.HandbookChecker.check(doc);
      list.textContent = "";
      found.forEach(function (f) {
        var line = Math.max(1, f.line - offset);
        list.appendChild(Object.assign(document.createElement("li"), { textContent: "Line " + line + ": " + f.message }));
      });
      summary.textContent = (found.length ? found.length + (found.length === 1 ? " problem" : " problems") + " found"
        : "No problems found: no placeholders left and every required section has content") + note + ".";
    }

    file.addEventListener("change", function () {
      if (!file.files.length) return;
      file.files[0].text().then(function (content) { text.value = content; run(); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    form.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-hb-check]"), mount);
})();
