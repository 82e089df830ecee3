"""Section 二's data-drawn shortcomings are adopted or rejected by staff; section 四 proposes their remedy."""
from __future__ import annotations

import datetime as dt

from django.urls import reverse

from fazhi.governance.models import ResponsibilityTask, WorkPlan
from fazhi.reports.compose import compose_report
from fazhi.reports.services import report_get, report_initial, report_new, report_save

YEAR = 2025
TITLE = "法治建设工作要点任务落实不够到位"


def _overdue_task(township):
    plan = WorkPlan.objects.create(organisation=township, year=YEAR, title="工作要点", adopted_on=dt.date(YEAR, 2, 1))
    ResponsibilityTask.objects.create(organisation=township, plan=plan, assigned_on=dt.date(YEAR, 2, 2), task="修订村规民约", lead="甲", department="党政办",
                                      owner="乙", due_on=dt.date(YEAR, 6, 30), status="ongoing")


def _section(composed, start):
    return "\n".join(p.plain for p in next(s for s in composed.sections if s.heading.startswith(start)).paragraphs)


def test_an_overdue_task_is_suggested_and_its_remedy_proposed_for_next_year(township):
    _overdue_task(township)
    composed = compose_report(report_new(township, YEAR))
    assert TITLE in _section(composed, "二、")
    assert "修订村规民约" in _section(composed, "二、")  # the overdue task is named
    assert "确保工作要点任务按期完成率达到100%" in _section(composed, "四、")  # and next year's plan answers it


def test_rejecting_takes_it_out_and_adopting_appends_it_to_rewritten_text(client, township, clerk):
    _overdue_task(township)
    client.force_login(clerk)
    url = reverse("report_suggestion", args=[township.code, YEAR])
    page = client.get(reverse("report_edit", args=[township.code, YEAR])).content.decode()
    assert TITLE in page and "不采纳" in page
    client.post(url, {"title": TITLE, "decision": "rejected"})
    composed = compose_report(report_new(township, YEAR))
    assert TITLE not in _section(composed, "二、") and TITLE not in _section(composed, "四、")
    # staff rewrite section 二, then adopt: the suggestion is appended to their text
    data = report_initial(report_new(township, YEAR)) | {"shortcomings_text": "我镇存在以下不足：\n（一）普法形式单一。\n究其原因，主要是认识不足。"}
    report_save(org=township, year=YEAR, data=data, user=clerk)
    response = client.post(url, {"title": TITLE, "decision": "accepted"}, follow=True)
    assert "并写入" in response.content.decode()
    text = report_get(township, YEAR).shortcomings_text.splitlines()
    assert text[2].startswith(f"（二）{TITLE}。") and text[-1].startswith("究其原因")


def test_bad_decisions_are_refused_in_chinese(client, township, clerk, supervisor):
    client.force_login(clerk)
    url = reverse("report_suggestion", args=[township.code, YEAR])
    response = client.post(url, {"title": "不存在的提示", "decision": "accepted"}, follow=True)
    assert "已不在当前数据提示中" in response.content.decode()
    response = client.post(url, {"title": TITLE, "decision": "maybe"}, follow=True)
    assert "只能是采纳或不采纳" in response.content.decode()
    client.force_login(supervisor)
    assert client.post(url, {"title": TITLE, "decision": "accepted"}).status_code == 403
