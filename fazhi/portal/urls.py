from django.urls import path

from fazhi.enforcement.public import portal_page as enforcement_portal
from fazhi.portal import lawmaking, views
from fazhi.portal.cache import cached_page

urlpatterns = [
    path("", views.index, name="portal_index"),
    path("track/", views.track, name="portal_track"),
    path("<str:code>/", views.township_home, name="portal_township"),
    path("<str:code>/apply/", views.apply, name="portal_apply"),
    path("<str:code>/reports/<int:year>/", views.report, name="portal_report"),
    path("<str:code>/consultations/", lawmaking.consultations, name="portal_consultations"),
    path("<str:code>/consultations/<int:pk>/", lawmaking.consultation, name="portal_consultation"),
    path("<str:code>/documents/", lawmaking.documents, name="portal_documents"),
    path("<str:code>/decisions/", lawmaking.decisions, name="portal_decisions"),
    path("<str:code>/enforcement/", cached_page()(enforcement_portal), name="portal_enforcement"),
]
