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


# ---------------------------------------------------------------- what the admin may never do, in one place

# Annual reports are written and voided by the townships through the application (with their history and the
# county's versions); in the admin they are only shown.
READ_ONLY_IN_ADMIN = ("reports.AnnualReport",)
# Settings every deadline is computed from: changed (each change kept in history), never deleted.
NOT_DELETABLE_IN_ADMIN = ("core.HolidayArrangement", "normative.NormativeSettings", "oversight.CountyDeadlines")


class _ReadOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class _NotDeletable:
    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


def apply_admin_policy(site=admin.site) -> None:
    """Re-register the listed models' admins with the policy (and the change history), whoever wrote them."""
    from django.apps import apps

    for label, mixin in [*((l, _ReadOnly) for l in READ_ONLY_IN_ADMIN), *((l, _NotDeletable) for l in NOT_DELETABLE_IN_ADMIN)]:
        model = apps.get_model(label)
        current = site._registry.get(model)
        if current is None or isinstance(current, mixin):
            continue
        bases = (mixin, type(current)) if isinstance(current, SimpleHistoryAdmin) else (mixin, SimpleHistoryAdmin, type(current))
        site.unregister(model)
        site.register(model, type(f"Protected{type(current).__name__}", bases, {}))

