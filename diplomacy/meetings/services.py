"""Writing an extraction into the record: leaders, meetings, evidence, statements.

Storing the same extraction twice changes nothing: every row is found by its
natural key before it is created. A meeting already on record (same participants,
same date at the same precision) gets one more piece of evidence instead of a twin,
and a meeting an editor rejected is never created again.
"""

from datetime import date

from django.db.models import Count, Q

from diplomacy.articles.models import Article
from diplomacy.extraction.types import ExtractedLeader, ExtractedMeeting, Extraction
from diplomacy.leaders.kb import DB_KEY_PREFIX
from diplomacy.leaders.models import Alias, Leader, normalize_name
from diplomacy.meetings.models import (
    Evidence,
    Meeting,
    Mention,
    Participation,
    Precision,
    ReviewStatus,
    Statement,
)


def parse_partial_date(value: str | None) -> tuple[date | None, str]:
    """'2024-06' -> (2024-06-01, 'month'); the date is the first day of its period."""
    if not value:
        return None, ""
    parts = [int(p) for p in value.split("-")]
    precision = {1: Precision.YEAR, 2: Precision.MONTH, 3: Precision.DAY}[len(parts)]
    year, month, day = (parts + [1, 1])[:3]
    return date(year, month, day), precision


def leader_for(extracted: ExtractedLeader) -> Leader:
    """The database row for an extracted person, created unverified if unknown."""
    if extracted.key and extracted.key.startswith(DB_KEY_PREFIX):
        return Leader.objects.get(pk=int(extracted.key.removeprefix(DB_KEY_PREFIX)))
    if extracted.key:
        leader = Leader.objects.filter(key=extracted.key).first()
        if leader:
            return leader
    normalized = normalize_name(extracted.name)
    alias = (
        Alias.objects.filter(normalized=normalized, leader__known=False)
        .select_related("leader")
        .first()
    )
    if alias:
        return alias.leader
    leader = Leader.objects.create(
        name=extracted.name, country=extracted.country or "", known=False
    )
    Alias.objects.create(leader=leader, name=extracted.name)
    return leader


def meeting_find(leader_ids: set[int], day: date | None, precision: str) -> Meeting | None:
    """A meeting on record with exactly these participants on this date."""
    return (
        Meeting.objects.filter(date=day, date_precision=precision)
        .annotate(
            n_all=Count("participations", distinct=True),
            n_these=Count(
                "participations", filter=Q(participations__leader__in=leader_ids), distinct=True
            ),
        )
        .filter(n_all=len(leader_ids), n_these=len(leader_ids))
        .order_by("pk")
        .first()
    )


def meeting_upsert(extracted: ExtractedMeeting, leaders: dict[str, Leader]) -> Meeting | None:
    people = [leaders[name] for name in extracted.participants if name in leaders]
    leader_ids = {p.pk for p in people}
    day, precision = parse_partial_date(extracted.date)
    meeting = meeting_find(leader_ids, day, precision)
    if meeting is not None:
        return None if meeting.status == ReviewStatus.REJECTED else meeting
    meeting = Meeting.objects.create(
        date=day,
        date_precision=precision,
        place=extracted.location_name or "",
        country=extracted.location_country or "",
        kind=extracted.kind,
        occasion=extracted.occasion,
        reported_as=extracted.reported_as,
        confidence=extracted.confidence,
    )
    Participation.objects.bulk_create(Participation(meeting=meeting, leader=p) for p in people)
    return meeting


def extraction_store(article: Article, extraction: Extraction) -> None:
    """Store what the engine found in an article. Call inside a transaction."""
    leaders = {found.name: leader_for(found) for found in extraction.leaders}
    Mention.objects.bulk_create(
        [
            Mention(article=article, leader=leaders[found.name], start=start, end=end)
            for found in extraction.leaders
            for start, end in found.mentions
        ],
        ignore_conflicts=True,
    )
    meetings: list[Meeting | None] = []
    for extracted in extraction.meetings:
        meeting = meeting_upsert(extracted, leaders)
        meetings.append(meeting)
        if meeting is None:
            continue
        for span in extracted.evidence:
            Evidence.objects.get_or_create(
                meeting=meeting,
                article=article,
                start=span.start,
                end=span.end,
                defaults={"text": span.text},
            )
    for said in extraction.statements:
        speaker = leaders.get(said.speaker)
        if speaker is None:
            continue
        meeting = meetings[said.meeting] if said.meeting is not None else None
        Statement.objects.get_or_create(
            article=article,
            start=said.start,
            end=said.end,
            defaults={
                "speaker": speaker,
                "text": said.text,
                "kind": said.kind,
                "language": said.language or extraction.language,
                "said_on": meeting.date if meeting else article.published,
                "meeting": meeting,
            },
        )
    updates = {"language": extraction.language}
    if article.published is None and extraction.published is not None:
        updates["published"] = extraction.published
    Article.objects.filter(pk=article.pk).update(**updates)
