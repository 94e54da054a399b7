"""The handbook's page macros, registered by name. Feature modules add to it with ``@macro``.

A macro is a plain function whose first argument is the :class:`~macros.page.Page` being
rendered; pages call it with literal arguments only (``{{ template_block("minimal") }}``),
which :mod:`macros.guard` enforces before anything renders.
"""

from __future__ import annotations

from collections.abc import Callable

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


def render_parts(parts: list, page: Page, call_macro: Callable[..., str] | None = None) -> str:
    """A page's Markdown: its text with each macro call (from :func:`macros.guard.compile_page`) replaced by its output."""
    run = call_macro or call
    return "".join(part if isinstance(part, str) else run(part[0], page, *part[1], **part[2]) for part in parts)


def render_markdown(source: str, page: Page) -> str:
    """A page's Markdown after its macros ran, checked first by :func:`macros.guard.compile_page`."""
    from .guard import compile_page

    return render_parts(compile_page(source, set(MACROS)), page)
