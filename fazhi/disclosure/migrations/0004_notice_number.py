"""Each notice generated for an application keeps the 发文字号 it was issued under (GB/T 9704-2012 7.2.4)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('disclosure', '0003_notices'),
    ]

    operations = [
        migrations.AddField(
            model_name='disclosurenotice',
            name='number',
            field=models.CharField(blank=True, max_length=40, verbose_name='发文字号'),
        ),
        migrations.AddField(
            model_name='disclosurenotice',
            name='number_year',
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name='发文年度'),
        ),
        migrations.AddField(
            model_name='disclosurenotice',
            name='number_sequence',
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name='发文顺序号'),
        ),
    ]
