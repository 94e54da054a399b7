"""A small HTML scanner for tests: the parts of a built page the promises are about."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, url)
    loads: list[str] = field(default_factory=list)  # URLs the browser fetches on page load
    h1: list[str] = field(default_factory=list)
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    scripts: list[str] = field(default_factory=list)  # inline script bodies
    text: str = ""
    code_blocks: list[str] = field(default_factory=list)  # text of <pre><code>
    content_links: list[str] = field(default_factory=list)  # hrefs inside the page's <article>
    section_links: dict[str, list[str]] = field(default_factory=dict)  # h2 id -> hrefs in that section
    abbr: set[str] = field(default_factory=set)  # abbreviations explained on the page
    article_text: str = ""


class _Scanner(HTMLParser):
    URL_ATTRS = {"href", "src", "action", "poster", "data"}
    LOADING_RELS = {
        "stylesheet",
        "icon",
        "preload",
        "modulepreload",
        "prefetch",
        "preconnect",
        "dns-prefetch",
        "manifest",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._stack: list[str] = []
        self._text: list[str] = []
        self._h1: list[str] | None = None
        self._title = False
        self._script: list[str] | None = None
        self._code: list[str] | None = None
        self._article_depth: int | None = None
        self._section = ""
        self._abbr: list[str] | None = None
        self._article_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        for attr in self.URL_ATTRS & values.keys():
            self.page.links.append((tag, attr, values[attr]))
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and values.get("src"):
            self.page.loads.append(values["src"])
        if tag == "link" and set(values.get("rel", "").split()) & self.LOADING_RELS:
            self.page.loads.append(values.get("href", ""))
        if "style" in values and "url(" in values["style"]:
            self.page.loads.append(values["style"])
        if tag == "meta" and "name" in values:
            self.page.meta[values["name"]] = values.get("content", "")
        if tag == "h1":
            self._h1 = []
        if tag == "title":
            self._title = True
        if tag == "script" and "src" not in values:
            self._script = []
        if tag == "code" and self._stack and self._stack[-1] == "pre":
            self._code = []
        if tag == "article" and self._article_depth is None:  # the first article is the page content
            self._article_depth = len(self._stack)
        if self._article_depth is not None and self._article_depth >= 0:
            if tag == "h2":
                self._section = values.get("id", "")
            if tag == "a" and "href" in values and "headerlink" not in values.get("class", ""):
                self.page.content_links.append(values["href"])
                self.page.section_links.setdefault(self._section, []).append(values["href"])
            if tag == "abbr":
                self._abbr = []
        if tag not in ("br", "img", "input", "meta", "link", "hr", "source", "wbr"):
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self._h1 is not None:
            self.page.h1.append("".join(self._h1).strip())
            self._h1 = None
        if tag == "title":
            self._title = False
        if tag == "script" and self._script is not None:
            self.page.scripts.append("".join(self._script))
            self._script = None
        if tag == "code" and self._code is not None:
            self.page.code_blocks.append("".join(self._code))
            self._code = None
        if tag == "abbr" and self._abbr is not None:
            self.page.abbr.add("".join(self._abbr))
            self._abbr = None
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass
        if self._article_depth is not None and len(self._stack) <= self._article_depth:
            self._article_depth = -1  # the article has ended; -1 keeps it from reopening

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
            return
        self._text.append(data)
        if self._article_depth is not None and self._article_depth >= 0:
            self._article_text.append(data)
        if self._abbr is not None:
            self._abbr.append(data)
        if self._h1 is not None:
            self._h1.append(data)
        if self._title:
            self.page.title += data
        if self._code is not None:
            self._code.append(data)


def scan(html: str) -> Page:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    scanner.page.text = "".join(scanner._text)
    scanner.page.article_text = "".join(scanner._article_text)
    return scanner.page
