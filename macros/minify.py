"""The handbook's own scripts and stylesheets ship minified.

The sources in ``overrides/assets/`` keep their comments for contributors; readers get them
without comments and white space (rjsmin and rcssmin: no renaming, no rewriting, so a script
behaves exactly as its source). The theme's files live in sub-folders of ``assets/`` and are
already minified; only the files directly in ``assets/`` are ours.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minified(name: str, text: str) -> str:
    """``text`` of the file called ``name`` (.js or .css) without comments and white space."""
    return MINIFIERS[Path(name).suffix](text)


def minify_assets(site_dir: Path) -> int:
    """Minify our scripts and stylesheets in the built site in place; return how many there are.

    Running it twice changes nothing: the minifiers' output is a fixed point.
    """
    count = 0
    for path in sorted((site_dir / "assets").glob("*")):
        if path.suffix in MINIFIERS and path.is_file():
            text = path.read_text("utf-8")
            small = minified(path.name, text)
            if small != text:
                path.write_text(small, "utf-8")
            count += 1
    return count
