"""Promises about the built site, checked on the HTML MkDocs wrote, not guessed from sources."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import built_path, docs_sources
from macros.checklists import checklist_items
from macros.pages import template_src, unit_src
from macros.printing import nav_sources

CONTENT_PAGES_EXCLUDED = {"404.html"}


def content_pages(pages):
    return {path: page for path, page in pages.items() if path not in CONTENT_PAGES_EXCLUDED}


def not_in_nav(src: str) -> bool:
    """The per-tag listing pages are deliberately left out of the nav (mkdocs.yml not_in_nav)."""
    return src.startswith("tags/") and src != "tags/index.md"


def test_every_markdown_page_is_in_the_nav(mkdocs_config):
    docs = {src for src in docs_sources() if not not_in_nav(src)}
    listed = set(nav_sources(mkdocs_config["nav"]))
    assert docs - listed == set(), "add these pages to nav in mkdocs.yml"
    assert listed - docs == set(), "the nav names pages that do not exist"


def test_every_page_has_one_h1_a_title_and_a_description(pages, mkdocs_config):
    for path, page in content_pages(pages).items():
        assert len(page.h1) == 1, f"{path}: {len(page.h1)} <h1> elements"
        assert page.title.strip(), f"{path}: empty <title>"
        description = page.meta.get("description", "")
        assert description and description != "", f"{path}: no meta description"
    site_description = " ".join(mkdocs_config["site_description"].split())
    for path, page in content_pages(pages).items():
        if path != "index.html":
            assert " ".join(page.meta["description"].split()) != site_description, (
                f"{path}: falls back to site description"
            )


def test_no_leftover_template_syntax_or_macro_errors(site):
    for path in site.rglob("*.html"):
        html = path.read_text("utf-8")
        for marker in ("{{", "{%", "{#", "Macro Rendering Error", "jinja2.exceptions", "Traceback"):
            assert marker not in html, f"{path.relative_to(site)} contains {marker!r}"


def test_nothing_loads_from_another_origin(pages):
    """Scripts, styles, icons, images, frames: every fetch on page load stays on this site."""
    for path, page in pages.items():
        assert page.loads, f"{path}: the scanner found nothing that loads, which cannot be right"
        for url in page.loads:
            assert "://" not in url and not url.startswith("//"), f"{path}: loads {url!r} from another origin"


FIRST_LOAD_BUDGET = 60 * 1024  # bytes, gzipped


def test_no_page_loads_more_than_60_kb_of_script_and_style(site, pages, mkdocs_config):
    """A first visit downloads every script and stylesheet the page links before the reader asks for
    anything: at most 60 KB gzipped (as a compressing server sends them), the theme's included.
    The search index is not linked; it loads when the reader starts to search. Measured as
    ``scripts/bench`` reports it."""
    from bench import loaded_assets

    root = urlsplit(mkdocs_config["site_url"]).path  # 404.html links from the site's root path
    for path in pages:
        assets = loaded_assets(site, path, root)
        assert any("bundle" in asset for asset in assets), f"{path}: the theme's script is not among {sorted(assets)}"
        total = sum(assets.values())
        assert total <= FIRST_LOAD_BUDGET, (
            f"{path}: loads {total / 1024:.1f} KB of JavaScript and CSS (gzipped), over the {FIRST_LOAD_BUDGET // 1024} KB budget ("
            + ", ".join(f"{asset} {size / 1024:.1f} KB" for asset, size in sorted(assets.items()))
            + "). Include a widget's script only on pages that show the widget, or make it smaller."
        )


def test_no_web_fonts_in_css(site):
    for css in site.rglob("*.css"):
        text = css.read_text("utf-8")
        assert "@font-face" not in text or "fonts.gstatic" not in text, f"{css} loads a web font"
        assert "@import url(http" not in text


def resolve(site: Path, page_path: str, url: str, prefix: str) -> tuple[Path, str] | None:
    """The file an internal link points to and its fragment; None for external links."""
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//"):
        return None
    if not parts.path:
        return site / page_path, unquote(parts.fragment)
    if parts.path.startswith("/"):
        assert parts.path.startswith(prefix), f"{page_path}: absolute link {url!r} outside the site"
        target = unquote(parts.path[len(prefix) :]) or "."
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(parts.path)))
    file = site / target
    if url.split("#")[0].endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, unquote(parts.fragment)


def test_every_internal_link_and_anchor_resolves(site, pages, mkdocs_config):
    """href/src in pages, macro output, raw HTML and theme partials all point at real files and ids."""
    prefix = urlsplit(mkdocs_config["site_url"]).path  # 404.html uses site-absolute URLs under it
    problems = []
    checked = 0
    for path, page in pages.items():
        for tag, attr, url in page.links:
            if url.startswith(("mailto:", "javascript:", "data:")):
                continue
            found = resolve(site, path, url, prefix)
            if found is None:
                continue
            file, fragment = found
            checked += 1
            if not file.is_file():
                problems.append(f"{path}: <{tag} {attr}={url!r}> → missing {file.relative_to(site)}")
                continue
            if fragment and file.suffix == ".html":
                target = pages.get(file.relative_to(site).as_posix())
                if target is None or fragment not in target.ids:
                    problems.append(f"{path}: <{tag} {attr}={url!r}> → no id {fragment!r} on the target")
    assert not problems, "\n".join(problems)
    assert checked, "the link check saw no internal links"


def test_every_unit_page_shows_its_focus_and_checklist(pages, handbook):
    for program, unit in handbook.units():
        page = pages[built_path(unit_src(program.id, unit.id))]
        assert unit.focus.split()[0] in page.text
        for item in checklist_items(unit):
            assert f"hb-{program.id}-{unit.id}-{item.id}" in page.ids, f"{program.id}/{unit.id}: item {item.id} missing"


def test_template_downloads_equal_their_copy_blocks(site, pages, handbook):
    """The generated .md file has exactly the text of the copy block on the template's page."""
    checked = 0
    for template_id in handbook.templates:
        page_path = built_path(template_src(template_id))
        if page_path not in pages:
            continue
        html = (site / page_path).read_text("utf-8")
        for variant, suffix in (("full", ""), ("minimal", "-minimal")):
            download = site / "downloads" / "templates" / f"{template_id}{suffix}.md"
            marker = f'data-hb-download="{template_id}-{variant}"'
            if marker not in html:
                continue
            assert download.is_file(), f"{download} missing"
            text = download.read_text("utf-8")
            blocks = [block.rstrip("\n") for block in pages[page_path].code_blocks]  # Pygments adds one newline
            assert text in blocks, f"{page_path}: no copy block equals {download.name}"
            assert text.startswith("---\ntitle: ") and f"template: {template_id}\n" in text
            checked += 1
    assert checked >= len(handbook.templates), "every template page has at least its full copy block"


def test_no_bold_paragraphs_pretend_to_be_headings(site):
    """A paragraph that is only bold text is a heading screen-reader users cannot jump to."""
    fake = re.compile(r"<p><strong>[^<]{1,80}</strong></p>")
    offenders = []
    for path in site.rglob("*.html"):
        article = path.read_text("utf-8").split("<article", 1)[-1].split("</article>", 1)[0]
        offenders += [f"{path.relative_to(site)}: {m}" for m in fake.findall(article)[:2]]
    assert not offenders, "\n".join(offenders[:20])


def test_the_contents_toggle_label_always_has_its_control(site):
    for path in site.rglob("*.html"):
        html = path.read_text("utf-8")
        if 'for="__toc"' in html:
            assert 'id="__toc"' in html, f"{path.relative_to(site)}: label for a missing __toc control"
        if 'id="__toc"' in html and 'for="__toc"' not in html:
            assert 'id="__toc" aria-label=' in html, f"{path.relative_to(site)}: unlabelled contents toggle"
