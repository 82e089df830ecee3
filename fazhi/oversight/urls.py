from django.urls import path

from fazhi.oversight.views import collection, compare, filing, imports

urlpatterns = [
    path("", collection.oversight_index, name="oversight_index"),
    path("compare/", compare.compare_page, name="oversight_compare"),
    path("compare.xlsx", compare.compare_xlsx, name="oversight_compare_xlsx"),
    path("summary.docx", compare.summary, name="oversight_summary"),
    path("imports/", imports.import_index, name="oversight_imports"),
    path("imports/<int:pk>/", imports.import_batch, name="oversight_import_batch"),
    path("imports/<int:pk>/progress.json", imports.import_batch_progress, name="oversight_import_progress"),
    path("imports/<int:pk>/process/", imports.import_batch_process, name="oversight_import_process"),
    path("imported/", imports.imported_list, name="oversight_imported_list"),
    path("imported/<int:pk>/", imports.imported_report, name="oversight_imported_report"),
    path("imported/<int:pk>/void/", imports.imported_void, name="oversight_imported_void"),
    path("submissions/<int:pk>/", filing.submission_detail, name="oversight_submission"),
    path("submissions/<int:pk>/report.docx", filing.submission_docx, name="oversight_submission_docx"),
    path("submissions/<int:pk>/return/", filing.submission_return, name="oversight_submission_return"),
    path("submissions/<int:pk>/accept/", filing.submission_accept, name="oversight_submission_accept"),
    path("submit/<str:code>/<int:year>/", filing.submit, name="oversight_submit"),
    path("publish/<str:code>/<int:year>/", filing.publish, name="oversight_publish"),
]
