from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView

from fazhi.api import views
from fazhi.api.errors import api_not_found

urlpatterns = [
    path("ledgers/", views.LedgerIndex.as_view(), name="api_ledgers"),
    path("ledgers/<slug:slug>/", views.LedgerCollection.as_view(), name="api_ledger_records"),
    path("ledgers/<slug:slug>/<int:pk>/", views.LedgerItem.as_view(), name="api_ledger_record"),
    path("ledgers/<slug:slug>/<int:pk>/void/", views.LedgerVoid.as_view(), name="api_ledger_void"),
    path("indicators/", views.IndicatorValues.as_view(), name="api_indicators"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="api_schema"),
    re_path(r"^(?P<path>.*)$", api_not_found),  # any other /api/ address: JSON 404, not the HTML page
]
