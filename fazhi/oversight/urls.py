from django.urls import path

from fazhi.oversight.views import bundles, collection, compare, filing, imports

urlpatterns = [
    path("", collection.oversight_index, name="oversight_index"),
    path("compare/", compare.compare_page, name="oversight_compare"),
    path("compare.xlsx", compare.compare_xlsx, name="oversight_compare_xlsx"),
    path("summary.docx", compare.summary, name="oversight_summary"),
    path("imports/", imports.import_index, name="oversight_imports"),
    path("imports/<int:pk>/", imports.import_batch, name="oversight_import_batch"),
    path("imports/<int:pk>/progress.json", imports.import_batch_progress, name="oversight_import_progress"),
    path("imports/<int:pk>/process/", imports.import_batch_process, name="oversight_import_process"),
    path("bundles/", bundles.bundle_index, name="oversight_bundles"),
    path("bundles/<int:pk>/", bundles.bundle_detail, name="oversight_bundle"),
    path("bundles/<int:pk>/progress.json", bundles.bundle_progress_json, name="oversight_bundle_progress"),
    path("bundles/<int:pk>/process/", bundles.bundle_process, name="oversight_bundle_process"),
    path("bundles/<int:pk>/bundle.zip", bundles.bundle_download, name="oversight_bundle_download"),
    path("imported/", imports.imported_list, name="oversight_imported_list"),
    path("imported/<int:pk>/", imports.imported_report, name="oversight_imported_report"),
    path("imported/<int:pk>/void/", imports.imported_void, name="oversight_imported_void"),
    path("submissions/<int:pk>/", filing.submission_detail, name="oversight_submission"),
    path("submissions/<int:pk>/report.docx", filing.submission_docx, name="oversight_submission_docx"),
    path("submissions/<int:pk>/report.pdf", filing.submission_pdf, name="oversight_submission_pdf"),
    path("submissions/<int:pk>/return/", filing.submission_return, name="oversight_submission_return"),
    path("submissions/<int:pk>/accept/", filing.submission_accept, name="oversight_submission_accept"),
    path("submit/<str:code>/<int:year>/", filing.submit, name="oversight_submit"),
    path("publish/<str:code>/<int:year>/", filing.publish, name="oversight_publish"),
    path("notices/", filing.notices, name="oversight_notices"),
    path("notices/<int:pk>/read/", filing.notice_read, name="oversight_notice_read"),
]
