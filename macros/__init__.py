"""mkdocs-macros entry point: load the data once, check every page, register each feature's macros.

The features live in their own modules (:mod:`.programs`, :mod:`.templates`,
:mod:`.assessments`, :mod:`.wayfinding`) and register their macros when imported; publishing
after the build is :func:`macros.publish.publish`. Zensical runs :func:`define_env` too.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

from . import (  # noqa: F401 - importing a feature module registers its macros
    assessments,
    cases,
    documents,
    examples,
    programs,
    references,
    sessions,
    templates,
    wayfinding,
)
from .guard import PageRejected, check_template, check_title
from .loader import Handbook, load_handbook
from .page import HandbookError, Page
from .pages import check_nav, check_pages
from .publish import publish
from .registry import MACROS
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
    # For the theme override (overrides/main.html): the review window and its cut-off date.
    env.conf.setdefault("extra", {}).setdefault("handbook", {}).update(
        review_months=site.settings.review_months, review_due_before=site.review_due_before().isoformat()
    )
    for name, function in MACROS.items():
        env.macro(_bound(env, function), name)


def _bound(env: Any, function: Any) -> Any:
    """``function`` with the page being rendered as its first argument, as the page calls it."""

    def run(*args: Any, **kwargs: Any) -> str:
        src = _page_src(env.page)
        page = env.hb_pages.get(src)
        if page is None:
            page = env.hb_pages[src] = Page(src=src, meta=dict(env.page.meta or {}), book=env.hb_book, site=env.hb_site)
        try:
            return function(page, *args, **kwargs)
        except (HandbookError, TypeError) as err:
            # One line, no traceback: the strict build stops at the end with every such line.
            message = str(err) if isinstance(err, HandbookError) else f"docs/{src}: {function.__name__}(): {err}"
            log.error(message)
            return ""

    run.__name__, run.__doc__ = function.__name__, function.__doc__
    return run


def on_pre_page_macros(env: Any) -> None:
    """Before a page renders: it may call the handbook's macros with literal arguments, nothing else."""
    src = _page_src(env.page)
    problem = check_title((env.page.meta or {}).get("title"))
    if problem:
        raise HandbookError(f"docs/{src}:1: {problem}")
    try:
        check_template(env.markdown, set(MACROS), env.env)
    except PageRejected as err:
        raise HandbookError(f"docs/{src}:{err.line + _front_matter_lines(env, src)}: {err}") from None


def _front_matter_lines(env: Any, src: str) -> int:
    """How many lines of the source file come before the Markdown that mkdocs-macros renders."""
    path = env.hb_site.docs_dir / src
    raw = path.read_text("utf-8") if path.is_file() else ""
    start = raw.find(env.markdown) if env.markdown else -1
    return raw.count("\n", 0, start) if start > 0 else 0


def on_post_build(env: Any) -> None:
    """Write the downloads, zip, llms.txt, JSON data and print editions into the built site."""
    report = publish(env.hb_site, env.hb_book, Path(env.conf["site_dir"]))
    for line in report.lines():
        log.info("handbook: %s", line)


__all__ = ["define_env", "on_pre_page_macros", "on_post_build"]
