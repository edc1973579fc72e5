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
    starts = [s for s, _ in doc.sentences]
    return max(0, bisect.bisect_right(starts, pos) - 1)


def token_at(doc: Document, pos: int) -> int:
    return bisect.bisect_left(doc.token_starts, pos)


def sentence_tokens(doc: Document, sentence: int) -> range:
    return range(*doc.sentence_token_range[sentence])


def words_outside_quotes(doc: Document, sentence: int) -> int:
    return sum(1 for k in sentence_tokens(doc, sentence) if doc.quote_of[k] < 0)
