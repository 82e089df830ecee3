"""factory_boy factories of the litigation ledgers (registered in fazhi/testing/factories.py LEDGER_FACTORIES)."""
from __future__ import annotations

import datetime as dt

import factory

from fazhi.litigation.models import CourtSuggestion, Hearing, LegalCase, Obligation
from fazhi.testing.factories import RecordFactory


class LegalCaseFactory(RecordFactory):
    class Meta:
        model = LegalCase

    kind = "litigation"
    number = factory.Sequence(lambda n: f"（2025）示0421行初{n + 1}号")
    act = "拆除违法建筑的行政强制行为"
    claimant = "王某某"
    body = "示范县人民法院"
    court_level = "first"
    received_on = dt.date(2025, 4, 2)


class HearingFactory(RecordFactory):
    class Meta:
        model = Hearing

    case = factory.SubFactory(LegalCaseFactory, organisation=factory.SelfAttribute("..organisation"))
    held_on = dt.date(2025, 6, 10)
    open_court = True
    head_appeared = True
    head_name = "吴海燕"
    head_post = "chief"


class ObligationFactory(RecordFactory):
    class Meta:
        model = Obligation

    kind = "assist"
    received_on = dt.date(2025, 7, 1)
    content = "协助冻结被执行人在本镇的补偿款"
    completed_on = dt.date(2025, 7, 3)


class CourtSuggestionFactory(RecordFactory):
    class Meta:
        model = CourtSuggestion

    kind = "procuratorial"
    issuer = "示范县人民检察院"
    received_on = dt.date(2025, 8, 1)
    subject = "加强农村饮用水源地保护"
