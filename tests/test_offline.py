"""The offline copy works opened straight from a folder: links, widgets and search, no server."""

from __future__ import annotations

import pytest

# The module's tests share one offline build, so they run on one xdist worker.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("offline")]


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory, node_tools):
    from handbook import build_offline

    dest = tmp_path_factory.mktemp("offline") / "site-offline"
    assert build_offline(dest, quiet=True) == 0
    return dest


def test_offline_copy_uses_file_links_and_no_other_origin(offline_site):
    home = (offline_site / "index.html").read_text("utf-8")
    assert 'href="programs/index.html"' in home
    assert "unpkg.com" not in home and (offline_site / "assets" / "iframe-worker" / "shim.js").is_file()
    assert (offline_site / "search" / "search_index.js").is_file(), "the search index is inlined for file://"
    assert (offline_site / "print" / "leadership-cohort" / "index.html").is_file()
    template = (offline_site / "templates" / "pre-mortem.html").read_text("utf-8")
    assert 'href="data:text/markdown;base64,' in template, "downloads carry their file: file:// ignores download"


def test_offline_copy_works_from_the_file_system(offline_site, browser):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto((offline_site / "index.html").as_uri())
    page.get_by_role("link", name="Run a cohort or a session").click()
    page.wait_for_url("**/programs/index.html")
    page.get_by_role("link", name="five-week cohort").first.click()
    page.wait_for_url("**/programs/leadership-cohort/index.html")
    page.goto((offline_site / "programs" / "leadership-cohort" / "week-1.html").as_uri())
    page.locator("[data-hb-checklist] input[type=checkbox]").first.check()
    page.reload()
    assert page.locator("[data-hb-checklist] input[type=checkbox]").first.is_checked()
    page.keyboard.press("s")
    search = page.locator("input.md-search__input")
    search.wait_for(state="visible")
    search.press_sequentially("decision matrix", delay=30)
    page.locator(".md-search-result__item", has_text="Decision matrix").first.wait_for(timeout=10_000)
    assert all(url.startswith(("file://", "data:", "blob:")) for url in requests), sorted(
        {u for u in requests if not u.startswith("file://")}
    )
    assert not errors, errors
    context.close()
