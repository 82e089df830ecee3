from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "fazhi.portal"
    label = "portal"
    verbose_name = "公开门户"

    def ready(self):
        from fazhi.portal import cache

        cache.connect()  # public pages are invalidated by the records that feed them
