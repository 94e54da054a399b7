"""Working on documents in the browser: fill in a template, score a decision matrix, check a file.

Everything runs in the reader's browser and stays there: drafts are kept in localStorage and
nothing is sent anywhere. The checks use the same rules as ``scripts/check_document.py``
(``overrides/assets/checker.js`` is its twin, and the tests compare the two).
"""

from __future__ import annotations

import json

from .markup import esc, radio
from .model import Template
from .page import Page, page_url
from .pages import template_src
from .registry import macro
from .templates import has_minimal_variant, variants

CHECKER_DOWNLOAD = "downloads/check_document.py"
MATRIX_SEED = {
    "options": ["Option A", "Option B", "Option C"],
    "criteria": [
        {"name": name, "weight": weight, "scores": [3, 3, 3]}
        for name, weight in (
            ("Performance", 3),
            ("Cost", 3),
            ("Complexity", 2),
            ("Time to implement", 2),
            ("Risk", 3),
            ("Reversibility", 2),
        )
    ],
}


def fill_form_html(template: Template, source_url: str, license_name: str) -> str:
    """The "fill in" form: one field per section, prompts as help, a live check and exports.

    Hidden until fill.js starts it, once the page has loaded (later.js); the JSON frame lets the
    script build the same document as :func:`template_document`, with the reader's text in place
    of each section's skeleton.
    """
    frame = {
        "id": template.id,
        "title": template.title,
        "version": template.version,
        "source": source_url,
        "license": license_name,
        "sections": [s.model_dump(mode="json") for s in template.sections],
    }
    out = [
        f'<form class="hb-fill" data-hb-fill="{esc(json.dumps(frame, separators=(",", ":")))}" hidden>',
        '<p class="hb-fill__privacy">Your draft is kept in this browser only, so you can come back to it; '
        "nothing you type is sent anywhere. Clear it when you are done.</p>",
    ]
    if has_minimal_variant(template):
        out.append(
            '<fieldset class="hb-fill__variant"><legend>Version</legend>'
            + radio("variant", "full", "Full: every section", f"hb-fill-{template.id}-full", checked=True)
            + " "
            + radio("variant", "minimal", "Minimal: only the essential sections", f"hb-fill-{template.id}-minimal")
            + "</fieldset>"
        )
    out.append(
        f'<p class="hb-fill__field"><label for="hb-fill-{esc(template.id)}-title">Title of your document</label>'
        f'<input type="text" id="hb-fill-{esc(template.id)}-title" name="title" autocomplete="off"></p>'
    )
    for number, section in enumerate(template.sections, 1):
        field = f"hb-fill-{template.id}-{number}"
        kind = "required" if section.required else "optional"
        optional = "" if section.minimal else " data-hb-optional"
        out.append(
            f'<div class="hb-fill__field"{optional}><label for="{esc(field)}">{esc(section.heading)} '
            f'<span class="hb-fill__kind">({kind})</span></label>'
            f'<ul class="hb-fill__help" id="{esc(field)}-help">'
            + "".join(f"<li>{esc(prompt)}</li>" for prompt in section.prompts)
            + f'</ul><textarea id="{esc(field)}" data-hb-section="{esc(section.heading)}" aria-describedby="{esc(field)}-help"'
            f' rows="{min(14, section.body.count(chr(10)) + 3)}" spellcheck="true">{esc(section.body.rstrip())}</textarea></div>'
        )
    out += [
        '<div class="hb-fill__check"><h3 class="hb-fill__heading">Check</h3>'
        '<p class="hb-fill__summary" role="status" aria-live="polite"></p><ul class="hb-fill__problems"></ul></div>',
        '<p class="hb-fill__actions">'
        '<button type="button" class="md-button md-button--primary" data-hb-action="rich">Copy as rich text</button> '
        '<button type="button" class="md-button" data-hb-action="copy">Copy Markdown</button> '
        '<button type="button" class="md-button" data-hb-action="download">Download .md</button> '
        '<button type="button" class="md-button hb-button--quiet" data-hb-action="clear">Clear my draft</button></p>',
        '<p class="hb-fill__status" role="status" aria-live="polite"></p>',
        "</form>",
        "<noscript><p>Filling in needs JavaScript; copy or download the template above instead.</p></noscript>",
    ]
    return "\n".join(out) + "\n"


@macro
def template_form(page: Page) -> str:
    """The template's "fill in" form, with a live check and exports; nothing leaves the browser."""
    template = page.template()
    source = page.site.absolute(page_url(template_src(template.id)))
    return fill_form_html(template, source, page.site.settings.license) + page.include_assets(
        "later.js", "checker.js", "fill.js"
    )


@macro
def decision_matrix(page: Page) -> str:
    """The live decision matrix: weighted totals, ranking and sensitivity, with exports."""
    seed = esc(json.dumps(MATRIX_SEED, separators=(",", ":")))
    return (
        f'<div class="hb-matrix" data-hb-matrix="{seed}" hidden>\n'
        '<p class="hb-fill__privacy">Your matrix is kept in this browser only; nothing is sent anywhere.</p>\n'
        '<div class="hb-matrix__grid"></div>\n'
        '<p class="hb-matrix__edit">'
        '<button type="button" class="md-button" data-hb-action="add-option">Add an option</button> '
        '<button type="button" class="md-button" data-hb-action="add-criterion">Add a criterion</button> '
        '<button type="button" class="md-button hb-button--quiet" data-hb-action="remove-option">Remove the last option</button> '
        '<button type="button" class="md-button hb-button--quiet" data-hb-action="remove-criterion">Remove the last criterion</button></p>\n'
        '<h3 class="hb-matrix__heading">Ranking and sensitivity</h3>\n'
        '<div class="hb-matrix__result" aria-live="polite"></div>\n'
        '<p class="hb-fill__actions">'
        '<button type="button" class="md-button md-button--primary" data-hb-action="rich">Copy as rich text</button> '
        '<button type="button" class="md-button" data-hb-action="copy">Copy Markdown</button> '
        '<button type="button" class="md-button" data-hb-action="download">Download .md</button> '
        '<button type="button" class="md-button hb-button--quiet" data-hb-action="reset">Start again</button></p>\n'
        '<p class="hb-matrix__status" role="status" aria-live="polite"></p>\n'
        "</div>\n"
        "<noscript><p>The live matrix needs JavaScript; the template above has the same table to fill in by hand.</p></noscript>\n"
        + page.include_assets("later.js", "matrix.js")
    )


@macro
def document_checker(page: Page) -> str:
    """The document checker: paste or open a Markdown file, pick or detect its template, see the problems."""
    required = {
        t.id: {v: [s.heading for s in t.sections if s.required and (v == "full" or s.minimal)] for v in variants(t)}
        for t in page.book.templates.values()
    }
    options = "".join(
        f'<option value="{esc(t.id)}">{esc(t.title)}</option>'
        for t in sorted(page.book.templates.values(), key=lambda t: t.title.lower())
    )
    return (
        f'<form class="hb-check" data-hb-check="{esc(json.dumps(required, separators=(",", ":")))}" hidden>\n'
        '<p class="hb-fill__privacy">The check runs in this browser; the document is not uploaded or kept.</p>\n'
        '<p class="hb-fill__field"><label for="hb-check-file">Open a Markdown file</label>'
        '<input type="file" id="hb-check-file" accept=".md,.markdown,.txt,text/markdown,text/plain"></p>\n'
        '<p class="hb-fill__field"><label for="hb-check-text">Or paste the document</label>'
        '<textarea id="hb-check-text" rows="14" spellcheck="false"></textarea></p>\n'
        '<p class="hb-fill__field"><label for="hb-check-template">Template</label>'
        f'<select id="hb-check-template"><option value="">Detect from the front matter</option>{options}</select></p>\n'
        '<p><button type="submit" class="md-button md-button--primary">Check the document</button></p>\n'
        '<div class="hb-fill__check"><p class="hb-fill__summary" role="status" aria-live="polite"></p>'
        '<ul class="hb-fill__problems"></ul></div>\n'
        "</form>\n"
        "<noscript><p>The checker runs in your browser and needs JavaScript; use the Python script below instead.</p></noscript>\n"
        + page.include_assets("checker.js", "checkpage.js")
    )


@macro
def checker_download(page: Page) -> str:
    """A link to ``check_document.py`` as published with the site."""
    return (
        f'<p class="hb-download"><a href="{esc(page.html_url(file=CHECKER_DOWNLOAD))}" download="check_document.py" '
        'data-hb-download="check-document">Download check_document.py</a> (Python 3, standard library only)</p>\n'
    )
