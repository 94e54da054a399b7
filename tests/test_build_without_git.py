"""An exported tree with no .git (a tarball, a shallow CI checkout) still builds strictly."""

from __future__ import annotations

import pytest


@pytest.mark.xdist_group("exported")
def test_build_outside_a_git_repository(exported_site):
    html = (exported_site / "programs" / "leadership-cohort" / "week-1" / "index.html").read_text("utf-8")
    assert '<time class="hb-updated" datetime="' in html, "the page still shows a last-updated date (the build date)"
