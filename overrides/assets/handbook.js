// Checklists that remember progress. State stays in this browser (localStorage) and is
// never sent anywhere. One key per checklist, versioned: "handbook:checklist:v1:<program>/<unit>",
// holding {"items": {"<item id>": true}}. Items are keyed by the stable id from the data, so an
// edited item keeps its tick and a removed one is dropped quietly.
(function () {
  "use strict";
  var PREFIX = "handbook:checklist:v1:";
  // Assessment code is loaded only on pages that have an assessment, from beside this file.
  var ASSETS = ((document.currentScript && document.currentScript.src) || "").replace(/handbook\.js(\?.*)?$/, "");
  var pending = {};

  function loadScript(name) {
    if (!pending[name]) {
      pending[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = ASSETS + name;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("could not load " + name)); };
        document.head.appendChild(script);
      });
    }
    return pending[name];
  }

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
    if (root.dataset.hbMounted) return;
    root.dataset.hbMounted = "1";
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
    reset.className = "md-button hb-checklist__reset";
    reset.textContent = "Reset this checklist";
    reset.addEventListener("click", function () {
      if (!window.confirm("Clear every tick in this checklist? This cannot be undone.")) return;
      boxes.forEach(function (b) { b.checked = false; });
      items = {};
      write(key, items);
      update("Checklist reset");
    });
    root.appendChild(reset);
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

  // Calendar: an RFC 5545 file of the sessions, built here and handed to the reader as a download.
  function zoneOffset(instant, zone) {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit"
    }).formatToParts(new Date(instant)).forEach(function (p) { parts[p.type] = p.value; });
    return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - instant;
  }

  function localToUtc(year, month, day, hour, minute, zone) {
    var guess = Date.UTC(year, month - 1, day, hour, minute);
    var utc = guess - zoneOffset(guess, zone);
    return guess - zoneOffset(utc, zone); // second pass settles days when clocks change
  }

  function icsStamp(ms) {
    return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  }

  function icsText(text) {
    return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
  }

  function fold(line) {
    var out = [];
    while (line.length > 74) { out.push(line.slice(0, 74)); line = " " + line.slice(74); }
    out.push(line);
    return out.join("\r\n");
  }

  function buildCalendar(program, sessions, minutes, date, time, zone) {
    var d = date.split("-").map(Number);
    var t = time.split(":").map(Number);
    var now = icsStamp(Date.now());
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Technical Leadership Handbook//Cohort calendar//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-TIMEZONE:" + zone];
    sessions.forEach(function (title, i) {
      var day = new Date(Date.UTC(d[0], d[1] - 1, d[2] + 7 * i));
      var start = localToUtc(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), t[0], t[1], zone);
      lines.push("BEGIN:VEVENT", "UID:" + program + "-" + (i + 1) + "-" + icsStamp(start) + "@handbook",
        "DTSTAMP:" + now, "DTSTART:" + icsStamp(start), "DTEND:" + icsStamp(start + minutes * 60000),
        "SUMMARY:" + icsText(title),
        "DESCRIPTION:" + icsText("Session " + (i + 1) + " of " + sessions.length + ", starting " + time + " " + zone + "."),
        "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function mountCalendar(form) {
    var select = form.querySelector("select");
    var here = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    var zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [here];
    if (zones.indexOf("UTC") === -1) zones.unshift("UTC");
    zones.forEach(function (zone) {
      var option = document.createElement("option");
      option.value = option.textContent = zone;
      option.selected = zone === here;
      select.appendChild(option);
    });
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var date = form.elements.date.value;
      var time = form.elements.time.value;
      var status = form.querySelector(".hb-calendar__status");
      if (!date || !time) { status.textContent = "Choose a date and a start time first."; return; }
      var text = buildCalendar(form.dataset.hbCalendar, JSON.parse(form.dataset.hbSessions),
        Number(form.dataset.hbMinutes), date, time, select.value);
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "text/calendar" }));
      link.download = form.dataset.hbCalendar + ".ics";
      document.body.appendChild(link);
      link.click();
      link.remove();
      status.textContent = "Calendar file created with " + JSON.parse(form.dataset.hbSessions).length + " sessions, a week apart.";
    });
  }

  // Template library: filter rows by program, competency and purpose; announce the count.
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

  // Start here: the same rule as the build's Python (first matching route wins).
  function route(routes, answers) {
    for (var i = 0; i < routes.length; i += 1) {
      var when = routes[i].when;
      var matches = Object.keys(when).every(function (q) { return answers[q] === when[q]; });
      if (matches) return routes[i].path;
    }
    return null;
  }

  function mountChooser(form) {
    var routes = JSON.parse(form.dataset.hbRoutes);
    var paths = JSON.parse(form.dataset.hbPaths);
    var result = form.querySelector(".hb-chooser__result");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answers = {};
      Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]:checked"), function (input) {
        answers[input.name] = input.value;
      });
      var path = paths[route(routes, answers)];
      result.textContent = "";
      if (!path) { result.textContent = "Answer both questions to see your path."; return; }
      var intro = document.createElement("p");
      intro.textContent = "Your suggested path: ";
      var link = document.createElement("a");
      link.href = path.url;
      link.textContent = path.title;
      link.dataset.hbPath = route(routes, answers);
      intro.appendChild(link);
      var role = document.createElement("p");
      role.textContent = path.role;
      result.appendChild(intro);
      result.appendChild(role);
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-hb-checklist]"), mount);
    Array.prototype.forEach.call(document.querySelectorAll("[data-hb-program]"), mountProgress);
    var assessments = document.querySelectorAll("[data-hb-assessment]");
    if (assessments.length) {
      loadScript("scoring.js").then(function () { return loadScript("assessment.js"); }).then(function () {
        Array.prototype.forEach.call(assessments, window.HandbookAssessment.mount);
      }).catch(function (error) {
        Array.prototype.forEach.call(assessments, function (root) {
          root.querySelector(".hb-assessment__message").textContent =
            "The scoring script could not be loaded (" + error.message + "); reload the page to try again.";
        });
      });
    }
    Array.prototype.forEach.call(document.querySelectorAll("form[data-hb-chooser]"), function (form) {
      if (!form.dataset.hbMounted) { form.dataset.hbMounted = "1"; mountChooser(form); }
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-hb-filters]"), function (panel) {
      if (!panel.dataset.hbMounted) { panel.dataset.hbMounted = "1"; mountFilters(panel); }
    });
    Array.prototype.forEach.call(document.querySelectorAll("form[data-hb-calendar]"), function (form) {
      if (!form.dataset.hbMounted) { form.dataset.hbMounted = "1"; mountCalendar(form); }
    });
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(init); // Material's instant navigation swaps pages without a reload
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
