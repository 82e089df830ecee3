"""Case numbers move to the one numbering service (fazhi/core/numbering.py): each case keeps its number and gets its
year and sequence (unique per township), and each township's counter continues after its highest case number."""
import re

from django.conf import settings
from django.db import migrations, models


NUMBER = re.compile(r"〔(\d{4})〕(\d+)号$")
SERIES = "penalty-case"


def number_the_cases(apps, schema_editor):
    from fazhi.core.numbering import continue_after

    cases = apps.get_model("enforcement", "PenaltyCase")
    seen, highest = set(), {}
    for case in cases.objects.order_by("id"):
        found = NUMBER.search(case.number or "")
        if not found:
            continue
        year, sequence = int(found.group(1)), int(found.group(2))
        if (case.organisation_id, year, sequence) in seen:
            continue  # never happens with numbers this product issued; such a case keeps its number unindexed
        seen.add((case.organisation_id, year, sequence))
        cases.objects.filter(pk=case.pk).update(number_year=year, number_sequence=sequence)
        key = (case.organisation_id, year)
        highest[key] = max(highest.get(key, 0), sequence)
    for (organisation_id, year), last in highest.items():
        continue_after(apps, organisation_id, SERIES, year, last)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0007_doc_prefix_number_counter'),
        ('enforcement', '0002_inspections'),
        ('reviews', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalpenaltycase',
            name='number_sequence',
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name='案号序号'),
        ),
        migrations.AddField(
            model_name='historicalpenaltycase',
            name='number_year',
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name='案号年度'),
        ),
        migrations.AddField(
            model_name='penaltycase',
            name='number_sequence',
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name='案号序号'),
        ),
        migrations.AddField(
            model_name='penaltycase',
            name='number_year',
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name='案号年度'),
        ),
        migrations.RunPython(number_the_cases, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='penaltycase',
            constraint=models.UniqueConstraint(fields=('organisation', 'number_year', 'number_sequence'), name='enforcement_case_sequence_unique'),
        ),
        migrations.AddConstraint(
            model_name='penaltycase',
            constraint=models.UniqueConstraint(condition=models.Q(('decision_number', ''), _negated=True), fields=('organisation', 'decision_number'), name='enforcement_decision_number_unique'),
        ),
    ]
