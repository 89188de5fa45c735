"""`python -m benchmarks.synth OUT --scale S --seed N`: write a synthetic corpus to OUT."""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks.synth.corpus import generate


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synth", description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument(
        "--scale", type=float, default=1.0, help="0.01 to 10 (1 = ~1,000 challenges)"
    )
    parser.add_argument("--seed", type=int, default=2011)
    args = parser.parse_args(argv)
    manifest = generate(args.out, scale=args.scale, seed=args.seed)
    print(manifest.summary())


if __name__ == "__main__":
    main()
