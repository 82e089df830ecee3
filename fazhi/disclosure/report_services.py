"""Writing the annual disclosure report: staff text is saved with history; finalising keeps the tables as published."""
from __future__ import annotations

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


def report_save_texts(*, organisation, year: int, user, overview_text="", problems_text="", other_text="", dated=None):
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
    """Keep the tables as they stand (and which applications were carried over), so next year can be checked."""
    with transaction.atomic():
        report = _report_for_update(organisation, year, user)
        if report.dated is None:
            report.dated = timezone.localdate()
        data = annual_report.load(organisation, year, report=report)  # texts and 成文日期 as published
        carried_out = list(
            annual_report.requests_for_row(organisation, year, annual_report.ROW_CARRIED_OUT).values_list("pk", flat=True)
        )
        report.snapshot = {"tables": data.to_json(), "carried_out_ids": sorted(carried_out)}
        report.finalised_at = timezone.now()
        report._history_user = user
        report.save()
    return report
