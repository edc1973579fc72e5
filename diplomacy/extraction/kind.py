"""Stage 11, kind: bilateral, multilateral, call or visit.

Reads the trigger, its sentence and the places. Tells a visit (a visit phrase, a host's
seat, a visit noun near) and a call (by its means: phone, video) from a meeting.
"""

from __future__ import annotations

from diplomacy.extraction import lexicon
from diplomacy.extraction.dating import in_quote_span
from diplomacy.extraction.document import (
    Document,
    Mention,
    Place,
    clause_break,
    mentions_in_sentence,
    places_starting,
    sentence_tokens,
)
from diplomacy.extraction.names import leader_entry
from diplomacy.extraction.pairs import NOT_SEATS, joint_subject
from diplomacy.extraction.placing import of_venue, source_place
from diplomacy.extraction.resolution import resolve_mention
from diplomacy.extraction.triggers import Trigger
from diplomacy.extraction.words import VISIT_NOUNS, folded_words


def _visit_phrase_in(doc: Document, sentence: int, wanted: set[str]) -> bool:
    phrases = doc.lx.visit_phrases
    for k in sentence_tokens(doc, sentence):
        if doc.quote_of[k] >= 0 or phrases.firsts.isdisjoint(doc.forms[k]):
            continue
        n, kinds = phrases.match(doc.tokens, k, doc.language, doc.joined, forms=doc.forms)
        if n and wanted.intersection(kinds):
            return True
    return False


def _visit_before(doc: Document, t: Trigger, keys: set[str]) -> bool:
    """ "Dan se află într-o vizită de lucru în Franța, iar Macron l-a întâmpinat … Dan
    părea bucuros de întâlnirea cu președintele Franței": the sentence before, in the
    same paragraph, names both sides on a visit."""
    k = t.sentence - 1
    if k < 0 or doc.paragraph_of_sentence[k] != doc.paragraph_of_sentence[t.sentence]:
        return False
    named = {
        resolve_mention(doc, m)
        for m in mentions_in_sentence(doc, k)
        if m.sentence == k and not m.in_quote
    }
    sidelines = doc.lx.sidelines
    return (
        keys <= named
        and not any(doc.tokens[j].norm in sidelines for j in sentence_tokens(doc, t.sentence))
        and _visit_phrase_in(doc, k, {"visit"})
    )


_PREPARATION = folded_words(lexicon.every("preparation"))


def _prepared(doc: Document, k: int) -> bool:
    """ "обсудил подготовку августовского саммита": a summit being prepared, talked
    about, is not the gathering the meeting is held on the sidelines of."""
    return any(doc.tokens[j].norm in _PREPARATION for j in range(max(0, k - 3), k))


def _is_visit(
    doc: Document,
    t: Trigger,
    place: tuple[str, str] | None,
    countries: set[str | None],
    joint: bool = False,
) -> bool:
    """A visit or a reception at the host's seat, not two sides talking elsewhere.

    A visit or reception word by the meeting word counts with a place in a party's
    country; the host's seat (a named one such as the Kremlin, or "the presidential
    palace"), a named kind of visit or the honours of a reception count anywhere in
    the sentence. On the sidelines of a gathering it is bilateral.
    """
    if len(countries) != 2:
        return False
    span = sentence_tokens(doc, t.sentence)
    if any(doc.tokens[k].norm in doc.lx.sidelines and not _prepared(doc, k) for k in span):
        return False
    host = place is not None and place[1] in countries
    if host and (
        _visit_noun_near(doc, t)
        or any(doc.tokens[k].norm in doc.lx.visits and doc.quote_of[k] < 0 for k in span)
    ):
        return True
    # "A and B met at the Kremlin": two sides meeting at a seat, not a reception.
    if _visit_phrase_in(doc, t.sentence, {"visit"} if joint else {"visit", "seat"}):
        return True
    if joint:
        return False
    s, e = doc.sentences[t.sentence]
    return any(
        s <= p.start < e
        and p.kind == "venue"
        and p.code in countries
        and (p.locative or _venue_as_scene(doc, p))
        and not in_quote_span(doc, p.start)
        and tuple(tok.norm for tok in doc.tokens[p.ti : p.tj]) not in NOT_SEATS
        for p in places_starting(doc, s, e)
    )


def _call_means(doc: Document, t: Trigger, span: range) -> bool:
    """ "haben … per Videoschalte … beraten": a call given as the means, anywhere in the
    meeting word's clause (German puts the verb at the end, far from the means)."""
    lo, hi = t.ti, t.tj - 1
    while lo > span.start and not clause_break(doc, lo - 1):
        lo -= 1
    while hi < span.stop - 1 and not clause_break(doc, hi):
        hi += 1
    calls = doc.lx.calls
    return any(
        doc.tokens[k].norm in doc.lx.call_means
        and doc.quote_of[k] < 0
        and any(f in calls for f in doc.forms[k + 1])
        for k in range(lo, hi)
    )


def _venue_as_scene(doc: Document, p: Place) -> bool:
    """A venue not after a locative word may still be the scene ("alla Casa Bianca"), but
    not a source ("fuentes de la Casa Rosada", "пресс-служба Кремля") nor part of a
    title ("White House envoy")."""
    if (
        doc.lx.grammar.venue_scene_needs_locative
        or p.tj in doc.role_tokens
        or p.ti in doc.role_tokens
    ):
        return False
    if p.tj < len(doc.tokens) and doc.tokens[p.tj].norm in doc.lx.relational:
        return False  # "Kremlin spokesman"
    return not (source_place(doc, p) or of_venue(doc, p))


def _visit_noun_near(doc: Document, t: Trigger) -> bool:
    span = sentence_tokens(doc, t.sentence)
    return any(
        doc.tokens[k].norm in VISIT_NOUNS
        for k in range(max(span.start, t.ti - 3), min(span.stop, t.tj + 3))
    )


def meeting_kind(doc: Document, t: Trigger, keys: list[str], place, mentions: list[Mention]) -> str:
    """call, multilateral, visit or bilateral. Call and visit words count near the
    meeting word only ("a video released by his office" later in the sentence does not
    make talks a video call)."""
    span = sentence_tokens(doc, t.sentence)
    window = range(max(span.start, t.ti - 6), min(span.stop, t.tj + 6))
    words = {f for k in window if doc.quote_of[k] < 0 for f in doc.forms[k]}
    countries = {leader_entry(doc, k).country for k in keys}
    if words & doc.lx.calls or _call_means(doc, t, span):
        return "call"
    if len(countries) >= 3 or (len(countries) == 1 and len(keys) >= 3):
        # Three sides, or a domestic consultation of three or more people.
        return "multilateral"
    if _is_visit(doc, t, place, countries, joint_subject(doc, t, mentions)) or (
        len(countries) == 2 and _visit_before(doc, t, set(keys))
    ):
        return "visit"
    return "bilateral"
