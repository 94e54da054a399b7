#!/usr/bin/env python3
"""Contributor commands for the handbook, driving MkDocs through its Python API.

    python scripts/handbook.py validate          check data/ without building
    python scripts/handbook.py build [--dest D]  strict build; replaces site/ only on success
    python scripts/handbook.py serve             live-reloading preview on 127.0.0.1:8000
    python scripts/handbook.py checklist-ids     list checklist storage ids (--write to accept changes)

`make validate`, `make build` and `make serve` call these. Exit status is 0 on success and
1 on any problem; problems are printed one per line, never as a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
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


def serve(addr: str) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import Abort

    _log_to_stderr(logging.INFO)
    try:
        mkdocs_serve(config_file=str(ROOT / "mkdocs.yml"), dev_addr=addr, livereload=True)
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
    ids_cmd = commands.add_parser("checklist-ids", help="list checklist storage ids (--write accepts them)")
    ids_cmd.add_argument("--write", action="store_true", help=f"update {CHECKLIST_IDS.relative_to(ROOT)}")
    serve_cmd = commands.add_parser("serve", help="preview with live reload")
    serve_cmd.add_argument("--addr", default="127.0.0.1:8000")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.root)
    if args.command == "checklist-ids":
        if args.write:
            return write_checklist_ids()
        print("\n".join(checklist_ids()))
        return 0
    if args.command == "build":
        return build_site(args.dest, strict=not args.no_strict, quiet=args.quiet)
    return serve(args.addr)


if __name__ == "__main__":
    sys.exit(main())
