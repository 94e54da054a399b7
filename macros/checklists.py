"""Checklists: a unit's steps as real checkboxes that remember their ticks, and as Markdown.

Each item's ``id`` is the key under which a reader's tick is stored in their browser, so the
HTML, the progress overview and the downloads are all generated from the same items.
"""

from __future__ import annotations

import json

from .markup import esc
from .model import ChecklistItem, Program, Unit

PHASES = ("before", "during", "after", "capstone")


def homework_item(unit: Unit) -> ChecklistItem:
    """The checklist item every homework brings with it (one source: the homework data)."""
    return ChecklistItem(id=unit.homework.id, phase="after", text=f"Homework: {unit.homework.title}")


def checklist_items(unit: Unit) -> list[ChecklistItem]:
    """A unit's checklist in phase order, the homework item included."""
    items = [*unit.checklist, homework_item(unit)]
    return sorted(items, key=lambda item: PHASES.index(item.phase))


def storage_ids(program: Program, unit: Unit) -> list[str]:
    """The published ids of a unit's items, as ``program/unit/item``."""
    return [f"{program.id}/{unit.id}/{item.id}" for item in checklist_items(unit)]


def checklist_html(program: Program, unit: Unit) -> str:
    """A unit's checklist as accessible HTML: one fieldset per phase, real checkboxes."""
    key = f"{program.id}/{unit.id}"
    parts = [
        f'<div class="hb-checklist" data-hb-checklist="{esc(key)}" data-hb-heading="{esc(program.unit_heading(unit))}">',
        '<p class="hb-checklist__progress" aria-live="polite"></p>',
    ]
    items = checklist_items(unit)
    for phase in PHASES:
        in_phase = [item for item in items if item.phase == phase]
        if not in_phase:
            continue
        label = getattr(program.phase_labels, phase)
        parts.append(f'<fieldset class="hb-checklist__phase"><legend>{esc(label)}</legend><ul>')
        for item in in_phase:
            dom_id = esc(f"hb-{program.id}-{unit.id}-{item.id}")
            parts.append(
                f'<li><input type="checkbox" id="{dom_id}" data-hb-item="{esc(item.id)}">'
                f' <label for="{dom_id}">{esc(item.text)}</label></li>'
            )
        parts.append("</ul></fieldset>")
    parts.append("</div>")
    return "\n".join(parts) + "\n"


def checklist_markdown(program: Program, unit: Unit) -> str:
    """The same checklist as a Markdown task list, for issues and notes apps."""
    lines = [f"## {program.unit_heading(unit)}", ""]
    for item in checklist_items(unit):
        lines.append(f"- [ ] {item.text} ({getattr(program.phase_labels, item.phase).lower()})")
    return "\n".join(lines) + "\n"


def program_checklist_markdown(program: Program) -> str:
    """Every unit's checklist, in order, under the program's title."""
    return f"# {program.title}: checklists\n\n" + "\n".join(checklist_markdown(program, u) for u in program.units)


def checklist_download(program: Program, unit: Unit | None = None) -> str:
    """Where a checklist's Markdown download lives in the built site."""
    name = f"{program.id}/{unit.id}.md" if unit else f"{program.id}.md"
    return f"downloads/checklists/{name}"


def program_progress_html(program: Program, links: dict[str, str]) -> str:
    """A per-unit progress list the browser fills in from saved checklists; hidden without JavaScript."""
    parts = [
        f'<div class="hb-program-progress" data-hb-program="{esc(program.id)}" hidden>',
        '<p class="hb-program-progress__total" aria-live="polite"></p><ul>',
    ]
    for unit in program.units:
        ids = json.dumps([item.id for item in checklist_items(unit)])
        label = esc(program.unit_heading(unit))
        name = f'<a href="{esc(links[unit.id])}">{label}</a>' if unit.id in links else label
        parts.append(
            f'<li>{name}: <span data-hb-unit="{esc(program.id)}/{esc(unit.id)}" data-hb-ids="{esc(ids)}"></span></li>'
        )
    parts.append("</ul></div>")
    return "\n".join(parts) + "\n"
