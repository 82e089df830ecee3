"""Dossier numbers move to the one numbering service (fazhi/core/numbering.py): each numbered case gets the year and
sequence of its number (unique per township), and each township's counter continues after its highest number."""
import re

from django.conf import settings
from django.db import migrations, models


NUMBER = re.compile(r"调字〔(\d{4})〕第(\d+)号$")
SERIES = "mediation-dossier"


def index_the_numbers(apps, schema_editor):
    from fazhi.core.numbering import continue_after

    cases = apps.get_model("disputes", "DisputeCase")
    seen, highest = set(), {}
    for case in cases.objects.exclude(dossier_no="").order_by("id"):
        found = NUMBER.search(case.dossier_no)
        if not found:
            continue
        year, sequence = int(found.group(1)), int(found.group(2))
        if (case.organisation_id, year, sequence) in seen:
            continue  # a number typed twice by hand stays as typed, unindexed
        seen.add((case.organisation_id, year, sequence))
        cases.objects.filter(pk=case.pk).update(dossier_year=year, dossier_sequence=sequence)
        key = (case.organisation_id, year)
        highest[key] = max(highest.get(key, 0), sequence)
    for (organisation_id, year), last in highest.items():
        continue_after(apps, organisation_id, SERIES, year, last)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0007_doc_prefix_number_counter'),
        ('disputes', '0002_agreements_committees_mediators'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='disputecase',
            name='dossier_sequence',
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name='卷宗号序号'),
        ),
        migrations.AddField(
            model_name='disputecase',
            name='dossier_year',
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name='卷宗号年度'),
        ),
        migrations.AddField(
            model_name='historicaldisputecase',
            name='dossier_sequence',
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name='卷宗号序号'),
        ),
        migrations.AddField(
            model_name='historicaldisputecase',
            name='dossier_year',
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name='卷宗号年度'),
        ),
        migrations.RunPython(index_the_numbers, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='disputecase',
            constraint=models.UniqueConstraint(fields=('organisation', 'dossier_year', 'dossier_sequence'), name='dispute_dossier_number_unique'),
        ),
    ]
