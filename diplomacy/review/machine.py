"""The records as the engine stored them, before editors changed them, read from history.

Editors never overwrite what the machine said without a trace: every field an editor
changes enters the record's ``edited_fields`` (and the machine never touches it again),
and every change leaves a history row. So the machine's last word on a field is its value
in the latest history row where that field was not yet in ``edited_fields``; the
machine's participants are those of the time of the meeting's last such row; a meeting
merged into another by an editor (the merge log keeps which source sentences it moved)
was a meeting of its own in the machine's output. A rejected record was output too.

Two uses: the stored extraction of an article, scored against the editors' version like
a new run of the engine (what re-extracting would change, ``quality.reextract_preview``),
and what editors corrected, by kind of error (``corrections``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from diplomacy.leaders.models import Leader
from diplomacy.meetings.models import Evidence, Meeting, Participation, ReviewStatus, Statement
from diplomacy.review.gold import UNREVIEWED, ArticleRecords, date_value, review_of
from diplomacy.review.models import Merge

# What the engine sets that scoring reads, in the groups an editor changes together.
MEETING_GROUPS = (("date", "date_precision"), ("place", "country"), ("kind",), ("occasion",))
STATEMENT_GROUPS = (("speaker",), ("text",), ("kind",), ("meeting",))


def _attname(model, name: str) -> str:
    return model._meta.get_field(name).attname


def _source_row(record, rows: list, group: tuple[str, ...]):
    """The latest history row from before an editor changed any field of ``group``;
    None when no editor has (the record as it is now is the machine's)."""
    if not set(record.edited_fields) & set(group):
        return None
    return next((r for r in reversed(rows) if not set(r.edited_fields) & set(group)), None)


def _machine_values(model, record, rows: list, groups) -> dict:
    """The machine's value of each field of ``groups``, by attname."""
    values: dict[str, object] = {}
    for group in groups:
        source = _source_row(record, rows, group) or record
        values.update((n, getattr(source, n)) for n in (_attname(model, f) for f in group))
    return values


def _history(model, ids) -> dict[int, list]:
    rows: dict[int, list] = {pk: [] for pk in ids}
    for row in model.history.filter(id__in=ids).order_by("history_date", "history_id"):
        rows[row.id].append(row)
    return rows


@dataclass
class MachineMeeting:
    meeting: Meeting  # the record now (merged into another, if an editor merged it)
    values: dict  # attname -> the machine's value
    participants: set[int]  # leader ids, merges of leaders followed
    merged: bool = False  # merged into another meeting by an editor


@dataclass
class MachineStatement:
    statement: Statement
    values: dict


@dataclass
class MachineView:
    """What the engine stored for a set of articles."""

    meetings: dict[int, MachineMeeting] = field(default_factory=dict)
    statements: dict[int, MachineStatement] = field(default_factory=dict)
    by_article: dict[int, list[int]] = field(default_factory=dict)  # article -> meeting ids
    leaders: dict[int, Leader] = field(default_factory=dict)


def _merge_origins(meeting_ids: set[int]) -> dict[tuple[int, int], int]:
    """(evidence id, meeting it is on) -> the meeting an editor's merge moved it from, for
    every merge not undone into these meetings or, in turn, into those."""
    origins: dict[tuple[int, int], int] = {}
    wanted, seen = set(meeting_ids), set[int]()
    while wanted - seen:
        batch = wanted - seen
        seen |= batch
        merges = Merge.objects.filter(kind=Merge.Kind.MEETING, undone_at=None, keep_id__in=batch)
        for merge in merges.order_by("at", "pk"):
            for evidence_id in merge.moved.get("evidence", []):
                origins[(evidence_id, merge.keep_id)] = merge.drop_id
            wanted.add(merge.drop_id)
    return origins


def _attributed(article_ids) -> tuple[dict[int, list[int]], set[int]]:
    """Each article's meetings as the machine stored them: a source sentence an editor's
    merge moved counts for the meeting it was moved from."""
    evidence = list(
        Evidence.objects.filter(article_id__in=article_ids).values_list(
            "pk", "article_id", "meeting_id"
        )
    )
    origins = _merge_origins({meeting_id for _, _, meeting_id in evidence})
    by_article: dict[int, list[int]] = {pk: [] for pk in article_ids}
    dropped = set(origins.values())
    for pk, article_id, meeting_id in evidence:
        while (pk, meeting_id) in origins:
            meeting_id = origins[(pk, meeting_id)]
        if meeting_id not in by_article[article_id]:
            by_article[article_id].append(meeting_id)
    return by_article, dropped


def _participants_then(meeting: Meeting, rows: list, when) -> set[int]:
    """The meeting's participants (leader ids) at ``when``, worked back from those of now
    through the participation history written since (as meetings.services.rows_at does;
    a participation never changes meeting). A participation created without a history
    row (the engine's bulk writes) keeps its present leader."""
    now = {p.pk: p.leader_id for p in meeting.participations.all()}
    earlier: dict[int, Any] = {}  # participation id -> its latest history row so far
    previous: dict[int, Any] = {}  # history id -> the row before it, or None
    for row in rows:
        previous[row.history_id] = earlier.get(row.id)
        earlier[row.id] = row
    for row in reversed(rows):
        if row.history_date <= when:
            break
        if row.history_type == "+":
            now.pop(row.id, None)
        elif row.history_type == "-":
            now[row.id] = row.leader_id
        elif (before := previous[row.history_id]) is not None:
            now[row.id] = before.leader_id
    return set(now.values())


def _surviving(leader_ids: set[int]) -> dict[int, int]:
    """Each leader id -> the leader standing for it now (merges followed); deleted ones
    left out. One query, and one more per step of a chain of merges."""
    pointers: dict[int, int | None] = {}
    wanted = set(leader_ids)
    while wanted:
        found = dict(Leader.objects.filter(pk__in=wanted).values_list("pk", "merged_into_id"))
        pointers.update(found)
        wanted = {t for t in found.values() if t is not None and t not in pointers}
    result = {}
    for start in leader_ids:
        pk, seen = start, set[int]()
        while (nxt := pointers.get(pk)) is not None and pk not in seen:
            seen.add(pk)
            pk = nxt
        if pk in pointers:
            result[start] = pk
    return result


def machine_view(article_ids) -> MachineView:
    """The meetings and statements of these articles as the engine stored them. A fixed
    number of queries, whatever their number."""
    view = MachineView()
    view.by_article, dropped = _attributed(list(article_ids))
    ids = {pk for meetings in view.by_article.values() for pk in meetings}
    meetings = Meeting.objects.filter(pk__in=ids).prefetch_related("participations", "participants")
    history = _history(Meeting, ids)
    raw: dict[int, set[int]] = {}  # meeting -> the machine's participants, unmerged
    then = {}  # meeting -> when the machine last set its participants (an editor did since)
    for meeting in meetings:
        # Folded into a twin by the engine itself: the twin holds its sentences.
        if meeting.merged_into_id and meeting.pk not in dropped:
            continue
        rows = history[meeting.pk]
        values = _machine_values(Meeting, meeting, rows, MEETING_GROUPS)
        view.meetings[meeting.pk] = MachineMeeting(
            meeting, values, set(), merged=meeting.merged_into_id is not None
        )
        source = _source_row(meeting, rows, ("participants",))
        if source is None:
            raw[meeting.pk] = {p.leader_id for p in meeting.participations.all()}
        else:
            then[meeting.pk] = source.history_date
    participations: dict[int, list] = {pk: [] for pk in then}
    for row in Participation.history.filter(meeting_id__in=then).order_by(
        "history_date", "history_id"
    ):
        participations[row.meeting_id].append(row)
    for pk, when in then.items():
        raw[pk] = _participants_then(view.meetings[pk].meeting, participations[pk], when)
    for article_id, meeting_ids in view.by_article.items():
        view.by_article[article_id] = [pk for pk in meeting_ids if pk in view.meetings]
    statements = list(
        Statement.objects.filter(article_id__in=view.by_article).select_related("speaker")
    )
    history = _history(Statement, [s.pk for s in statements])
    for statement in statements:
        values = _machine_values(Statement, statement, history[statement.pk], STATEMENT_GROUPS)
        view.statements[statement.pk] = MachineStatement(statement, values)
    speakers = {s.values["speaker_id"] for s in view.statements.values()}
    surviving = _surviving({pk for people in raw.values() for pk in people} | speakers)
    for pk, people in raw.items():
        view.meetings[pk].participants = {surviving[p] for p in people if p in surviving}
    for s in view.statements.values():
        s.values["speaker_id"] = surviving.get(s.values["speaker_id"])
    view.leaders = Leader.objects.in_bulk(set(surviving.values()))
    return view


def _by_name(leader: Leader) -> str:
    return leader.name


def stored_prediction(records: ArticleRecords, view: MachineView) -> dict:
    """The article's stored extraction as the engine output it (SCHEMA.md's fields that
    score.py reads)."""
    leaders, names = view.leaders, dict[int, Leader]()
    meetings = []
    for pk in view.by_article.get(records.article.pk, []):
        m = view.meetings[pk]
        people = sorted((leaders[p] for p in m.participants if p in leaders), key=_by_name)
        names.update((p.pk, p) for p in people)
        v = m.values
        meetings.append({
            "participants": [p.name for p in people],
            "date": date_value(v["date"], v["date_precision"]),
            "location": {"name": v["place"], "country": v["country"]} if v["place"] else None,
            "kind": v["kind"],
        })  # fmt: skip
    statements = []
    for statement in records.statements:
        v = view.statements[statement.pk].values
        speaker = leaders.get(v["speaker_id"])
        if speaker is None or v["kind"] == Statement.Kind.FRAGMENT:
            continue
        names[speaker.pk] = speaker
        statements.append({"speaker": speaker.name, "text": v["text"], "kind": v["kind"]})
    names.update((pk, records.people[pk]) for pk in records.mentions if pk in records.people)
    return {
        "language": records.article.language,
        "leaders": [{"name": p.name, "country": p.country} for p in names.values()],
        "meetings": meetings,
        "statements": statements,
    }


# --- what editors corrected, by kind of error ------------------------------------------

MEETING_ERRORS = {
    "rejected": "Meeting rejected: no such meeting",
    "merged": "Meeting merged into another: a duplicate",
    "participant_added": "Participant missing (added by an editor)",
    "participant_removed": "Participant wrong (removed by an editor)",
    "date": "Date or its precision",
    "place": "Place or its country",
    "kind": "Kind (bilateral, multilateral, call, visit)",
    "occasion": "Occasion",
}
STATEMENT_ERRORS = {
    "statement_rejected": "Statement rejected",
    "speaker": "Speaker",
    "text": "Quotation text",
    "statement_kind": "Direct or indirect",
    "meeting": "Meeting it was said at",
}


def meeting_errors(m: MachineMeeting) -> list[str]:
    """The kinds of error editors corrected in a meeting the engine made."""
    meeting, v = m.meeting, m.values
    if m.merged:
        return ["merged"]
    now = {p.leader_id for p in meeting.participations.all()}
    errors = ["rejected"] if meeting.status == ReviewStatus.REJECTED else []
    if now - m.participants:
        errors.append("participant_added")
    if m.participants - now:
        errors.append("participant_removed")
    for group in MEETING_GROUPS:
        if any(getattr(meeting, _attname(Meeting, f)) != v[_attname(Meeting, f)] for f in group):
            errors.append(group[0] if group[0] != "date_precision" else "date")
    return errors


def statement_errors(s: MachineStatement) -> list[str]:
    statement, v = s.statement, s.values
    errors = ["statement_rejected"] if statement.status == ReviewStatus.REJECTED else []
    if statement.speaker_id != v["speaker_id"]:
        errors.append("speaker")
    if statement.text != v["text"]:
        errors.append("text")
    if statement.kind != v["kind"]:
        errors.append("statement_kind")
    if statement.meeting_id != v["meeting_id"]:
        errors.append("meeting")
    return errors


@dataclass
class Corrections:
    """How often editors corrected each kind of error, with a few records of each."""

    counts: Counter = field(default_factory=Counter)
    examples: dict[str, list] = field(default_factory=dict)
    meetings: int = 0  # reviewed meetings the engine made
    statements: int = 0
    verified_unchanged: int = 0

    def rows(self) -> list[dict]:
        """Most frequent first; equally frequent ones in the order of the labels."""
        labels = {**MEETING_ERRORS, **STATEMENT_ERRORS}
        order = list(labels)
        kinds = sorted(self.counts, key=lambda kind: (-self.counts[kind], order.index(kind)))
        return [
            {"kind": kind, "label": labels[kind], "records": self.counts[kind],
             "examples": self.examples[kind]}
            for kind in kinds
        ]  # fmt: skip


EXAMPLES = 5


def corrections(view: MachineView) -> Corrections:
    """What editors did to the reviewed records of the engine in this view."""
    found = Corrections()
    items = [
        ("meeting", m.meeting, meeting_errors(m))
        for m in view.meetings.values()
        if m.merged or review_of(m.meeting) != UNREVIEWED
    ] + [
        ("statement", s.statement, statement_errors(s))
        for s in view.statements.values()
        if s.statement.kind != Statement.Kind.FRAGMENT and review_of(s.statement) != UNREVIEWED
    ]
    for what, record, errors in items:
        found.meetings += what == "meeting"
        found.statements += what == "statement"
        if not errors and record.status == ReviewStatus.VERIFIED:
            found.verified_unchanged += 1
        for kind in errors:
            found.counts[kind] += 1
            examples = found.examples.setdefault(kind, [])
            if len(examples) < EXAMPLES:
                examples.append((what, record))
    return found
