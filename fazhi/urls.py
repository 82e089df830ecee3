from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("fazhi.api.urls")),
    path("reports/", include("fazhi.reports.urls")),
    path("indicators/", include("fazhi.indicators.urls")),
    path("disclosure/", include("fazhi.disclosure.urls")),
    path("portal/", include("fazhi.portal.urls")),
    path("reviews/", include("fazhi.reviews.urls")),
    path("participation/", include("fazhi.participation.urls")),
    path("normative/", include("fazhi.normative.urls")),
    path("contracts/", include("fazhi.contracts.urls")),
    path("decisions/", include("fazhi.decisions.urls")),
    path("enforcement/", include("fazhi.enforcement.urls")),
    path("oversight/", include("fazhi.oversight.urls")),
    path("assessment/", include("fazhi.assessment.urls")),
    path("corrections/", include("fazhi.corrections.urls")),
    path("disputes/", include("fazhi.disputes.urls")),
    path("", include("fazhi.core.urls")),
]
handler404 = "fazhi.core.views.errors.not_found"
handler403 = "fazhi.core.views.errors.forbidden"
handler500 = "fazhi.core.views.errors.server_error"
handler400 = "fazhi.core.views.errors.bad_request"
