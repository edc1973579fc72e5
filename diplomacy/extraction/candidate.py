"""One meeting candidate: a trigger and its people → an ``ExtractedMeeting``, or none.

Reads a trigger and the mentions assigned to it. Decides the participants (with the
pair referred back to when needed), then calls the dating, placing and kind stages and
builds the meeting with its evidence, or adds it to ``doc.planned``.
"""

from __future__ import annotations

from datetime import date, timedelta

from diplomacy.extraction.dating import (
    _context_day,
    _day_after_before,
    _is_past,
    _meeting_date,
    _middle,
    _recent,
)
from diplomacy.extraction.document import _EVE, _RECEIVE, Mention, _Doc, _sentence_tokens
from diplomacy.extraction.kind import _call_means, _is_visit, _visit_before
from diplomacy.extraction.names import _entry
from diplomacy.extraction.pairs import (
    _each_with,
    _joint_subject,
    _main_pair,
    _object_of_with,
    _pair_in_paragraph,
    _pair_subject,
    _preceding_leader,
    _recent_pair,
    _two_sides,
)
from diplomacy.extraction.parties import _participle_phrase, _receives_a_thing, _weak_ok
from diplomacy.extraction.placing import _meeting_place
from diplomacy.extraction.resolution import _resolve
from diplomacy.extraction.triggers import _Trigger
from diplomacy.extraction.types import (
    ExtractedMeeting,
    Span,
)


def _meeting_for(
    doc: _Doc,
    t: _Trigger,
    mentions: list[Mention],
    protagonist: str | None,
    news_date: date | None,
) -> ExtractedMeeting | None:
    s, e = doc.sentences[t.sentence]
    when = _meeting_date(doc, t, s, e)
    after = _day_after_before(doc, t, s)
    if when is not None and doc.anchor_day and doc.folded[when.start : when.end] in _EVE:
        day = doc.anchor_day - timedelta(days=1)
        value, precision = day.isoformat(), "day"
    elif after is not None and (when is None or when.start < after) and news_date is not None:
        # "Trump met Zelensky on Wednesday, a day after he spoke by phone with Erdogan":
        # what follows "a day after" happened the day before the sentence's event.
        base = when.day if when is not None and when.precision == "day" else news_date
        day = base - timedelta(days=1)
        value, precision = day.isoformat(), "day"
    elif when is not None and when.value:
        value, precision, day = when.value, when.precision, when.day
    elif when is not None and doc.published is not None:
        # "in der kommenden Woche": a time to come with no day; dated by publication.
        value, precision, day = doc.published.isoformat(), "day", doc.published
    elif (context := _context_day(doc, t.sentence)) is not None:
        # "Den Weg … hatte ein Dreiertreffen am Montagabend freigemacht. Erdoğan kam in
        # Vilnius mit Kristersson zusammen": an undated sentence goes on with the event
        # of the sentence before it.
        value, precision, day = context.isoformat(), "day", context
    elif news_date is not None and (t.sentence > 0 or not t.blocked):
        # An undated meeting in the body ("Zeitgleich sprach Macron mit Putin", "Poco
        # dopo…") or in the headline belongs to the day of the article's news, which may
        # be the day before publication.
        value, precision, day = news_date.isoformat(), "day", news_date
    elif doc.published is not None:
        value, precision, day = doc.published.isoformat(), "day", doc.published
    else:
        value, precision, day = None, None, None  # no publication date: no time known
    keys: list[str] = []
    reporters: set[str] = set()
    for m in mentions:
        key = _resolve(doc, m)
        if m.kind == "role" and m.country and day is not None and day != doc.published:
            # "the Indonesian president" of a meeting in 2022 is the one of 2022.
            holder = doc.kb.resolve_office_holder(m.country, m.role, _middle(day, precision))
            key = holder.key if holder else key
        if key and key not in keys:
            keys.append(key)
        if key and m.reporter:
            reporters.add(key)
    if len(keys) >= 3 and reporters and len(set(keys) - reporters) >= 2:
        keys = [k for k in keys if k not in reporters]
    linked = False
    if len(keys) == 1:
        only = next((m for m in mentions if _resolve(doc, m) == keys[0]), mentions[0])
        pair = _pair_subject(doc, t) and (
            _pair_in_paragraph(doc, t.sentence)
            or _main_pair(doc)
            or _recent_pair(doc, t.sentence)
            or doc.last_pair
        )
        if pair and keys[0] not in pair and _object_of_with(doc, t, only):
            # "les deux dirigeants ont eu un échange téléphonique avec X": the pair and X.
            keys, linked = [*pair, keys[0]], True
        elif _object_of_with(doc, t, only):
            # "teve encontro com X", "întâlnirea cu X": the other party is the clause's
            # subject, named earlier in the sentence, or else the article's protagonist.
            partner = _preceding_leader(doc, t, keys[0]) or protagonist
            if partner and partner != keys[0]:
                keys = [partner, *keys]
        elif (not t.weak and t.tj <= only.ti <= t.tj + 3) or (
            doc.tokens[t.ti].norm in _RECEIVE
            and t.tj <= only.ti <= t.tj + 14
            and not _participle_phrase(doc, t)
        ):
            # "puis a rencontré Giorgia Meloni": the object of a meeting verb; the
            # subject is the leader named before it in the sentence.
            partner = _preceding_leader(doc, t, keys[0])
            if partner:
                keys = [partner, *keys]
                # A reception verb with its subject and object found is a meeting.
                linked = doc.tokens[t.ti].norm in _RECEIVE and not _receives_a_thing(doc, t)
        else:
            extra = _two_sides(doc, t, keys[0])
            keys.extend(k for k in extra if k not in keys)
            linked = bool(extra)
    if len(keys) >= 2 and _each_with(doc, t, mentions) and not _pair_subject(doc, t):
        # "o petista se encontrou com Ramaphosa, …, e com Prabowo": those met are all
        # objects of "with"; the subject is the leader before, or the protagonist.
        partner = _preceding_leader(doc, t, "") or protagonist
        if partner and partner not in keys:
            keys, linked = [partner, *keys], True
    if len(keys) < 2 and _pair_subject(doc, t):
        # "The two leaders last met in December": the pair just reported meeting, or
        # else the article's two main leaders.
        pair = (
            _pair_in_paragraph(doc, t.sentence)
            or _main_pair(doc)
            or _recent_pair(doc, t.sentence)
            or doc.last_pair
        )
        if pair and set(keys) <= set(pair):
            keys, linked = list(pair), True
    elif len(keys) >= 2 and _pair_subject(doc, t) and not t.blocked:
        # "Im Anschluss kamen beide mit sieben Europäern zusammen, darunter X, Y": the
        # pair just reported meeting, joined by those named.
        pair = doc.last_pair
        if pair and not set(pair) & set(keys) and _object_of_with(doc, t, mentions[0]):
            keys = [*pair, *keys]
    if len(keys) < 2:
        return None
    if t.weak and not linked and not _weak_ok(doc, t, mentions):
        return None
    past = _is_past(day, precision, news_date) or bool(when and when.past)
    planned = t.blocked == "planned" or bool(when and when.future)
    place = _meeting_place(doc, t, s, e, current=not past or _recent(day, news_date))
    # Call and visit words count near the meeting word only ("a video released by his
    # office" later in the sentence does not make talks a video call).
    span = _sentence_tokens(doc, t.sentence)
    window = range(max(span.start, t.ti - 6), min(span.stop, t.tj + 6))
    words = {f for k in window if doc.quote_of[k] < 0 for f in doc.forms[k]}
    countries = {_entry(doc, k).country for k in keys}
    if words & doc.lx.calls or _call_means(doc, t, span):
        kind = "call"
    elif len(countries) >= 3 or (len(countries) == 1 and len(keys) >= 3):
        # Three sides, or a domestic consultation of three or more people.
        kind = "multilateral"
    elif _is_visit(doc, t, place, countries, _joint_subject(doc, t, mentions)) or (
        len(countries) == 2 and _visit_before(doc, t, set(keys))
    ):
        kind = "visit"
    else:
        kind = "bilateral"
    if kind == "call":
        place = None
    confidence = 0.9 if not t.weak else 0.75
    doc.involved.extend(k for k in keys if k not in doc.involved)
    meeting = ExtractedMeeting(
        participants=[_entry(doc, k).name for k in keys],
        date=value,
        date_precision=precision,
        location_name=place[0] if place else None,
        location_country=place[1] if place else None,
        kind=kind,
        reported_as="planned" if planned else "past" if past else "current",
        confidence=confidence,
        evidence=[Span(s, e, doc.text[s:e])],
    )
    if len(keys) == 2 and not planned:
        doc.last_pair = list(keys)
    if when is None:
        doc.undated.add(id(meeting))
    elif precision == "day" and not planned:
        doc.anchor_day = day
    return meeting
