"""Readable change history of a record (django-simple-history underneath)."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from fazhi.core.ledgers.excel import display_value

_TYPES = {"+": "创建", "~": "修改", "-": "删除"}
_HIDDEN = {"updated_at", "created_at"}

# Text fields that store several choice values joined by commas ("warning,fine"): the choices each is read with.
# A model may declare its own as ``CHOICE_LISTS = {field name: choices}``; these are the ones that do not.
_CHOICE_LISTS = {
    "enforcement.penaltycase": {
        "proposed_kinds": "fazhi.enforcement.choices.PenaltyKind",
        "decision_kinds": "fazhi.enforcement.choices.PenaltyKind",
        "review_grounds": "fazhi.enforcement.choices.ReviewGround",
    },
}


def _choice_list(model, name: str) -> dict[str, str] | None:
    """{stored value: Chinese label} of a comma-joined choice field of ``model``, or None."""
    declared = getattr(model, "CHOICE_LISTS", {}).get(name)
    if declared is None:
        path = _CHOICE_LISTS.get(model._meta.label_lower, {}).get(name)
        if path is None:
            return None
        module, _, attribute = path.rpartition(".")
        declared = getattr(import_module(module), attribute).choices
    return {str(value): str(label) for value, label in declared}


def readable(obj, name: str) -> str:
    """What a user reads for one field of a record (a version of it): labels for choice values, never the codes."""
    labels = _choice_list(type(obj), name)
    if labels is not None:
        return "；".join(labels.get(value, value) for value in str(getattr(obj, name) or "").split(",") if value)
    return str(display_value(obj, name))


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
                old, new = readable(previous.instance, change.field), readable(rec.instance, change.field)
                changes.append((str(field.verbose_name), old, new))
            if any(c[0] == "作废时间" for c in changes):
                action = "作废"
        who = str(rec.history_user) if rec.history_user else "系统"
        entries.append(HistoryEntry(rec.history_date, who, action, changes))
        previous = rec
    return list(reversed(entries))
