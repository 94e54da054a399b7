"""overrides/partials/nav-item.html stays Material's partial, apart from the two changes its header names."""

from __future__ import annotations

import re
from pathlib import Path

import material

from conftest import ROOT, build, copy_project

THEME = Path(material.__file__).parent / "templates"
NAV_ITEM = "partials/nav-item.html"
INDEX_SEARCH = re.compile(
    r"    \{% set _ = namespace\(index = none\) %\}\n.*?    \{% set index = _\.index %\}\n", re.DOTALL
)
PRUNE_END = "        {% set is_pruned = true %}\n      {% endif %}\n    {% endif %}\n"
INDEXES = '{% if "navigation.indexes" in features %}'
# Change 2: a block at the top of `render` for collapsed sections, and the endif closing it.
COLLAPSED = re.compile(
    r"(\{% macro render\(nav_item, path, level, parent\) %\}\n)"
    r"  \{#- collapsed section: start -#\}\n.*?  \{#- collapsed section: end -#\}\n",
    re.DOTALL,
)
COLLAPSED_CLOSE = "  {#- collapsed section: close -#}\n  {% endif %}\n{% endmacro %}\n"
SIDEBAR = re.compile(
    r'<div class="md-sidebar md-sidebar--primary".*?<div class="md-sidebar md-sidebar--secondary"', re.DOTALL
)


def without_header(template: str) -> str:
    """The template after its leading ``{#- ... -#}`` comment."""
    return template[template.index("-#}") + len("-#}") :]


def material_path(ours: str) -> str:
    """Our partial without change 2: the collapsed-section block and the endif that closes it."""
    assert COLLAPSED.search(ours) and ours.endswith(COLLAPSED_CLOSE), (
        f"overrides/{NAV_ITEM}: the collapsed-section block is not where its header says"
    )
    return COLLAPSED.sub(r"\1", ours, count=1)[: -len(COLLAPSED_CLOSE)] + "{% endmacro %}\n"


def test_nav_item_is_materials_apart_from_its_two_documented_changes():
    """Change 1: the loop finding a section's index page runs after the prune check, and not for
    pruned sections. Change 2 only adds a block in front of Material's `render`; without it, the
    rest is Material's partial with change 1. Fails after a Material upgrade that changed the
    partial: copy the new one and make the changes again (the header of
    overrides/partials/nav-item.html says how)."""
    theirs = without_header((THEME / NAV_ITEM).read_text("utf-8"))
    search = INDEX_SEARCH.search(theirs)
    assert search and INDEXES in search.group(0), f"Material's {NAV_ITEM} no longer searches for index pages this way"
    assert theirs.count(PRUNE_END) == 1, f"Material's {NAV_ITEM} no longer marks pruned sections this way"
    moved = search.group(0).replace(INDEXES, '{% if "navigation.indexes" in features and not is_pruned %}')
    expected = theirs.replace(search.group(0), "", 1).replace(PRUNE_END, PRUNE_END + moved, 1)
    ours = material_path(without_header((ROOT / "overrides" / NAV_ITEM).read_text("utf-8")))
    assert ours == expected, (
        f"overrides/{NAV_ITEM} differs from Material's copy by more than the two documented changes"
    )


def test_nav_item_override_renders_the_navigation_material_does(tmp_path, site):
    """Every page's navigation is byte for byte what Material's own partial renders."""
    project = copy_project(tmp_path / "project")
    (project / "overrides" / NAV_ITEM).unlink()
    theirs = build(project, tmp_path / "site")
    compared = 0
    for path in sorted(site.rglob("*.html")):
        ours = SIDEBAR.search(path.read_text("utf-8"))
        if ours is None:
            continue
        material_nav = SIDEBAR.search((theirs / path.relative_to(site)).read_text("utf-8"))
        assert material_nav and material_nav.group(0) == ours.group(0), f"{path.relative_to(site)}: navigation differs"
        compared += 1
    assert compared, "no built page has the primary sidebar: has the theme changed its markup?"
