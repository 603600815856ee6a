"""tests/shared_data.py: data built once per module, each test's writes rolled back, each test its own copy.

The tests run in file order (pytest-xdist's ``--dist loadfile`` keeps a file on one worker): the
first one changes the shared row and its copy, the next ones see them as built.
"""

import pytest
from django.contrib.auth.models import Group

from tests.shared_data import build_shared, shared_copy

pytestmark = pytest.mark.django_db

BUILDS = []


def build_groups():
    """One group, counted each time it is built."""
    BUILDS.append(1)
    return {"group": Group.objects.create(name="Kelompok Bersama")}


@pytest.fixture(scope="module")
def module_groups(django_db_setup, django_db_blocker):
    """The group, built once for this module."""
    yield from build_shared(django_db_blocker, build_groups)


@pytest.fixture
def groups(module_groups, db, request):
    """This test's copy of the group."""
    return shared_copy(request, module_groups)


def test_a_test_changes_the_shared_row_and_its_copy(groups):
    """The first test renames the group in the database and in memory, and adds a second one."""
    groups["group"].name = "Kelompok Diubah"
    groups["group"].save()
    Group.objects.create(name="Kelompok Tambahan")
    assert Group.objects.filter(name__startswith="Kelompok").count() == 2


def test_the_next_test_sees_the_data_as_built(groups, module_groups):
    """The first test's writes are rolled back, and its in-memory change stayed in its own copy."""
    assert groups["group"].name == "Kelompok Bersama"
    assert groups["group"] is not module_groups["group"]
    assert list(Group.objects.filter(name__startswith="Kelompok").values_list("name", flat=True)) == [
        "Kelompok Bersama"
    ]


def test_the_data_is_built_once_per_module(groups):
    """Three tests, one build."""
    assert len(BUILDS) == 1
    assert Group.objects.get(pk=groups["group"].pk).name == "Kelompok Bersama"
