"""`fazhi review-queue --org CODE [--json]`: the open legality-review items with their due dates.

A county code lists every township of the county. JSON: a list of objects with id, organisation, kind,
title, submitted_by_unit, submitted_on, days_allowed, due_on, due_on_provisional, working_days_taken,
overdue, status, reviewer.
"""
from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.models import Organisation, OrgKind
from fazhi.reviews.selectors import open_queue, with_clock


class Command(BaseCommand):
    help = "列出待审查和审查中的合法性审查事项及其审查期限。"

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="乡镇（街道）编码；县级编码列出全县")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, org, json: bool = False, **options):
        organisation = Organisation.objects.filter(code=org).first()
        if organisation is None:
            raise CommandError(f"没有编码为 {org} 的组织")
        if organisation.kind == OrgKind.COUNTY:
            orgs = Organisation.objects.filter(parent=organisation, kind=OrgKind.TOWNSHIP)
        elif organisation.kind == OrgKind.TOWNSHIP:
            orgs = Organisation.objects.filter(pk=organisation.pk)
        else:
            raise CommandError("请填写乡镇（街道）或县级编码")
        rows = with_clock(open_queue(orgs))
        if json:
            self.stdout.write(_dumps([_as_json(r) for r in rows]))
            return
        if not rows:
            self.stdout.write(f"{organisation.name}没有待审查的事项。")
            return
        for r in rows:
            flag = "  已超期" if r.overdue else ""
            self.stdout.write(
                f"[{r.review.organisation.code}] {r.review.get_kind_display()}｜{r.review.title}｜送审 {r.review.submitted_on}"
                f"｜期限 {r.due.due}（{r.review.days_allowed}个工作日）｜{r.review.get_status_display()}{flag}"
            )


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _as_json(row) -> dict:
    r = row.review
    return {
        "id": r.pk, "organisation": r.organisation.code, "kind": r.kind, "title": r.title,
        "submitted_by_unit": r.submitted_by_unit, "submitted_on": r.submitted_on.isoformat(),
        "days_allowed": r.days_allowed, "due_on": row.due.due.isoformat(), "due_on_provisional": row.due.provisional,
        "working_days_taken": row.days_taken, "overdue": row.overdue, "status": r.status,
        "reviewer": str(r.reviewer) if r.reviewer_id else None,
    }
