"""Plain dictionaries of records, for the JSON API and the exports."""

from django.db.models import Prefetch, QuerySet

from diplomacy.leaders.serializers import leader_ref
from diplomacy.meetings.models import Evidence, Meeting, Statement


def meeting_dict(meeting: Meeting) -> dict:
    return {
        "id": meeting.pk,
        "date": meeting.date.isoformat() if meeting.date else None,
        "date_precision": meeting.date_precision or None,
        "place": meeting.place,
        "country": meeting.country,
        "kind": meeting.kind,
        "occasion": meeting.occasion,
        "reported_as": meeting.reported_as,
        "status": meeting.status,
        "confidence": meeting.confidence,
        "participants": [leader_ref(p) for p in meeting.participants.all()],
    }


def statement_dict(statement: Statement) -> dict:
    return {
        "id": statement.pk,
        "speaker": leader_ref(statement.speaker),
        "text": statement.text,
        "kind": statement.kind,
        "language": statement.language,
        "said_on": statement.said_on.isoformat() if statement.said_on else None,
        "meeting": statement.meeting_id,
        "article": {
            "id": statement.article_id,
            "title": statement.article.title,
            "url": statement.article.url,
            "source": statement.article.source,
        },
        "span": [statement.start, statement.end],
    }


# A spreadsheet opening a CSV file runs a cell that starts with one of these as a
# formula (=HYPERLINK(...), +cmd|...): such a text cell is written with a leading
# apostrophe, which spreadsheets show as text (OWASP's advice on CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(cell):
    """A CSV cell that a spreadsheet will show, never evaluate; numbers are left alone."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def with_sources(meetings: QuerySet) -> QuerySet:
    """Meetings with their evidence and its article's title and address (one query more
    per chunk of an export), in the order it was recorded: the first is the first report."""
    evidence = (
        Evidence.objects.select_related("article")
        .only("meeting", "record", "text", "article__title", "article__url")
        .order_by("pk")
    )
    return meetings.prefetch_related(Prefetch("evidence", queryset=evidence))


def source_dict(evidence: Evidence) -> dict:
    """Where a meeting was read: the article and its sentence, or the imported record."""
    article = evidence.article
    return {
        "article": (
            {"id": article.pk, "title": article.title, "url": article.url} if article else None
        ),
        "evidence": evidence.text,
        "record": evidence.record or None,
    }


def meeting_export_dict(meeting: Meeting) -> dict:
    """A meeting as exported: with its sources, so each one can be traced back (needs
    `with_sources`)."""
    return {**meeting_dict(meeting), "sources": [source_dict(e) for e in meeting.evidence.all()]}


MEETING_CSV_HEADER = [
    "id", "date", "date_precision", "participants", "place", "country", "kind",
    "occasion", "reported_as", "status", "confidence",
    # The first source (of `sources` in all): its article, or the imported record.
    "sources", "article_id", "article_title", "article_url", "evidence", "record",
]  # fmt: skip


def meeting_csv_row(meeting: Meeting) -> list:
    """One row of the meetings CSV (needs `with_sources`)."""
    d = meeting_dict(meeting)
    d["participants"] = "; ".join(p["name"] for p in d["participants"])
    sources = list(meeting.evidence.all())
    first: dict = (
        source_dict(sources[0]) if sources else {"article": None, "evidence": "", "record": ""}
    )
    article: dict = first["article"] or {"id": "", "title": "", "url": ""}
    d |= {
        "sources": len(sources),
        "article_id": article["id"],
        "article_title": article["title"],
        "article_url": article["url"],
        "evidence": first["evidence"],
        "record": first["record"] or "",
    }
    return [d[column] for column in MEETING_CSV_HEADER]


STATEMENT_CSV_HEADER = [
    "id", "said_on", "speaker", "kind", "language", "text", "meeting", "article_title",
    "article_url", "source",
]  # fmt: skip


def statement_csv_row(statement: Statement) -> list:
    return [
        statement.pk,
        statement.said_on.isoformat() if statement.said_on else "",
        statement.speaker.name,
        statement.kind,
        statement.language,
        statement.text,
        statement.meeting_id or "",
        statement.article.title,
        statement.article.url,
        statement.article.source,
    ]
