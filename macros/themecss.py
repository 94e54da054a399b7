"""The theme's stylesheets, without the rules no page can match.

Material ships one stylesheet for every feature it has (blog posts, tags, tabs, annotations,
twenty colour palettes, right-to-left layouts...), and every page loads it before it can paint.
After a full build we know every class and element the pages have and every class the theme's
scripts can add, so a rule that needs something found in neither can never apply: it is
dropped. A custom property is dropped when nothing reads it any more. Everything else stays
byte for byte, in order.

What counts as used is generous by design, because a wrong guess would unstyle a control:

- a class is used if it is in a ``class`` attribute of any built page or appears as a word in
  any script the site ships (the theme's scripts build their markup from such strings; a word
  ending in ``-`` or ``_``, as in ``md-tag--${type}``, keeps every class it begins); an element
  type (``kbd``) is used if a page has one or a script names it;
- a selector for a variant (``[dir=rtl]``, ``[data-md-color-primary=pink]``) is used if a page
  has that attribute with that value, or the value is a word in a script; tests of any other
  attribute never remove a rule;
- ``:not(...)`` never removes a rule, and ``:is(...)``/``:where(...)``/``:has(...)`` need only
  one of their alternatives;
- at-rules other than ``@media`` and ``@supports`` are kept whole.

Only Material's ``main`` and ``palette`` stylesheets are pruned; ours are small and hand-written.
The preview keeps the full stylesheets, since an edit may use a class no page used before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

THEME_STYLESHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
# Scripts that run in the search worker, which has no page to add classes to.
SEARCH_WORKER = ("assets/javascripts/workers/", "assets/javascripts/lunr/")
# The attributes that choose one of the theme's variants: colour scheme, palette colours and
# writing direction.
VARIANT_ATTRIBUTES = ("data-md-color-scheme", "data-md-color-primary", "data-md-color-accent", "dir")

# Patterns that start with a literal (no \b) are much faster to scan a page with.
_CLASS_ATTR = re.compile(r'class="([^"]*)"')
_INLINE_SCRIPT = re.compile(r"<script[^>]*>(.*?)</script>", re.S)  # those with src= are empty
_STYLE_ATTR = re.compile(r'style="([^"]*)"')
_WORD = re.compile(r"[A-Za-z0-9_-]+")
_PROPERTY_NAME = re.compile(r"--[A-Za-z0-9_-]+")
_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
_DECLARED = re.compile(r"(?:^|[{;])\s*(--[A-Za-z0-9_-]+)\s*:")
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")
# Selectors
_CLASS = re.compile(r"\.(-?[A-Za-z_][A-Za-z0-9_-]*)")
_TYPE = re.compile(r"(?:^|[\s>+~,(])([a-z][a-z0-9-]*)")
_EXACT_ATTRIBUTE = re.compile(r'\[\s*([A-Za-z][A-Za-z0-9_:-]*)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|([^\]\s]+))\s*(?:[iIsS]\s*)?\]')
_ANY_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
_PSEUDO = re.compile(r"::?[A-Za-z-]+(?:\([^()]*\))?")
_LIST_PSEUDO = re.compile(r":(not|is|where|has|matches|-webkit-any|-moz-any)\(")
_DEAD = ".\0dead"  # stands in for an alternative list that cannot match


@dataclass(frozen=True)
class Wanted:
    """What to look for in each page besides classes: the values of the variant attributes and
    the element types the stylesheets test."""

    attributes: dict[str, re.Pattern]
    tags: re.Pattern | None

    @classmethod
    def from_sheets(cls, sheets: Iterable[str]) -> Wanted:
        names: set[str] = set()
        tags: set[str] = set()
        for css in sheets:
            names.update(name for name, _ in exact_attributes(css))
            tags.update(type_names(css))
        return cls(
            {name: re.compile(re.escape(name) + '="([^"]*)"') for name in sorted(names & set(VARIANT_ATTRIBUTES))},
            re.compile("<(" + "|".join(sorted(tags, key=lambda t: (-len(t), t))) + r")[\s/>]") if tags else None,
        )


@dataclass
class Used:
    """What the built site can match: classes, element types, script words, variant attribute
    values, and the custom properties read outside the theme's stylesheets."""

    classes: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    attributes: set[tuple[str, str]] = field(default_factory=set)
    properties: set[str] = field(default_factory=set)

    def add_page(self, html: str, wanted: Wanted | None = None) -> None:
        """A built page: its classes, inline scripts, style attributes, and the ``wanted``
        attribute values and element types it has."""
        self.classes.update(" ".join(_CLASS_ATTR.findall(html)).split())
        for script in _INLINE_SCRIPT.findall(html):
            self.add_script(script)
        self.properties.update(_PROPERTY_NAME.findall(" ".join(_STYLE_ATTR.findall(html))))
        if wanted is not None:
            for name, finder in wanted.attributes.items():
                self.attributes.update((name, value) for value in finder.findall(html))
            if wanted.tags is not None:
                self.tags.update(wanted.tags.findall(html))

    def add_script(self, js: str) -> None:
        self.words.update(_WORD.findall(js))
        self.properties.update(_PROPERTY_NAME.findall(js))

    def add_stylesheet(self, css: str) -> None:
        """One of the site's other stylesheets: the custom properties it reads stay defined."""
        self.properties.update(_VAR.findall(css))

    def has_class(self, name: str) -> bool:
        return name in self.classes or name in self.words or name.startswith(self.prefixes)

    def has_tag(self, name: str) -> bool:
        return name in self.tags or name in self.words

    @functools.cached_property
    def prefixes(self) -> tuple[str, ...]:
        """Script words that begin class names built at run time (``md-tag--``); read once everything is added."""
        return tuple(sorted(w for w in self.words if len(w) > 3 and w.endswith(("-", "_"))))


# --- parsing: just enough CSS to find rules, at-rules, selectors and declarations -------------

_STATEMENT_END = re.compile(r"[{;\"']")
_BLOCK_MARK = re.compile(r"[{}\"']")
_NESTING = re.compile(r"[()\[\]\"',;]")


def _skip_string(text: str, index: int) -> int:
    """The index after the string that starts at ``index`` (a quote)."""
    quote, index = text[index], index + 1
    while index < len(text) and text[index] != quote:
        index += 2 if text[index] == "\\" else 1
    return index + 1


def blocks(css: str) -> list[tuple[str, str | None]]:
    """Top-level (prelude, body) pairs; a statement without a body (``@import ...;``) has body None."""
    out: list[tuple[str, str | None]] = []
    index, size = 0, len(css)
    while index < size:
        end = index
        while (mark := _STATEMENT_END.search(css, end)) and mark.group() in "\"'":
            end = _skip_string(css, mark.start())
        if mark is None:
            if css[index:].strip():
                out.append((css[index:], None))
            break
        end = mark.start()
        if mark.group() == ";":
            out.append((css[index : end + 1], None))
            index = end + 1
            continue
        depth, close = 1, end + 1
        while depth:
            mark = _BLOCK_MARK.search(css, close)
            if mark is None:
                raise ValueError(f"unbalanced braces after offset {end}")
            if mark.group() in "\"'":
                close = _skip_string(css, mark.start())
                continue
            depth += 1 if mark.group() == "{" else -1
            close = mark.end()
        out.append((css[index:end], css[end + 1 : close - 1]))
        index = close
    return out


def split_top_level(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` (``,`` or ``;``) outside parentheses, brackets and strings."""
    if not any(char in text for char in "([\"'"):
        return text.split(separator)
    parts, depth, start, index = [], 0, 0, 0
    while mark := _NESTING.search(text, index):
        char, index = mark.group(), mark.end()
        if char in "\"'":
            index = _skip_string(text, mark.start())
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start : mark.start()])
            start = index
    parts.append(text[start:])
    return parts


def _is_group(prelude: str) -> bool:
    """``@media`` and ``@supports`` hold rules that are pruned like top-level ones."""
    return prelude.strip().startswith(("@media", "@supports"))


def exact_attributes(css: str) -> set[tuple[str, str]]:
    """The (attribute, value) pairs ``css`` tests for (``[name=value]``)."""
    return {(m.group(1), next(g for g in m.groups()[1:] if g is not None)) for m in _EXACT_ATTRIBUTE.finditer(css)}


def _compounds(selector: str) -> str:
    """``selector`` without attribute tests and pseudo-classes: classes, ids, types and combinators."""
    return _PSEUDO.sub("", _ANY_ATTRIBUTE.sub("", selector))


def type_names(css: str) -> set[str]:
    """The element types the rules of ``css`` select (``kbd`` in ``.md-typeset kbd``)."""
    found: set[str] = set()
    for prelude, body in blocks(css):
        if body is None:
            continue
        if _is_group(prelude):
            found |= type_names(body)
        elif not prelude.strip().startswith("@"):
            found.update(_TYPE.findall(_compounds(prelude)))
    return found


# --- deciding --------------------------------------------------------------------------------


def selector_can_match(selector: str, used: Used) -> bool:
    """False only when ``selector`` needs a class, an element or a variant the site never has."""
    while match := _LIST_PSEUDO.search(selector):
        depth, end = 1, match.end()
        while depth and end < len(selector):
            depth += {"(": 1, ")": -1}.get(selector[end], 0)
            end += 1
        inner = selector[match.end() : end - 1]
        if match.group(1) == "not":
            stand_in = ""
        else:
            alive = any(selector_can_match(part, used) for part in split_top_level(inner, ","))
            stand_in = "" if alive else _DEAD
        selector = selector[: match.start()] + stand_in + selector[end:]
    if _DEAD in selector:
        return False
    for match in _EXACT_ATTRIBUTE.finditer(selector):
        name, value = match.group(1), next(g for g in match.groups()[1:] if g is not None)
        if name in VARIANT_ATTRIBUTES and (name, value) not in used.attributes and value not in used.words:
            return False
    bare = _ANY_ATTRIBUTE.sub("", selector)  # a dot inside [href$=".pdf"] is not a class
    if not all(used.has_class(name) for name in _CLASS.findall(bare)):
        return False
    return all(used.has_tag(name) for name in _TYPE.findall(_compounds(selector)))


def _map_rules(css: str, rule: Callable[[str, str], str]) -> str:
    """``css`` with each style rule replaced by ``rule(prelude, body)`` ('' drops it), inside
    ``@media`` and ``@supports`` too; a group left empty goes, and other at-rules stay whole."""
    out = []
    for prelude, body in blocks(css):
        if body is None:
            out.append(prelude)
        elif _is_group(prelude):
            inner = _map_rules(body, rule)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.strip().startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            out.append(rule(prelude, body))
    return "".join(out)


def prune_rules(css: str, used: Used) -> str:
    """``css`` without the rules whose every selector needs something the site never has."""

    def rule(prelude: str, body: str) -> str:
        selectors = [s for s in split_top_level(prelude, ",") if selector_can_match(s, used)]
        return ",".join(selectors) + "{" + body + "}" if selectors else ""

    return _map_rules(css, rule)


def _without_properties(css: str, unread: set[str]) -> str:
    """``css`` without the declarations of the custom properties in ``unread``, and without rules left empty."""

    def rule(prelude: str, body: str) -> str:
        kept = [d for d in split_top_level(body, ";") if d.split(":", 1)[0].strip() not in unread]
        declarations = ";".join(kept).strip(";")
        return f"{prelude}{{{declarations}}}" if declarations.strip() else ""

    return _map_rules(css, rule)


def prune(sheets: list[str], used: Used) -> list[str]:
    """The stylesheets a site that uses only ``used`` needs: unmatched rules removed, then the
    custom properties none of them (nor ``used``) reads any more. They are pruned together
    because one sheet's properties are read by another (the palette's by the main sheet)."""
    sheets = [prune_rules(_SOURCE_MAP.sub("", css), used) for css in sheets]
    while True:  # a property may be read only by another property that is itself unread
        declared = {name for css in sheets for name in _DECLARED.findall(css)}
        unread = declared - {name for css in sheets for name in _VAR.findall(css)} - used.properties
        if not unread:
            return sheets
        sheets = [_without_properties(css, unread) for css in sheets]


# --- the built site --------------------------------------------------------------------------


def theme_stylesheets(site_dir: Path) -> list[Path]:
    return sorted(path for pattern in THEME_STYLESHEETS for path in site_dir.glob(pattern))


def site_usage(site_dir: Path, wanted: Wanted) -> Used:
    """Everything the built site's pages, scripts and other stylesheets use."""
    used = Used()
    themed = set(theme_stylesheets(site_dir))
    for path in sorted(site_dir.rglob("*.html")):
        used.add_page(path.read_text("utf-8"), wanted)
    for path in sorted(site_dir.rglob("*.js")):
        if not path.relative_to(site_dir).as_posix().startswith(SEARCH_WORKER):
            used.add_script(path.read_text("utf-8"))
    for path in sorted(site_dir.rglob("*.css")):
        if path not in themed:
            used.add_stylesheet(path.read_text("utf-8"))
    return used


def prune_theme_stylesheets(site_dir: Path) -> tuple[int, int, int]:
    """Prune Material's stylesheets in the built site in place; return how many there are and
    their bytes before and after. Their source maps describe the unpruned files, so they go too."""
    sheets = {path: path.read_text("utf-8") for path in theme_stylesheets(site_dir)}
    used = site_usage(site_dir, Wanted.from_sheets(sheets.values()))
    for path, text in zip(sheets, prune(list(sheets.values()), used), strict=True):
        path.write_text(text, "utf-8")
        path.with_name(path.name + ".map").unlink(missing_ok=True)
    return len(sheets), sum(len(text.encode()) for text in sheets.values()), sum(path.stat().st_size for path in sheets)
