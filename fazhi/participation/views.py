"""Moderating public comments (staff). Comments are submitted on the public portal."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from fazhi.core.scoping import get_writable_or_404
from fazhi.participation import services
from fazhi.participation.models import PublicComment


@login_required
@require_POST
def moderate(request, pk: int):
    comment = get_writable_or_404(PublicComment.objects.select_related("period"), request.user, pk)
    approve = request.POST.get("approve") == "1"
    try:
        services.moderate_comment(comment, user=request.user, approve=approve, note=request.POST.get("note", ""))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, "已公开该意见" if approve else "该意见不予公开")
    subject = comment.period.subject_type.model_class().objects.filter(pk=comment.period.subject_id).first()
    return redirect(subject.get_absolute_url() if subject is not None and hasattr(subject, "get_absolute_url") else "home")
