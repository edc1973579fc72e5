"""The document every stage reads and annotates, and the helpers all stages share.

``Document`` holds the article (text, folded text, tokens, quotations, sentences,
paragraphs, the language's words ``LanguageWords`` and the knowledge base) and the
annotations the stages add to it: ``places``, ``mentions`` (``Mention``: names, roles,
demonyms, pronouns), resolved relations, planned meetings and caches; each field says
which stage writes it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

from diplomacy.extraction.dates import DateMention, find_dates
from diplomacy.extraction.knowledge import ROLE_RANK, KnowledgeBase
from diplomacy.extraction.text import (
    Token,
)
from diplomacy.extraction.trace import Trace
from diplomacy.extraction.types import (
    ExtractedMeeting,
    LeaderEntry,
)
from diplomacy.extraction.words import LanguageWords


@dataclass
class Mention:
    start: int
    end: int
    ti: int  # first token
    tj: int  # one past the last token
    kind: str  # name | role | demonym | pronoun
    key: str | None = None
    role: str | None = None
    sentence: int = 0
    in_quote: bool = False
    dependent: bool = False
    oblique: bool = False
    reporter: bool = False
    inflection: str = ""  # the Russian ending the match stripped, if any
    country: str | None = None  # for roles: whose head of state, minister...
    elect: bool = False  # "president-elect": the office is the holder's soon


@dataclass
class Place:
    start: int
    end: int
    ti: int
    tj: int
    kind: str  # country | city | venue | capital | unknown
    code: str
    city: str | None
    locative: bool = False
    dateline: bool = False


@dataclass
class Document:
    """One article and what the stages found in it.

    Each field says which stage writes it; every other stage only reads it. Fields
    without a default come from ``prepare.prepare_document``.
    """

    # The article, read by every stage (prepare).
    text: str
    folded: str  # fold_text(text), same offsets
    language: str
    published: date | None
    tokens: list[Token]
    joined: list[bool]  # per token: joined to the next by a space, hyphen or apostrophe only
    quotes: list[tuple[int, int]]
    quote_of: list[int]  # per token: index of the quotation holding it, or -1
    sentences: list[tuple[int, int]]
    sent_of: list[int]  # per token
    paragraph_of_sentence: list[int]
    lx: LanguageWords  # the language's words and phrase indexes
    kb: KnowledgeBase
    # Places (places): places, and the tokens of countries and of any place.
    places: list[Place] = field(default_factory=list)
    # Mentions of people: roles (roles), names (names), demonyms and pronouns (pronouns),
    # unknown speakers (speakers); marked by relations; resolved by resolution.
    mentions: list[Mention] = field(default_factory=list)
    # Names (names): where each leader's full name stands.
    full_names: dict[str, list[int]] = field(default_factory=dict)
    # Meetings and statements (candidate, parties, statements): keys of participants and
    # speakers, for the list of leaders (assemble) and merging.
    involved: list[str] = field(default_factory=list)
    # Meetings (candidate, meetings): ids of meetings dated by publication (read by dating).
    undated: set[int] = field(default_factory=set)
    forms: list[tuple[str, ...]] = field(default_factory=list)  # per token: its forms (prepare)
    token_starts: list[int] = field(default_factory=list)  # (prepare)
    positions: dict[str, list[int]] = field(default_factory=dict)  # form → token indexes (prepare)
    sentence_token_range: list[tuple[int, int]] = field(default_factory=list)  # (prepare)
    country_tokens: set[int] = field(default_factory=set)  # (places)
    place_tokens: set[int] = field(default_factory=set)  # (places)
    # People the knowledge base lacks (names, speakers), and their titles (names).
    unknown: dict[str, LeaderEntry] = field(default_factory=dict)
    date_cache: dict[tuple[int, int], list[DateMention]] = field(default_factory=dict)
    when_cache: dict[int, DateMention | None] = field(default_factory=dict)  # (dating)
    role_tokens: set[int] = field(default_factory=set)  # roles merged into the next name (names)
    # Sentences with a blocked meeting word (meetings), read by triggers and placing.
    planned_sentences: set[int] = field(default_factory=set)
    unknown_titles: dict[str, str] = field(default_factory=dict)  # (names)
    # Planned meetings (meetings), returned apart by extract.
    planned: list[ExtractedMeeting] = field(default_factory=list)
    # State of the meeting stages, carried from one candidate to the next (candidate):
    # the day of the last dated meeting reported so far (read by dating), the last two
    # leaders seen meeting (read by candidate for "the two leaders").
    anchor_day: date | None = None
    last_pair: list[str] = field(default_factory=list)
    titled: dict[str, tuple[int, str]] = field(default_factory=dict)  # bare role → named (names)
    clause_cache: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # (clauses)
    # Why each decision was taken, only when asked for (engine; every stage writes).
    trace: Trace | None = None
    # Indexes over quotes, sentences, places and mentions (the helpers below), so that a
    # question about one offset or token costs a lookup, not a scan of the whole article.
    indexes: dict[str, object] = field(default_factory=dict)


def role_rank(doc: Document, key: str) -> int:
    office = doc.kb.office_on(key, doc.published)
    return ROLE_RANK.get(office.role, 9) if office else 9


BREAKS = frozenset(",;:—–()")


def clause_break(doc: Document, k: int) -> bool:
    """Punctuation between token k and the next one ends a clause."""
    return not BREAKS.isdisjoint(doc.text[doc.tokens[k].end : doc.tokens[k + 1].start])


def dates_in(doc: Document, s: int, e: int) -> list[DateMention]:
    """Dates of a text span, computed once per span (sentences are asked about often)."""
    if doc.published is None:
        return []  # relative dates cannot be resolved without the publication date
    found = doc.date_cache.get((s, e))
    if found is None:
        toks = doc.tokens
        lo = bisect.bisect_left(doc.token_starts, s)
        hi = bisect.bisect_left(doc.token_starts, e)
        words = [(toks[k].start, toks[k].norm) for k in range(lo, hi)]
        found = doc.date_cache[(s, e)] = find_dates(
            doc.folded, s, e, doc.language, doc.published, words
        )
    return found


def sentence_at(doc: Document, pos: int) -> int:
    starts = doc.indexes.get("sentence_starts")
    if starts is None or len(starts) != len(doc.sentences):
        starts = doc.indexes["sentence_starts"] = [s for s, _ in doc.sentences]
    return max(0, bisect.bisect_right(starts, pos) - 1)


def in_quote(doc: Document, pos: int) -> bool:
    """Offset pos is inside a quotation (quotations are fixed once the text is prepared)."""
    merged = doc.indexes.get("quotes")
    if merged is None:
        merged = doc.indexes["quotes"] = merge_spans(doc.quotes)
    starts, ends = merged
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def merge_spans(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The union of half-open spans as sorted, disjoint (starts, ends)."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(x for x in spans if x[0] < x[1]):
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


_NO_MENTIONS: list[Mention] = []


class _MentionIndex:
    """Mentions by token, by sentence, and the pronouns in order. Mentions are only ever
    added (or the list replaced), never moved or changed in place: the index follows the
    list by identity and length, in the list's order."""

    def __init__(self, mentions: list[Mention]):
        self.source = mentions
        self.done = 0
        self.by_token: dict[int, list[Mention]] = {}
        self.by_sentence: dict[int | None, list[Mention]] = {}
        self.by_first: dict[int, list[Mention]] = {}
        self.by_end: dict[int, list[Mention]] = {}
        self.pronouns: list[Mention] = []
        self.pronoun_starts: list[int] = []
        self.pronouns_sorted = True

    def update(self) -> _MentionIndex:
        for m in self.source[self.done :]:
            for j in range(m.ti, m.tj):
                self.by_token.setdefault(j, []).append(m)
            self.by_sentence.setdefault(m.sentence, []).append(m)
            self.by_first.setdefault(m.ti, []).append(m)
            self.by_end.setdefault(m.tj, []).append(m)
            if m.kind == "pronoun":
                if self.pronoun_starts and m.start < self.pronoun_starts[-1]:
                    self.pronouns_sorted = False
                self.pronouns.append(m)
                self.pronoun_starts.append(m.start)
        self.done = len(self.source)
        return self


def _mention_index(doc: Document) -> _MentionIndex:
    index = doc.indexes.get("mentions")
    if not isinstance(index, _MentionIndex) or index.source is not doc.mentions:
        index = doc.indexes["mentions"] = _MentionIndex(doc.mentions)
    if index.done > len(doc.mentions):
        index = doc.indexes["mentions"] = _MentionIndex(doc.mentions)
    return index.update() if index.done < len(doc.mentions) else index


def mentions_at(doc: Document, k: int) -> list[Mention]:
    """The mentions whose tokens include token k, in the order of ``doc.mentions``."""
    return _mention_index(doc).by_token.get(k, _NO_MENTIONS)


def mentions_starting_at(doc: Document, k: int) -> list[Mention]:
    """The mentions whose first token is token k, in the order of ``doc.mentions``."""
    return _mention_index(doc).by_first.get(k, _NO_MENTIONS)


def mentions_ending_before(doc: Document, k: int) -> list[Mention]:
    """The mentions whose last token is token k - 1, in the order of ``doc.mentions``."""
    return _mention_index(doc).by_end.get(k, _NO_MENTIONS)


def quote_ends_between(doc: Document, lo: int, hi: int) -> bool:
    """Some quotation ends at an offset in [lo, hi]."""
    ends = doc.indexes.get("quote_ends")
    if ends is None:
        ends = doc.indexes["quote_ends"] = sorted(e for _, e in doc.quotes)
    i = bisect.bisect_left(ends, lo)
    return i < len(ends) and ends[i] <= hi


def mentions_in_sentence(doc: Document, sentence: int | None) -> list[Mention]:
    """The mentions of a sentence, in the order of ``doc.mentions``."""
    return _mention_index(doc).by_sentence.get(sentence, _NO_MENTIONS)


def pronouns_starting(doc: Document, s: int, e: int) -> list[Mention]:
    """The pronouns with s <= start < e, in the order of ``doc.mentions``."""
    index = _mention_index(doc)
    if not index.pronouns_sorted:
        return [m for m in index.pronouns if s <= m.start < e]
    starts = index.pronoun_starts
    return index.pronouns[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]


def mention_covers(doc: Document, k: int) -> bool:
    return bool(mentions_at(doc, k))


def places_starting(doc: Document, s: int, e: int) -> list[Place]:
    """The places with s <= start < e, in the order of ``doc.places``."""
    starts = _place_keys(doc, "place_starts", "start")
    if starts is None:
        return [p for p in doc.places if s <= p.start < e]
    return doc.places[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]


def places_from_token(doc: Document, lo: int, hi: int) -> list[Place]:
    """The places whose first token is in [lo, hi), in the order of ``doc.places``."""
    firsts = _place_keys(doc, "place_firsts", "ti")
    if firsts is None:
        return [p for p in doc.places if lo <= p.ti < hi]
    return doc.places[bisect.bisect_left(firsts, lo) : bisect.bisect_left(firsts, hi)]


def _place_keys(doc: Document, name: str, attribute: str) -> list[int] | None:
    """The places' sorted keys, or None when the places are not in that order."""
    cached = doc.indexes.get(name)
    if cached is None or cached[0] is not doc.places or cached[1] != len(doc.places):
        keys = [getattr(p, attribute) for p in doc.places]
        ordered = all(a <= b for a, b in zip(keys, keys[1:], strict=False))
        cached = doc.indexes[name] = (doc.places, len(doc.places), keys if ordered else None)
    return cached[2]


def token_at(doc: Document, pos: int) -> int:
    return bisect.bisect_left(doc.token_starts, pos)


def sentence_tokens(doc: Document, sentence: int) -> range:
    return range(*doc.sentence_token_range[sentence])


def words_outside_quotes(doc: Document, sentence: int) -> int:
    return sum(1 for k in sentence_tokens(doc, sentence) if doc.quote_of[k] < 0)
