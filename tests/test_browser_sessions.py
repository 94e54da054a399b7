"""Running a program with a group, in Chromium: the session runner, the calendars and the PDFs."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest

from conftest import IN_CI, built_path
from macros.pages import unit_src

pytestmark = pytest.mark.browser


def first_unit_with_agenda(handbook):
    """A unit whose first two blocks are long enough for the timings below (a runner is on every agenda)."""
    return next((p, u) for p, u in handbook.units() if len(u.agenda) > 2 and u.agenda[0].minutes >= 5)


def seconds(text: str) -> int:
    """'8:59' -> 539, '−1:30' -> -90."""
    sign = -1 if text.startswith("−") else 1
    minutes, secs = text.lstrip("−").split(":")
    return sign * (int(minutes) * 60 + int(secs))


def open_runner(page, src):
    page.clock.install()
    page.goto(built_path(src).removesuffix("index.html"))
    start = page.locator("[data-hb-runner-start]")
    start.click()
    view = page.locator(".hb-runner__view")
    view.wait_for()
    return view


def test_runner_start_advance_pause_and_overrun(page, handbook):
    program, unit = first_unit_with_agenda(handbook)
    view = open_runner(page, unit_src(program.id, unit.id))
    first, second = unit.agenda[0], unit.agenda[1]
    assert view.locator(".hb-runner__activity").inner_text() == first.activity
    assert view.locator(".hb-runner__left").inner_text() == f"{first.minutes}:00"
    assert second.activity in view.locator(".hb-runner__next").inner_text()
    page.keyboard.press("Space")  # start
    page.clock.run_for(61_000)
    assert view.locator(".hb-runner__left").inner_text() == f"{first.minutes - 2}:59"
    page.keyboard.press("Space")  # pause: the clock stops
    page.clock.run_for(120_000)
    assert view.locator(".hb-runner__left").inner_text() == f"{first.minutes - 2}:59"
    assert "(paused)" in view.locator(".hb-runner__position").inner_text() or view.get_attribute("class")
    page.keyboard.press("Space")  # resume and run past the end of the block
    page.clock.run_for((first.minutes * 60 - 61 + 90) * 1000)
    assert "hb-runner--over" in view.get_attribute("class")
    assert view.locator(".hb-runner__left").inner_text().startswith("−1:3")
    assert "over schedule" in view.locator(".hb-runner__schedule").inner_text()
    assert f"Time is up for {first.activity}" in view.locator(".hb-runner__live").inner_text()
    page.keyboard.press("ArrowRight")
    assert view.locator(".hb-runner__activity").inner_text() == second.activity
    assert "Block 2 of" in view.locator(".hb-runner__live").inner_text()
    assert page.console_errors == []


def test_runner_minutes_adjust_and_the_schedule_follows(page, handbook):
    program, unit = first_unit_with_agenda(handbook)
    view = open_runner(page, unit_src(program.id, unit.id))
    page.keyboard.press("+")
    page.keyboard.press("+")
    assert view.locator(".hb-runner__left").inner_text() == f"{unit.agenda[0].minutes + 2}:00"
    assert view.locator(".hb-runner__schedule").inner_text() == "2 minutes over schedule"
    page.keyboard.press("-")
    page.keyboard.press("-")
    page.keyboard.press("-")
    assert view.locator(".hb-runner__schedule").inner_text() == "1 minute under schedule"


def test_runner_state_survives_a_reload(page, handbook):
    program, unit = first_unit_with_agenda(handbook)
    view = open_runner(page, unit_src(program.id, unit.id))
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    page.clock.run_for(30_000)
    page.reload()
    start = page.locator("[data-hb-runner-start]")
    assert start.inner_text() == f"Resume this session (block 2 of {len(unit.agenda)})"
    page.clock.run_for(30_000)  # still running while the page was away
    start.click()
    view = page.locator(".hb-runner__view")
    assert view.locator(".hb-runner__activity").inner_text() == unit.agenda[1].activity
    left = seconds(view.locator(".hb-runner__left").inner_text())
    assert abs(left - (unit.agenda[1].minutes * 60 - 60)) <= 2, "a minute of the block has run, across the reload"


def test_runner_by_keyboard_alone_with_polite_announcements(page, handbook):
    program, unit = first_unit_with_agenda(handbook)
    page.clock.install()
    page.goto(built_path(unit_src(program.id, unit.id)).removesuffix("index.html"))
    start = page.locator("[data-hb-runner-start]")
    start.focus()
    page.keyboard.press("Enter")
    view = page.locator(".hb-runner__view")
    assert view.get_attribute("aria-modal") == "true"
    assert view.locator(".hb-runner__live").get_attribute("aria-live") == "polite"
    assert view.locator(".hb-runner__left").get_attribute("role") == "timer"
    page.keyboard.press("Space")
    page.clock.run_for((unit.agenda[0].minutes * 60 - 59) * 1000)
    assert "One minute left" in view.locator(".hb-runner__live").inner_text()
    before = view.locator(".hb-runner__live").inner_text()
    page.clock.run_for(20_000)
    assert view.locator(".hb-runner__live").inner_text() == before, "no announcement every second"
    reached = set()
    for _ in range(10):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.textContent"))
    assert {"Pause (space)", "Next block (→)", "+1 minute (+)", "Close (Esc)"} <= reached, reached
    page.keyboard.press("ArrowRight")
    assert view.locator("button", has_text="Previous block (←)").is_enabled()
    assert all(view.locator("button").nth(i).is_visible() for i in range(view.locator("button").count()))
    page.keyboard.press("Escape")
    if page.locator(".hb-runner__view").count():
        page.keyboard.press("Escape")  # the first Escape may only leave full screen
    page.locator(".hb-runner__view").wait_for(state="detached")
    assert page.evaluate("document.activeElement.hasAttribute('data-hb-runner-start')")


def test_every_program_overview_offers_a_calendar_at_its_cadence(handbook, pages):
    for program in handbook.programs.values():
        if program.sessions is None:
            continue
        page = pages[f"programs/{program.id}/index.html"]
        assert "hb-cal-date" in page.ids, f"{program.id}: no calendar form on the overview"


def test_calendars_parse_and_follow_each_program_cadence(page, handbook, tmp_path):
    from icalendar import Calendar

    for program in handbook.programs.values():
        if program.sessions is None:
            continue
        page.goto(f"programs/{program.id}/")
        page.locator("#hb-cal-date").fill("2027-03-01")
        page.locator("#hb-cal-time").fill("09:30")
        page.locator("#hb-cal-zone").select_option("Europe/Berlin")
        with page.expect_download() as info:
            page.get_by_role("button", name="Download the calendar (.ics)").click()
        raw = open(info.value.path(), "rb").read()
        assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines fold at 75 octets"
        events = [e for e in Calendar.from_ical(raw).walk("VEVENT")]
        starts = [e.decoded("DTSTART") for e in events]
        gaps = {round((b - a).total_seconds() / 86400) for a, b in zip(starts, starts[1:], strict=False)}
        assert gaps <= {7 * program.sessions.every_weeks}, f"{program.id}: sessions {gaps} days apart"
        assert all(e.decoded("DTEND") - e.decoded("DTSTART") == timedelta(minutes=program.sessions.minutes) for e in events)


def _outline_titles(items) -> list[str]:
    """Every bookmark's title, nested ones included."""
    return [t for item in items for t in (_outline_titles(item) if isinstance(item, list) else [item.title])]


def test_pdfs_have_contents_page_numbers_and_no_controls(site, handbook):
    from pypdf import PdfReader

    pdfs = sorted((site / "downloads" / "pdf").glob("*.pdf")) if (site / "downloads" / "pdf").is_dir() else []
    if not pdfs:
        message = "no PDFs in the built site: run make pdf (it needs Chromium)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    for program in handbook.programs.values():
        if program.sessions is None or program.peer_session is not None:
            continue
        for kind in ("edition", "participant-packet", "facilitator-packet"):
            assert (site / "downloads" / "pdf" / f"{program.id}-{kind}.pdf").is_file(), f"{program.id}-{kind}.pdf"
    smallest = (min((p for p in pdfs if p.name.endswith(kind)), key=lambda p: p.stat().st_size, default=None)
                for kind in ("-participant-packet.pdf", "-facilitator-packet.pdf"))
    whole_read = {path for path in smallest if path}
    for path in pdfs:
        reader = PdfReader(io.BytesIO(path.read_bytes()))
        assert len(reader.pages) >= 3, f"{path.name}: {len(reader.pages)} pages"
        # Text extraction is slow (about 60 ms a page), so each PDF is read where it matters: its
        # contents page and footer. The smallest packet of each kind is read whole for controls
        # (all PDFs share one print stylesheet and one renderer, and the HTML print tests check
        # that stylesheet on every kind of page).
        pages = reader.pages if path in whole_read else reader.pages[:2]
        text = [" ".join((p.extract_text() or "").split()) for p in pages]
        assert "Contents" in text[0] or "Contents" in text[1], f"{path.name}: no contents list"
        assert re.search(r"page 2 of \d+", text[1]), f"{path.name}: no page numbers in the footer"
        assert reader.outline, f"{path.name}: no bookmarks"
        whole = " ".join(text)
        controls = ("Reset this checklist", "Download with my ticks", "Full screen, with a countdown", "Copy as rich text",
                    "Download the calendar", "Report a problem", "Copy to clipboard", "Clear my draft")
        for label in controls:
            assert label not in whole, f"{path.name} prints the control {label!r}"
        bookmarks = {"".join(title.split()) for title in _outline_titles(reader.outline)}
        program_id = next(p.id for p in handbook.programs.values() if path.name.startswith(p.id + "-"))
        for unit in handbook.programs[program_id].units:
            # Unit headings read "Week 1: …" or "Module 1: …"; bookmarks can lose a space where a heading wraps.
            title = "".join(unit.title.split())
            assert any(title in mark for mark in bookmarks), f"{path.name} has no bookmark for {unit.title}"


def test_pages_link_only_the_pdfs_that_exist(site, pages):
    for path, page in pages.items():
        for _, _, url in page.links:
            if url.endswith(".pdf") and "://" not in url:
                target = (site / path).parent / url
                assert target.resolve().is_file(), f"{path} links {url}, which was not made"
