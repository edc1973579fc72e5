"""Writing an extraction into the record: leaders, meetings, evidence, statements.

Storing the same extraction twice changes nothing: every row is found by its
natural key before it is created. A meeting already on record (same participants,
same date at the same precision) gets one more piece of evidence instead of a twin,
and a meeting an editor rejected is never created again.
"""

from datetime import date, timedelta

from django.db import transaction
from simple_history.utils import bulk_create_with_history

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
from diplomacy.meetings.pairs import pairs_add, pairs_follow


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


def participant_key(leader_ids) -> str:
    """The value of Meeting.participant_key for these participants."""
    return ",".join(str(pk) for pk in sorted(set(leader_ids)))


def participants_changed(*meetings: Meeting | int) -> None:
    """Bring the participant_key of these meetings (rows, or ids) in step with their
    participations, in the database and on the rows given. Every write that adds, removes
    or moves a participation calls it."""
    ids = [m if isinstance(m, int) else m.pk for m in meetings]
    people: dict[int, set[int]] = {pk: set() for pk in ids}
    for meeting_id, leader_id in Participation.objects.filter(meeting_id__in=ids).values_list(
        "meeting_id", "leader_id"
    ):
        people[meeting_id].add(leader_id)
    for meeting in meetings:
        if not isinstance(meeting, int):
            meeting.participant_key = participant_key(people[meeting.pk])
    for meeting_id, leader_ids in people.items():
        Meeting.objects.filter(pk=meeting_id).update(participant_key=participant_key(leader_ids))


def meeting_create(people: list[Leader], **fields) -> Meeting:
    """A new meeting with these participants."""
    meeting = Meeting.objects.create(
        participant_key=participant_key(p.pk for p in people), **fields
    )
    Participation.objects.bulk_create(Participation(meeting=meeting, leader=p) for p in people)
    pairs_add(meeting, [p.pk for p in people])
    return meeting


def meeting_find(
    leader_ids: set[int], day: date | None, precision: str, place: str = ""
) -> Meeting | None:
    """A meeting on record with exactly these participants, on a compatible date (same
    day, or the day within a month or year given less precisely) and a compatible place.
    The same date at the same precision is preferred. One indexed query."""
    candidates = Meeting.objects.filter(participant_key=participant_key(leader_ids))
    if day is None:
        candidates = candidates.filter(date=None)
    else:
        candidates = candidates.filter(date__range=_period(day, Precision.YEAR))
    matches = [
        m
        for m in candidates.order_by("pk")
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
    article: Article,
    extracted: ExtractedMeeting,
    leaders: dict[str, Leader],
    stored_spans: dict[tuple[int, int], int],
) -> tuple[Meeting | None, bool]:
    """The meeting on record for an extracted one, or a new one; (None, False) when an
    editor rejected it. Existing meetings are never changed here: what an editor set stays.

    ``stored_spans`` maps the article's evidence spans already stored to their meetings
    (read once per article by extraction_store).
    """
    # The same sentence of the same article was stored before: that meeting, whatever an
    # editor has since done to its participants, date or place.
    for span in extracted.evidence:
        meeting_id = stored_spans.get((span.start, span.end))
        if meeting_id is not None:
            return surviving_meeting(Meeting.objects.get(pk=meeting_id)), False
    people = [leaders[name] for name in extracted.participants if name in leaders]
    day, precision = parse_partial_date(extracted.date)
    found = meeting_find({p.pk for p in people}, day, precision, extracted.location_name or "")
    if found is not None:
        return surviving_meeting(found), False
    meeting = meeting_create(
        people,
        date=day,
        date_precision=precision,
        place=extracted.location_name or "",
        country=extracted.location_country or "",
        kind=extracted.kind,
        occasion=extracted.occasion,
        reported_as=extracted.reported_as,
        confidence=extracted.confidence,
    )
    return meeting, True


def _stored_spans(article: Article) -> dict[tuple[int, int], int]:
    return {
        (start, end): meeting_id
        for start, end, meeting_id in Evidence.objects.filter(article=article).values_list(
            "start", "end", "meeting_id"
        )
    }


def extraction_store(article: Article, extraction: Extraction) -> dict:
    """Store what the engine found in an article. Call inside a transaction. Returns the
    fields of the article itself that the extraction found (language, publication date),
    for the caller to save with the article's new status.

    A handful of queries whatever the article holds: what is already stored for the
    article is read once, and the new mentions, evidence and statements are written in
    bulk (statements with their history rows).
    """
    leaders = leaders_for(extraction.leaders)
    Mention.objects.bulk_create(
        [
            Mention(article=article, leader=leaders[found.name], start=start, end=end)
            for found in extraction.leaders
            for start, end in found.mentions
        ],
        ignore_conflicts=True,
    )
    stored_spans = _stored_spans(article) if extraction.meetings else {}
    stored_evidence = {(m, start, end) for (start, end), m in stored_spans.items()}
    meetings: list[Meeting | None] = []
    evidence = {}
    for extracted in extraction.meetings:
        meeting, _ = meeting_upsert(article, extracted, leaders, stored_spans)
        meetings.append(meeting)
        if meeting is None:
            continue
        for span in extracted.evidence:
            key = (meeting.pk, span.start, span.end)
            if key not in stored_evidence and key not in evidence:
                evidence[key] = Evidence(
                    meeting=meeting, article=article, start=span.start, end=span.end,
                    text=span.text,
                )  # fmt: skip
    if evidence:
        Evidence.objects.bulk_create(evidence.values(), ignore_conflicts=True)
    stored_statements = (
        set(Statement.objects.filter(article=article).values_list("start", "end"))
        if extraction.statements
        else set()
    )
    statements = {}
    for said in extraction.statements:
        speaker = leaders.get(said.speaker)
        if speaker is None or (said.start, said.end) in stored_statements:
            continue
        meeting = meetings[said.meeting] if said.meeting is not None else None
        statements.setdefault(
            (said.start, said.end),
            Statement(
                article=article,
                start=said.start,
                end=said.end,
                speaker=speaker,
                text=said.text,
                kind=said.kind,
                language=said.language or extraction.language,
                said_on=meeting.date if meeting else article.published,
                meeting=meeting,
                confidence=0.9 if said.kind == "direct" else 0.6,
            ),
        )
    if statements:
        bulk_create_with_history(list(statements.values()), Statement)
    found = {"language": extraction.language}
    if article.published is None and extraction.published is not None:
        found["published"] = extraction.published
    return found


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
    with pairs_follow(meeting):
        apply_edit(meeting, fields, by)
    return meeting


@transaction.atomic
def meeting_set_status(meeting_id: int, status: str, *, by) -> Meeting:
    meeting = lock_for_edit(Meeting, meeting_id, None)
    with pairs_follow(meeting):
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
    with pairs_follow(meeting):
        _, created = Participation.objects.get_or_create(meeting=meeting, leader=leader)
    if created:
        participants_changed(meeting)
        _touch(meeting, "participants", by)
    return meeting


@transaction.atomic
def meeting_participant_remove(meeting_id: int, leader_id: int, *, by) -> Meeting:
    meeting = lock_for_edit(Meeting, meeting_id, None)
    participation = Participation.objects.filter(meeting=meeting, leader_id=leader_id).first()
    if participation is not None:
        participation._history_user = by
        with pairs_follow(meeting):
            participation.delete()
        participants_changed(meeting)
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
    with pairs_follow(keep, drop):
        keep = _merge_into(keep, drop, by)
    return keep


def _merge_into(keep: Meeting, drop: Meeting, by) -> Meeting:
    for evidence in drop.evidence.all():
        if not keep.evidence.filter(
            article=evidence.article, start=evidence.start, end=evidence.end, record=evidence.record
        ).exists():
            evidence.meeting = keep
            evidence.save(update_fields=["meeting"])
    drop.statements.update(meeting=keep)
    for leader_id in drop.participations.values_list("leader_id", flat=True):
        Participation.objects.get_or_create(meeting=keep, leader_id=leader_id)
    participants_changed(keep)
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
        if f.attname
        not in ("id", "version", "edited_fields", "participant_key", "created_at", "updated_at")
    }
    with transaction.atomic():
        current = lock_for_edit(type(record), record.pk, None)
        if isinstance(current, Meeting):
            with pairs_follow(current):
                apply_edit(current, fields, by)
        else:
            apply_edit(current, fields, by)
    return current
