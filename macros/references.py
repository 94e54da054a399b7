"""References: every work the handbook cites comes from one registry, ``data/references/``.

A citation is rendered the same way everywhere, linked to the work's stable public address
when it has one. Units list their further reading and their talk by reference id; pages cite
inline with ``{{ cite("forsgren-accelerate") }}``. The bibliography page lists them all.
"""

from __future__ import annotations

from .markup import md, plural
from .model import Reading, Reference
from .page import Page
from .registry import macro

KIND_HEADINGS = {
    "book": "Books",
    "paper": "Papers",
    "article": "Articles and essays",
    "report": "Reports",
    "standard": "Standards and frameworks",
    "talk": "Recorded talks",
    "web": "Guides and documentation",
}


def citation(ref: Reference) -> str:
    """One work as inline Markdown: authors, title (linked), where and when, and any caveat."""
    title = ref.title + (f": {ref.subtitle}" if ref.subtitle else "")
    shown = f"*{md(title)}*" if ref.kind == "book" else f"“{md(title)}”"
    if ref.url:
        shown = f"[{shown}]({ref.url})"
    details = [part for part in (ref.edition, ref.event if ref.kind == "talk" else None, ref.publisher) if part]
    details.append(str(ref.year) if ref.year else ("living document" if ref.kind == "web" else "undated"))
    caveat = f" {md(ref.caveat)}" if ref.caveat else ""
    return f"{md(ref.authors)}, {shown} ({md(', '.join(details))}).{caveat}"


def reading_list(readings: list[Reading], references: dict[str, Reference]) -> str:
    """A Markdown list of works with the note that says why each is worth the time."""
    lines = []
    for reading in readings:
        note = f" {md(reading.note)}" if reading.note else ""
        lines.append(f"- {citation(references[reading.ref])}{note}")
    return "\n".join(lines) + "\n" if lines else "No further reading for this unit yet.\n"


@macro
def cite(page: Page, ref_id: str) -> str:
    """A citation of one work from the registry, for use in a page's prose or source list."""
    if ref_id not in page.book.references:
        raise page.fail(f"cite('{ref_id}'): no such work in data/references/; add it there first")
    return citation(page.book.references[ref_id])


@macro
def unit_reading(page: Page) -> str:
    return reading_list(page.unit()[1].reading, page.book.references)


@macro
def unit_talk(page: Page) -> str:
    """The recorded talk to watch before the session, or a note that this week's preparation is reading."""
    talk = page.unit()[1].talk
    if talk is None:
        return "This week has no talk: the preparation is the further reading below.\n"
    return reading_list([talk], page.book.references)


@macro
def reference_list(page: Page) -> str:
    """The whole registry, grouped by kind and sorted by author, with how many are linked."""
    refs = list(page.book.references.values())
    linked = sum(1 for ref in refs if ref.url)
    out = [
        f"{plural(len(refs), 'work')} in all, {linked} of them linked to a stable public address. "
        "Each was checked to exist; the date of the last check is kept in the handbook's data.\n"
    ]
    for kind, heading in KIND_HEADINGS.items():
        group = sorted((r for r in refs if r.kind == kind), key=lambda r: (r.authors.lower(), r.year or 0))
        if group:
            out.append(f"## {heading}\n")
            out.append("\n".join(f"- {citation(ref)}" for ref in group) + "\n")
    return "\n".join(out)
