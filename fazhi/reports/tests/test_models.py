"""AnnualReport rows: never deleted, one live report per township and year, sane dates."""
from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from fazhi.core.models import HardDeleteForbidden
from fazhi.reports.services import report_new

pytestmark = pytest.mark.django_db


def test_a_report_is_voided_never_deleted(township, year):
    report = report_new(township, year)
    report.save()
    with pytest.raises(HardDeleteForbidden):
        report.delete()
    report.void(reason="重复创建")
    assert report.history.count() == 2


def test_one_live_report_per_township_and_year(township, year):
    first = report_new(township, year)
    first.save()
    with pytest.raises(IntegrityError):
        report_new(township, year).save()


def test_a_voided_report_can_be_replaced(township, year):
    first = report_new(township, year)
    first.save()
    first.void(reason="重写")
    report_new(township, year).save()


def test_dated_before_the_report_year_is_refused(township, year):
    report = report_new(township, year)
    report.dated = dt.date(year - 1, 12, 31)
    with pytest.raises(ValidationError, match="成文日期不能早于报告年度"):
        report.full_clean()


def test_reports_belong_to_townships(county, year):
    report = report_new(county, year)
    with pytest.raises(ValidationError, match="年度报告按乡镇"):
        report.full_clean()
