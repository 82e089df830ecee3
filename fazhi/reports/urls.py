from django.urls import path

from fazhi.reports import downloads, views

urlpatterns = [
    path("", views.report_index, name="report_index"),
    path("view/<str:code>/<int:year>/", views.report_view, name="report_view"),
    path("view/<str:code>/<int:year>/report.docx", views.report_docx, name="report_docx"),
    path("view/<str:code>/<int:year>/report.pdf", downloads.report_pdf, name="report_pdf"),
    path("view/<str:code>/<int:year>/report.md", views.report_md, name="report_md"),
    path("edit/<str:code>/<int:year>/", views.report_edit, name="report_edit"),
    path("edit/<str:code>/<int:year>/preview/", views.report_preview, name="report_preview"),
    path("edit/<str:code>/<int:year>/suggestion/", views.report_suggestion, name="report_suggestion"),
]
