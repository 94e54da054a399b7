#!/usr/bin/env python3
"""Benchmark the handbook's build and page weight; print the numbers and check the targets.

    scripts/bench                      real handbook ×3, synthetic 500- and 2,000-page sites
    scripts/bench --sizes 500 --runs 1 a quicker look
    scripts/bench --lighthouse         also run Lighthouse (mobile) on four page types
    scripts/bench --suite              also time the whole test suite

Every build runs in its own process; wall time comes from the clock and peak memory from the
child's resource usage. Synthetic sites use the project's own configuration, macros and theme
overrides, with program and template pages in the same proportion as the real site, and are
built in the same run as a stock Material configuration (search plugin only, default
navigation) over the same pages. Results go to benchmarks/RESULTS.md and
benchmarks/build-time.svg.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks"
PAGE_BUDGET = 60 * 1024
FIRST_LOAD_BUDGET = 60 * 1024
LIGHTHOUSE = "lighthouse@12.8.2"  # the newest release that runs on Node 18 and 20
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config(config_file=sys.argv[1], site_dir=sys.argv[2], strict=sys.argv[3] == "1"))
"""


FREEZE = """
import sys, yaml
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs_macros.plugin import MacrosPlugin

out = Path(sys.argv[3])
original = MacrosPlugin.on_page_markdown

def freeze(self, markdown, page, config, **kwargs):
    rendered = original(self, markdown, page, config, **kwargs)
    target = out / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("---\\n" + yaml.safe_dump(page.meta, allow_unicode=True) + "---\\n\\n" + rendered, "utf-8")
    return rendered

MacrosPlugin.on_page_markdown = freeze
build(load_config(config_file=sys.argv[1], site_dir=sys.argv[2], strict=False))
"""


@dataclass
class Build:
    seconds: float
    peak_mb: float


@dataclass
class Results:
    rows: list[tuple[str, int, Build, Build | None]] = field(default_factory=list)  # name, pages, ours, stock
    real_runs: list[Build] = field(default_factory=list)
    real_plain: list[Build] = field(default_factory=list)
    real_frozen: list[Build] = field(default_factory=list)
    weights: dict[str, dict] = field(default_factory=dict)
    first_load: dict[str, int] = field(default_factory=dict)
    search_gz: int = 0
    lighthouse: dict[str, dict[str, int]] = field(default_factory=dict)
    suite_seconds: float | None = None


def build(config: Path, dest: Path, *, strict: bool) -> Build:
    """Build in a child process; return its wall time and peak resident memory."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", BUILD, str(config), str(dest), "1" if strict else "0"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=config.parent,
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            log.seek(0)
            sys.exit(f"bench: build of {config} failed:\n{log.read().decode()[-3000:]}")
    return Build(seconds, usage.ru_maxrss / 1024)


def without_plugins(config_text: str, names: tuple[str, ...]) -> str:
    """The same configuration with the named plugins (and their settings) removed."""
    lines, out, skipping = config_text.splitlines(), [], False
    for line in lines:
        if re.match(r"^  - [\w-]+:?\s*$", line):
            skipping = line.strip().removeprefix("- ").rstrip(":").strip() in names
        elif skipping and not line.startswith("      ") and line.strip():
            skipping = False
        if not skipping:
            out.append(line)
    return "\n".join(out) + "\n"


# --- synthetic handbooks -----------------------------------------------------------------------

WORDS = (
    "team system change deploy review decision risk service owner incident metric strategy "
    "architecture delivery feedback platform capacity latency budget roadmap interface queue data "
    "customer release process quality culture learning engineer leader goal outcome cost"
).split()
TAGS = sorted(
    p.read_text("utf-8").split("include: [", 1)[1].split("]", 1)[0]
    for p in (ROOT / "docs" / "tags").glob("*.md")
    if p.stem != "index"
)


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 18))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng: random.Random, sentences: int = 5) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def prose(rng: random.Random, sections: int, link: str | None = None) -> str:
    parts = []
    for index in range(sections):
        parts.append(f"### {sentence(rng)[:-1].title()}\n\n{paragraph(rng)}\n\n{paragraph(rng, 4)}\n")
        if index == 1:
            parts.append("\n".join(f"- **{rng.choice(WORDS).title()}:** {sentence(rng)}" for _ in range(4)) + "\n")
        if index == 2:
            parts.append(
                "| Option | Cost | Risk |\n| --- | --- | --- |\n"
                + "\n".join(f"| {rng.choice(WORDS)} | {rng.randint(1, 9)} | {rng.choice(WORDS)} |" for _ in range(3))
                + "\n"
            )
        if index == 3 and link:
            parts.append(f"See also [a related page]({link}).\n")
    return "\n".join(parts)


def front(title: str, rng: random.Random, **extra: object) -> str:
    lines = ["---", f'title: "{title}"', f"description: {sentence(rng)}", "tags:"]
    lines += [f"  - {tag}" for tag in rng.sample(TAGS, 2)]
    lines += ["owner: maintainers", "reviewed: 2026-11-01"]
    lines += [f"{key}: {value}" for key, value in extra.items()]
    return "\n".join(lines) + "\n---\n\n"


def make_synthetic(dest: Path, pages: int) -> int:
    """A handbook of ``pages`` pages: programs, templates and articles in the real site's proportions."""
    rng = random.Random(pages)
    real = _real_counts()
    units = round(pages * real["units"] / real["pages"])
    templates = round(pages * real["templates"] / real["pages"])
    per_program = 10
    programs = max(1, units // per_program)
    articles = pages - programs * (per_program + 1) - templates - 3
    for name in ("macros", "overrides", "includes"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    docs, data = dest / "docs", dest / "data"
    (data / "programs").mkdir(parents=True)
    (data / "templates").mkdir(parents=True)
    nav: list[str] = [
        "nav:",
        "  - Home: index.md",
        "  - Tags: tags/index.md",
        "  - Templates:",
        "      - templates/index.md",
    ]
    (docs / "templates").mkdir(parents=True)
    for t in range(templates):
        tid = f"template-{t:04d}"
        sections = "\n".join(
            f"  - heading: Section {s}\n    prompts:\n      - {sentence(rng)}\n    body: |\n      - **Item:** {{value {s}}}\n"
            + ("    minimal: false\n" if s == 3 else "")
            for s in range(1, 5)
        )
        (data / "templates" / f"{tid}.yml").write_text(
            f"id: {tid}\ntitle: Template {t}\ncategory: plan\nversion: 1.0.0\nsummary: {sentence(rng)}\n"
            f"purpose: {paragraph(rng, 2)}\nwhen_to_use:\n  - {sentence(rng)}\nwhen_not_to_use:\n  - {sentence(rng)}\n"
            f"how_to_fill:\n  - {sentence(rng)}\n  - {sentence(rng)}\nsections:\n{sections}\nexample: {paragraph(rng, 4)}\n"
            f"mistakes:\n  - {sentence(rng)}\n  - {sentence(rng)}\n"
        )
        (docs / "templates" / f"{tid}.md").write_text(
            front(f"Template {t}", rng, template_id=tid)
            + f"# Template {t}\n\n{{{{ template_purpose() }}}}\n\n{{{{ template_when() }}}}\n\n## How to fill it in\n\n"
            "{{ template_how() }}\n\n## The template\n\n{{ template_block() }}\n\n### Minimal version\n\n"
            '{{ template_block("minimal") }}\n\n## Worked example\n\n{{ template_example() }}\n\n'
            "## Common mistakes\n\n{{ template_mistakes() }}\n\n## Where this is used\n\n{{ template_where_used() }}\n"
        )
    groups = [list(range(i, min(i + 25, templates))) for i in range(0, templates, 25)]
    for g, members in enumerate(groups):
        nav.append(f"      - Group {g + 1}:")
        nav += [f"          - Template {t}: templates/template-{t:04d}.md" for t in members]
    (docs / "templates" / "index.md").write_text(front("Templates", rng) + "# Templates\n\n{{ template_library() }}\n")
    nav.append("  - Programs:")
    for p in range(programs):
        pid = f"program-{p:03d}"
        folder = docs / "programs" / pid
        folder.mkdir(parents=True)
        (data / "programs" / pid).mkdir(parents=True)
        for u in range(1, per_program + 1):
            template = f"template-{rng.randrange(templates):04d}"
            (data / "programs" / pid / f"module-{u}.yml").write_text(
                f"number: {u}\nid: module-{u}\ntitle: Module {u} of program {p}\nfocus: {paragraph(rng, 3)}\n"
                f"goals:\n  - {sentence(rng)}\n  - {sentence(rng)}\ndiscussion:\n  - {sentence(rng)}\n"
                f"homework:\n  title: Exercise {u}\n  description: {paragraph(rng, 2)}\n  template: {template}\n"
                f"checklist:\n  - id: read\n    phase: before\n    text: {sentence(rng)}\n"
                f"  - id: discuss\n    phase: during\n    text: {sentence(rng)}\n"
                f"reading:\n  - author: A. Author\n    title: {sentence(rng)}\n"
            )
            (folder / f"module-{u}.md").write_text(
                front(f"Module {u}: Module {u} of program {p}", rng, program=pid, unit=u)
                + "{{ unit_focus() }}\n\n## Goals\n\n{{ unit_goals() }}\n\n## Key ideas\n\n"
                + prose(rng, 5, "../../index.md")
                + "\n## Discussion\n\n{{ unit_discussion() }}\n\n## Exercise\n\n{{ unit_homework() }}\n\n"
                "## Checklist\n\n{{ unit_checklist() }}\n\n## Further reading\n\n{{ unit_reading() }}\n"
            )
        (data / "programs" / f"{pid}.yml").write_text(
            f"id: {pid}\ntitle: Program {p}\nsummary: {sentence(rng)}\nformat: {sentence(rng)}\ncadence: Weekly.\n"
            f"audience: {sentence(rng)}\nunit_label: Module\n"
        )
        (folder / "index.md").write_text(
            front(f"Program {p}", rng, program=pid)
            + f"# Program {p}\n\n{paragraph(rng)}\n\n{{{{ program_schedule() }}}}\n"
        )
        nav.append(f"      - Program {p}:")
        nav.append(f"          - programs/{pid}/index.md")
        nav += [f"          - programs/{pid}/module-{u}.md" for u in range(1, per_program + 1)]
    nav.append("  - Articles:")
    for a in range(articles):
        group = a // 25
        folder = docs / "articles" / f"group-{group:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        if a % 25 == 0:
            nav.append(f"      - Group {group + 1}:")
        (folder / f"article-{a:04d}.md").write_text(
            front(f"Article {a}", rng)
            + f"# Article {a}\n\n{paragraph(rng)}\n\n## Key ideas\n\n"
            + prose(rng, 7, "../../index.md")
        )
        nav.append(f"          - Article {a}: articles/group-{group:03d}/article-{a:04d}.md")
    (docs / "index.md").write_text(front("Synthetic handbook", rng) + f"# Synthetic handbook\n\n{paragraph(rng)}\n")
    shutil.copytree(ROOT / "docs" / "tags", docs / "tags")  # the index and one listing page per tag
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = config[: config.index("\nnav:")] + "\n" + "\n".join(nav) + "\n"
    (dest / "mkdocs.yml").write_text(config)
    (dest / "stock.yml").write_text(
        "site_name: Synthetic handbook\nsite_url: https://example.org/\ntheme:\n  name: material\n"
        "plugins:\n  - search\nexclude_docs: |\n  !/templates/\n"
    )
    subprocess.run(["git", "init", "-q", str(dest)], check=True)
    subprocess.run(["git", "-C", str(dest), "add", "-A"], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(dest),
            "-c",
            "user.name=bench",
            "-c",
            "user.email=bench@example.org",
            "commit",
            "-qm",
            "bench",
        ],
        check=True,
    )
    return len(list(docs.rglob("*.md")))


def _real_counts() -> dict[str, int]:
    docs = ROOT / "docs"
    return {
        "pages": len(list(docs.rglob("*.md"))),
        "units": sum(1 for p in (docs / "programs").rglob("*.md") if "\nunit:" in p.read_text("utf-8")),
        "templates": len(list((ROOT / "data" / "templates").glob("*.yml"))),
    }


# --- page weight -------------------------------------------------------------------------------


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def page_weights(site: Path) -> dict:
    """Sizes of the pages a reader navigates; the printable editions (print/) are whole books by design."""
    sizes = sorted(
        (p.stat().st_size, p.relative_to(site).as_posix())
        for p in site.rglob("*.html")
        if not p.relative_to(site).as_posix().startswith("print/")
    )
    prints = (
        sorted((p.stat().st_size, p.relative_to(site).as_posix()) for p in (site / "print").rglob("*.html"))
        if (site / "print").is_dir()
        else []
    )
    over = [(size, name) for size, name in sizes if size > PAGE_BUDGET]
    return {
        "pages": len(sizes),
        "median": int(statistics.median(s for s, _ in sizes)),
        "largest": sizes[-1],
        "over_budget": over,
        "print": prints,
    }


def loaded_assets(site: Path, page: str) -> dict[str, int]:
    """Gzipped bytes of every script and stylesheet a page loads (site-relative)."""
    html = (site / page).read_text("utf-8")
    urls = re.findall(r'<script src="([^"]+)"', html) + re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    base = (site / page).parent
    found = {}
    for url in urls:
        path = (base / url.split("?")[0]).resolve()
        found[path.relative_to(site.resolve()).as_posix()] = gz(path.read_bytes())
    return found


# --- Lighthouse --------------------------------------------------------------------------------


def serve(site: Path):
    import functools
    import http.server

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse(site: Path, pages: dict[str, str], runs: int = 3) -> dict[str, dict[str, int]]:
    """Lighthouse (mobile preset) on each page, ``runs`` times; the median of each category."""
    server, base = serve(site)
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
    scores = {}
    try:
        for label, path in pages.items():
            samples: list[dict[str, int]] = []
            for _ in range(runs):
                with tempfile.NamedTemporaryFile(suffix=".json") as report:
                    subprocess.run(
                        [
                            "npm",
                            "exec",
                            "--yes",
                            f"--package={LIGHTHOUSE}",
                            "--",
                            "lighthouse",
                            base + path,
                            "--quiet",
                            "--output=json",
                            f"--output-path={report.name}",
                            f"--chrome-flags={flags}",
                            "--only-categories=performance,accessibility,best-practices,seo",
                        ],
                        check=True,
                        env={**os.environ, "CHROME_PATH": CHROMIUM},
                        cwd=ROOT,
                        capture_output=True,
                    )
                    categories = json.loads(Path(report.name).read_text())["categories"]
                samples.append({key: round(value["score"] * 100) for key, value in categories.items()})
            scores[label] = {key: int(statistics.median(s[key] for s in samples)) for key in samples[0]}
            print(
                f"  lighthouse {label} (median of {runs}): {scores[label]}; performance runs: {[s['performance'] for s in samples]}"
            )
    finally:
        server.shutdown()
    return scores


# --- report ------------------------------------------------------------------------------------


def chart(results: Results) -> str:
    """An SVG line chart of build time against page count, ours against stock Material."""
    points = [(pages, ours.seconds, stock.seconds if stock else None) for _, pages, ours, stock in results.rows]
    width, height, pad = 640, 360, 56
    max_x = max(p for p, _, _ in points)
    max_y = max(max(o, s or 0) for _, o, s in points) * 1.1

    def xy(p, t):
        return pad + (width - 2 * pad) * p / max_x, height - pad - (height - 2 * pad) * t / max_y

    def line(values, colour, label, y_label):
        coords = [xy(p, t) for p, t in values if t is not None]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>' for x, y in coords)
        return (
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>{dots}'
            f'<text x="{width - pad - 150}" y="{y_label}" fill="{colour}" font-size="14">{label}</text>'
        )

    ticks = "".join(
        f'<text x="{xy(p, 0)[0]:.1f}" y="{height - pad + 20}" font-size="12" text-anchor="middle">{p}</text>'
        for p, _, _ in points
    )
    y_ticks = "".join(
        f'<text x="{pad - 8}" y="{xy(0, t)[1] + 4:.1f}" font-size="12" text-anchor="end">{t:.0f}</text>'
        for t in [max_y * f / 4 for f in range(5)]
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Build time against page count: this handbook against stock Material for MkDocs">'
        f'<rect width="100%" height="100%" fill="#fff"/>'
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#333"/>'
        f'<line x1="{pad}" y1="{pad / 2}" x2="{pad}" y2="{height - pad}" stroke="#333"/>'
        f'{ticks}{y_ticks}<text x="{width / 2}" y="{height - 12}" font-size="13" text-anchor="middle">pages</text>'
        f'<text x="16" y="{height / 2}" font-size="13" transform="rotate(-90 16 {height / 2})" text-anchor="middle">seconds</text>'
        + line([(p, o) for p, o, _ in points], "#3949ab", "this handbook", pad)
        + line([(p, s) for p, _, s in points], "#c62828", "stock Material", pad + 20)
        + "</svg>\n"
    )


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(
            row.split(":", 1)[1].strip()
            for row in Path("/proc/cpuinfo").read_text().splitlines()
            if row.startswith("model name")
        )
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        rows = Path("/proc/meminfo").read_text().splitlines()
        kb = int(next(row.split()[1] for row in rows if row.startswith("MemTotal")))
        memory = f", {kb / 1024 / 1024:.0f} GiB memory"
    except (OSError, StopIteration):
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}){memory}, Python {platform.python_version()}"


def targets(results: Results) -> list[tuple[str, str, bool | None]]:
    rows = {name: (pages, ours, stock) for name, pages, ours, stock in results.rows}
    checks: list[tuple[str, str, bool | None]] = []
    if "synthetic-500" in rows and "synthetic-2000" in rows:
        ratio = rows["synthetic-2000"][1].seconds / rows["synthetic-500"][1].seconds
        checks.append(("Linear growth: t(2,000) / t(500) ≤ 4.4", f"{ratio:.2f}", ratio <= 4.4))
        vs = rows["synthetic-2000"][1].seconds / rows["synthetic-2000"][2].seconds
        checks.append(("2,000 pages: ours ≤ 0.5 × stock Material", f"{vs:.2f}×", vs <= 0.5))
    real = statistics.median(b.seconds for b in results.real_runs)
    plain = statistics.median(b.seconds for b in results.real_plain)
    checks.append(
        ("Real site: strict build ≤ 1.3 × without macros and dates", f"{real / plain:.2f}×", real / plain <= 1.3)
    )
    if results.real_frozen:
        frozen = statistics.median(b.seconds for b in results.real_frozen)
        checks.append(("  like for like (same rendered content, frozen), for context", f"{real / frozen:.2f}×", None))
    worst = max((w["largest"][0], name) for name, w in results.weights.items())
    checks.append(
        (
            "Every HTML page ≤ 60 KB (all sizes)",
            f"largest {worst[0] / 1024:.1f} KB ({worst[1]})",
            worst[0] <= PAGE_BUDGET,
        )
    )
    first = sum(results.first_load.values())
    checks.append(
        ("First-load JS+CSS ≤ 60 KB gzipped (home page)", f"{first / 1024:.1f} KB", first <= FIRST_LOAD_BUDGET)
    )
    fonts = [p.name for p in (ROOT / "overrides").rglob("*.css") if "@font-face" in p.read_text()]
    checks.append(("No web fonts", "none" if not fonts else ", ".join(fonts), not fonts))
    if results.lighthouse:
        worst_scores = {
            k: min(s[k] for s in results.lighthouse.values())
            for k in ("performance", "accessibility", "best-practices", "seo")
        }
        ok = (
            worst_scores["performance"] >= 95
            and worst_scores["accessibility"] == 100
            and worst_scores["best-practices"] == 100
            and worst_scores["seo"] >= 95
        )
        checks.append(
            (
                "Lighthouse mobile: perf ≥ 95, a11y 100, BP 100, SEO ≥ 95",
                ", ".join(f"{k} {v}" for k, v in worst_scores.items()),
                ok,
            )
        )
    else:
        checks.append(("Lighthouse mobile (run with --lighthouse)", "not run", None))
    if results.suite_seconds is not None:
        checks.append(("make test ≤ 5 minutes", f"{results.suite_seconds:.0f} s", results.suite_seconds <= 300))
    return checks


def report(results: Results) -> str:
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    real = results.real_runs
    lines = [
        "# Benchmark results",
        "",
        f"- **Date:** {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- **Commit:** {commit or 'not a git checkout'}",
        f"- **Machine:** {machine()}",
        "- **Command:** `scripts/bench " + " ".join(sys.argv[1:]) + "`",
        "",
        "## Build time",
        "",
        "| Site | Pages | Ours (s) | Ours per page (ms) | Peak memory (MB) | Stock Material (s) | Stock per page (ms) | Ours / stock |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, pages, ours, stock in results.rows:
        stock_cols = (
            f"{stock.seconds:.1f} | {1000 * stock.seconds / pages:.0f} | {ours.seconds / stock.seconds:.2f}"
            if stock
            else "– | – | –"
        )
        lines.append(
            f"| {name} | {pages} | {ours.seconds:.1f} | {1000 * ours.seconds / pages:.0f} | {ours.peak_mb:.0f} | {stock_cols} |"
        )
    lines += [
        "",
        f"Real handbook, strict, {len(real)} runs: median {statistics.median(b.seconds for b in real):.2f} s "
        f"(runs: {', '.join(f'{b.seconds:.2f}' for b in real)}), peak memory {max(b.peak_mb for b in real):.0f} MB. "
        f"Without macros and revision dates: median {statistics.median(b.seconds for b in results.real_plain):.2f} s "
        "(the pages then lack everything the macros generate, about a quarter of the content). "
        + (
            f"The same pages with the macros' output frozen into static Markdown, built without macros and dates: "
            f"median {statistics.median(b.seconds for b in results.real_frozen):.2f} s."
            if results.real_frozen
            else ""
        ),
        "",
        "![Build time against page count](build-time.svg)",
        "",
        "## Page weight",
        "",
        "| Site | HTML pages | Median page (KB) | Largest page (KB) | Pages over 60 KB |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, w in results.weights.items():
        lines.append(
            f"| {name} | {w['pages']} | {w['median'] / 1024:.1f} | {w['largest'][0] / 1024:.1f} ({w['largest'][1]}) | {len(w['over_budget'])} |"
        )
    for name, w in results.weights.items():
        if w.get("print"):
            lines.append(
                f"\n{name}: {len(w['print'])} printable editions (print/, not counted above), largest {w['print'][-1][0] / 1024:.0f} KB."
            )
    lines += ["", "First load of the home page, gzipped (level 9):", ""]
    lines += [f"- `{name}`: {size / 1024:.1f} KB" for name, size in sorted(results.first_load.items())]
    lines += [
        f"- **Total: {sum(results.first_load.values()) / 1024:.1f} KB**",
        "",
        f"Search index, gzipped: {results.search_gz / 1024:.0f} KB (loaded when the reader first searches).",
        "",
    ]
    extras = results.weights.get("real", {}).get("extras", {})
    if extras:
        lines += ["Widget assets loaded only by the pages that use them, gzipped:", ""]
        lines += [
            f"- {page}: {', '.join(f'`{n}` {s / 1024:.1f} KB' for n, s in assets.items())}"
            for page, assets in extras.items()
        ]
        lines.append("")
    if results.lighthouse:
        lines += [
            "## Lighthouse (mobile preset)",
            "",
            "| Page | Performance | Accessibility | Best practices | SEO |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for page, s in results.lighthouse.items():
            lines.append(f"| {page} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} |")
        lines.append("")
    lines += ["## Targets", "", "| Target | Measured | Result |", "| --- | --- | --- |"]
    for target, measured, ok in targets(results):
        verdict = "pass" if ok else ("**fail**" if ok is False else ("not run" if measured == "not run" else "context"))
        lines.append(f"| {target} | {measured} | {verdict} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="builds of the real handbook (median reported)")
    parser.add_argument("--sizes", default="500,2000", help="synthetic site sizes, comma-separated ('' for none)")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse on four page types")
    parser.add_argument("--suite", action="store_true", help="also time the whole test suite")
    args = parser.parse_args()
    results = Results()
    work = Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    try:
        print(f"machine: {machine()}")
        for run in range(args.runs):
            results.real_runs.append(build(ROOT / "mkdocs.yml", work / "real", strict=True))
            print(
                f"real handbook, strict build {run + 1}: {results.real_runs[-1].seconds:.2f} s, {results.real_runs[-1].peak_mb:.0f} MB"
            )
        plain_config = ROOT / ".bench-plain.yml"
        plain_config.write_text(
            without_plugins((ROOT / "mkdocs.yml").read_text("utf-8"), ("macros", "git-revision-date-localized"))
        )
        try:
            for run in range(args.runs):
                results.real_plain.append(build(plain_config, work / "plain", strict=False))
                print(f"real handbook without macros and dates {run + 1}: {results.real_plain[-1].seconds:.2f} s")
        finally:
            plain_config.unlink()
        # Like for like: the pages exactly as the macros render them, saved as static Markdown,
        # built with macros and revision dates off. The plain build above lacks the generated content.
        frozen = work / "frozen-docs"
        subprocess.run(
            [sys.executable, "-c", FREEZE, str(ROOT / "mkdocs.yml"), str(work / "freeze-site"), str(frozen)],
            check=True,
            capture_output=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            cwd=ROOT,
        )
        plain_text = without_plugins(
            (ROOT / "mkdocs.yml").read_text("utf-8"), ("macros", "git-revision-date-localized")
        )
        plain_config.write_text(plain_text.replace("strict: true", f"strict: true\ndocs_dir: {frozen}", 1))
        try:
            for run in range(args.runs):
                results.real_frozen.append(build(plain_config, work / "frozen", strict=False))
                print(
                    f"real handbook, macro output frozen, without macros and dates {run + 1}: {results.real_frozen[-1].seconds:.2f} s"
                )
        finally:
            plain_config.unlink()
        stock_real = work / "stock-real.yml"
        stock_real.write_text(
            f"site_name: Handbook\ndocs_dir: {ROOT / 'docs'}\ntheme:\n  name: material\nplugins:\n  - search\nexclude_docs: |\n  !/templates/\n"
        )
        pages = _real_counts()["pages"]
        results.rows.append(
            (
                "real",
                pages,
                Build(
                    statistics.median(b.seconds for b in results.real_runs), max(b.peak_mb for b in results.real_runs)
                ),
                build(stock_real, work / "stock-real", strict=False),
            )
        )
        site = work / "real"
        results.weights["real"] = page_weights(site)
        results.first_load = loaded_assets(site, "index.html")
        home = set(results.first_load)
        results.weights["real"]["extras"] = {
            page: {n: s for n, s in loaded_assets(site, page).items() if n not in home}
            for page in (
                "programs/leadership-cohort/week-1/index.html",
                "templates/index.html",
                "assessments/quarterly-leadership/index.html",
            )
        }
        results.search_gz = gz((site / "search" / "search_index.json").read_bytes())
        for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
            project = work / f"synthetic-{size}"
            project.mkdir()
            made = make_synthetic(project, size)
            ours = build(project / "mkdocs.yml", project / "site", strict=True)
            stock = build(project / "stock.yml", project / "stock-site", strict=False)
            results.rows.append((f"synthetic-{size}", made, ours, stock))
            results.weights[f"synthetic-{size}"] = page_weights(project / "site")
            print(
                f"synthetic {made} pages: ours {ours.seconds:.1f} s ({ours.peak_mb:.0f} MB), stock {stock.seconds:.1f} s, ratio {ours.seconds / stock.seconds:.2f}"
            )
            shutil.rmtree(project)
        if args.lighthouse:
            results.lighthouse = lighthouse(
                site,
                {
                    "home": "",
                    "week": "programs/leadership-cohort/week-1/",
                    "template": "templates/decision-matrix/",
                    "assessment": "assessments/quarterly-leadership/",
                },
            )
        if args.suite:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "pytest", "-q"], cwd=ROOT, check=False)
            results.suite_seconds = time.perf_counter() - start
    finally:
        shutil.rmtree(work, ignore_errors=True)
    OUT.mkdir(exist_ok=True)
    (OUT / "RESULTS.md").write_text(report(results), "utf-8")
    (OUT / "build-time.svg").write_text(chart(results), "utf-8")
    print()
    for target, measured, ok in targets(results):
        print(
            f"{'PASS' if ok else ('info' if ok is None and measured != 'not run' else ('----' if ok is None else 'FAIL'))}  {target}: {measured}"
        )
    print(f"\nwrote {(OUT / 'RESULTS.md').relative_to(ROOT)} and {(OUT / 'build-time.svg').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
