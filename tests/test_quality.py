"""Every page valid, accessible and self-contained; external links well-formed."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

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


def test_built_html_validates(site, node_tools, tmp_path):
    files = sorted(str(p) for p in site.rglob("*.html"))
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


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_accessible_self_contained_and_quiet(scheme, pages, browser, base_url, node_tools):
    """axe-core (WCAG 2.1 A and AA) on every page; every request same-origin; no console errors."""
    axe = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text("utf-8")
    origin = base_url.rstrip("/")
    urls = sorted(p for p in pages if p != "404.html")
    violations: list[str] = []
    foreign: list[str] = []
    errors: list[str] = []
    requests = 0
    context = browser.new_context(base_url=base_url, color_scheme=scheme)
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
        result = tab.evaluate(
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
            " resultTypes: ['violations']})"
        )
        for v in result["violations"]:
            targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
            violations.append(f"{path}: {v['id']} ({len(v['nodes'])}×) {targets}")
        errors += [f"{path}: {e}" for e in log]
    context.close()
    summary = f"axe [{scheme}]: {len(urls)} pages scanned, {len(violations)} violations, {requests} requests recorded"
    print(summary)
    assert len(urls) >= 100
    assert not violations, f"{summary}:\n" + "\n".join(violations[:40])
    assert not foreign, f"requests to other origins: {sorted(set(foreign))[:20]}"
    assert not errors, "console errors:\n" + "\n".join(errors[:20])
