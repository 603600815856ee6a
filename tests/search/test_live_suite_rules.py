"""The strict-skip rule for the live search suite (tests/conftest.py).

Without a cluster URL, a test marked ``optional_service`` may skip even under CI; once
OPENSEARCH_URL or ELASTICSEARCH_URL is set (CI's live run), its skip fails the run like any other.
"""

from types import SimpleNamespace

import pytest

from tests.conftest import _SERVICE_KEY, _strict_failure_message


class _Node:
    def __init__(self, reason: str | None, service: str):
        self.nodeid = "tests/search/test_x.py::test_live"
        self.config = SimpleNamespace(stash={_SERVICE_KEY: service})
        self._marker = None if reason is None else pytest.mark.optional_service(reason).mark

    def get_closest_marker(self, name):
        return self._marker if name == "optional_service" else None


SKIP = SimpleNamespace(longrepr=("file", 1, "Skipped: no cluster"))


def test_optional_service_may_skip_without_a_url():
    assert _strict_failure_message(_Node("needs a cluster", service=""), SKIP) is None


@pytest.mark.parametrize("variable", ["OPENSEARCH_URL", "ELASTICSEARCH_URL"])
def test_optional_service_skip_fails_once_a_url_is_set(variable):
    message = _strict_failure_message(_Node("needs a cluster", service=variable), SKIP)
    assert message and variable in message and "no cluster" in message


def test_unmarked_skip_fails_and_a_marker_needs_a_reason():
    assert "skipped under strict skips" in _strict_failure_message(_Node(None, service=""), SKIP)
    assert "needs a reason" in _strict_failure_message(_Node("", service=""), SKIP)
