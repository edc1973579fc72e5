"""Writing an extraction into the record: leaders, meetings, evidence, statements.

Storing the same extraction twice changes nothing: every row is found by its
natural key before it is created. A meeting already on record (same participants,
same date at the same precision) gets one more piece of evidence instead of a twin,
and a meeting an editor rejected is never created again.
"""

import hashlib
from contextlib import nullcontext
from datetime import date, timedelta

from django.db import connection, transaction
from django.db.models import Q
from django.db.transaction import TransactionManagementError
from django.utils.timezone import now
from simple_history.utils import bulk_create_with_history

from diplomacy.articles.models import Article
from diplomacy.core.editing import apply_edit, lock_for_edit, mark_edited
from diplomacy.extraction.types import ExtractedMeeting, Extraction
from diplomacy.leaders.models import Alias, Leader, Office, normalize_name
from diplomacy.leaders.services import leaders_for
from diplomacy.meetings.models import (
    Evidence,
    Meeting,
    Mention,
    Participation,
    Precision,
    ReviewStatus,
    Statement,
    search_fold,
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


def participant_countries(countries) -> str:
    """The value of Meeting.participant_countries for these participants' countries."""
    found = sorted({c for c in countries if c})
    return f" {' '.join(found)} " if found else ""


def participants_changed(*meetings: Meeting | int) -> None:
    """Bring the participant_key and participant_countries of these meetings (rows, or
    ids) in step with their participations, in the database and on the rows given. Every
    write that adds, removes or moves a participation calls it."""
    ids = [m if isinstance(m, int) else m.pk for m in meetings]
    people: dict[int, set[int]] = {pk: set() for pk in ids}
    countries: dict[int, set[str]] = {pk: set() for pk in ids}
    for meeting_id, leader_id, country in Participation.objects.filter(
        meeting_id__in=ids
    ).values_list("meeting_id", "leader_id", "leader__country"):
        people[meeting_id].add(leader_id)
        countries[meeting_id].add(country)
    for meeting in meetings:
        if not isinstance(meeting, int):
            meeting.participant_key = participant_key(people[meeting.pk])
            meeting.participant_countries = participant_countries(countries[meeting.pk])
    for meeting_id, leader_ids in people.items():
        Meeting.objects.filter(pk=meeting_id).update(
            participant_key=participant_key(leader_ids),
            participant_countries=participant_countries(countries[meeting_id]),
        )


# The advisory locks that guard meeting identity, in PostgreSQL's two-key form: this
# number, then a 32-bit hash of the participant key. (The one-key form is a separate space.)
MEETING_LOCK_SPACE = 0x4D454554  # "MEET"


def _lock_hash(key: str) -> int:
    digest = hashlib.blake2b(key.encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)


def meetings_lock(keys) -> None:
    """Hold the identity of the meetings with these participant keys until the current
    transaction ends: any other transaction that locks one of these keys before it finds
    or creates a meeting waits until this one has committed, and then finds what this one
    stored, so two workers reading about one meeting at once make one meeting, not twins.

    PostgreSQL: a transaction-scoped advisory lock (``pg_advisory_xact_lock``) per key,
    released only after commit or rollback. Each statement under READ COMMITTED sees what
    was committed before it began, so the find that follows the lock sees the meeting of
    the transaction that held it. All of a transaction's keys are locked in one query, in
    ascending order, so two transactions with overlapping keys never wait on each other in
    a circle; call it once, before the first meeting write (as ``extraction_store`` does).
    A transaction that calls it again later (the importer, record by record) may meet a
    deadlock, which PostgreSQL detects and breaks by failing one of the two. Two keys with
    the same hash only wait for each other, needlessly but harmlessly.

    SQLite: nothing to take. Its transactions are serializable: one writer at a time,
    holding the database's write lock until it commits. Of two transactions that both
    found no meeting, the second's write fails with "database is locked" (rollback journal
    and WAL alike), an OperationalError the worker retries, and the retry finds the
    first's meeting; it never commits what it decided on a read older than that commit.
    """
    if connection.vendor != "postgresql":
        return
    hashes = sorted({_lock_hash(key) for key in keys})
    if not hashes:
        return
    if not connection.in_atomic_block:
        raise TransactionManagementError("meetings_lock holds only inside transaction.atomic")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(%s, key) FROM unnest(%s::integer[]) AS key",
            [MEETING_LOCK_SPACE, hashes],
        )


def meeting_create(people: list[Leader], **fields) -> Meeting:
    """A new meeting with these participants."""
    meeting = Meeting.objects.create(
        participant_key=participant_key(p.pk for p in people),
        participant_countries=participant_countries(p.country for p in people),
        **fields,
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
    stored_spans: dict[tuple[int, int], list[int]],
) -> tuple[Meeting | None, bool]:
    """The meeting on record for an extracted one, or a new one; (None, False) when an
    editor rejected it.

    A meeting this article reported before (one of its evidence sentences is stored) stays
    that meeting, whatever an editor has since done to it, and takes the engine's new
    values only where no editor changed them (see ``_meeting_refresh``): extracting again
    after the article's publication date was corrected resolves "on Monday" anew. Only
    when the article now plainly tells of another meeting than the other sources of that
    one (another day, other people) do its sentences leave it, for the meeting they tell.
    ``stored_spans`` maps the article's evidence spans already stored to their meetings
    (read once per article by extraction_store). Call it inside a transaction that holds
    ``meetings_lock`` on the extracted participants' key, as extraction_store does.
    """
    people = [leaders[name] for name in extracted.participants if name in leaders]
    day, precision = parse_partial_date(extracted.date)
    fresh = {
        "date": day,
        "date_precision": precision,
        "place": extracted.location_name or "",
        "country": extracted.location_country or "",
        "kind": extracted.kind,
        "occasion": extracted.occasion,
        "reported_as": extracted.reported_as,
        "confidence": extracted.confidence,
    }
    before = _meeting_reported_before(extracted, people, stored_spans)
    if before is not None:
        meeting, own = before
        surviving = surviving_meeting(meeting)
        if surviving is None or surviving.pk != meeting.pk:
            return surviving, False  # rejected, or merged by an editor: theirs to decide
        refreshed = _meeting_refresh(meeting, article, fresh, people, extracted, own=own)
        if refreshed is not None:
            return refreshed, False
    found = meeting_find({p.pk for p in people}, day, precision, fresh["place"])
    if found is not None:
        return surviving_meeting(found), False
    return meeting_create(people, **fresh), True


def _meeting_reported_before(
    extracted: ExtractedMeeting, people: list[Leader], stored_spans
) -> tuple[Meeting, bool] | None:
    """The stored meeting one of whose evidence sentences this extracted meeting gives
    again, and whether all this article's evidence of it is among them (it is this
    meeting's own record, not a neighbour's that shares a sentence: "Biden met Modi, and
    later Morrison" is two meetings with one sentence)."""
    spans = {(span.start, span.end) for span in extracted.evidence}
    ids = {pk for span in spans for pk in stored_spans.get(span, ())}
    if not ids:
        return None
    held: dict[int, set] = {pk: set() for pk in ids}
    for span, meeting_ids in stored_spans.items():
        for pk in meeting_ids:
            if pk in held:
                held[pk].add(span)
    key = participant_key(p.pk for p in people)
    candidates = Meeting.objects.in_bulk(ids).values()
    best = max(
        candidates,
        key=lambda m: (
            m.participant_key == key,
            held[m.pk] <= spans,
            len(held[m.pk] & spans),
            -m.pk,
        ),
    )
    return best, held[best.pk] <= spans


# What the engine sets on a meeting, in the groups an editor changes together: a date is
# never replaced without its precision, nor a place without its country.
MACHINE_FIELDS = (
    ("date", "date_precision"),
    ("place", "country"),
    ("kind",),
    ("occasion",),
    ("reported_as",),
    ("confidence",),
)


def _meeting_refresh(
    meeting: Meeting, article: Article, fresh: dict, people, extracted, *, own
) -> Meeting | None:
    """The engine's new values for a meeting it made from this article before; None when
    this article's sentences left it (the caller finds or creates the meeting they tell).

    What an editor changed (``edited_fields``) is never touched. The rest follows the new
    extraction when the meeting is this article's alone. When other articles or imported
    records back it too, a date none of them knew ("Date unknown") is filled in, and a
    reading that contradicts them (another day, other people) takes this article's
    sentences away from it. A meeting that now turns out to be another one on record (same
    people, same day), and that no editor touched, is folded into it.
    """
    edited = set(meeting.edited_fields)
    changes = {}
    for group in MACHINE_FIELDS:
        if edited.isdisjoint(group) and any(getattr(meeting, f) != fresh[f] for f in group):
            changes.update((f, fresh[f]) for f in group)
    key = participant_key(p.pk for p in people)
    move_people = bool(people) and "participants" not in edited and key != meeting.participant_key
    if not changes and not move_people:
        return meeting
    alone = own and not meeting.evidence.exclude(article=article).exists()
    if not alone:
        day, precision = changes.get("date"), changes.get("date_precision")
        other_day = day is not None and meeting.date is not None
        if own and (move_people or (other_day and not dates_compatible(
            meeting.date, meeting.date_precision, day, precision
        ))):  # fmt: skip
            spans = Q()
            for span in extracted.evidence:
                spans |= Q(start=span.start, end=span.end)
            meeting.evidence.filter(spans, article=article).delete()
            return None
        if meeting.date is not None or day is None:
            return meeting
        changes, move_people = {"date": day, "date_precision": precision}, False
    with pairs_follow(meeting):
        if move_people:
            # One by one and with history rows, so that history and revert see the change.
            for gone in Participation.objects.filter(meeting=meeting).exclude(leader__in=people):
                gone.delete()
            have = set(meeting.participations.values_list("leader_id", flat=True))
            bulk_create_with_history(
                [Participation(meeting=meeting, leader=p) for p in people if p.pk not in have],
                Participation,
            )
            participants_changed(meeting)
        for name, value in changes.items():
            setattr(meeting, name, value)
        meeting.version += 1  # an editor's form opened before this is now stale
        meeting.save()
    if alone and not meeting.edited_fields and meeting.status == ReviewStatus.EXTRACTED:
        twin = _meeting_twin(meeting)
        if twin is not None:
            return _meeting_fold(meeting, twin)
    return meeting


def _meeting_twin(meeting: Meeting) -> Meeting | None:
    """Another visible meeting on record with the same participants on a compatible date
    and place (as meeting_find matches them)."""
    candidates = Meeting.objects.visible().filter(participant_key=meeting.participant_key)
    if meeting.date is None:
        candidates = candidates.filter(date=None)
    else:
        candidates = candidates.filter(date__range=_period(meeting.date, Precision.YEAR))
    matches = [
        m
        for m in candidates.exclude(pk=meeting.pk).order_by("pk")
        if dates_compatible(m.date, m.date_precision, meeting.date, meeting.date_precision)
        and places_compatible(m.place, meeting.place)
    ]
    exact = [
        m for m in matches if (m.date, m.date_precision) == (meeting.date, meeting.date_precision)
    ]
    return (exact or matches or [None])[0]


def _meeting_fold(meeting: Meeting, twin: Meeting) -> Meeting:
    """A machine-made meeting that duplicates ``twin`` points at it, with its evidence and
    statements, as an editor's merge would leave it (and can be undone like one)."""
    with pairs_follow(meeting, twin):
        for evidence in meeting.evidence.all():
            if twin.evidence.filter(article=evidence.article_id, start=evidence.start,
                                    end=evidence.end).exists():  # fmt: skip
                evidence.delete()
            else:
                Evidence.objects.filter(pk=evidence.pk).update(meeting=twin)
        meeting.statements.update(meeting=twin)
        meeting.merged_into = twin
        meeting.version += 1
        meeting.save()
    return twin


def _stored_spans(article: Article) -> dict[tuple[int, int], list[int]]:
    spans: dict[tuple[int, int], list[int]] = {}
    for start, end, meeting_id in Evidence.objects.filter(article=article).values_list(
        "start", "end", "meeting_id"
    ):
        spans.setdefault((start, end), []).append(meeting_id)
    return spans


def _evidence_traces_refresh(article: Article, traces: dict) -> None:
    """The stored evidence of an article extracted again gets the new extraction's trace."""
    stored = Evidence.objects.filter(article=article).only("meeting", "start", "end")
    changed = [e for e in stored if (e.meeting_id, e.start, e.end) in traces]
    for e in changed:
        e.trace = traces[(e.meeting_id, e.start, e.end)]
    Evidence.objects.bulk_update(changed, ["trace"])


def extraction_store(article: Article, extraction: Extraction) -> dict:
    """Store what the engine found in an article. Call inside a transaction. Returns the
    fields of the article itself that the extraction found (language, publication date),
    for the caller to save with the article's new status.

    A handful of queries whatever the article holds: what is already stored for the
    article is read once, and the new mentions, evidence and statements are written in
    bulk (statements with their history rows). Extracting an article again (after its
    publication date was corrected, or the knowledge base grew) brings what the machine
    made up to date and leaves what editors changed as they left it.
    """
    leaders = leaders_for(extraction.leaders)
    # Before any meeting is found or written: another worker storing the same meeting now
    # waits for this transaction's commit, then finds this one's meeting (no twins).
    meetings_lock(
        participant_key(leaders[name].pk for name in extracted.participants if name in leaders)
        for extracted in extraction.meetings
    )
    # Who a mention is can change with the date ("the US president"): the new reading wins.
    mentions = {
        (start, end): Mention(article=article, leader=leaders[found.name], start=start, end=end)
        for found in extraction.leaders
        for start, end in found.mentions
    }
    if mentions:
        Mention.objects.bulk_create(
            mentions.values(),
            update_conflicts=True,
            unique_fields=["article", "start", "end"],
            update_fields=["leader"],
        )
    stored_spans = _stored_spans(article) if extraction.meetings else {}
    stored_evidence = {(m, start, end) for (start, end), ms in stored_spans.items() for m in ms}
    meetings: list[Meeting | None] = []
    evidence = {}
    traces = {}  # the evidence already stored: its trace from this extraction
    for extracted in extraction.meetings:
        meeting, _ = meeting_upsert(article, extracted, leaders, stored_spans)
        meetings.append(meeting)
        if meeting is None:
            continue
        for span in extracted.evidence:
            key = (meeting.pk, span.start, span.end)
            trace = extraction.trace.for_span(span.start, span.end) if extraction.trace else []
            if key in stored_evidence:
                traces[key] = trace
            elif key not in evidence:
                evidence[key] = Evidence(
                    meeting=meeting, article=article, start=span.start, end=span.end,
                    text=span.text, trace=trace,
                )  # fmt: skip
    if evidence:
        Evidence.objects.bulk_create(evidence.values(), ignore_conflicts=True)
    if traces:
        _evidence_traces_refresh(article, traces)
    published = article.published or extraction.published
    stored_statements = (
        {
            (s.start, s.end): s
            for s in Statement.objects.filter(article=article).select_related("meeting")
        }
        if extraction.statements or extraction.fragments
        else {}
    )
    statements = {}
    # Fragments (quotations of one or two words) are stored too, as highlights.
    for said in [*extraction.statements, *extraction.fragments]:
        speaker = leaders.get(said.speaker)
        if speaker is None:
            continue
        meeting = meetings[said.meeting] if said.meeting is not None else None
        stored = stored_statements.get((said.start, said.end))
        if stored is not None:
            _statement_refresh(stored, speaker, meeting, published)
            continue
        statements.setdefault(
            (said.start, said.end),
            Statement(
                article=article,
                start=said.start,
                end=said.end,
                speaker=speaker,
                text=said.text,
                search_folded=search_fold(said.text),
                kind=said.kind,
                language=said.language or extraction.language,
                said_on=meeting.date if meeting else published,
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


def _statement_refresh(statement: Statement, speaker: Leader, meeting, published) -> None:
    """A statement stored before, with the engine's new speaker, meeting and date where no
    editor changed them; its date follows its meeting's, or the article's."""
    edited = set(statement.edited_fields)
    changes = {}
    if "speaker" not in edited and statement.speaker_id != speaker.pk:
        changes["speaker"] = speaker
    if "meeting" not in edited and statement.meeting_id != (meeting.pk if meeting else None):
        changes["meeting"] = meeting
    linked = changes.get("meeting", statement.meeting)
    said_on = linked.date if linked is not None else published
    if "said_on" not in edited and statement.said_on != said_on:
        changes["said_on"] = said_on
    if changes:
        for name, value in changes.items():
            setattr(statement, name, value)
        statement.version += 1
        statement.save()


# --- Editors' writes ---------------------------------------------------------------


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


@transaction.atomic
def meeting_participant_add(meeting_id: int, leader: Leader, *, by) -> Meeting:
    meeting = lock_for_edit(Meeting, meeting_id, None)
    with pairs_follow(meeting):
        _, created = Participation.objects.get_or_create(meeting=meeting, leader=leader)
    if created:
        participants_changed(meeting)
        mark_edited(meeting, ["participants"], by)
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
        mark_edited(meeting, ["participants"], by)
    return meeting


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


# --- Revert ------------------------------------------------------------------------

# What an editor can change on each kind of record, and so what a revert restores. What
# only the machine or a merge sets (confidence, keys, merged_into) is left as it is.
REVERTED_FIELDS = {
    "meeting": ["date", "date_precision", "place", "country", "kind", "occasion", "status"],
    "statement": ["speaker", "text", "kind", "meeting", "status"],
    "leader": ["name", "country"],
}


def rows_at(
    history_model, parent: dict, current: dict[int, dict], when, values, machine_until=None
) -> dict:
    """The rows of a child model (participations of a meeting, aliases of a leader) as
    they were at `when`, worked back from the rows now (`current`: id -> values) through
    the history written since. `parent` is the filter that says a row belongs ({"meeting_id":
    5}); `values(row)` the values kept of a row. A row changed without a history entry
    before the change (bulk-created) keeps its present values: the only such changes are
    a leader merge moving it, and the same person stays. What the machine wrote before
    `machine_until` counts as done by `when` (a record's creation with its rows: a
    leader's aliases are written just after the leader)."""
    ids = set(current) | set(
        history_model.objects.filter(**parent).values_list("id", flat=True).distinct()
    )
    records = list(history_model.objects.filter(id__in=ids).order_by("history_date", "history_id"))
    earlier: dict[int, object] = {}
    previous = {}
    for record in records:
        previous[record.history_id] = earlier.get(record.id)
        earlier[record.id] = record
    rows = dict(current)
    ((key, value),) = parent.items()

    def restore(record) -> None:  # the row as this record has it, if it belongs then
        if getattr(record, key) == value:
            rows[record.id] = values(record)
        else:
            rows.pop(record.id, None)

    for record in reversed(records):
        if record.history_date <= when:
            break
        if machine_until and record.history_user_id is None and record.history_date < machine_until:
            continue
        if record.history_type == "+":
            rows.pop(record.id, None)
        elif record.history_type == "-":
            restore(record)
        elif (before := previous[record.history_id]) is not None:
            restore(before)
    return rows


def _surviving_leader_ids(leader_ids) -> set[int]:
    """The leaders standing for these ones, merges followed; deleted ones left out."""
    pointers = dict(Leader.objects.values_list("pk", "merged_into_id").filter(pk__in=leader_ids))
    result = set()
    for pk in leader_ids:
        seen = set()
        while pk in pointers and pointers[pk] and pk not in seen:
            seen.add(pk)
            nxt = pointers[pk]
            if nxt not in pointers:
                pointers.update(Leader.objects.filter(pk=nxt).values_list("pk", "merged_into_id"))
            pk = nxt
        if pk in pointers:
            result.add(pk)
    return result


def _participants_revert(meeting: Meeting, when, by, machine_until=None) -> bool:
    current = {
        p.pk: {"leader_id": p.leader_id} for p in Participation.objects.filter(meeting=meeting)
    }
    then = rows_at(Participation.history.model, {"meeting_id": meeting.pk}, current, when,
                   lambda r: {"leader_id": r.leader_id}, machine_until)  # fmt: skip
    wanted = _surviving_leader_ids({row["leader_id"] for row in then.values()})
    present = {row["leader_id"]: pk for pk, row in current.items()}
    changed = False
    for leader_id, pk in present.items():
        if leader_id not in wanted:
            participation = Participation.objects.get(pk=pk)
            participation._history_user = by
            participation.delete()
            changed = True
    for leader_id in wanted - set(present):
        participation = Participation(meeting=meeting, leader_id=leader_id)
        participation._history_user = by
        participation.save()
        changed = True
    if changed:
        participants_changed(meeting)
    return changed


def _aliases_revert(leader: Leader, when, by, machine_until=None) -> bool:
    current = {a.pk: {"name": a.name, "language": a.language} for a in leader.aliases.all()}
    then = rows_at(Alias.history.model, {"leader_id": leader.pk}, current, when,
                   lambda r: {"name": r.name, "language": r.language}, machine_until)  # fmt: skip
    wanted = {row["name"]: row["language"] for row in then.values()}
    changed = False
    for alias in leader.aliases.all():
        if alias.name not in wanted:
            alias._history_user = by
            alias.delete()
            changed = True
    have = set(leader.aliases.values_list("name", flat=True))
    for name, language in wanted.items():
        if name not in have:
            alias = Alias(leader=leader, name=name, language=language)
            alias._history_user = by
            alias.save()
            changed = True
    return changed


def _offices_revert(leader: Leader, when, by, machine_until=None) -> bool:
    names = ["title", "role", "country", "start", "end"]
    current = {o.pk: {n: getattr(o, n) for n in names} for o in leader.offices.all()}
    then = rows_at(Office.history.model, {"leader_id": leader.pk}, current, when,
                   lambda r: {n: getattr(r, n) for n in names}, machine_until)  # fmt: skip
    wanted = {(row["title"], row["start"]): row for row in then.values()}
    changed = False
    for office in leader.offices.all():
        row = wanted.pop((office.title, office.start), None)
        if row is None:
            office._history_user = by
            office.delete()
            changed = True
        elif any(getattr(office, n) != row[n] for n in names):
            for n in names:
                setattr(office, n, row[n])
            office._history_user = by
            office.save()
            changed = True
    for row in wanted.values():
        office = Office(leader=leader, **row)
        office._history_user = by
        office.save()
        changed = True
    return changed


def revert_to(record, history_id: int, *, by):
    """Restore what an editor can change on a record as it was in one of its history
    entries: a meeting's fields and participants (pair counts and participant_key kept
    in step), a statement's fields, a leader's name, country, aliases and offices."""
    past = record.history.get(history_id=history_id)
    model = type(record)
    when, machine_until = past.history_date, None
    if past.history_type == "+":
        # Reverting to the machine's first version keeps what the machine wrote with it.
        following = record.history.filter(history_date__gt=when).order_by("history_date")
        machine_until = following.values_list("history_date", flat=True).first() or now()
    with transaction.atomic():
        current = lock_for_edit(model, record.pk, None)
        changed = []
        for name in REVERTED_FIELDS[model._meta.model_name]:
            attname = model._meta.get_field(name).attname
            if getattr(current, attname) != getattr(past, attname):
                setattr(current, attname, getattr(past, attname))
                changed.append(name)
        follow = pairs_follow(current) if isinstance(current, Meeting) else nullcontext()
        with follow:
            if isinstance(current, Meeting) and _participants_revert(
                current, when, by, machine_until
            ):
                changed.append("participants")
            if isinstance(current, Leader):
                if _aliases_revert(current, when, by, machine_until):
                    changed.append("aliases")
                if _offices_revert(current, when, by, machine_until):
                    changed.append("offices")
            if changed:
                mark_edited(current, changed, by, reason=f"revert:{history_id}")
    return current
