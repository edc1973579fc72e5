"""Queue every article for extraction again, or with --dry-run only show what it would do.

Before anything is overwritten: on the articles editors have reviewed (the gold of
`manage.py export_gold`), the figures of the records as the engine stored them and of the
current engine, and each article that would gain or lose matches. --dry-run prints that
and writes nothing; without it, the same is printed and then every finished article is
queued again (as the Articles page's button does; editors' corrections are kept).
"""

from datetime import date

from django.core.management.base import BaseCommand

from diplomacy.articles.services import articles_reextract_all
from diplomacy.review.gold import reviewed_articles
from diplomacy.review.quality import reextract_preview

FIGURES = ("meetings_p", "meetings_r", "meetings_f1", "statements_p", "statements_r")


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="only show the effect; write nothing"
        )
        parser.add_argument("--partial", action="store_true",
                            help="also partly reviewed articles")  # fmt: skip
        parser.add_argument("--since", type=date.fromisoformat, default=None)
        parser.add_argument("--language", default="")

    def handle(self, *args, dry_run: bool, partial: bool, since, language: str, **options):
        found = reviewed_articles(partial=partial, since=since, language=language)
        preview = reextract_preview(found)
        out = self.stdout.write
        out(f"Engine {preview.version}, on {preview.engine.articles} reviewed articles:")
        for group in (preview.stored, preview.engine):
            figures = group.figures
            out(f"  {group.label:16} " + "  ".join(f"{k} {figures[k]:.3f}" for k in FIGURES))
        for title, changes in (("Would lose", preview.losses), ("Would gain", preview.gains)):
            out(f"{title}: {len(changes)} articles")
            for c in changes:
                out(
                    f"  article {c.article.pk} [{c.article.language}] {c.article}: meetings "
                    f"{c.meetings[0]}->{c.meetings[1]}/{c.meetings_gold} (spurious "
                    f"{c.meetings_spurious[0]}->{c.meetings_spurious[1]}), quotes "
                    f"{c.quotes[0]}->{c.quotes[1]}/{c.quotes_gold} (spurious "
                    f"{c.quotes_spurious[0]}->{c.quotes_spurious[1]})"
                )
                for line in c.diff:
                    out(f"    {line.strip()}")
        if dry_run:
            out("Dry run: nothing was written.")
            return
        out(f"{articles_reextract_all()} articles queued for extraction again.")
