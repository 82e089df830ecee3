"""Reading personal data through the staff API is logged like an Excel export (who, when, what, how many)."""
from __future__ import annotations

from fazhi.core.models import AuditEvent, AuditKind
from fazhi.testing.factories import LegalLiaisonFactory


def test_api_lists_of_ledgers_and_applications_are_logged(client, clerk, township):
    LegalLiaisonFactory.create_batch(2, organisation=township)
    client.force_login(clerk)
    assert client.get("/api/ledgers/legal-liaisons/").status_code == 200
    assert client.get("/api/disclosure-requests/?year=2025").status_code == 200
    events = list(AuditEvent.objects.filter(kind=AuditKind.EXPORT).order_by("id"))
    assert [e.username for e in events] == ["clerk_a", "clerk_a"]
    assert "法律明白人名册" in events[0].detail and "2条" in events[0].detail
    assert "依申请公开申请列表" in events[1].detail and "year=2025" in events[1].detail
