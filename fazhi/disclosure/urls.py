from django.urls import path

from fazhi.disclosure.views import office, requests

urlpatterns = [
    path("", office.dashboard, name="disclosure_dashboard"),
    path("reminders/<int:pk>/read/", office.reminder_read, name="disclosure_reminder_read"),
    path("guide/", office.guide_edit, name="disclosure_guide"),
    path("requests/", requests.request_list, name="disclosure_request_list"),
    path("requests/new/", requests.request_register, name="disclosure_request_register"),
    path("requests/<int:pk>/", requests.request_detail, name="disclosure_request_detail"),
    path("requests/<int:pk>/assign/", requests.request_assign, name="disclosure_request_assign"),
    path("requests/<int:pk>/correction/", requests.request_correction, name="disclosure_request_correction"),
    path("requests/<int:pk>/correction-received/", requests.request_correction_received,
         name="disclosure_request_correction_received"),
    path("requests/<int:pk>/consultation/", requests.request_consultation, name="disclosure_request_consultation"),
    path("requests/<int:pk>/consultation/<int:consultation_pk>/end/", requests.request_consultation_end,
         name="disclosure_request_consultation_end"),
    path("requests/<int:pk>/extension/", requests.request_extension, name="disclosure_request_extension"),
    path("requests/<int:pk>/reply/", requests.request_reply, name="disclosure_request_reply"),
    path("requests/<int:pk>/void/", requests.request_void, name="disclosure_request_void"),
    path("requests/<int:pk>/notices/<slug:kind>.docx", requests.request_notice, name="disclosure_request_notice"),
    path("reports/", office.report_index, name="disclosure_report_index"),
    path("reports/<str:code>/<int:year>/", office.report_view, name="disclosure_report_view"),
    path("reports/<str:code>/<int:year>/edit/", office.report_edit, name="disclosure_report_edit"),
    path("reports/<str:code>/<int:year>/report.docx", office.report_docx, name="disclosure_report_docx"),
    path("reports/<str:code>/<int:year>/report.pdf", office.report_pdf, name="disclosure_report_pdf"),
    path("reports/<str:code>/<int:year>/report.xlsx", office.report_xlsx, name="disclosure_report_xlsx"),
    path("reports/<str:code>/<int:year>/report.json", office.report_json, name="disclosure_report_json"),
]
