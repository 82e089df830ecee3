"""Which notices an application can have now, and the record of each one generated (the file kept as sent)."""
from __future__ import annotations

from dataclasses import dataclass, replace

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max

from fazhi.core import numbering
from fazhi.core.attachments import attach_file
from fazhi.disclosure import services
from fazhi.disclosure.choices import ConsultationKind, RequestStatus
from fazhi.disclosure.models import Consultation, DisclosureNotice, DisclosureRequest, NoticeKind
from fazhi.disclosure.notices import document, letters
from fazhi.disclosure.notices.common import Notice


class NotApplicable(Exception):
    """The notice does not fit the application's state; the message says why, in Chinese."""


@dataclass(frozen=True)
class Available:
    kind: str
    label: str
    consultation: Consultation | None = None

    @property
    def query(self) -> str:
        return f"?consultation={self.consultation.pk}" if self.consultation is not None else ""

    @property
    def caption(self) -> str:
        return f"{self.label}（{self.consultation.party}）" if self.consultation is not None else self.label


def third_party_consultations(request: DisclosureRequest) -> list[Consultation]:
    return [c for c in request.consultations.active() if c.kind == ConsultationKind.THIRD_PARTY]


def available(request: DisclosureRequest) -> list[Available]:
    """The notices the application's data can fill, in the order they are sent."""
    if request.is_void:
        return []
    out = []
    if request.correction_requested_on and request.correction_items.strip():
        out.append(Available(NoticeKind.CORRECTION, NoticeKind.CORRECTION.label))
    out.extend(Available(NoticeKind.THIRD_PARTY, NoticeKind.THIRD_PARTY.label, c) for c in third_party_consultations(request))
    # 第三十三条第二款: an extension is decided within the running period, so before any reply; a record of one dated
    # after the reply (entered before the services checked the order) is not turned into a notice.
    if request.extension_days and not (request.replied_on and request.extension_approved_on
                                       and request.extension_approved_on > request.replied_on):
        out.append(Available(NoticeKind.EXTENSION, NoticeKind.EXTENSION.label))
    if request.status == RequestStatus.CLOSED and request.result:
        out.append(Available(NoticeKind.REPLY, NoticeKind.REPLY.label))
    return out


REFUSALS = {
    NoticeKind.CORRECTION: "本申请没有发出补正通知，不能生成补正告知书：请先在“通知补正”中登记需要补正的事项和补正期限。",
    NoticeKind.EXTENSION: "本申请没有延长答复期限（或登记的延期日期晚于答复日期），不能生成延期答复告知书：延期须在答复前决定。",
    NoticeKind.THIRD_PARTY: "本申请没有征求第三方意见，不能生成征求第三方意见函：请先登记征求第三方意见。",
    NoticeKind.REPLY: "本申请尚未答复办结，不能生成答复书：请先在“答复并办结”中登记办理结果。",
}


def compose(request: DisclosureRequest, kind: str, consultation_pk: str | None = None) -> tuple[Notice, Consultation | None]:
    """The notice's text for the application as it stands, or NotApplicable."""
    if request.is_void:
        raise NotApplicable("本申请已作废，不能生成文书。")
    choices = [a for a in available(request) if a.kind == kind]
    if not choices:
        raise NotApplicable(REFUSALS[kind])
    consultation = None
    if kind == NoticeKind.THIRD_PARTY:
        if consultation_pk:
            consultation = next((a.consultation for a in choices if str(a.consultation.pk) == str(consultation_pk)), None)
            if consultation is None:
                raise NotApplicable("该征求意见记录不属于本申请或已作废，不能生成征求第三方意见函。")
        else:
            consultation = choices[-1].consultation  # the latest third party consulted
    clock = services.clock_for(request) if kind == NoticeKind.EXTENSION else None
    return letters.compose(request, kind, clock=clock, consultation=consultation), consultation


# 机关代字 + these: the 发文字号 of each kind (GB/T 9704-2012 7.2.4), as 政府信息公开 practice numbers its letters
# (政信 for 政府信息公开, then 补正、延期、征求意见、答复): 青山政信补〔2025〕3号.
NUMBER_KINDS = {
    NoticeKind.CORRECTION: "政信补",
    NoticeKind.EXTENSION: "政信延",
    NoticeKind.THIRD_PARTY: "政信征",
    NoticeKind.REPLY: "政信复",
}


def _issued(request: DisclosureRequest, kind: str, consultation: Consultation | None):
    return DisclosureNotice.objects.filter(request=request, kind=kind, consultation=consultation)


def numbered(request: DisclosureRequest, notice: Notice, consultation: Consultation | None) -> Notice:
    """The notice with the 发文字号 it was issued under, if it was (reading it assigns nothing)."""
    first = _issued(request, notice.kind, consultation).exclude(number="").order_by("created_at", "id").first()
    return replace(notice, document_number=first.number) if first is not None else notice


def _new_number(request: DisclosureRequest, kind: str, year: int) -> tuple[str, int]:
    """The next 发文字号 of ``kind`` for the township in ``year`` (fazhi/core/numbering.py: locked, gap-free)."""
    org = request.organisation
    sequence = numbering.next_number(org, numbering.disclosure_notice_series(kind), year, highest_issued=lambda: (
        DisclosureNotice.objects.filter(request__organisation=org, kind=kind, number_year=year)
        .aggregate(m=Max("number_sequence"))["m"]))
    return numbering.chinese_document_number(org.issuing_prefix, NUMBER_KINDS[kind], year, sequence), sequence


def issue(request: DisclosureRequest, notice: Notice, consultation: Consultation | None, user) -> DisclosureNotice:
    """Keep the notice in the application's history: the file as an attachment of the application, with who
    generated it, when, and its 发文字号. A notice (of one kind, to one third party) is one letter of the
    application: 第三十条 补正 is notified once, 第三十三条 extends once, each consultation has its letter, and the
    reply is one; so the first issue takes a number from the township's counter in the year of its 成文日期, and
    every later issue of the same notice (a corrected text included) prints that number again, while a notice of
    another kind gets its own. The same text generated again returns the record already kept (nothing is doubled)."""
    with transaction.atomic():
        DisclosureRequest.objects.select_for_update().get(pk=request.pk)  # one record and one number when clicks race
        notice = numbered(request, notice, consultation)
        year = sequence = None
        if not notice.document_number:
            year = notice.dated.year
            number, sequence = _new_number(request, notice.kind, year)
            notice = replace(notice, document_number=number)
        last = (_issued(request, notice.kind, consultation).select_related("attachment")
                .order_by("-created_at", "-id").first())
        if last is not None and last.text_sha256 == notice.fingerprint:
            return last
        if sequence is None:
            first = _issued(request, notice.kind, consultation).exclude(number="").order_by("created_at", "id").first()
            year, sequence = first.number_year, first.number_sequence
        upload = ContentFile(document.render(notice), name=notice.filename)
        attachment = attach_file(record=request, upload=upload, user=user)
        return DisclosureNotice.objects.create(
            request=request, kind=notice.kind, consultation=consultation, attachment=attachment,
            text_sha256=notice.fingerprint, number=notice.document_number, number_year=year,
            number_sequence=sequence, created_by=user,
        )


def history(request: DisclosureRequest):
    return request.notices.select_related("attachment", "created_by", "consultation").order_by("created_at", "id")
