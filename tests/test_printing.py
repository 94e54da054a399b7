"""Print editions: articles moved into one document with prefixed ids, shifted headings and re-based links."""

from __future__ import annotations

import io

import pytest

from macros import printing


def test_shift_headings_and_relocate():
    assert printing.shift_headings('<h1 id="a">A</h1><h2>B</h2><h6>C</h6>') == '<h2 id="a">A</h2><h3>B</h3><h6>C</h6>'
    article = (
        '<a href="../week-2/">w</a> <a href="#goals">g</a> <img src="../../../assets/x.png"> <h2 id="goals">G</h2>'
    )
    out = printing.relocate(article, "programs/p/week-1/", "print/p/", "p1-", {"programs/p/week-2/": "p2-"})
    assert (
        out
        == '<a href="#p2-top">w</a> <a href="#p1-goals">g</a> <img src="../../assets/x.png"> <h2 id="p1-goals">G</h2>'
    )


def test_remove_elements_handles_nesting():
    html = '<p>a</p><nav class="x"><nav><a>1</a></nav><nav>2</nav></nav><p>b</p><nav class="x">c</nav>'
    assert printing.remove_elements(html, '<nav class="x"', "nav") == "<p>a</p><p>b</p>"


def test_print_editions_hold_every_unit(site, pages, handbook):
    for program in handbook.programs.values():
        page = pages[f"print/{program.id}/index.html"]
        for unit in program.units:
            assert unit.title in page.text, f"print/{program.id} misses {unit.title}"
        article = (site / "print" / program.id / "index.html").read_text("utf-8").split("<article", 1)[1]
        assert "<script src=" not in article.split("</article>")[0]
    whole = pages["print/index.html"]
    assert all(p.title in whole.text for p in handbook.programs.values())


@pytest.mark.browser
def test_a_print_edition_renders_to_pdf_with_every_unit(page, handbook):
    from pypdf import PdfReader

    program = handbook.programs["leadership-cohort"]
    page.goto(f"print/{program.id}/")
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert len(reader.pages) >= len(program.units) + 1, f"{len(reader.pages)} pages for {len(program.units)} units"
    for unit in program.units:
        assert " ".join(unit.title.split()) in text, f"the PDF lacks {unit.title}"
    assert "Report a problem" not in text, "screen-only links stay off paper"
