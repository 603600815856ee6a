"""Which writes start a new generation, and when: at commit, never on rollback, never for noise."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import override_settings

from registry.cache import keys
from registry.cache.apps import check_shared_store
from registry.cache.config import cache_from_url
from registry.cache.invalidation import IGNORED_TABLES, WriteWatcher, invalidates
from tests import factories


@pytest.mark.parametrize(
    "sql",
    [
        'INSERT INTO "services_servicepage" ("page_ptr_id") VALUES (%s)',
        'UPDATE "regulations_regulationpage" SET "status" = %s WHERE "id" IN (1, 2)',
        'DELETE FROM "coverage_finding"',
        "INSERT OR REPLACE INTO search_indexentry VALUES (1)",
        'ALTER TABLE "wagtailcore_page" ADD COLUMN "x" integer',
        "TRUNCATE coverage_servicecoverage",
        'INSERT INTO "a_table_added_later" VALUES (1)',
    ],
)
def test_content_writes_and_unknown_statements_invalidate(sql):
    assert invalidates(sql)


@pytest.mark.parametrize(
    "sql",
    [
        'SELECT "wagtailcore_page"."id" FROM "wagtailcore_page"',
        "  select 1",
        'SAVEPOINT "s1"',
        'RELEASE SAVEPOINT "s1"',
        'UPDATE "django_session" SET "session_data" = %s',
        'UPDATE "regulations_extractionrun" SET "heartbeat_at" = %s WHERE "id" = %s',
        'INSERT INTO "wagtailadmin_editingsession" ("user_id") VALUES (%s)',
        'INSERT INTO "axes_accessattempt" ("username") VALUES (%s)',
    ],
)
def test_reads_and_writes_no_public_page_shows_do_not(sql):
    assert not invalidates(sql)


def test_the_ignored_tables_are_real_tables():
    """A renamed table must not silently drop out of the list (and so invalidate on every beat)."""
    from django.apps import apps

    tables = {model._meta.db_table for model in apps.get_models()}
    assert tables >= IGNORED_TABLES, IGNORED_TABLES - tables


def test_every_connection_is_watched(db):
    assert any(isinstance(wrapper, WriteWatcher) for wrapper in connection.execute_wrappers)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_write_starts_a_new_generation_when_it_commits_and_a_rollback_starts_none():
    before = keys.current_generation()
    with transaction.atomic():
        factories.opd(title="Dinas Pariwisata", abbreviation="Dispar", slug="dispar")
        assert keys.current_generation() == before, "bumped before the commit: a reader could store old rows"
    committed = keys.current_generation()
    assert committed != before

    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        factories.opd(title="Dinas Sosial", abbreviation="Dinsos", slug="dinsos")
        raise Abort
    assert keys.current_generation() == committed


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_anonymous_session_or_a_task_row_keeps_the_generation():
    generation = keys.current_generation()
    session = SessionStore()
    session["seen"] = True
    session.save()
    assert keys.current_generation() == generation


def test_migrate_starts_a_new_generation(db):
    generation = keys.current_generation()
    call_command("migrate", verbosity=0)
    assert keys.current_generation() != generation


def test_a_per_process_store_is_flagged_outside_debug(settings):
    settings.REGISTRY_PAGE_CACHE = True
    settings.DEBUG = False
    assert [warning.id for warning in check_shared_store(None)] == ["registri_cache.W001"]
    with override_settings(CACHES={**settings.CACHES, "pages": cache_from_url("file:///tmp/x", None)}):
        assert check_shared_store(None) == []


def test_cache_urls(tmp_path):
    assert cache_from_url("", tmp_path)["LOCATION"] == str(tmp_path)
    assert cache_from_url("redis://cache:6379/1", tmp_path)["BACKEND"].endswith("RedisCache")
    assert cache_from_url("db://page_cache", tmp_path)["LOCATION"] == "page_cache"
    with pytest.raises(ValueError, match="memcached"):
        cache_from_url("memcached://x", tmp_path)
