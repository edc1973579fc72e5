"""Load the demo data shipped in data/: the Office of the Historian's visit and travel
records and the example articles, so that a fresh install shows meetings.

Running it again changes nothing: records already imported and articles already stored
are skipped. `make run` calls it after load_kb.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from diplomacy.articles import services
from diplomacy.articles.reading import UnreadableArticle, read_article
from diplomacy.leaders.kb import leaders_load_file
from diplomacy.leaders.models import Leader
from diplomacy.meetings.imports import import_records

DEMO_DIR = Path(settings.BASE_DIR) / "data"
RECORD_FILES = ("visits_us.jsonl", "travels_us.jsonl")


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument(
            "--data", type=Path, default=DEMO_DIR, help="a folder laid out like data/"
        )

    def handle(self, *args, data: Path, **options):
        if not data.is_dir():
            raise CommandError(f"{data}: no such folder")
        # The importer resolves people against the knowledge base; without it every
        # visitor would become an unverified person.
        if not Leader.objects.exclude(key=None).exists():
            created, _ = leaders_load_file()
            self.stdout.write(f"Knowledge base: {created} leaders created.")
        for name in RECORD_FILES:
            path = data / name
            if path.exists():
                self.stdout.write(f"{name}: {import_records(path)}")
        self.load_articles(sorted((data / "articles").glob("*.txt")))

    def load_articles(self, paths: list[Path]) -> None:
        stored = skipped = 0
        for path in paths:
            try:
                found = read_article(
                    path.name, path.read_bytes(), max_bytes=settings.ARTICLE_MAX_BYTES
                )
                services.article_create(text=found.text, title=found.title)
                stored += 1
            except services.DuplicateArticle:
                skipped += 1
            except (OSError, UnreadableArticle) as error:
                raise CommandError(f"{path}: {error}") from None
        self.stdout.write(f"Example articles: {stored} stored, {skipped} stored before.")
