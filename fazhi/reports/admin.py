from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.reports.models import AnnualReport


@admin.register(AnnualReport)
class AnnualReportAdmin(SimpleHistoryAdmin):
    list_display = ("title", "organisation", "year", "dated", "updated_at", "voided_at")
    list_filter = ("year", "organisation")
    search_fields = ("title", "organisation__name")
    readonly_fields = ("created_at", "updated_at", "created_by")

    def has_delete_permission(self, request, obj=None):
        return False  # government records are voided, never deleted
