"""Promises about the built site, checked on the HTML MkDocs wrote, not guessed from sources."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from macros.loader import load_handbook
from macros.render import checklist_items, unit_src

ROOT = Path(__file__).resolve().parent.parent
CONTENT_PAGES_EXCLUDED = {"404.html"}


def nav_sources() -> set[str]:
    """Every docs/ file the nav in mkdocs.yml names."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)  # noqa: S506 - SafeLoader subclass
    found: set[str] = set()

    def walk(item):
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, list):
            for x in item:
                walk(x)
        elif isinstance(item, dict):
            for x in item.values():
                walk(x)

    walk(config["nav"])
    return found


def content_pages(pages):
    return {path: page for path, page in pages.items() if path not in CONTENT_PAGES_EXCLUDED}


def not_in_nav(src: str) -> bool:
    """The per-tag listing pages are deliberately left out of the nav (mkdocs.yml not_in_nav)."""
    return src.startswith("tags/") and src != "tags/index.md"


def test_every_markdown_page_is_in_the_nav():
    docs = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    docs = {src for src in docs if not not_in_nav(src)}
    assert docs - nav_sources() == set(), "add these pages to nav in mkdocs.yml"
    assert nav_sources() - docs == set(), "the nav names pages that do not exist"


def test_every_page_has_one_h1_a_title_and_a_description(pages):
    for path, page in content_pages(pages).items():
        assert len(page.h1) == 1, f"{path}: {len(page.h1)} <h1> elements"
        assert page.title.strip(), f"{path}: empty <title>"
        description = page.meta.get("description", "")
        assert description and description != "", f"{path}: no meta description"
    site_description = " ".join(
        yaml.safe_load(
            re.search(r"site_description: >-\n((?:  .*\n)+)", (ROOT / "mkdocs.yml").read_text()).group(1)
        ).split()
    )
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


def test_no_web_fonts_in_css(site):
    for css in site.rglob("*.css"):
        text = css.read_text("utf-8")
        assert "@font-face" not in text or "fonts.gstatic" not in text, f"{css} loads a web font"
        assert "@import url(http" not in text


def site_path_prefix() -> str:
    """The path part of site_url: 404.html uses site-absolute URLs that start with it."""
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    return urlsplit(re.search(r'site_url: !ENV \[\w+, "([^"]+)"\]', text).group(1)).path


def resolve(site: Path, page_path: str, url: str) -> tuple[Path, str] | None:
    """The file an internal link points to and its fragment; None for external links."""
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//"):
        return None
    if not parts.path:
        return site / page_path, unquote(parts.fragment)
    if parts.path.startswith("/"):
        prefix = site_path_prefix()
        assert parts.path.startswith(prefix), f"{page_path}: absolute link {url!r} outside the site"
        target = unquote(parts.path[len(prefix) :]) or "."
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(parts.path)))
    file = site / target
    if url.split("#")[0].endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, unquote(parts.fragment)


def test_every_internal_link_and_anchor_resolves(site, pages):
    """href/src in pages, macro output, raw HTML and theme partials all point at real files and ids."""
    problems = []
    checked = 0
    for path, page in pages.items():
        for tag, attr, url in page.links:
            if url.startswith(("mailto:", "javascript:", "data:")):
                continue
            found = resolve(site, path, url)
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
    assert checked > 50, "the link check should have seen the whole site"


def test_every_unit_page_has_its_sections(pages):
    handbook = load_handbook(ROOT / "data", ROOT, ROOT / "docs")
    seen = 0
    for program in handbook.programs.values():
        for unit in program.units:
            src = unit_src(program, unit)
            if not (ROOT / "docs" / src).is_file():
                continue
            seen += 1
            page = pages[src[: -len(".md")] + "/index.html"]
            for section in ("goals", "discussion", "checklist"):
                assert section in page.ids, f"{src}: no '{section}' section"
            assert {"homework", "exercise"} & page.ids, f"{src}: no homework or exercise section"
            assert unit.focus.split()[0] in page.text
            for item in checklist_items(unit):
                assert f"hb-{program.id}-{unit.id}-{item.id}" in page.ids, f"{src}: checklist item {item.id} missing"
    assert seen >= 1


def test_template_downloads_equal_their_copy_blocks(site, pages):
    """The generated .md file has exactly the text of the copy block on the template's page."""
    handbook = load_handbook(ROOT / "data", ROOT, ROOT / "docs")
    checked = 0
    for template_id in handbook.templates:
        page_path = f"templates/{template_id}/index.html"
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
    assert checked >= 2
