"""Pages and their front matter: a unit's title comes from data; pages tied to data name real data."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, load_config
from macros.loader import load_handbook
from macros.pages import check_nav, check_pages, first_heading


def copy_content(tmp_path: Path) -> Path:
    for name in ("data", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def problems_after(tmp_path: Path, src: str, old: str, new: str) -> list[str]:
    project = copy_content(tmp_path)
    page = project / "docs" / src
    text = page.read_text("utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), "utf-8")
    return check_pages(load_handbook(project / "data", project, project / "docs"), project / "docs", project)


def test_the_real_pages_pass(handbook):
    assert check_pages(handbook, ROOT / "docs", ROOT) == []
    assert check_nav(load_config()["nav"], handbook) == []


def test_a_unit_title_that_disagrees_with_its_data_is_one_clear_line(tmp_path, handbook):
    unit = handbook.programs["leadership-cohort"].units[1]
    heading = handbook.programs["leadership-cohort"].unit_heading(unit)
    found = problems_after(
        tmp_path, "programs/leadership-cohort/week-2.md", f'title: "{heading}"', 'title: "Week 2: Strategy"'
    )
    assert len(found) == 1
    assert found[0].startswith("docs/programs/leadership-cohort/week-2.md:2: title: must be ")
    assert "data/programs/leadership-cohort/week-2.yml" in found[0]


def test_a_page_heading_that_disagrees_with_its_data_is_reported(tmp_path, handbook):
    found = problems_after(tmp_path, "programs/leadership-cohort/week-1.md", "\n# Week 1:", "\n# Week one:")
    assert len(found) == 1 and ": the page heading must be \"# Week 1: " in found[0]


def test_a_nav_label_that_disagrees_with_its_data_is_reported(handbook):
    nav = [{"Programs": [{"Week two": "programs/leadership-cohort/week-2.md"}, "programs/leadership-cohort/week-1.md"]}]
    found = check_nav(nav, handbook)
    assert found == [
        'mkdocs.yml: nav: "Week two" for programs/leadership-cohort/week-2.md must be '
        '"Week 2: Technical strategy", or drop the label and let the page title show'
    ]


def test_a_quote_in_a_description_is_refused(tmp_path):
    found = problems_after(tmp_path, "glossary.md", "description: >-\n", 'description: A "quoted" word\nx: >-\n')
    assert any('description: may not contain " < > or &' in line for line in found)


def test_first_heading_skips_front_matter_and_code():
    text = "---\ntitle: x\n---\n\n```\n# not a heading\n```\n\n# Real\n"
    assert first_heading(text) == (9, "Real")
