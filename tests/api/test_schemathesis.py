"""schemathesis against the app's own OpenAPI, over real HTTP: no 5xx, nothing that breaks the schema."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.app import create_app
from councilgraph.settings import Settings
from tests.api.conftest import LiveServer

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# The document does not depend on the store, so it can be read at collection time.
schema = schemathesis.openapi.from_dict(create_app(Settings()).openapi())


@pytest.fixture(scope="module")
def fuzzed(api_settings: Settings) -> Iterator[LiveServer]:
    """A server of its own with a roomy query limit: this test checks the answers' shapes,
    and on a busy machine a fuzzed query past the other tests' 2 s limit is a 503 that says
    nothing about them (the limit itself is tested in test_sparql and test_rest)."""
    with LiveServer(api_settings.model_copy(update={"query_timeout": 30.0})) as live:
        yield live


@schema.parametrize()
@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_honours_its_schema(case: schemathesis.Case, fuzzed: LiveServer) -> None:
    case.call_and_validate(base_url=fuzzed.url, checks=CHECKS)
