from django.apps import AppConfig


class AdvisorsConfig(AppConfig):
    name = "fazhi.advisors"
    verbose_name = "法律顾问与法律援助"
