"""Publishing: downloads, the zip, llms.txt, JSON data and print editions, with or without MkDocs' post-build hook."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import zipfile

import pytest
import yaml

from conftest import ROOT
from macros.minify import minified, minify_assets
from macros.model import Assessment, LearningPath, Program, Template
from macros.publish import compact_html, zip_bytes


def test_llms_txt_lists_every_page_with_its_description(site, pages):
    index = (site / "llms.txt").read_text("utf-8")
    full = (site / "llms-full.txt").read_text("utf-8")
    content_pages = [p for p in pages if p != "404.html" and not p.startswith("print/")]
    assert index.count("\n- [") == len(content_pages)
    assert index.startswith("# Technical Leadership Handbook\n\n> ")
    for path in pages:
        if path == "404.html" or path.startswith("print/"):
            continue
        title = pages[path].title.split(" - ")[0]
        assert f"[{title}](" in index, f"llms.txt misses {path}"
        assert f"\n# {title}\n" in full, f"llms-full.txt misses {path}"
    assert "<script" not in full and "{{" not in full


@pytest.mark.parametrize(
    ("name", "model"),
    [("programs", Program), ("templates", Template), ("assessments", Assessment), ("paths", LearningPath)],
)
def test_data_export_round_trips_through_the_models(site, handbook, name, model):
    items = getattr(handbook, name)
    exported = json.loads((site / "data" / f"{name}.json").read_text("utf-8"))
    assert [model.model_validate(item) for item in exported] == list(items.values())
    schema = json.loads((site / "data" / "schema" / f"{name[:-1]}.schema.json").read_text("utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/") and schema["type"] == "object"
    index = json.loads((site / "data" / "index.json").read_text("utf-8"))
    assert index["files"][name] == {
        "data": f"{name}.json",
        "schema": f"schema/{name[:-1]}.schema.json",
        "count": len(items),
    }


def test_changelog_lists_content_commits(pages):
    page = pages["about/changelog/index.html"]
    log = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%h %s", "--", "docs", "data"], capture_output=True, text=True
    ).stdout.split(" ", 1)
    if log == [""]:
        pytest.skip("not a git checkout")
    assert log[0] in page.text


def test_our_scripts_and_stylesheets_ship_minified(site):
    """Each file of overrides/assets/ is served as the minifier's output of its source: readers
    download no comments, contributors keep them. (The browser tests run the minified files.)"""
    sources = sorted((ROOT / "overrides" / "assets").glob("*.*"))
    assert sources
    for source in sources:
        text = source.read_text("utf-8")
        served = (site / "assets" / source.name).read_text("utf-8")
        assert served == minified(source.name, text), f"assets/{source.name} is not its source minified"
        assert len(served) < len(text), f"assets/{source.name}: minifying saved nothing"


def test_minifying_twice_changes_nothing(tmp_path):
    assets = tmp_path / "assets"
    (assets / "javascripts").mkdir(parents=True)
    (assets / "a.js").write_text("// a comment\nvar  answer = 42 ;  // another\n", "utf-8")
    (assets / "b.css").write_text("/* a comment */\n.x  {\n  color : red ;\n}\n", "utf-8")
    theme = assets / "javascripts" / "theme.js"
    theme.write_text("var   theme ;\n", "utf-8")
    assert minify_assets(tmp_path) == 2
    once = {p.name: p.read_text("utf-8") for p in assets.glob("*.*")}
    assert once == {"a.js": "var answer=42;", "b.css": ".x{color:red}"}
    assert minify_assets(tmp_path) == 2
    assert {p.name: p.read_text("utf-8") for p in assets.glob("*.*")} == once
    assert theme.read_text("utf-8") == "var   theme ;\n", "the theme's own files are left alone"


def test_publish_writes_everything_into_a_site_built_without_the_hook(site, tmp_path):
    """After a Zensical build (no post-build hook), `handbook.py publish` adds the same files."""
    bare = tmp_path / "bare"
    shutil.copytree(site, bare, ignore=shutil.ignore_patterns("pdf"))  # PDFs come from handbook.py pdf, not publish
    generated = ["downloads", "data", "print", "llms.txt", "llms-full.txt"]
    for name in generated:
        target = bare / name
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "handbook.py"), "publish", "--site", str(bare)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "wrote 1 template zip" in result.stdout and "print editions" in result.stdout
    for name in generated:
        original, again = site / name, bare / name
        if original.is_file():
            assert again.read_bytes() == original.read_bytes(), name
        else:
            files = sorted(
                p.relative_to(original).as_posix() for p in original.rglob("*") if p.is_file() and p.suffix != ".pdf"
            )
            assert files == sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file()), name


def test_publish_says_what_it_skipped(tmp_path):
    from conftest import load_config
    from macros.loader import load_handbook
    from macros.publish import publish
    from macros.settings import Site

    (tmp_path / "index.html").write_text("<html><body>no article here</body></html>")
    site = Site.from_config(load_config(), ROOT)
    report = publish(site, load_handbook(site.data_dir, ROOT, site.docs_dir), tmp_path)
    assert "skipped print editions: no built page has an <article> element to assemble them from" in report.lines()


def test_zip_is_deterministic_and_sorted():
    files = [("b.md", "second"), ("a.md", "first")]
    first, second = zip_bytes(files), zip_bytes(list(reversed(files)))
    assert first == second
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert archive.namelist() == ["a.md", "b.md"]
    assert archive.read("a.md") == b"first"
    assert archive.getinfo("a.md").date_time == (1980, 1, 1, 0, 0, 0)


def test_compact_html_drops_indentation_but_not_preformatted_text():
    html = "<div>\n    <p>Hello\n      world</p>\n\n\n  <pre><code>  keep\n    this</code></pre>\n  <textarea>\n  as is</textarea>\n</div>"
    assert compact_html(html) == (
        "<div>\n<p>Hello\nworld</p>\n<pre><code>  keep\n    this</code></pre>\n<textarea>\n  as is</textarea>\n</div>"
    )
    script = "<script>\n  var a = 1;\n</script>"
    assert compact_html(script) == script


def test_github_forms_templates_and_owners_are_in_place():
    forms = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    names = {p.stem for p in forms}
    assert {"content-request", "page-error", "site-bug"} <= names
    for form in forms:
        data = yaml.safe_load(form.read_text("utf-8"))
        if form.stem != "config":
            assert data["name"] and data["description"] and data["body"]
    page_error = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "page-error.yml").read_text("utf-8"))
    assert any(field.get("id") == "page" for field in page_error["body"]), "the report link prefills the 'page' field"
    assert "- [ ]" in (ROOT / ".github" / "pull_request_template.md").read_text("utf-8")
    owners = (ROOT / ".github" / "CODEOWNERS").read_text("utf-8")
    for section in ("/docs/programs/", "/docs/frameworks/", "/docs/templates/", "/docs/assessments/"):
        assert section in owners
