"""System checks for what the settings promise but the database must provide."""

from django.conf import settings
from django.core.cache.backends.db import BaseDatabaseCache
from django.core.checks import Error, Warning, register
from django.db import DatabaseError, connections, router


@register(deploy=True)
def check_cache_tables(app_configs=None, **kwargs):
    """A database cache whose table is missing turns every cached page into a 500."""
    from django.core.cache import caches

    problems = []
    for alias in settings.CACHES:
        cache = caches[alias]
        if not isinstance(cache, BaseDatabaseCache):
            continue
        database = router.db_for_write(cache.cache_model_class)
        try:
            with connections[database].cursor() as cursor:
                tables = connections[database].introspection.table_names(cursor)
        except DatabaseError as error:
            problems.append(
                Warning(
                    f"Could not check the cache table {cache._table!r}: {error}",
                    id="core.W001",
                )
            )
            continue
        if cache._table not in tables:
            problems.append(
                Error(
                    f"The cache table {cache._table!r} (cache {alias!r}) does not exist, so "
                    "every cached page would fail.",
                    hint="Run `manage.py migrate`, which creates it (or `manage.py "
                    "createcachetable`).",
                    id="core.E001",
                )
            )
    return problems
