"""Every page has an owner and a review date; readers see both, and a notice when it is overdue."""

from __future__ import annotations

import datetime
import re
import warnings

from conftest import ROOT, build, copy_project, load_config
from htmlscan import scan
from macros.pages import front_matter
from macros.settings import read_settings

OWNERS_FILE = ROOT / ".github" / "CODEOWNERS"


def review_months() -> int:
    return read_settings(load_config()["extra"].get("handbook")).review_months


def teams() -> set[str]:
    return {t.rsplit("/", 1)[1] for t in re.findall(r"@[\w-]+/[\w-]+", OWNERS_FILE.read_text("utf-8"))}


def page_meta() -> list[tuple[str, dict]]:
    return [
        (p.relative_to(ROOT / "docs").as_posix(), front_matter(p.read_text("utf-8")))
        for p in sorted((ROOT / "docs").rglob("*.md"))
    ]


def test_every_page_has_an_owner_and_a_review_date():
    known = teams()
    missing = [
        src for src, meta in page_meta() if not meta.get("owner") or not isinstance(meta.get("reviewed"), datetime.date)
    ]
    assert not missing, f"pages without owner or reviewed (a date): {missing}"
    unknown = sorted({meta["owner"] for _, meta in page_meta()} - known)
    assert not unknown, f"owners not in .github/CODEOWNERS: {unknown}"


def test_review_dates_are_not_in_the_future_and_overdue_pages_are_reported():
    today = datetime.date.today()
    limit = today - datetime.timedelta(days=round(review_months() * 30.44))
    for src, meta in page_meta():
        assert meta["reviewed"] <= today, f"{src}: reviewed {meta['reviewed']} is in the future"
        if meta["reviewed"] < limit:
            warnings.warn(
                f"{src} was last reviewed on {meta['reviewed']}, over {review_months()} months ago", stacklevel=1
            )


def test_readers_see_review_date_owner_and_a_report_link(pages):
    page = pages["frameworks/team-types/index.html"]
    meta = dict(page_meta())["frameworks/team-types.md"]
    assert f"Last reviewed {meta['reviewed']}" in page.text and "frameworks team" in page.text
    from urllib.parse import parse_qs, urlsplit

    reports = [url for _, _, url in page.links if "/issues/new?" in url]
    query = parse_qs(urlsplit(reports[0]).query)
    assert query["template"] == ["page-error.yml"]
    assert query["page"][0].endswith("/frameworks/team-types/") and query["title"] == ["Page: Team types"]
    assert "due for review" not in page.text


def test_an_overdue_page_shows_a_notice(tmp_path):
    project = copy_project(tmp_path / "project")
    target = project / "docs" / "frameworks" / "team-types.md"
    text = target.read_text("utf-8")
    target.write_text(re.sub(r"^reviewed: .*$", "reviewed: 2020-01-15", text, count=1, flags=re.M), "utf-8")
    site = build(project, tmp_path / "site")
    overdue = scan((site / "frameworks" / "team-types" / "index.html").read_text("utf-8"))
    assert "This page is due for review" in overdue.text and "2020-01-15" in overdue.text
    fresh = scan((site / "frameworks" / "dora-metrics" / "index.html").read_text("utf-8"))
    assert "due for review" not in fresh.text
