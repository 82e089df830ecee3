"""The shape every workflow page shares: a detail page with one form per possible next step, each
posted to its own URL, run through a service; a refusal re-renders the page with the reason on the form."""
from __future__ import annotations

from typing import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect

from fazhi.core.scoping import writable_org
from fazhi.core.workflow_forms import apply_service_errors


def require_writer(user):
    org = writable_org(user)
    if org is None:
        raise PermissionDenied("您的角色只能查看，不能登记或办理")
    return org


def can_write_record(user, obj) -> bool:
    """Whether the page offers this user the record's next steps: own township, and an area the role handles."""
    from fazhi.core.roles import area_of_model, may_write

    org = writable_org(user)
    return org is not None and org.pk == obj.organisation_id and may_write(user, area_of_model(type(obj)))


def perform(request, form, action: Callable[[dict], object], *, success: str, redirect_to, field_map=None):
    """Validate the form and run the service. Returns a redirect on success, None when the form has errors."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc, field_map)
        else:
            messages.success(request, success)
            return redirect_to() if callable(redirect_to) else redirect(redirect_to)
    messages.error(request, "未能保存，请按提示修改后重试")
    return None
