"""Each page's "Last updated" date: the day of the last commit that changed its file.

One ``git log`` over the docs folder gives every file's date at once (the first time a path
appears in the newest-first log is its last change), and the answer is kept per commit, so a
preview that rebuilds pages does not ask git again. A page with uncommitted changes, a new
page, or a build outside a git checkout shows the build date, as the date the page's text
was last known to change.

Material shows ``page.meta.revision_date`` in its "Last updated" line; :mod:`macros` sets it
before each page renders.
"""

from __future__ import annotations

import datetime as dt
import functools
import subprocess
from pathlib import Path


def _git(root: Path, *args: str) -> str | None:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def head(root: Path) -> str | None:
    """The checked-out commit, or None outside a git checkout."""
    out = _git(root, "rev-parse", "HEAD")
    return out.strip() if out else None


@functools.lru_cache(maxsize=4)
def commit_dates(root: Path, folder: str, commit: str) -> dict[str, str]:
    """``{path under folder: 'YYYY-MM-DD'}`` (UTC) of the last commit at ``commit`` that changed each file."""
    out = _git(root, "log", "--format=%x00%ct", "--name-only", "--no-renames", "--relative", commit, "--", folder) or ""
    dates: dict[str, str] = {}
    prefix = folder.rstrip("/") + "/"
    for entry in out.split("\x00")[1:]:
        stamp, _, names = entry.partition("\n")
        day = dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc).date().isoformat()
        for name in names.split("\n"):
            if name.startswith(prefix):
                dates.setdefault(name[len(prefix) :], day)
    return dates


def changed_since_commit(root: Path, folder: str) -> set[str]:
    """Paths under ``folder`` that differ from the last commit: edited, added or untracked."""
    out = _git(root, "status", "--porcelain", "-z", "--no-renames", "--untracked-files=all", "--", folder) or ""
    prefix = folder.rstrip("/") + "/"
    return {entry[3:][len(prefix) :] for entry in out.split("\x00") if entry[3:].startswith(prefix)}


def page_dates(root: Path, docs_dir: Path, build_date: dt.date) -> dict[str, str]:
    """Every committed, unchanged page's last-commit date; other pages are absent (they show ``build_date``)."""
    commit = head(root)
    if commit is None:
        return {}
    folder = docs_dir.resolve().relative_to(root.resolve()).as_posix()
    dates = commit_dates(root, folder, commit)
    stale = changed_since_commit(root, folder)
    return {path: day for path, day in dates.items() if path not in stale}


def date_html(day: str) -> str:
    """The date as Material shows it in "Last updated", machine-readable for assistive technology."""
    return f'<time class="hb-updated" datetime="{day}">{day}</time>'
