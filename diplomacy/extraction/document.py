"""The document every stage reads and annotates, and the helpers all stages share.

``_Doc`` holds the article (text, folded text, tokens, quotations, sentences,
paragraphs, the language's lexicon ``_Lang`` and the knowledge base) and the
annotations the stages add to it: ``places``, ``mentions`` (``Mention``: names, roles,
demonyms, pronouns), resolved relations, planned meetings and caches. ``_lang`` builds a
language's phrase indexes and word sets from the lexicon data files, once per language.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from diplomacy.extraction import geo, lexicon
from diplomacy.extraction.dates import DateMention, find_dates
from diplomacy.extraction.knowledge import ROLE_RANK, KnowledgeBase
from diplomacy.extraction.phrases import PhraseIndex
from diplomacy.extraction.text import (
    Token,
    fold,
    fold_phrase,
)
from diplomacy.extraction.types import (
    ExtractedMeeting,
    LeaderEntry,
)


def _words(spec: str | set | tuple) -> set[str]:
    items = spec.split() if isinstance(spec, str) else spec
    out = set()
    for item in items:
        toks = fold_phrase(item)
        if len(toks) == 1:
            out.add(toks[0])
    return out


@dataclass
class _Lang:
    places: PhraseIndex
    roles: PhraseIndex
    triggers: PhraseIndex
    two_sides: PhraseIndex
    pairs: PhraseIndex
    weak: set[str]
    calls: set[str]
    visits: set[str]
    blockers: set[str]
    speech: set[str]
    relational: set[str]
    pronouns: set[str]
    complementizers: set[str]
    locative: set[str]
    demonym_endings: tuple[str, ...]
    future_verbs: set[str]
    titles: set[str]
    title_firsts: frozenset[str]
    after_blockers: set[str]
    determiners: set[str]
    wishes: set[str]
    presence: set[str]
    separable: dict[str, str]
    not_party: set[str]
    reporting: set[str]  # speech verbs and the verbs that only report speech
    reports_alone: set[str]
    person_nouns: set[str]
    infinitive_endings: tuple[str, ...]
    infinitive_links: set[str]
    reported_mood: set[str]
    ready: set[str]
    object_prepositions: set[str]
    future_sequences: tuple[tuple[str, ...], ...]
    visit_phrases: PhraseIndex
    sidelines: set[str]
    call_means: set[str]


def _place_index(language: str) -> PhraseIndex:
    """Countries (names in every language, adjectives in this one and English), cities
    and venues."""
    places = PhraseIndex()
    for code, names in geo.load_country_names().items():
        for name in names:
            places.add(fold_phrase(name), ("country", code, "name", _is_acronym(name)))
    for form, code, lang in geo.adjective_forms():
        if lang in (language, "en"):
            places.add(fold_phrase(form), ("country", code, "adj", _is_acronym(form)))
    for form, name, code in geo.cities():
        places.add(fold_phrase(form), ("city", name, code, False))
    for form, city, code in geo.venues():
        places.add(fold_phrase(form), ("venue", city, code, False))
    places.freeze()
    return places


def _role_index(language: str) -> PhraseIndex:
    """The language's role phrases, and English ones of several words."""
    roles = PhraseIndex()
    for phrase, (role, implied) in lexicon.ROLES.get(language, {}).items():
        roles.add(fold_phrase(phrase), (role, implied))
    if language != "en":
        for phrase, (role, implied) in lexicon.ROLES["en"].items():
            if len(fold_phrase(phrase)) > 1:
                roles.add(fold_phrase(phrase), (role, implied))
    roles.freeze()
    return roles


def _trigger_index(language: str, weak: set[str]) -> PhraseIndex:
    """Meeting words (each with whether it is weak), phrases and separable verbs."""
    triggers = PhraseIndex()
    for word in _words(lexicon.MEETING_WORDS.get(language, "")):
        triggers.add((word,), word in weak)
    for phrase in lexicon.MEETING_PHRASES.get(language, ()):
        triggers.add(fold_phrase(phrase), False)
    for verb in lexicon.SEPARABLE_MEETING_VERBS.get(language, {}):
        triggers.add((fold(verb),), False)
    triggers.freeze()
    return triggers


def _phrase_index(*tables: tuple[tuple[str, ...], object]) -> PhraseIndex:
    """An index of phrases, each table's phrases with its payload."""
    index = PhraseIndex()
    for phrases, payload in tables:
        for phrase in phrases:
            index.add(fold_phrase(phrase), payload)
    index.freeze()
    return index


@lru_cache(maxsize=16)
def _lang(language: str) -> _Lang:
    places = _place_index(language)
    roles = _role_index(language)
    weak = _words(lexicon.WEAK_MEETING_WORDS)
    triggers = _trigger_index(language, weak)
    two_sides = _phrase_index((lexicon.TWO_SIDES.get(language, ()), True))
    pairs = _phrase_index((lexicon.PAIR_PHRASES.get(language, ()), True))
    speech = _words(lexicon.SPEECH_VERBS.get(language, ""))
    visit_phrases = _phrase_index(
        (lexicon.VISIT_PHRASES.get(language, ()), "visit"),
        (lexicon.SEAT_PHRASES.get(language, ()), "seat"),
    )
    return _Lang(
        places=places,
        roles=roles,
        triggers=triggers,
        two_sides=two_sides,
        pairs=pairs,
        weak=weak,
        calls=_words(lexicon.CALL_WORDS),
        visits=_words(lexicon.VISIT_WORDS),
        blockers=_words(lexicon.BLOCKERS.get(language, "")),
        speech=speech,
        relational=_words(lexicon.RELATIONAL_NOUNS.get(language, ""))
        | _words(lexicon.RELATIONAL_NOUNS["en"] if language == "en" else ""),
        pronouns={p.lower() for p in lexicon.PRONOUNS.get(language, set())},
        complementizers=_words(lexicon.COMPLEMENTIZERS.get(language, set())),
        locative=_words(lexicon.LOCATIVE.get(language, set())),
        demonym_endings=geo.DEMONYM_PERSON_ENDINGS.get(language, ()),
        future_verbs=_words(lexicon.FUTURE_MEETING_VERBS.get(language, "")),
        titles=_words(lexicon.TITLES.get(language, "")) | _words(lexicon.TITLES["en"]),
        title_firsts=frozenset(
            _words(lexicon.TITLES.get(language, "")) | _words(lexicon.TITLES["en"])
        ),
        after_blockers=_words(lexicon.AFTER_BLOCKERS.get(language, "")),
        determiners=_words(lexicon.DETERMINERS.get(language, set())),
        wishes=_words(lexicon.WISH_VERBS.get(language, "")),
        presence=_words(lexicon.PRESENCE_WORDS.get(language, "")),
        not_party=_words(lexicon.NOT_PARTY_PREPOSITIONS.get(language, "")),
        separable={
            fold(v): fold(p) for v, p in lexicon.SEPARABLE_MEETING_VERBS.get(language, {}).items()
        },
        reporting=speech | _words(lexicon.REPORTING_VERBS.get(language, "")),
        reports_alone=_words(lexicon.REPORTS_ALONE.get(language, "")),
        person_nouns=_words(lexicon.PERSON_NOUNS.get(language, "")),
        infinitive_endings=lexicon.INFINITIVE_ENDINGS.get(language, ()),
        infinitive_links=_words(lexicon.INFINITIVE_LINKS.get(language, "")),
        reported_mood=_words(lexicon.REPORTED_MOOD.get(language, "")),
        ready=_words(lexicon.READY_WORDS),
        object_prepositions=_words(lexicon.OBJECT_PREPOSITIONS.get(language, "")),
        future_sequences=tuple(fold_phrase(p) for p in lexicon.FUTURE_SEQUENCES.get(language, ())),
        visit_phrases=visit_phrases,
        sidelines=_words(lexicon.SIDELINES.get(language, ())),
        call_means=_words(lexicon.CALL_MEANS.get(language, "")),
    )


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) <= 4 and all(c.isupper() for c in letters)


_WITH = _words(lexicon.WITH_WORDS)


_NEWLINE_RE = re.compile("\n")


_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")


_JOINERS = " -‐‑'’.\u00a0"


# Gaps that keep two words in one phrase: a space, a hyphen, an apostrophe ("Jong-un").
_JOIN_GAPS = frozenset(a + b for a in _JOINERS for b in ("", *_JOINERS))


_CAPITAL = _words(lexicon.CAPITAL_WORDS)


_CAPITAL_FIRSTS = frozenset(_CAPITAL)


_FILLERS = _words(lexicon.PLACE_FILLERS) | _words(lexicon.VENUE_NOUNS)


_ROLE_LINKS = _words(lexicon.ROLE_LINKS)


_ROLE_ELECT = _words(lexicon.ROLE_ELECT)


# Of those, the words of an office about to be taken (not left: "former", "outgoing").
_ELECT = _words(lexicon.every("elect"))


_QUESTION = _words(lexicon.QUESTION_WORDS)


_PAIR_NUMERALS = _words(lexicon.every("pair_numerals"))


_CONJ = set(lexicon.every("conjunctions"))


_GENITIVE_RU = lexicon.table("genitive_endings")["ru"]


_ACCORDING = lexicon.table("according")


_ACCORDING_WORDS = set(lexicon.every("according_words"))


_RELATIVES = _words(lexicon.RELATIVES)


# After a comma these start a new clause, with its own time ("…, and talks will go on").
_COORDINATORS = _words(lexicon.every("coordinators"))


_PARTICLES = _words(lexicon.NAME_PARTICLES)


# Romanian genitive endings: "Apărării", "Externelor", "Guvernului" are not names.
_RO_GENITIVE = lexicon.table("genitive_endings")["ro"]


_REQUEST = _words(lexicon.REQUEST_WORDS)


_LIST_CONTINUERS = _words(lexicon.LIST_CONTINUERS)


_DE_PARTICLES = {
    particle: (reason, stems) for particle, (reason, stems) in lexicon.DE_PARTICLE_VERBS.items()
}


_NEGATIONS = _words(lexicon.NEGATIONS)


_PRESENCE_PAIRS = {fold_phrase(p) for p in lexicon.PRESENCE_PAIRS.split("|")}


_POSSESSIVES = _words(lexicon.POSSESSIVES)


_EVENT_NOUNS = _words(lexicon.every("event_nouns"))


_VISIT_NOUNS = _words(lexicon.every("visit_nouns"))


_RECEIVE = _words(lexicon.every("receive"))


# Future and conditional verb endings, on the lower-cased word with its accents
# ("terranno", "será", "incontrerebbe", "pourrait", "reuniría", "encontraria"; German
# Konjunktiv II by its umlaut, which folding would lose: "würde", "könnte").
_FUTURE_RE = lexicon.table("future_re")


# "The day before" dates an event from the one just reported, not from publication.
_EVE = set(lexicon.every("eve"))


_THIS_SAID = set(lexicon.every("this_said"))


_US_STATES = {fold(s) for s in geo.US_STATES}


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
class _Doc:
    text: str
    folded: str
    language: str
    published: date | None
    tokens: list[Token]
    joined: list[bool]
    quotes: list[tuple[int, int]]
    quote_of: list[int]  # per token: index of the quotation holding it, or -1
    sentences: list[tuple[int, int]]
    sent_of: list[int]  # per token
    paragraph_of_sentence: list[int]
    lx: _Lang
    kb: KnowledgeBase
    places: list[Place] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    full_names: dict[str, list[int]] = field(default_factory=dict)
    involved: list[str] = field(default_factory=list)  # keys of participants and speakers
    undated: set[int] = field(default_factory=set)  # ids of meetings dated by publication
    forms: list[tuple[str, ...]] = field(default_factory=list)
    token_starts: list[int] = field(default_factory=list)
    positions: dict[str, list[int]] = field(default_factory=dict)  # word form → token indexes
    sentence_token_range: list[tuple[int, int]] = field(default_factory=list)
    country_tokens: set[int] = field(default_factory=set)
    place_tokens: set[int] = field(default_factory=set)
    unknown: dict[str, LeaderEntry] = field(default_factory=dict)
    date_cache: dict[tuple[int, int], list[DateMention]] = field(default_factory=dict)
    when_cache: dict[int, DateMention | None] = field(default_factory=dict)
    role_tokens: set[int] = field(default_factory=set)  # roles merged into the next name
    planned_sentences: set[int] = field(default_factory=set)  # with a blocked meeting word
    unknown_titles: dict[str, str] = field(default_factory=dict)
    planned: list[ExtractedMeeting] = field(default_factory=list)
    anchor_day: date | None = None  # day of the last dated meeting reported so far
    last_pair: list[str] = field(default_factory=list)  # the last two leaders seen meeting
    titled: dict[str, tuple[int, str]] = field(default_factory=dict)  # bare role → named
    clause_cache: dict[int, list[tuple[int, int]]] = field(default_factory=dict)


def _rank(doc: _Doc, key: str) -> int:
    office = doc.kb.office_on(key, doc.published)
    return ROLE_RANK.get(office.role, 9) if office else 9


_BREAKS = frozenset(",;:—–()")


def _clause_break(doc: _Doc, k: int) -> bool:
    """Punctuation between token k and the next one ends a clause."""
    return not _BREAKS.isdisjoint(doc.text[doc.tokens[k].end : doc.tokens[k + 1].start])


def _dates_in(doc: _Doc, s: int, e: int) -> list[DateMention]:
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


def _sentence_at(doc: _Doc, pos: int) -> int:
    starts = [s for s, _ in doc.sentences]
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _token_at(doc: _Doc, pos: int) -> int:
    return bisect.bisect_left(doc.token_starts, pos)


def _sentence_tokens(doc: _Doc, sentence: int) -> range:
    return range(*doc.sentence_token_range[sentence])


def _words_outside_quotes(doc: _Doc, sentence: int) -> int:
    return sum(1 for k in _sentence_tokens(doc, sentence) if doc.quote_of[k] < 0)
