"""What a reader does, in a real browser: Debian's Chromium driven by Playwright."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_home_page_renders_without_console_errors(page):
    page.goto("")
    assert page.locator("h1").inner_text().startswith("Technical Leadership Handbook")
    page.wait_for_load_state("networkidle")
    assert page.console_errors == []


def test_search_finds_the_decision_matrix(page):
    page.goto("")
    page.keyboard.press("s")  # Material's search shortcut (also reachable by clicking the search box)
    field = page.locator("input.md-search__input")
    field.wait_for(state="visible")
    field.press_sequentially("decision matrix", delay=30)  # typed, as a reader would
    result = page.locator(".md-search-result__item a", has_text="Decision matrix").first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_url("**/templates/decision-matrix/**")
    assert page.locator("h1").inner_text().startswith("Decision matrix")


def test_downloaded_template_equals_the_copied_block(page, browser):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("templates/decision-matrix/")
    block = page.locator(".highlight").first
    block.hover()
    block.locator('button[data-md-type="copy"]').click()
    copied = page.evaluate("navigator.clipboard.readText()")
    with page.expect_download() as info:
        page.locator('a[data-hb-download="decision-matrix-full"]').click()
    download = info.value
    assert download.suggested_filename == "decision-matrix.md"
    downloaded = open(download.path(), encoding="utf-8").read()
    assert copied.startswith("---\ntitle: Decision matrix\n")
    assert downloaded == copied
    assert page.console_errors == []


def test_template_filters_narrow_the_table(page):
    page.goto("templates/")
    rows = page.locator("table[data-hb-filterable] tbody tr")
    total = rows.count()
    status = page.locator(".hb-filters__count")
    assert status.inner_text() == f"Showing {total} of {total} templates."
    page.get_by_label("Purpose").select_option("operate")
    visible = page.locator("table[data-hb-filterable] tbody tr:not([hidden])")
    shown = visible.count()
    assert 0 < shown < total
    assert status.inner_text() == f"Showing {shown} of {total} templates."
    assert "Blameless postmortem" in visible.all_inner_texts()[0] + "".join(visible.all_inner_texts())
    page.get_by_label("Staff-plus competency").select_option("mentoring")
    assert visible.count() == 0 or all("Run and recover" in text for text in visible.all_inner_texts())
    page.get_by_label("Purpose").select_option("")
    assert 0 < visible.count() < total, "competency filter alone"
    assert all("Staff-plus" in text for text in visible.all_inner_texts())
    assert page.console_errors == []
