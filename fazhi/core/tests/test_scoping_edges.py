"""Scope edges outside any one ledger. The per-ledger ones (GET on the void URL, the supervisor's POSTs of valid
forms, anonymous writes, the supervisor reading one township at a time) are checked in test_personas_on_every_ledger.py."""
from __future__ import annotations


def test_an_unknown_ledger_is_a_chinese_404(clerk_client):
    response = clerk_client.get("/ledgers/no-such-ledger/")
    assert response.status_code == 404 and "页面不存在" in response.content.decode()
