"""Checklists: stable storage ids, phase order, accessible HTML and Markdown downloads equal to the data."""

from __future__ import annotations

from factories import make_program, make_unit

from conftest import ROOT
from handbook import CHECKLIST_IDS, checklist_ids, published_ids, removed_ids
from macros import checklists


def test_checklist_orders_phases_and_adds_the_homework_item():
    items = checklists.checklist_items(make_unit())
    assert [(i.id, i.phase) for i in items] == [("read", "before"), ("homework", "after"), ("present", "capstone")]
    assert items[1].text == "Homework: Map it"


def test_checklist_html_is_keyed_by_stable_ids_and_escaped():
    html = checklists.checklist_html(make_program(), make_unit())
    assert 'data-hb-checklist="cohort/week-1"' in html
    assert 'id="hb-cohort-week-1-read" data-hb-item="read"' in html
    assert (
        '<label for="hb-cohort-week-1-read">Read &lt;b&gt;this&lt;/b&gt; &#123;&#123; x &#125;&#125;.</label>' in html
    )
    assert html.count("<fieldset") == 3 and "<legend>Before the session</legend>" in html
    assert "<b>" not in html and "{{" not in html


def test_checklist_markdown_is_a_task_list():
    assert checklists.checklist_markdown(make_program(), make_unit()).splitlines() == [
        "## Week 1: First week",
        "",
        "- [ ] Read <b>this</b> {{ x }}. (before the session)",
        "- [ ] Homework: Map it (after the session)",
        "- [ ] Present. (capstone milestone)",
    ]


def test_no_published_checklist_id_was_removed_or_renamed():
    """Readers' ticks are stored under these ids. New ids are fine; a lost one drops readers' progress."""
    lost = removed_ids(ROOT)
    assert not lost, (
        f"checklist ids were removed or renamed: {lost}. Readers' saved ticks for them will be dropped. "
        "If that is intended, run 'python scripts/handbook.py checklist-ids --write' to acknowledge it "
        f"(it rewrites {CHECKLIST_IDS.relative_to(CHECKLIST_IDS.parent.parent)}) and say why in the pull request"
    )


def test_new_ids_are_accepted_and_removals_are_caught(tmp_path):
    published = {"p/u/a", "p/u/b"}
    assert removed_ids(tmp_path, current=["p/u/a", "p/u/b", "p/u/new"], published=published) == []
    assert removed_ids(tmp_path, current=["p/u/a", "p/u/renamed"], published=published) == ["p/u/b"]


def test_ids_are_unique_and_the_published_list_parses():
    current = checklist_ids(ROOT)
    assert len(current) == len(set(current))
    assert all(line.count("/") == 2 for line in published_ids(ROOT))


def test_checklist_downloads_match_the_data(site, handbook):
    for program in handbook.programs.values():
        whole = (site / checklists.checklist_download(program)).read_text("utf-8")
        assert whole == checklists.program_checklist_markdown(program)
        for unit in program.units:
            one = (site / checklists.checklist_download(program, unit)).read_text("utf-8")
            assert one == checklists.checklist_markdown(program, unit)
            assert one.count("- [ ] ") == len(unit.checklist) + 1, "every item plus the homework"
