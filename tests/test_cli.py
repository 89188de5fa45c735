"""The command line, run as a user runs it: a real process, real store, output checked."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import rdflib

from councilgraph.settings import Settings


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "api.cli", *args], capture_output=True, text=True, timeout=300
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


def test_query_library_name_as_csv(corpus_settings: Settings) -> None:
    done = cli("query", "--store", str(corpus_settings.store), "--format", "csv", "q02")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert {(r["subjectName"], r["key"], r["n"]) for r in rows} == {
        ("London Borough of Islington", "false", "28"),
        ("London Borough of Islington", "true", "6"),
        ("London Borough of Tower Hamlets", "true", "11"),
    }


def test_query_json_is_standard_sparql_results(corpus_settings: Settings, tmp_path: Path) -> None:
    query = tmp_path / "people.rq"
    query.write_text(
        "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
        'SELECT ?name WHERE { ?p foaf:name ?name FILTER(?name = "Joanne Roney") }'
    )
    done = cli("query", "--store", str(corpus_settings.store), "-f", "json", str(query))
    data = json.loads(done.stdout)
    assert data["head"]["vars"] == ["name"]
    assert [b["name"]["value"] for b in data["results"]["bindings"]] == ["Joanne Roney"]


def test_query_table_is_for_people(corpus_settings: Settings) -> None:
    done = cli("query", "--store", str(corpus_settings.store), "q05")
    assert "Liz Bruce" in done.stdout and "rows" in done.stdout


def test_malformed_query_is_a_clear_error(corpus_settings: Settings) -> None:
    done = cli("query", "--store", str(corpus_settings.store), "SELEKT ?x WHERE {}", check=False)
    assert done.returncode == 1
    assert "malformed query" in done.stderr and "Traceback" not in done.stderr


def test_update_is_refused(corpus_settings: Settings) -> None:
    done = cli(
        "query", "--store", str(corpus_settings.store), "DELETE WHERE { ?s ?p ?o }", check=False
    )
    assert done.returncode == 1 and "read-only" in done.stderr


def test_export_turtle_and_nquads_round_trip(corpus_settings: Settings, tmp_path: Path) -> None:
    ttl = tmp_path / "graph.ttl"
    cli("export", "--store", str(corpus_settings.store), "--format", "ttl", "--out", str(ttl))
    union = rdflib.Graph().parse(ttl)
    nq = cli("export", "--store", str(corpus_settings.store), "--format", "nq").stdout
    dataset = rdflib.Dataset().parse(data=nq, format="nquads")
    assert len(union) > 1000
    assert len({(s, p, o) for s, p, o, _ in dataset.quads()}) == len(union)
    jsonld = cli("export", "--store", str(corpus_settings.store), "--format", "jsonld").stdout
    assert len(rdflib.Graph().parse(data=jsonld, format="json-ld")) == len(union)


def test_validate_and_stats(corpus_settings: Settings) -> None:
    done = cli("validate", "--store", str(corpus_settings.store), "--json")
    assert json.loads(done.stdout)["conforms"] is True
    stats = json.loads(cli("stats", "--store", str(corpus_settings.store), "--json").stdout)
    assert (
        stats["things"]["PeerChallenge"] == 4
    )  # Islington 2018, Tower Hamlets 2018 + planned visit, Thurrock 2011
    assert stats["things"]["Recommendation"] == 45
    assert stats["triples"] > 5000


def test_commands_without_a_store_say_what_to_do(tmp_path: Path) -> None:
    done = cli("stats", "--store", str(tmp_path / "nowhere"), check=False)
    assert done.returncode == 1
    assert "councilgraph build" in done.stderr
