from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "fazhi.assessment"
    label = "assessment"
    verbose_name = "目标管理考核"
