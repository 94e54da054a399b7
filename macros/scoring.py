"""Assessment scoring, the Python twin of ``overrides/assets/scoring.js``.

The browser scores every assessment with the JavaScript module; this module implements the
same rules so the tests can generate answer sets and check that the browser's score and band
equal these. Keep the two in step: a change here needs the same change there.
"""

from __future__ import annotations

from typing import Any

from .model import Assessment


def _band_for_total(assessment: Assessment, total: int) -> str:
    matches = [
        band.id
        for band in assessment.bands
        if band.min is not None and band.max is not None and band.min <= total <= band.max
    ]
    if len(matches) != 1:
        raise ValueError(f"{assessment.id}: total {total} falls in {len(matches)} bands")
    return matches[0]


def score(assessment: Assessment, answers: dict[str, Any]) -> dict[str, Any]:
    """Score a complete set of answers: ``{item id: number or choice id}``.

    Returns the same shape as ``HandbookScoring.score`` in JavaScript: ``total`` and ``max``
    (sum), ``band`` (sum and levels), ``level`` (levels), ``itemBands`` (choice) and
    ``weakest`` (the ``weakest`` lowest-scored item ids, ties in item order).
    """
    result: dict[str, Any] = {"total": None, "max": None, "band": None, "level": None, "itemBands": {}, "weakest": []}
    if assessment.scoring == "sum":
        assert assessment.scale is not None
        values = [int(answers[item.id]) for item in assessment.items]
        result["total"] = sum(values)
        result["max"] = assessment.scale.max * len(assessment.items)
        result["band"] = _band_for_total(assessment, result["total"])
        ranked = sorted(range(len(values)), key=lambda i: (values[i], i))
        result["weakest"] = [assessment.items[i].id for i in ranked[: assessment.weakest]]
    elif assessment.scoring == "choice":
        for item in assessment.items:
            choice = next(c for c in item.choices if c.id == answers[item.id])
            result["itemBands"][item.id] = choice.band
    else:
        assert assessment.level_threshold is not None
        levels = sorted({item.level for item in assessment.items if item.level is not None})
        reached = 1
        for level in levels:
            scores = [int(answers[item.id]) for item in assessment.items if item.level == level]
            if sum(scores) / len(scores) >= assessment.level_threshold:
                reached = level
            else:
                break
        result["level"] = reached
        result["band"] = assessment.bands[reached - 1].id
    return result
