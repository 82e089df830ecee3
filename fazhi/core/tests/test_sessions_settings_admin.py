"""Staff sessions expire (idle and absolute), a SQLite DATABASE_URL keeps the default's SQLite options, and the admin
cannot edit annual reports or delete the settings deadlines are computed from (issue 20 #8, #10)."""
from __future__ import annotations

import time

import pytest
from django.test import Client

from fazhi.core import sessions


def test_an_idle_session_ends_with_a_chinese_message(clerk, settings):
    settings.FAZHI_SESSION_IDLE_MINUTES = 30
    client = Client()
    client.post("/login/", {"username": clerk.username, "password": "pass-word-123"})
    assert client.get("/ledgers/meetings/").status_code == 200
    session = client.session
    session[sessions.SEEN_AT] = int(time.time()) - 31 * 60
    session.save()
    response = client.get("/ledgers/meetings/", follow=True)
    assert response.redirect_chain[0][0].startswith("/login/")
    assert "登录已过期（超过30分钟未操作）" in response.content.decode()
    assert client.get("/ledgers/meetings/").status_code == 302  # logged out for good


def test_a_session_ends_12_hours_after_login_however_busy(clerk, settings):
    client = Client()
    client.post("/login/", {"username": clerk.username, "password": "pass-word-123"})
    session = client.session
    session[sessions.LOGIN_AT] = int(time.time()) - 13 * 3600
    session.save()
    response = client.get("/api/ledgers/", HTTP_ACCEPT="application/json")
    assert response.status_code == 403 and "登录已过期（登录已超过12小时）" in response.json()["detail"]


def test_a_sqlite_database_url_keeps_the_sqlite_options(monkeypatch, tmp_path):
    from fazhi import settings as fazhi_settings

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/other.sqlite3")
    config = fazhi_settings._database()
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["OPTIONS"] == {"timeout": 20, "transaction_mode": "IMMEDIATE"}


@pytest.fixture
def admin_client(db):
    from fazhi.testing.factories import UserFactory

    admin = UserFactory(username="root", is_staff=True, is_superuser=True, role="admin", organisation=None)
    client = Client()
    client.force_login(admin)
    return client


def test_annual_reports_are_read_only_in_the_admin(admin_client, township, clerk):
    from fazhi.reports.services import report_new

    report = report_new(township, 2025)
    report.save()
    page = admin_client.get(f"/admin/reports/annualreport/{report.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert admin_client.post(f"/admin/reports/annualreport/{report.pk}/change/", {"title": "改过的标题"}).status_code == 403
    assert admin_client.get(f"/admin/reports/annualreport/{report.pk}/delete/").status_code == 403


def test_settings_are_not_deletable_and_their_changes_kept(admin_client, township, county):
    from fazhi.core.models import HolidayArrangement
    from fazhi.normative.models import NormativeSettings
    from fazhi.oversight.models import CountyDeadlines

    arrangement = HolidayArrangement.objects.create(year=2030, source="国办发明电〔2029〕1号")
    settings_row = NormativeSettings.objects.create(organisation=township)
    deadlines = CountyDeadlines.objects.create(county=county)
    for url in (f"/admin/core/holidayarrangement/{arrangement.pk}/delete/",
                f"/admin/normative/normativesettings/{settings_row.pk}/delete/",
                f"/admin/oversight/countydeadlines/{deadlines.pk}/delete/"):
        assert admin_client.get(url).status_code == 403, url
    changelist = admin_client.get("/admin/core/holidayarrangement/").content.decode()
    assert "delete_selected" not in changelist
    arrangement.source = "国办发明电〔2029〕2号"
    arrangement.save()
    assert [h.source for h in arrangement.history.order_by("history_date")] == ["国办发明电〔2029〕1号", "国办发明电〔2029〕2号"]
    assert admin_client.get(f"/admin/oversight/countydeadlines/{deadlines.pk}/history/").status_code == 200
