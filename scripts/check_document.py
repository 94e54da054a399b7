#!/usr/bin/env python3
"""Check a document filled in from a handbook template before you share it.

    python scripts/check_document.py docs/decisions/0007-queue.md [more.md ...]

Reports, with line numbers:
  - placeholders left in the text: ``{lowercase words}`` outside code;
  - required sections (named in the front matter's ``required:`` line, which every handbook
    template carries) that are missing or empty. A section whose only content is the prompt
    comments counts as empty.

Exit status: 0 when every file is complete, 1 when any problem is found, 2 for a file that
cannot be read. Standard library only, so you can copy this file into your own repository and
run it from a pre-commit hook.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

PLACEHOLDER = re.compile(r"\{[a-z0-9][^{}\n]*\}")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+).+?\1")
COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """Simple ``key: value`` front matter and the index of the first body line."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    meta: dict[str, str] = {}
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, index + 1
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip()] = value.strip()
    return {}, 0


def check_text(text: str, path: str = "<document>") -> list[Finding]:
    """All findings for one document's text, in line order."""
    lines = text.splitlines()
    meta, body_start = front_matter(lines)
    required = [name.strip() for name in meta.get("required", "").split(";") if name.strip()]
    findings: list[Finding] = []
    sections: dict[str, tuple[int, list[str]]] = {}
    current: list[str] | None = None
    in_fence: str | None = None
    in_comment = False
    for number, line in enumerate(lines[body_start:], start=body_start + 1):
        fence = FENCE.match(line)
        if fence:
            marker = fence.group(1)[0]
            in_fence = None if in_fence == marker else (in_fence or marker)
            if current is not None:
                current.append(line)
            continue
        heading = HEADING.match(line) if in_fence is None and not in_comment else None
        if heading and len(heading.group(1)) == 2:
            current = []
            sections.setdefault(heading.group(2), (number, current))
        elif current is not None:
            current.append(line)
        if in_fence is not None:
            continue
        visible = INLINE_CODE.sub("", line)
        if in_comment:
            if "-->" not in visible:
                continue
            visible = visible.split("-->", 1)[1]
            in_comment = False
        visible = COMMENT.sub("", visible)
        if "<!--" in visible:
            visible, in_comment = visible.split("<!--", 1)[0], True
        for match in PLACEHOLDER.finditer(visible):
            findings.append(Finding(path, number, f"placeholder {match.group(0)} is still in the text"))
    required_line = next((i for i, line in enumerate(lines[:body_start], 1) if line.startswith("required:")), 1)
    for name in required:
        if name not in sections:
            findings.append(Finding(path, required_line, f"required section '## {name}' is missing"))
            continue
        number, body = sections[name]
        content = COMMENT.sub("", "\n".join(body)).strip()
        if not content:
            findings.append(Finding(path, number, f"required section '## {name}' is empty"))
    return sorted(findings, key=lambda finding: finding.line)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else 2
    status = 0
    for name in argv:
        try:
            text = Path(name).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as err:
            print(f"{name}: cannot read the file ({err})", file=sys.stderr)
            status = 2
            continue
        findings = check_text(text, name)
        for finding in findings:
            print(finding)
        if findings:
            status = max(status, 1)
        else:
            print(f"{name}: complete")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
