"""`check --deploy` fails when a database cache has no table, rather than every page later."""

from importlib import import_module

from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

import pytest

from core.checks import check_cache_tables

MISSING = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "no_such_cache_table",
}


@pytest.mark.django_db
def test_missing_cache_table_is_an_error(settings):
    settings.CACHES = {**settings.CACHES, "pages": MISSING}
    errors = check_cache_tables()
    assert [error.id for error in errors] == ["core.E001"]
    assert "no_such_cache_table" in errors[0].msg
    assert "migrate" in errors[0].hint


@pytest.mark.django_db
def test_migrate_creates_the_table_the_settings_name(settings):
    settings.CACHES = {**settings.CACHES, "pages": MISSING}
    migration = import_module("core.migrations.0001_cache_tables")
    migration.create_cache_tables(None, connection.schema_editor())
    assert check_cache_tables() == []
    caches["pages"].set("key", "value")
    assert caches["pages"].get("key") == "value"


def test_other_caches_are_not_checked(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert check_cache_tables() == []
    call_command("check", "--deploy", "--tag", "caches")
