"""Two `send_digests` runs at once (cron overlapping a manual run) send each digest once.

On SQLite this needs a database file, so on the in-memory test database the test runs itself
again in a subprocess on a file, as tests/concurrency does; on PostgreSQL it runs directly."""

import os
import sqlite3
import subprocess
import sys
import threading
from io import StringIO
from pathlib import Path

from django.core import mail
from django.core.management import call_command
from django.db import connection

import pytest

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import Theme
from digests.models import Digest
from following.models import Follow
from tests.concurrency.test_publishing import in_memory_sqlite, run_in_threads  # noqa: F401

from .conftest import make_person

PEOPLE = 6
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif("in_memory_sqlite()", reason="runs on an SQLite file, in a subprocess")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_at_once_send_each_digest_once(site):
    waste = Theme.objects.get(slug="waste")
    for n in range(PEOPLE):
        Follow.objects.create(person=make_person(f"person{n}"), kind=Follow.Kind.THEME, theme=waste)
    CaseStudyPageFactory(title="Fewer missed bins", themes=[waste])
    start = threading.Barrier(2)

    def run():
        start.wait()
        call_command("send_digests", stdout=StringIO(), stderr=StringIO())

    assert run_in_threads([("first run", run), ("second run", run)]) == []
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(f"person{n}@example.gov.uk" for n in range(PEOPLE))
    assert Digest.objects.filter(outcome=Digest.Outcome.SENT).count() == PEOPLE


@pytest.mark.skipif("not in_memory_sqlite()", reason="runs directly on this database")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_an_sqlite_file(tmp_path):
    database = tmp_path / "test.sqlite3"
    copy = sqlite3.connect(database)
    connection.ensure_connection()
    connection.connection.backup(copy)
    copy.close()
    env = {**os.environ, "SQLITE_TEST_FILE": str(database)}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:randomly",
            "-p",
            "no:xdist",
            "--reuse-db",
            f"{Path(__file__).relative_to(ROOT)}::test_two_runs_at_once_send_each_digest_once",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert "1 passed" in result.stdout
