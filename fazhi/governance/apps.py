from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "fazhi.governance"
    label = "governance"
    verbose_name = "组织领导"
