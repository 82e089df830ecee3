from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "fazhi.oversight"
    verbose_name = "县级监督（年度报告收集、导入、审查、比较）"
