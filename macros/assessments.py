"""Assessments: questionnaires scored in the reader's browser, and the tables that explain them.

The page names its assessment by ``assessment_id``. The form carries the assessment's
definition as JSON for ``overrides/assets/scoring.js``; :mod:`macros.scoring` is its Python
twin, which the tests compare it with.
"""

from __future__ import annotations

import json

from .markup import cell, esc, md, plain_text, radio, table
from .model import Assessment
from .page import Page
from .pages import assessment_src
from .registry import macro


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


def counters_html(assessment: Assessment, item_id: str, counters: list[str]) -> str:
    """Evidence counts for one question: number fields kept with the answers, history and exports."""
    group = esc(f"hb-{assessment.id}-{item_id}-evidence")
    fields = "".join(
        f'<li><label for="{group}-{k}">{esc(counter)}</label> <input type="number" id="{group}-{k}" min="0" step="1" '
        f'inputmode="numeric" data-hb-counter="{esc(item_id)}" data-hb-index="{k}"></li>'
        for k, counter in enumerate(counters)
    )
    return (
        f'<div class="hb-assessment__evidence" role="group" aria-labelledby="{group}">'
        f'<p class="hb-assessment__help" id="{group}">Count your evidence this quarter, then score:</p>'
        f'<ul class="hb-assessment__counters">{fields}</ul></div>'
    )


def assessment_form_html(assessment: Assessment, definition_json: str, stylesheet: str = "") -> str:
    """The questionnaire: a fieldset of radio buttons per question. Scoring runs in the browser.

    ``stylesheet`` (a link tag) goes first inside the container, so the questions are laid out as
    they appear; before the container, Markdown would wrap it in a paragraph."""
    out = [
        f'<div class="hb-assessment" data-hb-assessment="{esc(definition_json)}">{stylesheet}',
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
            out.append(counters_html(assessment, item.id, item.counters))
        if item.choices:
            options = [(choice.id, choice.label) for choice in item.choices]
            out.append('<div class="hb-choices">')
        else:
            assert assessment.scale is not None, "the loader requires a scale for scored items"
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
    out += [
        "</div>",
        '<div class="hb-assessment__result" aria-live="polite"></div>',
        "</div>",
        "<noscript><p>Scoring runs in your browser and needs JavaScript; the bands below say how to "
        "read your answers by hand.</p></noscript>",
    ]
    return "\n".join(out) + "\n"


def assessment_bands_markdown(assessment: Assessment) -> str:
    """The bands as a table: how a result is read (for every scoring kind)."""
    if assessment.scoring == "sum":
        rows = [(f"{b.min} to {b.max}", f"**{md(b.label)}**", cell(b.meaning), cell(b.next)) for b in assessment.bands]
        return table(("Total", "Result", "What it means", "What to do next"), rows)
    if assessment.scoring == "levels":
        rows = [(str(k), f"**{md(b.label)}**", cell(b.meaning), cell(b.next)) for k, b in enumerate(assessment.bands, 1)]
        return table(("Level", "Result", "What it means", "What to do next"), rows)
    rows = [(f"**{md(b.label)}**", cell(b.meaning), cell(b.next)) for b in assessment.bands]
    return table(("Result", "What it means", "What to do next"), rows)


def choice_mapping_markdown(assessment: Assessment) -> str:
    """For choice scoring: which answer puts you in which band, per question."""
    labels = {band.id: band.label for band in assessment.bands}
    out = []
    for item in assessment.items:
        out.append(f"### {md(item.label)}\n")
        out.extend(
            f"- {md(choice.label)}: {md(labels[choice.band]) if choice.band else 'not placed in a level'}"
            for choice in item.choices
        )
        out.append("")
    return "\n".join(out)


@macro
def assessment(page: Page) -> str:
    """The questionnaire, scored in the reader's browser; answers stay in localStorage."""
    item = page.assessment()
    links = {i.id: page.html_url(i.link) for i in item.items if i.link}
    definition = json.dumps(assessment_definition(item, links), separators=(",", ":"))
    form = assessment_form_html(item, definition, stylesheet=page.include_assets("assessment.css"))
    return form + page.include_assets("scoring.js", "assessment.js")


@macro
def assessment_bands(page: Page) -> str:
    item = page.assessment()
    out = assessment_bands_markdown(item)
    if item.scoring == "choice":
        out += "\n" + choice_mapping_markdown(item)
    if item.benchmark:
        out += (
            f"\n**Source of the bands:** {md(item.benchmark.name)} ({item.benchmark.year}). "
            f"{md(item.benchmark.note)}\n"
        )
    return out


@macro
def assessment_table(page: Page) -> str:
    """Every assessment with its summary, for the assessments index."""
    rows = [
        (f"[{md(a.title)}]({page.md_link(assessment_src(a.id))})", cell(a.summary))
        for a in sorted(page.book.assessments.values(), key=lambda a: a.title.lower())
    ]
    return table(("Assessment", "What it tells you"), rows)
