from django.urls import path

from fazhi.indicators import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("compare/", views.compare, name="indicator_compare"),
    path("<slug:key>/records/", views.indicator_records, name="indicator_records"),
]
