"""Print editions: one printable page per program, and one for the whole handbook.

They are assembled from the built pages after the build: each page's ``<article>`` is moved
into one document, with its ids prefixed, its headings shifted one level down and its links
re-based, so that links between pages of the same edition become links within it.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

from .loader import Handbook
from .markup import esc, is_word_char
from .page import page_url
from .pages import unit_src
from .settings import Site

_ARTICLE = re.compile(r"(<article\b[^>]*>)(.*?)(</article>)", re.S)
# One pattern per attribute, each starting with the attribute's name: the regular-expression
# engine scans for a literal start ten times faster than for a word boundary.
_URL_ATTRS = tuple(re.compile(f'{name}="([^"]*)"') for name in ("href", "src"))
_ID_ATTR = re.compile(r'id="([^"]*)"')
_ID_REF_ATTRS = tuple(re.compile(f'{name}="([^"]*)"') for name in ("for", "aria-labelledby", "aria-describedby"))
_TITLE = re.compile(r"<title>.*?</title>", re.S)
_WIDGET_SCRIPT = re.compile(r'<script src="[^"]*"></script>')


def dir_of(url: str) -> str:
    """The folder a page's relative links start from: 'a/b/' for 'a/b/' and for 'a/b/index.html'."""
    return url if url.endswith("/") or not url else posixpath.dirname(url) + "/"


def relocate(article: str, from_url: str, to_url: str, prefix: str, anchors: dict[str, str]) -> str:
    """An article moved from the page at ``from_url`` into the page at ``to_url``.

    Relative links are re-based; ids get ``prefix`` so several pages can share one document;
    links to pages that are part of the same document (``anchors``: page url -> prefix) become
    in-document links.
    """

    def target(url: str) -> str:
        if url.startswith("#"):
            return f"#{prefix}{url[1:]}" if len(url) > 1 else url
        if "://" in url or url.startswith(("/", "mailto:", "data:", "javascript:")):
            return url
        path, _, fragment = url.partition("#")
        resolved = posixpath.normpath(posixpath.join(dir_of(from_url), path)) if path else from_url.rstrip("/")
        site_path = resolved + ("/" if path.endswith("/") else "")
        bare = site_path.rstrip("/")
        other = anchors.get(bare + "/", anchors.get(bare))  # a page's url, with or without its slash
        if other is not None:
            return f"#{other}{fragment}" if fragment else f"#{other}top"
        new = posixpath.relpath("/" + site_path, "/" + dir_of(to_url))
        if path.endswith("/") and not new.endswith("/"):
            new += "/"
        return new + (f"#{fragment}" if fragment else "")

    targets: dict[str, str] = {}  # the same links recur on every page

    def rebase(url: str) -> str:
        if url not in targets:
            targets[url] = target(url)
        return targets[url]

    for pattern in _URL_ATTRS:
        article = _change_attribute(article, pattern, rebase)
    article = _change_attribute(article, _ID_ATTR, lambda value: prefix + value)
    for pattern in _ID_REF_ATTRS:
        article = _change_attribute(article, pattern, lambda value: " ".join(prefix + v for v in value.split()))
    return article


def _change_attribute(html: str, pattern: re.Pattern, change: Any) -> str:
    """``html`` with ``change`` applied to the value of the attribute ``pattern`` finds, where the
    name starts a word (as ``\\b`` would: ``valid="`` is no ``id="``)."""

    def replace(match: re.Match) -> str:
        if is_word_char(html[match.start() - 1 : match.start()]):
            return match.group(0)
        return match.group(0)[: match.start(1) - match.start()] + change(match.group(1)) + '"'

    return pattern.sub(replace, html)


_HEADING_TAG = re.compile(r"<(/?)h([1-5])\b")


def shift_headings(html: str) -> str:
    """Every heading one level down (h1 -> h2 ... h5 -> h6)."""
    return _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)


def remove_elements(html: str, opening: str, tag: str) -> str:
    """Remove every element that starts with ``opening``, with everything nested inside it."""
    pair = re.compile(rf"<(/?){tag}\b")
    while (start := html.find(opening)) != -1:
        depth, end = 0, len(html)
        for match in pair.finditer(html, start):
            depth += -1 if match.group(1) else 1
            if depth == 0:
                end = html.index(">", match.end()) + 1
                break
        html = html[:start] + html[end:]
    return html


def print_page(shell: str, shell_url: str, parts: list[tuple[str, str]], url: str, title: str) -> str:
    """One printable page from built pages: ``shell`` (a built page at the same depth as ``url``)
    provides head, header and styles; ``parts`` are (page url, page html) in reading order."""
    anchors = {page: f"p{index}-" for index, (page, _) in enumerate(parts)}
    sections = []
    for page, html in parts:
        match = _ARTICLE.search(html)
        if match is None:
            continue
        # Static on paper: no widget scripts, so checklists print as empty boxes and assessments as blank forms.
        inner = relocate(_WIDGET_SCRIPT.sub("", match.group(2)), page, url, anchors[page], anchors)
        inner = shift_headings(inner)  # each page becomes a section under the edition's one <h1>
        sections.append(f'<section class="hb-print-unit" id="{anchors[page]}top">{inner}</section>')
    head = relocate(shell, shell_url, url, "", {}) if shell_url != url else shell
    head = remove_elements(head, '<nav class="md-nav md-nav--secondary"', "nav")  # the shell's own contents
    head = _TITLE.sub(f"<title>{esc(title)}</title>", head, count=1)
    head = re.sub(r'<a href="#[^"]*" class="md-skip">', '<a href="#hb-print-title" class="md-skip">', head, count=1)
    match = _ARTICLE.search(head)
    assert match is not None, "the shell page has no article"
    intro = f'<h1 class="hb-print-title" id="hb-print-title">{esc(title)}</h1><p class="hb-print-note">A printable edition: use your browser\'s print command to save it as a PDF.</p>'
    return head[: match.start(2)] + intro + "\n".join(sections) + head[match.end(2) :]


def nav_sources(items: Any) -> list[str]:
    """Every Markdown source the nav lists, in reading order."""
    found: list[str] = []
    for item in items if isinstance(items, list) else [items]:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                found += nav_sources(value)
    return found


def _built(site: Site, site_dir: Path, src: str) -> tuple[str, str] | None:
    """(url, html) of a built page, or None when the build did not write it."""
    url = page_url(src, site.directory_urls)
    path = site_dir / (url + "index.html" if url == "" or url.endswith("/") else url)
    return (url, path.read_text("utf-8")) if path.is_file() else None


def _write(site: Site, site_dir: Path, src: str, html: str) -> None:
    url = page_url(src, site.directory_urls)
    path = site_dir / (url + "index.html" if url.endswith("/") else url)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, "utf-8")


def write_print_editions(site: Site, book: Handbook, site_dir: Path) -> list[str]:
    """Write print/<program>/ and print/; return the editions written (site sources)."""
    written = []
    for program in book.programs.values():
        sources = [f"programs/{program.id}/index.md"] + [unit_src(program.id, unit.id) for unit in program.units]
        parts = [part for src in sources if (part := _built(site, site_dir, src))]
        if not parts or not _ARTICLE.search(parts[0][1]):
            continue
        target = f"print/{program.id}/index.md"
        url = page_url(target, site.directory_urls)
        _write(site, site_dir, target, print_page(parts[0][1], parts[0][0], parts, url, f"{program.title}: printable edition"))
        written.append(target)
    parts = [part for src in nav_sources(site.nav or []) if (part := _built(site, site_dir, src))]
    # The shell lends its head and header; one at the edition's own depth keeps the theme's base path right.
    url = page_url("print/index.md", site.directory_urls)
    depth = dir_of(url).count("/")
    shell = next((part for part in parts if dir_of(part[0]).count("/") == depth and _ARTICLE.search(part[1])), None)
    if shell:
        _write(site, site_dir, "print/index.md", print_page(shell[1], shell[0], parts, url, f"{site.name}: printable edition"))
        written.append("print/index.md")
    return written
