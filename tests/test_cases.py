"""Real cases: each one sourced, with a page, and linked both ways with the pages it illustrates."""

from __future__ import annotations

from conftest import ROOT, built_path
from macros.pages import case_src, front_matter


def test_every_case_has_a_page_with_its_title(handbook):
    for case in handbook.cases.values():
        page = ROOT / "docs" / case_src(case.id)
        assert page.is_file(), f"no page for case {case.id}; run scripts/handbook.py new case {case.id}"
        assert front_matter(page.read_text("utf-8"))["title"] == case.title


def test_every_case_has_a_primary_source(handbook):
    for case in handbook.cases.values():
        assert any(source.primary for source in case.sources), f"{case.id}: no primary source"


def test_case_pages_link_every_source(handbook, pages):
    for case in handbook.cases.values():
        urls = {url for _, _, url in pages[built_path(case_src(case.id))].links}
        for source in case.sources:
            assert source.url in urls, f"{case.id}: the page does not link {source.url}"


def test_pages_a_case_illustrates_link_back_to_it(handbook, pages):
    for case in handbook.cases.values():
        for src in case.illustrates:
            links = pages[built_path(src)].section_links.get("real-cases", [])
            assert any(f"cases/{case.id}/" in url for url in links), f"docs/{src} does not list the case {case.id}"


def test_the_case_library_lists_every_case(handbook, pages):
    page = pages[built_path("cases/index.md")]
    for case in handbook.cases.values():
        assert case.title in page.text
