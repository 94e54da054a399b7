"""For tools and machines, on paper, and for contributors: what publishing promises."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT, build, copy_project
from macros.loader import load_handbook
from macros.model import Assessment, LearningPath, Program, Template

HANDBOOK = load_handbook(ROOT / "data", ROOT, ROOT / "docs")


def test_llms_txt_lists_every_page_with_its_description(site, pages):
    index = (site / "llms.txt").read_text("utf-8")
    full = (site / "llms-full.txt").read_text("utf-8")
    content_pages = [p for p in pages if p != "404.html" and not p.startswith("print/")]
    assert index.count("\n- [") == len(content_pages)
    assert index.startswith("# Technical Leadership Handbook\n\n> ")
    for title in ("Week 1: Organisational foundations", "Decision matrix", "Westrum organisational culture survey"):
        assert f"[{title}]" in index or title in index
        assert f"# {title}" in full
    assert "<script" not in full


@pytest.mark.parametrize(
    ("name", "model", "items"),
    [
        ("programs", Program, HANDBOOK.programs),
        ("templates", Template, HANDBOOK.templates),
        ("assessments", Assessment, HANDBOOK.assessments),
        ("paths", LearningPath, HANDBOOK.paths),
    ],
)
def test_data_export_round_trips_through_the_models(site, name, model, items):
    exported = json.loads((site / "data" / f"{name}.json").read_text("utf-8"))
    assert [model.model_validate(item) for item in exported] == list(items.values())
    schema = json.loads((site / "data" / "schema" / f"{name[:-1]}.schema.json").read_text("utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/") and schema["type"] == "object"
    index = json.loads((site / "data" / "index.json").read_text("utf-8"))
    assert index["files"][name] == {
        "data": f"{name}.json",
        "schema": f"schema/{name[:-1]}.schema.json",
        "count": len(items),
    }


def test_changelog_lists_content_commits(pages):
    page = pages["about/changelog/index.html"]
    log = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%h %s", "--", "docs", "data"], capture_output=True, text=True
    ).stdout.split(" ", 1)
    if log == [""]:
        pytest.skip("not a git checkout")
    assert log[0] in page.text


def test_print_editions_hold_every_unit(site, pages):
    for program in HANDBOOK.programs.values():
        page = pages[f"print/{program.id}/index.html"]
        for unit in program.units:
            assert unit.title in page.text, f"print/{program.id} misses {unit.title}"
        assert (
            "<script src="
            not in (site / "print" / program.id / "index.html")
            .read_text("utf-8")
            .split("<article", 1)[1]
            .split("</article>")[0]
        )
    whole = pages["print/index.html"]
    assert all(p.title in whole.text for p in HANDBOOK.programs.values())


@pytest.mark.browser
def test_a_print_edition_renders_to_pdf_with_every_unit(page):
    from pypdf import PdfReader

    program = HANDBOOK.programs["leadership-cohort"]
    page.goto(f"print/{program.id}/")
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert len(reader.pages) >= len(program.units) + 1, f"{len(reader.pages)} pages for {len(program.units)} units"
    for unit in program.units:
        assert " ".join(unit.title.split()) in text, f"the PDF lacks {unit.title}"
    assert "Report a problem" not in text, "screen-only links stay off paper"


def test_scaffolded_template_and_framework_build_green(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts")
    for args in (
        ["template", "stakeholder-map", "--title", "Stakeholder map"],
        ["framework", "conways-law", "--title", "Conway's law"],
    ):
        result = subprocess.run(
            [sys.executable, str(project / "scripts" / "handbook.py"), "new", *args, "--root", str(project)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        assert "added it to nav" in result.stdout
    nav = (project / "mkdocs.yml").read_text("utf-8")
    assert (
        '"Stakeholder map": templates/stakeholder-map.md' in nav and '"Conway\'s law": frameworks/conways-law.md' in nav
    )
    site = build(project, tmp_path / "site")
    assert (site / "templates" / "stakeholder-map" / "index.html").is_file()
    assert (site / "downloads" / "templates" / "stakeholder-map-minimal.md").is_file()
    assert (site / "frameworks" / "conways-law" / "index.html").is_file()
    again = subprocess.run(
        [
            sys.executable,
            str(project / "scripts" / "handbook.py"),
            "new",
            "template",
            "stakeholder-map",
            "--title",
            "Again",
            "--root",
            str(project),
        ],
        capture_output=True,
        text=True,
    )
    assert again.returncode == 1 and "already exists" in again.stderr


def test_github_forms_templates_and_owners_are_in_place():
    forms = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    names = {p.stem for p in forms}
    assert {"content-request", "page-error", "site-bug"} <= names
    for form in forms:
        data = yaml.safe_load(form.read_text("utf-8"))
        if form.stem != "config":
            assert data["name"] and data["description"] and data["body"]
    page_error = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "page-error.yml").read_text("utf-8"))
    assert any(field.get("id") == "page" for field in page_error["body"]), "the report link prefills the 'page' field"
    assert "- [ ]" in (ROOT / ".github" / "pull_request_template.md").read_text("utf-8")
    owners = (ROOT / ".github" / "CODEOWNERS").read_text("utf-8")
    for section in ("/docs/programs/", "/docs/frameworks/", "/docs/templates/", "/docs/assessments/"):
        assert section in owners
