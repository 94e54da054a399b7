"""The template library: pages, downloads, variants, the zip, and the document checker."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

from check_document import check_text
from conftest import build, copy_project
from macros.loader import load_handbook
from macros.model import PLACEHOLDER_RE
from macros.render import has_minimal_variant

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = load_handbook(ROOT / "data", ROOT, ROOT / "docs")
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"


def test_every_template_has_a_page_download_example_and_where_used(site, pages):
    for template in HANDBOOK.templates.values():
        page = pages.get(f"templates/{template.id}/index.html")
        assert page is not None, f"no page for {template.id}"
        assert (site / "downloads" / "templates" / f"{template.id}.md").is_file()
        assert template.example and template.mistakes, f"{template.id}: needs a worked example and mistakes"
        assert "worked-example" in page.ids and "common-mistakes" in page.ids
        links = [url for _, _, url in page.links]
        if has_minimal_variant(template):
            assert any(url.endswith(f"downloads/templates/{template.id}-minimal.md") for url in links), template.id
        uses = HANDBOOK.where_used(template.id)
        assert uses, f"{template.id} is used by no unit"
        for program, unit in uses:
            assert any(url.endswith(f"programs/{program.id}/{unit.id}/") for url in links), (
                f"{template.id}: 'where used' does not link to {program.id}/{unit.id}"
            )


def test_templates_follow_the_placeholder_convention():
    for template in HANDBOOK.templates.values():
        bodies = "\n".join(section.body for section in template.sections)
        assert PLACEHOLDER_RE.search(bodies), f"{template.id} has no {{placeholder}}"
        assert "{{" not in bodies and "[" + "Description]" not in bodies


def test_zip_holds_every_template_and_variant(site):
    archive = zipfile.ZipFile(io.BytesIO((site / "downloads" / "handbook-templates.zip").read_bytes()))
    expected = sorted(p.name for p in (site / "downloads" / "templates").glob("*.md"))
    assert archive.namelist() == expected
    assert len(expected) == sum(2 if has_minimal_variant(t) else 1 for t in HANDBOOK.templates.values())
    for name in expected:
        assert archive.read(name) == (site / "downloads" / "templates" / name).read_bytes()


def test_zip_is_byte_identical_across_two_builds(site, tmp_path):
    again = build(copy_project(tmp_path / "project"), tmp_path / "site")
    assert (again / "downloads" / "handbook-templates.zip").read_bytes() == (
        site / "downloads" / "handbook-templates.zip"
    ).read_bytes()


def test_checker_passes_a_complete_document():
    assert check_text((DOCUMENTS / "complete.md").read_text(), "complete.md") == []


def test_checker_reports_placeholders_and_empty_or_missing_sections():
    findings = [str(f) for f in check_text((DOCUMENTS / "unfinished.md").read_text(), "unfinished.md")]
    assert findings == [
        "unfinished.md:4: required section '## Evaluation criteria' is missing",
        "unfinished.md:7: placeholder {title} is still in the text",
        "unfinished.md:9: required section '## Context' is empty",
        "unfinished.md:17: placeholder {option b} is still in the text",
        "unfinished.md:17: placeholder {one-paragraph description} is still in the text",
    ]


def test_checker_flags_every_fresh_download(site):
    for path in sorted((site / "downloads" / "templates").glob("*.md")):
        findings = check_text(path.read_text("utf-8"), path.name)
        assert any("placeholder" in str(f) for f in findings), f"{path.name}: a blank template must not pass"


def test_checker_command_exit_codes(tmp_path):
    command = [sys.executable, str(ROOT / "scripts" / "check_document.py")]
    ok = subprocess.run([*command, str(DOCUMENTS / "complete.md")], capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stdout.strip().endswith("complete.md: complete")
    bad = subprocess.run([*command, str(DOCUMENTS / "unfinished.md")], capture_output=True, text=True)
    assert bad.returncode == 1 and len(bad.stdout.splitlines()) == 5
    missing = subprocess.run([*command, str(tmp_path / "nope.md")], capture_output=True, text=True)
    assert missing.returncode == 2 and "cannot read the file" in missing.stderr
