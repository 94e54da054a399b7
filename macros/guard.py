"""Pages may call the handbook's macros and nothing else.

A page's Markdown is a Jinja template, and Jinja can reach Python's internals from almost any
name (``{{ cycler.__init__.__globals__.os.popen(...) }}``). So before mkdocs-macros renders a
page, :func:`check_template` reads it with Jinja's own lexer and parser and allows exactly
one shape: ``{{ name(literal, key=literal) }}`` where ``name`` is a registered macro. A
statement, a variable, an attribute or item lookup, a filter, an unknown name or a computed
argument stops the build with ``docs/<page>.md:<line>: …`` before anything executes. Comments
and ``{% raw %}`` blocks are plain text and stay allowed. :func:`compile_page` makes the same
check and returns the page as text and calls, which :mod:`macros.registry` evaluates: the
page is never handed to Jinja to execute. Most pages hold only calls with quoted text, whole
numbers or true/false, which :func:`compile_page` reads with a stricter pattern of its own and
no lexer; anything that pattern does not take is left to Jinja's parser.

Raw HTML that would run script in a reader's browser (``<script>``, ``on…=`` handlers,
``javascript:`` URLs, frames and embeds) is refused in page text too: interactive parts come
from the macros, which escape everything they are given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import jinja2
from jinja2 import nodes

from .yamldata import did_you_mean

LITERALS = (str, int, float, bool, type(None))
_ACTIVE_HTML = re.compile(
    r"<\s*(script|iframe|object|embed|frame|base)\b|\bon[a-z]+\s*=|javascript\s*:|srcdoc\s*=", re.I
)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


class PageRejected(ValueError):
    """What a page may not contain, as ``line: message`` (the caller adds the file)."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


def _describe(node: nodes.Node, allowed: set[str]) -> str | None:
    """Why ``node`` may not appear on a page, or None when it is an allowed macro call."""
    if isinstance(node, nodes.Call):
        if not isinstance(node.node, nodes.Name):
            return _describe(node.node, allowed) or "only a handbook macro may be called"
        name = node.node.name
        if name not in allowed:
            return f"'{name}' is not a handbook macro" + did_you_mean(name, allowed)
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            return "arguments must be written out, without * or **"
        for arg in [*node.args, *(keyword.value for keyword in node.kwargs)]:
            if not (isinstance(arg, nodes.Const) and isinstance(arg.value, LITERALS)):
                return "arguments must be literal text, numbers or true/false"
        return None
    if isinstance(node, nodes.Getattr):
        return f"attribute access ('.{node.attr}') is not allowed"
    if isinstance(node, nodes.Getitem):
        return "item access ('[…]') is not allowed"
    if isinstance(node, nodes.Filter):
        return f"filters ('|{node.name}') are not allowed"
    if isinstance(node, nodes.Name):
        return f"'{node.name}' is not a handbook macro; pages may not read variables"
    return f"a {type(node).__name__.lower()} expression is not allowed"


def _segments(source: str, env: jinja2.Environment) -> Iterable[tuple[int, str, str]]:
    """Each ``{{ … }}`` or ``{% … %}`` of ``source`` as (line, kind, exact text), from Jinja's lexer."""
    kind, line, parts = "", 0, []
    for lineno, token, value in env.lex(source):
        if token in ("variable_begin", "block_begin"):
            kind, line, parts = token.split("_")[0], lineno, [value]
        elif kind:
            parts.append(value)
            if token in ("variable_end", "block_end"):
                yield line, kind, "".join(parts)
                kind, parts = "", []


def check_template(source: str, allowed: set[str], env: jinja2.Environment | None = None) -> None:
    """Raise :class:`PageRejected` at the first construct a page may not contain."""
    env = env or jinja2.Environment()
    listed = ", ".join(sorted(allowed))
    advice = f"; a page may only call a handbook macro with literal arguments ({listed})"
    try:
        segments = list(_segments(source, env))
    except jinja2.TemplateSyntaxError as err:
        raise PageRejected(err.lineno or 1, f"Jinja syntax error: {err.message}") from None
    for line, kind, text in segments:
        shown = " ".join(text.split())
        if kind == "block":
            raise PageRejected(line, f"{shown}: statements are not allowed{advice}")
        try:
            body = env.parse(text).body
        except jinja2.TemplateSyntaxError as err:
            raise PageRejected(line, f"{shown}: Jinja syntax error: {err.message}") from None
        expressions = [n for output in body if isinstance(output, nodes.Output) for n in output.nodes]
        problem = next((p for n in expressions if (p := _describe(n, allowed))), None)
        if problem or len(expressions) != 1:
            raise PageRejected(line, f"{shown}: {problem or 'one macro call per {{ }}'}{advice}")
    _check_html(source)


Call = tuple[str, tuple, dict]
"""A macro call on a page: (macro name, positional arguments, keyword arguments), all literals."""


def compile_page(source: str, allowed: set[str], env: jinja2.Environment | None = None) -> list[str | Call]:
    """The page as a list of text and macro calls, after the checks of :func:`check_template`.

    A page whose every ``{{ … }}`` is a plain call with quoted text, whole numbers or true/false
    is split by :func:`_plain_calls` without lexing its prose; any other page is read by
    Jinja's parser. One parse serves both the check and the render. Only when the page is
    refused is it read again, segment by segment, so the message can quote the exact
    ``{{ … }}`` and its line.
    """
    parts = _plain_calls(source, allowed)
    if parts is None:
        env = env or jinja2.Environment(keep_trailing_newline=True)
        parts = _jinja_parts(source, allowed, env)
    if parts is None:
        check_template(source, allowed, env)  # raises PageRejected with the line and the exact text
        raise PageRejected(1, "the page could not be read as text and handbook macro calls")
    _check_html(source)
    return parts


def _jinja_parts(source: str, allowed: set[str], env: jinja2.Environment) -> list[str | Call] | None:
    """The page as text and calls read by Jinja's parser, or None when it holds anything but allowed calls."""
    try:
        body = env.parse(source).body
    except jinja2.TemplateSyntaxError:
        return None
    parts: list[str | Call] = []
    for output in body:
        if not isinstance(output, nodes.Output):
            return None
        for node in output.nodes:
            if isinstance(node, nodes.TemplateData):
                parts.append(node.data)
            elif _describe(node, allowed) is None:
                args = tuple(arg.value for arg in node.args)
                parts.append((node.node.name, args, {kw.key: kw.value.value for kw in node.kwargs}))
            else:
                return None
    return parts


# The common shape, read without Jinja: {{ name(arg, key=arg) }} where each arg is quoted text
# without backslashes, a whole number or a constant. Jinja reads each of these exactly so.
_EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.S)
_CALL = re.compile(r"\s*([A-Za-z_]\w*)\s*\((.*)\)\s*", re.S | re.A)
_ARGUMENT = re.compile(
    r"\s*(?:([A-Za-z_]\w*)\s*=\s*)?(?:\"([^\"\\]*)\"|'([^'\\]*)'|(0|[1-9][0-9]*)|(true|false|none|True|False|None))\s*(,|\Z)",
    re.A,
)
_CONSTANTS = {"true": True, "false": False, "none": None, "True": True, "False": False, "None": None}


def _plain_calls(source: str, allowed: set[str]) -> list[str | Call] | None:
    """``source`` as text and calls when it has only the common shape of call, else None (Jinja reads it)."""
    if "{%" in source or "{#" in source or "\r" in source:
        return None
    parts: list[str | Call] = []
    end = 0
    for found in _EXPRESSION.finditer(source):
        call = _CALL.fullmatch(found.group(1))
        if call is None or call.group(1) not in allowed:
            return None
        args: list[object] = []
        kwargs: dict[str, object] = {}
        inner, position = call.group(2), 0
        while inner.strip() and position < len(inner):
            argument = _ARGUMENT.match(inner, position)
            if argument is None or (argument.group(6) == "," and not inner[argument.end() :].strip()):
                return None  # anything else, or a trailing comma: Jinja decides
            key, double, single, number, constant = argument.group(1, 2, 3, 4, 5)
            value = double if double is not None else single if single is not None else None
            if number is not None:
                value = int(number)
            elif constant is not None:
                value = _CONSTANTS[constant]
            if key is None and kwargs or key in kwargs:
                return None
            if key is None:
                args.append(value)
            else:
                kwargs[key] = value
            position = argument.end()
        if source[end : found.start()]:
            parts.append(source[end : found.start()])
        parts.append((call.group(1), tuple(args), kwargs))
        end = found.end()
    if "{{" in source[end:]:
        return None
    if source[end:]:
        parts.append(source[end:])
    return parts


def _check_html(source: str) -> None:
    """Refuse raw HTML that runs script, outside fenced code blocks (where it is shown as text)."""
    fence = ""
    for number, line in enumerate(source.splitlines(), 1):
        opening = _FENCE.match(line)
        if opening and not fence:
            fence = opening.group(1)
            continue
        if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
            fence = ""
            continue
        if fence:
            continue
        code_free = re.sub(r"`[^`]*`", "", line)
        found = _ACTIVE_HTML.search(code_free)
        if found:
            raise PageRejected(
                number,
                f"'{found.group(0).strip()}' would run script in the reader's browser; pages may not contain "
                "script, event handlers, javascript: links or embedded frames (interactive parts come from macros)",
            )


def check_title(title: object) -> str | None:
    """Why a front-matter title may not be used (mkdocs-macros renders titles as templates too)."""
    if isinstance(title, str) and re.search(r"\{\{|\{%|\{#", title):
        return "front matter title may not contain Jinja ({{, {% or {#)"
    return None
