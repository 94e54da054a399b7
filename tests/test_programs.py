"""Programs: unit pages and overviews, promised for every unit of every program in data/."""

from __future__ import annotations

import json

from factories import make_program, make_unit

from conftest import ROOT, built_path
from macros import programs, sessions
from macros.model import AgendaItem, DecisionTopic, Example
from macros.pages import front_matter, unit_src

UNIT_SECTIONS = ("goals", "checklist", "further-reading")


def is_draft(src: str) -> bool:
    return bool(front_matter((ROOT / "docs" / src).read_text("utf-8")).get("draft"))


def test_every_unit_has_a_page_titled_from_its_data(handbook):
    for program, unit in handbook.units():
        page = ROOT / "docs" / unit_src(program.id, unit.id)
        assert page.is_file(), f"no page for {program.id}/{unit.id}; run scripts/handbook.py new unit {program.id}"
        assert front_matter(page.read_text("utf-8"))["title"] == program.unit_heading(unit)


def test_every_unit_page_has_its_sections(handbook, pages):
    for program, unit in handbook.units():
        page = pages[built_path(unit_src(program.id, unit.id))]
        for section in UNIT_SECTIONS:
            assert section in page.ids, f"{program.id}/{unit.id}: no '{section}' section"
        assert {"homework", "exercise"} & page.ids, f"{program.id}/{unit.id}: no homework or exercise section"
        assert [h.rstrip("¶") for h in page.h1] == [program.unit_heading(unit)]


def test_every_decision_topic_has_an_anchor_on_its_page(handbook, pages):
    for program, unit in handbook.units():
        page = pages[built_path(unit_src(program.id, unit.id))]
        for topic in unit.decisions:
            assert topic.id in page.ids, f"{program.id}/{unit.id}: no anchor #{topic.id}"


def test_finished_unit_pages_have_600_words_of_key_ideas(handbook):
    for program, unit in handbook.units():
        src = unit_src(program.id, unit.id)
        if is_draft(src):
            continue
        text = (ROOT / "docs" / src).read_text("utf-8")
        key_ideas = text.split("## Key ideas", 1)[1].split("\n## ", 1)[0]
        assert len(key_ideas.split()) >= 600, f"{src}: {len(key_ideas.split())} words of key ideas"


def test_agendas_add_up_to_the_session_and_come_with_notes(handbook):
    for program, unit in handbook.units():
        if unit.agenda:
            assert unit.facilitation and unit.prepare, f"{program.id}/{unit.id}: an agenda needs notes and preparation"


def test_overview_pages_list_every_unit_and_offer_progress(handbook, pages):
    for program in handbook.programs.values():
        page = pages[f"programs/{program.id}/index.html"]
        for unit in program.units:
            assert unit.title in page.text, f"{program.id} overview misses {unit.title}"
        assert any(url.endswith(f"downloads/checklists/{program.id}.md") for _, _, url in page.links)


def test_the_packet_has_every_week_in_its_own_section(handbook, pages):
    program = handbook.programs["leadership-cohort"]
    page = pages["programs/leadership-cohort/packet/index.html"]
    for unit in program.units:
        assert unit.id in page.ids
        assert unit.homework.title in page.text
        assert f"hb-{program.id}-{unit.id}-homework" in page.ids


def test_search_finds_a_packet_by_its_title_and_each_passage_once_on_its_unit_page(handbook, site):
    """A packet repeats its program's unit pages: the search index has the packet's title and
    introduction, and the units only on their own pages, so no passage is listed three times."""
    entries = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    pages = {entry["location"].split("#")[0] for entry in entries}
    packets = 0
    for program in handbook.programs.values():
        for src in (f"programs/{program.id}/packet.md", f"programs/{program.id}/facilitator-packet.md"):
            if not (ROOT / "docs" / src).is_file():
                continue
            packets += 1
            url = built_path(src).removesuffix("index.html")
            assert [e["location"] for e in entries if e["location"].split("#")[0] == url] == [url], (
                f"{src}: only the packet's title and introduction belong in the search index"
            )
            for unit in program.units:
                assert built_path(unit_src(program.id, unit.id)).removesuffix("index.html") in pages, (
                    f"{program.id}/{unit.id} is in the packet but cannot be found by search"
                )
    assert packets, "no program has a packet page (docs/programs/<id>/packet.md) to check"


# --- renderers ----------------------------------------------------------------------------------


def test_schedule_table_links_only_written_units():
    table = programs.schedule_table(make_program(), {"week-1": None})
    assert "| 1 | First week | Focus text. |" in table
    assert "| 1 | [First week](week-1.md) |" in programs.schedule_table(make_program(), {"week-1": "week-1.md"})


def test_decision_topics_get_stable_anchors():
    topic = DecisionTopic(
        id="pick-model",
        title="Pick a model <now>",
        decision="D.",
        options=["A", "B"],
        tradeoffs="T.",
        signals=["S."],
        example=Example(text="E."),
    )
    out = programs.decisions_markdown(make_unit(decisions=[topic]), {})
    assert out.startswith("### Pick a model &lt;now&gt; {#pick-model}\n")
    assert "- S.\n" in out


def test_agenda_table_accumulates_start_times():
    agenda = [AgendaItem(minutes=90, activity="Talk", prompt="What did you notice?"), AgendaItem(minutes=15, activity="Break")]
    rows = sessions.agenda_table(agenda).splitlines()
    assert rows[0] == "| Starts at | Minutes | Activity | Facilitator notes |"
    assert rows[2] == "| 0:00 | 90 | Talk: What did you notice? |  |"
    assert rows[3] == "| 1:30 | 15 | Break |  |"
    assert rows[4] == "| 1:45 |  | End |  |"


def test_program_length_uses_the_right_plural():
    one = make_program()
    assert one.length() == "1 week"
    three = make_program(units=[make_unit(number=n, id=f"c-{n}") for n in (1, 2, 3)], unit_label="Competency")
    assert three.length() == "3 competencies"
