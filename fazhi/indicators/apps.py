from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "fazhi.indicators"
    label = "indicators"
    verbose_name = "指标"

    def ready(self) -> None:
        from fazhi.indicators import definitions  # noqa: F401  (registers every indicator, once the apps are loaded)
        from fazhi.indicators import signals

        signals.connect()
