"""Who may use the county pages: the county's 依法治县办 supervisor (the system admin may pick a county)."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from fazhi.core.models import Organisation, OrgKind, Role
from fazhi.oversight.filing import supervising_county


def county_for(request) -> Organisation:
    user = request.user
    county = supervising_county(user)
    if county is not None:
        return county
    if user.is_superuser or user.role == Role.ADMIN:
        counties = Organisation.objects.filter(kind=OrgKind.COUNTY).order_by("code")
        code = request.GET.get("county") or request.POST.get("county")
        chosen = counties.filter(code=code).first() if code else counties.first()
        if chosen is None:
            raise Http404("没有这个县")
        return chosen
    raise PermissionDenied("本功能供县依法治县办使用")


def county_object_or_404(queryset, county: Organisation, pk):
    """A county-owned record (an import, an imported report) of this county, else 404 — ids cannot be probed."""
    try:
        return queryset.get(pk=pk, **{"organisation" if hasattr(queryset.model, "organisation") else "county": county})
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404("记录不存在或您无权查看")
