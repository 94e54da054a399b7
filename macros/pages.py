"""Pages and their front matter: what ties a page to data, checked before anything renders.

A unit page's title comes from its data (``Week 1: Organisational foundations``): the front
matter must say the same, the page's ``#`` heading too if it has one, and the navigation takes
the label from the page. A template, assessment or learning-path page names its data item by
id and must live where the item's URL says.
"""

from __future__ import annotations

import copy
import datetime
import functools
from pathlib import Path
from typing import Any

import yaml

from .loader import Handbook, display_path
from .yamldata import Problems, did_you_mean

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ATTRIBUTE_UNSAFE = set('"<>&')  # Material writes titles and descriptions into attributes unescaped


def unit_src(program_id: str, unit_id: str) -> str:
    """Where a unit's page lives under ``docs/``."""
    return f"programs/{program_id}/{unit_id}.md"


def template_src(template_id: str) -> str:
    return f"templates/{template_id}.md"


def assessment_src(assessment_id: str) -> str:
    return f"assessments/{assessment_id}.md"


def path_src(path_id: str) -> str:
    return f"paths/{path_id}.md"


def case_src(case_id: str) -> str:
    return f"cases/{case_id}.md"


def front_matter(markdown: str) -> dict:
    """The YAML front matter of a Markdown page ({} when there is none or it is not a mapping)."""
    if not markdown.startswith("---\n"):
        return {}
    end = markdown.find("\n---", 4)
    if end == -1:
        return {}
    meta = load_meta(markdown[4:end])
    return meta if isinstance(meta, dict) else {}


def load_meta(text: str) -> Any:
    """The YAML ``text`` of a page's front matter as data: each page's is read by several
    macros and checks, and again by the preview after every data edit, so it is parsed once.
    A copy is returned, since the caller may change it."""
    return copy.deepcopy(_parse_meta(text))


@functools.lru_cache(maxsize=1024)  # more than docs/ holds; invalid YAML is raised again, not kept
def _parse_meta(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader


def first_heading(markdown: str) -> tuple[int, str] | None:
    """The line and text of the page's first ``# `` heading outside front matter and code fences."""
    fenced = False
    lines = markdown.splitlines()
    start = 0
    if lines and lines[0] == "---":
        start = next((i for i in range(1, len(lines)) if lines[i] in ("---", "...")), 0) + 1
    for number in range(start, len(lines)):
        line = lines[number]
        if line.startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and line.startswith("# "):
            return number + 1, line[2:].strip()
    return None


class _Page:
    """One page's front matter, with the line of each key for messages."""

    def __init__(self, path: Path, docs_dir: Path, root: Path, problems: Problems):
        self.src = path.relative_to(docs_dir).as_posix()
        self.display = display_path(path, root)
        self.text = path.read_text("utf-8")
        self.problems = problems
        self.meta: dict[str, Any] | None = None
        if not self.text.startswith("---\n"):
            self.say(1, "the page has no front matter; start it with --- and a title and description")
            return
        end = self.text.find("\n---", 4)
        try:
            meta = load_meta(self.text[4:end]) if end != -1 else None
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            self.say(mark.line + 2 if mark else 1, f"front matter is not valid YAML: {getattr(err, 'problem', err)}")
            return
        if not isinstance(meta, dict):
            self.say(1, "front matter must be key: value lines between two --- lines")
            return
        self.meta = meta

    def say(self, line: int, message: str) -> None:
        self.problems.add(f"{self.display}:{line}: {message}")

    def line_of(self, key: str) -> int:
        return next((n for n, line in enumerate(self.text.splitlines(), 1) if line.startswith(f"{key}:")), 1)

    def key_problem(self, key: str, message: str) -> None:
        self.say(self.line_of(key), f"{key}: {message}")


def _check_common(page: _Page, meta: dict) -> None:
    for key in ("title", "description", "owner"):
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            page.key_problem(key, f"every page needs a {key} in its front matter")
        elif key != "owner" and set(value) & ATTRIBUTE_UNSAFE:
            page.key_problem(key, 'may not contain " < > or &; the theme copies it into HTML attributes')
    if "draft" in meta and not isinstance(meta["draft"], bool):
        page.key_problem("draft", "must be true or false")
    if not isinstance(meta.get("reviewed"), datetime.date):
        page.key_problem("reviewed", "every page needs the date it was last reviewed, e.g. reviewed: 2026-11-21")


def _check_unit(page: _Page, meta: dict, handbook: Handbook) -> None:
    program_id = meta.get("program")
    if program_id not in handbook.programs:
        page.key_problem("program", f"no program '{program_id}' in data/programs/" + did_you_mean(
            str(program_id), set(handbook.programs)))
        return
    program = handbook.programs[program_id]
    number = meta.get("unit")
    if number is None:
        return  # a program's overview or packet page
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= len(program.units):
        page.key_problem("unit", f"front matter 'unit: {number}' must be a number from 1 to {len(program.units)}")
        return
    unit = program.units[number - 1]
    expected_src = unit_src(program.id, unit.id)
    if page.src != expected_src:
        page.key_problem("unit", f"{program.unit_label} {number} of '{program.id}' must live at docs/{expected_src}")
    heading = program.unit_heading(unit)
    if meta.get("title") != heading:
        page.key_problem(
            "title",
            f"must be \"{heading}\", the {program.unit_label.lower()}'s number and title in "
            f"data/programs/{program.id}/{unit.id}.yml (change the title there, then here)",
        )
    found = first_heading(page.text)
    if found and found[1] != heading:
        page.say(found[0], f'the page heading must be "# {heading}" (or leave it out: the title is shown)')


_DATA_KEYS = (
    ("template_id", "templates", template_src, "data/templates/"),
    ("path_id", "paths", path_src, "data/paths/"),
    ("assessment_id", "assessments", assessment_src, "data/assessments/"),
    ("case_id", "cases", case_src, "data/cases/"),
)


def check_pages(handbook: Handbook, docs_dir: Path, root: Path) -> list[str]:
    """Every page's front matter is complete, and what ties a page to data names real data."""
    problems = Problems()
    for path in sorted(docs_dir.rglob("*.md")):
        page = _Page(path, docs_dir, root, problems)
        if page.meta is None:
            continue
        _check_common(page, page.meta)
        if "program" in page.meta:
            _check_unit(page, page.meta, handbook)
        for key, kind, src_of, folder in _DATA_KEYS:
            value = page.meta.get(key)
            if value is None:
                continue
            known = getattr(handbook, kind)
            if value not in known:
                page.key_problem(key, f"no '{value}' in {folder}" + did_you_mean(str(value), set(known)))
            elif page.src != src_of(value):
                page.key_problem(key, f"the page for '{value}' must be docs/{src_of(value)}")
            elif key == "case_id" and page.meta.get("title") != handbook.cases[value].title:
                page.key_problem("title", f'must be "{handbook.cases[value].title}", the title in data/cases/{value}.yml')
        cases = handbook.cases_for(page.src)
        if cases and "{{ related_cases() }}" not in page.text:
            page.say(1, f"the case '{cases[0].id}' illustrates this page; add a section with {{{{ related_cases() }}}}")
    return problems.lines


def check_nav(nav: Any, handbook: Handbook) -> list[str]:
    """A unit's navigation label, where one is written, must be the unit's title from data."""
    titles = {unit_src(p.id, u.id): p.unit_heading(u) for p, u in handbook.units()}
    problems = []

    def walk(item: Any) -> None:
        if isinstance(item, list):
            for child in item:
                walk(child)
        elif isinstance(item, dict):
            for label, value in item.items():
                if isinstance(value, str) and value in titles and label != titles[value]:
                    problems.append(
                        f'mkdocs.yml: nav: "{label}" for {value} must be "{titles[value]}", or drop the '
                        "label and let the page title show"
                    )
                walk(value)

    walk(nav)
    return problems
