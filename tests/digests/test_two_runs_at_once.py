"""Two `send_digests` runs at once (cron overlapping a manual run) send each digest once.

On SQLite this needs a database file, so on the in-memory test database the test runs itself
again in a subprocess on a file (tests/processes.py); on PostgreSQL it runs directly."""

import threading
from io import StringIO

from django.core import mail
from django.core.management import call_command

import pytest

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import Theme
from digests.models import Digest
from following.models import Follow
from tests.processes import (  # noqa: F401 - in_memory_sqlite is named in the skipif strings
    in_memory_sqlite,
    run_in_threads,
    run_on_an_sqlite_file,
)

from .conftest import make_person

PEOPLE = 6


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
    result = run_on_an_sqlite_file(
        tmp_path, __file__, "test_two_runs_at_once_send_each_digest_once"
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert "1 passed" in result.stdout
