// The live decision matrix: options, weighted criteria and 1–5 scores give weighted totals,
// a ranking, and how sensitive the winner is to any single weight. It exports the same table
// as Markdown, as a download or as rich text. Kept in this browser only
// ("handbook:matrix:v1"); nothing is sent anywhere.
(function () {
  "use strict";
  var KEY = "handbook:matrix:v1";
  var MAX_WEIGHT = 10;

  function totals(m) {
    return m.options.map(function (_, o) {
      return m.criteria.reduce(function (sum, c) { return sum + c.weight * c.scores[o]; }, 0);
    });
  }

  function ranking(m) {
    var t = totals(m);
    return m.options.map(function (name, o) { return { option: o, name: name, total: t[o] }; })
      .sort(function (a, b) { return b.total - a.total || a.option - b.option; });
  }

  // The smallest single weight change that makes another option tie with the winner.
  function sensitivity(m) {
    var ranked = ranking(m);
    if (ranked.length < 2) return { winner: ranked[0] || null, tie: false, flip: null };
    var winner = ranked[0];
    if (ranked[1].total === winner.total) return { winner: winner, tie: true, flip: null };
    var t = totals(m);
    var best = null;
    m.criteria.forEach(function (c, ci) {
      m.options.forEach(function (_, o) {
        if (o === winner.option) return;
        var d = c.scores[winner.option] - c.scores[o];
        if (d === 0) return;
        var delta = -(t[winner.option] - t[o]) / d;
        var weight = c.weight + delta;
        if (weight < 0 || weight > MAX_WEIGHT) return;
        if (best === null || Math.abs(delta) < Math.abs(best.delta) - 1e-9) {
          best = { criterion: ci, name: c.name, option: o, optionName: m.options[o], from: c.weight, to: weight, delta: delta };
        }
      });
    });
    return { winner: winner, tie: false, flip: best };
  }

  function number(x) { return String(Math.round(x * 100) / 100); }

  function describe(m) {
    var s = sensitivity(m);
    if (!s.winner) return "Add at least two options.";
    if (s.tie) return "There is no winner yet: the top options tie.";
    var lead = s.winner.name + " leads with " + number(s.winner.total) + ".";
    if (!s.flip) return lead + " Robust to ±" + MAX_WEIGHT + ": no single weight between 0 and " + MAX_WEIGHT + " changes the winner.";
    var f = s.flip;
    return lead + " Closest call: if the weight of " + f.name + " went from " + number(f.from) + " to " + number(f.to) +
      " (" + (f.delta > 0 ? "+" : "−") + number(Math.abs(f.delta)) + "), " + f.optionName + " would tie with " +
      s.winner.name + "; beyond that, " + f.optionName + " wins. No smaller change to a single weight changes the winner.";
  }

  function markdown(m) {
    var t = totals(m);
    var esc = function (x) { return String(x).replace(/\|/g, "\\|"); };
    var lines = ["## Evaluation", "", "| Criterion | Weight | " + m.options.map(esc).join(" | ") + " |",
      "| --- | --- | " + m.options.map(function () { return "---"; }).join(" | ") + " |"];
    m.criteria.forEach(function (c) {
      lines.push("| " + esc(c.name) + " | " + number(c.weight) + " | " + c.scores.join(" | ") + " |");
    });
    lines.push("| **Weighted total** | | " + t.map(function (x) { return "**" + number(x) + "**"; }).join(" | ") + " |");
    lines.push("", "Scores run from 1 (poor) to 5 (excellent); each total is the sum of weight × score.", "",
      "## Ranking", "");
    ranking(m).forEach(function (r, i) { lines.push((i + 1) + ". " + esc(r.name) + ": " + number(r.total)); });
    lines.push("", "## Sensitivity", "", describe(m));
    return lines.join("\n");
  }

  function fresh(seed) { return JSON.parse(JSON.stringify(seed)); }

  function valid(m) {
    return m && Array.isArray(m.options) && Array.isArray(m.criteria) && m.options.length >= 1 &&
      m.criteria.every(function (c) { return typeof c.name === "string" && typeof c.weight === "number" &&
        Array.isArray(c.scores) && c.scores.length === m.options.length; });
  }

  function mount(root) {
    var seed = JSON.parse(root.dataset.hbMatrix);
    var m;
    try { m = JSON.parse(window.localStorage.getItem(KEY)); } catch (e) { m = null; }
    if (!valid(m)) m = fresh(seed);
    var grid = root.querySelector(".hb-matrix__grid");
    var result = root.querySelector(".hb-matrix__result");
    var status = root.querySelector(".hb-matrix__status");

    function save() { try { window.localStorage.setItem(KEY, JSON.stringify(m)); } catch (e) { /* not kept */ } }

    function input(attrs, value, onChange) {
      var node = document.createElement(attrs.tag || "input");
      delete attrs.tag;
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      node.value = value;
      node.addEventListener("change", function () { onChange(node.value); save(); draw(); });
      return node;
    }

    function cellWith(tag, child) { var c = document.createElement(tag); if (child) c.appendChild(child); return c; }

    function draw() {
      // Redrawing replaces the fields: keep the keyboard focus on the same field.
      var focused = grid.contains(document.activeElement) ? document.activeElement.getAttribute("aria-label") : null;
      grid.textContent = "";
      var table = document.createElement("table");
      var head = document.createElement("tr");
      head.appendChild(Object.assign(document.createElement("th"), { scope: "col", textContent: "Criterion" }));
      head.appendChild(Object.assign(document.createElement("th"), { scope: "col", textContent: "Weight (0–10)" }));
      m.options.forEach(function (name, o) {
        head.appendChild(cellWith("th", input({ type: "text", "aria-label": "Name of option " + (o + 1) }, name,
          function (v) { m.options[o] = v.trim() || "Option " + (o + 1); })));
      });
      var thead = document.createElement("thead");
      thead.appendChild(head);
      table.appendChild(thead);
      var body = document.createElement("tbody");
      m.criteria.forEach(function (c, ci) {
        var row = document.createElement("tr");
        row.appendChild(cellWith("th", input({ type: "text", "aria-label": "Name of criterion " + (ci + 1) }, c.name,
          function (v) { c.name = v.trim() || "Criterion " + (ci + 1); })));
        row.firstChild.setAttribute("scope", "row");
        row.appendChild(cellWith("td", input({ type: "number", min: "0", max: String(MAX_WEIGHT), step: "0.5",
          "aria-label": "Weight of " + c.name }, c.weight, function (v) {
          var w = Number(v); c.weight = isFinite(w) ? Math.max(0, Math.min(MAX_WEIGHT, w)) : c.weight; })));
        m.options.forEach(function (name, o) {
          var select = input({ tag: "select", "aria-label": "Score of " + name + " on " + c.name }, "", function (v) { c.scores[o] = Number(v); });
          [1, 2, 3, 4, 5].forEach(function (v) { select.appendChild(Object.assign(document.createElement("option"), { value: String(v), textContent: String(v) })); });
          select.value = String(c.scores[o]);
          row.appendChild(cellWith("td", select));
        });
        body.appendChild(row);
      });
      var t = totals(m);
      var totalRow = document.createElement("tr");
      totalRow.appendChild(Object.assign(document.createElement("th"), { scope: "row", textContent: "Weighted total" }));
      totalRow.appendChild(document.createElement("td"));
      t.forEach(function (x) { totalRow.appendChild(Object.assign(document.createElement("td"), { textContent: number(x), className: "hb-matrix__total" })); });
      body.appendChild(totalRow);
      table.appendChild(body);
      grid.appendChild(table);
      result.textContent = "";
      var list = document.createElement("ol");
      ranking(m).forEach(function (r) { list.appendChild(Object.assign(document.createElement("li"), { textContent: r.name + ": " + number(r.total) })); });
      result.appendChild(list);
      result.appendChild(Object.assign(document.createElement("p"), { className: "hb-matrix__sensitivity", textContent: describe(m) }));
      if (focused) {
        var again = Array.prototype.filter.call(grid.querySelectorAll("[aria-label]"), function (n) {
          return n.getAttribute("aria-label") === focused;
        })[0];
        if (again) again.focus();
      }
    }

    function act(name, fn) { root.querySelector("[data-hb-action=" + name + "]").addEventListener("click", fn); }
    act("add-option", function () {
      m.options.push("Option " + (m.options.length + 1));
      m.criteria.forEach(function (c) { c.scores.push(3); });
      save(); draw(); status.textContent = "Option added.";
    });
    act("add-criterion", function () {
      m.criteria.push({ name: "Criterion " + (m.criteria.length + 1), weight: 1, scores: m.options.map(function () { return 3; }) });
      save(); draw(); status.textContent = "Criterion added.";
    });
    act("remove-option", function () {
      if (m.options.length <= 2) { status.textContent = "Keep at least two options."; return; }
      m.options.pop(); m.criteria.forEach(function (c) { c.scores.pop(); });
      save(); draw(); status.textContent = "Last option removed.";
    });
    act("remove-criterion", function () {
      if (m.criteria.length <= 1) { status.textContent = "Keep at least one criterion."; return; }
      m.criteria.pop(); save(); draw(); status.textContent = "Last criterion removed.";
    });
    act("download", function () {
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([markdown(m) + "\n"], { type: "text/markdown" }));
      link.download = "decision-matrix-evaluation.md";
      document.body.appendChild(link); link.click(); link.remove();
      status.textContent = "Downloaded decision-matrix-evaluation.md.";
    });
    act("copy", function () {
      navigator.clipboard.writeText(markdown(m)).then(function () { status.textContent = "Markdown copied."; },
        function () { status.textContent = "This browser would not let the page copy; use the download instead."; });
    });
    act("rich", function () {
      var text = markdown(m);
      // markdown.js loads on the first rich copy; the write starts inside the click, with the HTML to come.
      var html = window.HandbookLater.script("markdown.js").then(function () {
        return new Blob([window.HandbookMarkdown.toHtml(text)], { type: "text/html" });
      });
      navigator.clipboard.write([new ClipboardItem({ "text/html": html,
        "text/plain": new Blob([text], { type: "text/plain" }) })]).then(
        function () { status.textContent = "Copied as rich text."; },
        function () { status.textContent = "This browser would not let the page copy rich text; copy the Markdown instead."; });
    });
    act("reset", function () {
      if (!window.confirm("Clear your matrix and start again from the example? This cannot be undone.")) return;
      m = fresh(seed); try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
      draw(); status.textContent = "Matrix cleared.";
    });
    root.hidden = false;
    draw();
  }

  window.HandbookMatrix = { totals: totals, ranking: ranking, sensitivity: sensitivity, describe: describe, markdown: markdown };
  window.HandbookLater(function () { Array.prototype.forEach.call(document.querySelectorAll("[data-hb-matrix]"), mount); });
})();
