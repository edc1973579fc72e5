"""Users and groups in the Django admin, for the `admin` role.

The admin role manages users: it creates them, resets their passwords and gives them a
role (a group). It must not be able to raise anyone above that, itself included, so for
anyone but a superuser:

- the superuser flag and per-user permissions are read-only (roles are groups);
- a user's own groups and staff flag are read-only (no one promotes themselves);
- superusers cannot be changed or deleted (their password included: that would be a
  way into the account);
- the role groups and their permissions are read-only (they come from
  accounts/roles.py, through a migration).
"""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User


def _is_superuser(request) -> bool:
    return request.user.is_active and request.user.is_superuser


class RoleLimitedUserAdmin(UserAdmin):
    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if _is_superuser(request):
            return fields
        fields += ["is_superuser", "user_permissions"]
        if obj is not None and obj.pk == request.user.pk:
            fields += ["groups", "is_staff", "is_active"]
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not _is_superuser(request):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not _is_superuser(request):
            return False
        return super().has_delete_permission(request, obj)


class RoleLimitedGroupAdmin(GroupAdmin):
    def has_add_permission(self, request):
        return _is_superuser(request)

    def has_change_permission(self, request, obj=None):
        return _is_superuser(request)

    def has_delete_permission(self, request, obj=None):
        return _is_superuser(request)


admin.site.unregister(User)
admin.site.register(User, RoleLimitedUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, RoleLimitedGroupAdmin)
