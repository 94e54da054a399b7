"""Typed model of the handbook's structured content.

Every YAML file in ``data/`` is validated against one of these models. The models are
strict: a value of the wrong type is not coerced, an unknown field is an error (it is
almost always a typo), and text that is required may not be empty.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PLACEHOLDER_RE = re.compile(r"\{[a-z0-9][^{}\n]*\}")

# Text a reader sees. Leading and trailing white space is stripped; empty is an error.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# A stable identifier used in URLs, storage keys and cross-references.
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=1, max_length=60)]
HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[^\s/$.?#][^\s]*$")]


class Strict(BaseModel):
    """Base for every model: strict types, unknown fields rejected, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Reading(Strict):
    """A work from the reference registry (``data/references/``), with why it is worth the time here."""

    ref: Slug
    note: Text | None = None


class Example(Strict):
    """An invented example. ``org`` names its organisation in ``data/organisations.yml``, if it has one;
    every example is shown with the same "fictional" mark."""

    org: Slug | None = None
    text: Text


class ChecklistItem(Strict):
    """One tickable step. Its ``id`` is the storage key: never reuse or rename it lightly."""

    id: Slug
    phase: Literal["before", "during", "after", "capstone"]
    text: Text


class Homework(Strict):
    """The week's homework. It also becomes a checklist item and links to its template."""

    id: Slug = "homework"
    title: Text
    description: Text
    template: Slug | None = None


class DecisionTopic(Strict):
    """One decision a leader faces in a module, with what should move the decision."""

    id: Slug
    title: Text
    decision: Text
    options: list[Text] = Field(min_length=2)
    tradeoffs: Text
    signals: list[Text] = Field(min_length=1)
    example: Example


class SkillGroup(Strict):
    """A named group of skills a competency develops."""

    name: Text
    items: list[Text] = Field(min_length=1)


class AgendaItem(Strict):
    """One block of a live session's timed agenda. ``prompt`` is what the session runner shows the room
    (the question or exercise); ``notes`` are for the facilitator."""

    minutes: int = Field(ge=5, le=240)
    activity: Text
    prompt: Text | None = None
    notes: Text | None = None


class LiveTopic(Strict):
    """A decision topic the group works through in the session, and how to run it."""

    topic: Slug  # the id of one of the unit's decisions
    how: Text


class SessionKit(Strict):
    """What a facilitator needs to run one group session that is not a unit (the staff-plus peer circle)."""

    title: Text
    summary: Text
    agenda: list[AgendaItem] = Field(min_length=2)
    facilitation: list[Text] = Field(min_length=1)
    prepare: list[Text] = Field(min_length=1)
    participants_prepare: list[Text] = Field(min_length=1)


class SessionFormat(Strict):
    """How a program meets: session length (every agenda adds up to it) and the gap between sessions."""

    minutes: int = Field(ge=30, le=480)
    every_weeks: int = Field(ge=1, le=26)


class Unit(Strict):
    """A week, a module or a competency of a program."""

    number: int = Field(ge=1)
    id: Slug
    title: Text
    focus: Text
    goals: list[Text] = Field(default_factory=list)
    discussion: list[Text] = Field(min_length=1)
    homework: Homework
    checklist: list[ChecklistItem] = Field(min_length=1)
    templates: list[Slug] = Field(default_factory=list)
    frameworks: list[Slug] = Field(default_factory=list)
    decisions: list[DecisionTopic] = Field(default_factory=list)
    skills: list[SkillGroup] = Field(default_factory=list)
    exercises: list[Text] = Field(default_factory=list)
    interview_prompts: list[Text] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=list)
    facilitation: list[Text] = Field(default_factory=list)
    prepare: list[Text] = Field(default_factory=list)  # for the facilitator
    participants_prepare: list[Text] = Field(default_factory=list)
    live_topics: list[LiveTopic] = Field(default_factory=list)
    talk: Reading | None = None  # a recorded talk to watch before the session
    reading: list[Reading] = Field(default_factory=list)


class PhaseLabels(Strict):
    """How a program names its checklist phases (a cohort has sessions; a self-paced path does not)."""

    before: Text = "Before the session"
    during: Text = "During the session"
    after: Text = "After the session"
    capstone: Text = "Capstone milestone"


class ProgramInfo(Strict):
    """A program's own file, ``data/programs/<id>.yml``; its units live in ``data/programs/<id>/``."""

    id: Slug
    title: Text
    summary: Text
    format: Text
    cadence: Text
    audience: Text
    unit_label: Literal["Week", "Module", "Competency"]
    phase_labels: PhaseLabels = PhaseLabels()
    sessions: SessionFormat | None = None  # a group program's live sessions, one per unit
    peer_session: SessionKit | None = None  # a self-paced program's recurring group session


class Program(ProgramInfo):
    """A curriculum: the five-week cohort, an eight-module program, the staff-plus path."""

    units: list[Unit] = Field(min_length=1)

    def length(self) -> str:
        """'5 weeks', '8 modules', '6 competencies'."""
        plurals = {"Week": "weeks", "Module": "modules", "Competency": "competencies"}
        word = self.unit_label.lower() if len(self.units) == 1 else plurals[self.unit_label]
        return f"{len(self.units)} {word}"

    def unit_heading(self, unit: Unit) -> str:
        """'Week 1: Organisational foundations': the unit page's title and its navigation label."""
        return f"{self.unit_label} {unit.number}: {unit.title}"


class TemplateSection(Strict):
    """A heading of a fill-in document, the questions it answers and its skeleton."""

    heading: Text
    prompts: list[Text] = Field(min_length=1)
    body: Text
    required: bool = True
    minimal: bool = True

    @field_validator("heading")
    @classmethod
    def _single_line(cls, value: str) -> str:
        if "\n" in value:
            raise ValueError("a heading must fit on one line")
        return value


TEMPLATE_CATEGORIES = {
    "decide": "Decide",
    "plan": "Plan and strategise",
    "measure": "Measure and improve",
    "operate": "Run and recover",
    "grow": "Grow people and careers",
    "communicate": "Influence and communicate",
}


class Template(Strict):
    """A fill-in document readers copy into their own design docs."""

    id: Slug
    title: Text
    category: Literal["decide", "plan", "measure", "operate", "grow", "communicate"]
    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$")]
    summary: Text
    purpose: Text
    when_to_use: list[Text] = Field(min_length=1)
    when_not_to_use: list[Text] = Field(min_length=1)
    how_to_fill: list[Text] = Field(min_length=1)
    sections: list[TemplateSection] = Field(min_length=1)
    example: Example | None = None
    mistakes: list[Text] = Field(default_factory=list)
    frameworks: list[Slug] = Field(default_factory=list)


class PathStep(Strict):
    """One stop on a learning path: a page of the handbook and why it comes here."""

    page: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9/-]*\.md$")]
    minutes: int = Field(ge=5, le=600)
    why: Text


class LearningPath(Strict):
    """An ordered route through programs, frameworks and templates for one role."""

    id: Slug
    title: Text
    role: Text
    summary: Text
    steps: list[PathStep] = Field(min_length=3)


class Answer(Strict):
    id: Slug
    label: Text


class Question(Strict):
    id: Slug
    text: Text
    answers: list[Answer] = Field(min_length=2)


class Route(Strict):
    """A chooser rule: when the answers match (a missing question matches anything), go to ``path``."""

    when: dict[Slug, Slug]
    path: Slug


class Chooser(Strict):
    """The 'start here' questions and the rules (first match wins) that route answers to a path."""

    questions: list[Question] = Field(min_length=1)
    routes: list[Route] = Field(min_length=1)


class Choice(Strict):
    """One answer option of a choice question, and the band it puts the reader in (none for a measure
    the research reports without levels)."""

    id: Slug
    label: Text
    band: Slug | None = None


class AssessmentItem(Strict):
    """One question. Scored items take a number on the assessment's scale; choice items pick an option."""

    id: Slug
    label: Text
    help: Text | None = None
    counters: list[Text] = Field(default_factory=list)
    link: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9/-]*\.md$")] | None = None
    level: int | None = Field(default=None, ge=1, le=9)
    choices: list[Choice] = Field(default_factory=list)


class Band(Strict):
    """A result band. For 'sum' scoring, min and max are inclusive totals; bands tile the range."""

    id: Slug
    label: Text
    min: int | None = None
    max: int | None = None
    meaning: Text
    next: Text


class Scale(Strict):
    min: int
    max: int
    low_label: Text
    high_label: Text


class Benchmark(Strict):
    """Where the bands come from: a named, dated source."""

    name: Text
    year: int = Field(ge=1990, le=2100)
    note: Text


class Assessment(Strict):
    """A self-assessment scored entirely in the reader's browser.

    ``sum``: every item is scored on ``scale``; the total falls in exactly one band.
    ``choice``: every item is a multiple choice; each choice names its band (per item).
    ``levels``: items belong to levels 1..n and are scored on ``scale``; the reader's level is the
    highest level whose items, and every lower level's, average at least ``level_threshold``.
    """

    id: Slug
    title: Text
    summary: Text
    scoring: Literal["sum", "choice", "levels"]
    scale: Scale | None = None
    level_threshold: float | None = None
    items: list[AssessmentItem] = Field(min_length=1)
    bands: list[Band] = Field(min_length=2)
    benchmark: Benchmark | None = None
    weakest: int = Field(default=0, ge=0, le=5)
    history: bool = False
    chart: bool = False


# --- the reference registry, fictional organisations and real cases ------------------------------


class Reference(Strict):
    """A real work the handbook cites: checked to exist, linked where it has a stable address."""

    id: Slug
    kind: Literal["book", "paper", "report", "article", "talk", "web", "standard"]
    authors: Text
    title: Text
    subtitle: Text | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)  # none for living documents and undated posts
    edition: Text | None = None
    publisher: Text | None = None  # or the host of a recording
    event: Text | None = None  # where a talk was given
    url: HttpsUrl | None = None
    checked: datetime.date  # when the work and its address were last verified
    caveat: Text | None = None  # what could not be verified, shown to readers


class ReferenceFile(Strict):
    """A file in ``data/references/``: a list of works, grouped however suits the maintainers."""

    references: list[Reference] = Field(min_length=1)


class Organisation(Strict):
    """A fictional organisation used by examples: one name, one identity."""

    id: Slug
    name: Text
    industry: Text
    size: Text
    region: Text
    product: Text


class OrganisationFile(Strict):
    organisations: list[Organisation] = Field(min_length=1)


class CaseSource(Strict):
    """A published account of a case; ``primary`` when the organisation, a regulator or an inquiry wrote it."""

    title: Text
    publisher: Text
    year: int = Field(ge=1900, le=2100)
    url: HttpsUrl
    primary: bool


class Case(Strict):
    """A real, publicly documented incident or leadership decision, told in our own words."""

    id: Slug
    title: Text
    organisation: Text
    kind: Literal["incident", "decision"]
    date: datetime.date
    summary: Text
    what_happened: Text
    decisions: list[Text] = Field(min_length=1)
    what_changed: Text
    lessons: list[Text] = Field(min_length=1)
    sources: list[CaseSource] = Field(min_length=1)
    illustrates: list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9/-]*\.md$")]] = Field(min_length=1)
    checked: datetime.date
