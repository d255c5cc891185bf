"""Property-based requests from the OpenAPI schema (schemathesis): no input makes the
server fail, and every JSON error it answers has the one error shape."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

EXAMPLES = 12


def check_operation(operation) -> None:
    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
              database=None)
    def run(case) -> None:
        response = case.call(timeout=60)
        case.validate_response(response, checks=[not_a_server_error])
        media = " ".join(response.headers.get("content-type") or [])
        if response.status_code >= 400 and media.startswith("application/json"):
            body = response.json()
            assert set(body) == {"error"} and body["error"]["status"] == response.status_code, response.text

    run()


def test_no_input_breaks_the_server(live_demo):
    schema = schemathesis.openapi.from_url(f"{live_demo.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 25
    for operation in operations:
        check_operation(operation)
