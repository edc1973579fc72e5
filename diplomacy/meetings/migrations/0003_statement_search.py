"""Accent-insensitive full-text search over statements, on PostgreSQL.

A text search configuration `diplomacy` (the `simple` parser and dictionary after
`unaccent`, so no language's stemming favours another) and a GIN index on the
expression the statement search filters on. SQLite falls back to substring search.
"""

from django.db import migrations

FORWARD = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'diplomacy') THEN
    CREATE TEXT SEARCH CONFIGURATION diplomacy (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION diplomacy
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
  END IF;
END $$;
CREATE INDEX IF NOT EXISTS statement_text_search_idx ON meetings_statement
  USING gin (to_tsvector('diplomacy'::regconfig, COALESCE(text, ''::text)));
"""

BACKWARD = """
DROP INDEX IF EXISTS statement_text_search_idx;
DROP TEXT SEARCH CONFIGURATION IF EXISTS diplomacy;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0002_mentions_and_indexes")]

    operations = [migrations.RunPython(forward, backward)]
