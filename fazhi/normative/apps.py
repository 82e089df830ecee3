from django.apps import AppConfig


class NormativeConfig(AppConfig):
    name = "fazhi.normative"
    label = "normative"
    verbose_name = "行政规范性文件"
