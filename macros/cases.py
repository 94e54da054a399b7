"""Real cases: public incidents and leadership decisions, told in our own words, linked to their sources.

A case is one file in ``data/cases/`` and one page in ``docs/cases/`` (``case_id`` in its
front matter). Each case names the pages it illustrates, and those pages list it with
``{{ related_cases() }}``, so the links run both ways from one source.
"""

from __future__ import annotations

from .markup import bullet_list, cell, md, paragraphs, table
from .model import Case
from .page import Page
from .pages import case_src
from .registry import macro


def case_markdown(case: Case) -> str:
    """The body of a case page: what happened, the decisions, what changed, lessons and sources."""
    when = case.date.strftime("%-d %B %Y")
    sources = [
        f"- [{md(s.title)}]({s.url}), {md(s.publisher)} ({s.year}){' — primary source' if s.primary else ''}"
        for s in case.sources
    ]
    return "\n".join(
        [
            f"**{md(case.organisation)}**, {when}. {md(case.summary)}\n",
            "## What happened\n",
            paragraphs(case.what_happened),
            "## The decisions leaders faced\n",
            bullet_list(case.decisions),
            "## What changed afterwards\n",
            paragraphs(case.what_changed),
            "## Questions for your own organisation\n",
            bullet_list(case.lessons),
            "## Sources\n",
            "\n".join(sources) + "\n",
            f"Retold in our own words from the sources above, which were last checked on {case.checked.isoformat()}.\n",
        ]
    )


@macro
def case_story(page: Page) -> str:
    return case_markdown(page.named("case_id", page.book.cases, "data/cases/"))


@macro
def case_table(page: Page) -> str:
    """Every case, newest first, with its organisation, date and kind."""
    rows = [
        (
            f"[{md(c.title)}]({page.md_link(case_src(c.id))})",
            md(c.organisation),
            str(c.date.year),
            "Incident" if c.kind == "incident" else "Decision",
            cell(c.summary),
        )
        for c in sorted(page.book.cases.values(), key=lambda c: c.date, reverse=True)
    ]
    return table(("Case", "Organisation", "Year", "Kind", "Why it matters"), rows)


@macro
def related_cases(page: Page) -> str:
    """The real cases that illustrate this page, from the cases' own data."""
    cases = page.book.cases_for(page.src)
    if not cases:
        return "No case in the library illustrates this page yet.\n"
    return (
        "\n".join(
            f"- [{md(c.title)}]({page.md_link(case_src(c.id))}) ({md(c.organisation)}, {c.date.year}): {md(c.summary)}"
            for c in cases
        )
        + "\n"
    )
