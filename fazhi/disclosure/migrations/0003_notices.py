"""The notices generated for an application (补正告知书, 延期答复告知书, 征求第三方意见函, 答复书), kept as sent."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0007_doc_prefix_number_counter'),
        ('disclosure', '0002_numbering_in_core'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='DisclosureNotice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('correction', '补正告知书'), ('extension', '延期答复告知书'), ('third-party', '征求第三方意见函'), ('reply', '政府信息公开申请答复书')], max_length=16, verbose_name='文书')),
                ('text_sha256', models.CharField(max_length=64, verbose_name='正文校验值')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='生成时间')),
                ('attachment', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.attachment', verbose_name='文件')),
                ('consultation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='disclosure.consultation', verbose_name='征求意见')),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='生成人')),
                ('request', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='notices', to='disclosure.disclosurerequest', verbose_name='申请')),
            ],
            options={
                'verbose_name': '依申请公开文书',
                'verbose_name_plural': '依申请公开文书',
                'ordering': ['created_at', 'id'],
            },
        ),
    ]
