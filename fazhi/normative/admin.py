from django.contrib import admin

from fazhi.normative.models import DocumentSeries, NormativeSettings


@admin.register(NormativeSettings)
class NormativeSettingsAdmin(admin.ModelAdmin):
    list_display = ("organisation", "filing_days", "filing_body", "comment_min_days", "validity_years", "cleanup_interval_years")


@admin.register(DocumentSeries)
class DocumentSeriesAdmin(admin.ModelAdmin):
    list_display = ("prefix", "organisation", "name", "is_active")
    list_filter = ("is_active",)

    def has_delete_permission(self, request, obj=None):
        return False  # a series with numbers issued is retired (在用 off), never deleted
