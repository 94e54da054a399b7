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
      return choice.label + " (" + bandById(def, choice.band).label + ")";
    }
    return value + " of " + def.scale.max;
  }

  function cell(text) {
    return String(text).replace(/\|/g, "\\|").replace(/\s+/g, " ");
  }

  // The result as Markdown, for notes, issues or a promotion packet.
  function markdown(def, answers, date) {
    var result = score(def, answers);
    var lines = ["## " + def.title + " (" + date + ")", "", "| Question | Answer |", "| --- | --- |"];
    def.items.forEach(function (item) {
      lines.push("| " + cell(item.label) + " | " + cell(answerText(def, item, answers[item.id])) + " |");
    });
    lines.push("");
    if (result.total !== null) lines.push("**Total:** " + result.total + " of " + result.max);
    if (result.band !== null) {
      var band = bandById(def, result.band);
      lines.push("**Result:** " + band.label + ". " + band.meaning);
      lines.push("", "**Next:** " + band.next);
    }
    return lines.join("\n") + "\n";
  }

  global.HandbookScoring = {
    score: score,
    checkAnswers: checkAnswers,
    isComplete: isComplete,
    bandById: bandById,
    answerText: answerText,
    markdown: markdown
  };
})(window);
