"""Production mode refuses to start with the development secret or with DEBUG on."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

CHECK = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG, settings.DATABASES['default']['ENGINE'])"


def run_settings(**env_overrides: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "FAZHI_DEBUG", "DATABASE_URL", "FAZHI_TEST_POSTGRES"}}
    env.update({"DJANGO_SETTINGS_MODULE": "fazhi.settings", **env_overrides})
    return subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, env=env, timeout=60)


def test_production_without_secret_key_refuses_to_start(tmp_path):
    result = run_settings(FAZHI_ENV="production", FAZHI_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_with_debug_on_refuses_to_start(tmp_path):
    result = run_settings(FAZHI_ENV="production", SECRET_KEY="x" * 50, FAZHI_DEBUG="true", FAZHI_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DEBUG" in result.stderr


def test_production_with_a_real_secret_runs_without_debug_on_postgres_url(tmp_path):
    result = run_settings(
        FAZHI_ENV="production", SECRET_KEY="x" * 50, FAZHI_DATA_DIR=str(tmp_path),
        DATABASE_URL="postgres://fazhi@127.0.0.1:5432/fazhi", ALLOWED_HOSTS="fazhi.example.gov.cn",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "django.db.backends.postgresql"]


def test_default_is_embedded_sqlite_with_no_configuration(tmp_path):
    result = run_settings(FAZHI_DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "django.db.backends.sqlite3"]


@pytest.mark.parametrize("name,value", [("FAZHI_DEBUG", "maybe"), ("FAZHI_MAX_UPLOAD_BYTES", "ten")])
def test_a_typo_in_a_setting_fails_loudly(tmp_path, name, value):
    result = run_settings(FAZHI_DATA_DIR=str(tmp_path), **{name: value})
    assert result.returncode != 0
    assert name in result.stderr


def test_check_deploy_passes_in_production_mode(tmp_path):
    drop = {"SECRET_KEY", "FAZHI_DEBUG", "DATABASE_URL", "FAZHI_TEST_POSTGRES", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # the last: browser tests
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update({"DJANGO_SETTINGS_MODULE": "fazhi.settings", "FAZHI_ENV": "production", "SECRET_KEY": "k" * 30 + "Zq9!" * 10,
                "ALLOWED_HOSTS": "fazhi.example.gov.cn", "FAZHI_DATA_DIR": str(tmp_path)})
    result = subprocess.run([sys.executable, "-m", "fazhi.manage", "check", "--deploy", "--fail-level", "WARNING"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_redirects_to_https_but_not_the_health_check(client, settings, db):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    assert client.get("/portal/").status_code == 301
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": "ok"}


def test_gunicorn_config_loads():
    import runpy
    from pathlib import Path

    config = runpy.run_path(str(Path(__file__).resolve().parents[3] / "deploy" / "gunicorn.conf.py"))
    assert config["bind"] and config["workers"] >= 1 and config["timeout"] == 60


LOADS_QUIETLY = """
import socket, sqlite3
opened = []
real_connect, real_sqlite = socket.socket.connect, sqlite3.connect
socket.socket.connect = lambda self, address: opened.append(address) or real_connect(self, address)
sqlite3.connect = lambda *a, **k: opened.append(a[:1]) or real_sqlite(*a, **k)
from fazhi.wsgi import application
from django.db import connections
assert all(c.connection is None for c in connections.all()), "a database connection at import"
import threading
assert threading.active_count() == 1, threading.enumerate()
print("opened", opened)
"""


def test_the_app_opens_no_connection_when_imported(tmp_path):
    """deploy/gunicorn.conf.py preloads the app in the master and forks the workers from it: a database, cache or
    queue connection opened at import would be shared by every worker (interleaved replies, a broken session)."""
    env = {k: v for k, v in os.environ.items() if k not in {"FAZHI_DEBUG", "FAZHI_TEST_POSTGRES"}}
    env.update({"DJANGO_SETTINGS_MODULE": "fazhi.settings", "FAZHI_ENV": "production", "SECRET_KEY": "x" * 50,
                "FAZHI_DATA_DIR": str(tmp_path), "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
                "FAZHI_REDIS_URL": "redis://127.0.0.1:1/0", "ALLOWED_HOSTS": "localhost"})
    result = subprocess.run([sys.executable, "-c", LOADS_QUIETLY], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "opened []" in result.stdout


def test_workers_fork_from_a_preloaded_app_and_are_seldom_recycled():
    import runpy
    from pathlib import Path

    config = runpy.run_path(str(Path(__file__).resolve().parents[3] / "deploy" / "gunicorn.conf.py"))
    assert config["preload_app"] is True and config["max_requests"] >= 20000
