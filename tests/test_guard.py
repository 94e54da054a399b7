"""Pages may call the handbook's macros and nothing else: a pull request's Markdown never runs code."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, copy_project
from macros.guard import PageRejected, _jinja_parts, _plain_calls, check_template, check_title, compile_page

ALLOWED = {"unit_focus", "template_block", "content_changes"}


@pytest.mark.parametrize(
    "source",
    [
        "Plain text with a {placeholder} and a } brace.",
        "{{ unit_focus() }}",
        '{{ template_block("minimal") }} and {{ template_block(variant="full") }}',
        "{{ content_changes(limit=5) }}",
        "{# a comment #} text",
        "{% raw %}{{ shown as text }}{% endraw %}",
        "```html\n<script>shown in a code block</script>\n```",
        "Use `onclick=` in inline code.",
    ],
)
def test_macro_calls_with_literal_arguments_are_allowed(source):
    check_template(source, ALLOWED)
    compile_page(source, ALLOWED)


def test_a_page_compiles_to_its_text_and_calls_in_order():
    parts = compile_page('Intro\n\n{{ unit_focus() }} then {{ template_block("minimal", variant="x") }}.', ALLOWED)
    assert parts == ["Intro\n\n", ("unit_focus", (), {}), " then ", ("template_block", ("minimal",), {"variant": "x"}), "."]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ config }}", "'config' is not a handbook macro; pages may not read variables"),
        ("{{ range(3) }}", "'range' is not a handbook macro"),
        ("{{ unit_fokus() }}", "did you mean 'unit_focus'?"),
        ("{{ unit_focus.__globals__ }}", "attribute access ('.__globals__') is not allowed"),
        ("{{ unit_focus()['x'] }}", "item access ('[…]') is not allowed"),
        ("{{ unit_focus()|safe }}", "filters ('|safe') are not allowed"),
        ("{{ template_block(config) }}", "arguments must be literal text, numbers or true/false"),
        ("{{ template_block(*args) }}", "arguments must be written out, without * or **"),
        ("{{ template_block([1]) }}", "arguments must be literal text, numbers or true/false"),
        ("{{ unit_focus() ~ 'x' }}", "a concat expression is not allowed"),
        ("{{ 'a'.upper() }}", "attribute access ('.upper') is not allowed"),
        ("{% set x = 1 %}", "statements are not allowed"),
        ("{% include 'x.md' %}", "statements are not allowed"),
        ("{% for x in y %}{% endfor %}", "statements are not allowed"),
        ("{{ unit_focus( }}", "Jinja syntax error"),
        ("<script>alert(1)</script>", "'<script' would run script in the reader's browser"),
        ('<img src=x onerror="alert(1)">', "'onerror=' would run script"),
        ("[link](javascript:alert(1))", "'javascript:' would run script"),
        ('[link](x.md){: onclick="alert(1)" }', "'onclick=' would run script"),
        ('<iframe src="https://example.org"></iframe>', "'<iframe' would run script"),
    ],
)
@pytest.mark.parametrize("check", [check_template, compile_page])
def test_anything_else_is_rejected_with_its_line(check, source, message):
    with pytest.raises(PageRejected) as caught:
        check("A first line.\n\n" + source, ALLOWED)
    assert caught.value.line == 3
    assert message in str(caught.value)
    if source.startswith(("{{", "{%")) and "syntax" not in message:
        assert "a page may only call a handbook macro with literal arguments (content_changes, " in str(caught.value)


# Calls in the common shape and near it, and text around them, for the property below.
SPACE = st.sampled_from(["", " ", "  ", "\n", "\t"])
ARGUMENT = st.sampled_from([
    '"minimal"', "'x'", 'variant="y"', "variant = 'z'", "7", "0", "007", "-1", "1.5", "1_0", "true", "None", "False",
    '"a}}b"', '"{{"', '"\\n"', '"é’"', '"line\nbreak"', "config", "x.y", '"a" "b"', "", ",", "*args",
])
CALL = st.builds(
    lambda before, name, arguments, after: "{{" + before + name + "(" + ", ".join(arguments) + ")" + after + "}}",
    SPACE, st.sampled_from(["unit_focus", "template_block", "range", "-unit_focus"]), st.lists(ARGUMENT, max_size=3), SPACE,
)
TEXT = st.sampled_from(["", "text ", "\n", "}} ", "{{ ", "{% raw %}x{% endraw %}", "{# note #}", "\r\n", "{x}", "{{-"])


@given(st.lists(st.one_of(CALL, TEXT), max_size=6).map("".join))
def test_the_quick_reading_of_a_page_is_the_one_jinja_makes(source):
    """Pages in the common shape skip Jinja's lexer; whatever that reading accepts, Jinja reads the same way."""
    quick = _plain_calls(source, ALLOWED)
    if quick is not None:
        assert quick == _jinja_parts(source, ALLOWED, jinja2.Environment(keep_trailing_newline=True))


def test_the_common_shape_is_read_without_jinja():
    source = 'A {{ template_block("minimal", variant=\'x\') }} and {{unit_focus()}}\n'
    assert _plain_calls(source, ALLOWED) == [
        "A ", ("template_block", ("minimal",), {"variant": "x"}), " and ", ("unit_focus", (), {}), "\n",
    ]


def test_every_page_of_the_handbook_reads_the_same_quickly_or_through_jinja():
    from macros.registry import MACROS

    env = jinja2.Environment(keep_trailing_newline=True)
    for path in sorted((ROOT / "docs").rglob("*.md")):
        source = path.read_text("utf-8")
        assert compile_page(source, set(MACROS)) == _jinja_parts(source, set(MACROS), env), path


def test_titles_may_not_carry_jinja():
    assert check_title("Week 1: Foundations") is None
    assert "may not contain Jinja" in check_title("{{ config.site_name }}")


# Sandbox escapes that work on plain Jinja (mkdocs-macros' own environment is not sandboxed).
# Each writes MARKER when it runs.
ESCAPES = {
    "cycler-globals": "{{ cycler.__init__.__globals__.os.popen('echo INJECTED-$((6*7)) > MARKER').read() }}",
    "lipsum-globals": "{{ lipsum.__globals__['os'].system('touch MARKER') }}",
    "subclass-walk": (
        "{% for c in ().__class__.__base__.__subclasses__() %}{% if c.__name__ == 'catch_warnings' %}"
        "{{ c()._module.__builtins__['__import__']('os').system('touch MARKER') }}{% endif %}{% endfor %}"
    ),
    "template-reference": "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.system('touch MARKER') }}",
    "attr-filter": "{{ cycler|attr('__init__')|attr('__globals__')|attr('get')('os')|attr('system')('touch MARKER') }}",
}


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_each_escape_is_real_on_unguarded_jinja(name, tmp_path, monkeypatch):
    """The payloads are live: rendered by plain Jinja they run a shell command."""
    monkeypatch.chdir(tmp_path)
    jinja2.Environment().from_string(ESCAPES[name]).render()
    assert (tmp_path / "MARKER").exists()


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_the_build_refuses_each_escape_before_it_runs(name, tmp_path):
    project = copy_project(tmp_path / "project")
    marker = tmp_path / "MARKER"
    page = project / "docs" / "glossary.md"
    original = page.read_text("utf-8")
    line = original.count("\n") + 2
    page.write_text(original + "\n" + ESCAPES[name].replace("MARKER", str(marker)) + "\n", "utf-8")
    result = _build(project, tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert f"docs/glossary.md:{line}: " in output, output[-2000:]
    assert "a page may only call a handbook macro" in output and "unit_checklist" in output
    assert "Traceback" not in output
    assert not marker.exists(), "the rejected expression ran"


def test_includes_follow_the_same_rule(tmp_path):
    project = copy_project(tmp_path / "project")
    marker = tmp_path / "MARKER"
    include = project / "includes" / "abbreviations.md"
    text = include.read_text("utf-8")
    include.write_text(text + ESCAPES["lipsum-globals"].replace("MARKER", str(marker)) + "\n")
    result = _build(project, tmp_path)
    assert result.returncode == 1
    line = text.count("\n") + 1
    assert f"includes/abbreviations.md:{line}: " in result.stderr
    assert "a page may only call a handbook macro" in result.stderr
    assert not marker.exists()


def test_the_payload_in_a_title_is_refused(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "glossary.md"
    page.write_text(page.read_text("utf-8").replace("title: Glossary", "title: Glossary {{ config }}", 1), "utf-8")
    result = _build(project, tmp_path)
    assert result.returncode == 1
    assert "docs/glossary.md:1: front matter title may not contain Jinja" in result.stderr


def _build(project: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    shutil.copytree(ROOT / "scripts", project / "scripts", dirs_exist_ok=True)
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "handbook.py"), "build", "--quiet", "--dest", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=project,  # snippets (the glossary's abbreviations) are found relative to the project
    )
