"""Dossier numbers (卷宗号) of closed mediations, one series per township and year: 青山调字〔2025〕第001号.

人民调解法 Art. 27 asks the committee to keep each case's records as a dossier; the number is given when the
case is closed, in order, without gaps (the township row is locked while the next number is taken).
"""
from __future__ import annotations

import re

from django.db import transaction

from fazhi.core.models import Organisation

NUMBER = re.compile(r"第(\d+)号$")


def prefix(org: Organisation) -> str:
    name = org.name
    for suffix in ("街道办事处", "街道", "镇", "乡"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)][:4]
    return name[:2]


def next_dossier_number(org: Organisation, year: int) -> str:
    from fazhi.disputes.models import DisputeCase

    with transaction.atomic():
        Organisation.objects.select_for_update().filter(pk=org.pk).first()
        head = f"{prefix(org)}调字〔{year}〕第"
        taken = DisputeCase.objects.filter(organisation=org, dossier_no__startswith=head).values_list("dossier_no", flat=True)
        numbers = [int(m.group(1)) for m in (NUMBER.search(n) for n in taken) if m]
        return f"{head}{max(numbers, default=0) + 1:03d}号"
