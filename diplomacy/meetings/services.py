"""Writing an extraction into the record: leaders, meetings, evidence, statements.

Storing the same extraction twice changes nothing: every row is found by its
natural key before it is created. A meeting already on record (same participants,
same date at the same precision) gets one more piece of evidence instead of a twin,
and a meeting an editor rejected is never created again.
"""

from datetime import date, timedelta

from django.db import transaction
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


def leaders_for(found: list[ExtractedLeader]) -> dict[str, Leader]:
    """Database rows for the people of an extraction: those of the knowledge base in one
    query, the others one by one (created unverified if new)."""
    keys = [p.key for p in found if p.key and not p.key.startswith(DB_KEY_PREFIX)]
    by_key = Leader.objects.in_bulk(keys, field_name="key") if keys else {}
    rows = {}
    for person in found:
        leader = by_key.get(person.key) if person.key else None
        rows[person.name] = _follow_merges(leader) if leader else leader_for(person)
    return rows


def _follow_merges(leader: Leader) -> Leader:
    seen = set()
    while leader.merged_into_id and leader.pk not in seen:
        seen.add(leader.pk)
        leader = leader.merged_into
    return leader


def leader_for(extracted: ExtractedLeader) -> Leader:
    """The database row for an extracted person (following merges), created unverified
    if unknown."""
    return _follow_merges(_leader_row(extracted))


def _leader_row(extracted: ExtractedLeader) -> Leader:
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


def _period(day: date, precision: str) -> tuple[date, date]:
    """The first and last day a date at its precision may stand for."""
    if precision == Precision.YEAR:
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if precision == Precision.MONTH:
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return day.replace(day=1), following - timedelta(days=1)
    return day, day


def dates_compatible(a: date | None, a_precision: str, b: date | None, b_precision: str) -> bool:
    """Whether two dates, each at its precision, can be the same day: 'June 2024' and
    '2024-06-19' can; '2024-06-18' and '2024-06-19' cannot."""
    if a is None or b is None:
        return a is None and b is None
    a_first, a_last = _period(a, a_precision)
    b_first, b_last = _period(b, b_precision)
    return a_first <= b_last and b_first <= a_last


def places_compatible(a: str, b: str) -> bool:
    return not a or not b or normalize_name(a) == normalize_name(b)


def meeting_find(
    leader_ids: set[int], day: date | None, precision: str, place: str = ""
) -> Meeting | None:
    """A meeting on record with exactly these participants, on a compatible date (same
    day, or the day within a month or year given less precisely) and a compatible place.
    The same date at the same precision is preferred."""
    if day is None:
        candidates = Meeting.objects.filter(date=None)
    else:
        first, last = _period(day, Precision.YEAR)
        candidates = Meeting.objects.filter(date__range=(first, last))
    candidates = (
        candidates.annotate(
            n_all=Count("participations", distinct=True),
            n_these=Count(
                "participations", filter=Q(participations__leader__in=leader_ids), distinct=True
            ),
        )
        .filter(n_all=len(leader_ids), n_these=len(leader_ids))
        .order_by("pk")
    )
    matches = [
        m
        for m in candidates
        if dates_compatible(m.date, m.date_precision, day, precision)
        and places_compatible(m.place, place)
    ]
    exact = [m for m in matches if (m.date, m.date_precision) == (day, precision)]
    return (exact or matches or [None])[0]


def surviving_meeting(meeting: Meeting | None) -> Meeting | None:
    """Follow merges to the meeting that stands for this one; None if rejected."""
    seen = set()
    while meeting is not None and meeting.merged_into_id and meeting.pk not in seen:
        seen.add(meeting.pk)
        meeting = meeting.merged_into
    if meeting is None or meeting.status == ReviewStatus.REJECTED:
        return None
    return meeting


def meeting_upsert(
    article: Article, extracted: ExtractedMeeting, leaders: dict[str, Leader]
) -> tuple[Meeting | None, bool]:
    """The meeting on record for an extracted one, or a new one; (None, False) when an
    editor rejected it. Existing meetings are never changed here: what an editor set stays.
    """
    # The same sentence of the same article was stored before: that meeting, whatever an
    # editor has since done to its participants, date or place.
    for span in extracted.evidence:
        known = (
            Evidence.objects.filter(article=article, start=span.start, end=span.end)
            .select_related("meeting")
            .first()
        )
        if known is not None:
            return surviving_meeting(known.meeting), False
    people = [leaders[name] for name in extracted.participants if name in leaders]
    day, precision = parse_partial_date(extracted.date)
    found = meeting_find({p.pk for p in people}, day, precision, extracted.location_name or "")
    if found is not None:
        return surviving_meeting(found), False
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
    return meeting, True


def extraction_store(article: Article, extraction: Extraction) -> None:
    """Store what the engine found in an article. Call inside a transaction."""
    leaders = leaders_for(extraction.leaders)
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
        meeting, _ = meeting_upsert(article, extracted, leaders)
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
                "confidence": 0.9 if said.kind == "direct" else 0.6,
            },
        )
    updates = {"language": extraction.language}
    if article.published is None and extraction.published is not None:
        updates["published"] = extraction.published
    Article.objects.filter(pk=article.pk).update(**updates)


# --- Editors' writes ---------------------------------------------------------------


class StaleEdit(Exception):
    """Someone saved the record since the editor's form was loaded."""

    def __init__(self, current, changed: dict[str, tuple]):
        super().__init__("The record was changed by someone else since you opened it.")
        self.current = current
        self.changed = changed  # field -> (value the editor saw, value now)


def lock_for_edit(model, pk: int, version: int | None, seen: dict | None = None):
    """The row locked for update, after checking the editor saw its latest version."""
    record = model.objects.select_for_update().get(pk=pk)
    if version is not None and record.version != version:
        seen = seen or {}
        changed = {
            field: (old, getattr(record, field))
            for field, old in seen.items()
            if getattr(record, field) != old
        }
        raise StaleEdit(record, changed)
    return record


def apply_edit(record, fields: dict, by) -> list[str]:
    """Apply the fields that differ, remember them as edited, bump the version."""
    changed = [name for name, value in fields.items() if getattr(record, name) != value]
    for name in changed:
        setattr(record, name, fields[name])
    if changed:
        record.edited_fields = sorted(set(record.edited_fields) | set(changed))
        record.version += 1
        record._history_user = by
        record.save()
    return changed


@transaction.atomic
def meeting_update(meeting_id: int, *, version: int, fields: dict, seen: dict, by) -> Meeting:
    """An editor's change of a meeting's date, precision, place, country, kind or occasion."""
    meeting = lock_for_edit(Meeting, meeting_id, version, seen)
    apply_edit(meeting, fields, by)
    return meeting


@transaction.atomic
def meeting_set_status(meeting_id: int, status: str, *, by) -> Meeting:
    meeting = lock_for_edit(Meeting, meeting_id, None)
    apply_edit(meeting, {"status": status}, by)
    return meeting


def _touch(meeting: Meeting, field: str, by) -> None:
    meeting.edited_fields = sorted(set(meeting.edited_fields) | {field})
    meeting.version += 1
    meeting._history_user = by
    meeting.save()


@transaction.atomic
def meeting_participant_add(meeting_id: int, leader: Leader, *, by) -> Meeting:
    meeting = lock_for_edit(Meeting, meeting_id, None)
    _, created = Participation.objects.get_or_create(meeting=meeting, leader=leader)
    if created:
        _touch(meeting, "participants", by)
    return meeting


@transaction.atomic
def meeting_participant_remove(meeting_id: int, leader_id: int, *, by) -> Meeting:
    meeting = lock_for_edit(Meeting, meeting_id, None)
    participation = Participation.objects.filter(meeting=meeting, leader_id=leader_id).first()
    if participation is not None:
        participation._history_user = by
        participation.delete()
        _touch(meeting, "participants", by)
    return meeting


@transaction.atomic
def meeting_merge(*, keep: Meeting, drop: Meeting, by) -> Meeting:
    """Two records of one meeting become one: evidence and statements move to `keep`,
    participants unite, and `drop` points at `keep` (re-extraction follows the pointer)."""
    if keep.pk == drop.pk:
        raise ValueError("A meeting cannot be merged into itself.")
    keep = lock_for_edit(Meeting, keep.pk, None)
    drop = lock_for_edit(Meeting, drop.pk, None)
    for evidence in drop.evidence.all():
        if not keep.evidence.filter(
            article=evidence.article, start=evidence.start, end=evidence.end, record=evidence.record
        ).exists():
            evidence.meeting = keep
            evidence.save(update_fields=["meeting"])
    drop.statements.update(meeting=keep)
    for leader_id in drop.participations.values_list("leader_id", flat=True):
        Participation.objects.get_or_create(meeting=keep, leader_id=leader_id)
    _touch(keep, "participants", by)
    drop.merged_into = keep
    drop._history_user = by
    drop.version += 1
    drop.save()
    return keep


@transaction.atomic
def statement_update(statement_id: int, *, version: int, fields: dict, seen: dict, by):
    statement = lock_for_edit(Statement, statement_id, version, seen)
    apply_edit(statement, fields, by)
    return statement


@transaction.atomic
def statement_set_status(statement_id: int, status: str, *, by) -> Statement:
    statement = lock_for_edit(Statement, statement_id, None)
    apply_edit(statement, {"status": status}, by)
    return statement


def revert_to(record, history_id: int, *, by):
    """Restore a record's fields as they were in one of its history entries."""
    past = record.history.get(history_id=history_id).instance
    fields = {
        f.attname: getattr(past, f.attname)
        for f in record._meta.concrete_fields
        if f.attname not in ("id", "version", "edited_fields", "created_at", "updated_at")
    }
    with transaction.atomic():
        current = lock_for_edit(type(record), record.pk, None)
        apply_edit(current, fields, by)
    return current
