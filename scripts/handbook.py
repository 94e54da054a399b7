#!/usr/bin/env python3
"""Contributor commands for the handbook: one CLI, one documented function per command.

    python scripts/handbook.py validate                 check data/ and page front matter (about a second)
    python scripts/handbook.py build [--dest D]         strict build; replaces site/ only on success
    python scripts/handbook.py serve                    preview on 127.0.0.1:8000; rebuilds only what an edit affects
    python scripts/handbook.py publish --site D         write downloads, zip, llms.txt, JSON and print
                                                        editions into a site built by Zensical
    python scripts/handbook.py pdf [--site D]           PDFs of the print editions and packets (needs Chromium)
    python scripts/handbook.py checklist-ids [--write]  list checklist storage ids, or acknowledge removals
    python scripts/handbook.py new unit PROGRAM --title T           the next week, module or competency
    python scripts/handbook.py new template|assessment|framework|case ID --title T

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
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # the notice is about MkDocs 2; see docs/about/platform


def _log_to_stderr(level: int) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False


def validate(root: Path = ROOT) -> int:
    """Load and cross-check every file in data/ and every page's front matter; one line per problem."""
    from macros.loader import load_handbook
    from macros.pages import check_pages
    from macros.yamldata import DataError

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
    print(
        f"data/ is valid: {len(handbook.programs)} programs, {len(handbook.units())} units, "
        f"{len(handbook.templates)} templates, {len(handbook.assessments)} assessments, "
        f"{len(handbook.paths)} learning paths"
    )
    return 0


CHECKLIST_IDS = ROOT / "tests" / "checklist-ids.txt"


def checklist_ids(root: Path = ROOT) -> list[str]:
    """Every checklist item's storage id as 'program/unit/item', in data order."""
    from macros.checklists import storage_ids
    from macros.loader import load_handbook

    handbook = load_handbook(root / "data", root, root / "docs")
    return [item for program, unit in handbook.units() for item in storage_ids(program, unit)]


def published_ids(root: Path = ROOT) -> set[str]:
    """The ids readers may have ticks stored under: every id recorded in tests/checklist-ids.txt."""
    path = root / CHECKLIST_IDS.relative_to(ROOT)
    return {line for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")}


def removed_ids(root: Path = ROOT, current: list[str] | None = None, published: set[str] | None = None) -> list[str]:
    """Published ids that no longer exist (removed or renamed). New ids are not a problem."""
    current_ids = set(checklist_ids(root) if current is None else current)
    return sorted((published_ids(root) if published is None else published) - current_ids)


def write_checklist_ids(root: Path = ROOT) -> int:
    """Record the current ids as published, acknowledging any removal (readers' ticks for it are dropped)."""
    ids = checklist_ids(root)
    lost = removed_ids(root, ids)
    (root / CHECKLIST_IDS.relative_to(ROOT)).write_text(
        "# Checklist item ids are the keys of readers' saved progress. Adding ids needs nothing;\n"
        "# removing or renaming one drops readers' ticks, and the tests fail until it is acknowledged:\n"
        "#   python scripts/handbook.py checklist-ids --write\n" + "\n".join(ids) + "\n",
        "utf-8",
    )
    print(f"recorded {len(ids)} ids" + (f"; acknowledged the removal of {', '.join(lost)}" if lost else ""))
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
    search index inlined) and the web-worker shim the plugin needs, served from the site itself
    instead of the CDN it would otherwise add."""
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    for old, new in (
        ("plugins:\n  - search\n", "plugins:\n  - search\n  - offline\n"),
        (
            "extra:\n  generator: false\n",
            "extra:\n  generator: false\n  polyfills:\n    - assets/iframe-worker/shim.js\n",
        ),
    ):
        if old not in text:
            raise SystemExit(f"offline build: mkdocs.yml no longer contains {old!r}; update offline_config()")
        text = text.replace(old, new, 1)
    path = ROOT / f".offline-mkdocs-{os.getpid()}.yml"  # one per process: parallel builds do not collide
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
        embedded = embed_downloads(dest)
        print(f"offline copy in {dest}: open {dest / 'index.html'} in a browser ({embedded} downloads embedded)")
    return code


DOWNLOAD_LINK = re.compile(r'(<a\b[^>]*?\bhref=")([^":#?]+)("[^>]*\bdownload=)')


def embed_downloads(site: Path) -> int:
    """Browsers ignore ``download`` on file:// links and open the file in the tab instead. In the
    offline copy each download link carries its file as a data: URL, which they do save."""
    import base64
    import mimetypes

    count = 0
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")

        def embed(match: re.Match, folder: Path = page.parent) -> str:
            nonlocal count
            target = (folder / match.group(2)).resolve()
            if not target.is_file() or target.suffix == ".html":
                return match.group(0)
            count += 1
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            data = base64.b64encode(target.read_bytes()).decode("ascii")
            return f"{match.group(1)}data:{kind};base64,{data}{match.group(3)}"

        new = DOWNLOAD_LINK.sub(embed, html)
        if new != html:
            page.write_text(new, "utf-8")
    return count


def serve(addr: str, config_file: Path = ROOT / "mkdocs.yml") -> int:
    """Preview at http://ADDR/: an edit shows in well under a second, strict-mode problems on the page."""
    import preview

    _log_to_stderr(logging.INFO)
    _set_source_date_epoch()
    return preview.serve(addr, config_file)


def publish_into(site_dir: Path, root: Path = ROOT) -> int:
    """Write the generated files into a site another tool built (Zensical runs no post-build hook)."""
    from mkdocs.config import load_config

    from macros.loader import load_handbook
    from macros.publish import publish
    from macros.settings import Site

    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}: no built site here (index.html is missing); build first", file=sys.stderr)
        return 1
    config = load_config(config_file=str(root / "mkdocs.yml"))
    site = Site.from_config(config, root)
    report = publish(site, load_handbook(site.data_dir, root, site.docs_dir), site_dir)
    for line in report.lines():
        print(line)
    return 0


def pdf(site_dir: Path) -> int:
    """Render the printable editions and packets to PDF with Chromium and link them from the pages."""
    from pdf import make_pdfs

    return make_pdfs(site_dir)


def new(kind: str, name: str, title: str, root: Path = ROOT, unit_id: str | None = None) -> int:
    """Create the data and page skeleton for a unit, template, assessment, framework page or case."""
    import scaffold

    makers = {
        "unit": lambda: scaffold.new_unit(root, name, title, unit_id),
        "template": lambda: scaffold.new_template(root, name, title),
        "assessment": lambda: scaffold.new_assessment(root, name, title),
        "framework": lambda: scaffold.new_framework(root, name, title),
        "case": lambda: scaffold.new_case(root, name, title),
    }
    try:
        created = makers[kind]()
    except scaffold.ScaffoldError as err:
        print(err, file=sys.stderr)
        return 1
    for path in created:
        print(f"created {path.relative_to(root)}")
    print("added it to nav in mkdocs.yml")
    print("next: write the content, remove 'draft: true' from the page's front matter, then run make test")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="handbook", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    validate_cmd = commands.add_parser("validate", help=validate.__doc__)
    validate_cmd.add_argument("--root", type=Path, default=ROOT, help="project folder holding data/ and docs/")
    build_cmd = commands.add_parser("build", help=build_site.__doc__)
    build_cmd.add_argument("--dest", type=Path, default=ROOT / "site")
    build_cmd.add_argument("--no-strict", action="store_true", help="report warnings without failing (drafting only)")
    build_cmd.add_argument("-q", "--quiet", action="store_true", help="print warnings and errors only")
    build_cmd.add_argument("--offline", action="store_true", help="a copy that works opened from a folder")
    serve_cmd = commands.add_parser("serve", help=serve.__doc__)
    serve_cmd.add_argument("--addr", default="127.0.0.1:8000")
    serve_cmd.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help=argparse.SUPPRESS)
    publish_cmd = commands.add_parser("publish", help=publish_into.__doc__)
    publish_cmd.add_argument("--site", type=Path, required=True, help="the built site folder")
    pdf_cmd = commands.add_parser("pdf", help=pdf.__doc__)
    pdf_cmd.add_argument("--site", type=Path, default=ROOT / "site", help="the built site folder")
    ids_cmd = commands.add_parser("checklist-ids", help="list checklist storage ids (--write records them)")
    ids_cmd.add_argument("--write", action="store_true", help=write_checklist_ids.__doc__)
    new_cmd = commands.add_parser("new", help=new.__doc__)
    new_cmd.add_argument("kind", choices=["unit", "template", "assessment", "framework", "case"])
    new_cmd.add_argument("name", help="the program id for a unit; otherwise the new id, e.g. stakeholder-map")
    new_cmd.add_argument("--title", required=True)
    new_cmd.add_argument("--id", dest="unit_id", help="a unit's id (default: week-N, module-N, competency-N)")
    new_cmd.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.root)
    if args.command == "new":
        return new(args.kind, args.name, args.title, args.root, args.unit_id)
    if args.command == "checklist-ids":
        return write_checklist_ids() if args.write else print("\n".join(checklist_ids())) or 0
    if args.command == "publish":
        return publish_into(args.site)
    if args.command == "pdf":
        return pdf(args.site)
    if args.command == "build":
        if args.offline:
            return build_offline(args.dest if args.dest != ROOT / "site" else ROOT / "site-offline", args.quiet)
        return build_site(args.dest, strict=not args.no_strict, quiet=args.quiet)
    return serve(args.addr, args.config)


if __name__ == "__main__":
    sys.exit(main())
