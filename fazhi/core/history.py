"""Readable change history of a record (django-simple-history underneath)."""
from __future__ import annotations

from dataclasses import dataclass

from fazhi.core.ledgers.excel import display_value

_TYPES = {"+": "创建", "~": "修改", "-": "删除"}
_HIDDEN = {"updated_at", "created_at"}


@dataclass
class HistoryEntry:
    when: object
    who: str
    action: str
    changes: list[tuple[str, str, str]]


def history_entries(obj) -> list[HistoryEntry]:
    records = list(obj.history.all().select_related("history_user").order_by("history_date", "history_id"))
    entries = []
    previous = None
    for rec in records:
        changes = []
        action = _TYPES.get(rec.history_type, rec.history_type)
        if previous is not None:
            delta = rec.diff_against(previous)
            for change in delta.changes:
                if change.field in _HIDDEN:
                    continue
                field = obj._meta.get_field(change.field)
                old = display_value(previous.instance, change.field)
                new = display_value(rec.instance, change.field)
                changes.append((str(field.verbose_name), str(old), str(new)))
            if any(c[0] == "作废时间" for c in changes):
                action = "作废"
        who = str(rec.history_user) if rec.history_user else "系统"
        entries.append(HistoryEntry(rec.history_date, who, action, changes))
        previous = rec
    return list(reversed(entries))
