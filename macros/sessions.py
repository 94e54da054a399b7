"""Sessions: what a facilitator needs to run a program with a group.

Each unit of a group program carries a session kit (timed agenda, notes, what the facilitator
and participants prepare, which decision topics to work through live); the staff-plus path has
one recurring peer-circle kit. From the same data come the facilitator guide on each page, the
"Run this session" runner, the participant and facilitator packets, and the calendar.
"""

from __future__ import annotations

import json
import re

from . import checklists
from .markup import bullet_list, cell, esc, md, paragraphs, table
from .model import AgendaItem, Program, SessionKit, Unit
from .page import Page
from .pages import template_src, unit_src
from .registry import macro

PDF_FOLDER = "downloads/pdf"


def agenda_table(agenda: list[AgendaItem], start_minutes: int = 0) -> str:
    """A timed agenda: each block with its start offset (h:mm) and length."""
    rows = []
    clock = start_minutes
    for item in agenda:
        what = item.activity + (f": {item.prompt}" if item.prompt else "")
        rows.append((f"{clock // 60}:{clock % 60:02d}", str(item.minutes), cell(what), cell(item.notes or "")))
        clock += item.minutes
    rows.append((f"{clock // 60}:{clock % 60:02d}", "", "End", ""))
    return table(("Starts at", "Minutes", "Activity", "Facilitator notes"), rows)


def runner_html(key: str, title: str, agenda: list[AgendaItem]) -> str:
    """The "Run this session" button; the session runner (runner.js) reads the blocks from it.

    Hidden until the script runs: without JavaScript the agenda table above is the plan.
    """
    blocks = [
        {"minutes": item.minutes, "activity": item.activity, "prompt": item.prompt or item.notes or ""}
        for item in agenda
    ]
    data = json.dumps({"key": key, "title": title, "blocks": blocks}, separators=(",", ":"))
    return (
        f'<div class="hb-runner" data-hb-runner="{esc(data)}" hidden>'
        '<p><button type="button" class="md-button md-button--primary" data-hb-runner-start>Run this session</button> '
        "Full screen, with a countdown per block; your place is kept in this browser if the laptop sleeps.</p>"
        "</div>\n"
    )


def kit_markdown(
    prepare: list[str], participants: list[str], facilitation: list[str], live: list[tuple[str, str, str]]
) -> str:
    """The facilitator guide: what to prepare, notes, and the decision topics to work through live.

    ``live`` is (topic title, link, how to run it).
    """
    out = [
        "### What the facilitator prepares\n",
        bullet_list(prepare),
        "### What participants prepare\n",
        bullet_list(participants) if participants else "Nothing beyond the unit's checklist.\n",
        "### Facilitation notes\n",
        bullet_list(facilitation),
    ]
    if live:
        out.append("### Decision topics to work through live\n")
        out.append("\n".join(f"- **[{md(title)}]({link})**: {md(how)}" for title, link, how in live) + "\n")
    return "\n".join(out)


def _live_topics(unit: Unit, link: str = "") -> list[tuple[str, str, str]]:
    titles = {topic.id: topic.title for topic in unit.decisions}
    return [(titles[live.topic], f"{link}#{live.topic}", live.how) for live in unit.live_topics]


def packet_markdown(
    program: Program, unit: Unit, homework: tuple[str, str] | None, audience: str, unit_link: str = ""
) -> str:
    """One unit's part of a packet, one per printed page: for participants (focus, discussion, homework,
    checklist) or for the facilitator (the whole session kit and agenda)."""
    out = [
        f'<section class="hb-packet-unit" markdown>\n\n## {md(program.unit_heading(unit))} {{#{unit.id}}}\n',
        paragraphs(unit.focus),
    ]
    if audience == "facilitator":
        out.append(kit_markdown(unit.prepare, unit.participants_prepare, unit.facilitation, _live_topics(unit, unit_link)))
        out.append("### Timed agenda\n\n" + agenda_table(unit.agenda))
    else:
        if unit.decisions:
            out.append("### Decisions to prepare\n\n" + bullet_list([f"{t.title}: {t.decision}" for t in unit.decisions]))
        out.append("### Discussion\n\n" + bullet_list(unit.discussion))
        out.append(f"### Homework: {md(unit.homework.title)}\n\n{paragraphs(unit.homework.description)}")
        if homework:
            out.append(f"Template: [{md(homework[0])}]({homework[1]})\n")
        out.append("### Checklist\n\n" + checklists.checklist_html(program, unit))
    out.append("\n</section>\n")
    return "\n".join(out)


def session_titles(program: Program) -> list[str]:
    """The calendar's events: one per unit, or eight quarterly peer sessions for a self-paced path."""
    if program.peer_session is not None:
        return [f"{program.title}: {program.peer_session.title} {n}" for n in range(1, 9)]
    return [f"{program.title}: {program.unit_label} {u.number}, {u.title}" for u in program.units]


def calendar_form_html(program: Program) -> str:
    """A form that builds an .ics file of the program's sessions in the reader's browser."""
    assert program.sessions is not None  # program_calendar() checks this with a clear message
    sessions = json.dumps(session_titles(program))
    every = program.sessions.every_weeks
    cadence = {1: "weekly", 2: "fortnightly"}.get(every, f"every {every} weeks")
    return (
        f'<form class="hb-calendar" data-hb-calendar="{esc(program.id)}" data-hb-sessions="{esc(sessions)}" '
        f'data-hb-minutes="{program.sessions.minutes}" data-hb-every-weeks="{every}" hidden>\n'
        f"<p>{len(json.loads(sessions))} sessions of {program.sessions.minutes} minutes, {cadence}.</p>\n"
        '<p><label for="hb-cal-date">First session date</label> <input type="date" id="hb-cal-date" name="date" required></p>\n'
        '<p><label for="hb-cal-time">Start time</label> <input type="time" id="hb-cal-time" name="time" value="09:00" required></p>\n'
        '<p><label for="hb-cal-zone">Time zone</label> <select id="hb-cal-zone" name="zone"></select></p>\n'
        '<p><button type="submit" class="md-button md-button--primary">Download the calendar (.ics)</button></p>\n'
        '<p class="hb-calendar__status" role="status" aria-live="polite"></p>\n'
        "</form>\n"
        "<noscript><p>The calendar is generated in your browser and needs JavaScript.</p></noscript>\n"
    )


def pdf_name(kind: str, program_id: str) -> str:
    """Where a program's PDF goes in the built site: ``edition``, ``participant-packet`` or ``facilitator-packet``."""
    return f"{PDF_FOLDER}/{program_id}-{kind}.pdf"


def pdf_placeholder(kind: str, program: Program) -> str:
    """A slot for a PDF link, naming the file by its site path. ``handbook.py pdf`` turns it into a
    link when it has made the file; without a browser it stays empty and hidden, so nothing links to
    a file that does not exist."""
    return f'<p class="hb-pdf" data-hb-pdf="{esc(pdf_name(kind, program.id))}" data-hb-pdf-label="{esc(_PDF_LABELS[kind])}" hidden></p>\n'


_PDF_LABELS = {
    "edition": "Download the printable edition as a PDF",
    "participant-packet": "Download the participant packet as a PDF",
    "facilitator-packet": "Download the facilitator packet as a PDF",
}

# --- macros ---------------------------------------------------------------------------------------


@macro
def unit_facilitation(page: Page) -> str:
    """The unit's facilitator guide: preparation for both sides, notes, topics to run live."""
    unit = page.unit()[1]
    return kit_markdown(unit.prepare, unit.participants_prepare, unit.facilitation, _live_topics(unit))


@macro
def unit_agenda(page: Page) -> str:
    """The timed agenda and the session runner."""
    program, unit = page.unit()
    return (
        agenda_table(unit.agenda)
        + "\n"
        + runner_html(f"{program.id}/{unit.id}", program.unit_heading(unit), unit.agenda)
        + page.include_assets("runner.js", "runner.css")
    )


@macro
def peer_session(page: Page) -> str:
    """A self-paced program's recurring group session: the kit, its agenda and the runner."""
    program = page.program()
    kit: SessionKit | None = program.peer_session
    if kit is None:
        raise page.fail(f"peer_session(): data/programs/{program.id}.yml has no peer_session")
    return (
        paragraphs(kit.summary)
        + "\n"
        + kit_markdown(kit.prepare, kit.participants_prepare, kit.facilitation, [])
        + "\n### Timed agenda\n\n"
        + agenda_table(kit.agenda)
        + "\n"
        + runner_html(f"{program.id}/peer-session", kit.title, kit.agenda)
        + page.include_assets("runner.js", "runner.css")
    )


_HEADING = re.compile(r"^(#{2,6} .*?)(?: \{([^{}]*)\})?[ \t]*$", re.MULTILINE)


def out_of_search(markdown: str) -> str:
    """``markdown`` with each heading marked ``data-search-exclude``, which drops its section from
    Material's search index; any attributes the heading had ({#id}) are kept."""
    return _HEADING.sub(lambda m: f"{m[1]} {{{m[2].strip() + ' ' if m[2] else ''}data-search-exclude}}", markdown)


@macro
def program_packet(page: Page, audience: str = "participant") -> str:
    """A packet of every unit, one per printed page: for participants, or for the facilitator.

    Everything in it is on the unit pages too, so search finds the packet by its title and
    introduction only, and each passage once, on its unit's page."""
    if audience not in ("participant", "facilitator"):
        raise page.fail(f"program_packet: audience must be 'participant' or 'facilitator', not '{audience}'")
    program = page.program()
    parts = []
    for unit in program.units:
        template_id = unit.homework.template
        homework = None
        if template_id and page.exists(template_src(template_id)):
            homework = (page.book.templates[template_id].title, page.md_link(template_src(template_id)))
        unit_link = page.md_link(unit_src(program.id, unit.id))
        parts.append(out_of_search(packet_markdown(program, unit, homework, audience, unit_link)))
    scripts = page.include_assets("checklist.js") if audience == "participant" else ""
    return pdf_placeholder(f"{audience}-packet", program) + "\n".join(parts) + "\n" + scripts + "\n"


@macro
def program_calendar(page: Page) -> str:
    program = page.program()
    if program.sessions is None:
        raise page.fail(f"program_calendar(): add sessions: (minutes, every_weeks) to data/programs/{program.id}.yml")
    return calendar_form_html(program) + page.include_assets("calendar.js")


@macro
def program_pdf(page: Page, kind: str = "edition") -> str:
    """The link to one of the program's PDFs, shown only once that PDF exists."""
    if kind not in _PDF_LABELS:
        raise page.fail(f"program_pdf: kind must be one of {', '.join(_PDF_LABELS)}, not '{kind}'")
    return pdf_placeholder(kind, page.program())
