"""Property-based checks of the whole API against its own OpenAPI schema (schemathesis).

Whatever a client sends, the API answers with a documented status and a body that matches
the schema: malformed input is a 4xx with field errors, never a 500.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from convoca.wsgi import application


def operations():
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.django_db
def test_every_endpoint_conforms_to_its_schema():
    checked = []
    for operation in operations():

        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
        def conforms(case):
            case.call_and_validate()

        conforms()
        checked.append(operation.label)
    assert "GET /api/v1/organizations" in checked
