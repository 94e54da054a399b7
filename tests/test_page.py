"""Links from a page: Markdown links MkDocs checks, and URLs for raw HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.page import Page, page_url, rel_url
from macros.settings import Settings, Site


@pytest.mark.parametrize(
    ("src", "url"),
    [
        ("index.md", ""),
        ("templates/index.md", "templates/"),
        ("templates/decision-matrix.md", "templates/decision-matrix/"),
    ],
)
def test_page_url_uses_directory_urls(src, url):
    assert page_url(src) == url
    assert page_url(src, directory_urls=False) == src[:-3] + ".html"


@pytest.mark.parametrize(
    ("from_url", "to_url", "link"),
    [
        ("templates/decision-matrix/", "downloads/templates/decision-matrix.md", "../../downloads/templates/decision-matrix.md"),
        ("", "templates/", "templates/"),
        ("programs/cohort/week-1/", "programs/cohort/week-1/", "./"),
        ("programs/cohort/week-1/", "templates/x/", "../../../templates/x/"),
    ],
)
def test_rel_url(from_url, to_url, link):
    assert rel_url(from_url, to_url) == link


def make_page(src: str, directory_urls: bool = True) -> Page:
    site = Site(Path("."), Path("docs"), "https://h.example/", directory_urls, "H", "", Settings())
    return Page(src=src, meta={}, book=None, site=site)  # type: ignore[arg-type]


def test_md_link_points_at_the_source_file():
    page = make_page("programs/cohort/week-1.md")
    assert page.md_link("templates/rfc.md") == "../../templates/rfc.md"
    assert page.md_link("programs/cohort/week-2.md") == "week-2.md"


def test_html_url_points_into_the_built_site():
    page = make_page("programs/cohort/week-1.md")
    assert page.html_url("templates/rfc.md") == "../../../templates/rfc/"
    assert page.html_url(file="downloads/checklists/cohort.md") == "../../../downloads/checklists/cohort.md"
    flat = make_page("programs/cohort/week-1.md", directory_urls=False)
    assert flat.html_url("templates/rfc.md") == "../../templates/rfc.html"


def test_assets_are_included_once_per_page():
    page = make_page("a/b.md")
    first = page.include_assets("checklist.js", "checklist.js", "runner.css")
    assert first.count("<script") == 1 and first.count("<link") == 1
    assert page.include_assets("checklist.js") == ""
