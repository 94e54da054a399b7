"""The four programs from the source material, as data and as built pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook import CHECKLIST_IDS, checklist_ids
from macros.loader import load_handbook
from macros.render import checklist_markdown, program_checklist_markdown, unit_src

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = load_handbook(ROOT / "data", ROOT, ROOT / "docs")

EXPECTED_UNITS = {
    "leadership-cohort": 5,
    "continuous-improvement": 8,
    "incident-leadership": 8,
    "staff-plus": 6,
}


def built(page_src: str) -> str:
    return page_src[: -len(".md")] + ("/index.html" if not page_src.endswith("index.md") else ".html")


def test_every_program_from_the_seeds_is_present_with_its_units():
    assert {pid: len(p.units) for pid, p in HANDBOOK.programs.items()} == EXPECTED_UNITS


def test_every_unit_has_a_page(site):
    for program in HANDBOOK.programs.values():
        for unit in program.units:
            assert (ROOT / "docs" / unit_src(program, unit)).is_file(), f"no page for {program.id}/{unit.id}"


@pytest.mark.parametrize("program_id", ["continuous-improvement", "incident-leadership"])
def test_six_anchored_decision_topics_per_module(program_id, pages):
    program = HANDBOOK.programs[program_id]
    anchors = 0
    for unit in program.units:
        assert len(unit.decisions) == 6, f"{program_id}/{unit.id} has {len(unit.decisions)} decision topics"
        page = pages[built(unit_src(program, unit))]
        for topic in unit.decisions:
            assert topic.id in page.ids, f"{program_id}/{unit.id}: no anchor #{topic.id}"
            anchors += 1
    assert anchors == 48


def test_unit_pages_have_600_words_of_key_ideas():
    for program in HANDBOOK.programs.values():
        for unit in program.units:
            text = (ROOT / "docs" / unit_src(program, unit)).read_text("utf-8")
            key_ideas = text.split("## Key ideas", 1)[1].split("\n## ", 1)[0]
            assert len(key_ideas.split()) >= 600, f"{program.id}/{unit.id}: {len(key_ideas.split())} words of key ideas"


def test_checklist_ids_are_stable():
    """Renaming or removing a checklist id drops readers' saved ticks: it must be accepted on purpose."""
    committed = [line for line in CHECKLIST_IDS.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    current = checklist_ids()
    removed = sorted(set(committed) - set(current))
    added = sorted(set(current) - set(committed))
    assert not removed and not added, (
        f"checklist ids changed (removed: {removed}, added: {added}). If this is intended, run "
        "'python scripts/handbook.py checklist-ids --write' and commit tests/checklist-ids.txt"
    )
    assert len(current) == len(set(current))


def test_checklist_downloads_match_the_data(site):
    for program in HANDBOOK.programs.values():
        whole = (site / "downloads" / "checklists" / f"{program.id}.md").read_text("utf-8")
        assert whole == program_checklist_markdown(program)
        for unit in program.units:
            one = (site / "downloads" / "checklists" / program.id / f"{unit.id}.md").read_text("utf-8")
            assert one == checklist_markdown(program, unit)
            assert one.count("- [ ] ") == len(unit.checklist) + 1, "every item plus the homework"


def test_overview_pages_list_every_unit_and_offer_progress(pages):
    for program in HANDBOOK.programs.values():
        page = pages[f"programs/{program.id}/index.html"]
        for unit in program.units:
            assert unit.title in page.text, f"{program.id} overview misses {unit.title}"
        assert any(url.endswith(f"downloads/checklists/{program.id}.md") for _, _, url in page.links)


def test_the_packet_has_every_week_on_its_own_section(pages):
    program = HANDBOOK.programs["leadership-cohort"]
    page = pages["programs/leadership-cohort/packet/index.html"]
    for unit in program.units:
        assert unit.id in page.ids
        assert unit.homework.title in page.text
        assert f"hb-{program.id}-{unit.id}-homework" in page.ids


def test_facilitator_agendas_fill_the_four_hour_session():
    for unit in HANDBOOK.programs["leadership-cohort"].units:
        assert sum(item.minutes for item in unit.agenda) == 240, f"{unit.id} agenda"
        assert unit.facilitation and unit.prepare
        assert any(item.phase == "capstone" for item in unit.checklist), f"{unit.id} has no capstone milestone"
