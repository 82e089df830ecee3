from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "fazhi.supervision"
    label = "supervision"
    verbose_name = "人大监督"
