// Checklists that remember progress, and program progress summaries. State stays in this
// browser (localStorage) and is never sent anywhere. One key per checklist, versioned:
// "handbook:checklist:v1:<program>/<unit>" holding {"items": {"<item id>": true}}. Items are keyed
// by the stable id from the data, so an edited item keeps its tick and a removed one is dropped.
(function () {
  "use strict";
  var PREFIX = "handbook:checklist:v1:";

  function read(key, announce) {
    var raw;
    try {
      raw = window.localStorage.getItem(PREFIX + key);
    } catch (e) {
      return {};
    }
    if (raw === null) return {};
    try {
      var value = JSON.parse(raw);
      if (!value || typeof value !== "object" || typeof value.items !== "object" || value.items === null || Array.isArray(value.items)) {
        throw new Error("unexpected shape");
      }
      return value.items;
    } catch (e) {
      try { window.localStorage.removeItem(PREFIX + key); } catch (ignored) { /* storage unavailable */ }
      announce("Saved progress for this checklist could not be read, so it was cleared. Other checklists are untouched.");
      return {};
    }
  }

  function write(key, items) {
    try {
      window.localStorage.setItem(PREFIX + key, JSON.stringify({ items: items }));
    } catch (e) { /* private mode or full storage: the page still works, progress is not kept */ }
  }

  function mount(root) {
    var key = root.dataset.hbChecklist;
    var status = root.querySelector(".hb-checklist__progress");
    var boxes = Array.prototype.slice.call(root.querySelectorAll("input[data-hb-item]"));
    var message = "";
    function announce(text) { message = text; }
    var saved = read(key, announce);
    var items = {};
    boxes.forEach(function (box) {
      if (saved[box.dataset.hbItem] === true) {
        box.checked = true;
        items[box.dataset.hbItem] = true;
      }
    });
    write(key, items); // drops ids that no longer exist on the page

    function update(extra) {
      var done = boxes.filter(function (b) { return b.checked; }).length;
      status.textContent = done + " of " + boxes.length + " done" + (extra ? ". " + extra : "");
    }
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        if (box.checked) items[box.dataset.hbItem] = true;
        else delete items[box.dataset.hbItem];
        write(key, items);
        update();
      });
    });

    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button hb-button--quiet hb-checklist__reset";
    reset.textContent = "Reset this checklist";
    reset.addEventListener("click", function () {
      if (!window.confirm("Clear every tick in this checklist? This cannot be undone.")) return;
      boxes.forEach(function (b) { b.checked = false; });
      items = {};
      write(key, items);
      update("Checklist reset");
    });
    root.appendChild(reset);

    // The same Markdown as the blank download beside it, with this browser's ticks in it.
    var ticked = document.createElement("button");
    ticked.type = "button";
    ticked.className = "md-button hb-checklist__ticked";
    ticked.textContent = "Download with my ticks";
    ticked.addEventListener("click", function () {
      var lines = ["## " + root.dataset.hbHeading, ""];
      Array.prototype.forEach.call(root.querySelectorAll("fieldset"), function (phase) {
        var label = phase.querySelector("legend").textContent.toLowerCase();
        Array.prototype.forEach.call(phase.querySelectorAll("li"), function (li) {
          var box = li.querySelector("input");
          lines.push("- [" + (box.checked ? "x" : " ") + "] " + li.querySelector("label").textContent + " (" + label + ")");
        });
      });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], { type: "text/markdown" }));
      link.download = key.replace("/", "-") + "-checklist-ticked.md";
      document.body.appendChild(link);
      link.click();
      link.remove();
      update("Downloaded with your ticks");
    });
    root.insertBefore(ticked, reset);
    update(message);
  }

  // Program overview: "3 of 7" per unit, from the same saved checklists (read-only).
  function mountProgress(root) {
    var total = 0;
    var done = 0;
    Array.prototype.forEach.call(root.querySelectorAll("[data-hb-unit]"), function (cell) {
      var ids = JSON.parse(cell.dataset.hbIds);
      var saved = read(cell.dataset.hbUnit, function () {});
      var ticked = ids.filter(function (id) { return saved[id] === true; }).length;
      cell.textContent = ticked + " of " + ids.length + " done";
      total += ids.length;
      done += ticked;
    });
    root.querySelector(".hb-program-progress__total").textContent =
      "Your progress in this browser: " + done + " of " + total + " checklist items done.";
    root.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-hb-checklist]"), mount);
  Array.prototype.forEach.call(document.querySelectorAll("[data-hb-program]"), mountProgress);
})();
