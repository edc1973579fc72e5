"""Plain dictionaries of records, for the JSON API and the exports."""

from diplomacy.leaders.models import Leader
from diplomacy.meetings.models import Meeting, Statement


def leader_ref(leader: Leader) -> dict:
    return {"id": leader.pk, "slug": leader.slug, "name": leader.name, "country": leader.country}


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


def leader_dict(leader: Leader) -> dict:
    return {
        **leader_ref(leader),
        "known": leader.known,
        "aliases": [a.name for a in leader.aliases.all()],
        "offices": [
            {
                "title": o.title,
                "role": o.role,
                "country": o.country,
                "start": o.start.isoformat() if o.start else None,
                "end": o.end.isoformat() if o.end else None,
            }
            for o in leader.offices.all()
        ],
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


MEETING_CSV_HEADER = [
    "id", "date", "date_precision", "participants", "place", "country", "kind",
    "occasion", "reported_as", "status", "confidence",
]  # fmt: skip


def meeting_csv_row(meeting: Meeting) -> list:
    d = meeting_dict(meeting)
    d["participants"] = "; ".join(p["name"] for p in d["participants"])
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
