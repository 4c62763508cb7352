"""Tests that need several database connections at once: threads that each use their own, and,
on SQLite, a database file for them to share.

An in-memory SQLite database is one connection shared by every thread, so on the in-memory test
database such a test runs itself again in a subprocess on a file (config/settings/test.py reads
SQLITE_TEST_FILE); on PostgreSQL it runs directly.
"""

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def in_memory_sqlite():
    database = settings.DATABASES["default"]
    return database["ENGINE"].endswith("sqlite3") and not database.get("TEST", {}).get("NAME")


def run_in_threads(targets):
    """Run each `(name, target)` in a thread of that name and wait for them all; return what
    they raised, each as `name: error`."""
    errors = []

    def guarded(target):
        try:
            target()
        except BaseException as error:  # noqa: BLE001 - reported below, with the thread's name
            errors.append(f"{threading.current_thread().name}: {error!r}")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=guarded, args=(target,), name=name) for name, target in targets
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not [thread.name for thread in threads if thread.is_alive()], "threads hung"
    return errors


def run_on_an_sqlite_file(tmp_path, test_file, test_name):
    """Run the test `test_name` of `test_file` (its `__file__`) in a pytest subprocess on an
    SQLite file under `tmp_path`, and return the finished process.

    The subprocess starts from a copy of this migrated database instead of migrating again, so
    the calling test needs a database it can read without a transaction holding it locked
    (`django_db(transaction=True)`)."""
    database = tmp_path / "test.sqlite3"
    copy = sqlite3.connect(database)
    connection.ensure_connection()
    connection.connection.backup(copy)
    copy.close()
    env = {**os.environ, "SQLITE_TEST_FILE": str(database)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(  # noqa: S603
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
            f"{Path(test_file).resolve().relative_to(ROOT)}::{test_name}",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
