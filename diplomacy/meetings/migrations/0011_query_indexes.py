"""Indexes that serve the analyst pages whatever their parameters (issue 16).

- ``participant_countries`` on meetings (" FR RU "): the participants' countries, so that
  the country filter reads one column instead of scanning every participation; filled
  here for the meetings already stored, kept in step by
  ``meetings.services.participants_changed``.
- PostgreSQL only: the pg_trgm extension and trigram GIN indexes on that column and on
  ``search_folded`` (place and occasion), so that ``LIKE '%word%'`` (the timeline's
  ``?q=``) and ``LIKE '% FR %'`` (the country filter) are index lookups. SQLite has no
  such index and keeps working with the same lookups.
"""

from django.db import migrations, models

FILL_POSTGRESQL = """
UPDATE meetings_meeting AS m SET participant_countries = ' ' || found.countries || ' '
FROM (
  SELECT p.meeting_id, string_agg(DISTINCT l.country, ' ' ORDER BY l.country) AS countries
  FROM meetings_participation p JOIN leaders_leader l ON l.id = p.leader_id
  WHERE l.country <> ''
  GROUP BY p.meeting_id
) AS found
WHERE found.meeting_id = m.id
"""

INDEXES = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS meeting_countries_trgm_idx ON meetings_meeting
  USING gin (participant_countries gin_trgm_ops);
CREATE INDEX IF NOT EXISTS meeting_search_trgm_idx ON meetings_meeting
  USING gin (search_folded gin_trgm_ops);
CREATE INDEX IF NOT EXISTS statement_fragment_idx ON meetings_statement
  (said_on DESC NULLS LAST, id DESC) WHERE kind = 'fragment';
"""

DROP_INDEXES = """
DROP INDEX IF EXISTS meeting_countries_trgm_idx;
DROP INDEX IF EXISTS meeting_search_trgm_idx;
DROP INDEX IF EXISTS statement_fragment_idx;
"""


def fill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FILL_POSTGRESQL)
        return
    Meeting = apps.get_model("meetings", "Meeting")
    Participation = apps.get_model("meetings", "Participation")
    countries: dict[int, set[str]] = {}
    for meeting_id, country in Participation.objects.values_list(
        "meeting_id", "leader__country"
    ).iterator(chunk_size=5000):
        if country:
            countries.setdefault(meeting_id, set()).add(country)
    changed = []
    for meeting in Meeting.objects.filter(pk__in=list(countries)).only("pk"):
        meeting.participant_countries = f" {' '.join(sorted(countries[meeting.pk]))} "
        changed.append(meeting)
    Meeting.objects.bulk_update(changed, ["participant_countries"], batch_size=2000)


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INDEXES)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_INDEXES)


class Migration(migrations.Migration):
    dependencies = [
        ("leaders", "0002_editing"),
        ("meetings", "0010_search_folded"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="participant_countries",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
