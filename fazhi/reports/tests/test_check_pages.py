"""Staff see the report check while editing and on the report page; the page offers Word and PDF, not Markdown."""
from __future__ import annotations

import pytest
from django.urls import reverse

from fazhi.reports.models import AnnualReport

pytestmark = [pytest.mark.django_db, pytest.mark.urls("fazhi.reports.tests.check_urls")]
DENIAL = "（一）矛盾纠纷化解不够。全年无矛盾纠纷排查记录。"


@pytest.fixture
def contradicting(township, clerk, ledgers, year):
    return AnnualReport.objects.create(organisation=township, year=year, created_by=clerk, shortcomings_text=DENIAL)


def test_the_edit_page_lists_the_problems_of_the_saved_report(clerk_client, contradicting, year):
    page = clerk_client.get(reverse("report_edit", args=["T901", year])).content.decode()
    assert 'data-rule="shortcoming_contradicts_figure"' in page
    assert "“全年无矛盾纠纷排查记录”" in page and "相互矛盾" in page and "报告自查" in page


def test_the_report_page_shows_the_problems_and_the_pdf_link_but_no_markdown(clerk_client, contradicting, year):
    page = clerk_client.get(reverse("report_view", args=["T901", year])).content.decode()
    assert 'data-rule="shortcoming_contradicts_figure"' in page
    assert reverse("report_pdf", args=["T901", year]) in page and reverse("report_docx", args=["T901", year]) in page
    assert reverse("report_md", args=["T901", year]) not in page
    assert clerk_client.get(reverse("report_md", args=["T901", year])).status_code == 200  # the URL still works


def test_nothing_is_shown_when_there_is_no_problem(clerk_client, township, year, monkeypatch):
    from fazhi.reports import views
    from fazhi.reports.check import CheckResult

    monkeypatch.setattr(views, "check_composed", lambda composed, org: CheckResult([]))
    page = clerk_client.get(reverse("report_edit", args=["T901", year])).content.decode()
    assert "报告自查" not in page and "report-check" not in page
