"""SQLite plans with table statistics: migrate leaves them there."""

from django.db import connection

import pytest

from core.database import analyze

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL keeps its own statistics")
def test_migrate_leaves_sqlite_table_statistics_and_analyze_refreshes_them():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        assert cursor.fetchone() == ("sqlite_stat1",)
        cursor.execute("DELETE FROM sqlite_stat1")
        analyze()
        cursor.execute("SELECT COUNT(*) FROM sqlite_stat1")
        assert cursor.fetchone()[0] > 0
