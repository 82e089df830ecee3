"""The enforcement pages: a case run through its forms, refusals shown in Chinese, scoping by organisation."""
from __future__ import annotations

import datetime as dt

from fazhi.core import clock
from fazhi.enforcement import journey
from fazhi.enforcement.choices import CaseStatus
from fazhi.enforcement.models import PenaltyCase


def test_file_a_case_and_refusals_on_the_page(client, clerk, officers):
    client.force_login(clerk)
    response = client.post("/enforcement/cases/new/", {
        "source": "complaint", "party_kind": "citizen", "party_name": "张三", "party_address": "集镇街1号",
        "alleged_violation": "占道经营", "legal_basis": "《城市市容和环境卫生管理条例》第十四条", "filed_on": "2025-09-29",
        "filing_approver": "吴镇长"})
    assert response.status_code == 302
    case = PenaltyCase.objects.get()
    page = client.get(f"/enforcement/cases/{case.pk}/").content.decode()
    assert "作出处罚决定期限" in page and 'data-action="evidence"' in page and 'data-action="notice"' in page
    # one officer only
    response = client.post(f"/enforcement/cases/{case.pk}/evidence/", {
        "kind": "inspection", "taken_on": "2025-09-30", "place": "集镇", "description": "检查", "officers": [officers[0].pk],
        "certificates_shown": "on", "files": [journey.photo()]})
    assert response.status_code == 400 and "执法人员不得少于两人（行政处罚法第四十二条）" in response.content.decode()
    # decision without 告知
    response = client.post(f"/enforcement/cases/{case.pk}/decide/", {"decided_on": "2025-10-09"})
    assert response.status_code == 400
    response = client.post(f"/enforcement/cases/{case.pk}/evidence/", {
        "kind": "inspection", "taken_on": "2025-09-30", "place": "集镇", "description": "检查",
        "officers": [o.pk for o in officers], "certificates_shown": "on", "files": [journey.photo(), journey.record()]})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.evidence.get().files.count() == 2
    response = client.post(f"/enforcement/cases/{case.pk}/notice/", {
        "notice_on": "2025-10-09", "facts": "占道经营，拒不改正", "proposed_kinds": ["fine"], "proposed_fine": "500"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.DEFENCE
    page = client.get(f"/enforcement/cases/{case.pk}/").content.decode()
    assert 'data-defence="over"' in page and "申请听证期限" not in page  # 500元 is not a hearing penalty


def test_documents_and_evidence_served_to_own_staff_only(client, clerk, other_clerk, supervisor, case_at):
    case = case_at("executing")
    client.force_login(clerk)
    for slug in ("filing", "notice", "decision", "service"):
        response = client.get(f"/enforcement/cases/{case.pk}/documents/{slug}.docx")
        assert response.status_code == 200 and response.content[:2] == b"PK"
    from docx import Document
    import io

    text = "\n".join(p.text for p in Document(io.BytesIO(client.get(f"/enforcement/cases/{case.pk}/documents/decision.docx").content)).paragraphs)
    assert "行政处罚决定书" in text and "六十日内" in text and case.party_name in text
    f = case.evidence.first().files.first()
    assert client.get(f"/enforcement/evidence/{f.pk}/").status_code == 200
    client.force_login(supervisor)
    assert client.get(f"/enforcement/cases/{case.pk}/").status_code == 200
    assert client.get(f"/enforcement/evidence/{f.pk}/").status_code == 404
    client.force_login(other_clerk)
    assert client.get(f"/enforcement/evidence/{f.pk}/").status_code == 404
    # tampering on disk: refused even to the owner
    with open(f.file.path, "ab") as fh:
        fh.write(b"x")
    client.force_login(clerk)
    response = client.get(f"/enforcement/evidence/{f.pk}/")
    assert response.status_code == 409 and "可能已被篡改" in response.content.decode()


def test_another_township_gets_404_by_guessing_ids(client, other_clerk, case_at, officers):
    case = case_at("deciding")
    client.force_login(other_clerk)
    assert client.get(f"/enforcement/cases/{case.pk}/").status_code == 404
    assert client.post(f"/enforcement/cases/{case.pk}/decide/", {"decided_on": "2025-03-20"}).status_code == 404
    assert client.get(f"/enforcement/officers/{officers[0].pk}/").status_code == 404
    assert client.get(f"/enforcement/cases/{case.pk}/documents/filing.docx").status_code == 404
    assert case.number not in client.get("/enforcement/").content.decode()


def test_supervisor_reads_but_cannot_write(client, supervisor, case_at):
    case = case_at("deciding")
    client.force_login(supervisor)
    assert case.number in client.get("/enforcement/").content.decode()
    assert client.post(f"/enforcement/cases/{case.pk}/decide/", {"decided_on": "2025-03-20"}).status_code == 403
    assert client.get("/enforcement/cases/new/").status_code == 403


def test_overdue_case_shown_on_dashboards(client, clerk, new_case):
    case = new_case(filed_on=dt.date(2025, 3, 3))
    client.force_login(clerk)
    page = client.get("/enforcement/").content.decode()
    assert f'data-overdue="{case.pk}"' in page and "行政处罚法第六十条" in page
    page = client.get("/indicators/").content.decode()
    assert "行政处罚案件超期" in page


def test_registers_and_certificate_alerts(client, clerk, township):
    client.force_login(clerk)
    assert client.post("/enforcement/officers/new/", {"name": "李四", "kind": "officer", "unit": "综合行政执法队"}).status_code == 302
    from fazhi.enforcement.models import Officer

    officer = Officer.objects.get(name="李四")
    soon = (clock.today() + dt.timedelta(days=30)).isoformat()
    assert client.post(f"/enforcement/officers/{officer.pk}/certificates/", {
        "number": "ZF-1", "issued_by": "县政府", "valid_until": soon}).status_code == 302
    page = client.get("/enforcement/officers/").content.decode()
    assert 'data-cert-alert="expiring"' in page
    assert client.post("/enforcement/trainings/new/", {"held_on": "2025-05-05", "topic": "行政处罚法培训", "hours": "4",
                                                       "attendees": [officer.pk]}).status_code == 302
    assert client.post("/enforcement/equipment/new/", {"kind": "vehicle", "name": "执法车", "identifier": "X·12345"}).status_code == 302
    assert client.post("/enforcement/items/new/", {"name": "占道经营的处罚", "category": "penalty", "basis": "条例第十四条"}).status_code == 302
    response = client.post("/enforcement/simple/new/", {
        "form_number": "No.0001", "decided_on": "2025-05-05", "place": "集镇", "party_kind": "citizen", "party_name": "王五",
        "violation": "乱扔垃圾", "legal_basis": "条例第三十四条", "penalty": "fine", "fine_amount": "300",
        "officers": [officer.pk], "registered_on": "2025-05-06"})
    assert response.status_code == 400 and "不得超过200元（行政处罚法第五十一条）" in response.content.decode()
    assert client.post("/enforcement/inspections/new/", {"held_on": "2025-06-18", "topic": "持证上岗检查", "place": "集镇",
                                                         "inspectors": "司法所"}).status_code == 302
    for path in ("/enforcement/inspections/", "/enforcement/trainings/", "/enforcement/equipment/", "/enforcement/items/", "/enforcement/simple/",
                 "/enforcement/audits/"):
        assert client.get(path).status_code == 200


def test_case_page_shows_the_ladder(client, clerk, case_at):
    case = case_at("serving")
    client.force_login(clerk)
    page = client.get(f"/enforcement/cases/{case.pk}/").content.decode()
    assert 'data-step="作出决定" data-state="done"' in page and 'data-step="送达" data-state="current"' in page
    assert 'data-step="法制审核" data-state="skipped"' in page and 'data-action="serve"' in page


def test_a_long_case_page_opens_with_a_table_of_contents_whose_links_all_land(client, clerk, case_at):
    import re

    case = case_at("executing")
    client.force_login(clerk)
    page = client.get(f"/enforcement/cases/{case.pk}/").content.decode()
    toc = re.search(r'<nav class="toc"[^>]*>(.*?)</nav>', page).group(1)
    targets = re.findall(r'href="#([a-z]+)"', toc)
    assert {"deadlines", "facts", "evidence", "actions", "timeline", "history"} <= set(targets)
    assert all(f'id="{target}"' in page for target in targets)
