"""mkdocs-macros entry point: load the data once, check every page, register each feature's macros.

The features live in their own modules (:mod:`.programs`, :mod:`.templates`,
:mod:`.assessments`, :mod:`.wayfinding`) and register their macros when imported; publishing
after the build is :func:`macros.publish.publish`. Zensical runs :func:`define_env` too.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
from pathlib import Path
from typing import Any

from . import (  # noqa: F401 - importing a feature module registers its macros
    assessments,
    cases,
    documents,
    examples,
    programs,
    references,
    revisions,
    sessions,
    templates,
    wayfinding,
)
from .guard import PageRejected, check_template, check_title, compile_page
from .loader import Handbook, load_handbook
from .page import HandbookError, Page
from .pages import check_nav, check_pages
from .publish import publish as publish_site
from .registry import MACROS, render_parts
from .settings import SettingsError, Site
from .yamldata import DataError

log = logging.getLogger("mkdocs.plugins.handbook")


def _signature(*folders: Path) -> tuple:
    """What the cache key needs: every file's path, size and modification time."""
    return tuple(
        (str(p), st.st_size, st.st_mtime_ns)
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.is_file() and (st := p.stat())
    )


@functools.lru_cache(maxsize=4)
def _load(site: Site, signature: tuple) -> Handbook:
    """Load and check data, page front matter, the nav and includes/ once per change of their files."""
    book = load_handbook(site.data_dir, site.root, site.docs_dir)
    problems = check_pages(book, site.docs_dir, site.root)
    for path in sorted((site.root / "includes").glob("*.md")):
        try:
            check_template(path.read_text("utf-8"), set(MACROS))
        except PageRejected as err:
            problems.append(f"includes/{path.name}:{err.line}: {err}")
    if problems:
        raise DataError(problems)
    return book


def _page_src(page: Any) -> str:
    return page.file.src_uri if hasattr(page, "file") else str(page.path)  # MkDocs, or Zensical


def define_env(env: Any) -> None:
    try:
        site = Site.from_config(env.conf, env.project_dir)
        book = _load(site, _signature(site.data_dir, site.docs_dir, site.root / "includes"))
        nav_problems = check_nav(site.nav, book)
        if nav_problems:
            raise DataError(nav_problems)
    except SettingsError as err:
        raise HandbookError(str(err)) from None
    except DataError as err:
        raise HandbookError("invalid handbook data:\n" + str(err)) from None
    env.hb_site, env.hb_book, env.hb_pages = site, book, {}
    env.hb_parts, env.hb_rendered = {}, {}  # per page: its text and calls, and its Markdown after the macros
    env.hb_dates = revisions.page_dates(site.root, site.docs_dir, _build_date())
    glossary = site.root / wayfinding.GLOSSARY_FILE
    env.hb_abbreviations = wayfinding.parse_abbreviations(glossary.read_text("utf-8")) if glossary.is_file() else []
    # For the theme override (overrides/main.html): the review window and its cut-off date. Apart
    # from extra.handbook, which holds only what the maintainers set and is checked as such.
    env.conf.setdefault("extra", {})["handbook_review"] = {
        "months": site.settings.review_months,
        "due_before": site.review_due_before().isoformat(),
    }
    for name, function in MACROS.items():
        env.macro(_bound(env, function), name)


def page_for(env: Any, src: str, meta: dict | None) -> Page:
    """The macros' view of the page ``src`` (one per page and build; the preview drops it when the page changes)."""
    page = env.hb_pages.get(src)
    if page is None:
        page = env.hb_pages[src] = Page(src=src, meta=dict(meta or {}), book=env.hb_book, site=env.hb_site)
    return page


def _run(function: Any, page: Page, *args: Any, **kwargs: Any) -> str:
    """Call a macro for ``page``; a problem becomes one logged line (the strict build stops at the end with all of them)."""
    try:
        return function(page, *args, **kwargs)
    except (HandbookError, TypeError) as err:
        log.error(str(err) if isinstance(err, HandbookError) else f"docs/{page.src}: {function.__name__}(): {err}")
        return ""


def run_macro(name: str, page: Page, *args: Any, **kwargs: Any) -> str:
    """The registered macro ``name`` called for ``page``, as :func:`_run` calls it."""
    return _run(MACROS[name], page, *args, **kwargs)


def _bound(env: Any, function: Any) -> Any:
    """``function`` with the page being rendered as its first argument, as the page calls it (for Zensical)."""

    def run(*args: Any, **kwargs: Any) -> str:
        return _run(function, page_for(env, _page_src(env.page), env.page.meta), *args, **kwargs)

    run.__name__, run.__doc__ = function.__name__, function.__doc__
    return run


def _build_date() -> dt.date:
    stamp = os.environ.get("SOURCE_DATE_EPOCH", "")
    now = dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc) if stamp.isdigit() else dt.datetime.now(dt.timezone.utc)
    return now.date()


def on_pre_page_macros(env: Any) -> None:
    """Check the page (macros with literal arguments, nothing else), run its macros, date it,
    and add the definitions of the glossary abbreviations it uses.

    The page's Markdown is replaced by its rendered text and marked ``render_macros: false``
    for mkdocs-macros, so Jinja never executes page text: one parse serves the check and the render.
    """
    src = _page_src(env.page)
    problem = check_title((env.page.meta or {}).get("title"))
    if problem:
        raise HandbookError(f"docs/{src}:1: {problem}")
    try:
        parts = compile_page(env.markdown, set(MACROS), env.env)
    except PageRejected as err:
        raise HandbookError(f"docs/{src}:{err.line + _front_matter_lines(env, src)}: {err}") from None
    env.hb_parts[src] = parts
    page = page_for(env, src, env.page.meta)
    env.markdown = env.hb_rendered[src] = render_parts(parts, page, run_macro)
    # Every page explains the glossary's abbreviations it uses on hover (Markdown's abbr extension).
    env.markdown += wayfinding.abbreviation_footer(env.hb_abbreviations, env.markdown)
    env.variables["page"].meta = {**(env.page.meta or {}), "render_macros": False}  # mkdocs-macros' copy only
    day = env.hb_dates.get(src) or _build_date().isoformat()
    env.page.meta["revision_date"] = revisions.date_html(day)


def _front_matter_lines(env: Any, src: str) -> int:
    """How many lines of the source file come before the Markdown that mkdocs-macros renders."""
    path = env.hb_site.docs_dir / src
    raw = path.read_text("utf-8") if path.is_file() else ""
    start = raw.find(env.markdown) if env.markdown else -1
    return raw.count("\n", 0, start) if start > 0 else 0


def on_post_build(env: Any) -> None:
    """Write the downloads, zip, llms.txt, JSON data and print editions into the built site."""
    report = publish_site(env.hb_site, env.hb_book, Path(env.conf["site_dir"]), rendered=env.hb_rendered)
    for line in report.lines():
        log.info("handbook: %s", line)


__all__ = ["define_env", "on_pre_page_macros", "on_post_build"]
