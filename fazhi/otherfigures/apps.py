from django.apps import AppConfig


class OtherFiguresConfig(AppConfig):
    name = "fazhi.otherfigures"
    label = "otherfigures"
    verbose_name = "其他数据"
