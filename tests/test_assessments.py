"""Assessments: the scoring rules for every assessment in data/, and Python scoring the browser must equal."""

from __future__ import annotations

from factories import answers_strategy
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, load_book
from macros.pages import assessment_src
from macros.scoring import score


def test_every_assessment_has_a_page(handbook):
    for assessment in handbook.assessments.values():
        assert (ROOT / "docs" / assessment_src(assessment.id)).is_file(), f"no page for {assessment.id}"


def test_every_possible_total_lands_in_exactly_one_band(assessment_id, handbook):
    assessment = handbook.assessments[assessment_id]
    if assessment.scoring != "sum":
        return
    low = assessment.scale.min * len(assessment.items)
    high = assessment.scale.max * len(assessment.items)
    for total in range(low, high + 1):
        hits = [b.id for b in assessment.bands if b.min <= total <= b.max]
        assert len(hits) == 1, f"total {total} falls in {hits}"
        answers = _answers_with_total(assessment, total)
        assert score(assessment, answers)["band"] == hits[0]


def _answers_with_total(assessment, total: int) -> dict[str, int]:
    """Answers that add up to ``total``: fill items with the maximum, one with the rest, the others the minimum."""
    low, high = assessment.scale.min, assessment.scale.max
    remaining = total - low * len(assessment.items)
    answers = {}
    for item in assessment.items:
        extra = min(high - low, remaining)
        answers[item.id] = low + extra
        remaining -= extra
    return answers


def test_choice_items_name_a_band_for_every_choice(assessment_id, handbook):
    assessment = handbook.assessments[assessment_id]
    bands = {band.id for band in assessment.bands}
    for item in assessment.items:
        assert {choice.band for choice in item.choices} - {None} <= bands, "a choice names a band that does not exist"


def test_levels_need_every_lower_level(assessment_id, handbook):
    assessment = handbook.assessments[assessment_id]
    if assessment.scoring != "levels":
        return
    top_level = max(item.level for item in assessment.items)
    assert score(assessment, {i.id: assessment.scale.max for i in assessment.items})["level"] == top_level
    weak_second = {i.id: (assessment.scale.min if i.level == 2 else assessment.scale.max) for i in assessment.items}
    assert score(assessment, weak_second)["level"] == 1, "higher levels do not count without level 2"


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_sum_scores_are_the_total_and_weakest_are_the_lowest(data):
    summed = [a for a in load_book().assessments.values() if a.scoring == "sum"]
    assessment = data.draw(st.sampled_from(summed))
    answers = data.draw(answers_strategy(assessment))
    result = score(assessment, answers)
    assert result["total"] == sum(answers.values())
    assert result["max"] == assessment.scale.max * len(assessment.items)
    weakest = result["weakest"]
    assert len(weakest) == assessment.weakest
    others = [answers[i.id] for i in assessment.items if i.id not in weakest]
    if weakest and others:
        assert max(answers[w] for w in weakest) <= min(others)


def test_benchmarked_bands_name_their_source_and_year(handbook):
    for assessment in handbook.assessments.values():
        if assessment.benchmark:
            assert assessment.benchmark.name and 1990 <= assessment.benchmark.year
