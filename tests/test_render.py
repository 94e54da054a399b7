"""The pure renderers: escaping, links, checklists, template documents."""

from __future__ import annotations

import pytest

from macros import render
from macros.model import ChecklistItem, Homework, Program, Template, TemplateSection, Unit


def make_unit(**changes) -> Unit:
    fields = dict(
        number=1,
        id="week-1",
        title="First week",
        focus="Focus text.",
        discussion=["A prompt."],
        homework=Homework(title="Map it", description="Draw the map.", template="org-map"),
        checklist=[
            ChecklistItem(id="present", phase="capstone", text="Present."),
            ChecklistItem(id="read", phase="before", text="Read <b>this</b> {{ x }}."),
        ],
    )
    fields.update(changes)
    return Unit(**fields)


def make_program(unit: Unit | None = None) -> Program:
    return Program(
        id="cohort",
        title="Cohort",
        summary="S.",
        format="F.",
        cadence="C.",
        audience="A.",
        unit_label="Week",
        units=[unit or make_unit()],
    )


def make_template(**changes) -> Template:
    fields = dict(
        id="org-map",
        title="Organisation map",
        category="communicate",
        version="1.2.0",
        summary="Map it.",
        purpose="P.",
        when_to_use=["W."],
        when_not_to_use=["N."],
        how_to_fill=["H."],
        sections=[
            TemplateSection(heading="Context", prompts=["Why -- now?", "For whom?"], body="{context}"),
            TemplateSection(heading="Extra", prompts=["More?"], body="{more}", required=False, minimal=False),
        ],
    )
    fields.update(changes)
    return Template(**fields)


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
    assert render.esc(raw) == escaped


def test_md_keeps_inline_markdown_but_not_markup():
    assert render.md("*Read* [this](x.md) <img src=x onerror=y> {x}") == (
        "*Read* [this](x.md) &lt;img src=x onerror=y&gt; &#123;x&#125;"
    )


@pytest.mark.parametrize(
    ("src", "url"),
    [
        ("index.md", ""),
        ("templates/index.md", "templates/"),
        ("templates/decision-matrix.md", "templates/decision-matrix/"),
    ],
)
def test_page_url_uses_directory_urls(src, url):
    assert render.page_url(src) == url


@pytest.mark.parametrize(
    ("from_url", "to_url", "link"),
    [
        (
            "templates/decision-matrix/",
            "downloads/templates/decision-matrix.md",
            "../../downloads/templates/decision-matrix.md",
        ),
        ("", "templates/", "templates/"),
        ("programs/cohort/week-1/", "programs/cohort/week-1/", "./"),
        ("programs/cohort/week-1/", "templates/x/", "../../../templates/x/"),
    ],
)
def test_rel_url(from_url, to_url, link):
    assert render.rel_url(from_url, to_url) == link


def test_fence_outlasts_backticks_in_the_text():
    block = render.fence("use ```` to fence")
    assert block.startswith("````` markdown\n") and block.endswith("\n`````\n")


def test_checklist_orders_phases_and_adds_the_homework_item():
    items = render.checklist_items(make_unit())
    assert [(i.id, i.phase) for i in items] == [("read", "before"), ("homework", "after"), ("present", "capstone")]
    assert items[1].text == "Homework: Map it"


def test_checklist_html_is_keyed_by_stable_ids_and_escaped():
    html = render.checklist_html(make_program(), make_unit())
    assert 'data-hb-checklist="cohort/week-1"' in html
    assert 'id="hb-cohort-week-1-read" data-hb-item="read"' in html
    assert (
        '<label for="hb-cohort-week-1-read">Read &lt;b&gt;this&lt;/b&gt; &#123;&#123; x &#125;&#125;.</label>' in html
    )
    assert html.count("<fieldset") == 3 and "<legend>Before the session</legend>" in html
    assert "<b>" not in html and "{{" not in html


def test_checklist_markdown_is_a_task_list():
    assert render.checklist_markdown(make_program(), make_unit()).splitlines() == [
        "## Week 1: First week",
        "",
        "- [ ] Read <b>this</b> {{ x }}. (before the session)",
        "- [ ] Homework: Map it (after the session)",
        "- [ ] Present. (capstone milestone)",
    ]


def test_schedule_table_links_only_written_units():
    table = render.schedule_table(make_program(), {"week-1": None})
    assert "| 1 | First week | Focus text. |" in table
    assert "| 1 | [First week](week-1.md) |" in render.schedule_table(make_program(), {"week-1": "week-1.md"})


def test_template_document_full_and_minimal():
    template = make_template()
    full = render.template_document(
        template, variant="full", source_url="https://h.example/t/", license_name="CC BY 4.0"
    )
    minimal = render.template_document(
        template, variant="minimal", source_url="https://h.example/t/", license_name="CC BY 4.0"
    )
    assert full.splitlines()[:9] == [
        "---",
        "title: Organisation map",
        "template: org-map",
        "template_version: 1.2.0",
        "variant: full",
        "required: Context",
        "source: https://h.example/t/",
        "license: CC BY 4.0",
        "---",
    ]
    assert "## Extra" in full and "## Extra" not in minimal
    assert "## Context\n\n<!-- Why — now? -->\n<!-- For whom? -->\n\n{context}" in full, "one comment per prompt"
    assert "-->" not in full.replace(" -->", ""), "a prompt may not close the HTML comment early"
    assert full.endswith("{more}") and minimal.endswith("{context}"), "no trailing newline, like the copy button"
    assert render.has_minimal_variant(template)
    assert not render.has_minimal_variant(make_template(sections=template.sections[:1]))


def test_decision_topics_get_stable_anchors():
    from macros.model import DecisionTopic

    topic = DecisionTopic(
        id="pick-model",
        title="Pick a model <now>",
        decision="D.",
        options=["A", "B"],
        tradeoffs="T.",
        signals=["S."],
        example="E.",
    )
    out = render.decisions_markdown(make_unit(decisions=[topic]))
    assert out.startswith("### Pick a model &lt;now&gt; {#pick-model}\n")
    assert "**Signals that should move you.**\n\n- S.\n" in out


def test_agenda_table_accumulates_start_times():
    from macros.model import AgendaItem

    unit = make_unit(agenda=[AgendaItem(minutes=90, activity="Talk"), AgendaItem(minutes=15, activity="Break")])
    rows = render.agenda_table(unit).splitlines()
    assert rows[2] == "| 0:00 | 90 | Talk |  |"
    assert rows[3] == "| 1:30 | 15 | Break |  |"
    assert rows[4] == "| 1:45 | | End | |"


def test_template_library_is_a_plain_table_with_filter_data():
    row = render.TemplateRow(
        title="Org <map>",
        link="org-map/",
        summary="Map it.",
        category="communicate",
        category_label="Influence and communicate",
        programs=(("cohort", "Cohort"), ("staff-plus", "Staff-plus")),
        competencies=(("mentoring", "Mentoring"),),
    )
    html = render.template_library_html([row])
    assert "<table data-hb-filterable>" in html, "no class, so the theme styles it"
    assert '<tr data-program="cohort staff-plus" data-competency="mentoring" data-purpose="communicate">' in html
    assert '<a href="org-map/">Org &lt;map&gt;</a>' in html
    assert '<option value="staff-plus">Staff-plus</option>' in html
    assert "data-hb-filters hidden" in html, "filters appear only when JavaScript can run them"


def test_zip_is_deterministic_and_sorted():
    import io
    import zipfile

    files = [("b.md", "second"), ("a.md", "first")]
    first, second = render.zip_bytes(files), render.zip_bytes(list(reversed(files)))
    assert first == second
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert archive.namelist() == ["a.md", "b.md"]
    assert archive.read("a.md") == b"first"
    assert archive.getinfo("a.md").date_time == (1980, 1, 1, 0, 0, 0)


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
    assert render.plain_text(text) == plain


def test_compact_html_drops_indentation_but_not_preformatted_text():
    html = "<div>\n    <p>Hello\n      world</p>\n\n\n  <pre><code>  keep\n    this</code></pre>\n  <textarea>\n  as is</textarea>\n</div>"
    assert render.compact_html(html) == (
        "<div>\n<p>Hello\nworld</p>\n<pre><code>  keep\n    this</code></pre>\n<textarea>\n  as is</textarea>\n</div>"
    )
    script = "<script>\n  var a = 1;\n</script>"
    assert render.compact_html(script) == script


def test_shift_headings_and_relocate_for_print_editions():
    assert render.shift_headings('<h1 id="a">A</h1><h2>B</h2><h6>C</h6>') == '<h2 id="a">A</h2><h3>B</h3><h6>C</h6>'
    article = (
        '<a href="../week-2/">w</a> <a href="#goals">g</a> <img src="../../../assets/x.png"> <h2 id="goals">G</h2>'
    )
    out = render.relocate(article, "programs/p/week-1/", "print/p/", "p1-", {"programs/p/week-2/": "p2-"})
    assert (
        out
        == '<a href="#p2-top">w</a> <a href="#p1-goals">g</a> <img src="../../assets/x.png"> <h2 id="p1-goals">G</h2>'
    )


def test_remove_elements_handles_nesting():
    html = '<p>a</p><nav class="x"><nav><a>1</a></nav><nav>2</nav></nav><p>b</p><nav class="x">c</nav>'
    assert render.remove_elements(html, '<nav class="x"', "nav") == "<p>a</p><p>b</p>"
