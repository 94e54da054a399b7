"""Load and validate ``data/``: YAML in, typed models out, or one clear line per problem.

Every problem is reported as ``file:line: field: what is wrong`` (plus a hint where the fix
is obvious), never as a traceback. The YAML reader keeps the line of every value so that
model errors can point at the right line, refuses aliases (they are never needed in this
data and make "billion laughs" documents possible), and refuses files that are too large
or not UTF-8.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .model import Assessment, Chooser, LearningPath, Program, Template, Unit

MAX_FILE_BYTES = 512 * 1024

Loc = tuple[str | int, ...]


class DataError(Exception):
    """One or more problems in the data, each a single printable line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


def format_loc(loc: Loc) -> str:
    """``('units', 2, 'homework')`` -> ``units[2].homework``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


# --- YAML with line numbers ---------------------------------------------------------------


# libyaml's parser when PyYAML was built with it (about ten times faster), else pure Python.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ALIAS = re.compile(r"(?:^|[\s\[{,:-])\*[^\s,\]}]+", re.M)


class _AliasRefused(Exception):
    """Aliases are refused: never needed in this data, and the way to a 'billion laughs' file."""


@dataclass
class Document:
    """A parsed YAML file: its plain data and the line of every value in it."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """The line of ``loc`` or of the nearest enclosing value that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


def _plain(node: yaml.Node, loader: Any, loc: Loc, doc: Document, seen: set[int]) -> Any:
    """Plain data from a composed node tree, recording the line of every value.

    An alias makes the composer reuse a node object, so meeting a node twice means an alias:
    it is refused there, before anything is expanded.
    """
    if id(node) in seen:
        raise _AliasRefused
    seen.add(id(node))
    doc.lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key_line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                raise DataError([str(Problem(doc.path, key_line, format_loc(loc), f"key {key!r} must be text"))])
            if key in result:
                problem = Problem(
                    doc.path, key_line, format_loc(loc + (key,)), "this key appears twice in the same block; keep one"
                )
                raise DataError([str(problem)])
            result[key] = _plain(value_node, loader, loc + (key,), doc, seen)
            doc.lines[loc + (key,)] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, loader, loc + (i,), doc, seen) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def parse_yaml(path: Path, display: str) -> Document:
    """Read one YAML file into a :class:`Document`, or raise :class:`DataError`."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(
            [f"{display}:1: file is {len(raw):,} bytes, over the {MAX_FILE_BYTES:,}-byte limit; split it up"]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError(
            [f"{display}:{line}: file is not UTF-8 (byte 0x{raw[err.start]:02x}); save it as UTF-8"]
        ) from None
    doc = Document(display, None)
    loader = None
    try:
        loader = _Loader(text)  # the reader already refuses control characters here
        node = loader.get_single_node()
        if node is None:
            raise DataError([f"{display}:1: file is empty; it must hold one YAML mapping"])
        doc.data = _plain(node, loader, (), doc, set())
    except _AliasRefused:
        alias = _ALIAS.search(text)
        line = text[: alias.start()].count("\n") + 1 + (text[alias.start()] == "\n") if alias else 1
        raise DataError(
            [f"{display}:{line}: YAML aliases (*name) are not allowed in handbook data; write the value out in full"]
        ) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = err.problem or err.context or "invalid YAML"
        if err.context and err.context_mark and err.context_mark.line + 1 != line:
            what += f" ({err.context} that starts on line {err.context_mark.line + 1})"
        raise DataError([f"{display}:{line}: YAML syntax error: {what}"]) from None
    except yaml.reader.ReaderError as err:
        line = text[: err.position].count("\n") + 1
        code = err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or " ")
        raise DataError(
            [f"{display}:{line}: control character U+{code:04X} is not allowed in YAML; remove it"]
        ) from None
    except yaml.YAMLError as err:
        raise DataError([f"{display}:1: YAML syntax error: {' '.join(str(err).split())}"]) from None
    finally:
        if loader is not None:
            loader.dispose()
    if not isinstance(doc.data, dict):
        raise DataError(
            [f"{display}:1: the file must hold one YAML mapping (key: value), not {type(doc.data).__name__}"]
        )
    return doc


# --- model validation -----------------------------------------------------------------------


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that owns the field at ``loc`` (for 'did you mean' hints)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if isinstance(current, type) else None
        if info is None:
            return None
        annotation = info.annotation
        args = getattr(annotation, "__args__", ()) or (annotation,)
        nested = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        if not nested:
            inner = [getattr(a, "__args__", ()) for a in args]
            nested = [x for group in inner for x in group if isinstance(x, type) and issubclass(x, BaseModel)]
        if not nested:
            return None
        current = nested[0]
    return current if isinstance(current, type) else None


_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a mapping (key: value lines)",
    "model_type": "a mapping (key: value lines)",
}


def _describe(error: dict[str, Any], model: type[BaseModel]) -> str:
    kind = error["type"]
    loc = error["loc"]
    if kind == "missing":
        return "field required; add it"
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        name = str(loc[-1])
        hint = ""
        if owner is not None:
            close = difflib.get_close_matches(name, list(owner.model_fields), n=1)
            if close:
                hint = f"; did you mean '{close[0]}'?"
            else:
                hint = f"; allowed fields: {', '.join(owner.model_fields)}"
        return f"unknown field '{name}'{hint}"
    if kind in _TYPE_WORDS:
        return f"must be {_TYPE_WORDS[kind]}, got {type(error.get('input')).__name__} {error.get('input')!r:.60}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_pattern_mismatch":
        if "a-z0-9" in str(error.get("ctx", {}).get("pattern", "")):
            return f"{error.get('input')!r} is not a valid id: use lowercase letters, digits and single hyphens, e.g. 'decision-matrix'"
        if "https" in str(error.get("ctx", {}).get("pattern", "")):
            return f"{error.get('input')!r} is not an https:// URL"
        return f"{error.get('input')!r} has the wrong form (expected e.g. 1.0.0)"
    if kind == "too_short":
        return f"needs at least {error['ctx']['min_length']} item(s)"
    if kind == "literal_error":
        return f"{error.get('input')!r} is not one of {error['ctx']['expected']}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return error["msg"].lower()
    return error["msg"][0].lower() + error["msg"][1:]


def validate(doc: Document, model: type[BaseModel]) -> BaseModel:
    try:
        return model.model_validate(doc.data)
    except ValidationError as err:
        errors = err.errors(include_url=False)
        # A misspelt field shows up twice: as unknown ('tilte') and as missing ('title').
        # Report only the misspelling, which carries the 'did you mean' hint.
        misspelt = set()
        for error in errors:
            if error["type"] == "extra_forbidden":
                owner = _model_at(model, tuple(error["loc"]))
                close = difflib.get_close_matches(str(error["loc"][-1]), list(owner.model_fields) if owner else [], n=1)
                if close:
                    misspelt.add(tuple(error["loc"][:-1]) + (close[0],))
        problems = []
        for error in errors:
            loc = tuple(error["loc"])
            if error["type"] == "missing" and loc in misspelt:
                continue
            problems.append(str(Problem(doc.path, doc.line_of(loc), format_loc(loc), _describe(error, model))))
        raise DataError(problems) from None


# --- the whole data set ---------------------------------------------------------------------


@dataclass(frozen=True)
class Handbook:
    """Every program and template, validated and cross-checked."""

    programs: dict[str, Program]
    templates: dict[str, Template]
    sources: dict[str, str]  # id -> data file it came from
    paths: dict[str, LearningPath] = field(default_factory=dict)
    chooser: Chooser | None = None
    assessments: dict[str, Assessment] = field(default_factory=dict)

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

    def where_used(self, template_id: str) -> list[tuple[Program, Unit]]:
        """Every unit that references ``template_id``, in program and unit order."""
        return [
            (program, unit)
            for program in self.programs.values()
            for unit in program.units
            if template_id in unit.templates or unit.homework.template == template_id
        ]

    def framework_uses(self, framework_id: str) -> tuple[list[tuple[Program, Unit]], list[Template]]:
        """The units and templates that name ``framework_id``."""
        units = [(p, u) for p in self.programs.values() for u in p.units if framework_id in u.frameworks]
        templates = [t for t in self.templates.values() if framework_id in t.frameworks]
        return units, templates


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())


def _check_frameworks(refs: list[tuple[Loc, str]], doc: Document, frameworks: set[str] | None) -> list[str]:
    """Every framework a unit or template names must have a page in docs/frameworks/."""
    if frameworks is None:
        return []
    problems = []
    for loc, ref in refs:
        if ref not in frameworks:
            close = difflib.get_close_matches(ref, sorted(frameworks), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; write docs/frameworks/{ref}.md or fix the id"
            problems.append(
                str(Problem(doc.path, doc.line_of(loc), format_loc(loc), f"unknown framework '{ref}'{hint}"))
            )
    return problems


def _check_program(
    program: Program, doc: Document, templates: dict[str, Template], frameworks: set[str] | None = None
) -> list[str]:
    problems: list[str] = []

    def at(loc: Loc, message: str) -> None:
        problems.append(str(Problem(doc.path, doc.line_of(loc), format_loc(loc), message)))

    unit_ids: dict[str, int] = {}
    for i, unit in enumerate(program.units):
        if unit.number != i + 1:
            at(
                ("units", i, "number"),
                f"units must be numbered 1, 2, 3, … in order: expected {i + 1}, found {unit.number}",
            )
        if unit.id in unit_ids:
            at(("units", i, "id"), f"duplicate unit id '{unit.id}' (also units[{unit_ids[unit.id]}])")
        unit_ids.setdefault(unit.id, i)
        item_ids: dict[str, int] = {unit.homework.id: -1}
        for j, item in enumerate(unit.checklist):
            if item.id in item_ids:
                at(("units", i, "checklist", j, "id"), f"duplicate checklist id '{item.id}' in this unit")
            item_ids.setdefault(item.id, j)
        refs: list[tuple[Loc, str]] = [(("units", i, "templates", k), t) for k, t in enumerate(unit.templates)]
        if unit.homework.template:
            refs.append((("units", i, "homework", "template"), unit.homework.template))
        for loc, ref in refs:
            if ref not in templates:
                close = difflib.get_close_matches(ref, list(templates), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f"; add data/templates/{ref}.yml or fix the id"
                at(loc, f"unknown template '{ref}'{hint}")
        problems.extend(
            _check_frameworks(
                [(("units", i, "frameworks", k), f) for k, f in enumerate(unit.frameworks)], doc, frameworks
            )
        )
        topic_ids: set[str] = set()
        for k, topic in enumerate(unit.decisions):
            if topic.id in topic_ids:
                at(("units", i, "decisions", k, "id"), f"duplicate decision topic id '{topic.id}' in this unit")
            topic_ids.add(topic.id)
    return problems


def _load_kind(
    data_dir: Path, root: Path, kind: str, model: type[BaseModel], problems: list[str]
) -> list[tuple[Document, Any]]:
    loaded = []
    for path in _yaml_files(data_dir / kind):
        try:
            display = path.relative_to(root).as_posix()
        except ValueError:
            display = path.as_posix()
        try:
            doc = parse_yaml(path, display)
            loaded.append((doc, validate(doc, model)))
        except DataError as err:
            problems.extend(err.problems)
    return loaded


def framework_ids(docs_dir: Path) -> set[str]:
    """The frameworks that have a page: ``docs/frameworks/<id>.md``."""
    folder = docs_dir / "frameworks"
    return {p.stem for p in folder.glob("*.md") if p.stem != "index"} if folder.is_dir() else set()


def load_handbook(data_dir: Path, root: Path | None = None, docs_dir: Path | None = None) -> Handbook:
    """Load every data file under ``data_dir`` or raise :class:`DataError` listing every problem.

    With ``docs_dir``, references to frameworks are checked against the framework pages too.
    """
    root = root or data_dir.parent
    frameworks = framework_ids(docs_dir) if docs_dir is not None else None
    problems: list[str] = []
    template_docs: list[tuple[Document, Template]] = _load_kind(data_dir, root, "templates", Template, problems)
    program_docs: list[tuple[Document, Program]] = _load_kind(data_dir, root, "programs", Program, problems)
    if problems:
        raise DataError(problems)

    sources: dict[str, str] = {}
    templates: dict[str, Template] = {}
    programs: dict[str, Program] = {}
    for doc, item in [*template_docs, *program_docs]:
        line = doc.line_of(("id",))
        if item.id != Path(doc.path).stem:
            problems.append(f"{doc.path}:{line}: id: id '{item.id}' must match the file name '{Path(doc.path).stem}'")
        if item.id in sources:
            problems.append(
                f"{doc.path}:{line}: id: duplicate id '{item.id}', already used in {sources[item.id]}; "
                "ids must be unique across data/"
            )
            continue
        sources[item.id] = doc.path
        if isinstance(item, Template):
            templates[item.id] = item
        else:
            programs[item.id] = item
    for doc, template in template_docs:
        problems.extend(
            _check_frameworks([(("frameworks", k), f) for k, f in enumerate(template.frameworks)], doc, frameworks)
        )
    for doc, program in program_docs:
        problems.extend(_check_program(program, doc, templates, frameworks))
    paths: dict[str, LearningPath] = {}
    for doc, path in _load_kind(data_dir, root, "paths", LearningPath, problems):
        if path.id != Path(doc.path).stem:
            problems.append(
                f"{doc.path}:{doc.line_of(('id',))}: id: id '{path.id}' must match the file name '{Path(doc.path).stem}'"
            )
        paths[path.id] = path
        if docs_dir is not None:
            for i, step in enumerate(path.steps):
                if not (docs_dir / step.page).is_file():
                    loc = ("steps", i, "page")
                    problems.append(
                        str(Problem(doc.path, doc.line_of(loc), format_loc(loc), f"no page docs/{step.page}"))
                    )
    assessments: dict[str, Assessment] = {}
    for doc, assessment in _load_kind(data_dir, root, "assessments", Assessment, problems):
        if assessment.id != Path(doc.path).stem:
            problems.append(
                f"{doc.path}:{doc.line_of(('id',))}: id: id '{assessment.id}' must match the file name '{Path(doc.path).stem}'"
            )
        problems.extend(_check_assessment(assessment, doc, docs_dir))
        assessments[assessment.id] = assessment
    chooser = None
    chooser_file = data_dir / "chooser.yml"
    if chooser_file.is_file():
        display = (
            chooser_file.relative_to(root).as_posix() if chooser_file.is_relative_to(root) else chooser_file.as_posix()
        )
        try:
            doc = parse_yaml(chooser_file, display)
            chooser = validate(doc, Chooser)
            problems.extend(_check_chooser(chooser, doc, paths))
        except DataError as err:
            problems.extend(err.problems)
    if problems:
        raise DataError(problems)
    handbook = Handbook(
        programs=programs, templates=templates, sources=sources, paths=paths, chooser=chooser, assessments=assessments
    )
    if chooser is not None:
        unrouted = [combo for combo in handbook.answer_combinations() if handbook.route(combo) is None]
        if unrouted:
            raise DataError(
                [f"{display}:1: routes: no rule matches the answers {unrouted[0]}; add a rule or a catch-all"]
            )
    return handbook


def _check_assessment(assessment: Assessment, doc: Document, docs_dir: Path | None) -> list[str]:
    """The scoring rules hold: bands tile the range (sum), choices name bands, levels are complete."""
    problems: list[str] = []

    def at(loc: Loc, message: str) -> None:
        problems.append(str(Problem(doc.path, doc.line_of(loc), format_loc(loc), message)))

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
        return problems
    if not needs_scale and assessment.scale is not None:
        at(("scale",), "'choice' scoring takes no scale; each choice names its band")
    if assessment.scale is not None and not 0 <= assessment.scale.min < assessment.scale.max <= 10:
        at(("scale",), "the scale must run upwards within 0 to 10")
    if assessment.scoring == "sum":
        assert assessment.scale is not None
        low, high = len(item_ids) * assessment.scale.min, len(item_ids) * assessment.scale.max
        expected = low
        for k, band in enumerate(assessment.bands):
            if band.min is None or band.max is None:
                at(("bands", k), "with 'sum' scoring every band needs min and max (inclusive totals)")
                return problems
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
    elif assessment.scoring == "choice":
        for i, item in enumerate(assessment.items):
            if len(item.choices) < 2:
                at(("items", i, "choices"), "a choice item needs at least two choices")
            for j, choice in enumerate(item.choices):
                if choice.band not in band_ids:
                    at(("items", i, "choices", j, "band"), f"no band '{choice.band}'")
        for k, band in enumerate(assessment.bands):
            if band.min is not None or band.max is not None:
                at(("bands", k), "'choice' bands take no min or max")
    else:
        if assessment.level_threshold is None:
            at(("level_threshold",), "'levels' scoring needs level_threshold")
        levels = [item.level for item in assessment.items]
        if None in levels:
            at(("items", levels.index(None), "level"), "with 'levels' scoring every item needs a level")
            return problems
        top = max(levels)  # type: ignore[type-var]
        for level in range(1, top + 1):
            if levels.count(level) < 2:
                at(("items",), f"level {level} needs at least two items")
        if len(assessment.bands) != top:
            at(("bands",), f"{top} levels need exactly {top} bands, one per level, in order")
    return problems


def _check_chooser(chooser: Chooser, doc: Document, paths: dict[str, LearningPath]) -> list[str]:
    """Routes may only name real questions, answers and learning paths."""
    problems = []
    answers = {q.id: {a.id for a in q.answers} for q in chooser.questions}
    for i, rule in enumerate(chooser.routes):
        if rule.path not in paths:
            loc: Loc = ("routes", i, "path")
            problems.append(
                str(
                    Problem(
                        doc.path, doc.line_of(loc), format_loc(loc), f"no learning path '{rule.path}' in data/paths/"
                    )
                )
            )
        for question, answer in rule.when.items():
            loc = ("routes", i, "when", question)
            if question not in answers:
                problems.append(str(Problem(doc.path, doc.line_of(loc), format_loc(loc), f"no question '{question}'")))
            elif answer not in answers[question]:
                problems.append(
                    str(
                        Problem(
                            doc.path, doc.line_of(loc), format_loc(loc), f"'{answer}' is not an answer to '{question}'"
                        )
                    )
                )
    return problems


# --- page front matter ----------------------------------------------------------------------

PAGE_KEYS = ("program", "unit", "template_id", "path_id", "assessment_id")


def check_pages(handbook: Handbook, docs_dir: Path, root: Path) -> list[str]:
    """Front matter that ties a page to data must name real data, and the page must sit where it belongs."""
    from .render import template_src, unit_src

    problems: list[str] = []
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        display = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        text = path.read_text("utf-8")
        if not text.startswith("---\n"):
            problems.append(f"{display}:1: the page has no front matter; start it with --- and a title and description")
            continue
        end = text.find("\n---", 4)
        try:
            meta = yaml.load(text[4:end], Loader=_Loader) if end != -1 else None  # noqa: S506 - a safe loader
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = mark.line + 2 if mark else 1
            problems.append(f"{display}:{line}: front matter is not valid YAML: {getattr(err, 'problem', err)}")
            continue
        if not isinstance(meta, dict):
            problems.append(f"{display}:1: front matter must be key: value lines between two --- lines")
            continue

        def line_of(key: str, text: str = text) -> int:
            for number, line in enumerate(text.splitlines(), 1):
                if line.startswith(f"{key}:"):
                    return number
            return 1

        for key in ("title", "description", "owner"):
            if not isinstance(meta.get(key), str) or not meta[key].strip():
                problems.append(f"{display}:{line_of(key)}: {key}: every page needs a {key} in its front matter")
        if not isinstance(meta.get("reviewed"), datetime.date):
            problems.append(
                f"{display}:{line_of('reviewed')}: reviewed: every page needs the date it was last reviewed, e.g. reviewed: 2026-11-21"
            )
        program_id = meta.get("program")
        if program_id is not None:
            if program_id not in handbook.programs:
                problems.append(f"{display}:{line_of('program')}: program: no program '{program_id}' in data/programs/")
                continue
            program = handbook.programs[program_id]
            unit = meta.get("unit")
            if unit is not None:
                if not isinstance(unit, int) or isinstance(unit, bool) or not 1 <= unit <= len(program.units):
                    problems.append(
                        f"{display}:{line_of('unit')}: unit: front matter 'unit: {unit}' must be a number "
                        f"from 1 to {len(program.units)}"
                    )
                elif src != unit_src(program, program.units[unit - 1]):
                    expected = unit_src(program, program.units[unit - 1])
                    problems.append(
                        f"{display}:{line_of('unit')}: unit: {program.unit_label} {unit} of '{program_id}' must live at docs/{expected}"
                    )
        for key, known, kind in (
            ("template_id", handbook.templates, "data/templates/"),
            ("path_id", handbook.paths, "data/paths/"),
            ("assessment_id", handbook.assessments, "data/assessments/"),
        ):
            value = meta.get(key)
            if value is not None and value not in known:
                close = difflib.get_close_matches(str(value), list(known), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                problems.append(f"{display}:{line_of(key)}: {key}: no '{value}' in {kind}{hint}")
        template_id = meta.get("template_id")
        if template_id in handbook.templates and src != template_src(template_id):
            problems.append(
                f"{display}:{line_of('template_id')}: template_id: the page for '{template_id}' must be docs/{template_src(template_id)}"
            )
    return problems
