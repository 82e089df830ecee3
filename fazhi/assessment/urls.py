from django.urls import path

from fazhi.assessment import views

urlpatterns = [
    path("<str:code>/<int:year>/", views.results, name="assessment_results"),
    path("<str:code>/<int:year>/results.xlsx", views.results_xlsx, name="assessment_results_xlsx"),
    path("<str:code>/<int:year>/score/", views.score_from_data, name="assessment_score_from_data"),
]
