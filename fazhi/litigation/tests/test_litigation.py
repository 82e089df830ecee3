"""Reconsideration and litigation: time limits in their units, the head's appearance and its rate, cases lost."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from fazhi.core import clock
from fazhi.indicators.registry import Scope, get
from fazhi.litigation.forms import HearingForm, LegalCaseForm, ObligationForm
from fazhi.litigation.ledgers import _answer_column, _suggestion_state
from fazhi.litigation.rules import answer_due
from fazhi.litigation.tests.factories import CourtSuggestionFactory, HearingFactory, LegalCaseFactory, ObligationFactory
from fazhi.reports.compose import compose_report
from fazhi.reports.services import report_new

pytestmark = pytest.mark.django_db


def test_reconsideration_answer_counts_working_days_across_national_day():
    # received Friday 2025-09-26: 9-28 (Sunday, make-up day) 1, 9-29 2, 9-30 3, 国庆 10-1..10-8 skipped,
    # 10-9 4, 10-10 5, 10-11 (Saturday, make-up day) 6, 10-13 7, 10-14 8, 10-15 9, 10-16 10
    due, why = answer_due("reconsideration", dt.date(2025, 9, 26))
    assert due == dt.date(2025, 10, 16)
    assert "第四十八条" in why and "工作日" in why


def test_litigation_answer_counts_calendar_days_and_moves_off_a_rest_day():
    due, why = answer_due("litigation", dt.date(2025, 9, 26))
    assert due == dt.date(2025, 10, 11) and "第六十七条" in why  # a make-up working Saturday stays
    due, why = answer_due("litigation", dt.date(2025, 9, 20))  # day 15 is 10-5, in the 国庆 holiday
    assert due == dt.date(2025, 10, 9) and "顺延" in why and "民事诉讼法第八十五条" in why


def test_the_case_list_says_answered_on_time_or_late(township):
    on_time = LegalCaseFactory(organisation=township, received_on=dt.date(2025, 4, 2), answered_on=dt.date(2025, 4, 15))
    late = LegalCaseFactory(organisation=township, received_on=dt.date(2025, 4, 2), answered_on=dt.date(2025, 4, 20))
    assert _answer_column([on_time, late]) == ["2025-04-17前；按期答复", "2025-04-17前；逾期答复"]


def test_a_hearing_without_the_head_needs_a_valid_excuse(township):
    case = LegalCaseFactory(organisation=township)
    form = HearingForm(data={"case": case.pk, "held_on": "2025-06-10", "open_court": "on"}, organisation=township)
    assert not form.is_valid() and "须写明事由" in str(form.errors)
    form = HearingForm(data={"case": case.pk, "held_on": "2025-06-10", "open_court": "on", "head_appeared": "on"},
                       organisation=township)
    assert not form.is_valid() and "出庭负责人姓名和职务" in str(form.errors)


def test_no_hearing_after_the_case_was_concluded(township):
    """G9: a hearing dated after the case was withdrawn counted in the 出庭应诉率."""
    case = LegalCaseFactory(organisation=township, received_on=dt.date(2025, 3, 1), outcome="withdrawn",
                            concluded_on=dt.date(2025, 4, 30))
    data = {"case": case.pk, "held_on": "2025-05-26", "venue": "示范县人民法院", "open_court": "on", "head_appeared": "on",
            "head_name": "吴海燕", "head_post": "chief"}
    form = HearingForm(data=data, organisation=township)
    assert not form.is_valid() and "开庭日期不能晚于案件审结日期" in str(form.errors)
    assert HearingForm(data={**data, "held_on": "2025-04-20"}, organisation=township).is_valid()


def test_a_hearing_can_only_point_at_the_townships_own_case(township, other_township):
    theirs = LegalCaseFactory(organisation=other_township)
    form = HearingForm(data={"case": theirs.pk, "held_on": "2025-06-10", "head_appeared": "on", "head_name": "某",
                             "head_post": "chief"}, organisation=township)
    assert not form.is_valid() and "请选择本镇已登记的案件" in str(form.errors)


def test_case_form_rules(township):
    form = LegalCaseForm(data={"kind": "litigation", "number": "x", "act": "a", "claimant": "c", "body": "b",
                               "received_on": "2025-04-02", "outcome": "upheld"}, organisation=township)
    assert not form.is_valid()
    errors = str(form.errors)
    assert "请选择审级" in errors and "结果和审结日期须同时填写" in errors


def test_an_obligation_deadline_may_lie_ahead(township):
    case = LegalCaseFactory(organisation=township)
    ahead = (clock.today() + dt.timedelta(days=30)).isoformat()
    form = ObligationForm(data={"case": case.pk, "kind": "judgment", "received_on": "2025-07-01", "content": "重新作出决定",
                                "due_on": ahead}, organisation=township)
    assert form.is_valid(), form.errors


def test_appearances_rate_by_hearing_and_by_case(township):
    a = LegalCaseFactory(organisation=township)
    b = LegalCaseFactory(organisation=township)
    HearingFactory(organisation=township, case=a, held_on=dt.date(2025, 6, 10))  # head appeared
    HearingFactory(organisation=township, case=a, held_on=dt.date(2025, 9, 10), head_appeared=False, head_name="",
                   head_post="", absence_reason="duty", absence_note="参加防汛，委托司法所所长出庭")
    HearingFactory(organisation=township, case=b, held_on=dt.date(2025, 7, 1), open_court=False, head_appeared=False,
                   head_name="", head_post="")  # written hearing: not counted
    scope = Scope((township,), 2025)
    assert get("court_appearances").compute(scope).value == 1
    rate = get("court_appearance_rate").compute(scope)
    assert (rate.numerator, rate.denominator, rate.value) == (1, 2, 50)
    from fazhi.litigation import figures

    rows = figures.cases_heard(scope).filter(organisation=township)
    assert figures.judge_case_appearance(scope, rows) == {a.pk: True}  # per case: 1 of 1 heard in open court


def test_counts_lost_and_the_report_says_no_case_lost(township):
    LegalCaseFactory(organisation=township, kind="reconsideration", court_level="", body="县人民政府")
    LegalCaseFactory(organisation=township, outcome="dismissed", concluded_on=dt.date(2025, 10, 1))
    ObligationFactory.create_batch(3, organisation=township)
    scope = Scope((township,), 2025)
    assert get("reconsideration_cases").compute(scope).value == 1
    assert get("litigation_cases").compute(scope).value == 1
    assert get("litigation_cases_lost").compute(scope).value == 0
    text = "\n".join(p.plain for s in compose_report(report_new(township, 2025)).sections for p in s.paragraphs)
    assert "我镇被申请行政复议1件，被提起行政诉讼1件。全年审结1件，本年受理的案件中年末尚有1件未审结，无行政行为被撤销、变更或确认违法的情形" in text
    assert "协助人民法院冻结、划拨被执行人资金资产等3次" in text
    LegalCaseFactory(organisation=township, outcome="revoked", concluded_on=dt.date(2025, 11, 1))
    assert get("litigation_cases_lost").compute(scope).value == 1


def test_a_suggestion_is_due_in_two_months_and_flagged_when_late(township):
    s = CourtSuggestionFactory(organisation=township, received_on=dt.date(2025, 8, 1))
    assert s.due_on == dt.date(2025, 10, 1)  # two months, not 60 days (9-30)
    late = CourtSuggestionFactory(organisation=township, received_on=dt.date(2025, 8, 1), answered_on=dt.date(2025, 10, 8),
                                  answer="已整改")
    assert _suggestion_state([s, late]) == ["已逾期", "逾期答复"]


def test_excel_import_finds_the_case_by_its_number(township, clerk):
    from fazhi.core.ledgers import get_ledger
    from fazhi.core.ledgers.excel import import_workbook

    LegalCaseFactory(organisation=township, number="（2025）示0421行初7号")
    book = Workbook()
    sheet = book.active
    ledger = get_ledger("court-hearings")
    sheet.append([ledger.label(n) for n in ledger.excel_fields])
    row = {"case": "（2025）示0421行初7号", "held_on": "2025-06-10", "venue": "示范县人民法院", "open_court": "是", "head_appeared": "是",
           "head_name": "吴海燕", "head_post": "正职负责人", "absence_reason": "", "absence_note": ""}
    sheet.append([row[n] for n in ledger.excel_fields])
    sheet.append([{**row, "case": "（2025）不存在1号"}[n] for n in ledger.excel_fields])
    out = io.BytesIO()
    book.save(out)
    result = import_workbook(ledger, out.getvalue(), organisation=township, year=2025, user=clerk)
    assert len(result.valid_rows) == 1 and len(result.error_rows) == 1
    assert "不是本镇已登记的案件" in str(result.error_rows[0].errors)
