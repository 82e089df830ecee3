from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page of each role (待办 and the figures that matter) and the sidebar (issue 21)."""

    name = "fazhi.home"
    label = "home"
    verbose_name = "首页"

    def ready(self) -> None:
        from fazhi.core import todo
        from fazhi.home import figures, sources

        sources.register_all()
        todo.register_figures(figures.role_figures)
