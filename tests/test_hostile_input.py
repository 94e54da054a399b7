"""No text field, of any kind, can inject markup, script or Jinja; no input makes the loader crash."""

from __future__ import annotations

import datetime
import json
import string
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros import (
    assessments,
    cases,
    checklists,
    examples,
    markup,
    programs,
    references,
    sessions,
    templates,
    wayfinding,
)
from macros import documents as document_tools
from macros.loader import load_handbook
from macros.model import Assessment, Case, LearningPath, Organisation, Program, Reference, SessionFormat, Template
from macros.yamldata import DataError

HOSTILE = '<script>alert(1)</script> {{ config }} {% if x %} <b onmouseover="x">b</b> \' " &amp;'
MARKERS = ("<script", "{{", "{%", "<b ")
HTML_OUTPUTS = ("checklist", "progress", "calendar", "library", "chooser", "form-s", "form-c", "organisations", "runner", "fill")


def hostile_program() -> Program:
    unit = {
        "number": 1,
        "id": "week-1",
        "title": HOSTILE,
        "focus": HOSTILE,
        "goals": [HOSTILE],
        "discussion": [HOSTILE],
        "homework": {"title": HOSTILE, "description": HOSTILE},
        "checklist": [{"id": "a", "phase": "before", "text": HOSTILE}],
        "decisions": [
            {
                "id": "d",
                "title": HOSTILE,
                "decision": HOSTILE,
                "options": [HOSTILE, HOSTILE],
                "tradeoffs": HOSTILE,
                "signals": [HOSTILE],
                "example": {"org": "o", "text": HOSTILE},
            }
        ],
        "skills": [{"name": HOSTILE, "items": [HOSTILE]}],
        "exercises": [HOSTILE],
        "interview_prompts": [HOSTILE],
        "agenda": [{"minutes": 30, "activity": HOSTILE, "notes": HOSTILE}],
        "facilitation": [HOSTILE],
        "prepare": [HOSTILE],
        "reading": [{"ref": "r", "note": HOSTILE}],
    }
    return Program.model_validate(
        {
            "id": "p",
            "title": HOSTILE,
            "summary": HOSTILE,
            "format": HOSTILE,
            "cadence": HOSTILE,
            "audience": HOSTILE,
            "unit_label": "Week",
            "units": [unit],
            "phase_labels": {"before": HOSTILE, "during": HOSTILE, "after": HOSTILE, "capstone": HOSTILE},
        }
    )


def hostile_template() -> Template:
    return Template.model_validate(
        {
            "id": "t",
            "title": HOSTILE,
            "category": "decide",
            "version": "1.0.0",
            "summary": HOSTILE,
            "purpose": HOSTILE,
            "when_to_use": [HOSTILE],
            "when_not_to_use": [HOSTILE],
            "how_to_fill": [HOSTILE],
            "sections": [{"heading": "H", "prompts": [HOSTILE], "body": HOSTILE}],
            "example": {"text": HOSTILE},
            "mistakes": [HOSTILE],
        }
    )


def hostile_reference() -> Reference:
    return Reference.model_validate(
        {
            "id": "r",
            "kind": "book",
            "authors": HOSTILE,
            "title": HOSTILE,
            "subtitle": HOSTILE,
            "year": 2020,
            "edition": HOSTILE,
            "publisher": HOSTILE,
            "checked": datetime.date(2026, 11, 30),
            "caveat": HOSTILE,
        }
    )


def hostile_organisation() -> Organisation:
    fields = ("name", "industry", "size", "region", "product")
    return Organisation.model_validate({"id": "o", **{key: HOSTILE for key in fields}})


def hostile_case() -> Case:
    return Case.model_validate(
        {
            "id": "c",
            "title": HOSTILE,
            "organisation": HOSTILE,
            "kind": "incident",
            "date": datetime.date(2017, 1, 31),
            "summary": HOSTILE,
            "what_happened": HOSTILE,
            "decisions": [HOSTILE],
            "what_changed": HOSTILE,
            "lessons": [HOSTILE],
            "sources": [{"title": HOSTILE, "publisher": HOSTILE, "year": 2017, "url": "https://example.org/x", "primary": True}],
            "illustrates": ["a.md"],
            "checked": datetime.date(2026, 11, 30),
        }
    )


def hostile_assessments() -> list[Assessment]:
    band = {"meaning": HOSTILE, "next": HOSTILE, "label": HOSTILE}
    summed = Assessment.model_validate(
        {
            "id": "s",
            "title": HOSTILE,
            "summary": HOSTILE,
            "scoring": "sum",
            "scale": {"min": 0, "max": 1, "low_label": HOSTILE, "high_label": HOSTILE},
            "items": [{"id": "i", "label": HOSTILE, "help": HOSTILE, "counters": [HOSTILE]}],
            "bands": [{"id": "a", "min": 0, "max": 0, **band}, {"id": "b", "min": 1, "max": 1, **band}],
        }
    )
    chosen = Assessment.model_validate(
        {
            "id": "c",
            "title": HOSTILE,
            "summary": HOSTILE,
            "scoring": "choice",
            "items": [
                {
                    "id": "i",
                    "label": HOSTILE,
                    "choices": [{"id": "x", "label": HOSTILE, "band": "a"}, {"id": "y", "label": HOSTILE, "band": "b"}],
                }
            ],
            "bands": [{"id": "a", **band}, {"id": "b", **band}],
        }
    )
    return [summed, chosen]


def outputs() -> dict[str, str]:
    program = hostile_program()
    unit = program.units[0]
    template = hostile_template()
    path = LearningPath.model_validate(
        {
            "id": "l",
            "title": HOSTILE,
            "role": HOSTILE,
            "summary": HOSTILE,
            "steps": [{"page": "a.md", "minutes": 10, "why": HOSTILE}] * 3,
        }
    )
    result = {
        "checklist": checklists.checklist_html(program, unit),
        "homework": programs.homework_markdown(unit, template, "x.md"),
        "schedule": programs.schedule_table(program, {"week-1": "x.md"}),
        "sources": references.reading_list(unit.reading, {"r": hostile_reference()}),
        "citation": references.citation(hostile_reference()),
        "decisions": programs.decisions_markdown(unit, {"o": hostile_organisation()}),
        "example": examples.example_markdown(template.example, {}),
        "case": cases.case_markdown(hostile_case()),
        "organisations": examples.fictional_mark(hostile_organisation()),
        "skills": programs.skills_markdown(unit),
        "agenda": sessions.agenda_table(unit.agenda),
        "runner": sessions.runner_html("p/u", HOSTILE, unit.agenda),
        "kit": sessions.kit_markdown([HOSTILE], [HOSTILE], [HOSTILE], [(HOSTILE, "#a", HOSTILE)]),
        "exercises": markup.numbered_list(unit.exercises),
        "packet": sessions.packet_markdown(program, unit, (HOSTILE, "x.md"), "participant"),
        "facilitator-packet": sessions.packet_markdown(program, unit, None, "facilitator"),
        "progress": checklists.program_progress_html(program, {"week-1": "x/"}),
        "calendar": sessions.calendar_form_html(program.model_copy(update={"sessions": SessionFormat(minutes=60, every_weeks=2)})),
        "programs": programs.programs_table_markdown([(HOSTILE, "x.md", HOSTILE, "1 week", HOSTILE)]),
        "table": markup.table(("A", "B"), [(markup.cell(HOSTILE), markup.cell(HOSTILE))]),
        "library": templates.template_library_html(
            [templates.TemplateRow(HOSTILE, "x/", HOSTILE, "decide", HOSTILE, (("p", HOSTILE),), (("c", HOSTILE),))]
        ),
        "path": wayfinding.path_steps_markdown([(HOSTILE, "a.md", 10, s.why) for s in path.steps]),
        "chooser": wayfinding.chooser_html([("q", HOSTILE, [("a", HOSTILE)])], json.dumps([HOSTILE]), json.dumps({})),
        "glossary": wayfinding.glossary_table([("X", HOSTILE)]),
        "purpose": markup.paragraphs(template.purpose),
        "fill": document_tools.fill_form_html(template, "https://h.example/t/", HOSTILE),
    }
    for assessment in hostile_assessments():
        definition = json.dumps(assessments.assessment_definition(assessment, {}))
        result[f"form-{assessment.id}"] = assessments.assessment_form_html(assessment, definition)
        result[f"bands-{assessment.id}"] = assessments.assessment_bands_markdown(assessment)
        result[f"choices-{assessment.id}"] = assessments.choice_mapping_markdown(assessment)
    return result


def test_hostile_text_is_escaped_in_every_renderer():
    for name, out in outputs().items():
        for marker in MARKERS:
            assert marker not in out, f"{name} lets {marker!r} through"
        if name in HTML_OUTPUTS:
            assert 'onmouseover="' not in out, f"{name}: a quote in data closed an attribute"
        assert "&lt;script&gt;" in out or "&amp;lt;script&amp;gt;" in out, (
            f"{name} dropped the text instead of escaping it"
        )


# --- fuzzing the loader ---------------------------------------------------------------------------

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(
                st.sampled_from(["id", "title", "units", "number", "sections", "steps", "items"]),
                st.text(string.ascii_lowercase, max_size=8),
            ),
            children,
            max_size=5,
        ),
    ),
    max_leaves=25,
)
KINDS = ["programs", "programs/fuzz", "templates", "paths", "assessments"]


def _load(tmp: Path, kind: str, content: bytes) -> None:
    folder = tmp / "data" / kind
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "fuzz.yml").write_bytes(content)
    try:
        load_handbook(tmp / "data", tmp, tmp / "docs")
    except DataError as err:
        assert err.problems and all(p.startswith("data/") and "\n" not in p for p in err.problems)
    finally:
        (folder / "fuzz.yml").unlink()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents, kind=st.sampled_from(KINDS))
def test_arbitrary_yaml_documents_never_crash_the_loader(tmp_path, document, kind):
    _load(tmp_path, kind, yaml.safe_dump(document, allow_unicode=True).encode("utf-8"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    content=st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8")),
    kind=st.sampled_from(KINDS),
)
def test_arbitrary_bytes_never_crash_the_loader(tmp_path, content, kind):
    _load(tmp_path, kind, content)


# --- end to end -------------------------------------------------------------------------------------

VISIBLE = "<script>window.pwned=1</script> {{ config.site_name }} {% raw %} <b>bold</b>"


def test_hostile_data_is_rendered_as_visible_text(tmp_path):
    from conftest import build, copy_project
    from htmlscan import scan

    project = copy_project(tmp_path / "project")
    data = project / "data" / "programs" / "leadership-cohort" / "week-1.yml"
    unit = yaml.safe_load(data.read_text("utf-8"))
    unit["homework"]["title"] = VISIBLE
    unit["checklist"][0]["text"] = VISIBLE
    data.write_text(yaml.safe_dump(unit, allow_unicode=True, sort_keys=False), "utf-8")
    site = build(project, tmp_path / "site")
    html = (site / "programs" / "leadership-cohort" / "week-1" / "index.html").read_text("utf-8")
    page = scan(html)
    assert page.text.count(VISIBLE) >= 2, "the hostile string must appear, as text, in homework and checklist"
    assert not any("pwned" in script for script in page.scripts), "no script element may carry the data"
    assert "<b>bold</b>" not in html and "{{" not in html and "{%" not in html
    assert "Technical Leadership Handbook {% raw %}" not in page.text, "Jinja in data must not be evaluated"
