"""Skeletons for new content: one data entry and one page, added to the navigation, building green.

Every skeleton page is marked ``draft: true``: readers see a "draft" notice and the content
promises (word counts, "used by a unit") wait until the draft mark is removed. Called by
``scripts/handbook.py new KIND …``.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
UNSAFE_TITLE = set('"<>&{}:#')


class ScaffoldError(ValueError):
    """Why a skeleton cannot be created, as one line."""


def check_name(slug: str, title: str) -> None:
    if not SLUG.match(slug):
        raise ScaffoldError(f"'{slug}' is not a valid id: use lowercase letters, digits and single hyphens")
    if set(title) & UNSAFE_TITLE:
        raise ScaffoldError("the title may not contain quotes, angle brackets, &, braces, colons or #")


def _new_files(root: Path, *paths: Path) -> None:
    for path in paths:
        if path.exists():
            raise ScaffoldError(f"{path.relative_to(root)} already exists")
        path.parent.mkdir(parents=True, exist_ok=True)


def _front_matter(title: str, description: str, tags: list[str], owner: str, **keys: object) -> str:
    lines = ["---", f'title: "{title}"', "description: >-", f"  {description}", "tags:"]
    lines += [f"  - {tag}" for tag in tags]
    lines += [f"owner: {owner}", f"reviewed: {datetime.date.today().isoformat()}", "draft: true"]
    lines += [f"{key}: {value}" for key, value in keys.items()]
    return "\n".join(lines) + "\n---\n\n"


def insert_nav(config: Path, after: str, entry: str) -> None:
    """Add the nav line ``entry`` after the last nav line that mentions ``after``, at its indent."""
    lines = config.read_text("utf-8").splitlines()
    matches = [i for i, line in enumerate(lines) if line.strip().startswith("- ") and after in line]
    if not matches:
        raise ScaffoldError(f"mkdocs.yml: no nav entry mentions {after}; add the page to nav by hand")
    anchor = lines[matches[-1]]
    indent = anchor[: len(anchor) - len(anchor.lstrip())]
    lines.insert(matches[-1] + 1, f"{indent}- {entry}")
    config.write_text("\n".join(lines) + "\n", "utf-8")


# --- a unit -------------------------------------------------------------------------------------

HEADINGS = {
    "decisions": "Decisions",
    "discussion": "Discussion",
    "skills": "Skills to develop",
    "exercises": "Practice exercises",
    "interview_prompts": "Interview prompts",
    "homework": "Homework",
    "checklist": "Checklist",
    "cases": "Real cases",
    "reading": "Further reading",
    "agenda": "Timed agenda",
}
UNIT_MACROS = {
    "Week": ["discussion", "homework", "checklist", "cases", "reading", "agenda"],
    "Module": ["decisions", "discussion", "homework", "checklist", "cases", "reading"],
    "Competency": ["skills", "exercises", "interview_prompts", "homework", "checklist", "cases", "reading"],
}


def session_kit(minutes: int) -> str:
    """A session kit skeleton whose agenda already adds up to the program's session length."""
    return (
        "agenda:\n  - minutes: 15\n    activity: Opening\n    prompt: What do we want to leave this session with?\n"
        f"  - minutes: {minutes - 30}\n    activity: The main exercise\n    prompt: The question the room works on.\n"
        "  - minutes: 15\n    activity: Close\n    prompt: What will each of us do before next time?\n"
        "facilitation:\n  - How to run the main exercise, and what to watch for.\n"
        "prepare:\n  - What the facilitator prepares.\n"
        "participants_prepare:\n  - What participants prepare.\n"
    )


def new_unit(root: Path, program_id: str, title: str, unit_id: str | None = None) -> list[Path]:
    """The next unit of ``program_id``: ``data/programs/<program>/<unit>.yml`` and its page."""
    import sys

    sys.path.insert(0, str(root))
    from macros.loader import load_handbook

    book = load_handbook(root / "data", root, root / "docs")
    if program_id not in book.programs:
        raise ScaffoldError(f"no program '{program_id}'; programs: {', '.join(book.programs)}")
    program = book.programs[program_id]
    number = len(program.units) + 1
    unit_id = unit_id or f"{program.unit_label.lower()}-{number}"
    check_name(unit_id, title)
    data = root / "data" / "programs" / program_id / f"{unit_id}.yml"
    page = root / "docs" / "programs" / program_id / f"{unit_id}.md"
    _new_files(root, data, page)
    data.write_text(
        f"number: {number}\nid: {unit_id}\ntitle: {title}\n"
        "focus: >-\n  What this unit is about and why it matters, in two or three sentences.\n"
        "goals:\n  - What a participant can do at the end of the unit.\n"
        "discussion:\n  - A question the group works through, tied to their own work.\n"
        "homework:\n  title: A short title for the homework\n"
        "  description: >-\n    What to do, what to bring back, and how long it takes.\n"
        "checklist:\n  - id: prepare\n    phase: before\n    text: The first thing to do before the session.\n"
        + (session_kit(program.sessions.minutes) if program.sessions and not program.peer_session else ""),
        "utf-8",
    )
    heading = f"{program.unit_label} {number}: {title}"
    sections = "".join(
        f"## {HEADINGS[name]}\n\n{{{{ {'related_cases' if name == 'cases' else 'unit_' + name}() }}}}\n\n"
        for name in UNIT_MACROS[program.unit_label]
    )
    page.write_text(
        _front_matter(heading, f"One sentence on what {title.lower()} covers.", ["Execution", "Strategy"], "programs",
                      program=program_id, unit=number)
        + "{{ unit_focus() }}\n\n## Goals\n\n{{ unit_goals() }}\n\n## Key ideas\n\n"
        "Write the unit's key ideas here, in your own words: what each idea is, when it helps, how to apply it, "
        "its pitfalls and an example.\n\n" + sections,
        "utf-8",
    )
    after = f"programs/{program_id}/{program.units[-1].id}.md"
    insert_nav(root / "mkdocs.yml", after, f"programs/{program_id}/{unit_id}.md")
    return [data, page]


# --- a template, an assessment, a framework page -----------------------------------------------


def new_template(root: Path, slug: str, title: str) -> list[Path]:
    check_name(slug, title)
    data, page = root / "data" / "templates" / f"{slug}.yml", root / "docs" / "templates" / f"{slug}.md"
    _new_files(root, data, page)
    data.write_text(
        f"id: {slug}\ntitle: {title}\ncategory: plan\nversion: 0.1.0\n"
        "summary: One line on what the document is for.\n"
        "purpose: >-\n  What the document helps a reader decide or do, and for whom.\n"
        "when_to_use:\n  - The situation in which the document earns its keep.\n"
        "when_not_to_use:\n  - The situation in which it is overkill.\n"
        "how_to_fill:\n  - The first step of filling it in.\n  - The second step.\n"
        "sections:\n  - heading: Context\n    prompts:\n      - What question does this section answer?\n"
        "    body: |\n      - **Situation:** {what is happening}\n"
        "  - heading: Next steps\n    prompts:\n      - What happens next, and who does it?\n"
        "    required: false\n    minimal: false\n    body: |\n      - {action}, owned by {name}, by {date}\n"
        "example:\n  text: >-\n    A short worked example. Invented examples name an organisation from\n"
        "    data/organisations.yml with org:, or none.\n"
        "mistakes:\n  - A common mistake people make with this document.\n",
        "utf-8",
    )
    page.write_text(
        _front_matter(f"{title} template", f"One sentence on what the {title.lower()} is for.",
                      ["Strategy", "Execution"], "templates", template_id=slug)
        + f"# {title}\n\n{{{{ template_purpose() }}}}\n\n{{{{ template_when() }}}}\n\n## How to fill it in\n\n"
        "{{ template_how() }}\n\n## The template\n\n{{ template_block() }}\n\n### Minimal version\n\n"
        '{{ template_block("minimal") }}\n\n## Fill it in here\n\n{{ template_form() }}\n\n'
        "## Worked example\n\n{{ template_example() }}\n\n"
        "## Common mistakes\n\n{{ template_mistakes() }}\n\n## Real cases\n\n{{ related_cases() }}\n\n"
        "## Where this is used\n\n{{ template_where_used() }}\n",
        "utf-8",
    )
    insert_nav(root / "mkdocs.yml", "templates/", f'"{title}": templates/{slug}.md')
    return [data, page]


def new_assessment(root: Path, slug: str, title: str) -> list[Path]:
    check_name(slug, title)
    data, page = root / "data" / "assessments" / f"{slug}.yml", root / "docs" / "assessments" / f"{slug}.md"
    _new_files(root, data, page)
    band = "    meaning: >-\n      What this result says about you.\n    next: >-\n      What to work on next.\n"
    data.write_text(
        f"id: {slug}\ntitle: {title}\nsummary: >-\n  One sentence on what the assessment tells a reader.\n"
        "scoring: sum\nscale:\n  min: 1\n  max: 5\n  low_label: Not yet\n  high_label: Consistently\n"
        "items:\n  - id: first\n    label: The first statement the reader scores.\n"
        "  - id: second\n    label: The second statement the reader scores.\n"
        f"bands:\n  - id: early\n    label: Early (2 to 5)\n    min: 2\n    max: 5\n{band}"
        f"  - id: established\n    label: Established (6 to 10)\n    min: 6\n    max: 10\n{band}",
        "utf-8",
    )
    page.write_text(
        _front_matter(title, f"One sentence on what the {title.lower()} tells you.",
                      ["Measurement", "Career growth"], "assessments", assessment_id=slug)
        + f"# {title}\n\nWhat the assessment is for, how to answer honestly, and how long it takes.\n\n"
        "## Your answers\n\n{{ assessment() }}\n\n## How the result is read\n\n{{ assessment_bands() }}\n",
        "utf-8",
    )
    insert_nav(root / "mkdocs.yml", "assessments/", f'"{title}": assessments/{slug}.md')
    return [data, page]


def new_framework(root: Path, slug: str, title: str) -> list[Path]:
    check_name(slug, title)
    page = root / "docs" / "frameworks" / f"{slug}.md"
    _new_files(root, page)
    sections = ["The idea", "When it helps", "How to apply it", "Pitfalls", "Example"]
    body = "".join(f"## {name}\n\nWrite this section in your own words.\n\n" for name in sections)
    page.write_text(
        _front_matter(title, f"One sentence on what {title} helps a leader do.", ["Strategy", "Decision-making"],
                      "frameworks")
        + f"# {title}\n\nA one-paragraph summary.\n\n{body}"
        "## Where this is used\n\n{{ framework_where_used() }}\n\n## Real cases\n\n{{ related_cases() }}\n\n"
        "## Sources\n\n- Cite each source from data/references/ with the cite macro.\n",
        "utf-8",
    )
    insert_nav(root / "mkdocs.yml", "frameworks/", f'"{title}": frameworks/{slug}.md')
    return [page]


def new_case(root: Path, slug: str, title: str) -> list[Path]:
    """A real case: ``data/cases/<id>.yml`` to fill in from its published sources, and its page."""
    check_name(slug, title)
    data, page = root / "data" / "cases" / f"{slug}.yml", root / "docs" / "cases" / f"{slug}.md"
    _new_files(root, data, page)
    today = datetime.date.today().isoformat()
    data.write_text(
        f"id: {slug}\ntitle: {title}\norganisation: The organisation's name\nkind: incident\ndate: {today}\n"
        "summary: >-\n  One or two sentences: what happened and why it matters to a technical leader.\n"
        "what_happened: >-\n  A factual paragraph in your own words, with the numbers the sources give.\n"
        "decisions:\n  - >-\n    A decision leaders faced, the options they had, and what they chose.\n"
        "what_changed: >-\n  What the organisation changed afterwards, according to the sources.\n"
        "lessons:\n  - >-\n    A question for the reader's own organisation.\n"
        "sources:\n  - title: The published postmortem, report or final notice\n    publisher: Who published it\n"
        f"    year: {today[:4]}\n    url: https://example.org/replace-with-the-source\n    primary: true\n"
        "illustrates:\n  - frameworks/incident-lifecycle.md\n"
        f"checked: {today}\n",
        "utf-8",
    )
    page.write_text(
        _front_matter(title, "One sentence on what happened.", ["Incidents", "Risk"], "cases", case_id=slug)
        + f"# {title}\n\n{{{{ case_story() }}}}\n",
        "utf-8",
    )
    insert_nav(root / "mkdocs.yml", "cases/", f"cases/{slug}.md")
    return [data, page]
