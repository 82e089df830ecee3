"""The home page (/): 待办 — what is due or overdue for this user's role, soonest first — then the few figures that
matter to the role (issue 21). The items and figures come from the modules through fazhi/core/todo.py."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from fazhi.core import clock, todo


@login_required
def home(request):
    today = clock.today()
    items = todo.for_user(request.user, today)
    rows = []
    for item in items:
        left = item.days_left(today)
        rows.append({"todo": item, "days_left": left, "overdue": item.is_overdue(today),
                     "days_over": -left if left is not None and left < 0 else 0})
    return render(request, "core/home.html", {
        "today": today,
        "rows": rows,
        "overdue": sum(1 for r in rows if r["overdue"]),
        "county": todo.is_county(request.user),
        "figure_groups": todo.figures_for(request.user, today),
    })
