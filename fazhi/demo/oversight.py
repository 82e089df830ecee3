"""Demo data of the county office: the townships' submissions in every state, and the five seed
reports imported as reports written outside Fazhi (with the years they cover)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.utils import timezone

from fazhi.core.models import Organisation, User
from fazhi.demo.days import OfficeDays
from fazhi.oversight.deadlines import deadlines_for
from fazhi.oversight.filing import accept_submission, filing_get, record_publication, return_submission, submit_report
from fazhi.oversight.importing import Upload, process_batch, start_batch
from fazhi.oversight.models import ImportedReport, Submission
from fazhi.reports.services import report_get, report_initial, report_new, report_save

SEED_DIR = Path(__file__).resolve().parent.parent / "ingest" / "tests" / "corpus" / "seeds"


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


def _submit(township: Organisation, year: int, clerk: User, leader: User, on: dt.date) -> Submission:
    if report_get(township, year) is None:
        report_save(org=township, year=year, data=report_initial(report_new(township, year)), user=clerk)
    submission = submit_report(township, year, leader, "演示数据：自查问题已核实", dated=on)  # approved that day
    Submission.objects.filter(pk=submission.pk).update(submitted_at=_at(on))
    submission.refresh_from_db()
    return submission


def _backdate_answer(submission: Submission, day: dt.date, *, read: bool) -> None:
    """The county answered on ``day`` (not when the demo runs); an old acceptance has been seen and needs no mail."""
    from fazhi.oversight.models import ReviewNotice

    Submission.objects.filter(pk=submission.pk).update(reviewed_at=_at(day))
    notices = ReviewNotice.objects.filter(submission=submission)
    notices.update(created_at=_at(day), **({"read_at": _at(day), "emailed_at": _at(day)} if read else {}))


# The stories of the collection table, by township (index) for the latest year and the one before: accepted and
# published on time; returned by the county and resubmitted before the deadline, waiting for its review (the year
# before: submitted late, 逾期报送); never submitted (逾期未报送, 逾期未公开) — its draft dated, not sent.
STORIES = {"latest": ("ok", "returned", "none"), "earlier": ("ok", "late", "ok")}
# Days before the county deadline (3月1日) each township's leader approves its report, by index: its 成文日期.
LEAD_DAYS = (5, 3, 2)


def generate_filings(townships: list[Organisation], years: tuple[int, ...], users: dict[str, User], slugs: dict[str, str],
                     today: dt.date) -> int:
    """Per township and year, a story the collection table shows (STORIES), every date an office day: the 成文日期
    of each report is the day its leader approved it, a few days before the county's deadline and different in each
    township (LEAD_DAYS)."""
    supervisor = users["county_supervisor"]
    days = OfficeDays()
    made = 0
    for year in years:
        for index, township in enumerate(townships):
            if filing_get(township, year) is not None:
                continue
            deadlines = deadlines_for(township, year)
            clerk, leader = users[f"{slugs[township.code]}_clerk"], users[f"{slugs[township.code]}_leader"]
            first_day = dt.date(year + 1, 1, 10)
            if today < first_day:
                continue  # the report on a year is written in the next one
            story = STORIES["latest" if year == max(years) else "earlier"][index % 3]
            approved = days.on_or_before(deadlines.submit_by - dt.timedelta(days=LEAD_DAYS[index % 3]))
            if story == "none":
                if report_get(township, year) is None and approved <= today:  # drafted, never approved nor sent
                    data = report_initial(report_new(township, year))
                    data["dated"] = approved
                    report_save(org=township, year=year, data=data, user=clerk)
                continue
            if story == "late":
                on = days.on_or_after(deadlines.submit_by + dt.timedelta(days=4))
            elif story == "returned":
                on = days.on_or_before(deadlines.submit_by - dt.timedelta(days=18))
            else:
                on = approved
            on = min(today, on)
            submission = _submit(township, year, clerk, leader, on)
            made += 1
            if story == "returned":
                returned = min(today, days.on_or_after(on + dt.timedelta(days=2)))
                return_submission(submission, supervisor, "第三部分请补充党政主要负责人述法情况，第二部分的问题请写明原因")
                _backdate_answer(submission, returned, read=False)
                _submit(township, year, clerk, leader, min(today, max(approved, returned)))
                continue
            accept_submission(submission, supervisor, "已收悉")
            _backdate_answer(submission, min(today, days.on_or_after(on + dt.timedelta(days=3))), read=True)
            published = min(today, days.on_or_before(deadlines.publish_by - dt.timedelta(days=8 + 3 * index)))
            record_publication(township, year, clerk, published_on=published,
                               url=f"https://www.sfx.gov.cn.invalid/{township.code.lower()}/fzzfjs/{year}.html")
    return made


def import_seed_reports(county: Organisation, user: User) -> int:
    """The five seed reports, imported as a county office would (each with the year its title names)."""
    if ImportedReport.objects.filter(organisation=county).exists() or not SEED_DIR.is_dir():
        return 0
    uploads = [Upload(path.name, path.read_bytes()) for path in sorted(SEED_DIR.glob("*.txt"))]
    batch = start_batch(county, uploads, user=user, year=None, source="demo")
    return process_batch(batch)

