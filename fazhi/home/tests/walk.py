"""The home page in the security walk (fazhi/core/tests/test_security_walk.py merges ENTRIES into its TABLE, replacing
its old "home" entry, a redirect to /indicators/): a list page now — A's overdue to-do is shown to A's clerk and to
A's county, never to another township or county."""
from __future__ import annotations

import datetime as dt

from fazhi.testing.url_walk import Access, Entry

MARK = "WALKMARK-A-TODO"


def _overdue_task(w) -> str:
    from fazhi.testing.institution_factories import ResponsibilityTaskFactory

    task = w.once("home_overdue_task", lambda: ResponsibilityTaskFactory(
        organisation=w.township, task=f"{MARK} 修订村规民约", assigned_on=w.today - dt.timedelta(days=60),
        due_on=w.today - dt.timedelta(days=10),
    ))
    return task.task


ENTRIES = {
    "home": Entry(Access.LIST, marker=_overdue_task),
}
