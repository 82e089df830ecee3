from django.apps import AppConfig


class LitigationConfig(AppConfig):
    name = "fazhi.litigation"
    verbose_name = "行政复议与行政诉讼"
