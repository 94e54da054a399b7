"""Shared markup helpers: escaping, lists, tables, fences. Pure functions, no MkDocs.

Every string that comes from data passes through :func:`esc` (HTML) or :func:`md`
(Markdown), so data can never inject markup, script or Jinja: ``<`` ``>`` ``&`` ``"``
become entities, and so do ``{`` and ``}``, which keeps template syntax and Markdown
attribute lists out of the output.
"""

from __future__ import annotations

import re

_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})


def esc(text: str) -> str:
    """Escape text for an HTML element or attribute."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
        .translate(_BRACES)
    )


def md(text: str) -> str:
    """Escape text for Markdown: inline Markdown (emphasis, links) keeps working, markup does not."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").translate(_BRACES)


def is_word_char(char: str) -> bool:
    """Whether ``char`` is what ``\\w`` matches in a regular expression over text ('' is not)."""
    return char.isalnum() or char == "_"


def slug(text: str) -> str:
    """'Career growth' -> 'career-growth'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 page', '2 pages'; ``plural_form`` for irregular words ('1 study', '2 studies')."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def bullet_list(items: list[str]) -> str:
    return "\n".join(f"- {md(item)}" for item in items) + "\n"


def numbered_list(items: list[str]) -> str:
    return "\n".join(f"{i}. {md(item)}" for i, item in enumerate(items, 1)) + "\n"


def paragraphs(text: str) -> str:
    return md(text.strip()) + "\n"


def cell(text: str) -> str:
    """Text for one Markdown table cell: one line, escaped, pipes kept out of the column structure."""
    return md(" ".join(text.split())).replace("|", "\\|")


def table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """A Markdown table. Cells are used as given: escape data with :func:`cell` first."""
    out = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def fence(text: str, lang: str = "markdown") -> str:
    """A fenced code block that cannot be closed early by backticks inside ``text``."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks} {lang}\n{text.rstrip(chr(10))}\n{ticks}\n"


def heading(level: int, text: str, anchor: str | None = None) -> str:
    """A Markdown heading from data, with an optional stable anchor."""
    suffix = f" {{#{anchor}}}" if anchor else ""
    return f"{'#' * level} {md(text)}{suffix}\n"


_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(?<![\w*_])(\*{1,2}|_{1,2})(\S(?:.*?\S)?)\1(?![\w*_])")


def plain_text(text: str) -> str:
    """Inline Markdown as the plain text a script shows: links keep their text, emphasis goes."""
    return _MD_EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", text))


def download_link(href: str, label: str, filename: str, marker: str) -> str:
    """A paragraph with a link that saves ``href`` as ``filename`` (``marker`` names it for tests)."""
    return (
        f'<p class="hb-download"><a href="{esc(href)}" download="{esc(filename)}" data-hb-download="{esc(marker)}">'
        f"{esc(label)}</a></p>\n"
    )


def asset_tag(href: str) -> str:
    """A stylesheet link or a script element for a widget asset."""
    if href.endswith(".css"):
        return f'<link rel="stylesheet" href="{esc(href)}">'
    return f'<script src="{esc(href)}"></script>'


def radio(name: str, value: str, label: str, dom_id: str, *, required: bool = False, checked: bool = False) -> str:
    """A radio button and its label, every attribute escaped."""
    flag = (" required" if required else "") + (" checked" if checked else "")
    return (
        f'<input type="radio" name="{esc(name)}" id="{esc(dom_id)}" value="{esc(value)}"{flag}>'
        f' <label for="{esc(dom_id)}">{esc(label)}</label>'
    )


def minutes_label(minutes: int) -> str:
    """90 -> '1 h 30 min'; 45 -> '45 min'; 120 -> '2 h'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"
