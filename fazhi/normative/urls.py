from django.urls import path

from fazhi.normative import views

urlpatterns = [
    path("", views.document_list, name="normative_list"),
    path("new/", views.document_create, name="normative_create"),
    path("settings/", views.settings_page, name="normative_settings"),
    path("<int:pk>/", views.document_detail, name="normative_detail"),
    path("<int:pk>/comment/", views.comment, name="normative_comment"),
    path("<int:pk>/review/", views.review, name="normative_review"),
    path("<int:pk>/deliberate/", views.deliberate, name="normative_deliberate"),
    path("<int:pk>/issue/", views.issue, name="normative_issue"),
    path("<int:pk>/publish/", views.publish, name="normative_publish"),
    path("<int:pk>/file/", views.file, name="normative_file"),
    path("<int:pk>/evaluate/", views.evaluate, name="normative_evaluate"),
    path("<int:pk>/repeal/", views.repeal, name="normative_repeal"),
    path("<int:pk>/void/", views.void, name="normative_void"),
]
