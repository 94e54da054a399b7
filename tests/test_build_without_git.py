"""An exported tree with no .git (a tarball, a shallow CI checkout) still builds strictly."""

from __future__ import annotations

from conftest import build, copy_project


def test_build_outside_a_git_repository(tmp_path):
    project = copy_project(tmp_path / "export")
    assert not (project / ".git").exists()
    site = build(project, tmp_path / "site")
    html = (site / "programs" / "leadership-cohort" / "week-1" / "index.html").read_text("utf-8")
    assert '<time class="hb-updated" datetime="' in html, "the page still shows a last-updated date (the build date)"
