"""Schemathesis against the API's own OpenAPI schema: no 5xx, and every answer matches the schema.

The schema is read from the application itself (WSGI, in-process, so the test database and its
transaction are the ones the requests see), over the small registry of ``conftest.registry``. Every
operation gets schema-valid requests (which must be accepted: 2xx or a documented 404) and
schema-invalid ones (which must never fail), and the operations with an id get
a further run on the registry's own records, so that full records are checked against the schema and
not only 404s. Schemathesis's default checks apply (no 5xx, status codes, content types, headers and
bodies as documented, valid data accepted, invalid data rejected), except that invalid data is not
required to be refused (see the comment in the test). The number of examples is bounded,
so the run stays well under a minute; nothing in it is specific to SQLite or PostgreSQL.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection

pytestmark = pytest.mark.django_db

#: Generated requests per operation and mode.
EXAMPLES = 10


def _run(strategy, excluded_checks=()):
    @given(case=strategy)
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(case):
        case.call_and_validate(excluded_checks=list(excluded_checks))

    check()


@pytest.fixture
def api_schema(registry):
    """The schema, loaded from the WSGI application.

    Django's WSGI handler closes the database connection when a request ends; inside the test's
    transaction that would end it (PostgreSQL) — Django's own test client unhooks the same signal.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _known_ids(registry) -> dict:
    """Path parameters naming real public records, per operation path."""
    return {
        "/api/v1/services/{id}": {"id": registry.service.pk},
        "/api/v1/opd/{id}": {"id": registry.unit.pk},
        "/api/v1/regulations/{id}": {"id": registry.perda.pk},
        "/api/v1/regulations/{id}/pasal/{nomor}": {"id": registry.perda.pk, "nomor": "2"},
        "/api/v1/coverage/opd/{id}": {"id": registry.unit.pk},
        "/api/v1/coverage/services/{id}": {"id": registry.service.pk},
    }


def test_every_operation_conforms_and_never_fails(api_schema, registry):
    """Generated ids, pages, filters and odd strings get documented, schema-valid answers."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 11
    known = _known_ids(registry)
    for operation in operations:
        _run(operation.as_strategy(GenerationMode.POSITIVE))
        if operation.path in known:
            _run(operation.as_strategy(GenerationMode.POSITIVE, path_parameters=known[operation.path]))
        if operation.path != "/api/v1/coverage/":  # no parameters: nothing can be made invalid
            # In a query string every value is text, so a value schemathesis "breaks" by changing its
            # type (the number 2023 for the string tahun, 5 for a list of slugs) arrives well-formed;
            # that the API refuses malformed values with a 400 is tested by hand (test_services,
            # test_regulations, test_coverage_search). Invalid inputs must still never fail (5xx) and
            # every answer must match the schema.
            _run(operation.as_strategy(GenerationMode.NEGATIVE), excluded_checks=[negative_data_rejection])


def test_known_records_conform(api_schema, registry):
    """The registry's own records are answered with 200 and match the schema."""
    for path, parameters in _known_ids(registry).items():
        case = api_schema[path]["GET"].Case(path_parameters=parameters)
        response = case.call_and_validate()
        assert response.status_code == 200, path
