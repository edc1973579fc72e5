"""The meeting stages in order: triggers → parties → candidates → dating → merging.

Reads the annotated document. Gives the article's meetings; planned ones go to
``doc.planned``. Meeting words that stand for one meeting per pair ("met separately
with X and Y") are distributed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from diplomacy.extraction import lexicon
from diplomacy.extraction.candidate import meeting_for
from diplomacy.extraction.dating import (
    adopt_dates,
    date_from_the_story,
    dated_elsewhere,
    find_news_date,
)
from diplomacy.extraction.document import Document, Mention, mentions_in_sentence, sentence_tokens
from diplomacy.extraction.merging import merge
from diplomacy.extraction.names import leader_entry
from diplomacy.extraction.pairs import each_with, pair_subject, preceding_leader
from diplomacy.extraction.parties import (
    assign,
    attendee,
    in_empty_relative_clause,
    is_not_party,
    joins_meeting,
    possessive,
    weak_ok,
)
from diplomacy.extraction.placing import find_protagonist
from diplomacy.extraction.resolution import after_with, resolve_mention
from diplomacy.extraction.triggers import Trigger, find_triggers
from diplomacy.extraction.types import (
    ExtractedMeeting,
)
from diplomacy.extraction.words import folded_words


def find_meetings(doc: Document) -> list[ExtractedMeeting]:
    triggers = find_triggers(doc)
    if not triggers:
        return []
    protagonist = find_protagonist(doc)
    doc.planned_sentences = {t.sentence for t in triggers if t.blocked}
    live = [t for t in triggers if not t.blocked]
    news_date = find_news_date(doc, live)
    # A leader nearest a planned or denied meeting word is its party, not the live
    # one's: "où il doit être reçu mardi par Takaichi, avant de retrouver Xi", "traf
    # Scholz X; ein Treffen mit Tiani hatte der … abgesagt".
    blocked = [t for t in triggers if t.blocked]
    found = _meetings_of(doc, live, protagonist, news_date, rivals=blocked)
    adopt_dates(doc, found, news_date)
    date_from_the_story(doc, found)
    # Planned meetings compete for people among themselves only, as before.
    planned = [t for t in triggers if t.blocked == "planned"]
    doc.planned.extend(_meetings_of(doc, planned, protagonist, news_date))
    keep = []
    for m in found:
        (doc.planned if m.reported_as == "planned" else keep).append(m)
    for m in doc.planned:
        m.reported_as = "planned"
    doc.planned[:] = merge(doc, doc.planned)
    return merge(doc, keep)


def _meetings_of(
    doc: Document,
    triggers: list[Trigger],
    protagonist: str | None,
    news_date: date | None,
    rivals: list[Trigger] = (),
) -> list[ExtractedMeeting]:
    by_sentence: dict[int, list[Trigger]] = {}
    for t in triggers:
        by_sentence.setdefault(t.sentence, []).append(t)
    rivals_of: dict[int, list[Trigger]] = {}
    for t in rivals:
        rivals_of.setdefault(t.sentence, []).append(t)
    found: list[ExtractedMeeting] = []
    last_sentence = -10
    for s, trigs in by_sentence.items():
        people = [
            m
            for m in mentions_in_sentence(doc, s)
            if m.sentence == s and not m.in_quote and not m.dependent and not is_not_party(doc, m)
        ]
        if (
            found
            and s - last_sentence <= 3
            and any(not t.event for t in trigs)  # "attended the summit" is another gathering
            and not dated_elsewhere(doc, *doc.sentences[s])
            and joins_meeting(doc, s, found[-1], people)
        ):
            _trace_drop(doc, trigs, "its people join the meeting reported just before")
            continue
        # "Putin, who hosted the summit, met Pezeshkian": a meeting word inside a
        # relative clause that names nobody does not compete for the sentence's people.
        inner = [t for t in trigs if in_empty_relative_clause(doc, t, people)]
        if inner and len(inner) < len(trigs):
            trigs = [t for t in trigs if t not in inner]
            _trace_drop(doc, inner, "inside a relative clause that names nobody")
        _trace_left_out(doc, s, people)
        if rivals_of.get(s):
            both = sorted([*trigs, *rivals_of[s]], key=lambda t: t.ti)
            claimed = assign(doc, people, both)
            taken = {id(m) for r in rivals_of[s] for m in claimed[id(r)]}
            _trace_rivals(doc, rivals_of[s], claimed)
            people = [m for m in people if id(m) not in taken]
        assigned = assign(doc, people, trigs)
        # A vague word that links nobody ("reçu" without its object) gives its people
        # back to the other meeting words of the sentence.
        kept = [
            t
            for t in trigs
            if not t.weak
            or weak_ok(doc, t, assigned[id(t)])
            or weak_ok(doc, t, people)
            or pair_subject(doc, t)
        ]
        if len(kept) < len(trigs) and kept:
            # "Rubio's visit came two days after X met Maduro": the owner of a dropped
            # meeting noun is no party to the others.
            starts = {t.ti for t in trigs if t not in kept}
            vague = [t for t in trigs if t not in kept]
            _trace_drop(doc, vague, "a vague meeting word that links nobody")
            people = [m for m in people if not (possessive(doc, m) and m.tj + 1 in starts)]
            trigs, assigned = kept, assign(doc, people, kept)
        here = []
        for t in trigs:
            mentions = assigned[id(t)]
            # "At the summit attended by A, B, C and D, A held talks with D": the list of
            # those present before the meeting's clause is not its parties.
            mentions = _without_attendees(doc, t, mentions)
            meeting = meeting_for(doc, t, mentions, protagonist, news_date)
            if meeting is not None:
                made = _distribute(doc, t, assigned[id(t)], meeting, protagonist)
                here.extend(made)
                _trace_made(doc, made)
        if not here and len(trigs) > 1:
            # "a reçu lundi X, pour un entretien": two words of one meeting split its
            # people between them; the first that links them all states it.
            for t in trigs:
                meeting = meeting_for(doc, t, people, protagonist, news_date)
                if meeting is not None:
                    here.append(meeting)
                    _trace_made(doc, [meeting], _RETRIED)
                    break
        found.extend(here)
        if here:
            last_sentence = s
    return found


_DISTRIBUTIVE = folded_words(lexicon.DISTRIBUTIVE)


def _distribute(
    doc: Document, t: Trigger, mentions: list[Mention], meeting: ExtractedMeeting, protagonist
) -> list[ExtractedMeeting]:
    """ "s-a întâlnit separat cu X și cu Y", "trafen Selenskyj zu Einzelgesprächen",
    "mantuvo sendos encuentros con X y con Y": one meeting per pair, not one of all."""
    span = sentence_tokens(doc, t.sentence)
    window = range(max(span.start, t.ti - 3), min(span.stop, t.tj + 4))
    marked = any(_DISTRIBUTIVE.intersection(doc.forms[k]) for k in window)
    if not marked and not each_with(doc, t, mentions):
        return [meeting]
    after = [m for m in mentions if m.ti >= t.tj and m.kind != "pronoun"]
    # "I colloqui separati che Borrell ha avuto con Kurti e con Vucic": the objects of
    # "with" are the ones met one by one, when they are named.
    with_objects = [m for m in after if after_with(doc, m)]
    if len(with_objects) >= 2:
        after = with_objects
    objects: list[str] = []
    for m in after:
        key = resolve_mention(doc, m)
        name = leader_entry(doc, key).name if key else None
        if name in meeting.participants and name not in objects:
            objects.append(name)
    subjects = [n for n in meeting.participants if n not in objects]
    if not subjects and len(objects) >= 2:
        key = preceding_leader(doc, t, "") or protagonist
        subjects = [leader_entry(doc, key).name] if key else []
        subjects = [n for n in subjects if n not in objects]
    if subjects and len(objects) >= 2:
        # "Borrell et Lajčák ont reçu séparément Kurti et Vučić": the hosts together.
        pairs = [[*subjects, o] for o in objects]
    elif len(objects) == 1 and len(subjects) >= 2:
        pairs = [[x, objects[0]] for x in subjects]
    else:
        return [meeting]
    out = []
    for pair in pairs:
        copy = replace(meeting, participants=pair, evidence=list(meeting.evidence))
        if copy.kind == "multilateral":
            # Two sides each time: the hosts together, and the one they receive.
            copy.kind = "bilateral"
        if id(meeting) in doc.undated:
            doc.undated.add(id(copy))
        out.append(copy)
    return out


_RETRIED = "; given all the sentence's people when its words split them"


def _trace_drop(doc: Document, trigs: list[Trigger], why: str) -> None:
    if doc.trace is not None:
        for t in trigs:
            c = doc.trace.by_trigger[t.ti]
            c.decision, c.reason = "dropped", why


def _without_attendees(doc: Document, t: Trigger, mentions: list[Mention]) -> list[Mention]:
    present = [m for m in mentions if m.tj <= t.ti and attendee(doc, m, t)]
    if not present:
        return mentions
    if doc.trace is not None:
        for m in present:
            doc.trace.left_out[id(m)] = "listed among those present, before the meeting's clause"
    gone = {id(m) for m in present}
    return [m for m in mentions if id(m) not in gone]


def _trace_made(doc: Document, made: list[ExtractedMeeting], how: str = "") -> None:
    if doc.trace is not None:
        doc.trace.current.made = list(made)
        doc.trace.current.modality_cue += how


def _trace_rivals(doc: Document, rivals: list[Trigger], claimed: dict) -> None:
    if doc.trace is not None:
        for r in rivals:
            word = doc.trace.by_trigger[r.ti].trigger
            for m in claimed[id(r)]:
                doc.trace.left_out[id(m)] = f"a party of the {r.blocked} meeting word «{word}»"


def _trace_left_out(doc: Document, s: int, people: list[Mention]) -> None:
    """Why the sentence's mentions that are not its people were left out."""
    if doc.trace is None:
        return
    kept = {id(m) for m in people}
    for m in doc.mentions:
        if m.sentence != s or id(m) in kept:
            continue
        if m.in_quote:
            why = "inside a quotation"
        elif m.dependent:
            why = "part of another person's description (dependent)"
        else:
            why = "the object of a word like 'against' or 'for': what the news is about"
        doc.trace.left_out[id(m)] = why
