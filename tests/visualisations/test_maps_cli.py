"""`councilgraph map` and `councilgraph reliance` on the bundled corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from api.cli import app
from api.commands import register_all
from councilgraph.settings import Settings

register_all(app)
runner = CliRunner()


def test_reliance_csv_and_json(corpus_settings: Settings) -> None:
    result = runner.invoke(app, ["reliance", "--store", str(corpus_settings.store), "--csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    plymouth = next(r for r in rows if "Plymouth City Council" in (r["a_label"], r["b_label"]))
    assert (plymouth["connectivity"], plymouth["hangs_on"]) == ("1", "Giles Perritt")
    result = runner.invoke(app, ["reliance", "--store", str(corpus_settings.store), "--json"])
    data = json.loads(result.output)
    assert {"pairs", "articulation_people", "organisations", "partnerships"} <= set(data)


def test_reliance_table(corpus_settings: Settings) -> None:
    result = runner.invoke(app, ["reliance", "--store", str(corpus_settings.store)])
    assert result.exit_code == 0 and "Giles Perritt" in result.output


def test_map_writes_html(corpus_settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "leads.html"
    result = runner.invoke(
        app, ["map", "leads", "--store", str(corpus_settings.store), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("<!DOCTYPE html>")
    bad = runner.invoke(
        app,
        [
            "map",
            "council:E09999999",
            "--store",
            str(corpus_settings.store),
            "--out",
            str(tmp_path / "x.html"),
        ],
    )
    assert bad.exit_code == 1 and not (tmp_path / "x.html").exists()
