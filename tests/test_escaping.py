"""Data can never inject HTML, script or Jinja: hostile text shows up as text."""

from __future__ import annotations

from conftest import build, copy_project
from htmlscan import scan

HOSTILE = "<script>window.pwned=1</script> {{ config.site_name }} {% raw %} <b>bold</b>"


def test_hostile_data_is_rendered_as_visible_text(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "data" / "programs" / "leadership-cohort.yml"
    text = data.read_text("utf-8")
    quoted = HOSTILE.replace('"', '\\"')
    text = text.replace("    title: Map where decisions really happen\n", f'    title: "{quoted}"\n', 1)
    text = text.replace("text: Watch this week's talk and note one idea you disagree with.", f'text: "{quoted}"', 1)
    data.write_text(text, "utf-8")
    site = build(project, tmp_path / "site")
    html = (site / "programs" / "leadership-cohort" / "week-1" / "index.html").read_text("utf-8")
    page = scan(html)
    assert page.text.count(HOSTILE) >= 2, "the hostile string must appear, as text, in homework and checklist"
    assert not any("pwned" in script for script in page.scripts), "no script element may carry the data"
    assert "<b>bold</b>" not in html and "{{" not in html and "{%" not in html
    assert "Technical Leadership Handbook {% raw %}" not in page.text, "Jinja in data must not be evaluated"
