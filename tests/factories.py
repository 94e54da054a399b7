"""Small valid data items for unit tests of the renderers."""

from __future__ import annotations

from hypothesis import strategies as st

from macros.model import ChecklistItem, Homework, Program, Template, TemplateSection, Unit


def make_unit(**changes) -> Unit:
    fields = dict(
        number=1,
        id="week-1",
        title="First week",
        focus="Focus text.",
        discussion=["A prompt."],
        homework=Homework(title="Map it", description="Draw the map.", template="org-map"),
        checklist=[
            ChecklistItem(id="present", phase="capstone", text="Present."),
            ChecklistItem(id="read", phase="before", text="Read <b>this</b> {{ x }}."),
        ],
    )
    fields.update(changes)
    return Unit(**fields)


def make_program(unit: Unit | None = None, **changes) -> Program:
    fields = dict(
        id="cohort",
        title="Cohort",
        summary="S.",
        format="F.",
        cadence="C.",
        audience="A.",
        unit_label="Week",
        units=[unit or make_unit()],
    )
    fields.update(changes)
    return Program(**fields)


def make_template(**changes) -> Template:
    fields = dict(
        id="org-map",
        title="Organisation map",
        category="communicate",
        version="1.2.0",
        summary="Map it.",
        purpose="P.",
        when_to_use=["W."],
        when_not_to_use=["N."],
        how_to_fill=["H."],
        sections=[
            TemplateSection(heading="Context", prompts=["Why -- now?", "For whom?"], body="{context}"),
            TemplateSection(heading="Extra", prompts=["More?"], body="{more}", required=False, minimal=False),
        ],
    )
    fields.update(changes)
    return Template(**fields)


def answers_strategy(assessment):
    """Complete answer sets for an assessment."""
    fields = {}
    for item in assessment.items:
        if item.choices:
            fields[item.id] = st.sampled_from([c.id for c in item.choices])
        else:
            fields[item.id] = st.integers(assessment.scale.min, assessment.scale.max)
    return st.fixed_dictionaries(fields)
