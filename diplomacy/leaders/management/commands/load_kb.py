"""Load the knowledge base of leaders from the repository's data file into the database."""

from pathlib import Path

from django.core.management.base import BaseCommand

from diplomacy.leaders.kb import LEADERS_FILE, leaders_load_file


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=LEADERS_FILE)

    def handle(self, *args, file: Path, **options):
        created, updated = leaders_load_file(file)
        self.stdout.write(f"Knowledge base: {created} leaders created, {updated} updated.")
