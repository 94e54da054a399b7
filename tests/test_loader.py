"""The loader: bad data stops everything with one clear line naming file, line and field, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.loader import load_handbook
from macros.yamldata import DataError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

# case -> the exact line the contributor sees
EXPECTED = {
    "alias-bomb": (
        "data/templates/mini-template.yml:19: YAML aliases (*name) are not allowed in handbook data; "
        "write the value out in full"
    ),
    "bad-slug": (
        "data/programs/mini-program/week-1.yml:12: checklist[0].id: 'Read First' is not a valid id: "
        "use lowercase letters, digits and single hyphens, e.g. 'decision-matrix'"
    ),
    "band-gap": "data/assessments/mini-sum.yml:25: bands[1].min: 3 leaves a gap after the previous band: expected 2",
    "band-overlap": "data/assessments/mini-sum.yml:25: bands[1].min: 1 overlaps the previous band: expected 2",
    "control-character": "data/templates/mini-template.yml:6: control character U+0007 is not allowed in YAML; remove it",
    "dangling-assessment-link": "data/assessments/mini-sum.yml:13: items[0].link: no page docs/guides/once.md",
    "dangling-framework": (
        "data/programs/mini-program/week-2.yml:15: frameworks[0]: unknown framework 'mini-frame'; "
        "did you mean 'mini-framework'?"
    ),
    "dangling-path-page": "data/paths/mini-path.yml:9: steps[1].page: no page docs/guides/too.md",
    "dangling-route": "data/chooser.yml:11: routes[0].path: no learning path 'maxi-path' in data/paths/",
    "dangling-template": (
        "data/programs/mini-program/week-1.yml:10: homework.template: unknown template 'mini-templat'; "
        "did you mean 'mini-template'?"
    ),
    "duplicate-key": "data/templates/mini-template.yml:4: title: this key appears twice in the same block; keep one",
    "empty-text": "data/programs/mini-program/week-2.yml:4: focus: must not be empty",
    "id-mismatch": (
        "data/programs/mini-program/week-2.yml:2: id: id 'week-3' must match the file name 'week-2'; rename one of them"
    ),
    "missing-field": "data/programs/mini-program/week-2.yml:1: homework: field required; add it",
    "no-sections": "data/templates/mini-template.yml:13: sections: needs at least 1 item(s)",
    "not-utf8": "data/templates/mini-template.yml:6: file is not UTF-8 (byte 0xe9); save it as UTF-8",
    "orphan-units": (
        "data/programs/other/: a folder of units with no program file; add data/programs/other.yml or move the units"
    ),
    "program-without-units": (
        "data/programs/mini-template.yml:1: id: the program has no units: add data/programs/mini-template/<unit id>.yml"
    ),
    "unit-numbering": (
        "data/programs/mini-program/week-2.yml:1: number: units must be numbered 1, 2, 3, … in order: "
        "expected 2, found 3"
    ),
    "unknown-field": "data/programs/mini-program/week-1.yml:3: tilte: unknown field 'tilte'; did you mean 'title'?",
    "unrouted-answers": (
        "data/chooser.yml:1: routes: no rule matches the answers {'role': 'other'}; add a rule or a catch-all"
    ),
    "wrong-type": "data/programs/mini-program/week-2.yml:1: number: must be a whole number, got str 'two'",
    "yaml-syntax": (
        "data/programs/mini-program/week-2.yml:4: YAML syntax error: "
        + ("did not find expected ',' or ']'" if yaml.__with_libyaml__ else "expected ',' or ']', but got ':'")
        + " (while parsing a flow sequence that starts on line 3)"
    ),
}


def project_with(case: str | None, dest: Path) -> Path:
    """A project folder whose data/ is the valid fixture with ``case`` laid over it."""
    shutil.copytree(FIXTURES / "data-ok", dest / "data")
    shutil.copytree(FIXTURES / "docs-ok", dest / "docs")
    if case:
        shutil.copytree(FIXTURES / "bad-data" / case, dest / "data", dirs_exist_ok=True)
    return dest


def test_every_fixture_has_an_expectation():
    assert sorted(p.name for p in (FIXTURES / "bad-data").iterdir()) == sorted(EXPECTED)


def test_the_valid_fixture_loads(tmp_path):
    handbook = load_handbook(project_with(None, tmp_path) / "data", tmp_path, tmp_path / "docs")
    assert list(handbook.programs) == ["mini-program"]
    assert list(handbook.paths) == ["mini-path"] and list(handbook.assessments) == ["mini-sum"]
    assert [unit.id for unit in handbook.programs["mini-program"].units] == ["week-1", "week-2"]


def test_loading_again_gives_the_same_handbook_and_sees_an_edit(tmp_path):
    """The preview loads data/ again after every edit, reusing what it parsed from unchanged files:
    a second load must equal the first, and an edited file must be read afresh."""
    from macros.publish import data_export

    project = project_with(None, tmp_path)
    first = data_export(load_handbook(project / "data", tmp_path, tmp_path / "docs"))
    assert data_export(load_handbook(project / "data", tmp_path, tmp_path / "docs")) == first
    unit = project / "data/programs/mini-program/week-1.yml"
    text = unit.read_text("utf-8")
    title = yaml.safe_load(text)["title"]
    unit.write_text(text.replace(title, title + " (edited)", 1), "utf-8")
    edited = dict(data_export(load_handbook(project / "data", tmp_path, tmp_path / "docs")))
    assert f"{title} (edited)" in edited["data/programs.json"]
    assert {k: v for k, v in edited.items() if k != "data/programs.json"} == {
        k: v for k, v in first if k != "data/programs.json"
    }


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_loader_reports_one_clear_line(case, tmp_path):
    with pytest.raises(DataError) as caught:
        load_handbook(project_with(case, tmp_path) / "data", tmp_path, tmp_path / "docs")
    assert caught.value.problems == [EXPECTED[case]]


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_validate_command_exits_non_zero_without_traceback(case, tmp_path):
    project = project_with(case, tmp_path)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "handbook.py"), "validate", "--root", str(project)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [EXPECTED[case], "1 problem(s) in data/ and page front matter"]
    assert "Traceback" not in result.stdout + result.stderr


def test_alias_bomb_is_refused_quickly(tmp_path):
    """A billion-laughs document is refused at the first alias, before anything is expanded."""
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)
    )
    path = tmp_path / "data" / "templates" / "bomb.yml"
    path.parent.mkdir(parents=True)
    path.write_text(bomb)
    with pytest.raises(DataError, match=r"bomb.yml:2: YAML aliases"):
        load_handbook(tmp_path / "data", tmp_path)


def test_oversized_file_is_refused(tmp_path):
    path = tmp_path / "data" / "templates" / "huge.yml"
    path.parent.mkdir(parents=True)
    path.write_text("id: huge\n" + "# padding\n" * 60_000)
    with pytest.raises(DataError, match=r"huge.yml:1: file is [\d,]+ bytes, over the 524,288-byte limit"):
        load_handbook(tmp_path / "data", tmp_path)


def test_build_stops_with_the_line_and_no_traceback(tmp_path):
    """The strict build of a site with bad data fails, prints the problem line, and nothing else scary."""
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".git", ".venv", "site", "tests", "__pycache__"))
    week = project / "data" / "programs" / "leadership-cohort" / "week-2.yml"
    week.write_text(week.read_text("utf-8").replace("\ntitle: ", "\ntitel: ", 1))
    result = subprocess.run(
        [sys.executable, str(project / "scripts" / "handbook.py"), "build", "--dest", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=project,
    )
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "data/programs/leadership-cohort/week-2.yml:3: titel: unknown field 'titel'; did you mean 'title'?" in output
    assert not (tmp_path / "out").exists(), "a failed build must not leave a site behind"


def _copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(
        ROOT, project, ignore=shutil.ignore_patterns(".git", ".venv", "site", "tests", "node_modules", "__pycache__")
    )
    return project


def _build(project: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "handbook.py"), "build", "--quiet", "--dest", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=project,
    )


def test_markdown_link_to_a_missing_page_in_data_stops_the_build(tmp_path):
    """Data text is inline Markdown, so its links are checked by the strict build like any page's."""
    project = _copy_project(tmp_path)
    data = project / "data" / "programs" / "leadership-cohort" / "week-1.yml"
    text = data.read_text("utf-8")
    data.write_text(text.replace("\ngoals:\n", "\ngoals:\n  - See [the missing page](../missing.md).\n", 1), "utf-8")
    result = _build(project, tmp_path)
    assert result.returncode == 1
    assert "programs/leadership-cohort/week-1.md" in result.stderr and "missing.md" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_page_front_matter_errors_give_one_line(tmp_path):
    project = _copy_project(tmp_path)
    page = project / "docs" / "programs" / "leadership-cohort" / "week-2.md"
    page.write_text(page.read_text("utf-8").replace("unit: 2\n", "unit: 99\n", 1), "utf-8")
    result = _build(project, tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        "docs/programs/leadership-cohort/week-2.md:11: unit: front matter 'unit: 99' must be a number from 1 to 5"
        in output
    )
    assert "Traceback" not in output
    page.write_text(page.read_text("utf-8").replace("unit: 99\n", "unit: [2\n", 1), "utf-8")
    output = _build(project, tmp_path).stderr
    assert "docs/programs/leadership-cohort/week-2.md:" in output and "front matter is not valid YAML" in output
    assert "Traceback" not in output
