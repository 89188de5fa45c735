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
    assert "Graham Farrant" in out.read_text() and "wrote" in result.output


def test_an_empty_map_says_why_and_fails_unless_allowed(
    corpus_settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "leads.html"
    args = ["map", "leads", "--on", "2031-01-01", "--store", str(corpus_settings.store)]
    result = runner.invoke(app, [*args, "--out", str(out)])
    assert result.exit_code == 1
    assert "no leadership posts or commissions in the graph for 2031-01-01" in result.output
    assert not out.exists()
    allowed = runner.invoke(app, [*args, "--out", str(out), "--allow-empty", "--json"])
    assert allowed.exit_code == 0, allowed.output
    report = json.loads(allowed.output)
    assert (report["nodes"], report["written"]) == (0, True)
    assert report["empty"] == "no leadership posts or commissions in the graph for 2031-01-01"
    assert "memberships" in report["steps"] and "layout and page" in report["steps"]
    assert "no leadership posts or commissions" in out.read_text()


def test_a_bad_date_names_the_option(corpus_settings: Settings, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["map", "leads", "--on", "last year", "--out", str(tmp_path / "x.html")]
    )
    assert result.exit_code == 2 and "--on" in result.output
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
