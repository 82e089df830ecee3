"""List the stored records whose numbers, years or dates are outside the bounds of fazhi/core/bounds.py.

Records entered before the bounds existed (e.g. a 受众 of 9223372036854775807 on SQLite, which made the county's
sums overflow) are found here so that their township can correct them through the usual form (history kept);
nothing is changed by this command. Exit status 1 when any is found.

    fazhi bounds-check [--json]
"""
from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from fazhi.core import bounds
from fazhi.core.ledgers import all_ledgers


class Command(BaseCommand):
    help = "列出数值、年度或日期超出合理范围的台账记录（不作修改）"

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        found = []
        for ledger in all_ledgers():
            for record in ledger.model.objects.select_related("organisation").iterator():
                try:
                    bounds.check_instance(record)
                except ValidationError as exc:
                    for field, messages in exc.message_dict.items():
                        found.append({"ledger": ledger.slug, "id": record.pk, "organisation": record.organisation.code,
                                      "field": field, "message": "；".join(messages)})
        if options["json"]:
            self.stdout.write(json.dumps(found, ensure_ascii=False, indent=2))
        else:
            for item in found:
                self.stdout.write(f"{item['organisation']} {item['ledger']} #{item['id']}：{item['message']}")
            self.stdout.write(f"共{len(found)}处超出合理范围" if found else "所有台账记录都在合理范围内")
        if found:
            raise SystemExit(1)
