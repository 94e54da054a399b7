"""The shared markup helpers: escaping, lists, tables, fences."""

from __future__ import annotations

import pytest

from macros import markup


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("{{ x }}", "&#123;&#123; x &#125;&#125;"),
        ("{% if %}", "&#123;% if %&#125;"),
        ("a \"quoted\" & 'single'", "a &quot;quoted&quot; &amp; &#x27;single&#x27;"),
    ],
)
def test_esc_neutralises_markup_and_jinja(raw, escaped):
    assert markup.esc(raw) == escaped


def test_md_keeps_inline_markdown_but_not_markup():
    assert markup.md("*Read* [this](x.md) <img src=x onerror=y> {x}") == (
        "*Read* [this](x.md) &lt;img src=x onerror=y&gt; &#123;x&#125;"
    )


def test_fence_outlasts_backticks_in_the_text():
    block = markup.fence("use ```` to fence")
    assert block.startswith("````` markdown\n") and block.endswith("\n`````\n")


@pytest.mark.parametrize(
    ("count", "word", "irregular", "expected"),
    [(1, "page", None, "1 page"), (2, "page", None, "2 pages"), (0, "step", None, "0 steps"), (3, "study", "studies", "3 studies")],
)
def test_plural(count, word, irregular, expected):
    assert markup.plural(count, word, irregular) == expected


def test_table_cells_stay_in_their_columns():
    out = markup.table(("A", "B"), [(markup.cell("x | y\n z"), "2")])
    assert out.splitlines() == ["| A | B |", "| --- | --- |", "| x \\| y z | 2 |"]


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Follow the *Staff-plus action plan* now", "Follow the Staff-plus action plan now"),
        ("See [the page](../x.md) and **this**", "See the page and this"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("2 * 3 * 4", "2 * 3 * 4"),
    ],
)
def test_plain_text_for_scripts(text, plain):
    assert markup.plain_text(text) == plain


@pytest.mark.parametrize(("minutes", "label"), [(45, "45 min"), (60, "1 h"), (90, "1 h 30 min"), (125, "2 h 05 min")])
def test_minutes_label(minutes, label):
    assert markup.minutes_label(minutes) == label
