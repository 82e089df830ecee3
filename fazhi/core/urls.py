from django.contrib.auth import views as auth_views
from django.urls import path

from fazhi.core.views import attachments, health, home, ledgers
from fazhi.core.views.auth import LoginView

urlpatterns = [
    path("", home.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("ping", health.ping, name="ping"),
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("ledgers/<slug:slug>/", ledgers.ledger_list, name="ledger_list"),
    path("ledgers/<slug:slug>/new/", ledgers.ledger_create, name="ledger_create"),
    path("ledgers/<slug:slug>/export.xlsx", ledgers.ledger_export, name="ledger_export"),
    path("ledgers/<slug:slug>/template.xlsx", ledgers.ledger_template, name="ledger_template"),
    path("ledgers/<slug:slug>/import/", ledgers.ledger_import, name="ledger_import"),
    path("ledgers/<slug:slug>/<int:pk>/", ledgers.ledger_detail, name="ledger_detail"),
    path("ledgers/<slug:slug>/<int:pk>/edit/", ledgers.ledger_edit, name="ledger_edit"),
    path("ledgers/<slug:slug>/<int:pk>/void/", ledgers.ledger_void, name="ledger_void"),
    path("attachments/<int:content_type_id>/<int:object_id>/upload/", attachments.upload, name="attachment_upload"),
    path("attachments/<int:pk>/", attachments.download, name="attachment_download"),
]
