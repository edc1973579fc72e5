"""The three roles, as Django groups with model permissions.

The same table serves the migration that creates the groups (with historical
models) and code that has to restore them (demo users, tests after a flush).
"""

ANALYST, EDITOR, ADMIN = "analyst", "editor", "admin"
ROLES = (ANALYST, EDITOR, ADMIN)

_READ = [
    ("leaders", "leader"),
    ("leaders", "alias"),
    ("leaders", "office"),
    ("articles", "article"),
    ("meetings", "meeting"),
    ("meetings", "participation"),
    ("meetings", "evidence"),
    ("meetings", "statement"),
]

_EDIT = [
    ("leaders", "add_leader"),
    ("leaders", "change_leader"),
    ("leaders", "add_alias"),
    ("leaders", "change_alias"),
    ("leaders", "delete_alias"),
    ("leaders", "add_office"),
    ("leaders", "change_office"),
    ("leaders", "delete_office"),
    ("meetings", "change_meeting"),
    ("meetings", "add_participation"),
    ("meetings", "change_participation"),
    ("meetings", "delete_participation"),
    ("meetings", "change_statement"),
]

_ADMIN_APPS = ("leaders", "articles", "meetings", "auth")


def role_permissions(permission_model) -> dict[str, list]:
    """Permission rows for each role, from whichever Permission model is given."""
    perms = permission_model.objects.select_related("content_type")
    by_key = {(p.content_type.app_label, p.codename): p for p in perms}
    read = [by_key[(app, f"view_{model}")] for app, model in _READ]
    edit = read + [by_key[key] for key in _EDIT]
    admin = [p for key, p in by_key.items() if key[0] in _ADMIN_APPS]
    return {ANALYST: read, EDITOR: edit, ADMIN: admin}


def sync_roles(group_model, permission_model) -> None:
    """Create the role groups if missing and set their permissions to the table above."""
    for name, perms in role_permissions(permission_model).items():
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.set(perms)


def ensure_roles() -> None:
    from django.contrib.auth.models import Group, Permission

    sync_roles(Group, Permission)


def role_of(user) -> str | None:
    """The strongest role a user holds, for display."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return ADMIN
    names = {g.name for g in user.groups.all()}
    for role in reversed(ROLES):
        if role in names:
            return role
    return None
