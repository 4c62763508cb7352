"""Production settings start only when configured, and pass Django's deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "SEARCH_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "WAGTAILADMIN_BASE_URL",
        }
    }
    env.update(env_overrides)
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def production_env(tmp_path):
    return {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "councils.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        "WAGTAILADMIN_BASE_URL": "https://councils.example.org",
    }


def test_check_deploy_passes_with_no_warnings(production_env):
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env_overrides=production_env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "WAGTAILADMIN_BASE_URL"]
)
def test_refuses_to_start_without_required_setting(production_env, missing):
    del production_env[missing]
    result = run_manage("check", env_overrides=production_env)
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr
