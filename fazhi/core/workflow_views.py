"""The shape every workflow page shares: a detail page with one form per possible next step, each
posted to its own URL, run through a service; a refusal re-renders the page with the reason on the form.
The step and void views themselves are made by fazhi/core/kit/workbench.py."""
from __future__ import annotations

from typing import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from fazhi.core.workflow_forms import apply_service_errors

FORM_REFUSED = "未能保存，请按提示修改后重试"


def perform(request, form, action: Callable[[dict], object], *, success: str, redirect_to, field_map=None,
            refused: str = FORM_REFUSED):
    """Validate the form and run the service. Returns a redirect on success, None when the form has errors."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc, field_map)
        else:
            messages.success(request, success)
            return redirect_to() if callable(redirect_to) else redirect(redirect_to)
    messages.error(request, refused)
    return None
