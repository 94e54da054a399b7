// A small Markdown-to-HTML converter for "copy as rich text": headings, paragraphs, nested
// lists, tables, code blocks, quotes, bold, italics, inline code and links — what the
// handbook's templates use — so a filled-in document pastes intact into Google Docs,
// Confluence, Notion or Word. Every piece of text is escaped; comments are dropped.
(function () {
  "use strict";

  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function inline(text) {
    var codes = [];
    var out = escape(text).replace(/`([^`]+)`/g, function (_, code) {
      codes.push(code);
      return "\u0000" + (codes.length - 1) + "\u0000";
    });
    out = out.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, function (whole, label, href) {
      return /^(https?:|mailto:|#|\.{0,2}\/)/.test(href) || !/:/.test(href) ? '<a href="' + href + '">' + label + "</a>" : label;
    });
    out = out.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>").replace(/__([^_]+)__/g, "<strong>$1</strong>");
    out = out.replace(/(^|[^*\w])\*([^*\s][^*]*?)\*(?!\*)/g, "$1<em>$2</em>").replace(/(^|\W)_([^_\s][^_]*?)_(?!\w)/g, "$1<em>$2</em>");
    return out.replace(/\u0000(\d+)\u0000/g, function (_, i) { return "<code>" + codes[+i] + "</code>"; });
  }

  function cells(row) {
    return row.trim().replace(/^\|/, "").replace(/\|$/, "").split(/(?<!\\)\|/).map(function (c) {
      return c.trim().replace(/\\\|/g, "|");
    });
  }

  function toHtml(markdown) {
    var lines = markdown.replace(/<!--[\s\S]*?-->/g, "").split(/\r\n|\r|\n/);
    var html = [];
    var paragraph = [];
    var lists = [];  // stack of {tag, indent}
    var i = 0;

    function flushParagraph() {
      if (paragraph.length) html.push("<p>" + inline(paragraph.join(" ")) + "</p>");
      paragraph = [];
    }
    function closeLists(indent) {
      while (lists.length && lists[lists.length - 1].indent >= indent) html.push("</li></" + lists.pop().tag + ">");
    }

    for (; i < lines.length; i++) {
      var line = lines[i];
      var fence = /^\s*(`{3,}|~{3,})/.exec(line);
      if (fence) {
        flushParagraph(); closeLists(0);
        var code = [];
        for (i++; i < lines.length && lines[i].trim().indexOf(fence[1]) !== 0; i++) code.push(lines[i]);
        html.push("<pre><code>" + escape(code.join("\n")) + "</code></pre>");
        continue;
      }
      if (!line.trim()) { flushParagraph(); continue; }
      var heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading) {
        flushParagraph(); closeLists(0);
        html.push("<h" + heading[1].length + ">" + inline(heading[2]) + "</h" + heading[1].length + ">");
        continue;
      }
      if (/^\s*\|/.test(line) && i + 1 < lines.length && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1])) {
        flushParagraph(); closeLists(0);
        var head = cells(line);
        var rows = [];
        for (i += 2; i < lines.length && /^\s*\|/.test(lines[i]); i++) rows.push(cells(lines[i]));
        i--;
        html.push("<table><thead><tr>" + head.map(function (c) { return "<th>" + inline(c) + "</th>"; }).join("") +
          "</tr></thead><tbody>" + rows.map(function (r) {
            return "<tr>" + r.map(function (c) { return "<td>" + inline(c) + "</td>"; }).join("") + "</tr>";
          }).join("") + "</tbody></table>");
        continue;
      }
      var item = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/.exec(line);
      if (item) {
        flushParagraph();
        var indent = item[1].length;
        var tag = /\d/.test(item[2]) ? "ol" : "ul";
        var top = lists[lists.length - 1];
        if (top && top.indent > indent) { closeLists(indent + 1); top = lists[lists.length - 1]; }
        if (top && top.indent === indent && top.tag === tag) {
          html.push("</li><li>");
        } else if (top && top.indent === indent) {
          closeLists(indent); html.push("<" + tag + "><li>"); lists.push({ tag: tag, indent: indent });
        } else {
          html.push("<" + tag + "><li>"); lists.push({ tag: tag, indent: indent });
        }
        html.push(inline(item[3]));
        continue;
      }
      var quote = /^\s*>\s?(.*)$/.exec(line);
      if (quote) { flushParagraph(); closeLists(0); html.push("<blockquote><p>" + inline(quote[1]) + "</p></blockquote>"); continue; }
      if (lists.length && /^\s+/.test(line)) { html.push(" " + inline(line.trim())); continue; }
      closeLists(0);
      paragraph.push(line.trim());
    }
    flushParagraph(); closeLists(0);
    return html.join("");
  }

  window.HandbookMarkdown = { toHtml: toHtml, escape: escape };
})();
