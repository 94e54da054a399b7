"""Checklists that remember progress, and the cohort calendar, in a real browser."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

pytestmark = pytest.mark.browser

WEEK_1 = "programs/leadership-cohort/week-1/"
WEEK_2 = "programs/leadership-cohort/week-2/"
KEY_1 = "handbook:checklist:v1:leadership-cohort/week-1"


def boxes(page):
    return page.locator("[data-hb-checklist] input[type=checkbox]")


def test_ticks_survive_a_reload_and_count(page):
    page.goto(WEEK_1)
    total = boxes(page).count()
    boxes(page).nth(0).check()
    boxes(page).nth(2).check()
    progress = page.locator(".hb-checklist__progress")
    assert progress.inner_text() == f"2 of {total} done"
    page.reload()
    assert boxes(page).nth(0).is_checked() and boxes(page).nth(2).is_checked()
    assert not boxes(page).nth(1).is_checked()
    assert progress.inner_text() == f"2 of {total} done"
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('{KEY_1}'))")
    ids = [boxes(page).nth(i).get_attribute("data-hb-item") for i in (0, 2)]
    assert stored == {"items": {ids[0]: True, ids[1]: True}}, "keyed by stable id, not position"
    assert page.console_errors == []


def test_reset_clears_after_confirmation_and_leaves_other_units_alone(page):
    page.goto(WEEK_2)
    boxes(page).nth(0).check()
    page.goto(WEEK_1)
    boxes(page).nth(1).check()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Reset this checklist").click()
    assert boxes(page).nth(1).is_checked(), "dismissing the confirmation changes nothing"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset this checklist").click()
    assert not boxes(page).nth(1).is_checked()
    assert page.locator(".hb-checklist__progress").inner_text().startswith("0 of ")
    page.goto(WEEK_2)
    assert boxes(page).nth(0).is_checked(), "week 2 keeps its own state"


def test_removed_ids_are_dropped_quietly(page):
    page.goto(WEEK_1)
    first = boxes(page).nth(0).get_attribute("data-hb-item")
    page.evaluate(f"localStorage.setItem('{KEY_1}', JSON.stringify({{items: {{'{first}': true, 'gone-item': true}}}}))")
    page.reload()
    assert boxes(page).nth(0).is_checked()
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{KEY_1}'))") == {"items": {first: True}}


def test_corrupted_storage_is_recovered_with_a_message(page):
    page.goto(WEEK_2)
    boxes(page).nth(0).check()
    page.evaluate(f"localStorage.setItem('{KEY_1}', '{{not json')")
    page.goto(WEEK_1)
    assert "could not be read" in page.locator(".hb-checklist__progress").inner_text()
    assert boxes(page).count() > 0 and not boxes(page).nth(0).is_checked()
    boxes(page).nth(0).check()
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{KEY_1}')).items") != {}
    page.goto(WEEK_2)
    assert boxes(page).nth(0).is_checked(), "other checklists are untouched"
    assert page.console_errors == []


def test_program_overview_shows_progress_per_unit(page):
    page.goto(WEEK_1)
    boxes(page).nth(0).check()
    boxes(page).nth(1).check()
    page.goto("programs/leadership-cohort/")
    panel = page.locator(".hb-program-progress")
    assert panel.is_visible()
    cell = panel.locator("[data-hb-unit='leadership-cohort/week-1']")
    assert cell.inner_text().startswith("2 of ")
    assert "2 of " in panel.locator(".hb-program-progress__total").inner_text()


def test_calendar_download_is_valid_rfc5545(page, tmp_path):
    from icalendar import Calendar

    page.goto("programs/leadership-cohort/")
    form = page.locator("form[data-hb-calendar]")
    form.locator("input[name=date]").fill("2027-03-15")  # spans the European clock change on 28 March
    form.locator("input[name=time]").fill("09:30")
    form.locator("select[name=zone]").select_option("Europe/Berlin")
    with page.expect_download() as info:
        form.get_by_role("button", name="Download the calendar (.ics)").click()
    raw = open(info.value.path(), "rb").read()
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert len(events) == 5
    berlin = ZoneInfo("Europe/Berlin")
    starts = [event.decoded("DTSTART").astimezone(berlin) for event in events]
    assert [s.strftime("%Y-%m-%d %H:%M") for s in starts] == [
        (datetime(2027, 3, 15, 9, 30) + timedelta(weeks=i)).strftime("%Y-%m-%d %H:%M") for i in range(5)
    ], "every session at 09:30 Berlin time, a week apart, across the clock change"
    assert all((e.decoded("DTEND") - e.decoded("DTSTART")) == timedelta(hours=4) for e in events)
    titles = [str(event.get("SUMMARY")) for event in events]
    assert titles[0] == "Five-week leadership cohort: Week 1, Organisational foundations"
    assert titles[4].endswith("Week 5, Safety, sustainability and resilience")
    assert str(calendar.get("X-WR-TIMEZONE")) == "Europe/Berlin"
    assert len({str(e.get("UID")) for e in events}) == 5
    assert "5 sessions" in page.locator(".hb-calendar__status").inner_text()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_packet_prints_each_week_on_its_own_sheets(page, paper):
    import re

    page.goto("programs/leadership-cohort/packet/")
    page.emulate_media(media="print")
    assert page.locator(".md-sidebar--primary").is_hidden(), "navigation is not printed"
    assert page.locator(".hb-download").first.is_hidden()
    tops = page.evaluate("[...document.querySelectorAll('.hb-packet-unit')].map(s => getComputedStyle(s).breakBefore)")
    assert tops == ["auto"] + ["page"] * 4
    pdf = page.pdf(format=paper, print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 5, f"{paper}: {pages} printed pages for five weeks"


def test_checklist_by_keyboard_alone(page):
    """Tab reaches every checkbox and the reset button, focus is visible, ticks are announced."""
    page.goto(WEEK_1)
    total = boxes(page).count()
    page.locator("h1").click()  # start from the content, as after a skip link
    reached = []
    for _ in range(400):
        page.keyboard.press("Tab")
        info = page.evaluate(
            "() => { const e = document.activeElement; return {item: e.dataset.hbItem || null,"
            " text: e.textContent, outline: getComputedStyle(e).outlineStyle} }"
        )
        if info["item"]:
            reached.append(info["item"])
            assert info["outline"] != "none", "focus must be visible on a checkbox"
        if info["text"] == "Reset this checklist":
            break
    assert len(reached) == total, f"Tab reached {len(reached)} of {total} checkboxes"
    page.locator(f'[data-hb-item="{reached[0]}"]').focus()
    page.keyboard.press("Space")
    progress = page.locator(".hb-checklist__progress")
    assert progress.get_attribute("aria-live") == "polite"
    assert progress.inner_text() == f"1 of {total} done"


def test_template_filters_by_keyboard_alone(page):
    page.goto("templates/")
    select = page.locator("#hb-filter-purpose")
    select.focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("ArrowDown")  # the first purpose after "All"
    status = page.locator(".hb-filters__count")
    assert status.get_attribute("role") == "status"
    shown = page.locator("table[data-hb-filterable] tbody tr:not([hidden])").count()
    total = page.locator("table[data-hb-filterable] tbody tr").count()
    assert 0 < shown < total and status.inner_text() == f"Showing {shown} of {total} templates."
