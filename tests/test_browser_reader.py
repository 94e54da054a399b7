"""The reader's experience in Chromium: contrast in every state, phones, print, evidence, search."""

from __future__ import annotations

import json

import pytest

from conftest import WIDGETS_STARTED

pytestmark = pytest.mark.browser

# Effective contrast of an element's text against what is really behind it (ancestors' backgrounds
# composited), as WCAG defines it. axe-core checks only the resting state; this runs in any state.
CONTRAST_JS = """(el) => {
  const parse = (c) => { const p = c.match(/[\\d.]+/g).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const blend = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const background = (node) => {
    const layers = [];
    for (let n = node; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] === 1) break;
    }
    return layers.reverse().reduce((under, layer) => blend(layer, under), [255, 255, 255, 1]);
  };
  const lum = (c) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const back = background(el);
  const fore = blend(parse(getComputedStyle(el).color), back);
  const [a, b] = [lum(fore), lum(back)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""

CONTROLS = {
    "programs/leadership-cohort/week-1/": ".hb-checklist button, .hb-download a",
    "assessments/quarterly-leadership/": ".hb-assessment__actions .md-button",
    "templates/decision-matrix/": ".hb-fill__actions button, .hb-matrix__edit button",
    "programs/incident-leadership/": ".hb-calendar button",
}


NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"


def contrast(page, locator):
    return locator.evaluate(CONTRAST_JS)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_control_keeps_contrast_at_rest_hover_focus_and_disabled(browser, base_url, scheme):
    context = browser.new_context(base_url=base_url, color_scheme=scheme)
    page = context.new_page()
    low = []
    measured = 0
    for path, selector in CONTROLS.items():
        page.goto(path)
        page.wait_for_load_state("load")
        page.wait_for_function(WIDGETS_STARTED)
        page.add_style_tag(content=NO_TRANSITIONS)  # each state's final colours at once, not a fade
        controls = page.locator(selector)
        for i in range(controls.count()):
            control = controls.nth(i)
            if not control.is_visible():
                continue
            name = f"{path} {control.inner_text()[:30]!r}"
            states = {"rest": lambda: page.mouse.move(0, 0)}
            if control.is_enabled():
                states["hover"] = lambda c=control: c.hover()
                states["focus"] = lambda c=control: (page.keyboard.press("Shift"), c.focus())
            else:
                states["disabled"] = lambda: None
            for state, enter in states.items():
                enter()
                ratio = contrast(page, control)
                measured += 1
                if ratio < 4.5:
                    low.append(f"{name} [{state}]: {ratio:.2f}:1")
            page.evaluate("document.activeElement && document.activeElement.blur()")
    context.close()
    assert measured > 20
    assert not low, f"text contrast below 4.5:1 ({scheme}):\n" + "\n".join(low)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_highlights_keep_contrast_everywhere(browser, base_url, scheme):
    context = browser.new_context(base_url=base_url, color_scheme=scheme)
    page = context.new_page()
    page.goto("templates/decision-matrix/?h=decision")
    marks = page.locator("article mark")
    marks.first.wait_for()
    places = {"text": "article p mark", "code": "article code mark", "tag": "article .md-tag mark"}
    seen = {}
    for place, selector in places.items():
        found = page.locator(selector)
        if found.count():
            seen[place] = min(contrast(page, found.nth(i)) for i in range(min(found.count(), 5)))
    page.keyboard.press("s")
    field = page.locator("input.md-search__input")
    field.press_sequentially("decision", delay=20)
    page.locator(".md-search-result mark").first.wait_for(timeout=10_000)
    # Results re-render while the query settles, so find the mark and measure it in one task:
    # a locator resolved in one round trip may be detached by the next.
    seen["results"] = page.evaluate(f"({CONTRAST_JS})(document.querySelector('.md-search-result mark'))")
    context.close()
    assert {"text", "results"} <= set(seen), seen
    assert all(ratio >= 4.5 for ratio in seen.values()), seen


def test_search_loads_its_index_only_when_asked_and_says_so(page):
    requested = []
    held = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("")
    page.wait_for_load_state("networkidle")
    assert not any("search_index" in url for url in requested), "the index loaded on a visit without search"
    page.route("**/search/search_index.json", lambda route: held.append(route))
    page.keyboard.press("s")
    page.locator("input.md-search__input").press_sequentially("postmortem", delay=20)
    # The request goes out once the gate opens; on a busy machine that can take a moment.
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "opening search asks for the index (none asked for within 10 s)"
    assert page.locator(".md-search-result__meta").inner_text() == "Loading the search index…"
    held[0].continue_()
    page.locator(".md-search-result__item", has_text="postmortem").first.wait_for(timeout=10_000)
    assert page.console_errors == []


@pytest.mark.parametrize("way", ["click", "tap on a phone", "s", "f", "/"])
def test_every_way_of_opening_search_asks_for_the_index(browser, base_url, way):
    """The gate opens when the query field takes the focus, which every way of opening search gives."""
    phone = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
    context = browser.new_context(base_url=base_url, **(phone if way == "tap on a phone" else {}))
    page = context.new_page()
    page.goto("")
    page.wait_for_load_state("networkidle")
    with page.expect_request("**/search/search_index.json", timeout=5_000):
        if way == "click":
            page.locator("input.md-search__input").click()
        elif way == "tap on a phone":
            page.locator("label[for=__search].md-header__button").tap()
        else:
            page.keyboard.press(way)
    context.close()


PHONE_PAGES = [
    "",
    "programs/",
    "programs/leadership-cohort/week-1/",
    "programs/incident-leadership/module-3/",
    "templates/blameless-postmortem/",
    "assessments/quarterly-leadership/",
    "cases/",
    "frameworks/dora-metrics/",
]


def test_phones_never_scroll_sideways_and_targets_are_big_enough(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    for path in PHONE_PAGES:
        page.goto(path)
        page.wait_for_function(WIDGETS_STARTED)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path or 'home'} is {width}px wide at 390px"
        small = page.evaluate(
            """() => [...document.querySelectorAll('article input[type=radio], article input[type=checkbox],'
                 + ' article .md-button')].filter(e => e.offsetParent).map(e => {
                   const r = e.getBoundingClientRect();
                   const minimum = e.classList.contains('md-button') ? 44 : 24;
                   return (r.width < 24 || r.height < minimum) ? e.outerHTML.slice(0, 80) + ' ' + r.width + 'x' + r.height : null;
                 }).filter(Boolean)"""
        )
        assert not small, f"{path}: targets too small: {small[:5]}"
    page.goto("assessments/quarterly-leadership/")
    rows = page.evaluate(
        "() => new Set([...document.querySelector('.hb-scale').querySelectorAll('input')].map(i => Math.round(i.getBoundingClientRect().top))).size"
    )
    assert rows == 1, "the 0–10 scale wraps onto a second row at 390px"
    context.close()


@pytest.mark.parametrize("path", ["programs/leadership-cohort/packet/", "programs/incident-leadership/facilitator-packet/",
                                  "print/leadership-cohort/"])
def test_print_shows_no_controls_and_only_external_addresses(page, path):
    page.goto(path)
    page.emulate_media(media="print")
    visible = page.evaluate(
        "() => [...document.querySelectorAll('article button, article .md-button, article input[type=file], article a[download]')]"
        ".filter(e => e.offsetParent !== null).map(e => e.outerHTML.slice(0, 80))"
    )
    assert visible == [], f"controls in print: {visible[:5]}"
    addresses = page.evaluate(
        "() => [...document.querySelectorAll('article a[href]')].map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])"
    )
    for href, after in addresses:
        if href.startswith(("http://", "https://")):
            continue
        assert after in ("none", "normal", '""'), f"{path}: an internal link prints its address ({href} → {after})"


def test_assessment_evidence_travels_with_history_export_link_and_copy(page, tmp_path):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("assessments/quarterly-leadership/")
    page.wait_for_function("window.HandbookAssessment !== undefined")
    page.get_by_label("RFCs you wrote").fill("3")
    page.get_by_label("RFCs you wrote").dispatch_event("change")
    for item in ("technical-decision-making", "mentoring", "influence-without-authority", "strategy-and-vision",
                 "communication-and-storytelling", "building-and-scaling-systems"):
        page.locator(f"#hb-quarterly-leadership-{item}-6").check()
    page.get_by_role("button", name="Save this result to my history").click()
    saved = page.evaluate("JSON.parse(localStorage.getItem('handbook:assessment:v1:quarterly-leadership'))")
    assert saved["counters"]["technical-decision-making"][1] == 3
    assert saved["history"][-1]["counters"]["technical-decision-making"][1] == 3
    page.get_by_role("button", name="Copy results as Markdown").click()
    text = page.evaluate("navigator.clipboard.readText()")
    assert "\n\n**Total:** 36 of 60\n\n**Result:**" in text, "total and result are separate paragraphs"
    assert "### Work on these next" in text and "### Evidence this quarter" in text and "RFCs you wrote: 3" in text
    with page.expect_download() as info:
        page.get_by_role("button", name="Export to a file").click()
    exported = json.load(open(info.value.path(), encoding="utf-8"))
    assert exported["counters"]["technical-decision-making"][1] == 3
    page.get_by_role("button", name="Copy a share link").click()
    link = page.locator(".hb-assessment__link").input_value()
    other = page.context.browser.new_context(base_url=page.url.split("assessments/")[0])
    fresh = other.new_page()
    fresh.goto(link)
    fresh.wait_for_function("window.HandbookAssessment !== undefined")
    assert fresh.get_by_label("RFCs you wrote").input_value() == "3"
    other.close()


def test_checklist_downloads_blank_or_with_my_ticks(page):
    page.goto("programs/leadership-cohort/week-1/")
    page.locator("[data-hb-checklist] input[type=checkbox]").first.check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download with my ticks").click()
    ticked = open(info.value.path(), encoding="utf-8").read()
    assert ticked.count("- [x] ") == 1 and "- [ ] " in ticked
    assert ticked.startswith("## Week 1: ")


def test_the_small_things(page, handbook, mkdocs_config):
    page.goto("")
    assert page.title() == mkdocs_config["site_name"]
    assert page.locator(".md-header .md-source__repository").inner_text().strip() != "handbook"
    page.goto("frameworks/team-types/")
    footer = page.locator("article").inner_text()
    import re

    dates = re.findall(r"\b(\d{4}-\d{2}-\d{2})\b", footer)
    assert len(dates) >= 2, "last updated and last reviewed, both as YYYY-MM-DD"


# Records each time a script sets the light/dark switch's start-up mark on <body>: whether the mark
# was already there (then nothing needs restyling) and whether the page's content existed yet.
SWITCH_MARKS = """window.__marks = [];
(() => {  // in a scope of its own: nothing it names can clash with the page's scripts
  const set = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (name, value) {
    if (name === "data-md-color-switching") {
      window.__marks.push({ already: this.hasAttribute(name), content: !!document.querySelector(".md-main") });
    }
    return set.call(this, name, value);
  };
})();"""


def test_the_light_dark_switch_starts_without_restyling_the_page_and_still_switches(page):
    """Material's switch marks <body> as it starts (a rule on that mark reaches every element). The
    mark is made before the content is parsed, so the switch's own mark restyles nothing; it is gone
    once the page has started, so transitions run, and the switch still changes the scheme."""
    page.add_init_script(SWITCH_MARKS)
    page.goto("templates/decision-matrix/")
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    marks = page.evaluate("window.__marks")
    assert marks and not marks[0]["content"], f"the first mark must come before the page's content: {marks}"
    assert all(mark["already"] for mark in marks[1:]), f"a later mark restyled the whole page: {marks}"
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("label.md-header__button[for^='__palette_']:visible").click()
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s", arg=scheme)
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    assert page.console_errors == []
