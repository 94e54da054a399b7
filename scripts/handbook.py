#!/usr/bin/env python3
"""Contributor commands for the handbook, driving MkDocs through its Python API.

    python scripts/handbook.py validate          check data/ without building
    python scripts/handbook.py build [--dest D]  strict build; replaces site/ only on success
    python scripts/handbook.py serve             live-reloading preview on 127.0.0.1:8000
    python scripts/handbook.py checklist-ids     list checklist storage ids (--write to accept changes)
    python scripts/handbook.py new template ID --title T    scaffold a template (data + page + nav)
    python scripts/handbook.py new framework ID --title T   scaffold a framework page (page + nav)

`make validate`, `make build` and `make serve` call these. Exit status is 0 on success and
1 on any problem; problems are printed one per line, never as a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # the notice is about MkDocs 2; see docs/about/platform


def _log_to_stderr(level: int) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False


def validate(root: Path = ROOT) -> int:
    """Load and cross-check every file in data/; print one line per problem."""
    from macros.loader import DataError, check_pages, load_handbook

    root = root.resolve()
    try:
        handbook = load_handbook(root / "data", root, root / "docs")
        page_problems = check_pages(handbook, root / "docs", root)
        if page_problems:
            raise DataError(page_problems)
    except DataError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{len(err.problems)} problem(s) in data/ and page front matter", file=sys.stderr)
        return 1
    units = sum(len(p.units) for p in handbook.programs.values())
    print(
        f"data/ is valid: {len(handbook.programs)} programs, {units} units, {len(handbook.templates)} templates, "
        f"{len(handbook.assessments)} assessments, {len(handbook.paths)} learning paths"
    )
    return 0


CHECKLIST_IDS = ROOT / "tests" / "checklist-ids.txt"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _insert_nav(config: Path, after_line: str, indent: int, entry_title: str, entry_path: str) -> None:
    """Add ``- "title": path`` to the nav block that follows ``after_line``, in title order."""
    lines = config.read_text("utf-8").splitlines()
    start = lines.index(after_line) + 1
    prefix = " " * indent + "- "
    end = start
    while end < len(lines) and lines[end].startswith(prefix):
        end += 1
    entry = f'{prefix}"{entry_title}": {entry_path}'
    block = lines[start:end]
    position = start + sum(1 for line in block if line.startswith(prefix + '"') and line.lower() < entry.lower())
    lines.insert(position, entry)
    config.write_text("\n".join(lines) + "\n", "utf-8")


def scaffold(kind: str, slug: str, title: str, root: Path = ROOT) -> int:
    """Create a template (data + page) or a framework page from a skeleton that builds green."""
    import datetime

    if not SLUG.match(slug):
        print(f"'{slug}' is not a valid id: use lowercase letters, digits and single hyphens", file=sys.stderr)
        return 1
    if any(c in title for c in '"<>&{}'):
        print("the title may not contain quotes, angle brackets, & or braces", file=sys.stderr)
        return 1
    today = datetime.date.today().isoformat()
    if kind == "template":
        data, page = root / "data" / "templates" / f"{slug}.yml", root / "docs" / "templates" / f"{slug}.md"
    else:
        data, page = None, root / "docs" / "frameworks" / f"{slug}.md"
    for path in (data, page):
        if path is not None and path.exists():
            print(f"{path.relative_to(root)} already exists", file=sys.stderr)
            return 1
    if kind == "template":
        data.write_text(
            f"id: {slug}\ntitle: {title}\ncategory: plan\nversion: 0.1.0\n"
            "summary: One line on what the document is for.\n"
            "purpose: >-\n  What the document helps a reader decide or do, and for whom.\n"
            "when_to_use:\n  - The situation in which the document earns its keep.\n"
            "when_not_to_use:\n  - The situation in which it is overkill.\n"
            "how_to_fill:\n  - The first step of filling it in.\n  - The second step.\n"
            "sections:\n  - heading: Context\n    prompts:\n      - What question does this section answer?\n"
            "    body: |\n      - **Situation:** {what is happening}\n"
            "  - heading: Next steps\n    prompts:\n      - What happens next, and who does it?\n"
            "    required: false\n    minimal: false\n    body: |\n      - {action}, owned by {name}, by {date}\n"
            "example: >-\n  A short worked example for a fictional company.\n"
            "mistakes:\n  - A common mistake people make with this document.\n",
            "utf-8",
        )
        page.write_text(
            f"---\ntitle: {title} template\ndescription: >-\n  One sentence on what the {title.lower()} is for.\n"
            f"tags:\n  - Strategy\n  - Execution\nowner: templates\nreviewed: {today}\ntemplate_id: {slug}\n---\n\n"
            f"# {title}\n\n{{{{ template_purpose() }}}}\n\n{{{{ template_when() }}}}\n\n## How to fill it in\n\n"
            "{{ template_how() }}\n\n## The template\n\n{{ template_block() }}\n\n### Minimal version\n\n"
            '{{ template_block("minimal") }}\n\n## Worked example\n\n{{ template_example() }}\n\n'
            "## Common mistakes\n\n{{ template_mistakes() }}\n\n## Where this is used\n\n{{ template_where_used() }}\n",
            "utf-8",
        )
        _insert_nav(root / "mkdocs.yml", "      - templates/index.md", 6, title, f"templates/{slug}.md")
        created = [data, page]
        next_step = f"list '{slug}' in a unit's templates: (or homework template:) in data/programs/ so it is used"
    else:
        sections = ["The idea", "When it helps", "How to apply it", "Pitfalls", "Example"]
        body = "".join(f"## {name}\n\nWrite this section in your own words.\n\n" for name in sections)
        page.write_text(
            f"---\ntitle: {title}\ndescription: >-\n  One sentence on what {title} helps a leader do.\n"
            f"tags:\n  - Strategy\n  - Decision-making\nowner: frameworks\nreviewed: {today}\n---\n\n"
            f"# {title}\n\nA one-paragraph summary.\n\n{body}"
            "## Where this is used\n\n{{ framework_where_used() }}\n\n## Sources\n\n"
            "- Author, *Title* (year).\n",
            "utf-8",
        )
        _insert_nav(root / "mkdocs.yml", "      - Tools the programs use:", 10, title, f"frameworks/{slug}.md")
        created = [page]
        next_step = f"name '{slug}' in a unit's or template's frameworks: list so its 'where used' fills in"
    for path in created:
        print(f"created {path.relative_to(root)}")
    print("added it to nav in mkdocs.yml")
    print(f"next: replace the skeleton text, {next_step}, then run make test")
    return 0


def checklist_ids(root: Path = ROOT) -> list[str]:
    """Every checklist item's storage id as 'program/unit/item', in data order."""
    from macros.loader import load_handbook
    from macros.render import checklist_items

    handbook = load_handbook(root / "data", root, root / "docs")
    return [
        f"{program.id}/{unit.id}/{item.id}"
        for program in handbook.programs.values()
        for unit in program.units
        for item in checklist_items(unit)
    ]


def write_checklist_ids() -> int:
    """Accept the current checklist ids: readers' saved ticks for removed ids will be dropped."""
    ids = checklist_ids()
    CHECKLIST_IDS.write_text(
        "# Checklist item ids are the keys of readers' saved progress. Renaming or removing one\n"
        "# silently drops readers' ticks, so changes must be accepted on purpose:\n"
        "#   python scripts/handbook.py checklist-ids --write\n" + "\n".join(ids) + "\n",
        "utf-8",
    )
    print(f"wrote {len(ids)} ids to {CHECKLIST_IDS.relative_to(ROOT)}")
    return 0


def _set_source_date_epoch() -> None:
    """Date every generated file by the last commit, so two builds of a commit are identical.

    MkDocs reads SOURCE_DATE_EPOCH for sitemap dates and archive timestamps. Outside a git
    repository (an exported tree) the current time is used, and the build says so.
    """
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return
    import subprocess

    try:
        stamp = subprocess.run(
            ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        stamp = ""
    if stamp.isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = stamp
    else:
        logging.getLogger("mkdocs").info("not a git checkout: dates in the build are today's, not the last commit's")


def build_site(dest: Path, *, strict: bool = True, config_file: Path | None = None, quiet: bool = False) -> int:
    """Build into a temporary folder beside ``dest`` and swap it in only if the build succeeds."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    _log_to_stderr(logging.WARNING if quiet else logging.INFO)
    _set_source_date_epoch()
    dest = dest.resolve()
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}-", dir=dest.parent))
    try:
        config = load_config(config_file=str(config_file or ROOT / "mkdocs.yml"), site_dir=str(staging), strict=strict)
        build(config)
    except (Abort, ConfigurationError) as err:
        print(f"build failed: {err}", file=sys.stderr)
        shutil.rmtree(staging, ignore_errors=True)
        return 1
    except SystemExit as err:  # mkdocs-macros exits after printing a macro error
        shutil.rmtree(staging, ignore_errors=True)
        print("build failed: a macro raised an error (see above)", file=sys.stderr)
        return int(err.code or 1)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if dest.exists():
        old = dest.with_name(f".{dest.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        dest.rename(old)
        staging.rename(dest)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(dest)
    return 0


SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"


def offline_config() -> Path:
    """mkdocs.yml for a copy that works from a folder: Material's offline plugin (file URLs,
    search index inlined), no instant navigation (it fetches pages), and the web-worker shim
    the plugin needs served from the site itself instead of the CDN it would otherwise add."""
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    for old, new in (
        ("plugins:\n  - search\n", "plugins:\n  - search\n  - offline\n"),
        ("    - navigation.instant\n", ""),
        (
            "extra:\n  generator: false\n",
            "extra:\n  generator: false\n  polyfills:\n    - assets/iframe-worker/shim.js\n",
        ),
    ):
        if old not in text:
            raise SystemExit(f"offline build: mkdocs.yml no longer contains {old!r}; update offline_config()")
        text = text.replace(old, new, 1)
    path = ROOT / ".offline-mkdocs.yml"
    path.write_text(text, "utf-8")
    return path


def build_offline(dest: Path, quiet: bool = False) -> int:
    """A copy of the site to open from a folder or a USB stick: open index.html in a browser."""
    if not SHIM.is_file():
        print(
            "offline build needs node_modules/iframe-worker (run 'npm ci'): search works offline through it",
            file=sys.stderr,
        )
        return 1
    config = offline_config()
    try:
        code = build_site(dest, config_file=config, quiet=quiet)
    finally:
        config.unlink()
    if code == 0:
        target = dest / "assets" / "iframe-worker" / "shim.js"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHIM, target)
        print(f"offline copy in {dest}: open {dest / 'index.html'} in a browser")
    return code


def serve(addr: str) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import Abort

    _log_to_stderr(logging.INFO)
    try:
        # Serve at the root of the address, not under the published site's path (/handbook/).
        mkdocs_serve(config_file=str(ROOT / "mkdocs.yml"), dev_addr=addr, livereload=True, site_url=f"http://{addr}/")
    except Abort as err:
        print(f"serve failed: {err}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="handbook", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    validate_cmd = commands.add_parser("validate", help="check data/ without building")
    validate_cmd.add_argument("--root", type=Path, default=ROOT, help="project folder holding data/ and docs/")
    build_cmd = commands.add_parser("build", help="strict build into site/ (or --dest)")
    build_cmd.add_argument("--dest", type=Path, default=ROOT / "site")
    build_cmd.add_argument("--no-strict", action="store_true", help="report warnings without failing (drafting only)")
    build_cmd.add_argument("-q", "--quiet", action="store_true", help="print warnings and errors only")
    build_cmd.add_argument("--offline", action="store_true", help="a copy that works opened from a folder")
    new_cmd = commands.add_parser("new", help="create a template or framework page from a skeleton")
    new_cmd.add_argument("kind", choices=["template", "framework"])
    new_cmd.add_argument("id", help="lowercase id with hyphens, e.g. stakeholder-map")
    new_cmd.add_argument("--title", required=True)
    new_cmd.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    ids_cmd = commands.add_parser("checklist-ids", help="list checklist storage ids (--write accepts them)")
    ids_cmd.add_argument("--write", action="store_true", help=f"update {CHECKLIST_IDS.relative_to(ROOT)}")
    serve_cmd = commands.add_parser("serve", help="preview with live reload")
    serve_cmd.add_argument("--addr", default="127.0.0.1:8000")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.root)
    if args.command == "new":
        return scaffold(args.kind, args.id, args.title, args.root)
    if args.command == "checklist-ids":
        if args.write:
            return write_checklist_ids()
        print("\n".join(checklist_ids()))
        return 0
    if args.command == "build":
        if args.offline:
            return build_offline(args.dest if args.dest != ROOT / "site" else ROOT / "site-offline", args.quiet)
        return build_site(args.dest, strict=not args.no_strict, quiet=args.quiet)
    return serve(args.addr)


if __name__ == "__main__":
    sys.exit(main())
