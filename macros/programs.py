"""Programs: the macros of unit and overview pages, and the renderers behind them.

A unit page names its program and unit number in front matter (``program:`` and ``unit:``),
so its macros take no arguments: ``{{ unit_focus() }}``, ``{{ unit_checklist() }}``, ….
"""

from __future__ import annotations

from . import checklists
from .examples import example_markdown
from .markup import bullet_list, cell, download_link, esc, md, numbered_list, paragraphs, table
from .model import Organisation, Program, Template, Unit
from .page import Page
from .pages import template_src, unit_src
from .registry import macro

# --- renderers ----------------------------------------------------------------------------------


def homework_markdown(unit: Unit, template: Template | None, link_to_template: str | None) -> str:
    """The homework section: title, what to do, and the template to use."""
    title = unit.homework.title.rstrip()
    out = f"**{md(title)}{'' if title[-1] in '.?!' else '.'}** {paragraphs(unit.homework.description)}"
    if template is not None and link_to_template is not None:
        out += f"\nUse the template: [{md(template.title)}]({link_to_template}).\n"
    return out


def schedule_table(program: Program, links: dict[str, str | None]) -> str:
    """A Markdown table of a program's units; ``links`` maps unit id to a relative link or None."""
    rows = []
    for unit in program.units:
        link = links.get(unit.id)
        title = f"[{md(unit.title)}]({link})" if link else md(unit.title)
        rows.append((str(unit.number), title, cell(unit.focus)))
    return table((program.unit_label, "Title", "Focus"), rows)


def decisions_markdown(unit: Unit, organisations: dict[str, Organisation]) -> str:
    """Each decision topic as its own section, anchored by its stable id, with real sub-headings."""
    out = []
    for topic in unit.decisions:
        out.append(f"### {md(topic.title)} {{#{topic.id}}}\n")
        out.append(f"**The decision.** {md(topic.decision)}\n")
        out.append("#### Options\n\n" + bullet_list(topic.options))
        out.append(f"**Trade-offs.** {md(topic.tradeoffs)}\n")
        out.append("#### Signals that should move you\n\n" + bullet_list(topic.signals))
        out.append("#### Example\n\n" + example_markdown(topic.example, organisations))
    return "\n".join(out)


def skills_markdown(unit: Unit) -> str:
    return "\n".join(f"### {md(group.name)}\n\n" + bullet_list(group.items) for group in unit.skills)


def programs_table_markdown(rows: list[tuple[str, str | None, str, str, str]]) -> str:
    """Programs as a table: (title, link or None, summary, length, cadence)."""
    body = [
        (f"[{md(title)}]({link})" if link else md(title), cell(summary), length, cell(cadence))
        for title, link, summary, length, cadence in rows
    ]
    return table(("Program", "What it covers", "Length", "Cadence"), body)


# --- unit pages ---------------------------------------------------------------------------------


def _unit(page: Page) -> Unit:
    return page.unit()[1]


@macro
def unit_focus(page: Page) -> str:
    return paragraphs(_unit(page).focus)


@macro
def unit_goals(page: Page) -> str:
    return bullet_list(_unit(page).goals)


@macro
def unit_discussion(page: Page) -> str:
    return bullet_list(_unit(page).discussion)


@macro
def unit_homework(page: Page) -> str:
    unit = _unit(page)
    template_id = unit.homework.template
    if template_id is None or not page.exists(template_src(template_id)):
        return homework_markdown(unit, None, None)
    return homework_markdown(unit, page.book.templates[template_id], page.md_link(template_src(template_id)))


@macro
def unit_checklist(page: Page) -> str:
    """The unit's checklist, with a download of the same items as a Markdown task list."""
    program, unit = page.unit()
    return (
        checklists.checklist_html(program, unit)
        + download_link(
            page.html_url(file=checklists.checklist_download(program, unit)),
            "Download this checklist blank, as a Markdown task list",
            f"{program.id}-{unit.id}-checklist.md",
            f"checklist-{program.id}-{unit.id}",
        )
        + page.include_assets("checklist.js")
    )


@macro
def unit_decisions(page: Page) -> str:
    return decisions_markdown(_unit(page), page.book.organisations)


@macro
def unit_skills(page: Page) -> str:
    return skills_markdown(_unit(page))


@macro
def unit_exercises(page: Page) -> str:
    return numbered_list(_unit(page).exercises)


@macro
def unit_interview_prompts(page: Page) -> str:
    return bullet_list(_unit(page).interview_prompts)


# --- program overview pages -------------------------------------------------------------------


def _written_units(page: Page, program: Program) -> list[Unit]:
    return [unit for unit in program.units if page.exists(unit_src(program.id, unit.id))]


@macro
def program_schedule(page: Page) -> str:
    program = page.program()
    written = {unit.id for unit in _written_units(page, program)}
    links = {u.id: page.md_link(unit_src(program.id, u.id)) if u.id in written else None for u in program.units}
    return schedule_table(program, links)


@macro
def program_progress(page: Page) -> str:
    """Progress per unit from the checklists saved in this browser, and the whole program's checklist."""
    program = page.program()
    links = {u.id: page.html_url(unit_src(program.id, u.id)) for u in _written_units(page, program)}
    return (
        checklists.program_progress_html(program, links)
        + download_link(
            page.html_url(file=checklists.checklist_download(program)),
            "Download every checklist of this program as one Markdown task list",
            f"{program.id}-checklists.md",
            f"checklist-{program.id}",
        )
        + page.include_assets("checklist.js")
    )


@macro
def print_edition(page: Page, scope: str = "program") -> str:
    """A link to the printable edition of this page's program, or of the whole handbook."""
    if scope not in ("program", "handbook"):
        raise page.fail(f"print_edition: scope must be 'program' or 'handbook', not '{scope}'")
    target = f"print/{page.program().id}/index.md" if scope == "program" else "print/index.md"
    label = f"Open the printable edition of {'this program' if scope == 'program' else 'the whole handbook'}"
    return (
        f'<p class="hb-print-link"><a href="{esc(page.html_url(target))}">{label}</a>'
        " (one page, ready to save as a PDF).</p>\n"
    )


@macro
def program_facts(page: Page) -> str:
    program = page.program()
    return (
        f"**Format:** {md(program.format)}\n\n"
        f"**Cadence:** {md(program.cadence)}\n\n"
        f"**Who it is for:** {md(program.audience)}\n"
    )


@macro
def program_table(page: Page) -> str:
    """Every program with its summary, length and cadence, linked to its overview page."""
    rows = []
    for p in page.book.programs.values():
        overview = f"programs/{p.id}/index.md"
        link = page.md_link(overview) if page.exists(overview) else None
        rows.append((p.title, link, p.summary, p.length(), p.cadence))
    return programs_table_markdown(rows)
