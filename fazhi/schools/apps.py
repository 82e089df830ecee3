from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "fazhi.schools"
    label = "schools"
    verbose_name = "法治副校长"
