from django.urls import path

from fazhi.corrections import views

urlpatterns = [
    path("", views.corrections_index, name="corrections_index"),
    path("daily/", views.corrections_daily, name="corrections_daily"),
    path("export.xlsx", views.corrections_export, name="corrections_export"),
    path("access-log/", views.corrections_access_log, name="corrections_access_log"),
    path("new/", views.corrections_new, name="corrections_new"),
    path("<int:pk>/", views.corrections_person, name="corrections_person"),
    path("<int:pk>/edit/", views.corrections_edit, name="corrections_edit"),
    path("<int:pk>/contacts/", views.corrections_contact, name="corrections_contact"),
    path("<int:pk>/incidents/", views.corrections_incident, name="corrections_incident"),
    path("<int:pk>/void/", views.corrections_void, name="corrections_void"),
]
