"""Print what the engine extracts from article files, one JSON object per line.

The output follows the evaluation contract (SCHEMA.md beside the shared corpus).
With --explain, print instead why: for each file the meetings found, then every meeting
word (its parties and why each leader is or is not one, modality and cue, date and
where it came from, place and cue, the decision) and every quotation's speaker rule.
The knowledge base comes from the database; an empty embedded database is
migrated and loaded first, so the command works on a fresh checkout.
"""

import json
import sys
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from diplomacy.articles.reading import UnreadableArticle, looks_like_html, read_article
from diplomacy.extraction import extract, to_schema
from diplomacy.extraction.trace import render
from diplomacy.leaders.kb import knowledge_base_from_db
from diplomacy.leaders.models import Leader


class Command(BaseCommand):
    help = __doc__
    # Runs offline on the embedded database, with no SECRET_KEY needed.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--published", type=date.fromisoformat, default=None)
        parser.add_argument(
            "--explain", action="store_true", help="print why each meeting and speaker was found"
        )

    def handle(self, *args, files: list[Path], published: date | None, explain: bool, **options):
        self._ensure_knowledge_base()
        kb = knowledge_base_from_db()
        failed = 0
        for path in files:
            try:
                data = path.read_bytes()
                if looks_like_html(path.name, data[:4096].decode("utf-8", "replace")):
                    found = read_article(path.name, data, max_bytes=settings.ARTICLE_MAX_BYTES)
                    text, day = found.text, published or found.published
                else:
                    text, day = data.decode("utf-8-sig"), published
            except (OSError, UnicodeDecodeError, UnreadableArticle) as error:
                self.stderr.write(f"{path}: {error}")
                failed += 1
                continue
            result = extract(text, day, kb, trace=explain)
            if explain:
                self.stdout.write(f"== {path}\n{render(result.trace, result)}\n")
            else:
                self.stdout.write(json.dumps(to_schema(result, str(path)), ensure_ascii=False))
        if failed:
            raise CommandError(f"{failed} of {len(files)} files could not be read")

    def _ensure_knowledge_base(self) -> None:
        try:
            empty = not Leader.objects.exists()
        except DatabaseError:
            empty = True
        if empty:
            self.stderr.write("The database has no knowledge base yet: migrating and loading it.")
            call_command("migrate", verbosity=0, stdout=sys.stderr)
            call_command("load_kb", stdout=sys.stderr)
