from fazhi.core.ledgers import all_ledgers
from fazhi.core.scoping import writable_org


def navigation(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    groups: dict[str, list] = {}
    for ledger in all_ledgers():
        groups.setdefault(ledger.group, []).append(ledger)
    return {
        "nav_ledger_groups": groups,
        "user_writable_org": writable_org(request.user),
        "nav_reminders": request.user.disclosure_reminders.filter(read_at__isnull=True).count(),
    }
