
import django.db.models.deletion
from django.db import migrations, models


def name_the_townships(apps, schema_editor):
    """Each existing township gets the 机关代字 its mediation dossier numbers already used (青山镇 → 青山)."""
    from fazhi.core.models import prefix_from_name

    Organisation = apps.get_model("core", "Organisation")
    for org in Organisation.objects.filter(kind="township", doc_prefix=""):
        org.doc_prefix = prefix_from_name(org.name)
        org.save(update_fields=["doc_prefix"])


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0006_settings_history'),
    ]

    operations = [
        migrations.AddField(
            model_name='organisation',
            name='doc_prefix',
            field=models.CharField(blank=True, help_text='对外文书编号使用的机关代字，如“青山”（案号“青山罚〔2026〕8号”、卷宗号“青山调字〔2026〕第001号”）；留空时取名称去掉“镇”“乡”“街道”', max_length=20, verbose_name='机关代字'),
        ),
        migrations.CreateModel(
            name='NumberCounter',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('series', models.CharField(max_length=40, verbose_name='编号系列')),
                ('year', models.PositiveIntegerField(verbose_name='年度')),
                ('last', models.PositiveIntegerField(default=0, verbose_name='已用到')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.organisation')),
            ],
            options={
                'verbose_name': '编号计数器',
                'verbose_name_plural': '编号计数器',
                'constraints': [models.UniqueConstraint(fields=('organisation', 'series', 'year'), name='number_counter_unique')],
            },
        ),
        migrations.RunPython(name_the_townships, migrations.RunPython.noop),
    ]
