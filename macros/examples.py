"""Invented examples, marked as fictional the same way everywhere.

Every example in the data (decision topics, templates) and every example section of a page
carries the same mark, rendered by :func:`fictional_mark`. An example's organisation comes
from ``data/organisations.yml``, so one name always stands for one company.
"""

from __future__ import annotations

from .markup import esc, md, table
from .model import Example, Organisation
from .page import Page
from .registry import macro


def fictional_mark(org: Organisation | None) -> str:
    """The one mark every invented example carries, naming its organisation and its line of business
    (the full identity is in the registry table on the conventions page)."""
    if org is None:
        return '<span class="hb-fictional"><strong>Fictional example</strong></span>'
    business = org.industry.split(" (")[0]
    if len(business) > 1 and business[1].islower():  # "Logistics" -> "logistics", but "B2B SaaS" stays
        business = business[0].lower() + business[1:]
    return f'<span class="hb-fictional"><strong>Fictional example</strong>: {esc(org.name)}, {esc(business)}</span>'



def example_markdown(example: Example, organisations: dict[str, Organisation]) -> str:
    """An example from data: the mark, then the story."""
    org = organisations.get(example.org) if example.org else None
    return f"{fictional_mark(org)} {md(example.text)}\n"


@macro
def fictional(page: Page, org_id: str | None = None) -> str:
    """The fictional-example mark for an example written on the page itself."""
    org = None
    if org_id is not None:
        if org_id not in page.book.organisations:
            raise page.fail(f"fictional('{org_id}'): no such organisation in data/organisations.yml")
        org = page.book.organisations[org_id]
    return fictional_mark(org)


@macro
def organisation_table(page: Page) -> str:
    """The registry of fictional organisations, for the conventions page."""
    rows = [
        (f"**{md(o.name)}**", md(o.industry), md(o.size), md(o.region), md(o.product))
        for o in sorted(page.book.organisations.values(), key=lambda o: o.name.lower())
    ]
    return table(("Name", "Industry", "Size", "Region", "What it does"), rows)
