"""Accent-insensitive search on every database, and quotation fragments kept apart.

- ``search_folded`` on statements (their text) and meetings (place and occasion): lower
  case, accents stripped, punctuation as spaces, written by the application on every
  save. SQLite has no ``unaccent``, so the statement search and the timeline's text
  filter match the folded query against this column; PostgreSQL's full-text document
  (migrations 0003 and 0009) stays as it is for the statement search.
- ``kind`` gains ``fragment``: a quotation of one or two words, a highlight of its
  article rather than a statement. Stored unreviewed direct statements of one or two
  words inside a narrated sentence become fragments here, as the extraction now
  stores them.

The folding is copied from ``diplomacy.leaders.models.normalize_name`` so that this
migration keeps doing what it did when the application changes.
"""

import re
import unicodedata

from django.db import migrations, models

BATCH = 2000
WORD = re.compile(r"[^\W_]+")
QUOTE_MARKS_AND_SPACES = "\"'“”„«»‚‘’‹›「」『』 \u00a0\u202f\t\n"


def fold(*texts: str) -> str:
    decomposed = unicodedata.normalize("NFKD", " ".join(t for t in texts if t))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in bare).split())


def _stands_alone(text: str, start: int) -> bool:
    """A short answer after a colon, a dash or a sentence's end is a statement, as in
    diplomacy.extraction.statement_cleanup.is_fragment."""
    before = text[:start].rstrip(QUOTE_MARKS_AND_SPACES)
    return not before or before[-1] in ":.!?—–\n"


def _fill(model, fields: tuple[str, ...]) -> None:
    last = 0
    while True:
        rows = list(model.objects.filter(pk__gt=last).order_by("pk").only("pk", *fields)[:BATCH])
        if not rows:
            return
        for row in rows:
            row.search_folded = fold(*(getattr(row, f) for f in fields))
        model.objects.bulk_update(rows, ["search_folded"])
        last = rows[-1].pk


def forward(apps, schema_editor):
    Statement = apps.get_model("meetings", "Statement")
    Meeting = apps.get_model("meetings", "Meeting")
    _fill(Statement, ("text",))
    _fill(Meeting, ("place", "occasion"))
    candidates = [
        (pk, article, start)
        for pk, text, edited, article, start in Statement.objects.filter(
            kind="direct", status="extracted"
        )
        .values_list("pk", "text", "edited_fields", "article_id", "start")
        .iterator(chunk_size=BATCH)
        if not edited and sum(1 for word in text.split() if WORD.search(word)) <= 2
    ]
    Article = apps.get_model("articles", "Article")
    texts = Article.objects.in_bulk({article for _, article, _ in candidates})
    short = [
        pk
        for pk, article, start in candidates
        if article in texts and not _stands_alone(texts[article].text, start)
    ]
    for start in range(0, len(short), BATCH):
        Statement.objects.filter(pk__in=short[start : start + BATCH]).update(kind="fragment")


def backward(apps, schema_editor):
    Statement = apps.get_model("meetings", "Statement")
    Statement.objects.filter(kind="fragment").update(kind="direct")


class Migration(migrations.Migration):
    dependencies = [("meetings", "0009_statement_search_document")]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="search_folded",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddField(
            model_name="statement",
            name="search_folded",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AlterField(
            model_name="historicalstatement",
            name="kind",
            field=models.CharField(
                choices=[("direct", "Direct"), ("indirect", "Indirect"), ("fragment", "Fragment")],
                max_length=8,
            ),
        ),
        migrations.AlterField(
            model_name="statement",
            name="kind",
            field=models.CharField(
                choices=[("direct", "Direct"), ("indirect", "Indirect"), ("fragment", "Fragment")],
                max_length=8,
            ),
        ),
        migrations.RunPython(forward, backward),
    ]
