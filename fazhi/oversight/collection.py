"""Where each township's report for a year stands, as the county office sees it (collection table)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch

from fazhi.core import clock
from fazhi.core.models import Organisation, OrgKind
from fazhi.oversight.deadlines import Deadlines, deadlines_for
from fazhi.oversight.models import Filing, ImportedReport, Submission, SubmissionStatus


@dataclass
class TownshipStatus:
    township: Organisation
    deadlines: Deadlines
    drafted: bool = False
    filing: Filing | None = None
    latest: Submission | None = None
    imported: list[ImportedReport] = field(default_factory=list)
    today: dt.date = field(default_factory=clock.today)

    @property
    def submitted_on(self) -> dt.date | None:
        """The first time the county received a version (a later resubmission does not make it late), as a Beijing
        date: a report submitted at 01:52 on 6 December (17:52 UTC on the 5th) is dated 6 December."""
        dates = []
        if self.filing is not None:
            dates += [clock.local_date(s.submitted_at) for s in self.filing.submissions.all()]
        dates += [r.received_on or clock.local_date(r.created_at) for r in self.imported]
        return min(dates) if dates else None

    @property
    def published_on(self) -> dt.date | None:
        if self.filing is not None and self.filing.published_on:
            return self.filing.published_on
        return None

    @property
    def published_url(self) -> str:
        if self.filing is not None and self.filing.published_url:
            return self.filing.published_url
        return next((r.published_url for r in self.imported if r.published_url), "")

    @property
    def is_published(self) -> bool:
        return bool(self.published_on or self.published_url)

    @property
    def state(self) -> str:
        if self.latest is not None:
            return self.latest.get_status_display()
        if self.imported:
            return "已收到（系统外编写，已导入）"
        return "起草中" if self.drafted else "未开始"

    @property
    def submit_late(self) -> bool:
        on = self.submitted_on
        return (on or self.today) > self.deadlines.submit_by

    @property
    def publish_late(self) -> bool:
        on = self.published_on
        if on is None and self.published_url:
            return False  # published, date not recorded: the county cannot say it was late
        return (on or self.today) > self.deadlines.publish_by

    @property
    def state_class(self) -> str:
        """The colour of the state, by meaning: accepted green, returned amber, overdue red, otherwise grey."""
        if self.latest is not None:
            return {SubmissionStatus.ACCEPTED: "status-ok", SubmissionStatus.RETURNED: "status-warn"}.get(
                self.latest.status, "status-neutral")
        if self.imported:
            return "status-neutral"
        return "status-bad" if self.submit_late else "status-neutral"

    @property
    def flag_tags(self) -> list[tuple[str, str]]:
        """(text, colour) of each late flag: done late amber, overdue and still not done red."""
        return [(flag, "status-bad" if "未" in flag else "status-warn") for flag in self.flags]

    @property
    def needs_review(self) -> bool:
        return self.latest is not None and self.latest.status == SubmissionStatus.SUBMITTED

    @property
    def flags(self) -> list[str]:
        found = []
        if self.submit_late:
            found.append("逾期报送" if self.submitted_on else "逾期未报送")
        if self.publish_late:
            found.append("逾期公开" if self.published_on else "逾期未公开")
        return found


def collection(county: Organisation, year: int, today: dt.date) -> list[TownshipStatus]:
    from fazhi.reports.models import AnnualReport

    townships = list(Organisation.objects.filter(parent=county, kind=OrgKind.TOWNSHIP, is_active=True).order_by("code"))
    deadlines = deadlines_for(county, year)
    filings = {
        f.organisation_id: f for f in Filing.objects.active().filter(organisation__in=townships, year=year)
        .prefetch_related(Prefetch("submissions", queryset=Submission.objects.order_by("version")))
    }
    drafted = set(AnnualReport.objects.active().filter(organisation__in=townships, year=year)
                  .values_list("organisation_id", flat=True))
    imported: dict[int, list[ImportedReport]] = {}
    for report in ImportedReport.objects.active().filter(organisation=county, year=year, township__in=townships):
        imported.setdefault(report.township_id, []).append(report)
    rows = []
    for township in townships:
        filing = filings.get(township.pk)
        versions = list(filing.submissions.all()) if filing else []
        rows.append(TownshipStatus(
            township=township, deadlines=deadlines, drafted=township.pk in drafted, filing=filing,
            latest=versions[-1] if versions else None, imported=imported.get(township.pk, []), today=today,
        ))
    return rows
