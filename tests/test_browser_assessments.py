"""Assessments in a real browser: scoring parity with Python, state, export/import, links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import answers_strategy
from hypothesis import HealthCheck, given, settings

from macros.scoring import score

pytestmark = pytest.mark.browser

QUARTERLY = "assessments/quarterly-leadership/"
KEY = "handbook:assessment:v1:quarterly-leadership"
SCORES = {
    "technical-decision-making": 7,
    "mentoring": 5,
    "influence-without-authority": 8,
    "strategy-and-vision": 6,
    "communication-and-storytelling": 4,
    "building-and-scaling-systems": 9,
}


def fill(page, assessment_id, answers):
    for item, value in answers.items():
        page.locator(f"#hb-{assessment_id}-{item}-{value}").check()


def definition(page):
    return json.loads(page.locator("[data-hb-assessment]").get_attribute("data-hb-assessment"))


@pytest.fixture
def quarterly(page):
    page.goto(QUARTERLY)
    page.wait_for_function("window.HandbookAssessment !== undefined")
    return page


def test_browser_scoring_equals_python(page, handbook, assessment_id):
    """Generated answer sets: the JavaScript module and macros/scoring.py agree on every one."""
    assessment = handbook.assessments[assessment_id]
    page.goto(f"assessments/{assessment_id}/")
    page.wait_for_function("window.HandbookScoring !== undefined")
    samples = []

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(answers=answers_strategy(assessment))
    def collect(answers):
        samples.append(answers)

    collect()
    browser_results = page.evaluate(
        "([def, sets]) => sets.map(a => HandbookScoring.score(def, a))", [definition(page), samples]
    )
    for answers, got in zip(samples, browser_results, strict=True):
        assert got == score(assessment, answers), f"answers {answers}"
    possible = 1
    for item in assessment.items:
        possible *= len(item.choices) if item.choices else assessment.scale.max - assessment.scale.min + 1
    assert len({json.dumps(a, sort_keys=True) for a in samples}) >= min(20, possible)


def test_fill_score_reload_and_band(quarterly):
    page = quarterly
    fill(page, "quarterly-leadership", SCORES)
    headline = page.locator(".hb-assessment__headline")
    assert headline.inner_text() == "39 of 60: Building foundations"
    assert [a.inner_text() for a in page.locator(".hb-assessment__weakest a").all()] == [
        "Communication and storytelling",
        "Mentoring and developing others",
    ]
    assert page.locator("svg.hb-radar").count() == 1
    assert page.locator(".hb-assessment__result table tbody tr").count() == 6
    page.reload()
    page.wait_for_function("document.querySelector('.hb-assessment__headline') !== null")
    assert headline.inner_text() == "39 of 60: Building foundations"
    assert page.locator("#hb-quarterly-leadership-mentoring-5").is_checked()
    assert page.console_errors == []


def test_every_assessment_can_be_completed_by_clicking(page, handbook):
    for assessment_id, assessment in handbook.assessments.items():
        page.goto(f"assessments/{assessment_id}/")
        page.wait_for_function("window.HandbookAssessment !== undefined")
        answers = {i.id: (i.choices[0].id if i.choices else assessment.scale.max) for i in assessment.items}
        fill(page, assessment_id, answers)
        expected = score(assessment, answers)
        if expected["band"]:
            assert page.locator(".hb-assessment__headline").get_attribute("data-hb-band") == expected["band"]
        else:
            shown = page.locator("[data-hb-item-band]").evaluate_all("els => els.map(e => e.dataset.hbItemBand)")
            assert shown == [f"{k}:{v or ''}" for k, v in expected["itemBands"].items()], "no level shows as empty"
    assert page.console_errors == []


def test_history_shows_change_per_competency(quarterly):
    page = quarterly
    earlier = {"answers": {k: v - 1 if v else v for k, v in SCORES.items()}, "date": "2026-08-15"}
    page.evaluate(
        f"localStorage.setItem('{KEY}', JSON.stringify({{version: 1, answers: {{}}, history: [{json.dumps(earlier)}]}}))"
    )
    page.reload()
    page.wait_for_function("window.HandbookAssessment !== undefined")
    fill(page, "quarterly-leadership", SCORES)
    page.get_by_role("button", name="Save this result to my history").click()
    rows = page.locator(".hb-assessment__history table tbody tr")
    assert rows.count() == 2
    latest = rows.nth(1).inner_text()
    assert "7 (+1)" in latest and "39 · Building foundations" in latest
    assert len(page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}')).history")) == 2


def test_export_clear_import_round_trip(quarterly, tmp_path):
    page = quarterly
    fill(page, "quarterly-leadership", SCORES)
    page.get_by_role("button", name="Save this result to my history").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Export to a file").click()
    exported = Path(info.value.path()).read_text()
    data = json.loads(exported)
    assert data["assessment"] == "quarterly-leadership" and data["answers"] == SCORES and len(data["history"]) == 1
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_function("window.HandbookAssessment !== undefined")
    assert "0 of 6 questions answered" in page.locator(".hb-assessment__result").inner_text()
    file = tmp_path / "export.json"
    file.write_text(exported)
    page.locator(".hb-assessment__import input[type=file]").set_input_files(str(file))
    page.wait_for_function("document.querySelector('.hb-assessment__headline') !== null")
    assert page.locator(".hb-assessment__headline").inner_text() == "39 of 60: Building foundations"
    assert page.locator(".hb-assessment__history table tbody tr").count() == 1
    assert "Imported 6 answers and 1 saved results" in page.locator(".hb-assessment__message").inner_text()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("not json at all", "it is not JSON"),
        ('{"assessment": "westrum-culture", "version": 1, "answers": {}, "history": []}', "different assessment"),
        (
            '{"assessment": "quarterly-leadership", "version": 1, "answers": {"mentoring": 11}, "history": []}',
            "whole number from 0 to 10",
        ),
        ('{"assessment": "quarterly-leadership", "version": 9, "answers": {}, "history": []}', "unsupported version"),
    ],
)
def test_a_bad_import_changes_nothing(quarterly, tmp_path, content, reason):
    page = quarterly
    fill(page, "quarterly-leadership", SCORES)
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    file = tmp_path / "bad.json"
    file.write_text(content)
    page.locator(".hb-assessment__import input[type=file]").set_input_files(str(file))
    message = page.locator(".hb-assessment__message")
    message.wait_for(state="visible")
    assert "could not be imported" in message.inner_text() and reason in message.inner_text()
    assert "Nothing was changed" in message.inner_text()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before


def test_corrupted_or_old_state_is_recovered_without_touching_others(quarterly):
    page = quarterly
    page.evaluate(
        "localStorage.setItem('handbook:checklist:v1:leadership-cohort/week-1', JSON.stringify({items: {'watch-talk': true}}));"
        "localStorage.setItem('handbook:assessment:v1:westrum-culture', JSON.stringify({version: 1, answers: {}, history: []}));"
        f"localStorage.setItem('{KEY}', '{{broken');"
    )
    page.reload()
    page.wait_for_function("window.HandbookAssessment !== undefined")
    message = page.locator(".hb-assessment__message").inner_text()
    assert "could not be read" in message and "Other assessments and checklists are untouched" in message
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert page.evaluate("localStorage.getItem('handbook:checklist:v1:leadership-cohort/week-1')") is not None
    assert page.evaluate("localStorage.getItem('handbook:assessment:v1:westrum-culture')") is not None
    page.evaluate("localStorage.setItem('handbook:assessment:v0:quarterly-leadership', '{}')")
    page.reload()
    page.wait_for_function("window.HandbookAssessment !== undefined")
    assert "older version" in page.locator(".hb-assessment__message").inner_text()
    assert page.console_errors == []


def test_shared_link_restores_answers_and_junk_is_refused(quarterly, browser, base_url):
    page = quarterly
    fill(page, "quarterly-leadership", SCORES)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy a share link").click()
    link = page.locator(".hb-assessment__link").input_value()
    assert "#answers=" in link and "?" not in link, "answers travel only in the fragment"
    other = browser.new_context(base_url=base_url)
    fresh = other.new_page()
    fresh.goto(link)
    fresh.wait_for_function("document.querySelector('.hb-assessment__headline') !== null")
    assert fresh.locator(".hb-assessment__headline").inner_text() == "39 of 60: Building foundations"
    assert "loaded from the link" in fresh.locator(".hb-assessment__message").inner_text()
    fresh.goto(QUARTERLY + "#answers=%%%junk")
    fresh.reload()
    fresh.wait_for_function("window.HandbookAssessment !== undefined")
    assert "Nothing was changed" in fresh.locator(".hb-assessment__message").inner_text()
    assert fresh.locator(".hb-assessment__headline").inner_text() == "39 of 60: Building foundations"
    other.close()


def test_keyboard_only_answering_announces_the_result(quarterly):
    page = quarterly
    page.locator("#hb-quarterly-leadership-technical-decision-making-0").focus()
    for index in range(6):
        for _ in range(5):
            page.keyboard.press("ArrowRight")  # arrow keys move within a radio group
        if index < 5:
            page.keyboard.press("Tab")  # to the next group
            while page.evaluate("document.activeElement.type") != "radio":
                page.keyboard.press("Tab")
    assert page.locator(".hb-assessment__headline").inner_text() == "30 of 60: Building foundations"
    assert page.locator(".hb-assessment__result").get_attribute("aria-live") == "polite"
    focus_style = page.evaluate("getComputedStyle(document.activeElement, ':focus-visible').outlineStyle")
    assert focus_style != "none"


def test_print_view_hides_the_controls(quarterly):
    page = quarterly
    fill(page, "quarterly-leadership", SCORES)
    page.emulate_media(media="print")
    assert page.locator(".hb-assessment__actions").is_hidden()
    assert page.locator(".hb-assessment__result table").is_visible()
