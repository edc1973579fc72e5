"""Import visit and travel records (history.state.gov JSON Lines) as meetings."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from diplomacy.meetings.imports import import_records


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)

    def handle(self, *args, files: list[Path], **options):
        for path in files:
            if not path.exists():
                raise CommandError(f"{path}: no such file")
            self.stdout.write(f"{path}: {import_records(path)}")
