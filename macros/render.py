"""Pure functions that turn validated data into Markdown or HTML for a page.

Nothing here reads files or knows about MkDocs. Every string that comes from data passes
through :func:`esc` (HTML) or :func:`md` (Markdown), so data can never inject markup,
script or Jinja: ``<`` ``>`` ``&`` ``"`` become entities, and so do ``{`` and ``}``, which
keeps template syntax and Markdown attribute lists out of the output.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from .model import Assessment, ChecklistItem, Program, Template, Unit

PHASES = ("before", "during", "after", "capstone")

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


def slug(text: str) -> str:
    """'Career growth' -> 'career-growth'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def page_url(src_path: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a source file: ``a/b.md`` -> ``a/b/``, or ``a/b.html`` without directory URLs."""
    stem = src_path[:-3] if src_path.endswith(".md") else src_path
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def rel_url(from_url: str, to_url: str) -> str:
    """A relative link from the page at ``from_url`` to ``to_url`` (both site-root relative)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    target = posixpath.relpath("/" + to_url, "/" + base)
    if to_url.endswith("/") and not target.endswith("/"):
        target += "/"
    return "./" if target == "./" or target == "." else target


def unit_src(program: Program, unit: Unit) -> str:
    """Where a unit's page lives under ``docs/``."""
    return f"programs/{program.id}/{unit.id}.md"


def template_src(template_id: str) -> str:
    return f"templates/{template_id}.md"


def template_download(template_id: str, variant: str = "full") -> str:
    suffix = "" if variant == "full" else f"-{variant}"
    return f"downloads/templates/{template_id}{suffix}.md"


def bullet_list(items: list[str]) -> str:
    return "\n".join(f"- {md(item)}" for item in items) + "\n"


def numbered_list(items: list[str]) -> str:
    return "\n".join(f"{i}. {md(item)}" for i, item in enumerate(items, 1)) + "\n"


def paragraphs(text: str) -> str:
    return md(text.strip()) + "\n"


def fence(text: str, lang: str = "markdown") -> str:
    """A fenced code block that cannot be closed early by backticks inside ``text``."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks} {lang}\n{text.rstrip(chr(10))}\n{ticks}\n"


# --- programs -------------------------------------------------------------------------------


def homework_item(unit: Unit) -> ChecklistItem:
    """The checklist item every homework brings with it (one source: the homework data)."""
    return ChecklistItem(id=unit.homework.id, phase="after", text=f"Homework: {unit.homework.title}")


def checklist_items(unit: Unit) -> list[ChecklistItem]:
    """A unit's checklist in phase order, the homework item included."""
    items = [*unit.checklist, homework_item(unit)]
    return sorted(items, key=lambda item: PHASES.index(item.phase))


def checklist_html(program: Program, unit: Unit) -> str:
    """A unit's checklist as accessible HTML: one fieldset per phase, real checkboxes."""
    key = f"{program.id}/{unit.id}"
    parts = [
        f'<div class="hb-checklist" data-hb-checklist="{esc(key)}">',
        '<p class="hb-checklist__progress" aria-live="polite"></p>',
    ]
    items = checklist_items(unit)
    for phase in PHASES:
        label = getattr(program.phase_labels, phase)
        in_phase = [item for item in items if item.phase == phase]
        if not in_phase:
            continue
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
    lines = [f"## {program.unit_label} {unit.number}: {unit.title}", ""]
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


def asset_tag(href: str) -> str:
    """A stylesheet link or a script element for a widget asset."""
    if href.endswith(".css"):
        return f'<link rel="stylesheet" href="{esc(href)}">'
    return f'<script src="{esc(href)}"></script>'


def download_link(href: str, label: str, filename: str, marker: str) -> str:
    return (
        f'<p class="hb-download"><a href="{esc(href)}" download="{esc(filename)}" data-hb-download="{esc(marker)}">'
        f"{esc(label)}</a></p>\n"
    )


def program_progress_html(program: Program, links: dict[str, str]) -> str:
    """A per-unit progress list the browser fills in from saved checklists; hidden without JavaScript."""
    import json

    parts = [
        f'<div class="hb-program-progress" data-hb-program="{esc(program.id)}" hidden>',
        '<p class="hb-program-progress__total" aria-live="polite"></p><ul>',
    ]
    for unit in program.units:
        ids = json.dumps([item.id for item in checklist_items(unit)])
        label = esc(f"{program.unit_label} {unit.number}: {unit.title}")
        name = f'<a href="{esc(links[unit.id])}">{label}</a>' if unit.id in links else label
        parts.append(
            f'<li>{name}: <span data-hb-unit="{esc(program.id)}/{esc(unit.id)}" data-hb-ids="{esc(ids)}"></span></li>'
        )
    parts.append("</ul></div>")
    return "\n".join(parts) + "\n"


def calendar_form_html(program: Program) -> str:
    """A form that builds an .ics file of the program's sessions in the reader's browser."""
    import json

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
        f'<section class="hb-packet-unit" markdown>\n\n## {program.unit_label} {unit.number}: {md(unit.title)} {{#{unit.id}}}\n'
    ]
    out.append(paragraphs(unit.focus))
    out.append("**Discussion**\n\n" + bullet_list(unit.discussion))
    out.append(f"**Homework: {md(unit.homework.title)}**\n\n{paragraphs(unit.homework.description)}")
    if homework_link and template_title:
        out.append(f"Template: [{md(template_title)}]({homework_link})\n")
    out.append("**Checklist**\n\n" + checklist_html(program, unit))
    out.append("\n</section>\n")
    return "\n".join(out)


def homework_markdown(unit: Unit, template: Template | None, link_to_template: str | None) -> str:
    """The homework section: title, what to do, and the template to use."""
    out = f"**{md(unit.homework.title)}**\n\n{paragraphs(unit.homework.description)}"
    if template is not None and link_to_template is not None:
        out += f"\nUse the template: [{md(template.title)}]({link_to_template}).\n"
    return out


def schedule_table(program: Program, links: dict[str, str | None]) -> str:
    """A Markdown table of a program's units; ``links`` maps unit id to a relative link or None."""
    rows = [f"| {program.unit_label} | Title | Focus |", "| --- | --- | --- |"]
    for unit in program.units:
        link = links.get(unit.id)
        title = f"[{md(unit.title)}]({link})" if link else md(unit.title)
        rows.append(f"| {unit.number} | {title} | {_cell(unit.focus)} |")
    return "\n".join(rows) + "\n"


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
    out = []
    for group in unit.skills:
        out.append(f"**{md(group.name)}**\n\n" + bullet_list(group.items))
    return "\n".join(out)


def agenda_table(unit: Unit, start_minutes: int = 0) -> str:
    """A timed agenda: each block with its start offset (h:mm) and length."""
    rows = ["| Starts at | Minutes | Activity | Notes |", "| --- | --- | --- | --- |"]
    clock = start_minutes
    for item in unit.agenda:
        rows.append(
            f"| {clock // 60}:{clock % 60:02d} | {item.minutes} | {_cell(item.activity)} | {_cell(item.notes or '')} |"
        )
        clock += item.minutes
    rows.append(f"| {clock // 60}:{clock % 60:02d} | | End | |")
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return md(" ".join(text.split())).replace("|", "\\|")


def program_table(rows: list[tuple[str, str | None, str, str, str]]) -> str:
    """Programs as a table: (title, link or None, summary, length, cadence)."""
    out = ["| Program | What it covers | Length | Cadence |", "| --- | --- | --- | --- |"]
    for title, link, summary, length, cadence in rows:
        name = f"[{md(title)}]({link})" if link else md(title)
        out.append(f"| {name} | {_cell(summary)} | {length} | {_cell(cadence)} |")
    return "\n".join(out) + "\n"


def link_table(headers: tuple[str, str], rows: list[tuple[str, str, str]]) -> str:
    """A two-column table of (title, link, text) rows, sorted by title."""
    out = [f"| {headers[0]} | {headers[1]} |", "| --- | --- |"]
    for title, link, text in sorted(rows, key=lambda row: row[0].lower()):
        out.append(f"| [{md(title)}]({link}) | {_cell(text)} |")
    return "\n".join(out) + "\n"


def front_matter(markdown: str) -> dict:
    """The YAML front matter of a Markdown page ({} when there is none)."""
    import yaml

    if not markdown.startswith("---\n"):
        return {}
    end = markdown.find("\n---", 4)
    if end == -1:
        return {}
    meta = yaml.load(markdown[4:end], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader
    return meta if isinstance(meta, dict) else {}


def sources_list(unit: Unit) -> str:
    lines = []
    for source in unit.reading:
        year = f" ({source.year})" if source.year else ""
        title = f"[*{md(source.title)}*]({source.url})" if source.url else f"*{md(source.title)}*"
        note = f" — {md(source.note)}" if source.note else ""
        lines.append(f"- {md(source.author)}, {title}{year}{note}")
    return "\n".join(lines) + "\n"


# --- templates ------------------------------------------------------------------------------


def template_document(template: Template, *, variant: str, source_url: str, license_name: str) -> str:
    """The fill-in document a reader copies or downloads, front matter first.

    ``variant`` is ``full`` (every section) or ``minimal`` (only sections marked minimal).
    Prompts become HTML comments so they guide the writer without cluttering the result.
    """
    sections = [s for s in template.sections if variant == "full" or s.minimal]
    required = [s.heading for s in sections if s.required]
    lines = [
        "---",
        f"title: {template.title}",
        f"template: {template.id}",
        f"template_version: {template.version}",
        f"variant: {variant}",
        f"required: {'; '.join(required)}",
        f"source: {source_url}",
        f"license: {license_name}",
        "---",
        "",
        f"# {template.title}: {{title}}",
        "",
    ]
    for section in sections:
        lines.append(f"## {section.heading}")
        lines.append("")
        lines.extend("<!-- " + prompt.replace("--", "—") + " -->" for prompt in section.prompts)
        lines.append("")
        lines.append(section.body.rstrip())
        lines.append("")
    # No final newline: Material's copy button trims it, and the download must equal the copy.
    return "\n".join(lines).rstrip("\n")


@dataclass(frozen=True)
class TemplateRow:
    """One row of the template library: what the filters and the plain table both show."""

    title: str
    link: str
    summary: str
    category: str
    category_label: str
    programs: tuple[tuple[str, str], ...]  # (id, title)
    competencies: tuple[tuple[str, str], ...]  # (unit id, title) of the staff-plus path


def _filter_select(name: str, label: str, options: list[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{esc(value)}">{esc(text)}</option>' for value, text in options)
    return (
        f'<span class="hb-filters__field"><label for="hb-filter-{name}">{esc(label)}</label>'
        f'<select id="hb-filter-{name}" data-hb-filter="{name}"><option value="">All</option>{opts}</select></span>'
    )


def template_library_html(rows: list[TemplateRow]) -> str:
    """The template library as a plain table, with filters the browser reveals and runs."""
    programs = sorted({p for row in rows for p in row.programs}, key=lambda p: p[1])
    competencies = sorted({c for row in rows for c in row.competencies}, key=lambda c: c[1])
    categories = sorted({(row.category, row.category_label) for row in rows}, key=lambda c: c[1])
    out = [
        '<div class="hb-filters" data-hb-filters hidden>',
        f'<div class="hb-filters__fields">{_filter_select("program", "Program", programs)}'
        f"{_filter_select('competency', 'Staff-plus competency', competencies)}"
        f"{_filter_select('purpose', 'Purpose', categories)}</div>",
        '<p class="hb-filters__count" role="status" aria-live="polite"></p>',
        "</div>",
        "<table data-hb-filterable>",  # no class: Material styles only table:not([class])
        '<thead><tr><th scope="col">Template</th><th scope="col">What it is for</th>'
        '<th scope="col">Purpose</th><th scope="col">Used in</th></tr></thead><tbody>',
    ]
    for row in sorted(rows, key=lambda r: r.title.lower()):
        used = ", ".join(esc(title) for _, title in row.programs) or "—"
        out.append(
            f'<tr data-program="{esc(" ".join(p for p, _ in row.programs))}" '
            f'data-competency="{esc(" ".join(c for c, _ in row.competencies))}" data-purpose="{esc(row.category)}">'
            f'<td><a href="{esc(row.link)}">{esc(row.title)}</a></td><td>{esc(row.summary)}</td>'
            f"<td>{esc(row.category_label)}</td><td>{used}</td></tr>"
        )
    out.append("</tbody></table>")
    return "\n".join(out) + "\n"


def zip_bytes(files: list[tuple[str, str]]) -> bytes:
    """A deterministic zip: sorted names, fixed timestamps and permissions, fixed compression."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, text.encode("utf-8"), compresslevel=9)
    return buffer.getvalue()


ABBREVIATION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+)$")


def parse_abbreviations(text: str) -> list[tuple[str, str]]:
    """``*[ADR]: Architecture decision record: …`` lines as (term, meaning) pairs."""
    return [(m.group(1), m.group(2).strip()) for line in text.splitlines() if (m := ABBREVIATION.match(line.strip()))]


def glossary_table(entries: list[tuple[str, str]]) -> str:
    """One row per term; plural entries (ADRs) exist only so hover works, and fold into the singular."""
    terms = {term for term, _ in entries}
    out = ["| Abbreviation | Meaning |", "| --- | --- |"]
    for term, meaning in sorted(entries, key=lambda e: e[0].lower()):
        if term.endswith("s") and term[:-1] in terms:
            continue
        out.append(f"| **{md(term)}** | {_cell(meaning)} |")
    return "\n".join(out) + "\n"


def minutes_label(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


def path_steps_markdown(steps: list[tuple[str, str, int, str]]) -> str:
    """A learning path as a numbered route: (title, link, minutes, why) per step, then the total."""
    out = []
    for number, (title, link, minutes, why) in enumerate(steps, 1):
        out.append(f"{number}. **[{md(title)}]({link})** · {minutes_label(minutes)}\n\n    {md(why)}\n")
    total = sum(step[2] for step in steps)
    return "\n".join(out) + f"\n\n**Total:** about {minutes_label(total)} over {len(steps)} steps.\n"


def radio(name: str, value: str, label: str, dom_id: str, *, required: bool = False) -> str:
    """A radio button and its label, every attribute escaped."""
    flag = " required" if required else ""
    return (
        f'<input type="radio" name="{esc(name)}" id="{esc(dom_id)}" value="{esc(value)}"{flag}>'
        f' <label for="{esc(dom_id)}">{esc(label)}</label>'
    )


def chooser_html(questions: list[tuple[str, str, list[tuple[str, str]]]], routes_json: str, paths_json: str) -> str:
    """The start-here form: one radio group per question; the browser routes the answers to a path."""
    out = [
        f'<form class="hb-chooser" data-hb-chooser data-hb-routes="{esc(routes_json)}" data-hb-paths="{esc(paths_json)}" hidden>'
    ]
    for qid, text, answers in questions:
        out.append(f'<fieldset class="hb-chooser__question"><legend>{esc(text)}</legend>')
        out.extend(
            f"<p>{radio(qid, aid, label, f'hb-choose-{qid}-{aid}', required=True)}</p>" for aid, label in answers
        )
        out.append("</fieldset>")
    out.append('<p><button type="submit" class="md-button md-button--primary">Show my path</button></p>')
    out.append('<div class="hb-chooser__result" role="status" aria-live="polite"></div>')
    out.append("</form>")
    return "\n".join(out) + "\n"


_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(?<![\w*_])(\*{1,2}|_{1,2})(\S(?:.*?\S)?)\1(?![\w*_])")


def plain_text(text: str) -> str:
    """Inline Markdown as the plain text a script shows: links keep their text, emphasis goes."""
    return _MD_EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", text))


def _plain_strings(value):
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, list):
        return [_plain_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain_strings(v) for k, v in value.items()}
    return value


def assessment_definition(assessment: Assessment, links: dict[str, str]) -> dict:
    """What the browser needs to score and explain an assessment (links resolved for this page)."""
    definition = _plain_strings(assessment.model_dump(mode="json", exclude={"summary", "benchmark"}))
    for item in definition["items"]:
        item["link"] = links.get(item["id"])
    return definition


def assessment_form_html(assessment: Assessment, definition_json: str) -> str:
    """The questionnaire: a fieldset of radio buttons per question. Scoring runs in the browser."""
    out = [
        f'<div class="hb-assessment" data-hb-assessment="{esc(definition_json)}">',
        '<p class="hb-assessment__privacy">Your answers are scored and kept in this browser only. Nothing you '
        "enter is sent anywhere; export them to a file to keep a copy.</p>",
        '<p class="hb-assessment__message" role="alert"></p>',
        # A group, not a <form>: answers apply as they change and nothing is ever submitted.
        f'<div class="hb-assessment__form" role="group" aria-label="{esc(assessment.title)}">',
    ]
    for number, item in enumerate(assessment.items, 1):
        out.append(f'<fieldset class="hb-assessment__item" id="q-{esc(item.id)}">')
        out.append(f"<legend>{number}. {esc(item.label)}</legend>")
        if item.help:
            out.append(f'<p class="hb-assessment__help">{esc(item.help)}</p>')
        if item.counters:
            out.append('<p class="hb-assessment__help">Count this quarter:</p><ul class="hb-assessment__counters">')
            out.extend(f"<li>{esc(counter)}</li>" for counter in item.counters)
            out.append("</ul>")
        if item.choices:
            options = [(choice.id, choice.label) for choice in item.choices]
            out.append('<div class="hb-choices">')
        else:
            assert assessment.scale is not None
            options = [(str(v), str(v)) for v in range(assessment.scale.min, assessment.scale.max + 1)]
            out.append(
                f'<p class="hb-scale__ends"><span>{assessment.scale.min}: {esc(assessment.scale.low_label)}</span>'
                f"<span>{assessment.scale.max}: {esc(assessment.scale.high_label)}</span></p>"
            )
            out.append('<div class="hb-scale">')
        out.extend(
            f'<span class="hb-option">{radio(item.id, value, label, f"hb-{assessment.id}-{item.id}-{value}")}</span>'
            for value, label in options
        )
        out.append("</div></fieldset>")
    out.append("</div>")
    out.append('<div class="hb-assessment__result" aria-live="polite"></div>')
    out.append("</div>")
    out.append(
        "<noscript><p>Scoring runs in your browser and needs JavaScript; the bands below say how to "
        "read your answers by hand.</p></noscript>"
    )
    return "\n".join(out) + "\n"


def assessment_bands_markdown(assessment: Assessment) -> str:
    """The bands as a table: how a result is read (for every scoring kind)."""
    if assessment.scoring == "sum":
        rows = ["| Total | Result | What it means | What to do next |", "| --- | --- | --- | --- |"]
        rows += [
            f"| {b.min} to {b.max} | **{md(b.label)}** | {_cell(b.meaning)} | {_cell(b.next)} |"
            for b in assessment.bands
        ]
    elif assessment.scoring == "levels":
        rows = ["| Level | Result | What it means | What to do next |", "| --- | --- | --- | --- |"]
        rows += [
            f"| {k} | **{md(b.label)}** | {_cell(b.meaning)} | {_cell(b.next)} |"
            for k, b in enumerate(assessment.bands, 1)
        ]
    else:
        rows = ["| Result | What it means | What to do next |", "| --- | --- | --- |"]
        rows += [f"| **{md(b.label)}** | {_cell(b.meaning)} | {_cell(b.next)} |" for b in assessment.bands]
    return "\n".join(rows) + "\n"


def choice_mapping_markdown(assessment: Assessment) -> str:
    """For choice scoring: which answer puts you in which band, per question."""
    labels = {band.id: band.label for band in assessment.bands}
    out = []
    for item in assessment.items:
        out.append(f"**{md(item.label)}**\n")
        out.extend(f"- {md(choice.label)}: {md(labels[choice.band])}" for choice in item.choices)
        out.append("")
    return "\n".join(out)


def has_minimal_variant(template: Template) -> bool:
    return any(not s.minimal for s in template.sections)


_PRESERVED = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t]+")
_BLANK_LINES = re.compile(r"\n{2,}")


def compact_html(html: str) -> str:
    """Drop indentation and blank lines between tags; keep <pre>, <textarea>, <script>, <style> as they are.

    A newline stays wherever there was white space, so the rendered text is unchanged.
    """
    parts = _PRESERVED.split(html)
    out = []
    # split() with two groups yields: text, whole-match, tag-name, text, ...
    for index in range(0, len(parts), 3):
        out.append(_BLANK_LINES.sub("\n", _INDENT.sub("\n", parts[index])))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)


# --- for tools and machines -------------------------------------------------------------------

SECTIONS = {
    "": "Start here",
    "start-here": "Start here",
    "paths": "Learning paths",
    "programs": "Programs",
    "frameworks": "Frameworks",
    "assessments": "Self-assessments",
    "templates": "Templates",
    "glossary": "About",
    "tags": "About",
    "about": "About",
}
_WIDGET_TAGS = re.compile(r"<(script|link)\b[^>]*>(</script>)?")


def llms_index(site_name: str, description: str, base: str, records: list[tuple[str, str, str, str]]) -> str:
    """llms.txt: the site in one Markdown list, every page with its description, by section."""
    out = [
        f"# {site_name}",
        "",
        f"> {' '.join(description.split())}",
        "",
        f"The full text of every page is in {base}llms-full.txt; the structured data is under {base}data/.",
        "",
    ]
    by_section: dict[str, list[str]] = {}
    for url, title, text, _ in records:
        section = SECTIONS.get(url.split("/", 1)[0], "Other")
        by_section.setdefault(section, []).append(f"- [{title}]({base}{url}): {text}")
    for section in dict.fromkeys(SECTIONS.values()):
        if section in by_section:
            out += [f"## {section}", "", *by_section[section], ""]
    return "\n".join(out)


def llms_full(site_name: str, base: str, records: list[tuple[str, str, str, str]]) -> str:
    """llms-full.txt: every page's Markdown after the macros ran, one after another."""
    parts = [f"# {site_name}: full text", ""]
    for url, title, text, markdown in records:
        parts += [
            "---",
            "",
            f"# {title}",
            "",
            f"Source: {base}{url}",
            "",
            text,
            "",
            _WIDGET_TAGS.sub("", markdown).strip(),
            "",
        ]
    return "\n".join(parts)


def data_export(handbook) -> list[tuple[str, str]]:
    """The handbook's data as JSON at stable paths, with a JSON Schema for each kind."""
    import json

    from .model import Assessment, LearningPath, Program, Template

    def dump(value) -> str:
        return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False) + "\n"

    kinds = {
        "programs": (Program, handbook.programs),
        "templates": (Template, handbook.templates),
        "assessments": (Assessment, handbook.assessments),
        "paths": (LearningPath, handbook.paths),
    }
    files = []
    index = {"version": 1, "files": {}}
    for name, (model, items) in kinds.items():
        files.append((f"data/{name}.json", dump([item.model_dump(mode="json") for item in items.values()])))
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        files.append((f"data/schema/{name[:-1]}.schema.json", dump(schema)))
        index["files"][name] = {
            "data": f"{name}.json",
            "schema": f"schema/{name[:-1]}.schema.json",
            "count": len(items),
        }
    files.append(("data/index.json", dump(index)))
    return files


def changelog_markdown(entries: list[list[str]]) -> str:
    """Commits as a dated list, newest first: (date, hash, subject)."""
    if not entries:
        return "No content changes recorded yet.\n"
    return "\n".join(f"- **{date}**: {md(subject)} (`{commit}`)" for date, commit, subject in entries) + "\n"


# --- print pages ------------------------------------------------------------------------------

_ARTICLE = re.compile(r"(<article\b[^>]*>)(.*?)(</article>)", re.S)
_URL_ATTR = re.compile(r'\b(href|src)="([^"]*)"')
_ID_ATTR = re.compile(r'\bid="([^"]*)"')
_LABEL_FOR = re.compile(r'\b(for|aria-labelledby|aria-describedby)="([^"]*)"')
_TITLE = re.compile(r"<title>.*?</title>", re.S)
_WIDGET_SCRIPT = re.compile(r'<script src="[^"]*"></script>')


def dir_of(url: str) -> str:
    """The folder a page's relative links start from: 'a/b/' for 'a/b/' and for 'a/b/index.html'."""
    return url if url.endswith("/") or not url else posixpath.dirname(url) + "/"


def relocate(article: str, from_url: str, to_url: str, prefix: str, anchors: dict[str, str]) -> str:
    """An article moved from the page at ``from_url`` into the page at ``to_url``.

    Relative links are re-based; ids get ``prefix`` so several pages can share one document;
    links to pages that are part of the same document (``anchors``: page url -> prefix) become
    in-document links.
    """

    by_path = {page.rstrip("/"): other for page, other in anchors.items()}  # one lookup per link, not a scan

    def target(url: str) -> str:
        if url.startswith("#"):
            return f"#{prefix}{url[1:]}" if len(url) > 1 else url
        if "://" in url or url.startswith(("/", "mailto:", "data:", "javascript:")):
            return url
        path, _, fragment = url.partition("#")
        resolved = posixpath.normpath(posixpath.join(dir_of(from_url), path)) if path else from_url.rstrip("/")
        site_path = resolved + ("/" if path.endswith("/") else "")
        other = by_path.get(site_path.rstrip("/"))
        if other is not None:
            return f"#{other}{fragment}" if fragment else f"#{other}top"
        new = posixpath.relpath("/" + site_path, "/" + dir_of(to_url))
        if path.endswith("/") and not new.endswith("/"):
            new += "/"
        return new + (f"#{fragment}" if fragment else "")

    article = _URL_ATTR.sub(lambda m: f'{m.group(1)}="{target(m.group(2))}"', article)
    article = _ID_ATTR.sub(lambda m: f'id="{prefix}{m.group(1)}"', article)
    return _LABEL_FOR.sub(lambda m: f'{m.group(1)}="' + " ".join(prefix + v for v in m.group(2).split()) + '"', article)


_HEADING_TAG = re.compile(r"<(/?)h([1-5])\b")


def shift_headings(html: str) -> str:
    """Every heading one level down (h1 -> h2 ... h5 -> h6)."""
    return _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)


def remove_elements(html: str, opening: str, tag: str) -> str:
    """Remove every element that starts with ``opening``, with everything nested inside it."""
    pair = re.compile(rf"<(/?){tag}\b")
    while (start := html.find(opening)) != -1:
        depth, end = 0, len(html)
        for match in pair.finditer(html, start):
            depth += -1 if match.group(1) else 1
            if depth == 0:
                end = html.index(">", match.end()) + 1
                break
        html = html[:start] + html[end:]
    return html


def print_page(shell: str, shell_url: str, parts: list[tuple[str, str]], url: str, title: str) -> str:
    """One printable page from built pages: ``shell`` (a built page at the same depth as ``url``)
    provides head, header and styles; ``parts`` are (page url, page html) in reading order."""
    anchors = {page: f"p{index}-" for index, (page, _) in enumerate(parts)}
    sections = []
    for page, html in parts:
        match = _ARTICLE.search(html)
        if match is None:
            continue
        # Static on paper: no widget scripts, so checklists print as empty boxes and assessments as blank forms.
        inner = relocate(_WIDGET_SCRIPT.sub("", match.group(2)), page, url, anchors[page], anchors)
        inner = shift_headings(inner)  # each page becomes a section under the edition's one <h1>
        sections.append(f'<section class="hb-print-unit" id="{anchors[page]}top">{inner}</section>')
    head = relocate(shell, shell_url, url, "", {}) if shell_url != url else shell
    head = remove_elements(head, '<nav class="md-nav md-nav--secondary"', "nav")  # the shell's own contents
    head = _TITLE.sub(f"<title>{esc(title)}</title>", head, count=1)
    head = re.sub(r'<a href="#[^"]*" class="md-skip">', '<a href="#hb-print-title" class="md-skip">', head, count=1)
    match = _ARTICLE.search(head)
    assert match is not None, "the shell page has no article"
    intro = f'<h1 class="hb-print-title" id="hb-print-title">{esc(title)}</h1><p class="hb-print-note">A printable edition: use your browser\'s print command to save it as a PDF.</p>'
    return head[: match.start(2)] + intro + "\n".join(sections) + head[match.end(2) :]
