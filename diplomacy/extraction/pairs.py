"""Parties referred to as a pair or a subject: "the two leaders", "X and Y met", "met with X".

Reads the mentions of a trigger's sentence and the paragraphs before it. Gives the pair
a trigger stands for when the sentence names fewer than two leaders, the leader before
a trigger that is its subject, and the objects of "with".
"""

from __future__ import annotations

from collections import Counter

from diplomacy.extraction import lexicon
from diplomacy.extraction.clauses import INDEFINITE, clause_of, subclauses
from diplomacy.extraction.document import (
    Document,
    Mention,
    clause_break,
    dates_in,
    mention_covers,
    mentions_in_sentence,
    mentions_starting_at,
    role_rank,
    sentence_tokens,
)
from diplomacy.extraction.names import leader_entry
from diplomacy.extraction.prepare import capitalised, sentence_initial
from diplomacy.extraction.resolution import NOT_SPEAKER, resolve_mention
from diplomacy.extraction.text import (
    fold_phrase,
)
from diplomacy.extraction.triggers import Trigger
from diplomacy.extraction.unknown_people import CALENDAR, FUNCTION_WORDS, NOT_NAME
from diplomacy.extraction.words import CONJ, COORDINATORS, RELATIVES, WITH, folded_words

AGENT = folded_words(lexicon.every("agent"))


_AGENT_STRICT = folded_words(lexicon.every("agent_strict"))


def pair_subject(doc: Document, t: Trigger) -> bool:
    """ "The two leaders", "les deux dirigeants", "cei doi" before the meeting word, in its
    sentence, with no leader named in between."""
    span = sentence_tokens(doc, t.sentence)
    lo = span.start
    firsts = doc.lx.pairs.firsts
    # The subject may follow the verb: "Im Anschluss kamen beide …", "se reunieron ambos".
    after = [k for k in (t.tj,) if k < span.stop and not clause_break(doc, t.tj - 1)]
    for k in [*range(max(lo, t.ti - 8), t.ti), *after]:
        if firsts.isdisjoint(doc.forms[k]):
            continue
        n, _ = doc.lx.pairs.match(doc.tokens, k, doc.language, doc.joined, forms=doc.forms)
        if n and _not_a_pair_of_leaders(doc, k + n):
            continue
        if n and not any(
            k < m.ti < t.ti and m.kind == "name"
            for m in mentions_in_sentence(doc, t.sentence)
            if m.sentence == t.sentence
        ):
            return True
    return False


_STAFF_TITLES = tuple(t.lower() for t in lexicon.every("staff_titles"))


def staff(doc: Document, key: str) -> bool:
    """A spokesperson, press secretary or aide on the article's day: one who speaks for a
    leader, never one of "the two leaders"."""
    office = doc.kb.office_on(key, doc.published)
    if office is None or office.role != "official":
        return False
    title = office.title.lower()
    return any(w in title for w in _STAFF_TITLES)


def pair_in_paragraph(doc: Document, sentence: int) -> list[str]:
    """The two leaders named in the previous sentence of the same paragraph ("Trump is to
    sit down with Xi. The two leaders last met in Buenos Aires")."""
    para = doc.paragraph_of_sentence[sentence]
    for s in range(sentence - 1, max(-1, sentence - 3), -1):
        if doc.paragraph_of_sentence[s] != para:
            break
        keys = []
        for m in mentions_in_sentence(doc, s):
            if (
                m.sentence == s
                and m.kind == "name"
                and m.key
                and not m.in_quote
                and m.key not in keys
                and not staff(doc, m.key)
            ):
                keys.append(m.key)
        if len(keys) == 2:
            return keys
        if keys:
            break
    return []


def recent_pair(doc: Document, sentence: int) -> list[str]:
    """The two leaders named most recently before the sentence, even in an earlier
    paragraph ("… talks between Ishiba and Lee. … Ishiba said … Both leaders had met in
    June"): the last two distinct names within a few sentences, none a third in a tie."""
    keys: list[str] = []
    for s in range(sentence - 1, max(-1, sentence - 5), -1):
        found = []
        for m in mentions_in_sentence(doc, s):
            named = m.sentence == s and m.kind == "name" and m.key and not m.in_quote
            named = named and not staff(doc, m.key)
            if named and m.key not in keys and m.key not in found:
                found.append(m.key)
        if len(keys) + len(found) > 2:
            return []
        keys.extend(found)
        if len(keys) == 2:
            return keys
    return []


# Nouns after "the two" that make it a pair of something else ("the two countries",
# "the two-day summit", "i due giorni").
_NOT_PAIR_NOUNS = folded_words(lexicon.every("not_pair_nouns"))


def _not_a_pair_of_leaders(doc: Document, k: int) -> bool:
    if k >= len(doc.tokens):
        return False
    hyphen = k > 0 and doc.text[doc.tokens[k - 1].end : doc.tokens[k].start] in ("-", "‐", "‑")
    return hyphen or doc.tokens[k].norm in _NOT_PAIR_NOUNS


def main_pair(doc: Document) -> list[str]:
    # The mentions do not change while meetings are read: count them once.
    cached = doc.indexes.get("main_pair")
    if cached is not None and cached[0] is doc.mentions and cached[1] == len(doc.mentions):
        return list(cached[2])
    found = _main_pair(doc)
    doc.indexes["main_pair"] = (doc.mentions, len(doc.mentions), found)
    return list(found)


def _main_pair(doc: Document) -> list[str]:
    counts = Counter(
        m.key
        for m in doc.mentions
        if m.kind == "name" and m.key and not m.in_quote and not staff(doc, m.key)
    )
    top = counts.most_common(3)
    # Only a clear pair: two leaders ahead of any third.
    if len(top) < 2 or (len(top) == 3 and top[2][1] >= top[1][1]):
        return []
    return [top[0][0], top[1][0]]


def object_of_with(doc: Document, t: Trigger, m: Mention) -> bool:
    """The mention follows the meeting word after "with", no other leader in between."""
    if m.ti < t.tj:
        return False
    for k in range(m.ti - 1, t.tj - 1, -1):
        if doc.tokens[k].norm in WITH:
            return not any(
                o is not m and k < o.ti < m.ti and o.kind != "pronoun"
                for j in range(k + 1, m.ti)
                for o in mentions_starting_at(doc, j)
            )
    return False


def each_with(doc: Document, t: Trigger, mentions: list[Mention]) -> bool:
    """Two leaders or more after the meeting word, each after a "with" of its own: "met
    with X, and then with Y"."""
    named = [m for m in mentions if m.kind != "pronoun"]
    return len(named) >= 2 and all(object_of_with(doc, t, m) for m in named)


def preceding_leader(doc: Document, t: Trigger, other: str) -> str | None:
    """The subject before a meeting word: the nearest leader named earlier in the
    sentence who is not himself the object of "with" ("X s'est entretenu avec Y, puis a
    rencontré Z": X)."""
    # "Xi, who met Putin last week, received Modi": not from inside a relative clause.
    clauses = subclauses(doc, t.sentence)
    mine = clause_of(clauses, doc.tokens[t.ti].start)
    before = [
        m
        for m in mentions_in_sentence(doc, t.sentence)
        if m.sentence == t.sentence
        and m.tj <= t.ti
        and not m.in_quote
        and not m.dependent
        and not m.oblique
        and not any(doc.tokens[k].norm in WITH for k in range(max(0, m.ti - 3), m.ti))
        # "Trump was received by Trong … and then held talks with Phuc": the agent of
        # a passive is not the subject of the verb coordinated with it.
        and not _passive_agent(doc, m)
        and not object_of_verb(doc, m)
        and (clause_of(clauses, m.start) == mine or clause_of(clauses, m.start) == 0)
        and not (mine == 0 and clause_of(clauses, m.start) != 0)
    ]
    for m in reversed(before):
        if _someone_between(doc, m.tj, t.ti):
            # "Rubio's visit came two days after Richard Grenell, Trump's envoy, met
            # Maduro": a person we do not know is the nearer subject.
            return None
        key = resolve_mention(doc, m)
        if key and m.reporter and staff(doc, key):
            continue  # "Peskov said that … Putin met X": the spokesman only reports it
        if key and key != other:
            return key
    return None


_AFTER_FRONTED = folded_words(lexicon.every("after_fronted"))


def subject_after_fronted(doc: Document, t: Trigger, met: Mention) -> str | None:
    """ "Dopo il faccia a faccia con Saied, Meloni incontra Erdogan", "Nach dem Gespräch
    mit Macron reiste Scholz weiter": a meeting word in a phrase that opens the sentence
    with "after"; its other party is the subject the sentence goes on with."""
    span = sentence_tokens(doc, t.sentence)
    if not any(
        doc.tokens[k].norm in _AFTER_FRONTED for k in range(span.start, min(t.ti, span.start + 2))
    ):
        return None
    for m in mentions_in_sentence(doc, t.sentence):
        if (
            m.sentence != t.sentence
            or m.ti <= met.ti
            or m.in_quote
            or m.dependent
            or m.oblique
            or m.kind == "pronoun"
            or conjoined(doc, [met, m])
            or any(doc.tokens[k].norm in WITH for k in range(max(0, m.ti - 3), m.ti))
        ):
            continue
        key = resolve_mention(doc, m)
        if key and key != resolve_mention(doc, met):
            return key
    return None


_TIME_ADVERBS = folded_words(lexicon.every("time_adverbs"))


_ADVERB_ENDINGS = lexicon.union("adverb_endings")


def object_of_verb(doc: Document, m: Mention) -> bool:
    """ "Biden criticised Putin after meeting Scholz": a leader right after a lower-case
    word that is no preposition, article, conjunction, time or meeting word is that
    verb's object, not the subject of the meeting word after it."""
    toks, lx = doc.tokens, doc.lx
    k = m.ti - 1
    while k >= 0 and (
        k in doc.role_tokens
        or k in doc.country_tokens
        or toks[k].norm in lx.determiners
        or toks[k].norm in lx.titles
    ):
        k -= 1
    if k < 0 or doc.sent_of[k] != m.sentence or clause_break(doc, k):
        return False
    w = toks[k]
    norm = w.norm
    return not (
        not w.raw[:1].islower()
        or norm in WITH
        or norm in lx.object_prepositions
        or norm in lx.locative
        or norm in AGENT
        or norm in CONJ
        or norm in COORDINATORS
        or norm in RELATIVES
        or norm in lx.complementizers
        or norm in CALENDAR
        or norm in _TIME_ADVERBS
        or norm in INDEFINITE[doc.language]
        or norm in lx.speech
        or norm.endswith(_ADVERB_ENDINGS)
        or norm in lx.triggers.firsts
        or any(d.start <= w.start < d.end for d in dates_in(doc, *doc.sentences[m.sentence]))
    )


def _someone_between(doc: Document, a: int, b: int) -> bool:
    """Two capitalised words in a row between tokens a and b that are no leader, place,
    title or institution: a person the knowledge base does not know."""
    run = 0
    for k in range(a, b):
        t = doc.tokens[k]
        ok = (
            capitalised(t)
            and t.raw.isalpha()
            and not sentence_initial(doc, k)
            and t.norm not in FUNCTION_WORDS
            and k not in doc.place_tokens
            and t.norm not in NOT_NAME
            and t.norm not in NOT_SPEAKER
            and t.norm not in CALENDAR
            and doc.lx.titles.isdisjoint(doc.forms[k])
            and not mention_covers(doc, k)
        )
        run = run + 1 if ok and (run == 0 or doc.joined[k - 1]) else (1 if ok else 0)
        if run >= 2:
            return True
    return False


def _passive_agent(doc: Document, m: Mention) -> bool:
    k = m.ti - 1
    while k >= 0 and (k in doc.role_tokens or k in doc.country_tokens):
        k -= 1
    return k >= 0 and doc.tokens[k].norm in _AGENT_STRICT


NOT_SEATS = frozenset(fold_phrase(v) for v in lexicon.NOT_SEAT_VENUES.split("|"))


def joint_subject(doc: Document, t: Trigger, mentions: list[Mention]) -> bool:
    """ "Petro y Maduro se reunieron", "the two leaders met": both sides as the subject."""
    if pair_subject(doc, t):
        return True
    before = [m for m in mentions if m.sentence == t.sentence and m.tj <= t.ti]
    return any(
        0 < b.ti - a.tj <= 4
        and t.ti - b.tj <= 4
        and any(doc.tokens[k].norm in CONJ for k in range(a.tj, b.ti))
        for a, b in zip(before, before[1:], strict=False)
    )


def with_after(doc: Document, t: Trigger) -> int | None:
    # German puts time and place between the verb and "mit": "sprach … in Moskau mehr als
    # fünf Stunden mit Putin". Elsewhere "with" follows closely.
    reach = doc.lx.grammar.with_reach
    for k in range(t.tj, min(len(doc.tokens), t.tj + reach)):
        if doc.sent_of[k] != t.sentence:
            break
        if reach > 5 and k > t.tj and clause_break(doc, k - 1):
            break
        if doc.tokens[k].norm in WITH:
            return k
    return None


def conjoined(doc: Document, mentions: list[Mention]) -> bool:
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        between = doc.tokens[a.tj : b.ti]
        gap = doc.text[a.end : b.start]
        if len(between) <= 1 and all(t.norm in CONJ for t in between) and len(gap) < 8:
            return True
        # "Путин и лидер КНДР Ким Чен Ын", "Biden and Chinese President Xi": the second
        # name's role may stand after the conjunction.
        if (
            between
            and between[0].norm in CONJ
            and len(between) <= 6
            and "," not in gap
            and all(k in doc.role_tokens or k in doc.country_tokens for k in range(a.tj + 1, b.ti))
        ):
            return True
    return False


def two_sides_of(doc: Document, t: Trigger, present: str) -> list[str]:
    """ "the two countries ... Pyongyang and Moscow": each named country stands for its
    leader, when that leader is named in the article."""
    s = t.sentence
    toks = doc.tokens
    hit = False
    firsts = doc.lx.two_sides.firsts
    for k in sentence_tokens(doc, s):
        if firsts.isdisjoint(doc.forms[k]):
            continue
        n, _ = doc.lx.two_sides.match(toks, k, doc.language, doc.joined, forms=doc.forms)
        if n:
            hit = True
            break
    if not hit:
        return []
    leaders_by_country: dict[str, str] = {}
    for m in doc.mentions:
        if m.kind == "name" and m.key:
            c = leader_entry(doc, m.key).country
            if c not in leaders_by_country or role_rank(doc, m.key) < role_rank(
                doc, leaders_by_country[c]
            ):
                leaders_by_country[c] = m.key
    out = []
    for p in doc.places:
        if doc.sent_of[p.ti] != s or p.locative or p.kind == "capital":
            continue
        if p.kind == "country" and p.city == "adj":
            continue
        key = leaders_by_country.get(p.code)
        if key and key not in out:
            out.append(key)
    return out
