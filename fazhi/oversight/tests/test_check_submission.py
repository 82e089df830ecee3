"""The report check at submission and as the county's completeness score.

A leader sends a report with problems only with a written reason; the score, the problems and the reason are
stored with the version and are what the county sees. Imported reports are scored by the same check, without
the old false alarms (a plans part under another heading, internal keys in messages).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fazhi.oversight.audit import audit_imported, audit_submission
from fazhi.oversight.county_files import audits_for
from fazhi.oversight.collection import collection
from fazhi.oversight.filing import submit_report
from fazhi.oversight.importing import Upload, process_batch, start_batch
from fazhi.oversight.models import ImportedReport, Submission
from fazhi.reports import check as report_check
from fazhi.reports.check import CheckResult, check_composed
from fazhi.reports.check.frozen import composed_from_dict, composed_to_dict
from fazhi.reports.compose import compose_report
from fazhi.reports.models import AnnualReport
from fazhi.reports.render_md import render_markdown
from fazhi.reports.services import report_get

pytestmark = [pytest.mark.django_db, pytest.mark.urls("fazhi.reports.tests.check_urls")]
YEAR = 2025
SEEDS = Path(__file__).resolve().parents[2] / "ingest" / "tests" / "corpus" / "seeds"
DENIAL = "（一）矛盾纠纷化解不够。全年无矛盾纠纷排查记录。"
KEY = re.compile(r"[a-z]+_[a-z_]+")


@pytest.fixture
def flawed(township, clerk):
    from fazhi.testing.factories import DisputeCaseFactory
    import datetime as dt

    for day in (2, 3):
        DisputeCaseFactory(organisation=township, received_on=dt.date(YEAR, 4, day), closed_on=dt.date(YEAR, 4, 20),
                           outcome="resolved")
    return AnnualReport.objects.create(organisation=township, year=YEAR, created_by=clerk, shortcomings_text=DENIAL)


def test_a_report_with_problems_needs_a_reason_and_keeps_it(flawed, township, leader):
    with pytest.raises(ValidationError) as refused:
        submit_report(township, YEAR, leader, reason="  ")
    assert "说明理由" in "；".join(refused.value.messages)
    assert not Submission.objects.exists()
    expected = check_composed(compose_report(report_get(township, YEAR)), township)
    submission = submit_report(township, YEAR, leader, reason="纠纷已另报综治中心，此处表述将在下一版更正")
    assert submission.check_score == expected.score < 100
    assert [p["message"] for p in submission.check_problems] == expected.messages
    assert submission.check_reason == "纠纷已另报综治中心，此处表述将在下一版更正"
    frozen = composed_from_dict(submission.structure)
    assert frozen.title == submission.title and [f.key for f in frozen.figures()] == [
        f.key for f in compose_report(report_get(township, YEAR)).figures()]


def test_without_problems_no_reason_is_asked(flawed, township, leader, monkeypatch):
    monkeypatch.setattr(report_check, "check_composed", lambda composed, org=None: CheckResult([]))
    submission = submit_report(township, YEAR, leader)
    assert (submission.check_score, submission.check_problems, submission.check_reason) == (100, [], "")


def test_the_county_score_of_a_submission_is_the_stored_check(flawed, county, township, leader):
    submission = submit_report(township, YEAR, leader, reason="已核实")
    audit = audit_submission(submission)
    assert (audit.score, audit.reasons, audit.reason_given) == (
        submission.check_score, [p["message"] for p in submission.check_problems], "已核实")
    from django.utils import timezone

    rows = collection(county, YEAR, timezone.localdate())
    assert audits_for(rows)[township.pk].score == submission.check_score


def test_the_leader_confirms_on_a_page_that_lists_the_problems_and_the_county_sees_them(client, flawed, township,
                                                                                         leader, supervisor):
    client.force_login(leader)
    url = reverse("oversight_submit", args=[township.code, YEAR])
    page = client.post(url).content.decode()  # the report page's button: the confirmation step, nothing sent
    assert "确认报送（不能撤回）" in page and "全年无矛盾纠纷排查记录" in page and not Submission.objects.exists()
    page = client.post(url, {"confirm": "1", "reason": ""}).content.decode()
    assert "请修改报告，或说明理由后再报送" in page and not Submission.objects.exists()
    response = client.post(url, {"confirm": "1", "reason": "表述有误，下一版更正"}, follow=True)
    assert "已审定并报送第1版" in response.content.decode()
    submission = Submission.objects.get()
    client.force_login(supervisor)
    page = client.get(reverse("oversight_submission", args=[submission.pk])).content.decode()
    assert f"完整性审查：{submission.check_score}分" in page and "全年无矛盾纠纷排查记录" in page
    assert "表述有误，下一版更正" in page and 'data-indicator="' in page  # the frozen report, figures linked


def test_a_version_sent_before_the_check_was_kept_is_scored_from_its_text(flawed, township, leader):
    submission = submit_report(township, YEAR, leader, reason="r")
    Submission.objects.filter(pk=submission.pk).update(check_score=None, check_problems=[])
    submission.refresh_from_db()
    assert "## 四、" in submission.text
    reasons = audit_submission(submission).reasons
    assert not any("缺少法定内容" in r for r in reasons) and not any(KEY.search(r) for r in reasons)


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_an_imported_seed_is_scored_without_the_old_false_alarms(county, supervisor, name):
    batch = start_batch(county, [Upload(name, (SEEDS / name).read_bytes())], user=supervisor, year=None)
    process_batch(batch)
    audit = audit_imported(ImportedReport.objects.get())
    assert not any("下一年度推进法治政府建设的主要安排" in r for r in audit.reasons)  # every seed has its plans
    assert not any(KEY.search(r) for r in audit.reasons)
    assert audit.score == 100 - sum(p.weight for p in audit.problems)
    if name.startswith(("000", "004")):
        assert audit.score >= 90, audit.reasons


def test_the_frozen_structure_round_trips(flawed, township):
    composed = compose_report(report_get(township, YEAR))
    again = composed_from_dict(composed_to_dict(composed))
    assert render_markdown(again) == render_markdown(composed)
    assert [(f.key, f.amount) for f in again.figures()] == [(f.key, f.amount) for f in composed.figures()]


def test_the_date_the_leader_approves_is_the_reports_date(client, township, leader):
    """成文日期 is the day of approval (today in Beijing unless the leader gives another day), never a file's date."""
    import datetime as dt

    from fazhi.core import clock
    from fazhi.reports.models import AnnualReport
    from fazhi.reports.services import report_initial, report_new, report_save

    year = clock.current_year() - 1
    report = report_save(org=township, year=year, data=report_initial(report_new(township, year)), user=leader)
    assert report.dated < dt.date(year + 1, 3, 1)  # the draft carries a day before the report is due
    client.force_login(leader)
    url = reverse("oversight_submit", args=[township.code, year])
    future = clock.today() + dt.timedelta(days=3)
    page = client.post(url, {"confirm": "1", "reason": "已核实", "dated": future.isoformat()}).content.decode()
    assert "成文日期应在" in page and AnnualReport.objects.get(pk=report.pk).dated == report.dated
    client.post(url, {"confirm": "1", "reason": "已核实"})
    assert AnnualReport.objects.get(pk=report.pk).dated == clock.today()
