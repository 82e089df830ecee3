"""The one place that decides which organisations' records a user may read or write.

Every view and API endpoint goes through these functions: a township's staff see
their township only; the county supervisor reads all townships of the county and
writes nothing; the system admin reads everything. A record outside the user's
scope is answered with 404, exactly as if it did not exist, so ids cannot be probed.
"""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from fazhi.core.models import WRITER_ROLES, Organisation, OrgKind, Role, User


def readable_orgs(user: User) -> QuerySet[Organisation]:
    townships = Organisation.objects.filter(kind=OrgKind.TOWNSHIP)
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.role == Role.ADMIN or user.is_superuser:
        return townships
    org = user.organisation
    if org is None:
        return Organisation.objects.none()
    if user.role == Role.COUNTY_SUPERVISOR and org.kind == OrgKind.COUNTY:
        return townships.filter(parent=org)
    if org.kind == OrgKind.TOWNSHIP:
        return townships.filter(pk=org.pk)
    return Organisation.objects.none()


def writable_org(user: User) -> Organisation | None:
    """The township whose records this user may create or change, if any."""
    if not user.is_authenticated or user.role not in WRITER_ROLES:
        return None
    org = user.organisation
    return org if org is not None and org.kind == OrgKind.TOWNSHIP else None


def can_write(user: User, organisation_id: int, area: str | None = None) -> bool:
    """Whether the user may change records of this township — of the given area (fazhi/core/roles.py) if named."""
    from fazhi.core.roles import may_write

    org = writable_org(user)
    return org is not None and org.pk == organisation_id and may_write(user, area)


def can_write_record(user: User, obj: Model, area: str | None = "") -> bool:
    """Whether the user may change this record — the one "may write" check every page asks before offering a record's
    forms and buttons: own township, and an area the role handles (``area`` defaults to the record's app)."""
    from fazhi.core.roles import area_of_model

    return can_write(user, obj.organisation_id, area_of_model(type(obj)) if area == "" else area)


WRITER_REFUSED = "您的角色只能查看，不能登记或办理"


def require_writer(user: User, refusal: str = WRITER_REFUSED) -> Organisation:
    """The township this user registers records for, or 403 with ``refusal`` (county, admin, no township)."""
    org = writable_org(user)
    if org is None:
        raise PermissionDenied(refusal)
    return org


def scoped(queryset: QuerySet, user: User) -> QuerySet:
    return queryset.filter(organisation__in=readable_orgs(user))


def get_readable_or_404(queryset: QuerySet, user: User, pk) -> Model:
    try:
        return scoped(queryset, user).get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404("记录不存在或您无权查看")


def get_writable_or_404(queryset: QuerySet, user: User, pk, area: str | None = "") -> Model:
    """The record, if the user may change it: in scope (else 404), of their own township and of an area their role
    handles (else 403 naming the rule). ``area`` defaults to the record's app (fazhi/core/roles.py)."""
    from fazhi.core import roles

    obj = get_readable_or_404(queryset, user, pk)
    if not can_write(user, obj.organisation_id):
        raise PermissionDenied("您只能查看，不能修改本记录")
    roles.require_area(user, roles.area_of_model(queryset.model) if area == "" else area)
    return obj


def resolve_org(user: User, code: str | None) -> Organisation | None:
    """The organisation a page is about: the user's own, or one they may read chosen by code."""
    orgs = readable_orgs(user)
    if code:
        org = orgs.filter(code=code).first()
        if org is None:
            raise Http404("组织不存在或您无权查看")
        return org
    own = writable_org(user)
    if own is not None:
        return own
    return orgs.first() if orgs.count() == 1 else None
