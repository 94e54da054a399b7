"""The pre-commit checks, run here too: Markdown lint, spelling, YAML lint and ruff."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MARKDOWN = ["docs", "README.md", "CONTRIBUTING.md", "includes"]
YAML = ["mkdocs.yml", "data", ".github", ".pre-commit-config.yaml", ".yamllint.yml"]


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "macros", "scripts", "tests"],
        ["yamllint", "--strict", "-c", ".yamllint.yml", *YAML],
        ["pymarkdown", "--config", ".pymarkdown.json", "scan", "-r", *MARKDOWN],
        ["codespell", "docs", "data", "includes", "macros", "scripts", "overrides", "README.md", "CONTRIBUTING.md"],
    ],
    ids=["ruff", "yamllint", "markdown", "codespell"],
)
def test_lint(command):
    result = subprocess.run([str(BIN / command[0]), *command[1:]], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, (
        f"{' '.join(command)} found problems:\n{result.stdout[-4000:]}{result.stderr[-2000:]}"
    )
