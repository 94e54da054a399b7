"""References: one registry of real works, cited the same way everywhere and linked where possible."""

from __future__ import annotations

import datetime
import re

from conftest import ROOT, built_path, docs_sources
from macros.model import Reference
from macros.references import citation

CITE = re.compile(r'\{\{ cite\("([a-z0-9-]+)"\) \}\}')


def make_reference(**changes) -> Reference:
    fields = dict(
        id="x",
        kind="book",
        authors="A. Author",
        title="A Title",
        subtitle="Its Subtitle",
        year=2021,
        publisher="A Press",
        url="https://example.org/book",
        checked=datetime.date(2026, 11, 30),
    )
    fields.update(changes)
    return Reference(**fields)


def test_citations_link_the_title_and_say_where_and_when():
    assert citation(make_reference(edition="2nd edition")) == (
        "A. Author, [*A Title: Its Subtitle*](https://example.org/book) (2nd edition, A Press, 2021)."
    )
    talk = make_reference(kind="talk", subtitle=None, event="LeadDev New York", publisher="YouTube")
    assert citation(talk) == "A. Author, [“A Title”](https://example.org/book) (LeadDev New York, YouTube, 2021)."
    unverified = make_reference(url=None, year=None, kind="article", caveat="Publication date not confirmed.")
    assert citation(unverified) == "A. Author, “A Title: Its Subtitle” (A Press, undated). Publication date not confirmed."


def cited_ids(handbook) -> set[str]:
    ids = {r.ref for _, unit in handbook.units() for r in [*unit.reading, *([unit.talk] if unit.talk else [])]}
    for src in docs_sources():
        ids |= set(CITE.findall((ROOT / "docs" / src).read_text("utf-8")))
    return ids


def test_every_cited_work_is_in_the_registry(handbook):
    missing = cited_ids(handbook) - set(handbook.references)
    assert not missing, f"cited but not in data/references/: {sorted(missing)}"


def test_every_registered_work_is_cited_somewhere(handbook):
    unused = set(handbook.references) - cited_ids(handbook)
    assert not unused, f"works in data/references/ that no page or unit cites (remove them or cite them): {sorted(unused)}"


def test_at_least_four_in_five_works_are_linked(handbook):
    works = list(handbook.references.values())
    linked = [ref for ref in works if ref.url]
    assert len(linked) >= 0.8 * len(works), f"only {len(linked)} of {len(works)} works have a stable address"


def test_framework_sources_come_from_the_registry():
    for src in docs_sources():
        if not src.startswith("frameworks/") or src.endswith("index.md"):
            continue
        text = (ROOT / "docs" / src).read_text("utf-8")
        sources = text.split("\n## Sources\n", 1)[1].split("\n## ", 1)[0]
        for line in sources.strip().splitlines():
            if line.startswith("- "):
                assert CITE.search(line), f"{src}: a source written by hand instead of {{{{ cite(...) }}}}: {line[:80]}"


def test_the_bibliography_lists_every_work_with_its_link(handbook, pages):
    page = pages[built_path("about/references.md")]
    urls = {url for _, _, url in page.links}
    for ref in handbook.references.values():
        assert ref.title in page.text, f"the bibliography misses {ref.id}"
        if ref.url:
            assert ref.url in urls, f"the bibliography does not link {ref.id}"
