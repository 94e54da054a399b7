"""Finding one's way: frameworks, 'where used' panels, orphans, glossary, tags, paths."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest

from macros.loader import framework_ids, load_handbook
from macros.render import parse_abbreviations, unit_src

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = load_handbook(ROOT / "data", ROOT, ROOT / "docs")
NOT_CONTENT = {
    "index.md",
    "programs/index.md",
    "frameworks/index.md",
    "templates/index.md",
    "tags.md",
    "glossary.md",
    "start-here.md",
    "paths/index.md",
    "assessments/index.md",
}


def html_path(src: str) -> str:
    if src == "index.md":
        return "index.html"
    return (src[: -len("index.md")] if src.endswith("/index.md") else src[: -len(".md")] + "/") + "index.html"


def targets(page_html: str, urls: list[str]) -> set[str]:
    """Site-relative HTML files that a page's relative links point to."""
    found = set()
    for url in urls:
        if "://" in url or url.startswith(("#", "mailto:")):
            continue
        path = url.split("#")[0]
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_html), path))
        found.add(resolved + "/index.html" if not resolved.endswith(".html") else resolved)
    return {t.replace("./index.html", "index.html") for t in found}


def doc_sources() -> list[str]:
    return sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))


def test_every_referenced_framework_has_a_page():
    pages = framework_ids(ROOT / "docs")
    refs = {f for p in HANDBOOK.programs.values() for u in p.units for f in u.frameworks}
    refs |= {f for t in HANDBOOK.templates.values() for f in t.frameworks}
    assert refs <= pages
    assert len(pages) >= 25


def test_framework_pages_have_every_section():
    for framework in sorted(framework_ids(ROOT / "docs")):
        text = (ROOT / "docs" / "frameworks" / f"{framework}.md").read_text("utf-8")
        for heading in (
            "## The idea",
            "## When it helps",
            "## How to apply it",
            "## Pitfalls",
            "## Example",
            "## Where this is used",
            "## Sources",
        ):
            assert heading in text, f"{framework}: missing '{heading}'"


@pytest.mark.parametrize("kind", ["frameworks", "templates"])
def test_where_used_panels_equal_the_data(kind, pages):
    checked = 0
    for src in doc_sources():
        if not src.startswith(f"{kind}/") or src.endswith("index.md"):
            continue
        item = Path(src).stem
        if kind == "frameworks":
            units, templates = HANDBOOK.framework_uses(item)
            expected = {html_path(unit_src(p, u)) for p, u in units} | {
                html_path(f"templates/{t.id}.md") for t in templates
            }
        else:
            expected = {html_path(unit_src(p, u)) for p, u in HANDBOOK.where_used(item)}
        page_path = html_path(src)
        shown = targets(page_path, pages[page_path].section_links.get("where-this-is-used", []))
        assert shown == expected, f"{src}: 'where this is used' shows {sorted(shown)}, data says {sorted(expected)}"
        checked += 1
    assert checked >= 25


def test_no_orphan_pages(pages):
    """Every page is reachable from the nav (test_site) and linked from the content of another page."""
    linked: set[str] = set()
    for path, page in pages.items():
        linked |= targets(path, page.content_links) - {path}
    orphans = [src for src in doc_sources() if src != "index.md" and html_path(src) not in linked]
    assert not orphans, f"no other page links to: {orphans}"


def test_every_glossary_term_is_used_and_explained(pages):
    entries = parse_abbreviations((ROOT / "includes" / "abbreviations.md").read_text("utf-8"))
    assert len(entries) >= 20
    for required in ("ADR", "RFC", "DORA", "SLO", "MTTR", "CAB", "IC", "DRI"):
        assert required in dict(entries), f"glossary lacks {required}"
    explained = {term for path, page in pages.items() if path != "glossary/index.html" for term in page.abbr}
    unused = sorted(term for term, _ in entries if term not in explained)
    assert not unused, f"glossary terms used on no page: {unused}"


def test_content_pages_carry_tags_and_each_tag_page_lists_them(pages):
    from macros.render import front_matter, slug

    checked = 0
    for src in doc_sources():
        if src in NOT_CONTENT or src.startswith(("about/", "paths/", "tags/")):
            continue
        tags = front_matter((ROOT / "docs" / src).read_text("utf-8")).get("tags") or []
        assert 2 <= len(tags) <= 4, f"{src}: {len(tags)} tags"
        for tag in tags:
            listing = f"tags/{slug(tag)}/index.html"
            assert listing in pages, f"no listing page for tag {tag!r}"
            assert html_path(src) in targets(listing, pages[listing].content_links), f"{listing} misses {src}"
            checked += 1
    assert checked > 150


def test_every_allowed_tag_has_exactly_one_listing_page():
    import re

    from macros.render import slug

    block = (ROOT / "mkdocs.yml").read_text("utf-8").split("tags_allowed:\n", 1)[1]
    allowed = [m.group(1) for m in re.finditer(r"^        - (.+)$", block.split("\n  - ", 1)[0], re.M)]
    pages = {p.stem for p in (ROOT / "docs" / "tags").glob("*.md") if p.stem != "index"}
    assert pages == {slug(tag) for tag in allowed}, "docs/tags/<tag>.md must match tags_allowed in mkdocs.yml"


def test_learning_paths_cover_the_four_roles():
    assert set(HANDBOOK.paths) == {"new-tech-lead", "staff-plus-ic", "engineering-manager", "incident-lead"}
    for path in HANDBOOK.paths.values():
        kinds = {step.page.split("/")[0] for step in path.steps}
        assert {"programs", "frameworks", "templates"} <= kinds, f"{path.id} should mix programs, frameworks, templates"


def test_every_answer_combination_reaches_a_path():
    combos = HANDBOOK.answer_combinations()
    assert len(combos) >= 9
    assert {HANDBOOK.route(c) for c in combos} == set(HANDBOOK.paths), "every path is reachable from the chooser"


@pytest.mark.browser
def test_chooser_routes_each_combination_like_the_data(page):
    page.goto("start-here/")
    for combo in HANDBOOK.answer_combinations():
        for question, answer in combo.items():
            page.locator(f"#hb-choose-{question}-{answer}").check()
        page.get_by_role("button", name="Show my path").click()
        link = page.locator(".hb-chooser__result a")
        assert link.get_attribute("data-hb-path") == HANDBOOK.route(combo), f"answers {combo}"
    link.click()
    page.wait_for_url(f"**/paths/{HANDBOOK.route(combo)}/")
    assert page.console_errors == []
