"""Steps of a map: timed, reported as they start, stopped at the deadline or on cancel."""

from __future__ import annotations

import time

import pytest

from councilgraph.errors import QueryError
from visualisations.steps import Steps


def test_steps_are_reported_and_timed() -> None:
    seen: list[str] = []
    steps = Steps(on_step=seen.append)
    with steps.step("one"):
        time.sleep(0.01)
    with steps.step("two"):
        pass
    assert seen == ["one", "two"] and steps.report()["one"] >= 0.01


def test_a_step_past_the_deadline_stops_the_work() -> None:
    steps = Steps(limit=0.01)
    with pytest.raises(QueryError, match="0.01 s limit") as exc, steps.step("slow"):
        time.sleep(0.02)
    assert exc.value.status == 503
    with pytest.raises(QueryError):
        steps.check()


def test_cancelling_stops_at_the_next_check() -> None:
    steps = Steps()
    steps.check()
    steps.cancelled.set()
    with pytest.raises(QueryError, match="cancelled"):
        steps.check()
