"""Document numbers move to the one numbering service (fazhi/core/numbering.py): each series' counter continues
after the highest number it has issued, then the app's own counter table goes."""
from django.db import migrations
from django.db.models import Max


def series_key(series_id: int) -> str:
    return f"normative-{series_id}"


def move_counters(apps, schema_editor):
    from fazhi.core.numbering import continue_after

    for counter in apps.get_model("normative", "NumberCounter").objects.select_related("series"):
        continue_after(apps, counter.series.organisation_id, series_key(counter.series_id), counter.year, counter.last)
    issued = (apps.get_model("normative", "NormativeDocument").objects.filter(series__isnull=False, number__isnull=False)
              .values("series_id", "series__organisation_id", "number_year").annotate(highest=Max("number")))
    for row in issued:
        continue_after(apps, row["series__organisation_id"], series_key(row["series_id"]), row["number_year"],
                       row["highest"])


def restore_counters(apps, schema_editor):
    counters = apps.get_model("normative", "NumberCounter")
    for counter in apps.get_model("core", "NumberCounter").objects.filter(series__startswith="normative-"):
        counters.objects.update_or_create(series_id=int(counter.series.removeprefix("normative-")), year=counter.year,
                                          defaults={"last": counter.last})


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0007_doc_prefix_number_counter"),
        ("normative", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(move_counters, restore_counters),
        migrations.DeleteModel(name="NumberCounter"),
    ]
