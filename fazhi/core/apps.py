from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "fazhi.core"
    label = "core"
    verbose_name = "基础：组织、用户与日历"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("ledgers")
        from fazhi.core import audit  # noqa: F401  (connects the login/logout signal receivers)
