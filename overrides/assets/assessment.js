// Self-assessments: answers, results and history stay in this browser (localStorage, one
// versioned key per assessment) and are never sent anywhere. Included only by assessment pages,
// after scoring.js.
(function (global) {
  "use strict";
  var S = global.HandbookScoring;
  var VERSION = 1;
  var PREFIX = "handbook:assessment:v" + VERSION + ":";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  // --- state -------------------------------------------------------------------------------

  function checkState(def, state) {
    if (!state || typeof state !== "object" || Array.isArray(state)) return "it is not an object";
    var problem = S.checkAnswers(def, state.answers);
    if (problem) return problem;
    problem = S.checkCounters(def, state.counters);
    if (problem) return problem;
    if (!Array.isArray(state.history)) return "history must be a list";
    for (var i = 0; i < state.history.length; i += 1) {
      var entry = state.history[i];
      if (!entry || typeof entry.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(entry.date)) return "history entry " + (i + 1) + " has no valid date";
      problem = S.checkAnswers(def, entry.answers);
      if (problem) return "history entry " + (i + 1) + ": " + problem;
      if (!S.isComplete(def, entry.answers)) return "history entry " + (i + 1) + " is incomplete";
      problem = S.checkCounters(def, entry.counters);
      if (problem) return "history entry " + (i + 1) + ": " + problem;
    }
    return null;
  }

  function loadState(def, say) {
    var key = PREFIX + def.id;
    var raw = null;
    try { raw = global.localStorage.getItem(key); } catch (e) { return { answers: {}, counters: {}, history: [] }; }
    if (raw === null) {
      // An older major version keeps its own key; say so once rather than silently ignoring it.
      for (var v = 0; v < VERSION; v += 1) {
        try {
          if (global.localStorage.getItem("handbook:assessment:v" + v + ":" + def.id) !== null) {
            global.localStorage.removeItem("handbook:assessment:v" + v + ":" + def.id);
            say("Answers saved by an older version of this assessment could not be used and were cleared.");
          }
        } catch (e) { /* storage unavailable */ }
      }
      return { answers: {}, counters: {}, history: [] };
    }
    try {
      var state = JSON.parse(raw);
      var problem = checkState(def, state);
      if (problem) throw new Error(problem);
      return { answers: state.answers, counters: state.counters || {}, history: state.history };
    } catch (e) {
      try { global.localStorage.removeItem(key); } catch (ignored) { /* storage unavailable */ }
      say("Your saved answers for this assessment could not be read (" + e.message + "), so they were cleared. " +
        "Other assessments and checklists are untouched.");
      return { answers: {}, counters: {}, history: [] };
    }
  }

  function saveState(def, state) {
    try {
      global.localStorage.setItem(PREFIX + def.id, JSON.stringify({ version: VERSION, answers: state.answers,
        counters: state.counters, history: state.history }));
    } catch (e) { /* private mode or full storage: the page still works */ }
  }

  // Share links carry the answers and evidence counts in the URL fragment, which browsers never
  // send to a server. Older links carried the answers object alone; both are read.
  function encodeAnswers(answers, counters) {
    var hasCounts = counters && Object.keys(counters).length;
    var bytes = new TextEncoder().encode(JSON.stringify(hasCounts ? { answers: answers, counters: counters } : answers));
    var text = "";
    bytes.forEach(function (b) { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function decodeAnswers(encoded) {
    var text = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  // --- rendering -----------------------------------------------------------------------------

  function radar(def, answers) {
    var width = 560;
    var size = 400;
    var centre = size / 2;
    var middle = width / 2;
    var radius = 120;
    var n = def.items.length;
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + size);
    svg.setAttribute("class", "hb-radar");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Radar chart of your scores; the table that follows lists the same numbers.");
    function point(i, value) {
      var angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
      var r = radius * (value - def.scale.min) / (def.scale.max - def.scale.min);
      return [middle + r * Math.cos(angle), centre + r * Math.sin(angle)];
    }
    [0.25, 0.5, 0.75, 1].forEach(function (f) {
      var ring = document.createElementNS(ns, "polygon");
      ring.setAttribute("points", def.items.map(function (_, i) {
        return point(i, def.scale.min + f * (def.scale.max - def.scale.min)).join(",");
      }).join(" "));
      ring.setAttribute("class", "hb-radar__ring");
      svg.appendChild(ring);
    });
    def.items.forEach(function (item, i) {
      var end = point(i, def.scale.max);
      var axis = document.createElementNS(ns, "line");
      axis.setAttribute("x1", middle); axis.setAttribute("y1", centre);
      axis.setAttribute("x2", end[0]); axis.setAttribute("y2", end[1]);
      axis.setAttribute("class", "hb-radar__axis");
      svg.appendChild(axis);
      var label = document.createElementNS(ns, "text");
      var at = point(i, def.scale.max + (def.scale.max - def.scale.min) * 0.12);
      label.setAttribute("x", at[0]); label.setAttribute("y", at[1]);
      label.setAttribute("text-anchor", Math.abs(at[0] - middle) < 5 ? "middle" : (at[0] > middle ? "start" : "end"));
      label.setAttribute("dominant-baseline", "middle");
      label.setAttribute("class", "hb-radar__label");
      label.textContent = item.label + ": " + answers[item.id];
      svg.appendChild(label);
    });
    var shape = document.createElementNS(ns, "polygon");
    shape.setAttribute("points", def.items.map(function (item, i) { return point(i, answers[item.id]).join(","); }).join(" "));
    shape.setAttribute("class", "hb-radar__shape");
    svg.appendChild(shape);
    return svg;
  }

  function scoreTable(def, answers) {
    var table = el("table");
    var head = el("tr");
    head.appendChild(el("th", { scope: "col" }, "Question"));
    head.appendChild(el("th", { scope: "col" }, "Your answer"));
    table.appendChild(el("thead")).appendChild(head);
    var body = table.appendChild(el("tbody"));
    def.items.forEach(function (item, i) {
      var row = el("tr");
      var name = el("td");
      if (item.link) name.appendChild(el("a", { href: item.link }, (i + 1) + ". " + item.label));
      else name.textContent = (i + 1) + ". " + item.label;
      row.appendChild(name);
      row.appendChild(el("td", {}, S.answerText(def, item, answers[item.id])));
      body.appendChild(row);
    });
    return table;
  }

  function renderResult(def, state, box) {
    box.textContent = "";
    var answered = def.items.filter(function (item) { return Object.prototype.hasOwnProperty.call(state.answers, item.id); }).length;
    if (answered < def.items.length) {
      box.appendChild(el("p", { class: "hb-assessment__progress" },
        answered + " of " + def.items.length + " questions answered. Your result appears when all are answered."));
      return null;
    }
    var result = S.score(def, state.answers);
    box.appendChild(el("h2", { id: "your-result", tabindex: "-1" }, "Your result"));
    if (result.band !== null) {
      var band = S.bandById(def, result.band);
      var headline = result.total !== null ? result.total + " of " + result.max + ": " + band.label
        : "Level " + result.level + ": " + band.label;
      box.appendChild(el("p", { class: "hb-assessment__headline", "data-hb-band": band.id }, headline));
      box.appendChild(el("p", {}, band.meaning));
      box.appendChild(el("p", {}, "Next: " + band.next));
    } else {
      var list = el("ul", { class: "hb-assessment__bands" });
      def.items.forEach(function (item) {
        var b = S.bandById(def, result.itemBands[item.id]);
        if (!b) {  // a measure reported without bands (the research publishes no levels for it)
          var choice = item.choices.filter(function (c) { return c.id === state.answers[item.id]; })[0];
          var plain = el("li", { "data-hb-item-band": item.id + ":" });
          plain.appendChild(el("strong", {}, item.label + ": " + choice.label + ". "));
          plain.appendChild(document.createTextNode("Not placed in a level: compare it with your own history."));
          list.appendChild(plain);
          return;
        }
        var li = el("li", { "data-hb-item-band": item.id + ":" + b.id });
        li.appendChild(el("strong", {}, item.label + ": " + b.label + ". "));
        li.appendChild(document.createTextNode(b.meaning + " Next: " + b.next));
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    if (result.weakest.length) {
      box.appendChild(el("h3", {}, "Work on these next"));
      var weak = el("ol", { class: "hb-assessment__weakest" });
      result.weakest.forEach(function (id) {
        var item = def.items.filter(function (i) { return i.id === id; })[0];
        var li = el("li");
        if (item.link) li.appendChild(el("a", { href: item.link }, item.label));
        else li.textContent = item.label;
        li.appendChild(document.createTextNode(" (" + state.answers[id] + " of " + def.scale.max + ")"));
        weak.appendChild(li);
      });
      box.appendChild(weak);
    }
    if (def.chart) {
      var figure = el("figure", { class: "hb-assessment__chart" });
      figure.appendChild(radar(def, state.answers));
      figure.appendChild(el("figcaption", {}, "Your scores by competency; the numbers are in the table below."));
      box.appendChild(figure);
    }
    box.appendChild(scoreTable(def, state.answers));
    return result;
  }

  function renderHistory(def, state, section) {
    section.textContent = "";
    section.hidden = !def.history;
    if (!def.history) return;
    section.appendChild(el("h2", { id: "history" }, "Your history"));
    if (!state.history.length) {
      section.appendChild(el("p", {}, "No saved results yet. Save a result each quarter to see how it changes."));
      return;
    }
    var table = el("table");  // no class: the theme styles plain tables (borders, stripes)
    var head = el("tr");
    head.appendChild(el("th", { scope: "col" }, "Date"));
    def.items.forEach(function (item) { head.appendChild(el("th", { scope: "col" }, item.label)); });
    head.appendChild(el("th", { scope: "col" }, "Total and result"));
    table.appendChild(el("thead")).appendChild(head);
    var body = table.appendChild(el("tbody"));
    state.history.forEach(function (entry, index) {
      var previous = state.history[index - 1];
      var row = el("tr");
      row.appendChild(el("th", { scope: "row" }, entry.date));
      def.items.forEach(function (item) {
        var value = entry.answers[item.id];
        var text = String(value);
        if (previous) {
          var change = value - previous.answers[item.id];
          text += change > 0 ? " (+" + change + ")" : change < 0 ? " (" + change + ")" : " (±0)";
        }
        row.appendChild(el("td", {}, text));
      });
      var result = S.score(def, entry.answers);
      row.appendChild(el("td", {}, result.total + " · " + S.bandById(def, result.band).label));
      body.appendChild(row);
    });
    section.appendChild(table);
  }

  // --- wiring ----------------------------------------------------------------------------------

  function mount(root) {
    var def = JSON.parse(root.dataset.hbAssessment);
    var form = root.querySelector(".hb-assessment__form");
    var message = root.querySelector(".hb-assessment__message");
    var resultBox = root.querySelector(".hb-assessment__result");
    function say(text) { message.textContent = text; }
    var state = loadState(def, say);

    var fragment = global.location.hash.match(/^#answers=([A-Za-z0-9_-]+)$/);
    if (global.location.hash.indexOf("#answers=") === 0) {
      try {
        if (!fragment) throw new Error("it is not in the expected form");
        var shared = decodeAnswers(fragment[1]);
        var sharedCounts = {};
        if (shared && shared.answers && typeof shared.answers === "object" && !Array.isArray(shared.answers)) {
          sharedCounts = shared.counters || {};
          shared = shared.answers;
        }
        var problem = S.checkAnswers(def, shared) || S.checkCounters(def, sharedCounts);
        if (problem) throw new Error(problem);
        state.answers = shared;
        state.counters = sharedCounts;
        saveState(def, state);
        say("Answers loaded from the link you followed. Your saved history is unchanged.");
      } catch (e) {
        say("The link's answers could not be used (" + e.message + "). Nothing was changed.");
      }
    }

    var actions = el("div", { class: "hb-assessment__actions" });
    var history = el("section", { class: "hb-assessment__history" });
    root.appendChild(actions);
    root.appendChild(history);

    function fillForm() {
      Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]"), function (input) {
        var value = state.answers[input.name];
        input.checked = value !== undefined && String(value) === input.value;
      });
      Array.prototype.forEach.call(form.querySelectorAll("input[data-hb-counter]"), function (input) {
        var values = state.counters[input.dataset.hbCounter];
        var value = values ? values[Number(input.dataset.hbIndex)] : null;
        input.value = value === null || value === undefined ? "" : String(value);
      });
    }

    function readCounter(input) {
      var item = def.items.filter(function (i) { return i.id === input.dataset.hbCounter; })[0];
      var values = state.counters[item.id] || item.counters.map(function () { return null; });
      var number = input.value === "" ? null : Math.max(0, Math.floor(Number(input.value)));
      values[Number(input.dataset.hbIndex)] = isFinite(number) ? number : null;
      state.counters[item.id] = values;
    }

    function refresh() {
      var result = renderResult(def, state, resultBox);
      renderHistory(def, state, history);
      var complete = result !== null;
      Array.prototype.forEach.call(actions.querySelectorAll("[data-needs-result]"), function (b) {
        b.disabled = !complete;
        b.title = complete ? "" : "Answer every question first";
      });
      return result;
    }

    form.addEventListener("change", function (event) {
      var input = event.target;
      if (input.dataset.hbCounter) readCounter(input);
      else state.answers[input.name] = def.scoring === "choice" ? input.value : Number(input.value);
      saveState(def, state);
      refresh();
    });

    function button(label, handler, needsResult, kind) {
      var b = el("button", { type: "button", class: "md-button" + (kind ? " " + kind : "") }, label);
      if (needsResult) b.setAttribute("data-needs-result", "");
      b.addEventListener("click", handler);
      actions.appendChild(b);
      return b;
    }

    function copy(text, done) {
      var fallback = function () { say("Copying is not allowed here; select the text below and copy it yourself."); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { say(done); }, fallback);
      } else {
        fallback();
      }
    }

    if (def.history) {
      button("Save this result to my history", function () {
        var date = today();
        state.history = state.history.filter(function (e) { return e.date !== date; });
        state.history.push({ date: date, answers: JSON.parse(JSON.stringify(state.answers)),
          counters: JSON.parse(JSON.stringify(state.counters)) });
        state.history.sort(function (a, b) { return a.date < b.date ? -1 : 1; });
        saveState(def, state);
        refresh();
        say("Saved today's result (" + date + ") to your history in this browser.");
      }, true, "md-button--primary");
    }
    button("Copy results as Markdown", function () {
      copy(S.markdown(def, state.answers, today(), state.counters), "Results copied as Markdown.");
    }, true, def.history ? "" : "md-button--primary");
    var linkField = el("input", { type: "text", readonly: "", class: "hb-assessment__link", "aria-label": "Share link" });
    button("Copy a share link", function () {
      var url = global.location.href.split("#")[0] + "#answers=" + encodeAnswers(state.answers, state.counters);
      linkField.value = url;
      linkField.hidden = false;
      copy(url, "Share link copied. The answers travel in the link itself; nothing is stored on a server.");
    }, true);
    button("Export to a file", function () {
      var data = { assessment: def.id, version: VERSION, exported: today(), answers: state.answers,
        counters: state.counters, history: state.history };
      var link = el("a", { href: URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" })), download: def.id + "-" + today() + ".json" });
      document.body.appendChild(link);
      link.click();
      link.remove();
      say("Exported your answers and history to a JSON file.");
    }, false);
    var importLabel = el("label", { class: "md-button hb-assessment__import" }, "Import from a file");
    var importInput = el("input", { type: "file", accept: "application/json,.json", class: "hb-visually-hidden" });
    importLabel.appendChild(importInput);
    actions.appendChild(importLabel);
    importInput.addEventListener("change", function () {
      var file = importInput.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var data;
        try { data = JSON.parse(text); } catch (e) { throw new Error("it is not JSON"); }
        if (!data || data.assessment !== def.id) throw new Error("it is an export of a different assessment, or none");
        if (data.version !== VERSION) throw new Error("it comes from an unsupported version (" + data.version + ")");
        var problem = checkState(def, data);
        if (problem) throw new Error(problem);
        state = { answers: data.answers, counters: data.counters || {}, history: data.history };
        saveState(def, state);
        fillForm();
        refresh();
        say("Imported " + Object.keys(data.answers).length + " answers and " + data.history.length + " saved results.");
      }).catch(function (e) {
        say("That file could not be imported: " + e.message + ". Nothing was changed.");
      }).then(function () { importInput.value = ""; });
    });
    button("Print", function () { global.print(); }, false);
    button("Clear my answers", function () {
      if (!global.confirm("Clear your current answers? Your saved history stays.")) return;
      state.answers = {};
      state.counters = {};
      saveState(def, state);
      fillForm();
      refresh();
      say("Answers cleared.");
    }, false, "hb-button--quiet");
    linkField.hidden = true;
    actions.appendChild(linkField);

    fillForm();
    refresh();
  }

  global.HandbookAssessment = { mount: mount, encodeAnswers: encodeAnswers };
  Array.prototype.forEach.call(document.querySelectorAll("[data-hb-assessment]"), mount);
})(window);
