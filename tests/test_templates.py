"""Templates: every template's page, downloads and variants; the zip; the document checker."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile

from factories import make_template

from check_document import check_text
from conftest import ROOT, built_path
from macros import templates
from macros.markup import esc
from macros.model import PLACEHOLDER_RE
from macros.pages import front_matter, template_src, unit_src

DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"


def test_every_template_has_a_page_downloads_and_where_used(site, pages, handbook):
    for template in handbook.templates.values():
        page = pages.get(built_path(template_src(template.id)))
        assert page is not None, f"no page for {template.id}; run scripts/handbook.py new template {template.id}"
        links = [url for _, _, url in page.links]
        for variant in templates.variants(template):
            assert (site / templates.template_download(template.id, variant)).is_file()
            assert any(url.endswith(templates.template_download(template.id, variant)) for url in links)
        for program, unit in handbook.where_used(template.id):
            assert any(url.endswith(f"programs/{program.id}/{unit.id}/") for url in links), (
                f"{template.id}: 'where used' does not link to {program.id}/{unit.id}"
            )


def test_every_template_page_can_be_filled_in(handbook, site):
    for template in handbook.templates.values():
        html = (site / built_path(template_src(template.id))).read_text("utf-8")
        assert 'data-hb-fill="' in html, f"{template.id}: no fill-in form; add {{{{ template_form() }}}} to its page"
        fields = set(re.findall(r'data-hb-section="([^"]*)"', html))
        for section in template.sections:
            assert esc(section.heading) in fields, f"{template.id}: no field for {section.heading}"


def test_finished_templates_have_an_example_mistakes_and_a_use(handbook, pages):
    for template in handbook.templates.values():
        if front_matter((ROOT / "docs" / template_src(template.id)).read_text("utf-8")).get("draft"):
            continue
        assert template.example and template.mistakes, f"{template.id}: needs a worked example and mistakes"
        assert "worked-example" in pages[built_path(template_src(template.id))].ids
        assert handbook.where_used(template.id), f"{template.id} is used by no unit: name it in a unit's templates"


def test_templates_follow_the_placeholder_convention(handbook):
    for template in handbook.templates.values():
        bodies = "\n".join(section.body for section in template.sections)
        assert PLACEHOLDER_RE.search(bodies), f"{template.id} has no {{placeholder}}"
        assert "{{" not in bodies and "[" + "Description]" not in bodies


def test_template_document_full_and_minimal():
    template = make_template()
    full = templates.template_document(template, variant="full", source_url="https://h.example/t/", license_name="CC BY 4.0")
    minimal = templates.template_document(
        template, variant="minimal", source_url="https://h.example/t/", license_name="CC BY 4.0"
    )
    assert full.splitlines()[:9] == [
        "---",
        "title: Organisation map",
        "template: org-map",
        "template_version: 1.2.0",
        "variant: full",
        "required: Context",
        "source: https://h.example/t/",
        "license: CC BY 4.0",
        "---",
    ]
    assert "## Extra" in full and "## Extra" not in minimal
    assert "## Context\n\n<!-- Why — now? -->\n<!-- For whom? -->\n\n{context}" in full, "one comment per prompt"
    assert "-->" not in full.replace(" -->", ""), "a prompt may not close the HTML comment early"
    assert full.endswith("{more}") and minimal.endswith("{context}"), "no trailing newline, like the copy button"
    assert templates.variants(template) == ("full", "minimal")
    assert templates.variants(make_template(sections=template.sections[:1])) == ("full",)


def test_template_library_is_a_plain_table_with_filter_data():
    row = templates.TemplateRow(
        title="Org <map>",
        link="org-map/",
        summary="Map it.",
        category="communicate",
        category_label="Influence and communicate",
        programs=(("cohort", "Cohort"), ("staff-plus", "Staff-plus")),
        competencies=(("mentoring", "Mentoring"),),
    )
    html = templates.template_library_html([row])
    assert "<table data-hb-filterable>" in html, "no class, so the theme styles it"
    assert '<tr data-program="cohort staff-plus" data-competency="mentoring" data-purpose="communicate">' in html
    assert '<a href="org-map/">Org &lt;map&gt;</a>' in html
    assert '<option value="staff-plus">Staff-plus</option>' in html
    assert "data-hb-filters hidden" in html, "filters appear only when JavaScript can run them"


def test_zip_holds_every_template_and_variant(site, handbook):
    archive = zipfile.ZipFile(io.BytesIO((site / templates.TEMPLATE_ZIP).read_bytes()))
    expected = sorted(p.name for p in (site / "downloads" / "templates").glob("*.md"))
    assert archive.namelist() == expected
    assert len(expected) == sum(len(templates.variants(t)) for t in handbook.templates.values())
    for name in expected:
        assert archive.read(name) == (site / "downloads" / "templates" / name).read_bytes()


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


def test_where_used_lists_units_in_program_order(handbook):
    for template in handbook.templates.values():
        uses = [unit_src(p.id, u.id) for p, u in handbook.where_used(template.id)]
        order = [unit_src(p.id, u.id) for p, u in handbook.units()]
        assert uses == sorted(uses, key=order.index)
