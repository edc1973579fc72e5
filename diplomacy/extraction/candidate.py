"""One meeting candidate: a trigger and its people → an ``ExtractedMeeting``, or none.

Reads a trigger and the mentions assigned to it. A ``Candidate`` carries what each stage
decides about it: the dating stage's date, the parties (with the pair referred back to
when needed), modality, place and kind; the meeting is built from it with its evidence.
The document keeps the last pair and the last dated day for the candidates after it.
When the extraction is traced (``doc.trace``), ``trace_open``, ``trace_parties`` and
``trace_kept`` write each candidate's parties and why, its date, place and kind into the
trace (``trace.CandidateTrace``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from diplomacy.extraction.dates import DateMention
from diplomacy.extraction.dating import (
    candidate_date,
    is_past,
    meeting_date,
    middle,
    recent,
)
from diplomacy.extraction.document import Document, Mention
from diplomacy.extraction.kind import meeting_kind
from diplomacy.extraction.names import leader_entry
from diplomacy.extraction.pairs import (
    conjoined,
    each_with,
    main_pair,
    object_of_with,
    pair_in_paragraph,
    pair_subject,
    preceding_leader,
    recent_pair,
    staff,
    subject_after_fronted,
    two_sides_of,
)
from diplomacy.extraction.parties import participle_phrase, receives_a_thing, weak_ok
from diplomacy.extraction.placing import meeting_place
from diplomacy.extraction.resolution import resolve_mention
from diplomacy.extraction.trace import PartyNote, note
from diplomacy.extraction.triggers import Trigger
from diplomacy.extraction.types import (
    ExtractedMeeting,
    Span,
)
from diplomacy.extraction.words import RECEIVE


@dataclass
class Candidate:
    """One meeting candidate: a meeting word with the people assigned to it, and what
    each stage decided about it, in the order they decide it."""

    trigger: Trigger
    mentions: list[Mention]
    start: int  # the sentence: the meeting's evidence
    end: int
    when: DateMention | None = None  # the date written for it (dating)
    value: str | None = None  # its date (YYYY-MM-DD, YYYY-MM or YYYY), precision, first day
    precision: str | None = None
    day: date | None = None
    keys: list[str] = field(default_factory=list)  # its parties (parties, pairs)
    linked: bool = False  # parties found by a pair or a subject, not only named near it
    past: bool = False  # reported as an earlier meeting (dating)
    planned: bool = False  # future, wished for or conditional (modality, dating)
    place: tuple[str, str] | None = None  # (name, country) (placing)
    kind: str = ""  # call | visit | multilateral | bilateral (kind)


def meeting_for(
    doc: Document,
    t: Trigger,
    mentions: list[Mention],
    protagonist: str | None,
    news_date: date | None,
) -> ExtractedMeeting | None:
    tracing = doc.trace is not None
    if tracing:
        trace_open(doc, t)
    mentions = _without_pronouns_of_another_clause(doc, t, mentions)
    c = Candidate(t, mentions, *doc.sentences[t.sentence])
    c.when = meeting_date(doc, t, c.start, c.end)
    c.value, c.precision, c.day = candidate_date(doc, t, c.when, news_date)
    keys = _party_keys(doc, t, mentions, c.day, c.precision)
    c.keys, c.linked = _completed_parties(doc, t, mentions, keys, protagonist)
    if tracing:
        trace_parties(doc, t, mentions, c)
        doc.trace.current.date, doc.trace.current.date_precision = c.value, c.precision
    if len(c.keys) < 2:
        note(doc, "reason", "fewer than two leaders are its parties")
        return None
    if t.weak and not c.linked and not weak_ok(doc, t, mentions):
        note(doc, "reason", "a vague meeting word whose people are not linked to it")
        return None
    c.past = is_past(c.day, c.precision, news_date) or bool(c.when and c.when.past)
    c.planned = t.blocked == "planned" or bool(c.when and c.when.future)
    current = not c.past or recent(c.day, news_date)
    c.place = meeting_place(doc, t, c.start, c.end, current=current)
    c.kind = meeting_kind(doc, t, c.keys, c.place, mentions)
    if c.kind == "call":
        c.place = None
        note(doc, "place_cue", "a call has no place")
    meeting = _meeting(doc, c)
    if tracing:
        trace_kept(doc, c, meeting)
    return meeting


def _without_pronouns_of_another_clause(
    doc: Document, t: Trigger, mentions: list[Mention]
) -> list[Mention]:
    """ "Il est en vacances : Macron s'est entretenu avec Trump": a pronoun before a colon
    or semicolon belongs to its own clause when a leader is named as the meeting's
    subject after it."""
    text = doc.text
    out = []
    for m in mentions:
        if m.kind == "pronoun" and m.end <= doc.tokens[t.ti].start:
            between = text[m.end : doc.tokens[t.ti].start]
            cut = max(between.rfind(":"), between.rfind(";"))
            if cut >= 0 and any(
                o.kind != "pronoun" and m.end + cut < o.start < doc.tokens[t.ti].start
                for o in mentions
            ):
                continue
        out.append(m)
    return out


def _meeting(doc: Document, c: Candidate) -> ExtractedMeeting:
    """The meeting of a candidate that has its parties; the document keeps its pair and
    day for the candidates after it."""
    confidence = 0.9 if not c.trigger.weak else 0.75
    doc.involved.extend(k for k in c.keys if k not in doc.involved)
    meeting = ExtractedMeeting(
        participants=[leader_entry(doc, k).name for k in c.keys],
        date=c.value,
        date_precision=c.precision,
        location_name=c.place[0] if c.place else None,
        location_country=c.place[1] if c.place else None,
        kind=c.kind,
        reported_as="planned" if c.planned else "past" if c.past else "current",
        confidence=confidence,
        evidence=[Span(c.start, c.end, doc.text[c.start : c.end])],
    )
    if len(c.keys) == 2 and not c.planned:
        doc.last_pair = list(c.keys)
    if c.when is None:
        doc.undated.add(id(meeting))
    elif c.precision == "day" and not c.planned:
        doc.anchor_day = c.day
    return meeting


def _party_keys(
    doc: Document, t: Trigger, mentions: list[Mention], day: date | None, precision: str | None
) -> list[str]:
    """The leaders the trigger's mentions stand for, on the meeting's day; those only
    reporting it are left out when at least two others remain."""
    keys: list[str] = []
    reporters: set[str] = set()
    for m in mentions:
        key = resolve_mention(doc, m)
        if m.kind == "role" and m.country and day is not None and day != doc.published:
            # "the Indonesian president" of a meeting in 2022 is the one of 2022.
            holder = doc.kb.resolve_office_holder(m.country, m.role, middle(day, precision))
            key = holder.key if holder else key
        if key and key not in keys:
            keys.append(key)
        if key and m.reporter:
            reporters.add(key)
        if doc.trace is not None:
            doc.trace.resolved.append((m, key))
    if (
        len(keys) >= 3
        and reporters
        and len(set(keys) - reporters) >= 2
        # "…, said Schröder after a meeting with Putin and Chirac": he met them.
        and not _list_after_with(doc, t, [m for m in mentions if not m.reporter])
    ):
        keys = [k for k in keys if k not in reporters]
    # "Ushakov added that during the call Trump …": a press secretary or aide who reports
    # the meeting is not a party to it.
    spokesmen = {k for k in reporters if staff(doc, k)}
    if spokesmen and set(keys) - spokesmen:
        keys = [k for k in keys if k not in spokesmen]
    return keys


def _completed_parties(
    doc: Document, t: Trigger, mentions: list[Mention], keys: list[str], protagonist: str | None
) -> tuple[list[str], bool]:
    """The parties with those the sentence implies (the subject before, the pair referred
    back to, the protagonist), and whether they were linked to the trigger that way."""
    linked = False
    if len(keys) == 1:
        keys, linked = _with_partner(doc, t, mentions, keys, protagonist)
    if len(keys) >= 2 and each_with(doc, t, mentions) and not pair_subject(doc, t):
        # "o petista se encontrou com Ramaphosa, …, e com Prabowo": those met are all
        # objects of "with"; the subject is the leader before, or the protagonist.
        partner = preceding_leader(doc, t, "") or protagonist
        if partner and partner not in keys:
            keys, linked = [partner, *keys], True
            implied(doc, [partner], _SUBJECT_OF_WITH)
    keys, paired = _with_pair(doc, t, mentions, keys)
    return keys, linked or paired


def _list_after_with(doc: Document, t: Trigger, mentions: list[Mention]) -> bool:
    """Every leader named is after the meeting word, the first after "with", the others
    joined to it by a conjunction ("with Presidents Putin and Chirac")."""
    named = sorted((m for m in mentions if m.kind != "pronoun"), key=lambda m: m.start)
    if len(named) < 2 or named[0].ti < t.tj or not object_of_with(doc, t, named[0]):
        return False
    return all(
        conjoined(doc, [a, b]) or doc.text[a.end : b.start].strip() == ","
        for a, b in zip(named, named[1:], strict=False)
    )


def _with_partner(
    doc: Document, t: Trigger, mentions: list[Mention], keys: list[str], protagonist: str | None
) -> tuple[list[str], bool]:
    """One leader named: the other party from the pair, the subject or the protagonist."""
    only = next((m for m in mentions if resolve_mention(doc, m) == keys[0]), mentions[0])
    pair = pair_subject(doc, t) and (
        pair_in_paragraph(doc, t.sentence)
        or main_pair(doc)
        or recent_pair(doc, t.sentence)
        or doc.last_pair
    )
    if pair and keys[0] not in pair and object_of_with(doc, t, only):
        # "les deux dirigeants ont eu un échange téléphonique avec X": the pair and X.
        implied(doc, pair, "'the two leaders' before a meeting 'with' the one named")
        return [*pair, keys[0]], True
    if object_of_with(doc, t, only):
        # "teve encontro com X", "întâlnirea cu X": the other party is the clause's
        # subject, named earlier in the sentence, or else the article's protagonist.
        partner = (
            preceding_leader(doc, t, keys[0]) or subject_after_fronted(doc, t, only) or protagonist
        )
        if partner and partner != keys[0]:
            keys = [partner, *keys]
            implied(doc, [partner], _SUBJECT_OF_WITH)
        return keys, False
    if (not t.weak and t.tj <= only.ti <= t.tj + 3) or (
        doc.tokens[t.ti].norm in RECEIVE
        and t.tj <= only.ti <= t.tj + 14
        and not participle_phrase(doc, t)
    ):
        # "puis a rencontré Giorgia Meloni": the object of a meeting verb; the
        # subject is the leader named before it in the sentence.
        partner = preceding_leader(doc, t, keys[0])
        if partner:
            implied(doc, [partner], "the subject: the leader named before the meeting verb")
            # A reception verb with its subject and object found is a meeting.
            return [partner, *keys], doc.tokens[t.ti].norm in RECEIVE and not receives_a_thing(
                doc, t
            )
        return keys, False
    extra = two_sides_of(doc, t, keys[0])
    implied(doc, extra, "the other side of a meeting 'between' two sides")
    keys.extend(k for k in extra if k not in keys)
    return keys, bool(extra)


def _with_pair(
    doc: Document, t: Trigger, mentions: list[Mention], keys: list[str]
) -> tuple[list[str], bool]:
    """ "the two leaders" as the subject: the pair just reported meeting, or else the
    article's two main leaders; and whether the pair completed the parties."""
    if len(keys) < 2 and pair_subject(doc, t):
        # "The two leaders last met in December": the pair just reported meeting, or
        # else the article's two main leaders.
        pair = (
            pair_in_paragraph(doc, t.sentence)
            or main_pair(doc)
            or recent_pair(doc, t.sentence)
            or doc.last_pair
        )
        if pair and set(keys) <= set(pair):
            implied(doc, pair, "'the two leaders': the pair just reported, or the main two")
            return list(pair), True
    elif len(keys) >= 2 and pair_subject(doc, t) and not t.blocked:
        # "Im Anschluss kamen beide mit sieben Europäern zusammen, darunter X, Y": the
        # pair just reported meeting, joined by those named.
        pair = doc.last_pair
        if pair and not set(pair) & set(keys) and object_of_with(doc, t, mentions[0]):
            implied(doc, pair, "'both' before 'with': the pair just reported meeting")
            return [*pair, *keys], False
    return keys, False


# How a party not named beside the meeting word was found (the trace's reasons).
_SUBJECT_OF_WITH = "the subject before a meeting 'with' others, or else the article's protagonist"


def implied(doc: Document, keys: list[str], why: str) -> None:
    if doc.trace is not None:
        for k in keys:
            doc.trace.implied.setdefault(k, why)


def trace_open(doc: Document, t: Trigger) -> None:
    """Start (or start again) the trace of a meeting word's candidate."""
    trace = doc.trace
    c = trace.current = trace.by_trigger[t.ti]
    c.people, c.made, c.decision, c.reason = [], [], "", ""
    c.date = c.date_precision = c.place = None
    c.date_source = c.place_cue = c.kind = ""
    trace.resolved, trace.implied = [], {}


def trace_parties(doc: Document, t: Trigger, mentions: list[Mention], c: Candidate) -> None:
    """Why each leader of the sentence is or is not a party of the candidate."""
    trace = doc.trace
    notes = trace.current.people
    seen: set[tuple[str, bool]] = set()

    def add(name: str, party: bool, reason: str) -> None:
        if (name, party) not in seen:
            seen.add((name, party))
            notes.append(PartyNote(name, party, reason))

    keys = set(c.keys)
    reporters = {key for m, key in trace.resolved if key and m.reporter}
    for m, key in trace.resolved:
        name = _shown(doc, m, key)
        if key in keys:
            add(name, True, f"named beside the meeting word ({m.kind})")
        elif not key:
            add(name, False, "not resolved to a leader")
        elif key in reporters:
            add(name, False, "only reports the meeting, which two others held")
        else:
            add(name, False, "left out when the parties were completed")
    named = {key for _, key in trace.resolved}
    for key in c.keys:
        if key not in named:
            add(leader_entry(doc, key).name, True, trace.implied.get(key, "implied"))
    given = {id(m) for m in mentions}
    for m in doc.mentions:
        if m.sentence != t.sentence or id(m) in given or m.kind == "pronoun":
            continue
        name = _shown(doc, m, m.key)
        if m.key in keys:
            continue  # a party already, through another mention
        add(name, False, trace.left_out.get(id(m), "nearer another meeting word"))


def _shown(doc: Document, m: Mention, key: str | None) -> str:
    """A mention as written, with the leader it stands for when that reads otherwise."""
    said = doc.text[m.start : m.end]
    name = leader_entry(doc, key).name if key else said
    return said if name == said else f"{said} → {name}"


def trace_kept(doc: Document, c: Candidate, meeting: ExtractedMeeting) -> None:
    ct = doc.trace.current
    ct.date, ct.date_precision = c.value, c.precision
    ct.place = c.place[0] if c.place else None
    ct.kind = c.kind
    if c.planned and c.trigger.blocked != "planned":
        ct.modality = "planned"
        ct.modality_cue += "; but its date is to come"
    elif c.past:
        ct.modality_cue += "; reported as an earlier meeting (dated before the news)"
    ct.made.append(meeting)
