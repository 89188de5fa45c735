"""The Jinja2 environment for the HTML pages (autoescaped: every value from the graph is escaped)."""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates

templates = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")
