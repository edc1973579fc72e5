"""Store article files and queue their extraction (run eagerly without a broker)."""

from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from diplomacy.articles import services
from diplomacy.articles.reading import UnreadableArticle, read_article


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--published", type=date.fromisoformat, default=None)

    def handle(self, *args, files: list[Path], published: date | None, **options):
        failed = 0
        for path in files:
            try:
                found = read_article(
                    path.name, path.read_bytes(), max_bytes=settings.ARTICLE_MAX_BYTES
                )
                article = services.article_create(
                    text=found.text,
                    title=found.title,
                    source=found.source,
                    url=found.url,
                    published=published or found.published,
                )
            except services.DuplicateArticle as duplicate:
                self.stdout.write(f"{path}: already stored as article {duplicate.existing.pk}")
                continue
            except (OSError, UnreadableArticle) as error:
                self.stderr.write(f"{path}: {error}")
                failed += 1
                continue
            article.refresh_from_db()
            self.stdout.write(f"{path}: article {article.pk}, {article.get_status_display()}")
        if failed:
            raise CommandError(f"{failed} of {len(files)} files could not be stored")
