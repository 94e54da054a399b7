"""The theme's stylesheets ship without the rules no page can match (the browser tests check they look the same)."""

from __future__ import annotations

import shutil
from pathlib import Path

import material
import pytest

from conftest import ROOT
from macros.themecss import Used, Wanted, blocks, prune, prune_theme_stylesheets, split_top_level

THEME_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"


def used(pages: tuple[str, ...] = (), scripts: tuple[str, ...] = (), sheets: tuple[str, ...] = ()) -> Used:
    found = Used()
    wanted = Wanted.from_sheets(sheets)
    for html in pages:
        found.add_page(html, wanted)
    for js in scripts:
        found.add_script(js)
    return found


def pruned(css: str, **kwargs: tuple[str, ...]) -> str:
    return prune([css], used(sheets=(css,), **kwargs))[0]


def test_a_rule_stays_when_a_page_or_a_script_can_give_its_classes():
    css = ".page{a:1}.script{b:2}.md-tag--new{c:3}.nowhere{d:4}.page .nowhere{e:5}"
    out = pruned(css, pages=('<p class="x page">',), scripts=('el.className = "script"; `md-tag--${kind}`',))
    assert out == ".page{a:1}.script{b:2}.md-tag--new{c:3}"


def test_only_the_matching_selectors_of_a_list_stay():
    assert pruned(".gone,.kept,.kept:hover{a:1}", pages=('<b class="kept">',)) == ".kept,.kept:hover{a:1}"


def test_not_never_removes_and_is_needs_one_alternative():
    css = ".a:not(.gone){x:1}.a:is(.gone,.b){y:2}.a:is(.gone){z:3}.a :where(.gone) .b{w:4}"
    assert pruned(css, pages=('<i class="a b">',)) == ".a:not(.gone){x:1}.a:is(.gone,.b){y:2}"


def test_variants_need_their_attribute_value_and_other_attributes_never_remove_a_rule():
    css = "[data-md-color-primary=pink]{a:1}[data-md-color-primary=indigo]{b:2}[dir=rtl] .x{c:3}[type=checkbox]{d:4}a[href$=\".pdf\"]{e:5}"
    page = '<body data-md-color-primary="indigo" dir="ltr"><a class="x" href="/">'
    assert pruned(css, pages=(page,)) == "[data-md-color-primary=indigo]{b:2}[type=checkbox]{d:4}a[href$=\".pdf\"]{e:5}"


def test_elements_no_page_has_and_no_script_names_are_dropped():
    css = ".t kbd{a:1}.t code{b:2}.t details{c:3}.t>p:first-child{d:4}"
    out = pruned(css, pages=('<div class="t"><code>x</code><p>y</p>',), scripts=('document.createElement("details")',))
    assert out == ".t code{b:2}.t details{c:3}.t>p:first-child{d:4}"


def test_media_groups_are_pruned_inside_and_other_at_rules_stay_whole():
    css = "@media screen{.gone{a:1}}@media print{.kept{b:2}.gone{c:3}}@keyframes spin{0%{d:4}to{e:5}}@font-face{font-family:x}"
    assert pruned(css, pages=('<p class="kept">',)) == "@media print{.kept{b:2}}@keyframes spin{0%{d:4}to{e:5}}@font-face{font-family:x}"


def test_custom_properties_go_when_nothing_reads_them_and_stay_when_anything_does():
    main = ":root{--unread:1;--chain:var(--chained);--chained:2;--by-palette:3;--by-ours:4;--by-script:5;--kept:6}.k{color:var(--kept)}"
    palette = ".k{background:var(--by-palette)}"
    found = used(pages=('<p class="k">',), scripts=('style.getPropertyValue("--by-script")',), sheets=(main, palette))
    found.add_stylesheet(".ours{margin:var(--by-ours)}")
    new_main, new_palette = prune([main, palette], found)
    assert new_main == ":root{--by-palette:3;--by-ours:4;--by-script:5;--kept:6}.k{color:var(--kept)}"
    assert new_palette == palette


def test_strings_with_braces_and_separators_are_not_split():
    css = '.k:before{content:"{;}"}.k:after{content:","}'
    assert blocks(css) == [(".k:before", 'content:"{;}"'), (".k:after", 'content:","')]
    assert split_top_level('a:url("x;y");b:c(1;2)', ";") == ['a:url("x;y")', "b:c(1;2)"]
    assert pruned(css, pages=('<p class="k">',)) == css


def test_pruning_the_theme_twice_changes_nothing():
    css = next(THEME_STYLESHEETS.glob("main.*.min.css")).read_text("utf-8")
    page = '<body class="md-typeset"><div class="md-header"><p class="admonition note">'
    once = pruned(css, pages=(page,))
    assert len(once) < len(css) * 0.8
    assert "sourceMappingURL" not in once
    assert pruned(once, pages=(page,)) == once


def test_the_built_site_ships_pruned_theme_stylesheets_without_their_maps(site):
    for shipped in (site / "assets" / "stylesheets").glob("*.css"):
        original = THEME_STYLESHEETS / shipped.name
        assert original.is_file(), f"{shipped.name} is not one of Material's stylesheets"
        assert shipped.stat().st_size < original.stat().st_size, f"{shipped.name} was not pruned"
        assert "sourceMappingURL" not in shipped.read_text("utf-8")
        assert not shipped.with_name(shipped.name + ".map").exists()


def test_the_preview_keeps_the_theme_stylesheets_whole(tmp_path):
    """An edit may use a class no page had before, so only a full build prunes."""
    from conftest import load_config
    from macros.loader import load_handbook
    from macros.publish import publish
    from macros.settings import Site

    shutil.copytree(THEME_STYLESHEETS, tmp_path / "assets" / "stylesheets")
    (tmp_path / "index.html").write_text('<html><body class="md-typeset">nothing else</body></html>')
    site = Site.from_config(load_config(), ROOT)
    book = load_handbook(site.data_dir, ROOT, site.docs_dir)
    sheets = sorted((tmp_path / "assets" / "stylesheets").glob("*.css"))
    before = [p.read_bytes() for p in sheets]
    publish(site, book, tmp_path, pages=True, deferred=True)
    assert [p.read_bytes() for p in sheets] == before
    report = publish(site, book, tmp_path)
    assert [p.read_bytes() for p in sheets] != before
    assert any(line.startswith("wrote 2 theme stylesheets without unused rules") for line in report.lines())


@pytest.mark.parametrize("name", ["main", "palette"])
def test_an_empty_site_keeps_only_what_no_class_decides(tmp_path, name):
    folder = tmp_path / "assets" / "stylesheets"
    shutil.copytree(THEME_STYLESHEETS, folder)
    count, before, after = prune_theme_stylesheets(tmp_path)
    assert count == 2 and after < before
    assert next(folder.glob(f"{name}.*.min.css")).read_text("utf-8").count(".md-") < 50
