from fazhi.core.ledgers import all_ledgers
from fazhi.core.scoping import writable_org


def database_state(request):
    from fazhi.core.dbstate import is_read_only

    return {"database_read_only": is_read_only()}


def navigation(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    groups: dict[str, list] = {}
    for ledger in all_ledgers():
        groups.setdefault(ledger.group, []).append(ledger)
    return {
        "nav_ledger_groups": groups,
        "user_writable_org": writable_org(request.user),
        "nav_reminders": _unread_reminders(request.user),
    }


def _unread_reminders(user) -> int:
    from django.db import DatabaseError

    try:
        return user.disclosure_reminders.filter(read_at__isnull=True).count()
    except DatabaseError:
        return 0
