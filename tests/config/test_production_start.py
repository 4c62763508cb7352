"""The README's production steps, run as written on a fresh database, give a working site."""

import os
import re
import secrets
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOST = "councils.example.org"


def readme_production_commands():
    """The commands of the README's "Production" block, after its `export` lines."""
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"### Production\n+```sh\n(.*?)```", readme, re.S).group(1)
    return [
        shlex.split(line)
        for line in block.splitlines()
        if line.strip() and not line.startswith("export ")
    ]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fresh_postgres_database(url):
    import psycopg2

    parts = urlsplit(url)
    name = f"endeavour_production_start_{os.getpid()}"
    admin = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    return urlunsplit(parts._replace(path=f"/{name}")), drop


# The database the run is on: PostgreSQL (with its cache table) on CI's PostgreSQL legs,
# SQLite (with its file cache) otherwise.
DATABASE = "postgres" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"


@pytest.fixture(params=[DATABASE])
def production_env(request, tmp_path):
    if request.param == "postgres":
        url, drop = fresh_postgres_database(os.environ["DATABASE_URL"])
        request.addfinalizer(drop)
    else:
        url = f"sqlite:///{tmp_path / 'production.sqlite3'}"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SEARCH_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": HOST,
            "DATABASE_URL": url,
            "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
            "STATIC_ROOT": str(tmp_path / "static"),
            "CACHE_DIR": str(tmp_path / "cache"),
        }
    )
    return env


def get(port, path):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": HOST, "X-Forwarded-Proto": "https"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_readme_production_steps_serve_pages(production_env):
    commands = readme_production_commands()
    assert commands[-1][0].endswith("gunicorn"), "the README's steps end by starting gunicorn"
    for command in commands[:-1]:
        assert command[:2] == [".venv/bin/python", "manage.py"], command
        result = subprocess.run(  # noqa: S603
            [sys.executable, *command[1:]],
            cwd=ROOT,
            env=production_env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, (command, result.stdout[-2000:], result.stderr[-4000:])

    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(  # noqa: S603
        [str(gunicorn), "config.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=production_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stdout.read()
                assert time.monotonic() < deadline, "gunicorn did not start in 60 s"
                time.sleep(0.2)
        for path in (
            "/",
            "/councils/",
            "/councils/leeds/",
            "/search/?q=bins",
            "/accessibility/",
            "/accounts/sign-in/",
        ):
            status, _headers, body = get(port, path)
            assert status == 200, (path, status, body[:2000])
        seen = [get(port, "/")[1].get("X-Page-Cache") for _ in range(3)]
        assert seen[1:] == ["hit", "hit"], seen
        status, _headers, _body = get(port, "/static/css/main.css")
        assert status == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
