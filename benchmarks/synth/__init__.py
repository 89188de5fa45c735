"""A seeded synthetic corpus at any scale, in the registers and genres the real loaders read.

    python -m benchmarks.synth OUT [--scale 1.0] [--seed 2011]

At scale 1 it holds every English local authority (copied from the bundled register),
about 1,000 corporate peer challenges from 2011 on, each with a feedback report of about
25 recommendations and a peer team from a pool of people who move between councils, a
follow-up committee report for most of them, a partnerships register and ten years of
London Councils Lead Chief Executive commissions. `generate` returns a `Manifest` of what
it wrote, so a test can check that a build reads back exactly that.
"""

from __future__ import annotations

from benchmarks.synth.corpus import Manifest, generate

__all__ = ["Manifest", "generate"]
