"""行政执法公示 on the public portal (行政处罚法第三十九条、第四十八条; 国办发〔2018〕118号): the enforcement body, its
officers with their certificate numbers, the enforcement item list, and the penalty decisions published and not
withdrawn — a citizen party's name masked, no identity number, address or phone ever shown."""
from __future__ import annotations

import datetime as dt

from django.shortcuts import render
from django.utils import timezone

from fazhi.core.masking import mask_name
from fazhi.core.models import Organisation, OrgKind
from fazhi.enforcement.choices import OfficerKind, PartyKind, PenaltyKind
from fazhi.enforcement.models import EnforcementItem, Officer, PenaltyCase


def published_decisions(organisation, today: dt.date):
    return PenaltyCase.objects.active().filter(
        organisation=organisation, published_on__isnull=False, published_on__lte=today, withdrawn_on__isnull=True,
    ).order_by("-published_on", "-id")


def public_row(case: PenaltyCase) -> dict:
    party = mask_name(case.party_name) if case.party_kind == PartyKind.CITIZEN else case.party_name
    return {
        "number": case.decision_number, "party": party, "party_kind": case.get_party_kind_display(),
        "violation": case.alleged_violation, "basis": case.decision_basis,
        "penalty": "、".join(PenaltyKind(k).label for k in case.kinds()) + (f" {case.fine_amount}元" if case.fine_amount else ""),
        "decided_on": case.decided_on, "published_on": case.published_on, "organ": case.organ_name,
    }


def certified_officers(organisation, today: dt.date) -> list[tuple[Officer, str]]:
    out = []
    for officer in Officer.objects.active().filter(organisation=organisation, kind=OfficerKind.OFFICER, active=True).order_by("name"):
        cert = officer.certificate_on(today)
        if cert is not None:
            out.append((officer, cert.number))
    return out


def portal_page(request, code: str):
    from django.http import Http404

    org = Organisation.objects.filter(code=code, kind=OrgKind.TOWNSHIP, is_active=True).first()
    if org is None:
        raise Http404("没有这个乡镇（街道）")
    today = timezone.localdate()
    units = sorted(set(Officer.objects.active().filter(organisation=org).values_list("unit", flat=True)))
    return render(request, "enforcement/portal.html", {
        "org": org, "decisions": [public_row(c) for c in published_decisions(org, today)[:200]],
        "officers": certified_officers(org, today), "items": EnforcementItem.objects.active().filter(organisation=org),
        "units": units,
    })
