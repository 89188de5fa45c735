"""The README stays honest: it names every command and every loader, and opens with the
two commands CI runs (datasette's test_docs.py is the model)."""

from __future__ import annotations

import re
from pathlib import Path

import loaders
from api.cli import app
from api.commands import register_all

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()
CI = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()


def _commands() -> list[str]:
    register_all(app)
    names = []
    for command in app.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else "")
        names.append(name.replace("_", "-"))
    return sorted(set(names))


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in _commands() if f"councilgraph {name}" not in README]
    assert missing == []


def test_every_loader_genre_is_in_the_readme() -> None:
    missing = [genre for genre in loaders.LOADERS if f"`{genre}`" not in README]
    assert missing == []


def test_readme_opens_with_setup_and_test_commands_that_ci_runs() -> None:
    first_block = re.search(r"```bash\n(.*?)```", README, re.S)
    assert first_block is not None
    lines = [
        line for line in first_block.group(1).splitlines() if line and not line.startswith("#")
    ]
    assert len(lines) == 2
    setup, test = lines
    assert "councilgraph build" in setup
    assert test.strip() in CI.splitlines()[-1]
