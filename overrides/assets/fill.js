// "Fill in" mode for a template: one field per section with its prompts as help, a live check
// with the rules of scripts/check_document.py (checker.js), and three ways out: download the
// Markdown, copy it, or copy it as rich text (HTML on the clipboard) for Google Docs,
// Confluence, Notion or Word. The draft is kept in this browser only
// ("handbook:template:v1:<template id>") until you clear it; nothing is sent anywhere.
(function () {
  "use strict";
  var PREFIX = "handbook:template:v1:";

  function comment(prompt) { return "<!-- " + prompt.replace(/--/g, "—") + " -->"; }

  // The same document as macros/templates.py template_document(), with the reader's text.
  function documentText(frame, variant, title, bodies) {
    var sections = frame.sections.filter(function (s) { return variant === "full" || s.minimal; });
    var required = sections.filter(function (s) { return s.required; }).map(function (s) { return s.heading; });
    var lines = ["---", "title: " + frame.title, "template: " + frame.id, "template_version: " + frame.version,
      "variant: " + variant, "required: " + required.join("; "), "source: " + frame.source,
      "license: " + frame.license, "---", "", "# " + frame.title + ": " + (title.trim() || "{title}"), ""];
    sections.forEach(function (s) {
      lines.push("## " + s.heading, "");
      s.prompts.forEach(function (p) { lines.push(comment(p)); });
      lines.push("", (bodies[s.heading] !== undefined ? bodies[s.heading] : s.body).replace(/\s+$/, ""), "");
    });
    return lines.join("\n").replace(/\n+$/, "");
  }

  function richHtml(frame, markdown) {
    var body = markdown.replace(/^---\n[\s\S]*?\n---\n/, "");
    return window.HandbookMarkdown.toHtml(body) + "<p><small>Made with the " +
      window.HandbookMarkdown.escape(frame.title) + " template " + frame.version + " of the Technical Leadership Handbook: " +
      '<a href="' + window.HandbookMarkdown.escape(frame.source) + '">' + window.HandbookMarkdown.escape(frame.source) +
      "</a></small></p>";
  }

  function load(id) {
    try {
      var value = JSON.parse(window.localStorage.getItem(PREFIX + id));
      if (value && typeof value.bodies === "object" && typeof value.title === "string") return value;
    } catch (e) { /* unreadable: start from the template */ }
    return null;
  }

  function save(id, draft) {
    try { window.localStorage.setItem(PREFIX + id, JSON.stringify(draft)); } catch (e) { /* not kept */ }
  }

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) return navigator.clipboard.writeText(text);
    return Promise.reject(new Error("no clipboard"));
  }

  // The HTML comes as a promise (markdown.js loads on the first rich copy), so the clipboard
  // write itself starts at once, inside the click, as browsers require.
  function copyRich(html, text) {
    if (navigator.clipboard && window.ClipboardItem) {
      return navigator.clipboard.write([new ClipboardItem({
        "text/html": html.then(function (h) { return new Blob([h], { type: "text/html" }); }),
        "text/plain": new Blob([text], { type: "text/plain" }),
      })]);
    }
    return Promise.reject(new Error("no rich clipboard"));
  }

  function mount(form) {
    var frame = JSON.parse(form.dataset.hbFill);
    var status = form.querySelector(".hb-fill__status");
    var problems = form.querySelector(".hb-fill__problems");
    var summary = form.querySelector(".hb-fill__summary");
    var titleField = form.querySelector("[name=title]");
    var fields = Array.prototype.slice.call(form.querySelectorAll("textarea[data-hb-section]"));
    var draft = load(frame.id);

    function variant() {
      var chosen = form.querySelector("[name=variant]:checked");
      return chosen ? chosen.value : "full";
    }
    function bodies() {
      var out = {};
      fields.forEach(function (f) { out[f.dataset.hbSection] = f.value; });
      return out;
    }
    function text() { return documentText(frame, variant(), titleField.value, bodies()); }

    if (draft) {
      titleField.value = draft.title;
      fields.forEach(function (f) { if (typeof draft.bodies[f.dataset.hbSection] === "string") f.value = draft.bodies[f.dataset.hbSection]; });
      var radio = form.querySelector("[name=variant][value=" + (draft.variant === "minimal" ? "minimal" : "full") + "]");
      if (radio) radio.checked = true;
    }

    function refresh(store) {
      var minimal = variant() === "minimal";
      form.querySelectorAll("[data-hb-optional]").forEach(function (section) { section.hidden = minimal; });
      var markdown = text();
      var found = window.HandbookChecker.check(markdown);
      problems.textContent = "";
      found.forEach(function (f) {
        problems.appendChild(Object.assign(document.createElement("li"), { textContent: "Line " + f.line + ": " + f.message }));
      });
      summary.textContent = found.length ? found.length + (found.length === 1 ? " thing" : " things") + " left to fill in"
        : "Complete: no placeholders left and every required section has content.";
      if (store) save(frame.id, { variant: variant(), title: titleField.value, bodies: bodies() });
    }

    var pending = null;
    form.addEventListener("input", function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(function () { refresh(true); }, 300);
    });
    form.addEventListener("change", function () { refresh(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    function say(message) { status.textContent = message; }
    form.querySelector("[data-hb-action=download]").addEventListener("click", function () {
      refresh(true);
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text() + "\n"], { type: "text/markdown" }));
      link.download = frame.id + ".md";
      document.body.appendChild(link);
      link.click();
      link.remove();
      say("Downloaded " + frame.id + ".md.");
    });
    form.querySelector("[data-hb-action=copy]").addEventListener("click", function () {
      refresh(true);
      copyText(text()).then(function () { say("Markdown copied."); }, function () { say("This browser would not let the page copy; use the download instead."); });
    });
    form.querySelector("[data-hb-action=rich]").addEventListener("click", function () {
      refresh(true);
      var markdown = text();
      var html = window.HandbookLater.script("markdown.js").then(function () { return richHtml(frame, markdown); });
      copyRich(html, markdown).then(
        function () { say("Copied as rich text: paste it into Google Docs, Confluence, Notion or Word."); },
        function () { say("This browser would not let the page copy rich text; copy the Markdown instead."); });
    });
    form.querySelector("[data-hb-action=clear]").addEventListener("click", function () {
      if (!window.confirm("Clear your draft of this template? This cannot be undone.")) return;
      try { window.localStorage.removeItem(PREFIX + frame.id); } catch (e) { /* nothing kept */ }
      titleField.value = "";
      fields.forEach(function (f) { f.value = f.defaultValue; });
      form.querySelectorAll("[name=variant]").forEach(function (r) { r.checked = r.defaultChecked; });
      refresh(false);
      say("Draft cleared.");
    });
    form.hidden = false;
    refresh(false);
  }

  window.HandbookFill = { documentText: documentText };
  window.HandbookLater(function () { Array.prototype.forEach.call(document.querySelectorAll("form[data-hb-fill]"), mount); });
})();
