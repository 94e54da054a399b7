"""The page a macro renders for: where it is, what its front matter names, how to link from it.

Two helpers make links, and their names say which is which:

- :meth:`Page.md_link` gives a relative path to another page's *source* (``../week-2.md``) for a
  Markdown link. MkDocs checks it in strict mode and rewrites it to the page's URL.
- :meth:`Page.html_url` gives a relative URL into the *built site* for raw HTML (``href=``),
  which MkDocs does not touch: to a page, given as its source, or to a generated ``file=``.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any

from . import markup
from .loader import Handbook
from .model import Assessment, Program, Template, Unit
from .settings import Site

try:
    from mkdocs.exceptions import PluginError as _StopBuild
except ImportError:  # Zensical runs define_env without MkDocs installed
    _StopBuild = RuntimeError  # type: ignore[misc,assignment]


class HandbookError(_StopBuild):
    """Stops the build with the message alone (MkDocs prints plugin errors without a traceback)."""


def page_url(src: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a source file: ``a/b.md`` -> ``a/b/``, or ``a/b.html`` without directory URLs."""
    stem = src[:-3] if src.endswith(".md") else src
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def rel_url(from_url: str, to_url: str) -> str:
    """A relative link from the page at ``from_url`` to ``to_url`` (both site-root relative)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    target = posixpath.relpath("/" + to_url, "/" + base)
    if to_url.endswith("/") and not target.endswith("/"):
        target += "/"
    return "./" if target in ("./", ".") else target


@dataclass
class Page:
    """One page being rendered: its source path, front matter, the data and the site."""

    src: str
    meta: dict[str, Any]
    book: Handbook
    site: Site
    assets: set[str] = field(default_factory=set)  # widget files this page already includes

    @property
    def url(self) -> str:
        return page_url(self.src, self.site.directory_urls)

    def fail(self, message: str) -> HandbookError:
        """An error naming this page, for ``raise page.fail(...)``."""
        return HandbookError(f"docs/{self.src}: {message}")

    def exists(self, src: str) -> bool:
        return (self.site.docs_dir / src).is_file()

    def md_link(self, src: str) -> str:
        """A Markdown link target to the page ``src`` (e.g. ``templates/rfc.md``); MkDocs checks it."""
        return posixpath.relpath(src, posixpath.dirname(self.src) or ".")

    def html_url(self, src: str | None = None, *, file: str | None = None) -> str:
        """A relative URL for raw HTML: to the page whose source is ``src`` (``templates/rfc.md``), or to
        a ``file`` the build writes (``downloads/checklists/x.md``)."""
        if (src is None) == (file is None):
            raise TypeError("html_url takes a page source or file=, not both")
        return rel_url(self.url, page_url(src, self.site.directory_urls) if src is not None else str(file))

    def link_item(self, label: str, src: str) -> str:
        """A Markdown list item linking to the page ``src`` when it exists, plain text otherwise."""
        return f"- [{markup.md(label)}]({self.md_link(src)})" if self.exists(src) else f"- {markup.md(label)}"

    def include_assets(self, *names: str) -> str:
        """Tags for the widget scripts and stylesheets in ``overrides/assets/``, each once per page.

        The widgets' common styles are in ``handbook.css``, which every page loads; a widget few
        pages show brings its own stylesheet (``assessment.css``, ``runner.css``)."""
        tags = [markup.asset_tag(self.html_url(file=f"assets/{n}")) for n in dict.fromkeys(names) if n not in self.assets]
        self.assets.update(names)
        return "".join(tags)

    # --- the data item this page's front matter names ------------------------------------------

    def named(self, key: str, table: dict[str, Any], folder: str) -> Any:
        value = self.meta.get(key)
        if value not in table:
            raise self.fail(f"front matter '{key}: {value}' names nothing in {folder}")
        return table[value]

    def program(self) -> Program:
        return self.named("program", self.book.programs, "data/programs/")

    def unit(self) -> tuple[Program, Unit]:
        program = self.program()
        number = self.meta.get("unit")
        if not isinstance(number, int) or not 1 <= number <= len(program.units):
            raise self.fail(f"front matter 'unit: {number}' must be a number from 1 to {len(program.units)}")
        return program, program.units[number - 1]

    def template(self) -> Template:
        return self.named("template_id", self.book.templates, "data/templates/")

    def assessment(self) -> Assessment:
        return self.named("assessment_id", self.book.assessments, "data/assessments/")
