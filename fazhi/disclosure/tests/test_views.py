"""The back-office pages of disclosure: a clerk registers and works an application; others are kept out."""
from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.disclosure import services
from fazhi.disclosure.models import DisclosureAnnualReport, DisclosureRequest

PDF = SimpleUploadedFile("答复书.pdf", b"%PDF-1.4 reply", content_type="application/pdf")
FIELDS = {
    "applicant_type": "natural", "applicant_name": "李四", "contact": "13800138000",
    "description": "本村2025年一事一议筹资筹劳方案", "delivery": "paper_post",
}


def make(township, clerk, received_on=dt.date(2025, 9, 26), **fields):
    request, _ = services.request_create(
        organisation=township, fields={**FIELDS, **fields}, channel="in_person", received_on=received_on, user=clerk
    )
    return request


def test_a_clerk_registers_a_counter_application(clerk_client, township):
    response = clerk_client.post("/disclosure/requests/new/", {
        **FIELDS, "channel": "post_signed", "received_on": "2025-09-26",
    })
    request = DisclosureRequest.objects.get()
    assert response.status_code == 302 and response.url == f"/disclosure/requests/{request.pk}/"
    assert request.organisation == township and request.handler.username == "clerk_a"
    page = clerk_client.get(response.url).content.decode()
    assert 'data-due-on="2025-10-30"' in page  # 20 working days skipping 国庆, counting 9-28 and 10-11
    assert "国庆节" in page and "调休上班" in page and "签收之日" in page


def test_registration_refuses_a_future_date_and_saves_nothing(clerk_client, township):
    response = clerk_client.post("/disclosure/requests/new/", {**FIELDS, "channel": "fax", "received_on": "2099-01-01"})
    assert response.status_code == 200 and "不能晚于今天" in response.content.decode()
    assert DisclosureRequest.objects.count() == 0


def test_the_workbench_takes_an_application_to_its_reply(clerk_client, township, clerk):
    request = make(township, clerk)
    url = f"/disclosure/requests/{request.pk}/"
    r = clerk_client.post(url + "extension/", {
        "days": "20", "approved_by": "王主任", "approved_on": "2025-10-20", "reason": "需调取档案",
    })
    assert r.status_code == 302, r.content.decode()[:2000]
    page = clerk_client.get(url).content.decode()
    assert 'data-due-on="2025-11-27"' in page and "王主任" in page
    again = clerk_client.post(url + "extension/", {"days": "5", "approved_by": "王主任", "approved_on": "2025-10-21", "reason": "x"})
    assert again.status_code == 400 or "只能延长一次" in clerk_client.get(url).content.decode()
    reply = clerk_client.post(url + "reply/", {
        "result": "granted", "replied_on": "2025-11-20", "summary": "", "files": [PDF],
    })
    assert reply.status_code == 302
    request.refresh_from_db()
    assert request.status == "closed" and request.result == "granted"
    page = clerk_client.get(url).content.decode()
    assert "答复书.pdf" in page and "在期限内" in page


def test_a_reply_without_the_reply_document_is_refused(clerk_client, township, clerk):
    request = make(township, clerk)
    r = clerk_client.post(f"/disclosure/requests/{request.pk}/reply/", {"result": "granted", "replied_on": "2025-10-10"})
    assert r.status_code == 400 and "请上传答复书" in r.content.decode()
    request.refresh_from_db()
    assert request.status == "received"


def test_a_refusal_needs_reasons(clerk_client, township, clerk):
    request = make(township, clerk)
    r = clerk_client.post(f"/disclosure/requests/{request.pk}/reply/", {
        "result": "withheld_process", "replied_on": "2025-10-10", "files": [PDF],
    })
    assert r.status_code == 400 and "说明理由" in r.content.decode()


def test_correction_pauses_and_restarts_the_clock(clerk_client, township, clerk):
    request = make(township, clerk)
    url = f"/disclosure/requests/{request.pk}/"
    clerk_client.post(url + "correction/", {"requested_on": "2025-09-29", "items": "请写明具体年份", "deadline": "2025-10-20"})
    page = clerk_client.get(url).content.decode()
    assert 'data-state="awaiting_correction"' in page and "data-overdue" not in page
    clerk_client.post(url + "correction-received/", {"received_on": "2025-10-15"})
    page = clerk_client.get(url).content.decode()
    assert 'data-state="running"' in page and "重新计算" in page


def test_other_townships_get_404_and_the_county_reads_only(client, township, clerk, other_clerk, supervisor):
    request = make(township, clerk)
    url = f"/disclosure/requests/{request.pk}/"
    client.force_login(other_clerk)
    assert client.get(url).status_code == 404
    assert client.post(url + "reply/", {"result": "granted", "replied_on": "2025-10-10"}).status_code == 404
    assert client.post(url + "void/", {"reason": "x"}).status_code == 404
    assert "data-count=\"0\"" in client.get("/disclosure/requests/").content.decode()
    client.force_login(supervisor)
    assert client.get(url).status_code == 200
    assert client.post(url + "void/", {"reason": "x"}).status_code == 403
    assert client.get("/disclosure/requests/new/").status_code == 403
    request.refresh_from_db()
    assert not request.is_void


def test_void_keeps_the_record_and_its_reason(clerk_client, township, clerk):
    request = make(township, clerk)
    clerk_client.post(f"/disclosure/requests/{request.pk}/void/", {"reason": "重复登记"})
    request.refresh_from_db()
    assert request.is_void and request.void_reason == "重复登记"
    assert "重复登记" in clerk_client.get(f"/disclosure/requests/{request.pk}/").content.decode()


def test_dashboard_lists_overdue_and_due_soon(clerk_client, township, clerk):
    make(township, clerk, received_on=dt.date(2025, 9, 26))  # long overdue
    page = clerk_client.get("/disclosure/").content.decode()
    assert 'data-overdue="1"' in page


def test_report_pages_and_downloads(clerk_client, township, clerk, supervisor, client):
    request = make(township, clerk)
    services.request_reply(request=request, user=clerk, result="granted", replied_on=dt.date(2025, 10, 20))
    page = clerk_client.get("/disclosure/reports/T901/2025/").content.decode()
    assert 'data-identity="holds"' in page and "2025年政府信息公开工作年度报告" in page
    data = clerk_client.get("/disclosure/reports/T901/2025/report.json").json()
    assert data["table3"]["一、本年新收政府信息公开申请数量"]["自然人"] == 1
    r = clerk_client.post("/disclosure/reports/T901/2025/edit/", {
        "overview_text": "全年依法做好政府信息公开。", "problems_text": "公开时效有待提高。", "other_text": "无。",
        "dated": "2026-01-20", "finalise": "1",
    })
    assert r.status_code == 302
    assert DisclosureAnnualReport.objects.get().finalised_at is not None
    public = client.get("/portal/T901/reports/2025/").content.decode()
    assert "公开时效有待提高" in public and "李四" not in public
    client.force_login(supervisor)
    assert client.get("/disclosure/reports/T901/2025/").status_code == 200
    assert client.get("/disclosure/reports/T901/2025/edit/").status_code == 403


@pytest.mark.parametrize("path", ["/disclosure/reports/T902/2025/", "/disclosure/reports/NOPE/2025/", "/disclosure/reports/T901/1999/"])
def test_report_of_another_township_or_bad_year_is_404(clerk_client, township, other_township, path):
    assert clerk_client.get(path).status_code == 404


def test_a_report_cell_lists_its_applications(clerk_client, township, clerk):
    make(township, clerk)
    page = clerk_client.get("/disclosure/requests/?cell=new:natural&report_year=2025&org=T901").content.decode()
    assert 'data-count="1"' in page
    page = clerk_client.get("/disclosure/requests/?cell=new:commercial&report_year=2025&org=T901").content.decode()
    assert 'data-count="0"' in page


def test_guide_is_edited_by_the_clerk_and_shown_publicly(clerk_client, client, township):
    r = clerk_client.post("/disclosure/guide/", {
        "office_name": "党政办", "address": "甲镇人民路1号", "postcode": "617000", "phone": "0812-1234567",
        "fax": "", "email": "", "office_hours": "工作日9:00—17:00", "notes": "",
    })
    assert r.status_code == 302
    assert "甲镇人民路1号" in client.get("/portal/T901/").content.decode()


def test_release_list_flags_late_publication(clerk_client, township):
    from fazhi.testing.factories import ProactiveReleaseFactory

    ProactiveReleaseFactory(organisation=township, formed_on=dt.date(2025, 9, 1), published_on=dt.date(2025, 11, 3))
    page = clerk_client.get("/ledgers/proactive-releases/").content.decode()
    assert "逾期" in page


def test_an_unchanged_overview_keeps_following_the_register(clerk_client, township, clerk):
    from fazhi.disclosure import annual_report

    make(township, clerk)
    default = annual_report.default_overview(annual_report.load(township, 2025))
    clerk_client.post("/disclosure/reports/T901/2025/edit/", {
        "overview_text": default, "problems_text": "", "other_text": "无。", "dated": "",
    })
    assert DisclosureAnnualReport.objects.get().overview_text == ""
    make(township, clerk, received_on=dt.date(2025, 10, 9))
    assert "政府信息公开申请2件" in clerk_client.get("/disclosure/reports/T901/2025/").content.decode()


def test_the_back_office_api_is_scoped_and_shows_the_clock(client, township, clerk, other_clerk, supervisor):
    request = make(township, clerk)
    client.force_login(clerk)
    listing = client.get("/api/disclosure-requests/?year=2025").json()
    assert listing["count"] == 1 and listing["results"][0]["due_on"] == "2025-10-30"
    item = client.get(f"/api/disclosure-requests/{request.pk}/").json()
    assert item["overdue"] is True and any("国庆节" in s for s in item["due_explanation"])
    assert item["events"][0]["kind"] == "received"
    client.force_login(other_clerk)
    assert client.get(f"/api/disclosure-requests/{request.pk}/").status_code == 404
    assert client.get("/api/disclosure-requests/").json()["count"] == 0
    client.force_login(supervisor)
    assert client.get(f"/api/disclosure-requests/{request.pk}/").status_code == 200
    client.logout()
    assert client.get("/api/disclosure-requests/").status_code in (401, 403)


def test_a_future_date_on_the_workbench_is_named_on_its_field(clerk_client, township, clerk):
    request = make(township, clerk)
    r = clerk_client.post(f"/disclosure/requests/{request.pk}/correction/",
                          {"requested_on": "2099-01-01", "items": "写明年份", "deadline": "2099-02-01"})
    assert r.status_code == 400 and "补正通知日期：补正通知日期不能晚于今天" in r.content.decode()
