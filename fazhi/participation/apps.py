from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "fazhi.participation"
    label = "participation"
    verbose_name = "公众参与（征求意见）"
