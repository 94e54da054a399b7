"""Two clean builds of the same commit are byte-identical (the template zip even from an export without
git), and a failed build leaves no site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, build


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.long
def test_two_builds_are_byte_identical(tmp_path):
    first_site = build(ROOT, tmp_path / "first")
    time.sleep(1.1)  # a timestamp taken from the clock would now differ
    again = build(ROOT, tmp_path / "again")
    first, second = tree(first_site), tree(again)
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert not different, f"files differ between two builds: {different[:10]}"


@pytest.mark.xdist_group("exported")
def test_template_zip_is_byte_identical_in_an_export_without_git(site, exported_site):
    """The site's template zip against one built from a copy without git history."""
    from macros.templates import TEMPLATE_ZIP

    assert (exported_site / TEMPLATE_ZIP).read_bytes() == (site / TEMPLATE_ZIP).read_bytes()


def test_build_dates_come_from_the_last_commit(monkeypatch):
    from handbook import _set_source_date_epoch

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    _set_source_date_epoch()
    expected = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True)
    if expected.returncode != 0:
        assert "SOURCE_DATE_EPOCH" not in os.environ, "outside git the build uses today's date and says so"
    else:
        assert os.environ["SOURCE_DATE_EPOCH"] == expected.stdout.strip()


def test_a_failed_build_keeps_the_previous_site(tmp_path):
    """`make build` swaps site/ in only on success: a broken build leaves the old site whole."""
    project = tmp_path / "project"
    shutil.copytree(
        ROOT, project, ignore=shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "__pycache__")
    )
    dest = tmp_path / "site"
    dest.mkdir()
    (dest / "index.html").write_text("previous site")
    page = project / "docs" / "index.md"
    page.write_text(page.read_text("utf-8") + "\n[broken](does-not-exist.md)\n", "utf-8")
    result = subprocess.run(
        [sys.executable, str(project / "scripts" / "handbook.py"), "build", "--quiet", "--dest", str(dest)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "does-not-exist.md" in result.stderr
    assert (dest / "index.html").read_text() == "previous site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"], "no half-written staging folder left"
