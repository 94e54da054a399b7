"""Load ``data/`` into one checked :class:`Handbook`, or stop with one line per problem.

Each kind of content is a folder of YAML files, one item per file, whose name is the item's
id. :func:`load_handbook` validates every file against its model, then checks what no single
file can: references between items, unit numbering, scoring rules, chooser routes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from .model import (
    Assessment,
    Case,
    Chooser,
    Example,
    LearningPath,
    Organisation,
    OrganisationFile,
    Program,
    ProgramInfo,
    Reference,
    ReferenceFile,
    Template,
    Unit,
)
from .yamldata import DataError, Document, Loc, Problems, did_you_mean, parse_yaml, validate

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Handbook:
    """Every program, template, assessment and learning path, validated and cross-checked."""

    programs: dict[str, Program]
    templates: dict[str, Template]
    paths: dict[str, LearningPath] = field(default_factory=dict)
    chooser: Chooser | None = None
    assessments: dict[str, Assessment] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)

    def route(self, answers: dict[str, str]) -> str | None:
        """The learning path the chooser sends these answers to (first matching rule wins)."""
        if self.chooser is None:
            return None
        for rule in self.chooser.routes:
            if all(answers.get(question) == answer for question, answer in rule.when.items()):
                return rule.path
        return None

    def answer_combinations(self) -> list[dict[str, str]]:
        """Every way a reader can answer the chooser."""
        combos: list[dict[str, str]] = [{}]
        for question in self.chooser.questions if self.chooser else []:
            combos = [{**combo, question.id: answer.id} for combo in combos for answer in question.answers]
        return combos

    def units(self) -> list[tuple[Program, Unit]]:
        """Every unit of every program, in program and unit order."""
        return [(program, unit) for program in self.programs.values() for unit in program.units]

    def where_used(self, template_id: str) -> list[tuple[Program, Unit]]:
        """Every unit that references ``template_id``, in program and unit order."""
        return [
            (program, unit)
            for program, unit in self.units()
            if template_id in unit.templates or unit.homework.template == template_id
        ]

    def cases_for(self, src: str) -> list[Case]:
        """The cases that illustrate the page ``src`` (``frameworks/x.md``), newest first."""
        return sorted((c for c in self.cases.values() if src in c.illustrates), key=lambda c: c.date, reverse=True)

    def framework_uses(self, framework_id: str) -> tuple[list[tuple[Program, Unit]], list[Template]]:
        """The units and templates that name ``framework_id``."""
        units = [(p, u) for p, u in self.units() if framework_id in u.frameworks]
        templates = [t for t in self.templates.values() if framework_id in t.frameworks]
        return units, templates


def display_path(path: Path, root: Path) -> str:
    """A path as a contributor sees it: relative to the project when it is inside it."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def load_folder(folder: Path, root: Path, model: type[M], problems: Problems) -> list[tuple[Document, M]]:
    """Every ``*.yml`` in ``folder`` validated against ``model``; an item's id must be its file name."""
    if not folder.is_dir():
        return []
    loaded = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file()):
        try:
            doc = parse_yaml(path, display_path(path, root))
            item = validate(doc, model)
        except DataError as err:
            problems.absorb(err)
            continue
        item_id = getattr(item, "id", None)
        if item_id is not None and item_id != path.stem:
            problems.at(doc, ("id",), f"id '{item_id}' must match the file name '{path.stem}'; rename one of them")
            continue
        loaded.append((doc, item))
    return loaded


def framework_ids(docs_dir: Path) -> set[str]:
    """The frameworks that have a page: ``docs/frameworks/<id>.md``."""
    folder = docs_dir / "frameworks"
    return {p.stem for p in folder.glob("*.md") if p.stem != "index"} if folder.is_dir() else set()


class _Checker:
    """Cross-references between items; every problem goes through :class:`Problems`."""

    def __init__(
        self,
        problems: Problems,
        templates: dict[str, Template],
        frameworks: set[str] | None,
        references: dict[str, Reference],
        organisations: dict[str, Organisation],
    ):
        self.problems = problems
        self.templates = templates
        self.frameworks = frameworks
        self.references = references
        self.organisations = organisations

    def example(self, doc: Document, loc: Loc, example: Example) -> None:
        """An example's organisation is registered, and the story names it, and no other registered one."""
        if example.org is None:
            others = [o.name for o in self.organisations.values() if o.name in example.text]
            if others:
                self.problems.at(doc, (*loc, "org"), f"the text names {others[0]}; set org: to its id")
            return
        self.reference(doc, (*loc, "org"), example.org, self.organisations, "organisation", "add it to data/organisations.yml")
        org = self.organisations.get(example.org)
        if org is not None and org.name not in example.text:
            self.problems.at(doc, (*loc, "text"), f"the example is about {org.name} (org: {org.id}) but never names it")
        for other in self.organisations.values():
            if other.id != example.org and other.name in example.text:
                self.problems.at(doc, (*loc, "text"), f"names {other.name} too; one example, one organisation")

    def readings(self, doc: Document, loc: Loc, readings: list) -> None:
        for k, reading in enumerate(readings):
            self.reference(doc, (*loc, k, "ref"), reading.ref, self.references, "reference", "add it to data/references/")

    def reference(self, doc: Document, loc: Loc, ref: str, known: dict | set, what: str, fix: str) -> None:
        if ref not in known:
            self.problems.at(doc, loc, f"unknown {what} '{ref}'" + did_you_mean(ref, set(known), f"; {fix}"))

    def frameworks_named(self, doc: Document, prefix: Loc, refs: list[str]) -> None:
        if self.frameworks is None:
            return
        for k, ref in enumerate(refs):
            self.reference(
                doc, (*prefix, k), ref, self.frameworks, "framework", f"write docs/frameworks/{ref}.md or fix the id"
            )

    def unit(self, doc: Document, unit: Unit) -> None:
        at = self.problems.at
        refs: list[tuple[Loc, str]] = [(("templates", k), t) for k, t in enumerate(unit.templates)]
        if unit.homework.template:
            refs.append((("homework", "template"), unit.homework.template))
        for loc, ref in refs:
            self.reference(doc, loc, ref, self.templates, "template", f"add data/templates/{ref}.yml or fix the id")
        self.frameworks_named(doc, ("frameworks",), unit.frameworks)
        seen: dict[str, int] = {unit.homework.id: -1}
        for j, item in enumerate(unit.checklist):
            if item.id in seen:
                at(doc, ("checklist", j, "id"), f"duplicate checklist id '{item.id}' in this unit")
            seen.setdefault(item.id, j)
        topics: set[str] = set()
        for k, topic in enumerate(unit.decisions):
            if topic.id in topics:
                at(doc, ("decisions", k, "id"), f"duplicate decision topic id '{topic.id}' in this unit")
            topics.add(topic.id)
            self.example(doc, ("decisions", k, "example"), topic.example)
        self.readings(doc, ("reading",), unit.reading)
        if unit.talk is not None:
            self.readings(doc, ("talk",), [unit.talk])
            if unit.talk.ref in self.references and self.references[unit.talk.ref].kind != "talk":
                at(doc, ("talk", "ref"), f"'{unit.talk.ref}' is a {self.references[unit.talk.ref].kind}, not a talk")

    def session(self, info: ProgramInfo, info_doc: Document, units: list[tuple[Document, Unit]]) -> None:
        """A group program's units each carry a full session kit whose agenda fills the session."""
        if info.peer_session is not None:
            self.agenda_length(info_doc, ("peer_session", "agenda"), info.peer_session.agenda, info.sessions)
        if info.sessions is None or info.peer_session is not None:
            return
        for doc, unit in units:
            if not unit.agenda:
                self.problems.at(doc, ("agenda",), f"{info.id} meets in sessions: every {info.unit_label.lower()} needs an agenda")
                continue
            self.agenda_length(doc, ("agenda",), unit.agenda, info.sessions)
            for part in ("facilitation", "prepare", "participants_prepare"):
                if not getattr(unit, part):
                    self.problems.at(doc, ("agenda",), f"a session kit needs {part.replace('_', ' ')}: add {part}:")
            topics = {t.id for t in unit.decisions}
            for k, live in enumerate(unit.live_topics):
                if live.topic not in topics:
                    self.reference(doc, ("live_topics", k, "topic"), live.topic, topics, "decision topic", "use an id from decisions:")

    def agenda_length(self, doc: Document, loc: Loc, agenda: list, sessions: Any) -> None:
        total = sum(item.minutes for item in agenda)
        if sessions is not None and total != sessions.minutes:
            self.problems.at(doc, loc, f"the agenda adds up to {total} minutes; the session is {sessions.minutes}")

    def numbering(self, info_doc: Document, units: list[tuple[Document, Unit]]) -> None:
        """Units are numbered 1, 2, 3, … with no gap and no repeat."""
        if not units:
            folder = info_doc.path[: -len(".yml")] + "/"
            self.problems.at(info_doc, ("id",), f"the program has no units: add {folder}<unit id>.yml")
        for expected, (doc, unit) in enumerate(units, 1):
            if unit.number != expected:
                self.problems.at(
                    doc,
                    ("number",),
                    f"units must be numbered 1, 2, 3, … in order: expected {expected}, found {unit.number}",
                )


def _load_programs(data_dir: Path, root: Path, problems: Problems) -> list[tuple[Document, ProgramInfo, list]]:
    """Each program file with its unit files, in unit-number order; nothing is cross-checked yet."""
    folder = data_dir / "programs"
    infos = load_folder(folder, root, ProgramInfo, problems)
    known = {info.id for _, info in infos}
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []:
        if sub.name not in known:
            problems.add(
                f"{display_path(sub, root)}/: a folder of units with no program file; "
                f"add {display_path(sub, root)}.yml or move the units"
            )
    return [
        (doc, info, sorted(load_folder(folder / info.id, root, Unit, problems), key=lambda pair: pair[1].number))
        for doc, info in infos
    ]


def load_handbook(data_dir: Path, root: Path | None = None, docs_dir: Path | None = None) -> Handbook:
    """Load every data file under ``data_dir`` or raise :class:`DataError` listing every problem.

    Every file is read and validated first; only when all are valid are the references between
    them checked, so one broken file gives one line, not a cascade. With ``docs_dir``,
    references to pages (frameworks, learning-path steps, assessment links) are checked too.
    """
    root = root or data_dir.parent
    problems = Problems()
    template_docs = load_folder(data_dir / "templates", root, Template, problems)
    program_docs = _load_programs(data_dir, root, problems)
    path_docs = load_folder(data_dir / "paths", root, LearningPath, problems)
    assessment_docs = load_folder(data_dir / "assessments", root, Assessment, problems)
    chooser_doc = _read_chooser(data_dir, root, problems)
    references = _registry(load_folder(data_dir / "references", root, ReferenceFile, problems), "references", problems)
    organisations = _registry(_load_file(data_dir / "organisations.yml", root, OrganisationFile, problems), "organisations", problems)
    case_docs = load_folder(data_dir / "cases", root, Case, problems)
    problems.stop_if_any()

    templates = {t.id: t for _, t in template_docs}
    frameworks = framework_ids(docs_dir) if docs_dir is not None else None
    checker = _Checker(problems, templates, frameworks, references, organisations)
    for doc, template in template_docs:
        checker.frameworks_named(doc, ("frameworks",), template.frameworks)
        if template.example is not None:
            checker.example(doc, ("example",), template.example)
    for doc, case in case_docs:
        for k, src in enumerate(case.illustrates):
            if docs_dir is not None and not (docs_dir / src).is_file():
                problems.at(doc, ("illustrates", k), f"no page docs/{src}")
    programs: dict[str, Program] = {}
    for info_doc, info, units in program_docs:
        checker.numbering(info_doc, units)
        checker.session(info, info_doc, units)
        for doc, unit in units:
            checker.unit(doc, unit)
        if units:
            programs[info.id] = Program(**dict(info), units=[unit for _, unit in units])
    paths = {path.id: path for _, path in path_docs}
    for doc, path in path_docs:
        for i, step in enumerate(path.steps):
            if docs_dir is not None and not (docs_dir / step.page).is_file():
                problems.at(doc, ("steps", i, "page"), f"no page docs/{step.page}")
    for doc, assessment in assessment_docs:
        _check_assessment(assessment, doc, docs_dir, problems)
    chooser = None
    if chooser_doc is not None:
        doc, chooser = chooser_doc
        _check_chooser(chooser, doc, paths, problems)
    problems.stop_if_any()
    handbook = Handbook(
        programs=programs,
        templates=templates,
        paths=paths,
        chooser=chooser,
        assessments={a.id: a for _, a in assessment_docs},
        references=references,
        organisations=organisations,
        cases={c.id: c for _, c in case_docs},
    )
    if chooser_doc is not None:
        unrouted = [combo for combo in handbook.answer_combinations() if handbook.route(combo) is None]
        if unrouted:
            problems.at(
                chooser_doc[0], (), f"routes: no rule matches the answers {unrouted[0]}; add a rule or a catch-all"
            )
            problems.stop_if_any()
    return handbook


def _load_file(path: Path, root: Path, model: type[M], problems: Problems) -> list[tuple[Document, M]]:
    """One optional YAML file validated against ``model``, as a one-item list (empty when absent)."""
    if not path.is_file():
        return []
    try:
        doc = parse_yaml(path, display_path(path, root))
        return [(doc, validate(doc, model))]
    except DataError as err:
        problems.absorb(err)
        return []


def _registry(files: list[tuple[Document, Any]], key: str, problems: Problems) -> dict[str, Any]:
    """Items listed under ``key`` in one or more files, by id; an id or a name may appear once."""
    items: dict[str, Any] = {}
    names: dict[str, str] = {}
    for doc, content in files:
        for k, item in enumerate(getattr(content, key)):
            if item.id in items:
                problems.at(doc, (key, k, "id"), f"duplicate id '{item.id}'; each entry appears once")
            name = getattr(item, "name", None)
            if name is not None and name in names:
                problems.at(doc, (key, k, "name"), f"'{name}' is already the name of '{names[name]}'; one name, one identity")
            items[item.id] = item
            if name is not None:
                names[name] = item.id
    return items


def _read_chooser(data_dir: Path, root: Path, problems: Problems) -> tuple[Document, Chooser] | None:
    path = data_dir / "chooser.yml"
    if not path.is_file():
        return None
    try:
        doc = parse_yaml(path, display_path(path, root))
        return doc, validate(doc, Chooser)
    except DataError as err:
        problems.absorb(err)
        return None


def _check_chooser(chooser: Chooser, doc: Document, paths: dict[str, LearningPath], problems: Problems) -> None:
    """Routes may only name real questions, answers and learning paths."""
    answers = {q.id: {a.id for a in q.answers} for q in chooser.questions}
    for i, rule in enumerate(chooser.routes):
        if rule.path not in paths:
            problems.at(doc, ("routes", i, "path"), f"no learning path '{rule.path}' in data/paths/")
        for question, answer in rule.when.items():
            loc: Loc = ("routes", i, "when", question)
            if question not in answers:
                problems.at(doc, loc, f"no question '{question}'")
            elif answer not in answers[question]:
                problems.at(doc, loc, f"'{answer}' is not an answer to '{question}'")


def _check_assessment(assessment: Assessment, doc: Document, docs_dir: Path | None, problems: Problems) -> None:
    """The scoring rules hold: bands tile the range (sum), choices name bands, levels are complete."""

    def at(loc: Loc, message: str) -> None:
        problems.at(doc, loc, message)

    band_ids = [band.id for band in assessment.bands]
    if len(set(band_ids)) != len(band_ids):
        at(("bands",), "band ids must be unique")
    item_ids = [item.id for item in assessment.items]
    if len(set(item_ids)) != len(item_ids):
        at(("items",), "item ids must be unique")
    for i, item in enumerate(assessment.items):
        if item.link and docs_dir is not None and not (docs_dir / item.link).is_file():
            at(("items", i, "link"), f"no page docs/{item.link}")
    needs_scale = assessment.scoring in ("sum", "levels")
    if needs_scale and assessment.scale is None:
        at(("scale",), f"'{assessment.scoring}' scoring needs a scale (min, max and their labels)")
        return
    if not needs_scale and assessment.scale is not None:
        at(("scale",), "'choice' scoring takes no scale; each choice names its band")
    if assessment.scale is not None and not 0 <= assessment.scale.min < assessment.scale.max <= 10:
        at(("scale",), "the scale must run upwards within 0 to 10")
    {"sum": _check_sum, "choice": _check_choice, "levels": _check_levels}[assessment.scoring](assessment, at)


def _check_sum(assessment: Assessment, at: Any) -> None:
    assert assessment.scale is not None
    high = len(assessment.items) * assessment.scale.max
    expected = len(assessment.items) * assessment.scale.min
    for k, band in enumerate(assessment.bands):
        if band.min is None or band.max is None:
            at(("bands", k), "with 'sum' scoring every band needs min and max (inclusive totals)")
            return
        if band.min != expected:
            what = "overlaps the previous band" if band.min < expected else "leaves a gap after the previous band"
            at(("bands", k, "min"), f"{band.min} {what}: expected {expected}")
        if band.max < band.min:
            at(("bands", k, "max"), f"max {band.max} is below min {band.min}")
        expected = band.max + 1
    if expected - 1 != high:
        at(("bands", len(assessment.bands) - 1, "max"), f"the last band must end at the highest total, {high}")
    for i, item in enumerate(assessment.items):
        if item.choices:
            at(("items", i, "choices"), "'sum' items are scored on the scale and take no choices")


def _check_choice(assessment: Assessment, at: Any) -> None:
    band_ids = {band.id for band in assessment.bands}
    for i, item in enumerate(assessment.items):
        if len(item.choices) < 2:
            at(("items", i, "choices"), "a choice item needs at least two choices")
        for j, choice in enumerate(item.choices):
            if choice.band is not None and choice.band not in band_ids:
                at(("items", i, "choices", j, "band"), f"no band '{choice.band}'")
    for k, band in enumerate(assessment.bands):
        if band.min is not None or band.max is not None:
            at(("bands", k), "'choice' bands take no min or max")


def _check_levels(assessment: Assessment, at: Any) -> None:
    if assessment.level_threshold is None:
        at(("level_threshold",), "'levels' scoring needs level_threshold")
    levels = [item.level for item in assessment.items]
    if None in levels:
        at(("items", levels.index(None), "level"), "with 'levels' scoring every item needs a level")
        return
    top = max(level for level in levels if level is not None)
    for level in range(1, top + 1):
        if levels.count(level) < 2:
            at(("items",), f"level {level} needs at least two items")
    if len(assessment.bands) != top:
        at(("bands",), f"{top} levels need exactly {top} bands, one per level, in order")
