from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView

from fazhi.api import decisions, disclosure, public, rulemaking, views
from fazhi.api.errors import api_not_found
from fazhi.enforcement import api as enforcement_api

urlpatterns = [
    path("ledgers/", views.LedgerIndex.as_view(), name="api_ledgers"),
    path("ledgers/<slug:slug>/", views.LedgerCollection.as_view(), name="api_ledger_records"),
    path("ledgers/<slug:slug>/<int:pk>/", views.LedgerItem.as_view(), name="api_ledger_record"),
    path("ledgers/<slug:slug>/<int:pk>/void/", views.LedgerVoid.as_view(), name="api_ledger_void"),
    path("indicators/", views.IndicatorValues.as_view(), name="api_indicators"),
    path("disclosure-requests/", disclosure.DisclosureRequests.as_view(), name="api_disclosure_requests"),
    path("disclosure-requests/<int:pk>/", disclosure.DisclosureRequestItem.as_view(), name="api_disclosure_request"),
    path("reviews/", rulemaking.Reviews.as_view(), name="api_reviews"),
    path("reviews/<int:pk>/", rulemaking.ReviewItem.as_view(), name="api_review"),
    path("reviews/<int:pk>/take/", rulemaking.ReviewTake.as_view(), name="api_review_take"),
    path("reviews/<int:pk>/conclude/", rulemaking.ReviewConclude.as_view(), name="api_review_conclude"),
    path("decisions/", decisions.Decisions.as_view(), name="api_decisions"),
    path("decisions/<int:pk>/", decisions.DecisionItem.as_view(), name="api_decision"),
    path("enforcement/cases/", enforcement_api.PenaltyCases.as_view(), name="api_enforcement_cases"),
    path("enforcement/cases/<int:pk>/", enforcement_api.PenaltyCaseItem.as_view(), name="api_enforcement_case"),
    path("enforcement/officers/", enforcement_api.Officers.as_view(), name="api_enforcement_officers"),
    path("normative-documents/", rulemaking.NormativeDocuments.as_view(), name="api_normative_documents"),
    path("normative-documents/<int:pk>/", rulemaking.NormativeDocumentItem.as_view(), name="api_normative_document"),
    path("public/disclosure-requests", public.PublicApplications.as_view(), name="api_public_requests"),
    path("public/disclosure-requests/", public.PublicApplicationsSlash.as_view()),
    path("public/disclosure-requests/<str:tracking_number>", public.PublicApplicationStatus.as_view(),
         name="api_public_request_status"),
    path("public/disclosure-requests/<str:tracking_number>/", public.PublicApplicationStatusSlash.as_view()),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="api_schema"),
    re_path(r"^(?P<path>[\s\S]*)$", api_not_found),  # any other /api/ address (an encoded newline too): JSON 404
]
