"""Programs: the macros of unit and overview pages, and the renderers behind them.

A unit page names its program and unit number in front matter (``program:`` and ``unit:``),
so its macros take no arguments: ``{{ unit_focus() }}``, ``{{ unit_checklist() }}``, ….
"""

from __future__ import annotations

import json

from . import checklists
from .markup import bullet_list, cell, download_link, esc, md, numbered_list, paragraphs, table
from .model import Program, Source, Template, Unit
from .page import Page
from .pages import template_src, unit_src
from .registry import macro

# --- renderers ----------------------------------------------------------------------------------


def homework_markdown(unit: Unit, template: Template | None, link_to_template: str | None) -> str:
    """The homework section: title, what to do, and the template to use."""
    out = f"**{md(unit.homework.title)}**\n\n{paragraphs(unit.homework.description)}"
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


def decisions_markdown(unit: Unit) -> str:
    """Each decision topic as its own section, anchored by its stable id."""
    out = []
    for topic in unit.decisions:
        out.append(f"### {md(topic.title)} {{#{topic.id}}}\n")
        out.append(f"**The decision.** {md(topic.decision)}\n")
        out.append("**Options.**\n\n" + bullet_list(topic.options))
        out.append(f"**Trade-offs.** {md(topic.tradeoffs)}\n")
        out.append("**Signals that should move you.**\n\n" + bullet_list(topic.signals))
        out.append(f"**Example.** {md(topic.example)}\n")
    return "\n".join(out)


def skills_markdown(unit: Unit) -> str:
    return "\n".join(f"**{md(group.name)}**\n\n" + bullet_list(group.items) for group in unit.skills)


def agenda_table(unit: Unit, start_minutes: int = 0) -> str:
    """A timed agenda: each block with its start offset (h:mm) and length."""
    rows = []
    clock = start_minutes
    for item in unit.agenda:
        rows.append((f"{clock // 60}:{clock % 60:02d}", str(item.minutes), cell(item.activity), cell(item.notes or "")))
        clock += item.minutes
    rows.append((f"{clock // 60}:{clock % 60:02d}", "", "End", ""))
    return table(("Starts at", "Minutes", "Activity", "Notes"), rows)


def sources_list(sources: list[Source]) -> str:
    lines = []
    for source in sources:
        year = f" ({source.year})" if source.year else ""
        title = f"[*{md(source.title)}*]({source.url})" if source.url else f"*{md(source.title)}*"
        note = f" — {md(source.note)}" if source.note else ""
        lines.append(f"- {md(source.author)}, {title}{year}{note}")
    return "\n".join(lines) + "\n"


def calendar_form_html(program: Program) -> str:
    """A form that builds an .ics file of the program's sessions in the reader's browser."""
    sessions = json.dumps([f"{program.title}: {program.unit_label} {u.number}, {u.title}" for u in program.units])
    return (
        f'<form class="hb-calendar" data-hb-calendar="{esc(program.id)}" data-hb-sessions="{esc(sessions)}" '
        'data-hb-minutes="240" hidden>\n'
        '<p><label for="hb-cal-date">First session date</label> <input type="date" id="hb-cal-date" name="date" required></p>\n'
        '<p><label for="hb-cal-time">Start time</label> <input type="time" id="hb-cal-time" name="time" value="09:00" required></p>\n'
        '<p><label for="hb-cal-zone">Time zone</label> <select id="hb-cal-zone" name="zone"></select></p>\n'
        '<p><button type="submit" class="md-button md-button--primary">Download the calendar (.ics)</button></p>\n'
        '<p class="hb-calendar__status" role="status" aria-live="polite"></p>\n'
        "</form>\n"
        "<noscript><p>The calendar is generated in your browser and needs JavaScript.</p></noscript>\n"
    )


def packet_markdown(program: Program, unit: Unit, homework_link: str | None, template_title: str | None) -> str:
    """One unit's participant view (focus, discussion, homework, checklist) for the printable packet."""
    out = [
        f'<section class="hb-packet-unit" markdown>\n\n## {md(program.unit_heading(unit))} {{#{unit.id}}}\n',
        paragraphs(unit.focus),
        "**Discussion**\n\n" + bullet_list(unit.discussion),
        f"**Homework: {md(unit.homework.title)}**\n\n{paragraphs(unit.homework.description)}",
    ]
    if homework_link and template_title:
        out.append(f"Template: [{md(template_title)}]({homework_link})\n")
    out.append("**Checklist**\n\n" + checklists.checklist_html(program, unit))
    out.append("\n</section>\n")
    return "\n".join(out)


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
            "Download this checklist as a Markdown task list",
            f"{program.id}-{unit.id}-checklist.md",
            f"checklist-{program.id}-{unit.id}",
        )
        + page.include_assets("checklist.js")
    )


@macro
def unit_reading(page: Page) -> str:
    return sources_list(_unit(page).reading)


@macro
def unit_decisions(page: Page) -> str:
    return decisions_markdown(_unit(page))


@macro
def unit_skills(page: Page) -> str:
    return skills_markdown(_unit(page))


@macro
def unit_exercises(page: Page) -> str:
    return numbered_list(_unit(page).exercises)


@macro
def unit_interview_prompts(page: Page) -> str:
    return bullet_list(_unit(page).interview_prompts)


@macro
def unit_agenda(page: Page) -> str:
    return agenda_table(_unit(page))


@macro
def unit_facilitation(page: Page) -> str:
    unit = _unit(page)
    return "**Prepare**\n\n" + bullet_list(unit.prepare) + "\n**Facilitation notes**\n\n" + bullet_list(unit.facilitation)


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
def program_packet(page: Page) -> str:
    """The participant packet: every unit's focus, discussion, homework and checklist, one per printed page."""
    program = page.program()
    parts = []
    for unit in program.units:
        template_id = unit.homework.template
        link = title = None
        if template_id and page.exists(template_src(template_id)):
            link, title = page.md_link(template_src(template_id)), page.book.templates[template_id].title
        parts.append(packet_markdown(program, unit, link, title))
    return "\n".join(parts) + "\n" + page.include_assets("checklist.js") + "\n"


@macro
def program_calendar(page: Page) -> str:
    return calendar_form_html(page.program()) + page.include_assets("calendar.js")


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
