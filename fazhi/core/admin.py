from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.core.models import AuditEvent, CalendarDay, HolidayArrangement, Organisation, User

admin.site.site_header = "法治工作台 · 系统管理"
admin.site.site_title = "法治工作台"


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "parent", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("code", "name")

    def has_delete_permission(self, request, obj=None):
        return False  # organisations are deactivated, never deleted


@admin.register(User)
class FazhiUserAdmin(UserAdmin):
    list_display = ("username", "full_name", "organisation", "role", "is_active")
    list_filter = ("role", "organisation", "is_active")
    fieldsets = UserAdmin.fieldsets + (("法治工作台", {"fields": ("full_name", "organisation", "role")}),)
    add_fieldsets = UserAdmin.add_fieldsets + (("法治工作台", {"fields": ("full_name", "organisation", "role")}),)

    def has_delete_permission(self, request, obj=None):
        return False  # users are deactivated so their history keeps its author


class CalendarDayInline(admin.TabularInline):
    model = CalendarDay
    extra = 5


@admin.register(HolidayArrangement)
class HolidayArrangementAdmin(SimpleHistoryAdmin):
    list_display = ("year", "source", "published_on")
    inlines = [CalendarDayInline]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the security log is appended by the application, never edited."""

    list_display = ("at", "kind", "username", "ip", "path", "detail")
    list_filter = ("kind",)
    search_fields = ("username", "ip", "detail")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
