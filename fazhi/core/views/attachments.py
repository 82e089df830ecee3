from pathlib import PurePosixPath
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from fazhi.core.attachments import attach_file
from fazhi.core.ledgers.registry import ledger_for_model
from fazhi.core import audit
from fazhi.core.models import Attachment, AuditKind
from fazhi.core.scoping import get_readable_or_404, get_writable_or_404


@login_required
@require_POST
def upload(request, content_type_id: int, object_id: int):
    try:
        ct = ContentType.objects.get(pk=content_type_id)
    except ContentType.DoesNotExist:
        raise Http404
    ledger = ledger_for_model(ct.model_class())
    if ledger is None or not ledger.attachments:
        raise Http404
    record = get_writable_or_404(ledger.model.objects.all(), request.user, object_id)
    if record.is_void:
        raise PermissionDenied("已作废的记录不能添加附件")
    files = request.FILES.getlist("files")
    if not files:
        messages.error(request, "请选择要上传的文件")
    for upload_file in files:
        try:
            attach_file(record=record, upload=upload_file, user=request.user)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, f"已上传：{upload_file.name}")
    return redirect("ledger_detail", slug=ledger.slug, pk=record.pk)


@login_required
def download(request, pk: int):
    attachment = get_readable_or_404(Attachment.objects.all(), request.user, pk)
    audit.record(AuditKind.EXPORT, request=request, user=request.user,
                 detail=f"下载附件“{attachment.original_name}”（{attachment.content_type.model}#{attachment.object_id}）")
    response = FileResponse(attachment.file.open("rb"), content_type=attachment.mime_type)
    inline = attachment.mime_type.startswith("image/")
    name, suffix = _download_name(attachment)
    response["Content-Disposition"] = (
        ("inline" if inline else "attachment") + f'; filename="attachment-{pk}{suffix}"; filename*=UTF-8\'\'{quote(name)}'
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# The suffixes a sniffed type may honestly carry (an .xlsx is a zip like a .docx).
_SUFFIXES = {".jpg": {".jpg", ".jpeg"}, ".png": {".png"}, ".pdf": {".pdf"}, ".docx": {".docx", ".xlsx", ".pptx"}}


def _download_name(attachment: Attachment) -> tuple[str, str]:
    """The uploaded name with an extension the file really has, so it opens on the clerk's computer."""
    stored = PurePosixPath(attachment.file.name).suffix.lower()
    name = PurePosixPath(attachment.original_name.replace("\\", "/")).name or f"attachment-{attachment.pk}"
    suffix = PurePosixPath(name).suffix
    if suffix.lower() not in _SUFFIXES.get(stored, {stored}):
        suffix = stored
        name += stored
    return name, suffix
