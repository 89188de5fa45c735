"""Precision and recall of similar recommendations against the hand labels.

`python -m benchmarks.similarity` scores every label set in tests/data/similarity (see its
README): the bundled corpus's pairs, which the method was tuned on, and the two set-aside
sets, which it never was. A pair counts as found when `graph.similarity.similar` links the
two recommendations in either direction (cg:similarTo is symmetric), with the recommendations
of the set as the whole corpus (IDF and the top matches are fitted on them).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from graph import similarity

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "similarity"
LAYOUTS = ROOT / "tests" / "data" / "peer-challenge-layouts" / "gold.yaml"
SETS = {
    "bundled": "bundled-pairs.csv",  # tuned on
    "set-aside": "setaside-pairs.csv",
    "layouts": "layouts-pairs.csv",
}


@dataclass(frozen=True)
class Scores:
    name: str
    pairs: int
    similar: int
    found: int  # labelled similar and linked
    wrong: int  # linked, labelled not similar
    missed: list[tuple[str, str]]
    false: list[tuple[str, str]]

    @property
    def precision(self) -> float:
        return self.found / (self.found + self.wrong) if self.found + self.wrong else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.similar if self.similar else 1.0


def labels(name: str) -> list[dict[str, str]]:
    with (LABELS / SETS[name]).open(newline="") as f:
        return list(csv.DictReader(f))


def items(name: str, rows: list[dict[str, str]]) -> list[similarity.Item]:
    """The recommendations of a label set, the council being the key's GSS code."""
    if name == "layouts":
        return list(_layout_items())
    texts = {row["a"]: row["a_text"] for row in rows} | {row["b"]: row["b_text"] for row in rows}
    return [similarity.Item(key, text, key.split("-")[0]) for key, text in sorted(texts.items())]


def _layout_items() -> Iterator[similarity.Item]:
    gold = yaml.safe_load(LAYOUTS.read_text())
    for report in gold["reports"]:
        stem = report["file"].split(".")[0]
        for n, text in enumerate(report["key_recommendations"], start=1):
            yield similarity.Item(f"{stem}#{n}", text, report["challenge"]["gss"])


def measure(name: str) -> Scores:
    rows = labels(name)
    linked = {frozenset((m.source, m.target)) for m in similarity.similar(items(name, rows))}
    missed, false, found = [], [], 0
    for row in rows:
        pair, similar = frozenset((row["a"], row["b"])), row["similar"] == "yes"
        if similar and pair in linked:
            found += 1
        elif similar:
            missed.append((row["a"], row["b"]))
        elif pair in linked:
            false.append((row["a"], row["b"]))
    similar_count = sum(row["similar"] == "yes" for row in rows)
    return Scores(name, len(rows), similar_count, found, len(false), missed, false)


def main() -> None:
    print(f"method {similarity.METHOD}")
    print(f"{'labels':<10} {'pairs':>6} {'similar':>8} {'found':>6} {'wrong':>6} {'P':>5} {'R':>5}")
    for name in sys.argv[1:] or SETS:
        s = measure(name)
        print(
            f"{s.name:<10} {s.pairs:>6} {s.similar:>8} {s.found:>6} {s.wrong:>6} "
            f"{s.precision:>5.2f} {s.recall:>5.2f}"
        )


if __name__ == "__main__":
    main()
