"""Tracking numbers move to the one numbering service (fazhi/core/numbering.py): each township's counter continues
after the highest number it has issued, then the app's own counter table goes."""
from django.db import migrations
from django.db.models import Max

SERIES = "disclosure-request"


def move_counters(apps, schema_editor):
    from fazhi.core.numbering import continue_after

    for counter in apps.get_model("disclosure", "TrackingCounter").objects.all():
        continue_after(apps, counter.organisation_id, SERIES, counter.year, counter.last)
    issued = (apps.get_model("disclosure", "DisclosureRequest").objects
              .values("organisation_id", "year").annotate(highest=Max("sequence")))
    for row in issued:
        continue_after(apps, row["organisation_id"], SERIES, row["year"], row["highest"])


def restore_counters(apps, schema_editor):
    tracking = apps.get_model("disclosure", "TrackingCounter")
    for counter in apps.get_model("core", "NumberCounter").objects.filter(series=SERIES):
        tracking.objects.update_or_create(organisation_id=counter.organisation_id, year=counter.year,
                                          defaults={"last": counter.last})


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0007_doc_prefix_number_counter"),
        ("disclosure", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(move_counters, restore_counters),
        migrations.DeleteModel(name="TrackingCounter"),
    ]
