"""Whether the database takes writes: a read-only database (a replica, maintenance, a full disk mounted
read-only) must leave the pages readable with a clear banner, and every refused write must say so."""
from __future__ import annotations

import os
import time

from django.db import DatabaseError, connection

_CHECK_SECONDS = 15
_cache: dict[str, float | bool] = {"at": 0.0, "read_only": False}

READ_ONLY_MESSAGES = ("read-only", "readonly", "read only")


def looks_read_only(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(m in text for m in READ_ONLY_MESSAGES)


def _probe() -> bool:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on'")
            return bool(cursor.fetchone()[0])
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only")
            if cursor.fetchone()[0]:
                return True
        name = str(connection.settings_dict["NAME"])
        if name == ":memory:" or name.startswith("file:"):
            return False
        folder = os.path.dirname(name) or "."
        return os.path.exists(name) and not (os.access(name, os.W_OK) and os.access(folder, os.W_OK))
    return False


def is_read_only() -> bool:
    """Checked at most every few seconds per process (the answer is cached)."""
    now = time.monotonic()
    if now - float(_cache["at"]) > _CHECK_SECONDS:
        try:
            _cache["read_only"] = _probe()
        except DatabaseError:
            _cache["read_only"] = False  # an unreachable database is reported by the error page, not the banner
        _cache["at"] = now
    return bool(_cache["read_only"])


def mark_read_only() -> None:
    _cache["read_only"], _cache["at"] = True, time.monotonic()


def reset() -> None:
    _cache["at"] = 0.0


def trouble(exc: BaseException) -> tuple[str, str]:
    """(title, message) for a database error that ended a request: nothing was saved, retry."""
    if looks_read_only(exc):
        mark_read_only()
        return "系统只读维护中", "数据库当前为只读状态，可以查看但不能保存。您刚才提交的内容没有保存，请在维护结束后重试。"
    return "数据库暂时不可用", "数据库连接中断，您刚才提交的内容没有保存。请稍后重试；重复提交不会产生重复记录。"
