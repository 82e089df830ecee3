"""The oversight URLs in the security walk (fazhi/core/tests/test_security_walk.py merges ENTRIES into its TABLE).

Township A's report is submitted by A's leader; the county of A holds an imported report, an import batch and
a finished bundle of its townships' reports (rendered by the real code, so its download is a real .zip).
"""
from __future__ import annotations

from fazhi.testing.url_walk import COUNTY, OK, Access, Entry

MARK = "WALKMARK-A-IMPORTED"
IMPORTED_TEXT = "二〇二五年法治政府建设工作报告\n一、主要举措和成效\n开展普法宣传活动12场次。\n二、存在的不足\n三、下一步工作安排"


def _leader(w):
    from fazhi.core.models import Role, User

    return w.once("oversight_leader", lambda: User.objects.create_user(
        "walk_leader", password="pass-word-123", organisation=w.township, role=Role.LEADER,
    ))


def _submission(w):
    def make():
        from fazhi.oversight.filing import submit_report

        _saved_report(w)
        return submit_report(w.township, w.year, _leader(w), "安全巡检：自查问题已知")

    submission = w.once("oversight_submission", make)
    w.once("oversight_filing", lambda: submission.filing)
    return submission


def _imported(w):
    def make():
        from django.utils import timezone

        from fazhi.oversight.models import ImportedFigure, ImportedReport

        report = ImportedReport.objects.create(
            organisation=w.township.parent, township=None, township_name=MARK, year=w.year, filename="walk.txt",
            sha256="0" * 64, text=IMPORTED_TEXT, sections=["measures"], received_on=timezone.localdate(),
        )
        ImportedFigure.objects.create(report=report, position=1, indicator="publicity_events", value=12, unit="场次",
                                      evidence="开展普法宣传活动12场次")
        return report

    return w.once("oversight_imported", make)


def _batch(w):
    def make():
        from fazhi.oversight.models import ImportBatch, ImportItem, ImportItemStatus

        batch = ImportBatch.objects.create(county=w.township.parent, year=w.year, created_by=None)
        ImportItem.objects.create(batch=batch, position=1, filename="walk.txt", size=10, sha256="1" * 64,
                                  status=ImportItemStatus.DONE, report=_imported(w))
        return batch

    return w.once("oversight_batch", make)


def _bundle(w):
    def make():
        from fazhi.oversight.bundles import advance, start_bundle

        _submission(w)
        bundle, _ = start_bundle(w.township.parent, w.year, None)
        advance(bundle)
        return bundle

    return w.once("oversight_bundle", make)


def _saved_report(w):
    from fazhi.reports.services import report_get, report_initial, report_new, report_save

    if report_get(w.township, w.year) is None:
        report_save(org=w.township, year=w.year, data=report_initial(report_new(w.township, w.year)), user=w.clerk)
    return {}


def _upload(w):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"files": SimpleUploadedFile("报告.txt", IMPORTED_TEXT.encode()), "year": str(w.year)}


def _attribution(w):
    return {"township": "", "township_name": MARK, "year": str(w.year), "received_on": "", "published_url": ""}


def _year(w):
    return f"year={w.year}"


_REVIEW = {("POST", "clerk"): 403, ("POST", COUNTY): OK}  # the county answers; the township cannot

ENTRIES: dict[str, Entry] = {
    "oversight_index": Entry(Access.COUNTY_LIST, query=_year, marker=lambda w: w.township.name),
    "oversight_compare": Entry(Access.COUNTY_LIST, query=_year, marker=lambda w: w.township.name),
    "oversight_compare_xlsx": Entry(Access.COUNTY_LIST, query=_year, marker=lambda w: w.township.name, kind="file"),
    "oversight_summary": Entry(Access.COUNTY_LIST, query=_year, kind="file"),
    "oversight_imports": Entry(Access.COUNTY_CREATE, write=_upload, csrf_as=COUNTY),
    "oversight_import_batch": Entry(Access.COUNTY_READ, kwargs=lambda w: {"pk": _batch(w).pk}),
    "oversight_import_progress": Entry(Access.COUNTY_READ, kwargs=lambda w: {"pk": _batch(w).pk}, kind="json"),
    "oversight_import_process": Entry(Access.COUNTY_ACTION, kwargs=lambda w: {"pk": _batch(w).pk}, write=lambda w: {},
                                      csrf_as=COUNTY),
    "oversight_bundles": Entry(Access.COUNTY_CREATE, query=_year, write=lambda w: {"year": str(w.year)}, csrf_as=COUNTY),
    "oversight_bundle": Entry(Access.COUNTY_READ, kwargs=lambda w: {"pk": _bundle(w).pk}),
    "oversight_bundle_progress": Entry(Access.COUNTY_READ, kwargs=lambda w: {"pk": _bundle(w).pk}, kind="json"),
    "oversight_bundle_process": Entry(Access.COUNTY_ACTION, kwargs=lambda w: {"pk": _bundle(w).pk}, write=lambda w: {},
                                      csrf_as=COUNTY),
    "oversight_bundle_download": Entry(Access.COUNTY_READ, kwargs=lambda w: {"pk": _bundle(w).pk}, kind="file"),
    "oversight_imported_list": Entry(Access.COUNTY_LIST, marker=lambda w: _imported(w).township_name),
    "oversight_imported_report": Entry(Access.COUNTY_READ, kwargs=lambda w: {"pk": _imported(w).pk}, write=_attribution,
                                       csrf_as=COUNTY),
    "oversight_imported_void": Entry(Access.COUNTY_ACTION, kwargs=lambda w: {"pk": _imported(w).pk},
                                     write=lambda w: {"reason": "走查作废"}, csrf_as=COUNTY),
    "oversight_submission": Entry(Access.READ, kwargs=lambda w: {"pk": _submission(w).pk}),
    "oversight_submission_docx": Entry(Access.READ, kwargs=lambda w: {"pk": _submission(w).pk}, kind="file"),
    "oversight_submission_return": Entry(Access.ACTION, kwargs=lambda w: {"pk": _submission(w).pk},
                                         write=lambda w: {"comment": "请补充第三部分"}, expect=_REVIEW, csrf_as=COUNTY),
    "oversight_submission_accept": Entry(Access.ACTION, kwargs=lambda w: {"pk": _submission(w).pk},
                                         write=lambda w: {"comment": ""}, expect=_REVIEW, csrf_as=COUNTY),
    # only a leader submits (审定并报送): A's clerk is refused, the CSRF check is made as A's leader
    "oversight_submit": Entry(Access.ACTION, kwargs=lambda w: {**_saved_report(w), **w.org_year()},
                              write=lambda w: {"confirm": "1", "reason": "安全巡检：自查问题已知"},
                              expect={("POST", "clerk"): 403}, csrf_as="leader"),
    "oversight_publish": Entry(Access.EDIT, kwargs=lambda w: w.org_year(),
                               write=lambda w: {"published_on": w.today.isoformat(), "published_url": "https://www.example.gov.cn/a.html"}),
}
