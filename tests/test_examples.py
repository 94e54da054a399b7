"""Honest examples: every invented example is marked the same way, and uses a registered organisation."""

from __future__ import annotations

import re

from conftest import ROOT, built_path, docs_sources
from macros.examples import fictional_mark
from macros.pages import front_matter, unit_src

EXAMPLE_HEADING = re.compile(r"^#{2,4} (?:An example|Example|Worked example)\b.*$", re.M | re.I)
MARKED = re.compile(r'^\{\{ (?:fictional\((?:"[a-z0-9-]+")?\)|template_example\(\)) \}\}')
# Words that end invented company names in examples ("Corvid Payments", "Halcyon Bank").
COMPANY = re.compile(
    r"\b((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) (Bank|Health|Freight|Payments|Pay|Media|Insurance|Mutual|Energy|Telecom|"
    r"Transport|Stores|Labs|Logistics|Software|Systems|Travel|Commerce|Retail|Lending|Securities|Technologies|"
    r"Games|Foods|Airlines|Holdings)\b"
)


def example_sections() -> list[tuple[str, str]]:
    """(page source, text of the section) for every example section written on a page."""
    found = []
    for src in docs_sources():
        text = (ROOT / "docs" / src).read_text("utf-8")
        if front_matter(text).get("draft"):
            continue
        for match in EXAMPLE_HEADING.finditer(text):
            body = text[match.end() :].lstrip("\n")
            section = re.split(r"^#{1,4} ", body, maxsplit=1, flags=re.M)[0]
            found.append((src, " ".join(section.split())))
    return found


def data_examples(handbook) -> list[tuple[str, str]]:
    found = [(f"{p.id}/{u.id}#{t.id}", t.example.text) for p, u in handbook.units() for t in u.decisions]
    return found + [(f"templates/{t.id}", t.example.text) for t in handbook.templates.values() if t.example]


def test_every_example_section_on_a_page_starts_with_the_mark():
    for src, body in example_sections():
        assert MARKED.match(body), f"docs/{src}: an example section must start with {{{{ fictional(...) }}}}"


def test_every_example_in_data_is_shown_with_the_mark(handbook, site):
    mark = 'class="hb-fictional"'
    for program, unit in handbook.units():
        if unit.decisions:
            html = (site / built_path(unit_src(program.id, unit.id))).read_text("utf-8")
            assert html.count(mark) >= len(unit.decisions), f"{program.id}/{unit.id}: a decision example is unmarked"


def test_examples_name_only_registered_organisations(handbook):
    registered = {org.name for org in handbook.organisations.values()}
    for where, text in [*example_sections(), *data_examples(handbook)]:
        for match in COMPANY.finditer(text):
            name = match.group(0)
            assert any(name.endswith(r) or r.endswith(name) for r in registered), (
                f"{where}: '{name}' looks like an invented organisation that is not in data/organisations.yml"
            )


def test_a_page_example_names_the_organisation_its_mark_gives(handbook):
    for src, body in example_sections():
        org_id = re.match(r'\{\{ fictional\("([a-z0-9-]+)"\) \}\}', body)
        if org_id:
            name = handbook.organisations[org_id.group(1)].name
            assert name in body, f"docs/{src}: marked as {name} but the story does not name it"
            others = [o.name for o in handbook.organisations.values() if o.name != name and o.name in body]
            assert not others, f"docs/{src}: the {name} example also names {others}"


def test_the_mark_is_one_convention():
    assert fictional_mark(None) == '<span class="hb-fictional"><strong>Fictional example</strong></span>'
