from django.contrib import admin

from fazhi.oversight.models import CountyDeadlines, ReportBundle


@admin.register(CountyDeadlines)
class CountyDeadlinesAdmin(admin.ModelAdmin):
    """A county's own dates for the township reports (LAW.md §1 defaults: 3月1日 to the county, 4月1日 public)."""

    list_display = ("county", "submit_month", "submit_day", "publish_month", "publish_day", "remind_days")


@admin.register(ReportBundle)
class ReportBundleAdmin(admin.ModelAdmin):
    """The counties' bundles of annual reports: read-only here, and never deleted (the archive's trail)."""

    list_display = ("county", "year", "status", "done", "total", "requested_by", "created_at", "finished_at")
    list_filter = ("status", "year")
    readonly_fields = [f.name for f in ReportBundle._meta.fields]

    def has_add_permission(self, request):
        return False  # asked for on the county's page (打包下载全县年度报告)

    def has_delete_permission(self, request, obj=None):
        return False
