"""The theme's pruned stylesheets look exactly like the full ones, in every state a reader reaches."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from conftest import WIDGETS_STARTED

pytestmark = pytest.mark.browser

THEME_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"

# A hash of every element's style, and of its ::before and ::after where they exist, with a short
# description of the element. Reading all 350 computed properties of 3,000 elements takes about
# a minute, so these are the ones that decide what a reader sees; a screenshot catches the rest.
PROPERTIES = (
    "display visibility position top right bottom left z-index float clear overflow-x overflow-y "
    "box-sizing width height min-width max-width min-height max-height margin-top margin-right margin-bottom margin-left "
    "padding-top padding-right padding-bottom padding-left border-top-width border-right-width border-bottom-width "
    "border-left-width border-top-style border-bottom-style border-top-color border-bottom-color border-top-left-radius "
    "outline-style outline-width outline-color outline-offset color background-color background-image opacity "
    "box-shadow font-family font-size font-weight font-style line-height letter-spacing text-align text-decoration-line "
    "text-decoration-thickness text-transform white-space word-break list-style-type cursor pointer-events transform "
    "flex-direction flex-wrap justify-content align-items gap grid-template-columns content mask-image "
    "-webkit-mask-image fill"
).split()
STYLES_JS = """(properties) => {
  const hash = (text) => { let h = 2166136261; for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); } return h >>> 0; };
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const out = [];
  for (const el of [document.documentElement, ...document.querySelectorAll('*')]) {
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      if (pseudo && style.content === 'none') continue;
      out.push([describe(el) + (pseudo || ''), hash(properties.map(p => style.getPropertyValue(p)).join(';'))]);
    }
  }
  return out;
}"""


def open_drawer(page):
    page.locator("label.md-header__button[for=__drawer]").click()
    page.locator(".md-sidebar--primary .md-nav__link").first.wait_for()


def search(page):
    page.keyboard.press("s")  # the theme's shortcut, on phones and desktops alike
    page.keyboard.type("incident review")
    page.locator(".md-search-result__item").first.wait_for()


def scroll_up_after_down(page):
    """The back-to-top button appears when the reader scrolls down, then back up a little."""
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(200)
    page.mouse.wheel(0, -400)
    page.locator(".md-top:not([hidden])").wait_for()


CASES = {
    "template, dark, phone, navigation open": ("templates/decision-matrix/", "dark", (390, 844), open_drawer),
    "week, dark, desktop, search results": ("programs/leadership-cohort/week-1/", "dark", (1366, 768), search),
    "case, light, desktop, back to top": ("cases/gitlab-2017-database-outage/", "light", (1366, 768), scroll_up_after_down),
}


def styles(browser, base_url, path, scheme, size, action, *, full: bool) -> tuple[list[list], bytes]:
    context = browser.new_context(base_url=base_url, color_scheme=scheme, viewport={"width": size[0], "height": size[1]})
    if full:  # the theme's stylesheets as Material ships them, in place of the pruned ones
        context.route(
            "**/assets/stylesheets/*.css",
            lambda route: route.fulfill(path=THEME_STYLESHEETS / route.request.url.rsplit("/", 1)[1].split("?")[0]),
        )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(path)
    page.wait_for_load_state("load")
    page.wait_for_function(WIDGETS_STARTED)
    page.add_style_tag(content=NO_TRANSITIONS)
    if action:
        action(page)
    found = page.evaluate(STYLES_JS, PROPERTIES)
    picture = page.screenshot()  # what the reader sees: a whole long page takes seconds
    context.close()
    return found, picture


@pytest.mark.parametrize("case", list(CASES))
def test_pruned_theme_stylesheets_change_no_computed_style(browser, base_url, site, case):
    path, scheme, size, action = CASES[case]
    served = sorted(p.name for p in (site / "assets" / "stylesheets").glob("*.css"))
    assert served and all((THEME_STYLESHEETS / name).is_file() for name in served), "the site's theme stylesheets are not Material's"
    assert sum((site / "assets" / "stylesheets" / n).stat().st_size for n in served) < sum(
        (THEME_STYLESHEETS / n).stat().st_size for n in served
    ), "the theme stylesheets were not pruned"
    pruned, pruned_picture = styles(browser, base_url, path, scheme, size, action, full=False)
    full, full_picture = styles(browser, base_url, path, scheme, size, action, full=True)
    assert len(pruned) == len(full), f"{case}: the full stylesheets give the page other elements or ::before/::after boxes"
    differ = [a[0] for a, b in zip(pruned, full, strict=True) if a != b]
    assert not differ, f"{case}: {len(differ)} elements are styled differently without the pruned rules, first: {differ[:5]}"
    assert pruned_picture == full_picture, f"{case}: the page looks different with the full stylesheets"
