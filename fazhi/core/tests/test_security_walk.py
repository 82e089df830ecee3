"""The security walk: every URL of the URL conf, as every persona, answers what its access class says.

For each URL the TABLE below says how to build it from records of township A (the owner) and
which access class it has (fazhi/testing/url_walk.py: Access). Then, for every persona —
anonymous, the clerk of township B, the supervisor of another county, A's clerk, A's county
supervisor — the walk asserts:

- GET: login redirect (pages) or 401/403 (API) for anonymous, 404 for records out of scope, 403
  for the county on write forms, 405 on POST-only URLs, 200 for the right user; on list pages
  outsiders get 200 without A's record, the owner and the county see it;
- writes (POST, or PATCH for the API record): refused writes change nothing in the database;
- CSRF: a write without the token is refused with 403 for the user who may write, and passes
  with it (only the token-less public API is exempt, listed with the reason);
- every HTML response carries X-Frame-Options: DENY and X-Content-Type-Options: nosniff, and
  every POST form on a 200 page has a CSRF token and posts to a URL the TABLE declares writable.

No page forgotten: test_every_url_of_the_url_conf_is_in_the_table fails on any URL without an
entry. To add one, see the comment above TABLE.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import cached_property
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone

from fazhi.core.models import Organisation, User
from fazhi.testing.factories import PublicityEventFactory
from fazhi.testing.url_walk import (
    ANON, COUNTY, LOGIN, OK, OTHER, OWNER, PERSONAS, Access, Entry, UrlPattern, body_text, build_path,
    app_walk_entries, content_type, db_fingerprint, expected, is_login_redirect, post_forms, project_patterns,
)

LEDGER = "publicity-events"  # the ledger the generic ledger URLs are walked with (every ledger: test_personas_on_every_ledger.py)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 48
PDF = b"%PDF-1.4 walk reply" + b"0" * 40
RECORD_MARK = "WALKMARK-A-REC"  # in the title of A's ledger record
APPLICANT = "WALKMARK-A-APPLICANT"  # A's applicant: personal data that no public page may show
CONTACT = "13800138000"
REVIEW_MARK = "WALKMARK-A-REVIEW"
DOC_MARK = "WALKMARK-A-DOC"
CONTRACT_MARK = "WALKMARK-A-CONTRACT"
DECISION_MARK = "WALKMARK-A-DECISION"


class World:
    """Township A's records, each created the first time a URL (or its body) needs it."""

    def __init__(self, township: Organisation, other_township: Organisation, clerk: User) -> None:
        self.township = township
        self.other_township = other_township
        self.clerk = clerk
        self.today = timezone.localdate()
        self.year = self.today.year - 1  # reports are written for the past year

    def created(self) -> list[models.Model]:
        return [v for v in self.__dict__.values() if isinstance(v, models.Model)]

    def once(self, name: str, make: Callable[[], Any]) -> Any:
        """For an app's own walk entries (fazhi/<app>/tests/walk.py): build A's record on first use, like the
        cached properties above, so that refused writes are checked against it."""
        if name not in self.__dict__:
            self.__dict__[name] = make()
        return self.__dict__[name]

    @cached_property
    def record(self):
        return PublicityEventFactory(
            organisation=self.township, title=f"{RECORD_MARK} 宪法宣传进村", held_on=dt.date(self.year, 5, 20),
        )

    @cached_property
    def content_type_id(self) -> int:
        return ContentType.objects.get_for_model(self.record).pk

    @cached_property
    def attachment(self):
        from fazhi.core.attachments import attach_file

        return attach_file(record=self.record, upload=SimpleUploadedFile("现场.png", PNG), user=self.clerk)

    @cached_property
    def request(self):
        from fazhi.disclosure import services

        request, _ = services.request_create(
            organisation=self.township, channel="in_person", received_on=self.today, user=self.clerk,
            fields={
                "applicant_type": "natural", "applicant_name": APPLICANT, "contact": CONTACT,
                "description": "本村一事一议筹资筹劳方案", "delivery": "paper_post",
            },
        )
        return request

    @cached_property
    def request_in_correction(self):
        from fazhi.disclosure import services

        return services.correction_request(
            request=self.request, user=self.clerk, requested_on=self.today, items="请写明所需信息的文号",
            deadline=self.today + dt.timedelta(days=15),
        )

    @cached_property
    def consultation(self):
        from fazhi.disclosure import services

        return services.consultation_start(
            request=self.request, user=self.clerk, kind="third_party", party="某农业公司", sent_on=self.today,
        )

    @cached_property
    def reminder(self):
        from fazhi.disclosure.models import Reminder

        return Reminder.objects.create(
            request=self.request, user=self.clerk, kind="unassigned", due_on=self.today, message="请指定承办人",
        )

    @cached_property
    def published_report(self):
        """A's annual disclosure report for the past year, finalised: the portal shows it."""
        from fazhi.disclosure.report_services import report_finalise

        return report_finalise(organisation=self.township, year=self.year, user=self.clerk)

    # ---- rule-making: reviews, normative documents, contracts, decisions, public comment

    @cached_property
    def reviewer(self):
        from fazhi.core.models import Role
        from fazhi.testing.factories import UserFactory

        return UserFactory(organisation=self.township, role=Role.LEGAL_REVIEWER)

    @cached_property
    def review(self):
        from fazhi.reviews import services

        return services.review_request(
            organisation=self.township, kind="other", title=f"{REVIEW_MARK} 关于集体资产出租的请示", submitted_by_unit="党政办",
            submitted_on=self.today, user=self.clerk,
        )

    def _draft(self, *, affects_rights: bool = False):
        from fazhi.normative import services

        return services.create_draft(organisation=self.township, user=self.clerk, fields=dict(
            title=f"{DOC_MARK} 村规民约指导办法", drafting_unit="党政办", affects_rights=affects_rights, draft_text="第一条 ……"))

    @cached_property
    def document(self):
        return self._draft()

    @cached_property
    def document_for_comment(self):
        return self._draft(affects_rights=True)

    @cached_property
    def document_reviewed(self):
        from fazhi.normative import services
        from fazhi.reviews import services as reviews

        doc = self._draft()
        review = services.send_for_legality_review(doc, user=self.clerk, submitted_on=self.today - dt.timedelta(days=10))
        reviews.review_conclude(review, user=self.reviewer, opinion="approved", reasons="", concluded_on=self.today - dt.timedelta(days=8))
        return doc

    @cached_property
    def series(self):
        from fazhi.normative.models import DocumentSeries

        return DocumentSeries.objects.create(organisation=self.township, prefix="走查规")

    @cached_property
    def document_deliberated(self):
        from fazhi.normative import services

        doc = self.document_reviewed
        _ = self.series  # the issue form's body names it: create it with the world, not during the write
        services.record_deliberation(doc, user=self.clerk, deliberated_on=self.today - dt.timedelta(days=6), meeting="常务会议")
        return doc

    @cached_property
    def document_issued(self):
        from fazhi.normative import services

        return services.issue_document(self.document_deliberated, user=self.clerk, series=self.series,
                                       issued_on=self.today - dt.timedelta(days=4))

    @cached_property
    def document_published(self):
        from fazhi.normative import services

        return services.publish_document(self.document_issued, user=self.clerk, published_on=self.today - dt.timedelta(days=2),
                                         channel="镇政府网站")

    @cached_property
    def comment(self):
        from fazhi.normative import services
        from fazhi.participation import services as participation

        period = services.open_public_comment(self.document_for_comment, user=self.clerk, opens_on=self.today - dt.timedelta(days=1),
                                              closes_on=self.today + dt.timedelta(days=29))
        return participation.submit_comment(period, text="建议明确责任区范围", author_name="走查人")

    @cached_property
    def period(self):
        return self.comment.period

    @cached_property
    def contract(self):
        from fazhi.contracts import services

        return services.register_contract(organisation=self.township, user=self.clerk, fields=dict(
            title=f"{CONTRACT_MARK} 村道保洁合同", counterparty="某保洁公司", handling_unit="村建办"))

    @cached_property
    def contract_reviewed(self):
        from fazhi.contracts import services
        from fazhi.reviews import services as reviews

        review = services.send_contract_for_review(self.contract, user=self.clerk, submitted_on=self.today - dt.timedelta(days=5))
        reviews.review_conclude(review, user=self.reviewer, opinion="approved", reasons="", concluded_on=self.today - dt.timedelta(days=3))
        return self.contract

    @cached_property
    def contract_signed(self):
        from fazhi.contracts import services

        return services.sign_contract(self.contract_reviewed, user=self.clerk, signed_on=self.today - dt.timedelta(days=2),
                                      starts_on=self.today - dt.timedelta(days=2), ends_on=None)

    @cached_property
    def catalog(self):
        from fazhi.decisions import services

        return services.create_catalog(organisation=self.township, year=self.today.year, title=f"{DECISION_MARK} 年度目录",
                                       user=self.clerk)

    def decision_before(self, until: str):
        """A decision taken through the regulation's steps (dated in the past), stopped before ``until``."""
        from types import SimpleNamespace

        from fazhi.decisions import services
        from fazhi.demo.decisions import _go

        start = self.today - dt.timedelta(days=220)
        decision = services.launch_decision(organisation=self.township, user=self.clerk, launched_on=start, fields=dict(
            title=f"{DECISION_MARK} 集镇农贸市场搬迁方案", catalog=self.catalog, lead_unit="经发办"))
        _go(decision, clerk=self.clerk, reviewer=self.reviewer, start=start, until=until,
            spec=SimpleNamespace(mayor="吴镇长", short="甲"))
        decision.refresh_from_db()
        return decision

    @cached_property
    def decision(self):
        return self.decision_before("drafting")

    @cached_property
    def decision_commented(self):
        from fazhi.decisions import services

        decision = self.decision_before("participation")
        services.open_public_participation(decision, user=self.clerk, opens_on=self.today - dt.timedelta(days=40),
                                           closes_on=self.today - dt.timedelta(days=10), draft_text="草案全文")
        return decision

    def org_year(self) -> dict[str, Any]:
        return {"code": self.township.code, "year": self.year}

    def ledger_body(self) -> dict[str, str]:
        from fazhi.testing.ledger_data import valid_post

        return valid_post(LEDGER)

    def application(self) -> dict[str, str]:
        return {
            "applicant_type": "natural", "applicant_name": "王五", "contact": "13900139000",
            "description": "本镇2025年农村低保对象名单", "delivery": "paper_post",
        }

    def annual_report_body(self) -> dict[str, str]:
        from fazhi.reports.services import report_initial, report_new

        initial = report_initial(report_new(self.township, self.year))
        return {k: v.isoformat() if isinstance(v, dt.date) else ("" if v is None else str(v)) for k, v in initial.items()}

    def import_body(self) -> dict[str, Any]:
        from fazhi.core.ledgers import get_ledger
        from fazhi.core.ledgers.excel import template_workbook

        data = template_workbook(get_ledger(LEDGER))
        return {"file": SimpleUploadedFile("台账.xlsx", data), "year": str(self.year)}


def _day(world: World) -> str:
    return world.today.isoformat()


def _tracking(world: World) -> str:
    return world.request.tracking_number


def _title(world: World) -> str:
    _ = world.record
    return RECORD_MARK


def _request_pk(world: World) -> dict[str, Any]:
    return {"pk": world.request.pk}


def _record(world: World) -> dict[str, Any]:
    return {"slug": LEDGER, "pk": world.record.pk}


def _oversight_submission(world: World):
    from fazhi.oversight.tests.walk import _submission

    return _submission(world)


def _oversight_notice(world: World):
    """A's clerk hears that the county returned A's submitted report (fazhi/oversight/reminders.py notify_review)."""
    from fazhi.oversight.models import NoticeKind, ReviewNotice

    return world.once("oversight_notice", lambda: ReviewNotice.objects.create(
        user=world.clerk, organisation=world.township, year=world.year, submission=_oversight_submission(world),
        kind=NoticeKind.RETURNED, message="走查：县依法治县办退回了报告",
    ))


# ---------------------------------------------------------------- THE TABLE
#
# One entry per URL of the URL conf, keyed by its name ("namespace:name" for a namespaced app;
# the route, e.g. "api/public/disclosure-requests/", for a pattern without a name).
# An app may keep its entries in fazhi/<app>/tests/walk.py (a dict ENTRIES of the same Entry objects; build
# its records with w.once("name", lambda: ...)); they are merged into TABLE below.
# To add a URL:
#   1. pick its Access class (fazhi/testing/url_walk.py): PUBLIC, STAFF, LIST, READ, EDIT, CREATE, ACTION, GONE;
#   2. kwargs=lambda w: {...} builds its URL arguments from township A's records — add a
#      @cached_property to World above for a new kind of record (factory or the app's service);
#   3. LIST pages: marker=lambda w: <text of A's record that the page lists>;
#   4. a URL that accepts POST: write=lambda w: {a valid body}, post_ok={the success status}
#      (write_method="PATCH" for an API record; write_access=Access.CREATE/EDIT when the write
#      follows another class than the GET, e.g. an API list that also takes POST);
#   5. a persona that rightly differs from the class: expect={("GET", OTHER): 404};
#      a real bug: bugs={("GET", OTHER): "BUG: ..."} (the case becomes a strict xfail until fixed).
# A township clerk (A's or B's) may not review: 403 naming the rule, whatever the record (so nothing is probed).
REVIEWERS_ONLY = {("POST", OWNER): 403, ("POST", OTHER): 403}

TABLE: dict[str, Entry] = {
    # ---- core: login, home, the generic ledger pages, attachments
    "login": Entry(Access.PUBLIC, write=lambda w: {"username": "clerk_a", "password": "pass-word-123"}, csrf_as=ANON),
    "logout": Entry(  # POST-only for everyone (Django's LogoutView): a GET link cannot log a user out
        Access.PUBLIC, write=lambda w: {}, expect=dict.fromkeys((("GET", p) for p in PERSONAS), 405),
    ),
    "ledger_list": Entry(Access.LIST, kwargs=lambda w: {"slug": LEDGER}, marker=_title),
    "ledger_create": Entry(Access.CREATE, kwargs=lambda w: {"slug": LEDGER}, write=lambda w: w.ledger_body()),
    "ledger_export": Entry(Access.LIST, kwargs=lambda w: {"slug": LEDGER}, marker=_title, kind="file"),
    "ledger_template": Entry(Access.STAFF, kwargs=lambda w: {"slug": LEDGER}, kind="file"),
    "ledger_import": Entry(
        Access.CREATE, kwargs=lambda w: {"slug": LEDGER}, write=lambda w: w.import_body(), post_ok=frozenset({200}),
    ),
    "ledger_detail": Entry(Access.READ, kwargs=_record),
    "ledger_edit": Entry(Access.EDIT, kwargs=_record, write=lambda w: w.ledger_body()),
    "ledger_void": Entry(Access.ACTION, kwargs=_record, write=lambda w: {"reason": "走查作废"}),
    "attachment_upload": Entry(
        Access.ACTION, kwargs=lambda w: {"content_type_id": w.content_type_id, "object_id": w.record.pk},
        write=lambda w: {"files": SimpleUploadedFile("照片.png", PNG)},
    ),
    "attachment_download": Entry(Access.READ, kwargs=lambda w: {"pk": w.attachment.pk}, kind="file"),
    # ---- indicators
    "dashboard": Entry(Access.LIST, marker=lambda w: w.township.name),
    "indicator_compare": Entry(Access.LIST, marker=lambda w: w.township.name),
    "indicator_records": Entry(Access.LIST, kwargs=lambda w: {"key": "publicity_events"}, marker=_title),
    # ---- annual rule-of-law reports
    "report_index": Entry(Access.LIST, marker=lambda w: w.township.name),
    "report_view": Entry(Access.READ, kwargs=lambda w: w.org_year()),
    "report_docx": Entry(Access.READ, kwargs=lambda w: w.org_year(), kind="file"),
    "report_md": Entry(Access.READ, kwargs=lambda w: w.org_year(), kind="file"),
    "report_pdf": Entry(Access.READ, kwargs=lambda w: w.org_year(), kind="file"),
    "report_edit": Entry(Access.EDIT, kwargs=lambda w: w.org_year(), write=lambda w: w.annual_report_body()),
    "report_preview": Entry(  # the editor's live preview of a draft part (JSON; nothing is saved)
        Access.ACTION, kwargs=lambda w: w.org_year(), write=lambda w: {"part": "measures_text", "text": "走查【数据：普法宣传活动】"},
        post_ok=frozenset({200}), kind="json",
    ),
    "report_suggestion": Entry(  # adopt or reject a data-drawn shortcoming of section 二
        Access.ACTION, kwargs=lambda w: w.org_year(), write=lambda w: {"title": "走查提示", "decision": "accepted"},
    ),
    # ---- disclosure back office
    "disclosure_dashboard": Entry(Access.LIST, marker=_tracking),
    "disclosure_reminder_read": Entry(  # a reminder is one user's: even the county gets 404
        Access.ACTION, kwargs=lambda w: {"pk": w.reminder.pk}, write=lambda w: {}, expect={("POST", COUNTY): 404},
    ),
    "disclosure_guide": Entry(  # each township edits its own guide; supervisors write nothing
        Access.CREATE, write=lambda w: {"office_name": "党政综合办公室", "office_hours": "工作日 8:30—17:30"},
    ),
    "disclosure_request_list": Entry(Access.LIST, marker=_tracking),
    "disclosure_request_register": Entry(
        Access.CREATE, write=lambda w: {**w.application(), "channel": "in_person", "received_on": _day(w)},
    ),
    "disclosure_request_detail": Entry(Access.READ, kwargs=_request_pk),
    "disclosure_request_assign": Entry(Access.ACTION, kwargs=_request_pk, write=lambda w: {"handler": str(w.clerk.pk)}),
    "disclosure_request_correction": Entry(
        Access.ACTION, kwargs=_request_pk,
        write=lambda w: {"requested_on": _day(w), "items": "请写明文号", "deadline": (w.today + dt.timedelta(days=15)).isoformat()},
    ),
    "disclosure_request_correction_received": Entry(
        Access.ACTION, kwargs=lambda w: {"pk": w.request_in_correction.pk}, write=lambda w: {"received_on": _day(w)},
    ),
    "disclosure_request_consultation": Entry(
        Access.ACTION, kwargs=_request_pk, write=lambda w: {"kind": "third_party", "party": "某公司", "sent_on": _day(w)},
    ),
    "disclosure_request_consultation_end": Entry(
        Access.ACTION, kwargs=lambda w: {"pk": w.consultation.request_id, "consultation_pk": w.consultation.pk},
        write=lambda w: {f"c{w.consultation.pk}-replied_on": _day(w), f"c{w.consultation.pk}-opinion": "agree"},
    ),
    "disclosure_request_extension": Entry(
        Access.ACTION, kwargs=_request_pk,
        write=lambda w: {"days": "10", "approved_by": "王主任", "approved_on": _day(w), "reason": "需调取档案"},
    ),
    "disclosure_request_reply": Entry(
        Access.ACTION, kwargs=_request_pk,
        write=lambda w: {"result": "granted", "replied_on": _day(w), "summary": "",
                         "files": [SimpleUploadedFile("答复书.pdf", PDF, content_type="application/pdf")]},
    ),
    "disclosure_request_void": Entry(Access.ACTION, kwargs=_request_pk, write=lambda w: {"reason": "走查作废"}),
    "disclosure_report_index": Entry(Access.LIST, marker=lambda w: w.township.name),
    "disclosure_report_view": Entry(Access.READ, kwargs=lambda w: w.org_year()),
    "disclosure_report_edit": Entry(
        Access.EDIT, kwargs=lambda w: w.org_year(), write=lambda w: {"problems_text": "走查：无", "dated": _day(w)},
    ),
    "disclosure_report_docx": Entry(Access.READ, kwargs=lambda w: w.org_year(), kind="file"),
    "disclosure_report_pdf": Entry(Access.READ, kwargs=lambda w: w.org_year(), kind="file"),
    "disclosure_report_xlsx": Entry(Access.READ, kwargs=lambda w: w.org_year(), kind="file"),
    "disclosure_report_json": Entry(Access.READ, kwargs=lambda w: w.org_year(), kind="json"),
    # ---- public portal (no login)
    "portal_index": Entry(Access.PUBLIC),
    "portal_track": Entry(Access.PUBLIC, query=lambda w: f"tracking_number={w.request.tracking_number}&contact={CONTACT}"),
    "portal_township": Entry(Access.PUBLIC, kwargs=lambda w: {"code": w.township.code}),
    "portal_apply": Entry(
        Access.PUBLIC, kwargs=lambda w: {"code": w.township.code}, write=lambda w: w.application(),
        post_ok=frozenset({200}), csrf_as=ANON,
    ),
    "portal_report": Entry(Access.PUBLIC, kwargs=lambda w: {"code": w.township.code, "year": w.published_report.year}),
    # ---- API (session authentication: CSRF enforced for logged-in users)
    "api_ledgers": Entry(Access.STAFF),
    "api_ledger_records": Entry(
        Access.LIST, kwargs=lambda w: {"slug": LEDGER}, marker=_title,
        write_access=Access.CREATE, write=lambda w: w.ledger_body(), post_ok=frozenset({201}),
    ),
    "api_ledger_record": Entry(
        Access.READ, kwargs=_record, write_access=Access.EDIT, write_method="PATCH", write=lambda w: {"title": "走查改名"},
        post_ok=frozenset({200}),
    ),
    "api_ledger_void": Entry(
        Access.ACTION, kwargs=_record, write=lambda w: {"reason": "走查作废"}, post_ok=frozenset({200}),
    ),
    "api_indicators": Entry(Access.READ, query=lambda w: f"org={w.township.code}&year={w.year}"),
    "api_disclosure_requests": Entry(Access.LIST, marker=_tracking),
    "api_disclosure_request": Entry(Access.READ, kwargs=_request_pk),
    "api_schema": Entry(Access.PUBLIC),
    # ---- public API: no login, no session read, so no CSRF token (a token-less client must be able to apply)
    "api_public_requests": Entry(
        Access.PUBLIC, write=lambda w: {"organisation": w.township.code, **w.application()},
        post_ok=frozenset({201}), expect=dict.fromkeys((("GET", p) for p in PERSONAS), 405), csrf_as=ANON,
        csrf_exempt="public application API for clients without a session: authentication_classes = [] (no cookie read)",
    ),
    "api/public/disclosure-requests/": Entry(  # the same endpoint with a trailing slash
        Access.PUBLIC, write=lambda w: {"organisation": w.township.code, **w.application()},
        post_ok=frozenset({201}), expect=dict.fromkeys((("GET", p) for p in PERSONAS), 405), csrf_as=ANON,
        csrf_exempt="public application API for clients without a session: authentication_classes = [] (no cookie read)",
    ),
    "api_public_request_status": Entry(
        Access.PUBLIC, kwargs=lambda w: {"tracking_number": w.request.tracking_number}, query=lambda w: f"contact={CONTACT}",
    ),
    "api/public/disclosure-requests/<str:tracking_number>/": Entry(
        Access.PUBLIC, kwargs=lambda w: {"tracking_number": w.request.tracking_number}, query=lambda w: f"contact={CONTACT}",
    ),
    # ---- health
    "healthz": Entry(Access.PUBLIC, kind="json"),
    "ping": Entry(Access.PUBLIC, kind="text"),
    # ---- legality review queue
    "review_queue": Entry(Access.LIST, marker=lambda w: w.review.title),
    "review_register": Entry(Access.CREATE, write=lambda w: {
        "title": "走查送审事项", "submitted_by_unit": "党政办", "submitted_on": _day(w), "days_allowed": "5"}),
    "review_detail": Entry(Access.READ, kwargs=lambda w: {"pk": w.review.pk}),
    # taking and concluding a review: only A's 司法所/法制审核 staff (never the clerk who sent it; fazhi/core/roles.py)
    "review_take": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.review.pk}, write=lambda w: {"taken_on": _day(w)},
                         expect=REVIEWERS_ONLY, csrf_as="legal_reviewer"),
    "review_conclude": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.review.pk},
                             write=lambda w: {"opinion": "approved", "concluded_on": _day(w)},
                             expect=REVIEWERS_ONLY, csrf_as="legal_reviewer"),
    "review_withdraw": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.review.pk}, write=lambda w: {"reason": "走查撤回"}),
    "review_void": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.review.pk}, write=lambda w: {"reason": "走查作废"}),
    "comment_moderate": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.comment.pk}, write=lambda w: {"approve": "1"}),
    # ---- normative documents
    "normative_list": Entry(Access.LIST, marker=lambda w: w.document.title),
    "normative_create": Entry(Access.CREATE, write=lambda w: {
        "title": "走查办法", "drafting_unit": "党政办", "draft_text": "第一条 ……"}),
    "normative_settings": Entry(Access.CREATE, write=lambda w: {"form": "series", "prefix": "走查发"}),
    "normative_detail": Entry(Access.READ, kwargs=lambda w: {"pk": w.document.pk}),
    "normative_comment": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.document_for_comment.pk}, write=lambda w: {
        "opens_on": _day(w), "closes_on": (w.today + dt.timedelta(days=29)).isoformat()}),
    "normative_review": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.document.pk},
                              write=lambda w: {"submitted_on": _day(w), "days_allowed": "5"}),
    "normative_deliberate": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.document_reviewed.pk},
                                  write=lambda w: {"deliberated_on": _day(w), "meeting": "镇政府常务会议"}),
    "normative_issue": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.document_deliberated.pk},
                             write=lambda w: {"series": str(w.series.pk), "issued_on": _day(w)}),
    "normative_publish": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.document_issued.pk},
                               write=lambda w: {"published_on": _day(w), "channel": "镇政府网站"}),
    "normative_file": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.document_published.pk}, write=lambda w: {"filed_on": _day(w)}),
    "normative_evaluate": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.document_published.pk},
                                write=lambda w: {"evaluated_on": _day(w), "conclusion": "continue"}),
    "normative_repeal": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.document_published.pk},
                              write=lambda w: {"repealed_on": _day(w), "reason": "走查废止"}),
    "normative_void": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.document.pk}, write=lambda w: {"reason": "走查作废"}),
    # ---- contracts
    "contract_list": Entry(Access.LIST, marker=lambda w: w.contract.title),
    "contract_create": Entry(Access.CREATE, write=lambda w: {"title": "走查合同", "counterparty": "某公司", "handling_unit": "党政办"}),
    "contract_detail": Entry(Access.READ, kwargs=lambda w: {"pk": w.contract.pk}),
    "contract_review": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.contract.pk},
                             write=lambda w: {"submitted_on": _day(w), "days_allowed": "5"}),
    "contract_sign": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.contract_reviewed.pk},
                           write=lambda w: {"signed_on": _day(w), "starts_on": _day(w)}),
    "contract_close": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.contract_signed.pk},
                            write=lambda w: {"closed_on": _day(w), "kind": "performed"}),
    "contract_void": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.contract.pk}, write=lambda w: {"reason": "走查作废"}),
    # ---- major decisions
    "decision_list": Entry(Access.LIST, marker=lambda w: w.decision.title),
    "decision_create": Entry(Access.CREATE, write=lambda w: {
        "title": "走查决策", "off_catalog_reason": "年中新增", "lead_unit": "党政办", "launched_on": _day(w)}),
    "decision_catalog_create": Entry(Access.CREATE, write=lambda w: {"year": str(w.today.year + 1), "title": "走查目录"}),
    "decision_catalog": Entry(
        Access.READ, kwargs=lambda w: {"pk": w.catalog.pk}, write_access=Access.EDIT,
        write=lambda w: {"party_approved_on": _day(w), "published_on": _day(w)},
    ),
    "decision_detail": Entry(Access.READ, kwargs=lambda w: {"pk": w.decision.pk}),
    "decision_drafting": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.decision.pk},
                               write=lambda w: {"drafted_on": _day(w), "options_considered": "两个方案"}),
    "decision_participation": Entry(
        Access.ACTION, kwargs=lambda w: {"pk": w.decision_before("participation").pk},
        write=lambda w: {"opens_on": _day(w), "closes_on": (w.today + dt.timedelta(days=29)).isoformat(), "draft_text": "草案"},
    ),
    "decision_participation_done": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.decision_commented.pk},
                                         write=lambda w: {"done_on": _day(w), "comments_adoption": "采纳3条"}),
    "decision_expert": Entry(
        Access.ACTION, kwargs=lambda w: {"pk": w.decision_before("expert").pk},
        write=lambda w: {"reviewed_on": _day(w), "experts": "张教授", "files": SimpleUploadedFile("意见.pdf", PDF, "application/pdf")},
    ),
    "decision_risk": Entry(
        Access.ACTION, kwargs=lambda w: {"pk": w.decision_before("risk").pk},
        write=lambda w: {"assessed_on": _day(w), "assessor": "综治中心", "conclusion": "低风险",
                         "files": SimpleUploadedFile("报告.pdf", PDF, "application/pdf")},
    ),
    "decision_skip": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.decision_before("risk").pk},
                           write=lambda w: {"stage": "risk", "reason": "不涉及稳定风险", "on": _day(w)}),
    "decision_review": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.decision_before("legality").pk},
                             write=lambda w: {"submitted_on": _day(w), "days_allowed": "7"}),
    "decision_discussion": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.decision_before("discussion").pk}, write=lambda w: {
        "discussed_on": _day(w), "meeting_kind": "executive", "chair": "吴镇长", "attendees": "班子成员", "chief_spoke_last": "on"}),
    "decision_party_report": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.decision_before("party_report").pk},
                                   write=lambda w: {"reported_on": _day(w)}),
    "decision_decide": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.decision_before("decision").pk},
                             write=lambda w: {"decided_on": _day(w), "decision_text": "同意"}),
    "decision_publish": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.decision_before("publication").pk},
                              write=lambda w: {"published_on": _day(w), "channel": "网站", "adoption_explanation": "采纳3条"}),
    "decision_archive": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.decision_before("archiving").pk},
                              write=lambda w: {"archived_on": _day(w), "archive_number": "2026-JC-99"}),
    "decision_evaluate": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.decision_before("evaluation").pk},
                               write=lambda w: {"evaluated_on": _day(w), "evaluator": "某大学", "trigger": "群众意见较多", "conclusion": "良好"}),
    "decision_void": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.decision.pk}, write=lambda w: {"reason": "走查作废"}),
    # ---- rule-making on the portal
    "portal_consultations": Entry(Access.PUBLIC, kwargs=lambda w: {"code": w.township.code}),
    "portal_consultation": Entry(
        Access.PUBLIC, kwargs=lambda w: {"code": w.township.code, "pk": w.period.pk}, write=lambda w: {"text": "走查意见：建议公示"},
        csrf_as=ANON,
    ),
    "portal_documents": Entry(Access.PUBLIC, kwargs=lambda w: {"code": w.township.code}),
    "portal_decisions": Entry(Access.PUBLIC, kwargs=lambda w: {"code": w.township.code}),
    # ---- rule-making API
    "api_reviews": Entry(Access.LIST, marker=lambda w: w.review.title),
    "api_review": Entry(Access.READ, kwargs=lambda w: {"pk": w.review.pk}),
    "api_review_take": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.review.pk}, write=lambda w: {}, post_ok=frozenset({200}),
                             expect=REVIEWERS_ONLY, csrf_as="legal_reviewer"),
    "api_review_conclude": Entry(Access.ACTION, kwargs=lambda w: {"pk": w.review.pk}, write=lambda w: {"opinion": "approved"},
                                 post_ok=frozenset({200}), expect=REVIEWERS_ONLY, csrf_as="legal_reviewer"),
    "api_decisions": Entry(Access.LIST, marker=lambda w: w.decision.title),
    "api_decision": Entry(Access.READ, kwargs=lambda w: {"pk": w.decision.pk}),
    "api_normative_documents": Entry(Access.LIST, marker=lambda w: w.document.title),
    "api_normative_document": Entry(Access.READ, kwargs=lambda w: {"pk": w.document.pk}),
    r"api/(?P<path>[\s\S]*)$": Entry(Access.GONE, path="/api/no-such-endpoint/"),  # any other /api/ address: JSON 404
    # ---- oversight, issue 19: a submitted version as PDF; the township's notices of the county's answers
    "oversight_submission_pdf": Entry(Access.READ, kwargs=lambda w: {"pk": _oversight_submission(w).pk}, kind="file"),
    "oversight_notices": Entry(Access.STAFF),  # only the user's own notices (fazhi/oversight/tests/test_review_notices.py)
    "oversight_notice_read": Entry(  # a notice is one user's (A's clerk here): even the county gets 404
        Access.ACTION, kwargs=lambda w: {"pk": _oversight_notice(w).pk}, write=lambda w: {},
        expect={("POST", COUNTY): 404},
    ),
}

TABLE.update(app_walk_entries())

PATTERNS: dict[str, UrlPattern] = {p.key: p for p in project_patterns()}
WALKED = [key for key in TABLE if key in PATTERNS]


def _get_cases() -> list:
    """One case per URL: its GET is walked as every persona in turn, on one world (a GET changes nothing that
    decides another persona's answer), which keeps the walk's set-up to once per URL."""
    cases = []
    for key in WALKED:
        bugs = [bug for (method, _), bug in TABLE[key].bugs.items() if method == "GET"]
        marks = [pytest.mark.xfail(strict=True, reason="; ".join(bugs))] if bugs else []
        cases.append(pytest.param(key, id=f"GET {key}", marks=marks))
    return cases


def _write_cases() -> list:
    """One case per writable URL: its write is tried as every persona in turn on one world, the refused personas
    first (each must change nothing, so the next one meets the same world), then those who may write."""
    cases = []
    for key in WALKED:
        entry = TABLE[key]
        if not entry.write:
            continue
        bugs = [bug for (method, _), bug in entry.bugs.items() if method == entry.write_method]
        marks = [pytest.mark.xfail(strict=True, reason="; ".join(bugs))] if bugs else []
        cases.append(pytest.param(key, id=f"{entry.write_method} {key}", marks=marks))
    return cases


GET_CASES = _get_cases()
WRITE_CASES = _write_cases()


# ---------------------------------------------------------------- helpers

@pytest.fixture
def legal_reviewer(township):
    """A's 法制审核人员: the persona who takes and concludes A's reviews (csrf_as of those entries)."""
    from fazhi.core.models import Role
    from fazhi.testing.factories import UserFactory

    return UserFactory(organisation=township, role=Role.LEGAL_REVIEWER)


@pytest.fixture
def world(township, other_township, clerk) -> World:
    return World(township, other_township, clerk)


def _client_for(request, persona: str, client: Client) -> Client:
    if persona != ANON:
        client.force_login(request.getfixturevalue(persona))
    return client


def _path(key: str, world: World) -> str:
    entry = TABLE[key]
    path = entry.path or build_path(PATTERNS[key], entry.kwargs(world))
    return f"{path}?{entry.query(world)}" if entry.query else path


def _send(client: Client, method: str, path: str, body: dict[str, Any] | None, **extra):
    if method == "GET":
        return client.get(path, **extra)
    if path.startswith("/api/"):
        return client.generic(method, path, json.dumps(body or {}), content_type="application/json", **extra)
    return client.post(path, body or {}, **extra)


def _describe(response) -> str:
    where = f" → {response['Location']}" if response.has_header("Location") else ""
    text = "" if getattr(response, "streaming", False) else response.content.decode("utf-8", "replace")[:500]
    return f"{response.status_code}{where} {content_type(response)} {text}"


def _check_status(entry: Entry, method: str, persona: str, path: str, response) -> Any:
    want = expected(entry, method, persona)
    seen = _describe(response)
    if want == LOGIN:
        if path.startswith("/api/"):
            assert response.status_code in (401, 403), f"{method} {path} as {persona}: want 401/403, got {seen}"
        else:
            assert is_login_redirect(response), f"{method} {path} as {persona}: want the login redirect, got {seen}"
    elif want == OK:
        allowed = {entry.ok} if method == "GET" else set(entry.post_ok)
        assert response.status_code in allowed, f"{method} {path} as {persona}: want {sorted(allowed)}, got {seen}"
    else:
        assert response.status_code == want, f"{method} {path} as {persona}: want {want}, got {seen}"
    return want


def _check_headers_and_forms(path: str, response) -> None:
    kind = content_type(response)
    if path.startswith("/api/"):
        assert kind.endswith("json"), f"{path}: an API answer must be JSON, got {_describe(response)}"
    if kind == "text/html":
        assert response.get("X-Frame-Options") == "DENY", f"{path}: X-Frame-Options missing ({response.status_code})"
        assert response.get("X-Content-Type-Options") == "nosniff", f"{path}: nosniff missing ({response.status_code})"
    if kind == "text/html" and response.status_code == 200:
        for action, has_token in post_forms(response.content.decode(), path.split("?")[0]):
            assert has_token, f"{path}: the POST form to {action} has no csrfmiddlewaretoken"
            match = resolve(action)
            key = match.view_name if match.url_name else match.route
            assert key in TABLE and TABLE[key].write, (
                f"{path}: a form posts to {action} ({key}) but the TABLE declares no write for it: add write=... to its entry"
            )


# ---------------------------------------------------------------- the tests

def test_every_url_of_the_url_conf_is_in_the_table() -> None:
    missing = sorted(key for key in PATTERNS if key not in TABLE)
    stale = sorted(key for key in TABLE if key not in PATTERNS)
    message = []
    if missing:
        message.append(
            "These URLs have no entry in TABLE of fazhi/core/tests/test_security_walk.py; add one for each "
            "(access class, kwargs built from township A's records, marker/write as needed — see the comment above TABLE):\n  "
            + "\n  ".join(f"{key}  ({PATTERNS[key].route})" for key in missing)
        )
    if stale:
        message.append("TABLE has entries for URLs that no longer exist; remove them:\n  " + "\n  ".join(stale))
    assert not message, "\n".join(message)


def test_the_walk_sees_the_whole_project() -> None:
    assert len(PATTERNS) >= 50, sorted(PATTERNS)  # the walker really descends into every include()
    assert not any(p.route.startswith("admin/") for p in PATTERNS.values())


def test_the_admin_sends_anonymous_users_and_township_staff_to_its_login(client, clerk) -> None:
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), _describe(response)
    client.force_login(clerk)  # not is_staff
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), _describe(response)


@pytest.mark.parametrize("key", GET_CASES)
def test_get(request, world, key: str) -> None:
    entry = TABLE[key]
    path = _path(key, world)
    marker = entry.marker(world) if entry.marker else None
    for persona in PERSONAS:
        _get_as(request, entry, key, path, marker, persona)


def _get_as(request, entry: Entry, key: str, path: str, marker: str | None, persona: str) -> None:
    client = _client_for(request, persona, Client())
    response = _send(client, "GET", path, None)
    want = _check_status(entry, "GET", persona, path, response)
    _check_headers_and_forms(path, response)
    if response.status_code != 200:
        if entry.kind == "redirect" and want == OK:
            assert response["Location"] == reverse("dashboard")
        return
    text = body_text(response)
    if entry.kind == "file":
        assert response.has_header("Content-Disposition"), f"{path}: a download without Content-Disposition"
    if marker and entry.access in (Access.LIST, Access.COUNTY_LIST):
        if persona in (OWNER, COUNTY):
            assert marker in text, f"{path} as {persona}: A's record ({marker}) should be listed"
        else:
            assert marker not in text, f"{path} as {persona}: shows township A's record ({marker})"
    if entry.access == Access.PUBLIC:
        assert APPLICANT not in text, f"{path}: a public page shows an applicant's name"


CSRF_TOKEN = "walk" * 8  # a 32-character secret: the cookie and the header carry the same value


@pytest.mark.parametrize("key", WRITE_CASES)
def test_write(request, world, key: str) -> None:
    """Every persona tries the write on one world: the refused ones first (each must change nothing, so the next
    one meets the same world), then those who may write. The CSRF check rides on the write of the persona it is
    made as (entry.csrf_as): sent first without the token (403, nothing changed), then with it, which must pass —
    so the 403 was the CSRF check and nothing else."""
    entry = TABLE[key]
    path = _path(key, world)
    refused = [p for p in PERSONAS if expected(entry, entry.write_method, p) != OK]
    allowed = [p for p in PERSONAS if p not in refused]
    for persona in refused:
        _write_as(request, world, entry, path, persona)
    if entry.csrf_as not in allowed:
        _write_without_then_with_csrf_token(request, world, entry, path)
    for persona in allowed:
        if persona == entry.csrf_as:
            _write_without_then_with_csrf_token(request, world, entry, path)
        else:
            _write_as(request, world, entry, path, persona)


def _write_as(request, world: World, entry: Entry, path: str, persona: str) -> None:
    body = entry.write(world)
    client = _client_for(request, persona, Client())
    before = db_fingerprint(world.created())
    response = _send(client, entry.write_method, path, body)
    want = _check_status(entry, entry.write_method, persona, path, response)
    _check_headers_and_forms(path, response)
    if want != OK:
        assert db_fingerprint(world.created()) == before, f"{entry.write_method} {path} as {persona} was refused but changed data"


def _write_without_then_with_csrf_token(request, world: World, entry: Entry, path: str) -> None:
    client = _client_for(request, entry.csrf_as, Client(enforce_csrf_checks=True))
    body = entry.write(world)  # built first: composing a form's data may store computed figures
    before = db_fingerprint(world.created())
    response = _send(client, entry.write_method, path, body)
    if entry.csrf_exempt:
        assert response.status_code in entry.post_ok, f"{path} is declared CSRF-exempt but answered {_describe(response)}"
        return
    assert response.status_code == 403, f"{entry.write_method} {path} without CSRF token: {_describe(response)}"
    assert db_fingerprint(world.created()) == before
    client.cookies["csrftoken"] = CSRF_TOKEN
    response = _send(client, entry.write_method, path, entry.write(world), HTTP_X_CSRFTOKEN=CSRF_TOKEN)
    assert response.status_code in entry.post_ok, f"{entry.write_method} {path} with CSRF token: {_describe(response)}"
    _check_headers_and_forms(path, response)
