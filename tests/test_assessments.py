"""Assessments: the band rules, and Python scoring that the browser must agree with."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.loader import load_handbook
from macros.scoring import score

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = load_handbook(ROOT / "data", ROOT, ROOT / "docs")
ASSESSMENTS = HANDBOOK.assessments


def answers_strategy(assessment):
    """Complete answer sets for an assessment."""
    fields = {}
    for item in assessment.items:
        if item.choices:
            fields[item.id] = st.sampled_from([c.id for c in item.choices])
        else:
            fields[item.id] = st.integers(assessment.scale.min, assessment.scale.max)
    return st.fixed_dictionaries(fields)


def test_the_five_assessments_exist():
    assert set(ASSESSMENTS) == {
        "quarterly-leadership",
        "westrum-culture",
        "dora-four-keys",
        "leadership-maturity",
        "onboarding-reality",
    }


@pytest.mark.parametrize("assessment_id", ["quarterly-leadership", "westrum-culture"])
def test_every_possible_total_lands_in_exactly_one_band(assessment_id):
    assessment = ASSESSMENTS[assessment_id]
    low = assessment.scale.min * len(assessment.items)
    high = assessment.scale.max * len(assessment.items)
    for total in range(low, high + 1):
        hits = [b.id for b in assessment.bands if b.min <= total <= b.max]
        assert len(hits) == 1, f"total {total} falls in {hits}"
    assert not any(b.min <= low - 1 <= b.max or b.min <= high + 1 <= b.max for b in assessment.bands)


def test_quarterly_band_boundaries_are_the_documented_ones():
    bands = {b.id: (b.min, b.max) for b in ASSESSMENTS["quarterly-leadership"].bands}
    assert bands == {
        "building-foundations": (0, 39),
        "emerging-leader": (40, 44),
        "strong-senior": (45, 49),
        "staff-ready": (50, 54),
        "proven-staff-impact": (55, 60),
    }
    q = ASSESSMENTS["quarterly-leadership"]

    def edge(total: int) -> str:
        values = ([10] * (total // 10) + [total % 10] + [0] * 6)[: len(q.items)]
        return score(q, dict(zip([i.id for i in q.items], values, strict=True)))["band"]

    assert [edge(t) for t in (39, 40, 44, 45, 49, 50, 54, 55, 60)] == [
        "building-foundations",
        "emerging-leader",
        "emerging-leader",
        "strong-senior",
        "strong-senior",
        "staff-ready",
        "staff-ready",
        "proven-staff-impact",
        "proven-staff-impact",
    ]


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_sum_scores_are_the_total_and_weakest_are_the_lowest(data):
    q = ASSESSMENTS["quarterly-leadership"]
    answers = data.draw(answers_strategy(q))
    result = score(q, answers)
    assert result["total"] == sum(answers.values()) and result["max"] == 60
    weakest = result["weakest"]
    assert len(weakest) == 2
    others = [answers[i.id] for i in q.items if i.id not in weakest]
    assert max(answers[w] for w in weakest) <= min(others)


def test_levels_need_every_lower_level():
    m = ASSESSMENTS["leadership-maturity"]
    top = {i.id: 5 for i in m.items}
    assert score(m, top)["level"] == 4
    weak_level_two = {i.id: (1 if i.level == 2 else 5) for i in m.items}
    assert score(m, weak_level_two)["level"] == 1, "level 3 and 4 do not count without level 2"
    assert score(m, {i.id: 1 for i in m.items})["band"] == "task-manager"


def test_dora_choices_cover_each_metric_and_name_the_benchmark():
    dora = ASSESSMENTS["dora-four-keys"]
    assert [i.id for i in dora.items] == ["deployment-frequency", "lead-time", "change-failure-rate", "time-to-restore"]
    assert dora.benchmark.year == 2021 and "State of DevOps" in dora.benchmark.name
    for item in dora.items:
        assert len(item.choices) >= 4
        assert {c.band for c in item.choices} >= {"elite", "low"}
