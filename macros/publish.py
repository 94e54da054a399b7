"""Publishing: every file the build writes besides the pages themselves.

:func:`publish` is a plain function of the built site folder. MkDocs calls it after a build
(``on_post_build`` in :mod:`macros`); ``scripts/handbook.py publish`` calls it after a
Zensical build, which has no post-build hook. It writes the template and checklist
downloads, the template zip, ``llms.txt`` and ``llms-full.txt``, the JSON data with its
schemas and the print editions, compacts the HTML, minifies the handbook's own scripts and
stylesheets, removes the theme's unused style rules, and reports what it wrote and what it skipped.
"""

from __future__ import annotations

import functools
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from . import checklists, printing
from .documents import CHECKER_DOWNLOAD
from .loader import Handbook
from .minify import minify_assets
from .model import Assessment, LearningPath, Program, Template
from .page import Page, page_url
from .pages import front_matter
from .registry import render_markdown
from .settings import Site
from .templates import TEMPLATE_ZIP, template_files
from .themecss import prune_theme_stylesheets

_PRESERVED = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)
_LINE_BREAK_AND_INDENT = re.compile(r"\n\s+")  # a newline, then blank lines and indentation


_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)
_EXTERNAL = re.compile(r'<a (?=[^>]*\bhref="https?://)')


def fix_theme_html(html: str) -> str:
    """Two fixes to the theme's markup, made after the build so the overrides stay thin.

    - A page without a navigation entry (tag listings, section indexes) has the contents
      heading as a ``<label for="__toc">`` with no such control: it becomes plain text. A page
      whose toggle has no label (no contents) names it for assistive technology.
    - Links to other sites are marked ``data-hb-ext``, so print shows only their addresses.
    """
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r'<span class="md-nav__title">\1</span>', html)
    elif 'for="__toc"' not in html:
        html = html.replace('id="__toc">', 'id="__toc" aria-label="Table of contents">', 1)
    return _EXTERNAL.sub("<a data-hb-ext ", html)


def compact_html(html: str) -> str:
    """Drop indentation and blank lines between tags; keep <pre>, <textarea>, <script>, <style> as they are.

    A newline stays wherever there was white space, so the rendered text is unchanged.
    """
    parts = _PRESERVED.split(html)
    out = []
    # split() with two groups yields: text, whole-match, tag-name, text, ...
    for index in range(0, len(parts), 3):
        out.append(_LINE_BREAK_AND_INDENT.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)

# --- for tools and machines -----------------------------------------------------------------

SECTIONS = {
    "": "Start here",
    "start-here": "Start here",
    "paths": "Learning paths",
    "programs": "Programs",
    "frameworks": "Frameworks",
    "assessments": "Self-assessments",
    "templates": "Templates",
    "cases": "Real cases",
    "glossary": "About",
    "tags": "About",
    "about": "About",
}
_WIDGET_TAGS = re.compile(r"<(script|link)\b[^>]*>(</script>)?")


def llms_index(site_name: str, description: str, base: str, records: list[tuple[str, str, str, str]]) -> str:
    """llms.txt: the site in one Markdown list, every page with its description, by section."""
    out = [
        f"# {site_name}",
        "",
        f"> {' '.join(description.split())}",
        "",
        f"The full text of every page is in {base}llms-full.txt; the structured data is under {base}data/.",
        "",
    ]
    by_section: dict[str, list[str]] = {}
    for url, title, text, _ in records:
        section = SECTIONS.get(url.split("/", 1)[0], "Other")
        by_section.setdefault(section, []).append(f"- [{title}]({base}{url}): {text}")
    for section in dict.fromkeys(SECTIONS.values()):
        if section in by_section:
            out += [f"## {section}", "", *by_section[section], ""]
    return "\n".join(out)


def llms_full(site_name: str, base: str, records: list[tuple[str, str, str, str]]) -> str:
    """llms-full.txt: every page's Markdown after the macros ran, one after another."""
    parts = [f"# {site_name}: full text", ""]
    for url, title, text, markdown in records:
        parts += [
            "---",
            "",
            f"# {title}",
            "",
            f"Source: {base}{url}",
            "",
            text,
            "",
            _WIDGET_TAGS.sub("", markdown).strip(),
            "",
        ]
    return "\n".join(parts)


def _dump(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


@functools.lru_cache(maxsize=None)
def _schema(model: type[BaseModel]) -> str:
    """``model``'s JSON Schema as a file; the models change only with the code (the preview
    restarts then), so each is made once per process rather than after every data edit."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return _dump(schema)


def data_export(handbook: Handbook) -> list[tuple[str, str]]:
    """The handbook's data as JSON at stable paths, with a JSON Schema for each kind."""
    kinds = {
        "programs": (Program, handbook.programs),
        "templates": (Template, handbook.templates),
        "assessments": (Assessment, handbook.assessments),
        "paths": (LearningPath, handbook.paths),
    }
    files = []
    index = {"version": 1, "files": {}}
    for name, (model, items) in kinds.items():
        files.append((f"data/{name}.json", _dump([item.model_dump(mode="json") for item in items.values()])))
        files.append((f"data/schema/{name[:-1]}.schema.json", _schema(model)))
        index["files"][name] = {
            "data": f"{name}.json",
            "schema": f"schema/{name[:-1]}.schema.json",
            "count": len(items),
        }
    files.append(("data/index.json", _dump(index)))
    return files




def zip_bytes(files: list[tuple[str, str]]) -> bytes:
    """A deterministic zip: sorted names, fixed timestamps and permissions, fixed compression."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, text.encode("utf-8"), compresslevel=9)
    return buffer.getvalue()


def downloads(site: Site, book: Handbook) -> list[tuple[str, str]]:
    """Every downloadable file, as (site path, text): templates, checklists and the document checker."""
    files = template_files(site, list(book.templates.values()))
    checker = site.root / "scripts" / "check_document.py"
    if checker.is_file():
        files.append((CHECKER_DOWNLOAD, checker.read_text("utf-8")))
    for program in book.programs.values():
        files.append((checklists.checklist_download(program), checklists.program_checklist_markdown(program)))
        files += [
            (checklists.checklist_download(program, unit), checklists.checklist_markdown(program, unit))
            for unit in program.units
        ]
    return files


def page_records(site: Site, book: Handbook, rendered: dict[str, str] | None = None) -> list[tuple[str, str, str, str]]:
    """(url, title, description, Markdown after macros) of every page, sorted by URL, for llms.txt.

    ``rendered`` holds pages the build already rendered (by source path); the rest render here.
    """
    records = []
    for path in sorted(site.docs_dir.rglob("*.md")):
        src = path.relative_to(site.docs_dir).as_posix()
        text = path.read_text("utf-8")
        meta = front_matter(text)
        body = text.split("\n---", 1)[1].split("\n", 1)[1].lstrip("\n") if meta else text
        page = Page(src=src, meta=meta, book=book, site=site)
        description = " ".join(str(meta.get("description", "")).split())
        markdown = (rendered or {}).get(src)
        if markdown is None:
            markdown = render_markdown(body, page)
        records.append((page_url(src), str(meta.get("title", "")), description, markdown))
    return sorted(records)


@dataclass
class Report:
    """What :func:`publish` wrote (kind -> number of files) and what it skipped, with the reason."""

    written: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"wrote {count} {kind}" for kind, count in self.written.items()]
        return out + [f"skipped {reason}" for reason in self.skipped]


def _write(site_dir: Path, rel_path: str, data: str | bytes) -> None:
    target = site_dir / rel_path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def publish(
    site: Site,
    book: Handbook,
    site_dir: Path,
    rendered: dict[str, str] | None = None,
    *,
    pages: bool = True,
    deferred: bool = False,
) -> Report:
    """Write every generated file into the built site at ``site_dir``.

    ``rendered``: see :func:`page_records`. ``pages=False`` leaves the HTML pages as they are
    (the preview compacts each page it rebuilds itself). ``deferred=True`` skips the print
    editions and the template zip, which the preview writes when a browser asks for them
    (:func:`write_deferred`).
    """
    report = Report()
    files = downloads(site, book)
    for rel_path, text in files:
        _write(site_dir, rel_path, text)
    report.written["downloads (templates, checklists, checker)"] = len(files)
    base = site.site_url.rstrip("/") + "/"
    records = page_records(site, book, rendered)
    _write(site_dir, "llms.txt", llms_index(site.name, site.description, base, records))
    _write(site_dir, "llms-full.txt", llms_full(site.name, base, records))
    report.written["llms.txt files"] = 2
    exported = data_export(book)
    for rel_path, text in exported:
        _write(site_dir, rel_path, text)
    report.written["JSON data files"] = len(exported)
    report.written["minified scripts and stylesheets"] = minify_assets(site_dir)
    if pages:
        # Material's templates indent deeply: a fifth of every page was white space. Compact the
        # pages first, so the print editions are assembled from (and inherit) compact pages.
        html_pages = list(site_dir.rglob("*.html"))
        for page in html_pages:
            page.write_text(compact_html(fix_theme_html(page.read_text("utf-8"))), "utf-8")
        report.written["compacted HTML pages"] = len(html_pages)
    if deferred:
        report.skipped.append("print editions and template zip: written when first requested")
        return report
    editions = write_deferred(site, book, site_dir)
    report.written["template zip"] = 1
    if editions:
        report.written["print editions"] = len(editions)
    else:
        report.skipped.append("print editions: no built page has an <article> element to assemble them from")
    if pages:  # last: every page and script the site has is written
        count, before, after = prune_theme_stylesheets(site_dir)
        report.written[f"theme stylesheets without unused rules ({before // 1024} KB to {after // 1024} KB)"] = count
    return report


def write_deferred(site: Site, book: Handbook, site_dir: Path) -> list[str]:
    """The template zip and the print editions (assembled from the built, compacted pages)."""
    files = template_files(site, list(book.templates.values()))
    _write(site_dir, TEMPLATE_ZIP, zip_bytes([(rel.rsplit("/", 1)[1], text) for rel, text in files]))
    return printing.write_print_editions(site, book, site_dir)
