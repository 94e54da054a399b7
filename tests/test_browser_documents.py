"""Documents in the browser: fill in a template, the live decision matrix, the document checker."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from check_document import check_text
from conftest import WIDGETS_STARTED

pytestmark = pytest.mark.browser

TEMPLATE = "templates/pre-mortem/"


# True once a draft in this browser's storage has ``title`` and the text of every visible field.
SAVED = """title => Object.keys(localStorage).some(key => {
  if (!key.startsWith("handbook:template:v1:")) return false;
  const draft = JSON.parse(localStorage.getItem(key));
  const kept = Object.values(draft.bodies || {});
  return draft.title === title && [...document.querySelectorAll("textarea[data-hb-section]")]
    .filter(area => area.offsetParent !== null).every(area => kept.includes(area.value));
})"""


def wait_for_saved_draft(page, title: str) -> None:
    """Wait until the form as it stands is saved (a draft is saved once typing pauses)."""
    page.wait_for_function(SAVED, arg=title)


def fill_everything(page):
    """Replace every placeholder in every visible field with plain words."""
    page.get_by_label("Title of your document").fill("Checkout outage of 3 March")
    for area in page.locator("textarea[data-hb-section]").all():
        if area.is_visible():
            area.fill("- Written in full: " + area.get_attribute("data-hb-section"))


def test_fill_reload_keeps_the_draft_and_the_export_passes_the_checker(page, tmp_path):
    page.goto(TEMPLATE)
    form = page.locator("form[data-hb-fill]")
    form.wait_for(state="visible")
    assert "left to fill in" in form.locator(".hb-fill__summary").inner_text()
    fill_everything(page)
    wait_for_saved_draft(page, "Checkout outage of 3 March")
    page.reload()
    assert page.get_by_label("Title of your document").input_value() == "Checkout outage of 3 March"
    summary = page.locator(".hb-fill__summary").inner_text()
    assert summary.startswith("Complete"), summary
    with page.expect_download() as info:
        page.get_by_role("button", name="Download .md").click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert text.startswith("---\ntitle: Pre-mortem\n") and "# Pre-mortem: Checkout outage" in text
    assert check_text(text, "export.md") == [], "the exported document passes the Python checker too"
    assert page.console_errors == []


def test_untouched_form_exports_the_template_itself(page, site):
    page.goto(TEMPLATE)
    page.locator("form[data-hb-fill]").wait_for(state="visible")
    built = page.evaluate(
        "() => { const f = document.querySelector('form[data-hb-fill]');"
        " return HandbookFill.documentText(JSON.parse(f.dataset.hbFill), 'full', '', {}); }"
    )
    assert built == (site / "downloads" / "templates" / "pre-mortem.md").read_text("utf-8")


def test_rich_text_copy_holds_headings_a_list_and_a_table(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("templates/decision-matrix/")
    page.locator("form[data-hb-fill]").wait_for(state="visible")
    page.get_by_role("button", name="Copy as rich text").first.click()
    page.locator(".hb-fill__status").filter(has_text="Copied as rich text").wait_for()
    html = page.evaluate(
        "async () => { const items = await navigator.clipboard.read();"
        " const blob = await items[0].getType('text/html'); return await blob.text(); }"
    )
    assert "<h1>" in html and "<h2>" in html
    assert "<ul>" in html or "<ol>" in html
    assert "<table>" in html and "<th>" in html
    assert "{{" not in html and "<!--" not in html


@pytest.mark.parametrize("tool", ["form[data-hb-fill]", ".hb-matrix"])
def test_the_rich_text_converter_loads_only_when_a_reader_first_copies_rich_text(page, tool):
    """markdown.js is not part of the page's first load: the first "Copy as rich text" in either
    tool fetches it, once, and the clipboard still gets the HTML."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    fetched: list[str] = []
    page.on("request", lambda request: request.url.endswith("/markdown.js") and fetched.append(request.url))
    page.goto("templates/decision-matrix/")
    page.wait_for_function(WIDGETS_STARTED)
    assert fetched == [], "markdown.js loaded before anyone asked for rich text"
    status = page.locator(tool).locator(".hb-fill__status, .hb-matrix__status")
    for attempt in (1, 2):
        page.locator(tool).get_by_role("button", name="Copy as rich text").click()
        status.filter(has_text="Copied as rich text").wait_for()
        html = page.evaluate(
            "async () => { const items = await navigator.clipboard.read();"
            " const blob = await items[0].getType('text/html'); return await blob.text(); }"
        )
        assert "<table>" in html and "<h2>" in html, f"copy {attempt}: {html[:200]}"
        status.evaluate("status => { status.textContent = ''; }")
    assert len(fetched) == 1, f"markdown.js should load once, on the first rich copy: {fetched}"
    assert page.console_errors == []


def test_clearing_the_draft_restores_the_template(page):
    page.goto(TEMPLATE)
    page.locator("form[data-hb-fill]").wait_for(state="visible")
    page.get_by_label("Title of your document").fill("Draft")
    wait_for_saved_draft(page, "Draft")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear my draft").click()
    page.reload()
    assert page.get_by_label("Title of your document").input_value() == ""


def test_the_version_starts_on_full_is_kept_with_the_draft_and_clearing_returns_to_it(page):
    page.goto(TEMPLATE)
    page.locator("form[data-hb-fill]").wait_for(state="visible")
    full = page.get_by_role("radio", name="Full: every section")
    minimal = page.get_by_role("radio", name="Minimal: only the essential sections")
    optional = page.locator("[data-hb-optional]")
    assert optional.count(), f"{TEMPLATE} has no section outside the minimal version: pick a template that has"
    assert full.is_checked() and not minimal.is_checked(), "a fresh form says which version it shows"
    minimal.check()
    assert all(section.is_hidden() for section in optional.all())
    page.get_by_label("Title of your document").fill("Short version")
    wait_for_saved_draft(page, "Short version")
    page.reload()
    assert minimal.is_checked() and not full.is_checked(), "the draft keeps the version"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear my draft").click()
    assert full.is_checked(), "clearing the draft returns the form to its fresh state"
    assert all(section.is_visible() for section in optional.all())


def test_matrix_totals_and_flip_point_match_a_hand_computed_case(page):
    page.goto("templates/decision-matrix/")
    page.locator("[data-hb-matrix]").wait_for(state="visible")
    case = {
        "options": ["Queue", "Stream"],
        "criteria": [{"name": "Cost", "weight": 3, "scores": [5, 2]}, {"name": "Speed", "weight": 2, "scores": [2, 5]}],
    }
    # Queue: 3×5 + 2×2 = 19; Stream: 3×2 + 2×5 = 16. Cost at weight 2 makes them tie (2×5+4 = 14 = 4+10).
    result = page.evaluate(
        "(m) => ({ totals: HandbookMatrix.totals(m), flip: HandbookMatrix.sensitivity(m).flip,"
        " text: HandbookMatrix.describe(m) })",
        case,
    )
    assert result["totals"] == [19, 16]
    assert result["flip"]["name"] == "Cost" and result["flip"]["to"] == 2 and result["flip"]["delta"] == -1
    assert "Cost went from 3 to 2 (−1), Stream would tie with Queue" in result["text"]
    # A wins on both criteria: no weight from 0 to 10 lets B catch up.
    robust = {"options": ["A", "B"], "criteria": [{"name": "One", "weight": 3, "scores": [5, 1]},
                                                   {"name": "Two", "weight": 3, "scores": [5, 1]}]}
    assert "Robust to ±10" in page.evaluate("(m) => HandbookMatrix.describe(m)", robust)


def test_matrix_by_keyboard_updates_totals_and_ranking(page):
    page.goto("templates/decision-matrix/")
    matrix = page.locator("[data-hb-matrix]")
    matrix.wait_for(state="visible")
    score = matrix.get_by_label("Score of Option B on Cost")
    score.focus()
    page.keyboard.press("End")  # 5
    score.dispatch_event("change")
    totals = matrix.locator(".hb-matrix__total").all_inner_texts()
    assert totals[1] == str(15 * 3 + 6)  # every other score 3 (weights sum 15), Cost 5 × weight 3
    assert matrix.locator(".hb-matrix__result li").first.inner_text().startswith("Option B")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Score of Option C on Cost"
    assert page.console_errors == []


def test_check_page_reports_problems_with_lines(page):
    page.goto("templates/check/")
    form = page.locator("form[data-hb-check]")
    form.wait_for(state="visible")
    page.get_by_label("Or paste the document").fill("# Decision\n\n## Context\n\n{the problem}\n")
    page.get_by_label("Template", exact=True).select_option("decision-matrix")
    page.get_by_role("button", name="Check the document").click()
    items = form.locator(".hb-fill__problems li").all_inner_texts()
    assert "Line 5: placeholder {the problem} is still in the text" in items
    assert any("required section '## Options' is missing" in item for item in items)


# --- the Python and JavaScript checkers agree -------------------------------------------------------

WORDS = st.sampled_from(["text", "Context", "Options", "{option a}", "{x}", "`{code}`", "<!--", "-->", "## Context",
                         "## Options", "```", "~~~", "{", "}", "-", "#", "required:", "---", "<!-- {hidden} -->"])
LINES = st.lists(WORDS, min_size=0, max_size=4).map(" ".join)
DOCUMENTS = st.builds(
    lambda head, body: ("---\nrequired: " + "; ".join(head) + "\n---\n" if head is not None else "") + "\n".join(body),
    st.none() | st.lists(st.sampled_from(["Context", "Options", "Recommendation"]), max_size=3),
    st.lists(LINES, max_size=25),
)


def test_python_and_javascript_checkers_agree(page):
    page.goto("templates/check/")
    page.wait_for_function("window.HandbookChecker !== undefined")
    samples = []

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(document=DOCUMENTS)
    def collect(document):
        samples.append(document)

    collect()
    results = page.evaluate("(docs) => docs.map(d => HandbookChecker.check(d))", samples)
    for document, got in zip(samples, results, strict=True):
        expected = [{"line": f.line, "message": f.message} for f in check_text(document)]
        assert got == expected, json.dumps(document)
    assert len(set(samples)) > 100


# Notes, for each widget root that later.js starts, the frame in which it was unhidden and whether
# it was still hidden when the page's load event fired.
WATCH_STARTS = """window.__frames = 0;
(function count() { window.__frames++; requestAnimationFrame(count); })();
window.__starts = [];
new MutationObserver(records => records.forEach(r => {
  if (r.attributeName === "hidden" && !r.target.hidden && r.target.matches("[data-hb-fill], [data-hb-matrix]")) {
    window.__starts.push(window.__frames);
  }
})).observe(document, { subtree: true, attributes: true, attributeFilter: ["hidden"] });
addEventListener("load", () => {
  window.__hiddenAtLoad = [...document.querySelectorAll("[data-hb-fill], [data-hb-matrix]")].every(e => e.hidden);
});"""


def test_widgets_below_the_first_screen_start_after_the_load_one_per_frame(page):
    """The fill-in form and the matrix wait for the page's load (restyled during the theme's
    start-up, they made a template page slow), then start in frames of their own, and their
    fields are then found by role and name like any other."""
    page.add_init_script(WATCH_STARTS)
    page.goto("templates/decision-matrix/")
    page.wait_for_function(WIDGETS_STARTED)
    assert page.evaluate("window.__hiddenAtLoad") is True, "a widget was drawn before the page's load event"
    starts = page.evaluate("window.__starts")
    assert len(starts) >= 2, f"this page should hold a fill-in form and a matrix: {starts}"
    assert len(set(starts)) == len(starts), f"each widget must start in a frame of its own: {starts}"
    assert page.get_by_role("textbox", name="Title of your document").is_visible()
    assert page.console_errors == []


# For each tool on the page: whether it, its h2 (null if it has none) and the elements between
# them are displayed, and whether the next h2 is, unless that heading introduces a tool too.
TOOL_SECTIONS = """() => {
  const shown = el => getComputedStyle(el).display !== "none";
  const tools = [...document.querySelectorAll("article :is(.hb-fill, .hb-matrix, .hb-check)")];
  const sections = tools.map(tool => {
    let before = tool.previousElementSibling, intro = [];
    while (before && !["H1", "H2"].includes(before.tagName)) { intro.push(before); before = before.previousElementSibling; }
    let after = tool.nextElementSibling;
    while (after && after.tagName !== "H2") after = after.nextElementSibling;
    return {tool, heading: before && before.tagName === "H2" ? before : null, intro, after};
  });
  const headings = sections.map(s => s.heading);
  return sections.map(({tool, heading, intro, after}) => ({
    tool: tool.className, heading: heading && heading.textContent.trim(),
    headingShown: heading && shown(heading), toolShown: shown(tool),
    introShown: intro.filter(shown).map(el => el.textContent.trim().slice(0, 60)),
    nextShown: after === null || headings.includes(after) || shown(after)}));
}"""


@pytest.mark.parametrize("path", ["templates/pre-mortem/", "templates/decision-matrix/", "templates/check/"])
def test_on_paper_the_tools_leave_out_their_heading_and_introduction_too(page, path):
    """The in-page tools do not print; nor does the heading and the few lines that introduce one,
    which would otherwise tell a paper reader to type into the page. Everything around them prints."""
    page.goto(path)
    page.wait_for_function(WIDGETS_STARTED)
    on_screen = page.evaluate(TOOL_SECTIONS)
    assert on_screen and all(s["toolShown"] and s["headingShown"] is not False for s in on_screen), on_screen
    page.emulate_media(media="print")
    on_paper = page.evaluate(TOOL_SECTIONS)
    for section in on_paper:
        assert not section["toolShown"], f"{path}: the tool prints: {section}"
        assert section["headingShown"] is not True, f"{path}: its heading prints without it: {section}"
        assert section["introShown"] == [], f"{path}: its introduction prints without it: {section}"
        assert section["nextShown"], f"{path}: the next section went missing in print: {section}"
    if path != "templates/check/":  # the checker's page has no template of its own
        assert page.get_by_role("heading", name="The template").is_visible(), f"{path}: the template went missing in print"
