"""The suite builds its tables from the models (``--no-migrations`` in pyproject.toml: each test worker used to spend
some 40 seconds migrating). This test is what that leaves out: the real migrations run from nothing on the database
under test, data migrations included, and leave nothing for ``makemigrations`` to write."""
from __future__ import annotations

import os
import subprocess
import sys
import uuid

from django.conf import settings

from fazhi.testing.fault_harness import ROOT, server_env


def _run(env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fazhi.manage", *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=900, check=False)


def test_the_migrations_build_the_models_schema_from_nothing(tmp_path):
    postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    url = None
    if postgres:
        import psycopg

        base = os.environ.get("FAZHI_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/fazhi")
        name = f"fazhi_migrate_{uuid.uuid4().hex[:8]}"
        server = base.rsplit("/", 1)[0]
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        url = f"{server}/{name}"
    try:
        env = server_env(database_url=url, data_dir=tmp_path)
        done = _run(env, "migrate", "--noinput", "-v0")
        assert done.returncode == 0, done.stderr[-4000:]
        check = _run(env, "makemigrations", "--check", "--dry-run", "-v1")
        assert check.returncode == 0, f"模型改动没有对应的迁移：\n{check.stdout[-2000:]}"
        plan = _run(env, "migrate", "--plan")
        assert "No planned migration operations" in plan.stdout, plan.stdout[-2000:]
    finally:
        if postgres:
            with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
