"""Import visit and travel records (history.state.gov JSON Lines) as meetings.

Prints what each file gave and what could not be resolved, by reason, with the
first examples of each.
"""

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
            result = import_records(path)
            self.stdout.write(f"{path}: {result}")
            self.stdout.write(result.report())
