"""The handbook's page macros, registered by name. Feature modules add to it with ``@macro``.

A macro is a plain function whose first argument is the :class:`~macros.page.Page` being
rendered; pages call it with literal arguments only (``{{ template_block("minimal") }}``),
which :mod:`macros.guard` enforces before anything renders.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2
from jinja2 import nodes

from .page import Page

Macro = Callable[..., str]
MACROS: dict[str, Macro] = {}


def macro(function: Macro) -> Macro:
    """Register ``function`` as a page macro under its own name."""
    if function.__name__ in MACROS:
        raise ValueError(f"two macros are named {function.__name__}")
    MACROS[function.__name__] = function
    return function


def call(name: str, page: Page, *args: object, **kwargs: object) -> str:
    return MACROS[name](page, *args, **kwargs)


def render_markdown(source: str, page: Page) -> str:
    """A page's Markdown with each macro call replaced by its output.

    Only for pages that passed :func:`macros.guard.check_template`: their Jinja is nothing but
    text and calls of registered macros with literal arguments, which is all this evaluates.
    """
    out = []
    for output in jinja2.Environment(keep_trailing_newline=True).parse(source).body:
        for node in output.nodes:  # type: ignore[attr-defined]
            if isinstance(node, nodes.TemplateData):
                out.append(node.data)
            else:
                args = [arg.value for arg in node.args]
                kwargs = {keyword.key: keyword.value.value for keyword in node.kwargs}
                out.append(call(node.node.name, page, *args, **kwargs))
    return "".join(out)
