from django.urls import path

from fazhi.portal import views

urlpatterns = [
    path("", views.index, name="portal_index"),
    path("track/", views.track, name="portal_track"),
    path("<str:code>/", views.township_home, name="portal_township"),
    path("<str:code>/apply/", views.apply, name="portal_apply"),
    path("<str:code>/reports/<int:year>/", views.report, name="portal_report"),
]
