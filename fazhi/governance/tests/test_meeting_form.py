"""Recording a meeting: every kind is offered in Chinese, the rule-of-law box starts ticked, and the
principal-chaired figure follows the ledger."""
from __future__ import annotations

import datetime as dt
import re

from fazhi.core.ledgers import get_ledger
from fazhi.core.tests.ledger_helpers import YEAR, form_data
from fazhi.governance.models import Meeting, MeetingKind
from fazhi.indicators import registry
from fazhi.indicators.registry import Scope
from fazhi.testing.factories import MeetingFactory

LEDGER = get_ledger("meetings")


def test_the_new_meeting_form_offers_every_kind_and_starts_as_rule_of_law_work(clerk_client):
    page = clerk_client.get("/ledgers/meetings/new/").content.decode()
    for kind in MeetingKind:
        assert kind.label in page
    assert re.search(r'<input type="checkbox" name="on_rule_of_law"[^>]*checked', page)


def test_a_meeting_chaired_by_the_principal_counts_in_both_figures(clerk_client, township):
    data = form_data(LEDGER, township, kind="special", chaired_by_principal="on", on_rule_of_law="on")
    assert clerk_client.post("/ledgers/meetings/new/", data).status_code == 302
    MeetingFactory(organisation=township, held_on=dt.date(YEAR, 2, 20), chaired_by_principal=False)
    scope = Scope.for_org(township, YEAR)
    assert registry.get("rule_of_law_meetings").compute(scope).value == 2
    assert registry.get("principal_chaired_meetings").compute(scope).value == 1
    assert Meeting.objects.filter(chaired_by_principal=True).get().created_by is not None
