"""YAML in, typed models out, or one clear line per problem.

Every problem is reported as ``file:line: field: what is wrong`` (plus a hint where the fix
is obvious), never as a traceback. The YAML reader keeps the line of every value so that
model errors can point at the right line, refuses aliases (they are never needed in this
data and make "billion laughs" documents possible), and refuses files that are too large
or not UTF-8.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

MAX_FILE_BYTES = 512 * 1024

Loc = tuple[str | int, ...]


class DataError(Exception):
    """One or more problems in the data, each a single printable line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


def format_loc(loc: Loc) -> str:
    """``('units', 2, 'homework')`` -> ``units[2].homework``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


# --- YAML with line numbers ---------------------------------------------------------------


# libyaml's parser when PyYAML was built with it (about ten times faster), else pure Python.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ALIAS = re.compile(r"(?:^|[\s\[{,:-])\*[^\s,\]}]+", re.M)


class _AliasRefused(Exception):
    """Aliases are refused: never needed in this data, and the way to a 'billion laughs' file."""


@dataclass
class Document:
    """A parsed YAML file: its plain data and the line of every value in it."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """The line of ``loc`` or of the nearest enclosing value that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


def _plain(node: yaml.Node, loader: Any, loc: Loc, doc: Document, seen: set[int]) -> Any:
    """Plain data from a composed node tree, recording the line of every value.

    An alias makes the composer reuse a node object, so meeting a node twice means an alias:
    it is refused there, before anything is expanded.
    """
    if id(node) in seen:
        raise _AliasRefused
    seen.add(id(node))
    doc.lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key_line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                raise DataError([str(Problem(doc.path, key_line, format_loc(loc), f"key {key!r} must be text"))])
            if key in result:
                problem = Problem(
                    doc.path, key_line, format_loc(loc + (key,)), "this key appears twice in the same block; keep one"
                )
                raise DataError([str(problem)])
            result[key] = _plain(value_node, loader, loc + (key,), doc, seen)
            doc.lines[loc + (key,)] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, loader, loc + (i,), doc, seen) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def parse_yaml(path: Path, display: str) -> Document:
    """Read one YAML file into a :class:`Document`, or raise :class:`DataError`.

    A file whose bytes were parsed before gives the same Document again (the preview reloads
    all of data/ after an edit to one file): treat it as read-only."""
    return _parse(path.read_bytes(), display)


@functools.lru_cache(maxsize=512)  # more than data/ holds; a problem is raised again, not kept
def _parse(raw: bytes, display: str) -> Document:
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(
            [f"{display}:1: file is {len(raw):,} bytes, over the {MAX_FILE_BYTES:,}-byte limit; split it up"]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError(
            [f"{display}:{line}: file is not UTF-8 (byte 0x{raw[err.start]:02x}); save it as UTF-8"]
        ) from None
    doc = Document(display, None)
    loader = None
    try:
        loader = _Loader(text)  # the reader already refuses control characters here
        node = loader.get_single_node()
        if node is None:
            raise DataError([f"{display}:1: file is empty; it must hold one YAML mapping"])
        doc.data = _plain(node, loader, (), doc, set())
    except _AliasRefused:
        alias = _ALIAS.search(text)
        line = text[: alias.start()].count("\n") + 1 + (text[alias.start()] == "\n") if alias else 1
        raise DataError(
            [f"{display}:{line}: YAML aliases (*name) are not allowed in handbook data; write the value out in full"]
        ) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = err.problem or err.context or "invalid YAML"
        if err.context and err.context_mark and err.context_mark.line + 1 != line:
            what += f" ({err.context} that starts on line {err.context_mark.line + 1})"
        raise DataError([f"{display}:{line}: YAML syntax error: {what}"]) from None
    except yaml.reader.ReaderError as err:
        line = text[: err.position].count("\n") + 1
        code = err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or " ")
        raise DataError(
            [f"{display}:{line}: control character U+{code:04X} is not allowed in YAML; remove it"]
        ) from None
    except yaml.YAMLError as err:
        raise DataError([f"{display}:1: YAML syntax error: {' '.join(str(err).split())}"]) from None
    finally:
        if loader is not None:
            loader.dispose()
    if not isinstance(doc.data, dict):
        raise DataError(
            [f"{display}:1: the file must hold one YAML mapping (key: value), not {type(doc.data).__name__}"]
        )
    return doc


# --- model validation -----------------------------------------------------------------------


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that owns the field at ``loc`` (for 'did you mean' hints)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if isinstance(current, type) else None
        if info is None:
            return None
        annotation = info.annotation
        args = getattr(annotation, "__args__", ()) or (annotation,)
        nested = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        if not nested:
            inner = [getattr(a, "__args__", ()) for a in args]
            nested = [x for group in inner for x in group if isinstance(x, type) and issubclass(x, BaseModel)]
        if not nested:
            return None
        current = nested[0]
    return current if isinstance(current, type) else None


_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a mapping (key: value lines)",
    "model_type": "a mapping (key: value lines)",
}


def _describe(error: dict[str, Any], model: type[BaseModel]) -> str:
    kind = error["type"]
    loc = error["loc"]
    if kind == "missing":
        return "field required; add it"
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        name = str(loc[-1])
        hint = ""
        if owner is not None:
            close = difflib.get_close_matches(name, list(owner.model_fields), n=1)
            if close:
                hint = f"; did you mean '{close[0]}'?"
            else:
                hint = f"; allowed fields: {', '.join(owner.model_fields)}"
        return f"unknown field '{name}'{hint}"
    if kind in _TYPE_WORDS:
        return f"must be {_TYPE_WORDS[kind]}, got {type(error.get('input')).__name__} {error.get('input')!r:.60}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_pattern_mismatch":
        if "a-z0-9" in str(error.get("ctx", {}).get("pattern", "")):
            return f"{error.get('input')!r} is not a valid id: use lowercase letters, digits and single hyphens, e.g. 'decision-matrix'"
        if "https" in str(error.get("ctx", {}).get("pattern", "")):
            return f"{error.get('input')!r} is not an https:// URL"
        return f"{error.get('input')!r} has the wrong form (expected e.g. 1.0.0)"
    if kind == "too_short":
        return f"needs at least {error['ctx']['min_length']} item(s)"
    if kind == "literal_error":
        return f"{error.get('input')!r} is not one of {error['ctx']['expected']}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return error["msg"].lower()
    return error["msg"][0].lower() + error["msg"][1:]


def validate(doc: Document, model: type[BaseModel]) -> BaseModel:
    try:
        return model.model_validate(doc.data)
    except ValidationError as err:
        errors = err.errors(include_url=False)
        # A misspelt field shows up twice: as unknown ('tilte') and as missing ('title').
        # Report only the misspelling, which carries the 'did you mean' hint.
        misspelt = set()
        for error in errors:
            if error["type"] == "extra_forbidden":
                owner = _model_at(model, tuple(error["loc"]))
                close = difflib.get_close_matches(str(error["loc"][-1]), list(owner.model_fields) if owner else [], n=1)
                if close:
                    misspelt.add(tuple(error["loc"][:-1]) + (close[0],))
        problems = []
        for error in errors:
            loc = tuple(error["loc"])
            if error["type"] == "missing" and loc in misspelt:
                continue
            problems.append(str(Problem(doc.path, doc.line_of(loc), format_loc(loc), _describe(error, model))))
        raise DataError(problems) from None




class Problems:
    """Collects problems, one printable line each, so a build reports all of them at once."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def at(self, doc: Document, loc: Loc, message: str) -> None:
        """A problem with the value at ``loc`` in ``doc`` (its line is looked up)."""
        self.lines.append(str(Problem(doc.path, doc.line_of(loc), format_loc(loc), message)))

    def add(self, line: str) -> None:
        self.lines.append(line)

    def absorb(self, err: DataError) -> None:
        self.lines.extend(err.problems)

    def stop_if_any(self) -> None:
        if self.lines:
            raise DataError(list(self.lines))

    def __bool__(self) -> bool:
        return bool(self.lines)


def did_you_mean(value: str, choices: list[str] | set[str], otherwise: str = "") -> str:
    """'; did you mean 'x'?' when a close match exists, else ``otherwise``."""
    close = difflib.get_close_matches(value, sorted(choices), n=1)
    return f"; did you mean '{close[0]}'?" if close else otherwise
