"""What the public side (portal pages and the public API) may do and see: submit, and check one's own application.

Personal data never leaves through here unmasked; an application is found only with its tracking
number together with the contact given when applying.
"""
from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils import timezone

from fazhi.core.workdays import WorkingCalendar, format_date
from fazhi.disclosure import services
from fazhi.disclosure.choices import Channel, RequestStatus, applicant_type_label
from fazhi.disclosure.correction_terms import correction_due
from fazhi.disclosure.deadlines import ClockState, compute_clock
from fazhi.disclosure.models import DisclosureRequest
from fazhi.disclosure.validators import mask_contact, mask_name, normalise_contact


def submit_online(*, organisation, form, idempotency_key: str | None = None) -> tuple[DisclosureRequest, bool]:
    """An application through the portal or the public API: received the day it is submitted (第三十一条第三项).

    Returns (application, created); a repeated idempotency key gives the first application and False.
    """
    key = idempotency_key if idempotency_key is not None else form.cleaned_data.get("idempotency_key", "")
    return services.request_create(
        organisation=organisation, fields=form.model_fields(), channel=Channel.PORTAL,
        received_on=timezone.localdate(), idempotency_key=key or "",
    )


def find_for_applicant(tracking_number: str, contact: str) -> DisclosureRequest | None:
    application = (
        DisclosureRequest.objects.active().select_related("organisation")
        .filter(tracking_number=(tracking_number or "").strip().upper()).first()
    )
    if application is None or not contact or normalise_contact(application.contact) != normalise_contact(contact):
        return None
    return application


PUBLIC_STATE = {
    ClockState.RUNNING: "办理中",
    ClockState.AWAITING_CORRECTION: "待补正：请按补正通知补充材料",
    ClockState.PAUSED: "办理中（征求第三方或其他机关意见，该期间不计入答复期限）",
    ClockState.CLOSED: "已办结",
}


@dataclass
class PublicStatus:
    tracking_number: str
    organisation: str
    organisation_code: str
    received_on: object
    due_on: object
    due_provisional: bool
    status: str
    status_code: str
    status_text: str
    applicant: str
    applicant_type: str
    contact: str
    result: str
    replied_on: object
    explanation: list[str]
    correction_items: str = ""  # what the applicant must supply, as the 补正告知书 states it (条例第三十条)

    def as_json(self) -> dict:
        return {
            "tracking_number": self.tracking_number,
            "organisation": self.organisation_code,
            "organisation_name": self.organisation,
            "received_on": self.received_on.isoformat(),
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "due_on_provisional": self.due_provisional,
            "status": self.status_code,
            "status_text": self.status_text,
            "applicant": self.applicant,
            "applicant_type": self.applicant_type,
            "contact": self.contact,
            "result": self.result or None,
            "replied_on": self.replied_on.isoformat() if self.replied_on else None,
            "due_explanation": self.explanation,
        }


def public_status(application: DisclosureRequest, *, new: bool = False) -> PublicStatus:
    """``new``: the application was just created, so it has no consultations to read (one query fewer)."""
    clock = (compute_clock(services.clock_input(application, consultations=()), WorkingCalendar.load(),
                           today=timezone.localdate())
             if new else services.clock_for(application))
    text = PUBLIC_STATE[clock.state]
    if application.status == RequestStatus.AWAITING_CORRECTION and application.correction_deadline:
        text += f"（补正期限：{format_date(correction_due(application))}）"
    return PublicStatus(
        tracking_number=application.tracking_number,
        organisation=application.organisation.name,
        organisation_code=application.organisation.code,
        received_on=application.received_on,
        due_on=clock.due,
        due_provisional=clock.provisional,
        status=application.get_status_display(),
        status_code=application.status,
        status_text=text,
        applicant=mask_name(application.applicant_name),
        applicant_type=applicant_type_label(application.applicant_type),
        contact=mask_contact(application.contact),
        result=application.get_result_display() if application.result else "",
        replied_on=application.replied_on,
        explanation=clock.steps,
        correction_items=application.correction_items if application.status == RequestStatus.AWAITING_CORRECTION else "",
    )


class TrackForm(forms.Form):
    tracking_number = forms.CharField(label="受理编号", max_length=40, error_messages={"required": "请填写受理编号"})
    contact = forms.CharField(label="申请时填写的联系电话", max_length=40, error_messages={"required": "请填写申请时填写的联系电话"})
