from django.urls import path

from fazhi.decisions import views

urlpatterns = [
    path("", views.decision_list, name="decision_list"),
    path("new/", views.decision_create, name="decision_create"),
    path("catalogs/new/", views.catalog_create, name="decision_catalog_create"),
    path("catalogs/<int:pk>/", views.catalog_detail, name="decision_catalog"),
    path("<int:pk>/", views.decision_detail, name="decision_detail"),
    path("<int:pk>/drafting/", views.drafting, name="decision_drafting"),
    path("<int:pk>/participation/", views.participation_open, name="decision_participation"),
    path("<int:pk>/participation/done/", views.participation_done, name="decision_participation_done"),
    path("<int:pk>/expert/", views.expert, name="decision_expert"),
    path("<int:pk>/risk/", views.risk, name="decision_risk"),
    path("<int:pk>/skip/", views.skip, name="decision_skip"),
    path("<int:pk>/review/", views.review, name="decision_review"),
    path("<int:pk>/discussion/", views.discussion, name="decision_discussion"),
    path("<int:pk>/party-report/", views.party_report, name="decision_party_report"),
    path("<int:pk>/decide/", views.decide, name="decision_decide"),
    path("<int:pk>/publish/", views.publish, name="decision_publish"),
    path("<int:pk>/archive/", views.archive, name="decision_archive"),
    path("<int:pk>/evaluate/", views.evaluate, name="decision_evaluate"),
    path("<int:pk>/void/", views.void, name="decision_void"),
]
