"""Login with a lockout after repeated failures (logged in the security audit log)."""
from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm

from fazhi.core import audit
from fazhi.core.models import AuditKind


class LockoutAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "用户名或密码不正确，请重新输入。",
        "locked_out": "该账号连续登录失败次数过多，已暂时锁定，请{minutes}分钟后再试或联系系统管理员",
        "address_locked_out": "本机登录失败次数过多，已暂时禁止从本机登录，请{minutes}分钟后再试或联系系统管理员",
    }

    def clean(self):
        username = (self.cleaned_data.get("username") or "").strip()
        if audit.is_address_locked_out(audit.client_ip(self.request)):
            audit.record(AuditKind.LOCKED_OUT, request=self.request, username=username, detail="同一地址登录失败次数过多")
            raise forms.ValidationError(
                self.error_messages["address_locked_out"].format(minutes=settings.FAZHI_LOGIN_LOCKOUT_MINUTES),
                code="address_locked_out",
            )
        if audit.is_locked_out(username):
            audit.record(AuditKind.LOCKED_OUT, request=self.request, username=username)
            raise forms.ValidationError(
                self.error_messages["locked_out"].format(minutes=settings.FAZHI_LOGIN_LOCKOUT_MINUTES), code="locked_out"
            )
        return super().clean()


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    authentication_form = LockoutAuthenticationForm
