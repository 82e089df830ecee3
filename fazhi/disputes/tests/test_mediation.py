"""Mediation, completed: dossier numbers per year, the Art. 29 agreement as .docx, reminders, 司法确认, per category."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document

from fazhi.core import clock
from fazhi.disputes import services
from fazhi.disputes.forms import MediatorForm
from fazhi.disputes.ledgers import _attention
from fazhi.disputes.models import DisputeCase, MediationCommittee
from fazhi.testing.factories import DisputeCaseFactory

pytestmark = pytest.mark.django_db


def _saved(township, **fields):
    return services.case_save(DisputeCaseFactory.build(organisation=township, **{"dossier_no": ""} | fields))


def test_closed_cases_get_gap_free_dossier_numbers_per_year_under_the_townships_prefix(township):
    township.doc_prefix = "甲乡"  # the 机关代字 set in the admin wins over the name
    a, b = _saved(township), _saved(township)
    open_case = _saved(township, outcome="open", agreement="none", closed_on=None)
    c = _saved(township, received_on=dt.date(2024, 12, 20), closed_on=dt.date(2024, 12, 28))
    assert (a.dossier_no, b.dossier_no) == ("甲乡调字〔2025〕第001号", "甲乡调字〔2025〕第002号")
    assert open_case.dossier_no == "" and c.dossier_no == "甲乡调字〔2024〕第001号"
    open_case.outcome, open_case.agreement, open_case.closed_on = "failed", "none", dt.date(2025, 5, 6)
    assert services.case_save(open_case).dossier_no == "甲乡调字〔2025〕第003号"  # numbered when it is closed
    DisputeCase.objects.filter(pk=b.pk).update(voided_at=dt.datetime(2025, 5, 7, tzinfo=dt.timezone.utc))
    assert _saved(township).dossier_no == "甲乡调字〔2025〕第004号"  # a voided case keeps its number


def test_a_typed_dossier_number_is_kept_and_the_series_goes_on_after_it(township):
    typed = _saved(township, dossier_no="甲调字〔2025〕第007号")
    assert typed.dossier_no == "甲调字〔2025〕第007号" and typed.dossier_sequence is None
    assert _saved(township).dossier_no == "甲调字〔2025〕第008号"


def test_closing_a_case_in_the_ledger_form_numbers_it(clerk_client, township):
    from fazhi.testing.ledger_data import valid_post

    data = valid_post("disputes") | {"outcome": "resolved", "agreement": "oral", "closed_on": "2025-06-02"}
    assert clerk_client.post("/ledgers/disputes/new/", data).status_code == 302
    assert DisputeCase.objects.get().dossier_no == "甲调字〔2025〕第001号"


def test_the_agreement_docx_holds_the_art_29_contents(client, township, clerk):
    case = DisputeCaseFactory(organisation=township, agreement="written", parties_text="甲方：王某，男，45岁\n乙方：李某，女，40岁",
                              facts="双方因宅基地边界发生争议", terms="乙方于十日内拆除越界围墙", performance="2025年5月1日前履行完毕",
                              agreement_on=dt.date(2025, 4, 20))
    client.force_login(clerk)
    page = client.get(reverse("ledger_detail", args=["disputes", case.pk])).content.decode()
    assert "下载调解协议书" in page
    response = client.get(reverse("dispute_agreement", args=[case.pk]))
    text = "\n".join(p.text for p in Document(io.BytesIO(b"".join(response.streaming_content))).paragraphs)
    for part in ("人民调解协议书", case.dossier_no, "甲方：王某", "宅基地边界", "乙方于十日内拆除越界围墙", "本协议一式3份",
                 "人民调解委员会（印章）", "2025年4月20日"):
        assert part in text
    oral = DisputeCaseFactory(organisation=township, agreement="oral")
    assert client.get(reverse("dispute_agreement", args=[oral.pk])).status_code == 404


def test_a_written_agreement_needs_its_terms(clerk_client):
    from fazhi.testing.ledger_data import valid_post

    data = valid_post("disputes") | {"outcome": "resolved", "agreement": "written", "closed_on": "2025-06-02", "terms": ""}
    response = clerk_client.post("/ledgers/disputes/new/", data)
    assert "书面调解协议须写明协议内容" in response.content.decode()


def test_reminders_for_open_cases_and_the_confirmation_window(township):
    today = clock.today()
    old = DisputeCaseFactory(organisation=township, received_on=today - dt.timedelta(days=45), outcome="open",
                             agreement="none", closed_on=None)
    signed = DisputeCaseFactory(organisation=township, agreement="written", terms="赔偿", received_on=today - dt.timedelta(days=60),
                                closed_on=today - dt.timedelta(days=40), agreement_on=today - dt.timedelta(days=40))
    notes = _attention([old, signed])
    assert notes[0] == "调解已超过一个月（45天）"
    assert notes[1].startswith("司法确认申请期限") and notes[1].endswith("（已过）")


def test_a_mediators_term_is_three_years_and_the_committee_must_be_ours(township, other_township):
    ours = MediationCommittee.objects.create(organisation=township, name="甲镇人民调解委员会", established_on=dt.date(2024, 1, 1))
    theirs = MediationCommittee.objects.create(organisation=other_township, name="乙镇人民调解委员会", established_on=dt.date(2024, 1, 1))
    form = MediatorForm(data={"committee": ours.pk, "name": "王调解", "role": "chair", "term_start": "2024-01-01",
                              "term_end": "2028-01-01"}, organisation=township)
    assert not form.is_valid() and "每届任期三年" in str(form.errors)
    form = MediatorForm(data={"committee": theirs.pk, "name": "王调解", "role": "chair", "term_start": "2024-01-01",
                              "term_end": "2026-12-31"}, organisation=township)
    assert not form.is_valid() and "请选择本镇已登记的调解委员会" in str(form.errors)


def test_success_rate_per_category(client, township, clerk):
    DisputeCaseFactory.create_batch(3, organisation=township, category="land")
    DisputeCaseFactory(organisation=township, category="land", outcome="failed", agreement="none")
    DisputeCaseFactory(organisation=township, category="family")
    client.force_login(clerk)
    page = client.get(reverse("dispute_categories") + "?year=2025").content.decode()
    assert "<td>土地山林</td><td>4</td><td>4</td><td>3</td><td>75.0%</td>" in page
    assert "<td>婚姻家庭</td><td>1</td><td>1</td><td>1</td><td>100.0%</td>" in page
