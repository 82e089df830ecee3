from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "fazhi.core"
    label = "core"
    verbose_name = "基础：组织、用户与日历"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from fazhi.core import text

        text.install()  # one text rule for every form field (fazhi/core/text.py)

        autodiscover_modules("ledgers")
        from fazhi.core import audit, sessions  # noqa: F401  (connect the login/logout signal receivers)
        from fazhi.core.admin import apply_admin_policy

        apply_admin_policy()  # after every app's admin module (the admin app is ready before this one)
