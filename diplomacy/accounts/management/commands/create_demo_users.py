"""Create one demo user per role with a fresh random password and print the credentials."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from diplomacy.accounts.roles import ADMIN, ROLES, ensure_roles


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        ensure_roles()
        user_model = get_user_model()
        self.stdout.write("Demo users (passwords are new each time this runs):")
        for role in ROLES:
            password = secrets.token_urlsafe(12)
            user, _ = user_model.objects.get_or_create(username=role)
            user.set_password(password)
            user.is_staff = role == ADMIN
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            self.stdout.write(f"  {role:8} username: {role:8} password: {password}")
