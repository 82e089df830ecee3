"""Writing the annual disclosure report: staff text is saved with history; finalising keeps the tables as published."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from fazhi.disclosure import annual_report
from fazhi.disclosure.models import DisclosureAnnualReport

TEXT_FIELDS = ("overview_text", "problems_text", "other_text", "dated")


def _report_for_update(organisation, year: int, user) -> DisclosureAnnualReport:
    DisclosureAnnualReport.objects.get_or_create(
        organisation=organisation, year=year, voided_at__isnull=True, defaults={"created_by": user}
    )
    return DisclosureAnnualReport.objects.select_for_update().get(organisation=organisation, year=year, voided_at__isnull=True)


def check_dated(year: int, dated: dt.date | None) -> None:
    """A 成文日期 falls after the year reported on ends and is not in the future. One after the publication deadline
    (条例第四十九条) is kept — a late report bears its true date — and flagged to staff on the report page."""
    if dated is None:
        return
    today = timezone.localdate()
    if dated <= dt.date(year, 12, 31) or dated > today:
        raise ValidationError({"dated": f"成文日期应在{year}年12月31日之后、不晚于今天（{today:%Y-%m-%d}）：报告统计至{year}年年底"})


def report_save_texts(*, organisation, year: int, user, overview_text="", problems_text="", other_text="", dated=None):
    check_dated(year, dated)
    with transaction.atomic():
        report = _report_for_update(organisation, year, user)
        report.overview_text = (overview_text or "").strip()
        report.problems_text = (problems_text or "").strip()
        report.other_text = (other_text or "").strip()
        report.dated = dated
        report._history_user = user
        report.save()
    return report


def report_finalise(*, organisation, year: int, user) -> DisclosureAnnualReport:
    """Keep the tables as they stand (and which applications were carried over), so next year can be checked.

    A report without a 成文日期 takes the publication deadline (条例第四十九条: by 31 January), or today when that is
    earlier — never a later day because the file happened to be finalised late (staff may set the true date)."""
    with transaction.atomic():
        report = _report_for_update(organisation, year, user)
        if report.dated is None:
            report.dated = annual_report.default_dated(year, timezone.localdate())
        data = annual_report.load(organisation, year, report=report)  # texts and 成文日期 as published
        carried_out = list(
            annual_report.requests_for_row(organisation, year, annual_report.ROW_CARRIED_OUT).values_list("pk", flat=True)
        )
        report.snapshot = {"tables": data.to_json(), "carried_out_ids": sorted(carried_out)}
        report.finalised_at = timezone.now()
        report._history_user = user
        report.save()
    return report
