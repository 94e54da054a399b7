#!/usr/bin/env python3
"""Benchmark the handbook against stock Material for MkDocs, side by side in one run.

    scripts/bench                         everything below except Lighthouse and the suite
    scripts/bench --lighthouse --suite    also Lighthouse (mobile, median of 5) and `make test`
    scripts/bench --sizes 500 --runs 1    a quicker look

What it measures, each for this handbook and for stock Material (search plugin only, default
navigation) over the same pages, on the same machine in the same run:

- **Preview:** edit to visible. The preview server starts (`make serve`; stock: `mkdocs serve`),
  a page on disk gets a new word, and the served page is polled until the word appears; the
  median of 5 edits. For the handbook also a data-file edit (stock has no data files).
- **Build:** a full strict build in its own process (wall time, peak memory), at the real size
  (median of 5) and on synthetic 500- and 2,000-page handbooks (median of 3, built in turn so
  both sizes see the same minutes of the machine; stock once at 2,000) with the project's own
  configuration, macros and overrides. At the real size also stock over the pages as readers
  get them (macros expanded), which separates what the content costs from what our code costs;
  the share of the real build spent on "Last updated" dates; and one more build of each, timed
  phase by phase. One more build of ours at each synthetic size is timed the same way, to show
  which phases grow faster than the page count.
- **First visit:** JS and CSS each page type loads, gzipped; Lighthouse's mobile preset on four
  page types, served with gzip as GitHub Pages serves them, for ours and for stock over the pages
  as readers get them; any request over 50 KB; Lighthouse's own speed reading of the machine.

Results go to benchmarks/RESULTS.md and benchmarks/build-time.svg. A section headed
"## Notes written by hand" at the end of RESULTS.md survives a new run, so what maintainers
wrote about a miss is not lost; the bench reminds you to check it against the new numbers.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks"
PAGE_BUDGET = 60 * 1024
NOTES = "## Notes written by hand"
FIRST_LOAD_BUDGET = 60 * 1024
REQUEST_BUDGET = 50 * 1024
LIGHTHOUSE = "lighthouse@12.8.2"  # the newest release that runs on Node 18 and 20
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1767225600")}

BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config(config_file=sys.argv[1], site_dir=sys.argv[2], strict=sys.argv[3] == "1"))
"""

# One more build of a site, timed by phase: every plugin event, Markdown conversion and the
# theme's templates. Prints {phase: seconds} as JSON.
PHASES = """
import collections, json, sys, time
start = time.perf_counter()
import jinja2, markdown
from mkdocs.commands.build import build
from mkdocs.config import load_config
spent = collections.Counter()
def timed(function, name):
    def run(*args, **kwargs):
        begin = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - begin
    return run
markdown.Markdown.convert = timed(markdown.Markdown.convert, "markdown")
jinja2.Template.render = timed(jinja2.Template.render, "templates")
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2], strict=sys.argv[3] == "1")
for event, methods in config.plugins.events.items():
    methods[:] = [timed(m, f"{type(m.__self__).__name__}.{event}") for m in methods]
build(config)
spent["total"] = time.perf_counter() - start
print(json.dumps(spent))
"""

# The real handbook as readers get it, for stock Material: one build of ours records each page's
# Markdown after its macros ran; the pages are written with their front matter into a copy of
# docs/. Prints our Markdown extensions (with their settings) as JSON, for the stock configuration.
# Arguments: our config, a scratch site, the folder to write.
EXPAND = r"""
import json, re, shutil, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
import macros
expanded = {}
run_macros = macros.on_pre_page_macros
def capture(env):
    run_macros(env)
    expanded[env.page.file.src_uri] = env.markdown
macros.on_pre_page_macros = capture
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2], strict=True)
build(config)
if not expanded:
    sys.exit("no page went through macros.on_pre_page_macros: did mkdocs-macros load another copy of macros/?")
dest = Path(sys.argv[3])
shutil.copytree(config.docs_dir, dest / "docs")
for src, text in expanded.items():
    front = re.match(r"---\n.*?\n---\n", (dest / "docs" / src).read_text("utf-8"), re.DOTALL)
    (dest / "docs" / src).write_text((front.group(0) if front else "") + "\n" + text, "utf-8")
print(json.dumps([{name: config.mdx_configs[name]} if name in config.mdx_configs else name for name in config.markdown_extensions]))
"""

# Page types for first-load weight and Lighthouse: (label, built page).
PAGE_TYPES = {
    "home": "index.html",
    "week": "programs/leadership-cohort/week-1/index.html",
    "program": "programs/leadership-cohort/index.html",
    "framework": "frameworks/systems-thinking/index.html",
    "template": "templates/decision-matrix/index.html",
    "template library": "templates/index.html",
    "document checker": "templates/check/index.html",
    "assessment": "assessments/quarterly-leadership/index.html",
    "start here": "start-here/index.html",
    "case": "cases/gitlab-2017-database-outage/index.html",
}
LIGHTHOUSE_PAGES = ("home", "week", "template", "assessment")

# Preview edits: (page source, text the edit goes after, built page).
REAL_EDIT = ("docs/frameworks/systems-thinking.md", "# Systems thinking\n", "frameworks/systems-thinking/")
DATA_EDIT = (
    "data/programs/leadership-cohort/week-1.yml",
    "  - Draw the informal decision map",
    "programs/leadership-cohort/week-1/",
)
SYNTHETIC_EDIT = ("docs/articles/group-000/article-0000.md", "# Article 0\n", "articles/group-000/article-0000/")


@dataclass
class Build:
    seconds: float
    peak_mb: float


@dataclass
class Row:
    """One site size: our builds and stock Material's, and the preview latencies."""

    name: str
    pages: int
    ours: list[Build] = field(default_factory=list)
    stock: list[Build] = field(default_factory=list)
    preview: list[float] = field(default_factory=list)
    stock_preview: list[float] = field(default_factory=list)

    def median(self, builds: list[Build]) -> float:
        return statistics.median(b.seconds for b in builds)


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    data_preview: list[float] = field(default_factory=list)
    dates_seconds: float = 0.0
    weights: dict[str, dict] = field(default_factory=dict)
    first_load: dict[str, dict[str, int]] = field(default_factory=dict)
    search_gz: int = 0
    lighthouse: dict[str, dict] = field(default_factory=dict)
    lighthouse_stock: dict[str, dict] = field(default_factory=dict)  # stock on the pages as readers get them
    suite_seconds: float | None = None
    suite_passed: bool = False  # a failing run's time is reported, but it meets no target
    cpu_checks: list[tuple[str, float]] = field(default_factory=list)  # (when, the fixed workload's seconds)
    phases: dict[str, dict[str, float]] = field(default_factory=dict)  # "ours"/"stock": phase -> seconds
    stock_expanded: list[Build] = field(default_factory=list)  # stock on the pages as readers get them (EXPAND)
    # ours at each synthetic size: row name -> phase -> seconds
    size_phases: dict[str, dict[str, float]] = field(default_factory=dict)


def build(config: Path, dest: Path, *, strict: bool) -> Build:
    """Build in a child process; return its wall time and peak resident memory."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", BUILD, str(config), str(dest), "1" if strict else "0"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=ENV,
            cwd=config.parent,
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            log.seek(0)
            sys.exit(f"bench: build of {config} failed:\n{log.read().decode()[-3000:]}")
    return Build(seconds, usage.ru_maxrss / 1024)


def phases(config: Path, dest: Path, *, strict: bool) -> dict[str, float]:
    """Seconds per phase of one build in a child process (see PHASES)."""
    run = subprocess.run(
        [sys.executable, "-c", PHASES, str(config), str(dest), "1" if strict else "0"],
        capture_output=True, text=True, env=ENV, cwd=config.parent, check=False,
    )  # fmt: skip
    if run.returncode != 0:
        sys.exit(f"bench: timed build of {config} failed:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


# Rows of the phase table: (label, timers summed). MkDocs 1.6 converts Markdown and renders the
# theme's templates outside the plugin events, so no two rows count the same time.
PHASE_ROWS = [
    ("Markdown to HTML", ("markdown",)),
    ("Theme templates", ("templates",)),
    ("Search index (Material's search plugin, per page)", ("SearchPlugin.page_context",)),
    ("Macros: start-up (imports, loading and checking data/, dates)", ("MacrosPlugin.config",)),
    ("Macros: checking and running each page's macros", ("MacrosPlugin.page_markdown",)),
    ("After the build: downloads, JSON, print editions, stylesheets", ("MacrosPlugin.post_build",)),
    ("Tags plugin", ("TagsPlugin.page_markdown", "TagsPlugin.env", "TagsPlugin.page_context")),
]


def phase_rows(spent: dict[str, float]) -> list[tuple[str, float]]:
    """``spent`` as the rows of PHASE_ROWS, then the rest of the build (files, navigation, copying, start-up)."""
    rows = [(label, sum(spent.get(k, 0.0) for k in keys)) for label, keys in PHASE_ROWS]
    return [*rows, ("Everything else (Python start-up, files, navigation, copying)", spent["total"] - sum(v for _, v in rows))]


def stock_config(docs: Path, dest: Path, extensions: list | None = None) -> Path:
    """Stock Material over ``docs``: the theme, its search plugin and nothing else (but the given
    Markdown extensions, as mkdocs.yml lists them)."""
    dest.write_text(
        f"site_name: Handbook\ndocs_dir: {docs}\ntheme:\n  name: material\nplugins:\n  - search\n"
        "exclude_docs: |\n  !/templates/\n" + (f"markdown_extensions: {json.dumps(extensions)}\n" if extensions else "")
    )
    return dest


def expanded_stock_config(config: Path, dest: Path) -> Path:
    """Stock Material over the real handbook's pages as readers get them (see EXPAND)."""
    run = subprocess.run(
        [sys.executable, "-c", EXPAND, str(config), str(dest / "site"), str(dest)],
        capture_output=True, text=True, env=ENV, cwd=config.parent, check=False,
    )  # fmt: skip
    if run.returncode != 0:
        sys.exit(f"bench: expanding the pages of {config} failed:\n{run.stderr[-3000:]}")
    return stock_config(dest / "docs", dest / "stock.yml", json.loads(run.stdout.strip().splitlines()[-1]))


# --- preview: edit to visible ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 600) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8", "replace")


def edit_latency(
    command: list[str], cwd: Path, port: int, edit: tuple[str, str, str], project: Path, runs: int
) -> list[float]:
    """Start a preview server, then ``runs`` times: add a new word to a file, poll the page until it shows."""
    source, anchor, page = edit
    path, url = project / source, f"http://127.0.0.1:{port}/{page}"
    server = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    original = path.read_text("utf-8")
    samples = []
    try:
        deadline = time.monotonic() + 900
        while True:
            try:
                fetch(url, timeout=900)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    sys.exit(f"bench: the preview server ({' '.join(command)}) did not start")
                time.sleep(0.2)
        time.sleep(1)  # let the server settle after its first build
        for run in range(runs):
            word = f"benchword{run}x{random.randrange(10**6)}"
            if anchor not in original:
                sys.exit(f"bench: {source} no longer contains {anchor!r}; update the edit in scripts/bench.py")
            added = f"{anchor}\n{word}\n" if anchor.endswith("\n") else f"{anchor} {word}"  # a paragraph, or a word
            path.write_text(original.replace(anchor, added, 1), "utf-8")
            start = time.perf_counter()
            while word not in fetch(url):
                if time.perf_counter() - start > 900:
                    sys.exit(f"bench: the edit to {source} never reached {url}")
                time.sleep(0.005)
            samples.append(time.perf_counter() - start)
            time.sleep(0.5)
    finally:
        path.write_text(original, "utf-8")
        server.terminate()
        server.wait(timeout=30)
    return samples


def our_preview(config: Path, edit: tuple[str, str, str], runs: int) -> list[float]:
    port = free_port()
    command = [
        sys.executable,
        str(ROOT / "scripts" / "handbook.py"),
        "serve",
        "--addr",
        f"127.0.0.1:{port}",
        "--config",
        str(config),
    ]
    return edit_latency(command, config.parent, port, edit, config.parent, runs)


def stock_preview(config: Path, project: Path, edit: tuple[str, str, str], runs: int) -> list[float]:
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-q", "-f", str(config), "-a", f"127.0.0.1:{port}"]
    return edit_latency(command, config.parent, port, edit, project, runs)


def dates_seconds() -> float:
    """Time to find every page's "Last updated" date (macros/revisions.py), uncached, as a build does."""
    sys.path.insert(0, str(ROOT))
    import datetime as dt

    from macros import revisions

    revisions.commit_dates.cache_clear()
    start = time.perf_counter()
    revisions.page_dates(ROOT, ROOT / "docs", dt.date.today())
    return time.perf_counter() - start


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


REFERENCES = sorted(  # real works from the registry, cited by id as the real pages do
    line.split("id:", 1)[1].strip()
    for path in (ROOT / "data" / "references").glob("*.yml")
    for line in path.read_text("utf-8").splitlines()
    if line.lstrip("- ").startswith("id:")
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
    for name in ("macros", "overrides", "includes", "data/references"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "data" / "organisations.yml", dest / "data" / "organisations.yml")
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
            f"how_to_fill:\n  - {sentence(rng)}\n  - {sentence(rng)}\nsections:\n{sections}\nexample:\n  org: brindlepay\n  text: Brindlepay {paragraph(rng, 4)}\n"
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
                f"reading:\n  - ref: {rng.choice(REFERENCES)}\n    note: {sentence(rng)}\n"
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


_SCRIPT = re.compile(r'<script\b[^>]*?\bsrc="([^"]+)"')
_STYLESHEET = re.compile(r'<link\b[^>]*?\brel="stylesheet"[^>]*?\bhref="([^"]+)"')


def loaded_assets(site: Path, page: str, root: str = "/") -> dict[str, int]:
    """Gzipped bytes of every script and stylesheet a page loads, by path in the site.

    ``root`` is the site's path on its server (``site_url``'s): the 404 page links its assets
    from there, since it is served at any address. `make test` holds every page to the budget
    with this same function (``tests/test_site.py``)."""
    html = (site / page).read_text("utf-8")
    found = {}
    for url in _SCRIPT.findall(html) + _STYLESHEET.findall(html):
        url = urllib.parse.unquote(url.split("?")[0].split("#")[0])
        path = site / url.removeprefix(root) if url.startswith("/") else (site / page).parent / url
        found[path.resolve().relative_to(site.resolve()).as_posix()] = _gz_file(path.resolve())
    return found


def _gz_file(path: Path) -> int:
    """:func:`gz` of a file, worked out once per version of it: every page shares the theme's files."""
    stat = path.stat()
    return _gz_version(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=None)
def _gz_version(path: Path, _mtime_ns: int, _size: int) -> int:
    return gz(path.read_bytes())


# --- first visit: a compressing server and Lighthouse ------------------------------------------

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".md")


def serve(site: Path):
    """Serve ``site`` with gzip for text files, as GitHub Pages does; return (server, base URL)."""
    import functools
    import http.server

    cache: dict[Path, bytes] = {}

    class Gzipping(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                if not self.path.split("?")[0].endswith("/"):
                    return super().send_head()  # the redirect to the folder's address
                path = path / "index.html"
            if (
                path.suffix not in COMPRESSIBLE
                or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")
            ):
                return super().send_head()
            body = cache.get(path)
            if body is None:
                body = cache[path] = gzip.compress(path.read_bytes(), 6, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return io.BytesIO(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Gzipping, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse(site: Path, pages: dict[str, str], runs: int = 5) -> dict[str, dict]:
    """Lighthouse (mobile preset) ``runs`` times per page: median scores, requests over 50 KB, and
    the median of Lighthouse's own speed reading of the machine (``benchmarkIndex``)."""
    server, base = serve(site)
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
    results = {}
    try:
        for label, path in pages.items():
            samples, large, speeds = [], set(), []
            for _ in range(runs):
                with tempfile.NamedTemporaryFile(suffix=".json") as report:
                    subprocess.run(
                        ["npm", "exec", "--yes", f"--package={LIGHTHOUSE}", "--", "lighthouse", base + path, "--quiet",
                         "--output=json", f"--output-path={report.name}", f"--chrome-flags={flags}",
                         "--only-categories=performance,accessibility,best-practices,seo"],
                        check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, cwd=ROOT, capture_output=True,
                    )  # fmt: skip
                    data = json.loads(Path(report.name).read_text())
                samples.append({key: round(value["score"] * 100) for key, value in data["categories"].items()})
                speeds.append(data["environment"]["benchmarkIndex"])
                for item in data["audits"]["network-requests"]["details"]["items"]:
                    if item.get("transferSize", 0) > REQUEST_BUDGET:
                        large.add((item["url"].removeprefix(base), item["transferSize"]))
            results[label] = {
                "scores": {key: int(statistics.median(s[key] for s in samples)) for key in samples[0]},
                "performance_runs": [s["performance"] for s in samples],
                "large": sorted(large),
                "benchmark_index": statistics.median(speeds),
            }
            print(
                f"  lighthouse {label}: {results[label]['scores']}; performance runs {results[label]['performance_runs']}"
            )
    finally:
        server.shutdown()
    return results


# --- report ------------------------------------------------------------------------------------


def chart(results: Results) -> str:
    """Two panels: full build time against page count, and edit-to-visible in the preview; ours against stock."""
    width, height, pad = 760, 360, 56
    half = width // 2
    ours_colour, stock_colour = "#283593", "#b71c1c"
    rows = [r for r in results.rows if r.ours and r.stock]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" font-family="sans-serif" '
        'aria-label="Left: full build time against page count. Right: seconds from saving an edit to seeing it in '
        'the preview. This handbook against stock Material for MkDocs.">',
        '<rect width="100%" height="100%" fill="#fff"/>',
    ]
    # Left: build time against pages.
    max_x = max(r.pages for r in rows)
    max_y = max(max(r.median(r.ours), r.median(r.stock)) for r in rows) * 1.1

    def xy(pages: float, seconds: float) -> tuple[float, float]:
        return pad + (half - 1.5 * pad) * pages / max_x, height - pad - (height - 2 * pad) * seconds / max_y

    out.append(f'<text x="{half / 2}" y="22" font-size="14" text-anchor="middle">Full build (s) by pages</text>')
    out.append(f'<line x1="{pad}" y1="{height - pad}" x2="{half - pad / 2}" y2="{height - pad}" stroke="#333"/>')
    out.append(f'<line x1="{pad}" y1="{pad / 2}" x2="{pad}" y2="{height - pad}" stroke="#333"/>')
    for r in rows:
        x, _ = xy(r.pages, 0)
        out.append(f'<text x="{x:.1f}" y="{height - pad + 18}" font-size="11" text-anchor="middle">{r.pages}</text>')
    for tick in (max_y * f / 4 for f in range(5)):
        _, y = xy(0, tick)
        out.append(f'<text x="{pad - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{tick:.0f}</text>')
    for label, colour, key, offset in (
        ("this handbook", ours_colour, "ours", 0),
        ("stock Material", stock_colour, "stock", 16),
    ):
        coords = [xy(r.pages, r.median(getattr(r, key))) for r in rows]
        out.append(
            f'<polyline points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in coords)}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
        )
        out += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>' for x, y in coords]
        out.append(f'<text x="{pad + 10}" y="{pad + offset}" font-size="12" fill="{colour}">{label}</text>')
    # Right: preview latency, bars per size.
    previews = [r for r in results.rows if r.preview]
    if previews:
        top = max(max(r.preview + (r.stock_preview or [0])) for r in previews) * 1.1
        left = half + pad
        out.append(
            f'<text x="{half + half / 2}" y="22" font-size="14" text-anchor="middle">Edit to visible in the preview (s), median</text>'
        )
        out.append(f'<line x1="{left}" y1="{height - pad}" x2="{width - pad / 2}" y2="{height - pad}" stroke="#333"/>')
        slot = (width - pad / 2 - left) / len(previews)
        for index, r in enumerate(previews):
            for k, (values, colour) in enumerate(((r.preview, ours_colour), (r.stock_preview, stock_colour))):
                if not values:
                    continue
                value = statistics.median(values)
                bar = (height - 2 * pad) * value / top
                x = left + index * slot + slot * (0.15 + 0.35 * k)
                out.append(
                    f'<rect x="{x:.1f}" y="{height - pad - bar:.1f}" width="{slot * 0.3:.1f}" height="{bar:.1f}" fill="{colour}"/>'
                )
                out.append(
                    f'<text x="{x + slot * 0.15:.1f}" y="{height - pad - bar - 5:.1f}" font-size="11" text-anchor="middle">{value:.2f}</text>'
                )
            out.append(
                f'<text x="{left + (index + 0.5) * slot:.1f}" y="{height - pad + 18}" font-size="11" text-anchor="middle">{r.name} ({r.pages} pages)</text>'
            )
    out.append("</svg>\n")
    return "\n".join(out)


def cpu_check() -> float:
    """Seconds for a fixed pure-Python workload, best of three: shared machines change speed from
    minute to minute, and this shows how fast this one was around each part of the run."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        sum(i * i for i in range(2_000_000))
        best = min(best, time.perf_counter() - start)
    return best


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
    """Each target of issue 17 with what was measured: (target, measured, passed or None when not run)."""
    rows = {r.name: r for r in results.rows}
    checks: list[tuple[str, str, bool | None]] = []

    def add(target: str, value: float | None, limit: float, fmt: str, smaller: bool = True) -> None:
        if value is None:
            checks.append((target, "not run", None))
        else:
            checks.append((target, fmt.format(value), value <= limit if smaller else value >= limit))

    real, big, mid = rows.get("real"), rows.get("synthetic-2000"), rows.get("synthetic-500")
    median = statistics.median
    add(
        "Preview, page edit, real size: median ≤ 0.5 s",
        median(real.preview) if real and real.preview else None,
        0.5,
        "{:.2f} s",
    )
    add(
        "Preview, page edit, 2,000 pages: median ≤ 1.0 s",
        median(big.preview) if big and big.preview else None,
        1.0,
        "{:.2f} s",
    )
    add(
        "Preview, data edit, real size: median ≤ 1.5 s",
        median(results.data_preview) if results.data_preview else None,
        1.5,
        "{:.2f} s",
    )
    add(
        "Full build, real size: ≤ 1.5 × stock",
        real.median(real.ours) / real.median(real.stock) if real else None,
        1.5,
        "{:.2f}×",
    )
    add(
        "Full build, 2,000 pages: ≤ 0.35 × stock",
        big.median(big.ours) / big.median(big.stock) if big else None,
        0.35,
        "{:.2f}×",
    )
    add(
        "Linear: t(2,000) / t(500) ≤ 4.2",
        big.median(big.ours) / mid.median(mid.ours) if big and mid else None,
        4.2,
        "{:.2f}",
    )
    add(
        "Revision dates ≤ 10% of the real build",
        results.dates_seconds / real.median(real.ours) * 100 if real else None,
        10,
        "{:.1f}%",
    )
    if results.lighthouse:
        worst = min(v["scores"]["performance"] for v in results.lighthouse.values())
        add("Lighthouse mobile performance, median of 5, each page ≥ 95", worst, 95, "lowest {}", smaller=False)
        large = sorted({item for v in results.lighthouse.values() for item in v["large"]})
        shown = ", ".join(f"{url or '/'} {size / 1024:.0f} KB" for url, size in large) or "none"
        checks.append(("No request over 50 KB the reader did not ask for", shown, not large))
    else:
        checks.append(("Lighthouse (run with --lighthouse)", "not run", None))
    heaviest = max(((sum(a.values()), page) for page, a in results.first_load.items()), default=None)
    if heaviest:
        checks.append(
            (
                "First-load JS+CSS ≤ 60 KB gzipped, every page type",
                f"largest {heaviest[0] / 1024:.1f} KB ({heaviest[1]})",
                heaviest[0] <= FIRST_LOAD_BUDGET,
            )
        )
    if results.suite_seconds is not None and not results.suite_passed:
        checks.append(("make test ≤ 4 minutes", f"{results.suite_seconds:.0f} s, but tests failed", False))
    else:
        add("make test ≤ 4 minutes", results.suite_seconds, 240, "{:.0f} s")
    fonts = [p.name for p in (ROOT / "overrides").rglob("*.css") if "@font-face" in p.read_text()]
    checks.append(("No web fonts", "none" if not fonts else ", ".join(fonts), not fonts))
    return checks


def growth_table(results: Results) -> list[str]:
    """Our phases at each synthetic size, and how much each grew from the smallest size to the
    largest: a phase growing faster than the page count is what makes the build grow faster."""
    rows = [row for row in results.rows if row.name in results.size_phases]
    if len(rows) < 2:
        return []

    def growth(first: float, last: float) -> str:
        return f"×{last / first:.1f}" if first >= 0.01 else "–"

    lines = ["", f"Where the growth goes, in one more build of ours at each synthetic size. The pages grew "
             f"×{rows[-1].pages / rows[0].pages:.2f}; a phase that grew faster makes the build grow faster than the site:", "",
             "| Phase | " + " | ".join(f"{row.name} (s)" for row in rows) + " | Growth |",
             "| --- | " + " | ".join("---:" for _ in rows) + " | ---: |"]  # fmt: skip
    for phase in zip(*(phase_rows(results.size_phases[row.name]) for row in rows), strict=True):
        seconds = [value for _, value in phase]
        lines.append(f"| {phase[0][0]} | " + " | ".join(f"{v:.2f}" for v in seconds) + f" | {growth(seconds[0], seconds[-1])} |")
    totals = [results.size_phases[row.name]["total"] for row in rows]
    lines.append("| **Total** | " + " | ".join(f"**{t:.2f}**" for t in totals) + f" | **{growth(totals[0], totals[-1])}** |")
    return lines


def report(results: Results, argv: list[str]) -> str:
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True
    ).stdout.strip()
    median = statistics.median
    lines = [
        "# Benchmark results",
        "",
        f"- **Date:** {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- **Commit:** {commit or 'not a git checkout'}{' with uncommitted changes' if dirty else ''}",
        f"- **Machine:** {machine()}",
        "- **Speed check:** a fixed pure-Python loop took "
        + ", ".join(f"{v * 1000:.0f} ms {when}" for when, v in results.cpu_checks)
        + " (shared machines vary: compare figures only when the checks around them agree).",
        "- **Command:** `scripts/bench " + " ".join(argv) + "`",
        "- **Stock Material:** the same pages built by Material for MkDocs with its search plugin and default navigation, in the same run.",
        "",
        "![Left: full build time against page count. Right: edit to visible in the preview.](build-time.svg)",
        "",
        "## Preview: from saving an edit to seeing it",
        "",
        "The preview server starts; then, five times, a page on disk gets a new word and the served page is",
        "polled every 5 ms until the word appears. Stock is `mkdocs serve` (it rebuilds the site on each save).",
        "",
        "| Site | Edit | Ours, median (runs) | Stock, median (runs) | Stock / ours |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for r in results.rows:
        if r.preview:
            stock = (
                f"{median(r.stock_preview):.2f} s ({', '.join(f'{v:.2f}' for v in r.stock_preview)})"
                if r.stock_preview
                else "–"
            )
            ratio = f"{median(r.stock_preview) / median(r.preview):.0f}×" if r.stock_preview else "–"
            lines.append(
                f"| {r.name} ({r.pages} pages) | a page | {median(r.preview):.2f} s ({', '.join(f'{v:.2f}' for v in r.preview)}) | {stock} | {ratio} |"
            )
    if results.data_preview:
        lines.append(
            f"| real | a data file | {median(results.data_preview):.2f} s ({', '.join(f'{v:.2f}' for v in results.data_preview)}) | – (no data files) | – |"
        )
    lines += [
        "",
        "## Full strict build",
        "",
        "| Site | Pages | Ours (s) | Ours per page (ms) | Peak memory (MB) | Stock (s) | Stock per page (ms) | Ours / stock |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results.rows:
        ours, stock = r.median(r.ours), r.median(r.stock)
        lines.append(
            f"| {r.name} | {r.pages} | {ours:.2f} | {1000 * ours / r.pages:.0f} | {max(b.peak_mb for b in r.ours):.0f} | "
            f"{stock:.2f} | {1000 * stock / r.pages:.0f} | {ours / stock:.2f} |"
        )
    real = next((r for r in results.rows if r.name == "real"), None)
    if real:
        lines += [
            "",
            f"Real handbook, {len(real.ours)} runs each: ours {', '.join(f'{b.seconds:.2f}' for b in real.ours)} s; "
            f'stock {", ".join(f"{b.seconds:.2f}" for b in real.stock)} s. "Last updated" dates for every page: '
            f"{results.dates_seconds * 1000:.0f} ms ({results.dates_seconds / real.median(real.ours) * 100:.1f}% of the build).",
        ]
        if results.stock_expanded:
            expanded = statistics.median(b.seconds for b in results.stock_expanded)
            lines += [
                "",
                "Stock Material over the pages as readers get them (each page's Markdown after its macros ran, "
                "with our Markdown extensions; no other plugin), in the same rounds: "
                f"{', '.join(f'{b.seconds:.2f}' for b in results.stock_expanded)} s, median {expanded:.2f} s. "
                f"That is {expanded / real.median(real.stock):.2f}× stock on the pages as written, and ours is "
                f"{real.median(real.ours) / expanded:.2f}× it: the first ratio is the content, the second our machinery.",
            ]
    if results.phases:
        ours, stock = (phase_rows(results.phases[k]) for k in ("ours", "stock"))
        lines += ["", "Where the time goes in one more build of the real handbook, each in its own process:", "",
                  "| Phase | Ours (s) | Stock (s) |", "| --- | ---: | ---: |"]  # fmt: skip
        lines += [f"| {label} | {a:.2f} | {b:.2f} |" for (label, a), (_, b) in zip(ours, stock, strict=True)]
        lines.append(f"| **Total** | **{results.phases['ours']['total']:.2f}** | **{results.phases['stock']['total']:.2f}** |")
    lines += growth_table(results)
    lines += ["", "## First visit", "", "JS and CSS each page type loads, gzipped (level 9):", "",
              "| Page type | Page | Theme (KB) | Ours (KB) | Total (KB) |", "| --- | --- | ---: | ---: | ---: |"]  # fmt: skip
    for label, assets in results.first_load.items():
        theme = sum(v for k, v in assets.items() if "/javascripts/bundle" in k or "/stylesheets/" in k)
        lines.append(
            f"| {label} | {PAGE_TYPES.get(label, '')} | {theme / 1024:.1f} | {(sum(assets.values()) - theme) / 1024:.1f} | {sum(assets.values()) / 1024:.1f} |"
        )
    lines += [
        "",
        f"Search index, gzipped: {results.search_gz / 1024:.0f} KB, fetched only once the reader starts to search.",
        "",
    ]
    if results.lighthouse:
        lines += lighthouse_table(results)
    lines += [
        "## Page weight",
        "",
        "| Site | HTML pages | Median page (KB) | Largest page (KB) |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, w in results.weights.items():
        lines.append(
            f"| {name} | {w['pages']} | {w['median'] / 1024:.1f} | {w['largest'][0] / 1024:.1f} ({w['largest'][1]}) |"
        )
    if results.suite_seconds is not None:
        outcome = "every test passed" if results.suite_passed else "**some tests failed**"
        lines += ["", f"`make test` (build, PDFs and every test): {results.suite_seconds:.0f} s; {outcome}."]
    lines += ["", "## Targets", "", "| Target | Measured | Result |", "| --- | --- | --- |"]
    for target, measured, ok in targets(results):
        lines.append(f"| {target} | {measured} | {'pass' if ok else ('not run' if ok is None else '**miss**')} |")
    return "\n".join(lines) + "\n"


def lighthouse_table(results: Results) -> list[str]:
    """Lighthouse's scores for each page, ours and stock's on the same content, and its speed readings."""
    builds = {"ours": results.lighthouse, "stock": results.lighthouse_stock}
    lines = [f"Lighthouse {LIGHTHOUSE.split('@')[1]}, mobile preset (its default 4× CPU slowdown), median of 5, "
             "pages served with gzip. Stock is Material over the pages as readers get them (macros expanded, "
             "as in the full-build section), without our scripts, styles and overrides:", "",
             "| Page | Build | Performance (runs) | Accessibility | Best practices | SEO | Requests over 50 KB |",
             "| --- | --- | ---: | ---: | ---: | ---: | --- |"]  # fmt: skip
    for label in results.lighthouse:
        for name, pages in builds.items():
            if label not in pages:
                continue
            v, s = pages[label], pages[label]["scores"]
            large = ", ".join(f"{u} ({n / 1024:.0f} KB)" for u, n in v["large"]) or "none"
            runs = ", ".join(map(str, v["performance_runs"]))
            lines.append(
                f"| {label} | {name} | {s['performance']} ({runs}) | {s['accessibility']} | {s['best-practices']} | {s['seo']} | {large} |"
            )
    speeds = ", ".join(
        f"{name} {statistics.median(v['benchmark_index'] for v in pages.values()):.0f}"
        for name, pages in builds.items()
        if pages
    )
    reading = f"Lighthouse's own reading of the machine's speed (`benchmarkIndex`, median over the pages): {speeds}."
    return [*lines, "", reading, ""]


def kept_notes(results_file: Path) -> str:
    """The hand-written section at the end of the previous RESULTS.md (from its heading on), or ''."""
    previous = results_file.read_text("utf-8") if results_file.is_file() else ""
    start = previous.find("\n" + NOTES + "\n")
    return previous[start:] if start >= 0 else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="full builds of each synthetic site and stock (median reported)")
    parser.add_argument("--real-runs", type=int, default=5, help="full builds of the real handbook and stock (median)")
    parser.add_argument("--edits", type=int, default=5, help="preview edits per server (median reported)")
    parser.add_argument("--sizes", default="500,2000", help="synthetic site sizes, comma-separated ('' for none)")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse five times on four page types")
    parser.add_argument("--suite", action="store_true", help="also time `make test`")
    args = parser.parse_args()
    results = Results()
    work = Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    try:
        print(f"machine: {machine()}")
        results.cpu_checks.append(("at the start", cpu_check()))
        stock = stock_config(ROOT / "docs", work / "stock-real.yml")
        real = Row("real", _real_counts()["pages"])
        results.rows.append(real)
        expanded = expanded_stock_config(ROOT / "mkdocs.yml", work / "expanded")
        expanded_site = work / "stock-expanded"  # kept for Lighthouse on stock
        for run in range(args.real_runs):  # interleaved, so all three see the same machine
            real.ours.append(build(ROOT / "mkdocs.yml", work / "real", strict=True))
            real.stock.append(build(stock, work / "stock-real", strict=False))
            results.stock_expanded.append(build(expanded, expanded_site, strict=False))
            print(
                f"real, build {run + 1}: ours {real.ours[-1].seconds:.2f} s, stock {real.stock[-1].seconds:.2f} s, "
                f"stock on the expanded pages {results.stock_expanded[-1].seconds:.2f} s"
            )
        results.phases = {
            "ours": phases(ROOT / "mkdocs.yml", work / "real", strict=True),
            "stock": phases(stock, work / "stock-real", strict=False),
        }
        results.dates_seconds = dates_seconds()
        real.preview = our_preview(ROOT / "mkdocs.yml", REAL_EDIT, args.edits)
        print(f"real, preview page edit: {[round(v, 3) for v in real.preview]}")
        results.data_preview = our_preview(ROOT / "mkdocs.yml", DATA_EDIT, args.edits)
        print(f"real, preview data edit: {[round(v, 3) for v in results.data_preview]}")
        real.stock_preview = stock_preview(stock, ROOT, REAL_EDIT, args.edits)
        print(f"real, stock mkdocs serve page edit: {[round(v, 3) for v in real.stock_preview]}")
        site = work / "real"
        results.weights["real"] = page_weights(site)
        results.first_load = {
            label: loaded_assets(site, page) for label, page in PAGE_TYPES.items() if (site / page).is_file()
        }
        results.search_gz = gz((site / "search" / "search_index.json").read_bytes())
        synthetic = []
        for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
            project = work / f"synthetic-{size}"
            project.mkdir()
            synthetic.append((size, project, Row(f"synthetic-{size}", make_synthetic(project, size))))
        results.rows += [row for _, _, row in synthetic]
        if synthetic:
            results.cpu_checks.append(("before the synthetic builds", cpu_check()))
        # Each round builds every size once, so t(2,000)/t(500) compares builds minutes apart, not a
        # quiet quarter of an hour with a busy one.
        for run in range(args.runs):
            for size, project, row in synthetic:
                row.ours.append(build(project / "mkdocs.yml", project / "site", strict=True))
                if size < 2000 or not row.stock:  # stock takes minutes at 2,000 pages: once is enough for 0.35×
                    row.stock.append(build(project / "stock.yml", project / "stock-site", strict=False))
                print(
                    f"{row.name}, build {run + 1}: ours {row.ours[-1].seconds:.1f} s, stock {row.stock[-1].seconds:.1f} s"
                )
        for size, project, row in synthetic:
            results.size_phases[row.name] = phases(project / "mkdocs.yml", project / "site", strict=True)
            results.weights[row.name] = page_weights(project / "site")
            if size >= 2000:
                row.preview = our_preview(project / "mkdocs.yml", SYNTHETIC_EDIT, args.edits)
                print(f"{row.name}, preview page edit: {[round(v, 3) for v in row.preview]}")
                row.stock_preview = stock_preview(project / "stock.yml", project, SYNTHETIC_EDIT, 1)
                print(f"{row.name}, stock mkdocs serve page edit: {[round(v, 3) for v in row.stock_preview]}")
            shutil.rmtree(project)
        if args.lighthouse:
            lighthouse_pages = {label: PAGE_TYPES[label].removesuffix("index.html") for label in LIGHTHOUSE_PAGES}
            results.lighthouse = lighthouse(site, lighthouse_pages)
            # The same pages as stock Material makes them from the same content: what our code adds or saves.
            results.lighthouse_stock = lighthouse(expanded_site, lighthouse_pages)
        if args.suite:
            results.cpu_checks.append(("before `make test`", cpu_check()))
            start = time.perf_counter()
            run = subprocess.run(["make", "test"], cwd=ROOT, check=False, env={**os.environ, "CI": "true"})
            results.suite_seconds = time.perf_counter() - start
            results.suite_passed = run.returncode == 0
        results.cpu_checks.append(("at the end", cpu_check()))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    OUT.mkdir(exist_ok=True)
    notes = kept_notes(OUT / "RESULTS.md")
    (OUT / "RESULTS.md").write_text(report(results, sys.argv[1:]) + notes, "utf-8")
    (OUT / "build-time.svg").write_text(chart(results), "utf-8")
    print()
    for target, measured, ok in targets(results):
        print(f"{'PASS' if ok else ('----' if ok is None else 'MISS')}  {target}: {measured}")
    print(f"\nwrote {(OUT / 'RESULTS.md').relative_to(ROOT)} and {(OUT / 'build-time.svg').relative_to(ROOT)}")
    if notes:
        print(f"kept the section '{NOTES}': check that it still matches the numbers above")
    return 0


if __name__ == "__main__":
    sys.exit(main())
