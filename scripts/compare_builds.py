#!/usr/bin/env python3
"""Compare two builds of the handbook (e.g. MkDocs and Zensical) and print a Markdown report.

    python scripts/compare_builds.py mkdocs-site zensical-site

Lists pages and files present in one build but not the other, and pages whose visible text
differs. Exit status is always 0: the report is for reading, not for gating.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()} if root.is_dir() else set()


def article_text(path: Path) -> str:
    html = path.read_text("utf-8", errors="replace")
    start, end = html.find("<article"), html.find("</article>")
    body = html[start:end] if start != -1 and end != -1 else html
    return SPACE.sub(" ", TAG.sub(" ", body)).strip()


def report(reference: Path, candidate: Path) -> str:
    ours, theirs = files(reference), files(candidate)
    lines = [f"## Build comparison: `{reference}` against `{candidate}`", ""]
    if not theirs:
        return "\n".join(lines + [f"`{candidate}` is missing or empty: the build produced nothing.", ""])
    pages = sorted(p for p in ours if p.endswith(".html"))
    missing = sorted(ours - theirs)
    extra = sorted(theirs - ours)
    changed = [p for p in pages if p in theirs and article_text(reference / p) != article_text(candidate / p)]
    lines += [
        f"- Files: {len(ours)} in the reference, {len(theirs)} in the candidate",
        f"- HTML pages: {len(pages)}; missing from the candidate: {sum(p.endswith('.html') for p in missing)}",
        f"- Pages whose visible text differs: {len(changed)}",
        "",
    ]
    for title, items in (
        ("Missing from the candidate", missing),
        ("Only in the candidate", extra),
        ("Text differs", changed),
    ):
        if items:
            lines += [f"### {title} ({len(items)})", ""] + [f"- `{name}`" for name in items[:50]]
            lines += [f"- … and {len(items) - 50} more" if len(items) > 50 else "", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(report(Path(sys.argv[1]), Path(sys.argv[2])))
