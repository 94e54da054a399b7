"""Every page valid, accessible and self-contained; external links well-formed."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import WIDGETS_STARTED

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Allowed:
    """A validator finding in Material's own markup, which we do not produce and cannot change."""

    rule: str
    pattern: str  # matched against "selector | message"
    reason: str


# .htmlvalidate.json turns off three formatting rules (not validity): trailing whitespace and
# doctype case come from the theme's template formatting, and long-title is an SEO preference
# (Material appends the site name to every title). It limits require-sri to cross-origin
# resources, the only ones integrity hashes protect; the site loads none (tested below).
# Everything else stays on; these entries allow
# only the theme's markup, matched precisely, so a problem in our own markup still fails.
THEME_ALLOWED = [
    Allowed("valid-id", r'element id "__(nav|drawer|search|palette|config)', "Material's internal ids start with __"),
    Allowed(
        "valid-autocomplete",
        r"^#__(drawer|search) \|",
        "Material sets autocomplete=off on its drawer and search toggles",
    ),
    Allowed(
        "attribute-allowed-values", r'^#__nav_[\d_]+_label \| Attribute "tabindex"', "Material's nav section labels"
    ),
    Allowed(
        "wcag/h32", r"^html > body > header > nav( > div > div)? > form \|", "Material's search form submits on input"
    ),
    Allowed(
        "unique-landmark",
        r"nav \|",
        "Material's nested navigation, table of contents and tag <nav>s; our macros emit no <nav>",
    ),
    Allowed("wcag/h30", r"> article > a \|", "Material's icon-only edit button, labelled by its title"),
    Allowed("attribute-misuse", r'rel="edit"', "Material marks the edit button rel=edit"),
    Allowed("input-missing-label", r"^#__(search|drawer) \|", "Material's hidden toggle checkboxes, labelled by icons"),
]


def allowed(finding: dict) -> Allowed | None:
    text = f"{re.sub(r':nth-child[(][0-9]+[)]', '', finding.get('selector') or '')} | {finding['message']}"
    return next((a for a in THEME_ALLOWED if a.rule == finding["ruleId"] and re.search(a.pattern, text)), None)


WHOLE_EDITION = "print/index.html"


@pytest.mark.long
def test_built_html_validates(site, node_tools, tmp_path):
    """html-validate on every page, the program print editions included.

    The whole-handbook print edition (3 MB) is left out: the validator takes over a minute on
    it alone, and it is assembled by the same code as the program editions checked here. What
    assembling a larger book could break, ids colliding between parts, is checked below.
    """
    files = sorted(str(p) for p in site.rglob("*.html") if p.relative_to(site).as_posix() != WHOLE_EDITION)
    output = tmp_path / "html-validate.json"  # a file: Node can exit before a large pipe is flushed
    result = subprocess.run(
        [
            str(node_tools / "html-validate"),
            "--config",
            str(ROOT / ".htmlvalidate.json"),
            "-f",
            f"json={output}",
            *files,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert output.is_file(), f"html-validate did not run: {result.stderr[-500:]}"
    report = json.loads(output.read_text("utf-8"))
    problems = []
    for file in report:
        for finding in file["messages"]:
            if allowed(finding) is None:
                rel = Path(file["filePath"]).relative_to(site)
                problems.append(
                    f"{rel}:{finding['line']}: {finding['ruleId']}: {finding['message']} ({finding.get('selector')})"
                )
    assert not problems, f"{len(problems)} validator errors in our markup:\n" + "\n".join(problems[:40])
    assert len(files) >= 100


def test_every_print_edition_has_unique_ids(site):
    editions = sorted(site.glob("print/**/index.html"))
    assert (site / WHOLE_EDITION) in editions
    for path in editions:
        ids = re.findall(r'\sid="([^"]*)"', path.read_text("utf-8"))
        repeated = sorted({i for i in ids if ids.count(i) > 1}) if len(ids) != len(set(ids)) else []
        assert not repeated, f"{path.relative_to(site)}: ids used more than once: {repeated[:10]}"


def test_our_macros_emit_no_nav_landmarks(site):
    """The unique-landmark allowance relies on this: every <nav> on a page comes from the theme."""
    for path in site.rglob("*.html"):
        article = path.read_text("utf-8").split("<article", 1)[-1].split("</article>", 1)[0]
        assert article.count("<nav") == article.count('<nav class="md-tags"'), f"{path}: a <nav> inside the content"


def test_titles_and_descriptions_are_attribute_safe():
    """Material writes front-matter titles and descriptions into attributes without escaping them."""
    from macros.pages import front_matter

    for path in (ROOT / "docs").rglob("*.md"):
        meta = front_matter(path.read_text("utf-8"))
        for key in ("title", "description"):
            assert not set(str(meta.get(key, ""))) & set('"<>&'), f'{path}: {key} contains " < > or &'


def test_external_links_are_https_and_well_formed(pages):
    seen = set()
    for path, page in pages.items():
        for _tag, _attr, url in page.links:
            parts = urlsplit(url)
            if not parts.scheme or parts.scheme in ("mailto", "data", "javascript"):
                continue
            seen.add(url)
            assert parts.scheme == "https", f"{path}: {url} is not https"
            assert re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", parts.netloc), f"{path}: {url} has no valid host"
            assert " " not in url, f"{path}: {url} contains a space"
    assert seen, "the site links to its repository and licence at least"


SHARDS = 4  # the pages split four ways (plus the whole-handbook edition alone), so parallel workers share the work evenly
WCAG = "runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}"
# Only violations are read, so axe is asked not to report what passed (a fifth faster).
VIOLATIONS = "resultTypes: ['violations'], reporter: 'no-passes'"
AXE_RUN = f"axe.run(document, {{{WCAG}, {VIOLATIONS}}})"
# The dark palette changes colours and nothing else, so in dark only the WCAG A/AA rules that read
# colours run again: text contrast, and links told apart from their paragraph by colour alone.
AXE_COLOURS = f"axe.run(document, {{runOnly: {{type: 'rule', values: ['color-contrast', 'link-in-text-block']}}, {VIOLATIONS}}})"
# The whole-handbook edition is the program editions and pages, checked in full elsewhere, put
# one after another: every rule runs on it except text contrast (half of axe's time on 3 MB).
AXE_WHOLE_EDITION = f"axe.run(document, {{{WCAG}, rules: {{'color-contrast': {{enabled: false}}}}, {VIOLATIONS}}})"


def shards(paths: list[str], size) -> list[list[str]]:
    """``paths`` in SHARDS + 1 lists: the whole-handbook edition alone (3 MB, a quarter of a shard's
    time), then the rest dealt largest first, like cards, so each shard gets a like share of the
    large pages (axe's time grows with a page's size). Each list is in site order."""
    rest = sorted((p for p in paths if p != WHOLE_EDITION), key=lambda p: (-size(p), p))
    return [[p for p in paths if p == WHOLE_EDITION]] + [sorted(rest[i::SHARDS]) for i in range(SHARDS)]


# The theme's toggle sets this attribute; transitions are switched off first so axe reads the
# final colours, not a frame of the fade between them.
DARK = """() => {
  const style = document.createElement("style");
  style.textContent = "*, *::before, *::after { transition: none !important; }";
  document.head.append(style);
  document.body.setAttribute("data-md-color-scheme", "slate");
}"""


@pytest.mark.browser
@pytest.mark.long
@pytest.mark.parametrize("shard", range(SHARDS + 1))
def test_every_page_accessible_self_contained_and_quiet(shard, site, pages, browser, base_url, node_tools):
    """axe-core (WCAG 2.1 A and AA) on every page in light and in dark; every request same-origin; no console errors.

    Each page loads once: axe runs, the page switches to the dark palette as the theme's toggle
    does (the body's ``data-md-color-scheme``; no script of ours reads colours or the colour
    scheme), and axe's colour rules run again. The print editions (print/) are checked in light
    only: they are assembled from the articles checked here in both schemes, and they print in
    light. The whole-handbook edition (print/index.html) skips only the contrast rule; the
    program editions it is made of are checked with it.
    """
    axe = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text("utf-8")
    origin = base_url.rstrip("/")
    every = sorted(p for p in pages if p != "404.html")
    assert len(every) >= 100
    urls = shards(every, lambda path: (site / path).stat().st_size)[shard]
    violations: list[str] = []
    foreign: list[str] = []
    errors: list[str] = []
    requests = 0
    context = browser.new_context(base_url=base_url, color_scheme="light")
    context.add_init_script(script=axe)  # injected into every document before its own scripts
    tab = context.new_page()
    log: list[str] = []
    tab.on("console", lambda msg: msg.type == "error" and log.append(msg.text))
    tab.on("pageerror", lambda err: log.append(str(err)))

    def record(request):
        nonlocal requests
        requests += 1
        if not request.url.startswith((origin + "/", "data:", "blob:")):
            foreign.append(request.url)

    tab.on("request", record)
    for path in urls:
        log.clear()
        tab.goto(path.removesuffix("index.html"), wait_until="load")
        tab.wait_for_function(WIDGETS_STARTED)
        runs = {"light": AXE_WHOLE_EDITION if path == WHOLE_EDITION else AXE_RUN}
        if not path.startswith("print/"):
            runs["dark"] = AXE_COLOURS
        for scheme, run in runs.items():
            if scheme == "dark":
                tab.evaluate(DARK)
            for v in tab.evaluate(run)["violations"]:
                targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
                violations.append(f"{path} [{scheme}]: {v['id']} ({len(v['nodes'])}×) {targets}")
        errors += [f"{path}: {e}" for e in log]
    context.close()
    summary = f"axe, shard {shard + 1} of {SHARDS + 1}: {len(urls)} pages, {len(violations)} violations, {requests} requests"
    print(summary)
    assert not violations, f"{summary}:\n" + "\n".join(violations[:40])
    assert not foreign, f"requests to other origins: {sorted(set(foreign))[:20]}"
    assert not errors, "console errors:\n" + "\n".join(errors[:20])
