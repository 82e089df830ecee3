"""An uploaded Excel file kept while the user decides about it (fazhi/core/views/ledgers.py): it was imported before,
or some rows repeat records.

The file waits in the database (``StagedImport``) under a random token. The confirmation page carries only that
token, and only the user who uploaded it, in the same township and ledger, can use it: anyone else gets a 404, so a
clerk of another township cannot import someone else's file by guessing. A staged file is removed when the choice is made (``claim``, once only);
files left waiting longer than a day expire and are removed the next time anyone stages one.
"""
from __future__ import annotations

import datetime as dt
import re
import secrets

from django.http import Http404
from django.utils import timezone

from fazhi.core.models import Organisation, StagedImport

KEEP_FOR = dt.timedelta(days=1)
TOKEN = re.compile(r"^[0-9a-f]{64}$")


def stage(data: bytes, *, user, organisation: Organisation, ledger: str, filename: str, year: int,
          import_valid_rows: bool) -> str:
    """Keep the file and return its token."""
    _sweep()
    token = secrets.token_hex(32)
    StagedImport.objects.create(token=token, user=user, organisation=organisation, ledger=ledger,
                                filename=filename[:255], year=year, import_valid_rows=import_valid_rows, data=data)
    return token


def load(token: str, *, user, organisation: Organisation, ledger: str) -> StagedImport | None:
    """The staged import, or None when the token is malformed, unknown or expired (the caller explains in Chinese).

    Raises Http404 when it belongs to another user, township or ledger."""
    if not TOKEN.match(token or ""):
        return None
    staged = StagedImport.objects.filter(token=token).first()
    if staged is None:
        return None
    if staged.user_id != user.pk or staged.organisation_id != organisation.pk or staged.ledger != ledger:
        raise Http404("没有找到这项待确认的导入")
    if staged.created_at < timezone.now() - KEEP_FOR:
        staged.delete()
        return None
    staged.data = bytes(staged.data)  # PostgreSQL returns a memoryview
    return staged


def claim(staged: StagedImport) -> bool:
    """Remove the staged file for its one use; False when it was already used (a second click, another tab)."""
    deleted, _ = StagedImport.objects.filter(pk=staged.pk).delete()
    return deleted > 0


def _sweep() -> None:
    StagedImport.objects.filter(created_at__lt=timezone.now() - KEEP_FOR).delete()
