"""Sub-commands that live beside their feature (serve, mirror, map, reliance ...).

Each module here has `register(app: typer.Typer) -> None`; `api.cli` calls every one
listed in COMMAND_MODULES, so features add commands without editing the core CLI.
"""

from __future__ import annotations

import importlib

import typer

COMMAND_MODULES: tuple[str, ...] = ("serve", "mirror", "maps", "analysis", "leads", "bench", "push")


def register_all(app: typer.Typer) -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"api.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"api.commands.{name}":
                continue  # that feature is not installed in this checkout
            raise
        module.register(app)
