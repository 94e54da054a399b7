"""Wayfinding: frameworks, 'where used' panels, orphans, glossary, tags, learning paths and the chooser."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from conftest import ROOT, built_path, docs_sources
from macros.loader import framework_ids
from macros.markup import slug
from macros.pages import front_matter, template_src, unit_src
from macros.wayfinding import abbreviation_footer, parse_abbreviations

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
    "cases/index.md",
}


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


def test_every_referenced_framework_has_a_page(handbook):
    pages = framework_ids(ROOT / "docs")
    refs = {f for _, u in handbook.units() for f in u.frameworks}
    refs |= {f for t in handbook.templates.values() for f in t.frameworks}
    assert refs <= pages


def test_framework_pages_have_every_section():
    for framework in sorted(framework_ids(ROOT / "docs")):
        text = (ROOT / "docs" / "frameworks" / f"{framework}.md").read_text("utf-8")
        if front_matter(text).get("draft"):
            continue
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
def test_where_used_panels_equal_the_data(kind, pages, handbook):
    checked = 0
    for src in docs_sources():
        if not src.startswith(f"{kind}/") or src.endswith("index.md"):
            continue
        item = Path(src).stem
        if kind == "frameworks":
            units, templates = handbook.framework_uses(item)
            expected = {built_path(unit_src(p.id, u.id)) for p, u in units} | {
                built_path(template_src(t.id)) for t in templates
            }
        else:
            expected = {built_path(unit_src(p.id, u.id)) for p, u in handbook.where_used(item)}
        page_path = built_path(src)
        shown = targets(page_path, pages[page_path].section_links.get("where-this-is-used", []))
        assert shown == expected, f"{src}: 'where this is used' shows {sorted(shown)}, data says {sorted(expected)}"
        checked += 1
    assert checked, f"no {kind} pages were checked"


def test_no_orphan_pages(pages):
    """Every page is reachable from the nav (test_site) and linked from the content of another page."""
    linked: set[str] = set()
    for path, page in pages.items():
        linked |= targets(path, page.content_links) - {path}
    orphans = [src for src in docs_sources() if src != "index.md" and built_path(src) not in linked]
    assert not orphans, f"no other page links to: {orphans}"


def test_every_glossary_term_is_used_and_explained(pages):
    entries = parse_abbreviations((ROOT / "includes" / "abbreviations.md").read_text("utf-8"))
    explained = {term for path, page in pages.items() if path != "glossary/index.html" for term in page.abbr}
    unused = sorted(term for term, _ in entries if term not in explained)
    assert not unused, f"glossary terms used on no page: {unused}"


TERMS = ["ADR", "ADRs", "PCI", "PCI DSS", "DSS", "CC BY", "IC", "C++", "_x", "é"]


@given(
    st.lists(st.sampled_from(TERMS), unique=True),
    st.lists(st.sampled_from([*TERMS, " ", "\n", "s", "x", "_", "-", "9", "é", "PCI-DSS"]), max_size=12).map("".join),
)
@example(terms=["PCI", "PCI DSS"], text="PCI DSS")  # a term inside a longer one is not used there
@example(terms=["ADR", "ADRs"], text="ADRs and an ADR")
def test_a_page_gets_the_definitions_of_the_terms_it_uses_as_whole_words(terms, text):
    """As one regular expression over the page, longest term first, would find them."""
    entries = [(term, f"meaning of {term}") for term in terms]
    pattern = r"\b(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")\b"
    used = set(re.findall(pattern, text)) if terms else set()
    assert abbreviation_footer(entries, text) == "".join(f"\n\n*[{t}]: meaning of {t}" for t in terms if t in used)


def test_content_pages_carry_tags_and_each_tag_page_lists_them(pages):
    checked = 0
    for src in docs_sources():
        if src in NOT_CONTENT or src.startswith(("about/", "paths/", "tags/")):
            continue
        tags = front_matter((ROOT / "docs" / src).read_text("utf-8")).get("tags") or []
        assert 2 <= len(tags) <= 4, f"{src}: {len(tags)} tags"
        for tag in tags:
            listing = f"tags/{slug(tag)}/index.html"
            assert listing in pages, f"no listing page for tag {tag!r}"
            assert built_path(src) in targets(listing, pages[listing].content_links), f"{listing} misses {src}"
            checked += 1
    assert checked, "no tagged pages were checked"


def test_every_allowed_tag_has_exactly_one_listing_page(mkdocs_config):
    allowed = mkdocs_config["plugins"]["material/tags"].config["tags_allowed"]
    pages = {p.stem for p in (ROOT / "docs" / "tags").glob("*.md") if p.stem != "index"}
    assert pages == {slug(str(tag)) for tag in allowed}, "docs/tags/<tag>.md must match tags_allowed in mkdocs.yml"


def test_learning_paths_mix_programs_frameworks_and_templates(handbook):
    for path in handbook.paths.values():
        kinds = {step.page.split("/")[0] for step in path.steps}
        assert {"programs", "frameworks", "templates"} <= kinds, f"{path.id} should mix programs, frameworks, templates"


def test_every_answer_combination_reaches_a_path(handbook):
    combos = handbook.answer_combinations()
    assert {handbook.route(c) for c in combos} == set(handbook.paths), "every path is reachable from the chooser"


@pytest.mark.browser
def test_chooser_routes_each_combination_like_the_data(page, handbook):
    page.goto("start-here/")
    for combo in handbook.answer_combinations():
        for question, answer in combo.items():
            page.locator(f"#hb-choose-{question}-{answer}").check()
        page.get_by_role("button", name="Show my path").click()
        link = page.locator(".hb-chooser__result a[data-hb-path]")
        assert link.get_attribute("data-hb-path") == handbook.route(combo), f"answers {combo}"
    link.click()
    page.wait_for_url(f"**/paths/{handbook.route(combo)}/")
    assert page.console_errors == []
