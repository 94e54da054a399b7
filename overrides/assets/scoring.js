// Assessment scoring: pure functions, no DOM. The Python twin is macros/scoring.py and the
// tests check that both give the same score and band for generated answer sets.
(function (global) {
  "use strict";

  function bandForTotal(def, total) {
    var found = def.bands.filter(function (b) { return b.min <= total && total <= b.max; });
    if (found.length !== 1) throw new Error(def.id + ": total " + total + " falls in " + found.length + " bands");
    return found[0].id;
  }

  function itemValue(item, answers) {
    return Number(answers[item.id]);
  }

  // A complete set of answers -> {total, max, band, level, itemBands, weakest}.
  function score(def, answers) {
    var result = { total: null, max: null, band: null, level: null, itemBands: {}, weakest: [] };
    if (def.scoring === "sum") {
      var values = def.items.map(function (item) { return itemValue(item, answers); });
      result.total = values.reduce(function (a, b) { return a + b; }, 0);
      result.max = def.scale.max * def.items.length;
      result.band = bandForTotal(def, result.total);
      var order = values.map(function (v, i) { return i; });
      order.sort(function (a, b) { return values[a] - values[b] || a - b; });
      result.weakest = order.slice(0, def.weakest).map(function (i) { return def.items[i].id; });
    } else if (def.scoring === "choice") {
      def.items.forEach(function (item) {
        var choice = item.choices.filter(function (c) { return c.id === answers[item.id]; })[0];
        result.itemBands[item.id] = choice.band;
      });
    } else {
      var levels = [];
      def.items.forEach(function (item) { if (levels.indexOf(item.level) === -1) levels.push(item.level); });
      levels.sort(function (a, b) { return a - b; });
      var reached = 1;
      for (var i = 0; i < levels.length; i += 1) {
        var scores = def.items.filter(function (item) { return item.level === levels[i]; })
          .map(function (item) { return itemValue(item, answers); });
        var mean = scores.reduce(function (a, b) { return a + b; }, 0) / scores.length;
        if (mean >= def.level_threshold) reached = levels[i]; else break;
      }
      result.level = reached;
      result.band = def.bands[reached - 1].id;
    }
    return result;
  }

  // null when every given answer is valid for its item (answers may be partial), else a reason.
  function checkAnswers(def, answers) {
    if (!answers || typeof answers !== "object" || Array.isArray(answers)) return "answers must be an object";
    var items = {};
    def.items.forEach(function (item) { items[item.id] = item; });
    var keys = Object.keys(answers);
    for (var i = 0; i < keys.length; i += 1) {
      var item = items[keys[i]];
      var value = answers[keys[i]];
      if (!item) return "unknown question '" + keys[i] + "'";
      if (def.scoring === "choice") {
        if (!item.choices.some(function (c) { return c.id === value; })) return "'" + value + "' is not an answer to '" + item.id + "'";
      } else if (typeof value !== "number" || value % 1 !== 0 || value < def.scale.min || value > def.scale.max) {
        return "'" + item.id + "' must be a whole number from " + def.scale.min + " to " + def.scale.max;
      }
    }
    return null;
  }

  function isComplete(def, answers) {
    return def.items.every(function (item) { return Object.prototype.hasOwnProperty.call(answers, item.id); });
  }

  function bandById(def, id) {
    return def.bands.filter(function (b) { return b.id === id; })[0];
  }

  function answerText(def, item, value) {
    if (def.scoring === "choice") {
      var choice = item.choices.filter(function (c) { return c.id === value; })[0];
      return choice.band ? choice.label + " (" + bandById(def, choice.band).label + ")" : choice.label;
    }
    return value + " of " + def.scale.max;
  }

  function cell(text) {
    return String(text).replace(/\|/g, "\\|").replace(/\s+/g, " ");
  }

  // Evidence counts: {item id: [count or null, ...]} for items that list counters.
  function checkCounters(def, counters) {
    if (counters === undefined) return null;
    if (!counters || typeof counters !== "object" || Array.isArray(counters)) return "evidence counts must be an object";
    var keys = Object.keys(counters);
    for (var i = 0; i < keys.length; i += 1) {
      var item = def.items.filter(function (it) { return it.id === keys[i]; })[0];
      var values = counters[keys[i]];
      if (!item || !item.counters || !item.counters.length) return "no evidence counts belong to '" + keys[i] + "'";
      if (!Array.isArray(values) || values.length !== item.counters.length) return "'" + keys[i] + "' needs " + item.counters.length + " evidence counts";
      for (var k = 0; k < values.length; k += 1) {
        var v = values[k];
        if (v !== null && (typeof v !== "number" || v % 1 !== 0 || v < 0 || v > 100000)) return "evidence counts must be whole numbers of at least 0";
      }
    }
    return null;
  }

  // The result as Markdown, for notes, issues or a promotion packet. Paragraphs are separated
  // by blank lines so that every line renders on its own.
  function markdown(def, answers, date, counters) {
    var result = score(def, answers);
    var lines = ["## " + def.title + " (" + date + ")", "", "| Question | Answer |", "| --- | --- |"];
    def.items.forEach(function (item) {
      lines.push("| " + cell(item.label) + " | " + cell(answerText(def, item, answers[item.id])) + " |");
    });
    if (result.total !== null) lines.push("", "**Total:** " + result.total + " of " + result.max);
    if (result.band !== null) {
      var band = bandById(def, result.band);
      lines.push("", "**Result:** " + band.label + ". " + band.meaning, "", "**Next:** " + band.next);
    }
    if (result.weakest.length) {
      lines.push("", "### Work on these next", "");
      result.weakest.forEach(function (id, n) {
        var item = def.items.filter(function (i) { return i.id === id; })[0];
        lines.push((n + 1) + ". " + item.label + " (" + answers[id] + " of " + def.scale.max + ")");
      });
    }
    var withCounts = def.items.filter(function (item) {
      return item.counters && item.counters.length && counters && counters[item.id] &&
        counters[item.id].some(function (v) { return v !== null; });
    });
    if (withCounts.length) {
      lines.push("", "### Evidence this quarter", "");
      withCounts.forEach(function (item) {
        lines.push("- **" + item.label + "**");
        item.counters.forEach(function (label, k) {
          var v = counters[item.id][k];
          if (v !== null) lines.push("    - " + label + ": " + v);
        });
      });
    }
    return lines.join("\n") + "\n";
  }

  global.HandbookScoring = {
    score: score,
    checkAnswers: checkAnswers,
    checkCounters: checkCounters,
    isComplete: isComplete,
    bandById: bandById,
    answerText: answerText,
    markdown: markdown
  };
})(window);
