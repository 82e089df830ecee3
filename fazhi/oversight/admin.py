from django.contrib import admin

from fazhi.oversight.models import CountyDeadlines


@admin.register(CountyDeadlines)
class CountyDeadlinesAdmin(admin.ModelAdmin):
    """A county's own dates for the township reports (LAW.md §1 defaults: 3月1日 to the county, 4月1日 public)."""

    list_display = ("county", "submit_month", "submit_day", "publish_month", "publish_day", "remind_days")
