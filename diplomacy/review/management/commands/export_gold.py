"""Write the articles editors have reviewed as annotated articles for score.py.

For each reviewed article, OUTDIR/article-ID.txt (its text, with its publication date as
the leading `date YYYY-MM-DD` marker) and OUTDIR/article-ID.json (its annotation in the
format of eval/SCHEMA.md), so that

    python ../shared/eval/score.py --gold OUTDIR --cmd "python manage.py extract"

scores the engine on editors' corrections. Gold: an article is exported when editors have
reviewed (verified, corrected or rejected) every one of its meetings and statements; with
--partial, when they reviewed at least one, the others taken as the engine stored them.
Its meetings are those not rejected, as editors left them; a rejected meeting's pairs of
participants become `non_meetings` (traps) unless a kept meeting holds them; rejected
statements are left out. See diplomacy/review/gold.py and README (Editors).
"""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from diplomacy.review.gold import OutputNotEmpty, gold_write, reviewed_articles


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("outdir", type=Path, help="folder to write NAME.txt and NAME.json")
        parser.add_argument(
            "--since", type=date.fromisoformat, default=None,
            help="only articles published on or after this date (YYYY-MM-DD)",
        )  # fmt: skip
        parser.add_argument("--language", default="", help="only articles in this language")
        parser.add_argument(
            "--partial", action="store_true",
            help="also articles only some of whose records were reviewed",
        )  # fmt: skip

    def handle(self, *args, outdir: Path, since, language: str, partial: bool, **options):
        found = reviewed_articles(partial=partial, since=since, language=language)
        try:
            counts = gold_write(found, outdir)
        except OutputNotEmpty as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Wrote {counts['articles']} reviewed articles ({counts['complete']} fully "
            f"reviewed) to {outdir}: {counts['meetings']} meetings, "
            f"{counts['non_meetings']} non-meetings, {counts['statements']} statements."
        )
        if not counts["articles"]:
            hint = "" if partial else " (--partial takes partly reviewed ones too)"
            self.stderr.write(f"No reviewed article matched{hint}.")
