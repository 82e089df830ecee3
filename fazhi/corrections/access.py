"""Who may see a person under community correction or resettlement: the 司法所 staff of that township only.

The township's other staff and leaders get 403 on every page of this module, the county too; the
司法所 of another township gets 404 for a guessed id, as for any record outside one's scope.
"""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from fazhi.core.models import Organisation, OrgKind, Role, User

REFUSED = "社区矫正和安置帮教对象的信息属于敏感个人信息，仅本乡镇司法所工作人员可以查看"


def judicial_township(user: User) -> Organisation | None:
    if not user.is_authenticated or user.role != Role.JUDICIAL_OFFICE or user.organisation is None:
        return None
    return user.organisation if user.organisation.kind == OrgKind.TOWNSHIP else None


def require_judicial_office(user: User) -> Organisation:
    township = judicial_township(user)
    if township is None:
        raise PermissionDenied(REFUSED)
    return township


def own_or_404(queryset, township: Organisation, pk):
    try:
        return queryset.active().get(pk=pk, organisation=township)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404("记录不存在或您无权查看")
