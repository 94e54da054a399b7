// The document checker, the browser's twin of scripts/check_document.py: the same rules, the
// same messages, the same line numbers (the tests compare both on generated documents). It
// reports placeholders left in the text ({lowercase words} outside code and comments) and
// required sections (front matter "required:") that are missing or hold only prompts.
(function () {
  "use strict";
  var PLACEHOLDER = /\{[a-z0-9][^{}\n]*\}/g;
  var HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
  var FENCE = /^\s*(`{3,}|~{3,})/;
  var INLINE_CODE = /(`+).+?\1/g;
  var COMMENT = /<!--[\s\S]*?-->/g;

  function splitLines(text) {  // like Python's str.splitlines() for \n, \r\n and \r
    var lines = text.split(/\r\n|\r|\n/);
    if (lines.length && lines[lines.length - 1] === "") lines.pop();
    return lines;
  }

  function frontMatter(lines) {
    if (!lines.length || lines[0].trim() !== "---") return { meta: {}, start: 0 };
    var meta = Object.create(null);  // keys come from the document; no prototype to collide with
    for (var i = 1; i < lines.length; i++) {
      if (lines[i].trim() === "---") return { meta: meta, start: i + 1 };
      var at = lines[i].indexOf(":");
      if (at !== -1) meta[lines[i].slice(0, at).trim()] = lines[i].slice(at + 1).trim();
    }
    return { meta: {}, start: 0 };
  }

  function check(text) {
    var lines = splitLines(text);
    var fm = frontMatter(lines);
    var required = (fm.meta.required || "").split(";").map(function (s) { return s.trim(); }).filter(Boolean);
    var findings = [];
    var sections = new Map();
    var current = null;
    var inFence = null;
    var inComment = false;
    for (var index = fm.start; index < lines.length; index++) {
      var number = index + 1;
      var line = lines[index];
      var fence = FENCE.exec(line);
      if (fence) {
        var marker = fence[1][0];
        inFence = inFence === marker ? null : (inFence || marker);
        if (current !== null) current.push(line);
        continue;
      }
      var heading = inFence === null && !inComment ? HEADING.exec(line) : null;
      if (heading && heading[1].length === 2) {
        current = [];
        if (!sections.has(heading[2])) sections.set(heading[2], [number, current]);
      } else if (current !== null) {
        current.push(line);
      }
      if (inFence !== null) continue;
      var visible = line.replace(INLINE_CODE, "");
      if (inComment) {
        if (visible.indexOf("-->") === -1) continue;
        visible = visible.split("-->").slice(1).join("-->");
        inComment = false;
      }
      visible = visible.replace(COMMENT, "");
      if (visible.indexOf("<!--") !== -1) {
        visible = visible.split("<!--")[0];
        inComment = true;
      }
      var match;
      PLACEHOLDER.lastIndex = 0;
      while ((match = PLACEHOLDER.exec(visible)) !== null) {
        findings.push({ line: number, message: "placeholder " + match[0] + " is still in the text" });
      }
    }
    var requiredLine = 1;
    for (var j = 0; j < fm.start; j++) {
      if (lines[j].indexOf("required:") === 0) { requiredLine = j + 1; break; }
    }
    required.forEach(function (name) {
      if (!sections.has(name)) {
        findings.push({ line: requiredLine, message: "required section '## " + name + "' is missing" });
        return;
      }
      var content = sections.get(name)[1].join("\n").replace(COMMENT, "").trim();
      if (!content) findings.push({ line: sections.get(name)[0], message: "required section '## " + name + "' is empty" });
    });
    // A stable sort by line, like Python's sorted(key=line).
    return findings.map(function (f, i) { return [f, i]; })
      .sort(function (a, b) { return a[0].line - b[0].line || a[1] - b[1]; })
      .map(function (pair) { return pair[0]; });
  }

  window.HandbookChecker = { check: check, frontMatter: function (text) { return frontMatter(splitLines(text)).meta; } };
})();
