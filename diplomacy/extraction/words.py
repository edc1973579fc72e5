"""The words the stages read, from the lexicon data files.

``language_words`` builds a language's ``LanguageWords`` once: its phrase indexes
(places, roles, meeting words, pair phrases, visit phrases) and word sets (speech
verbs, blockers, pronouns, titles, …) and its grammar traits. The module's constants
are the word sets read across languages (link words, negations, conjunctions, …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from diplomacy.extraction import geo, lexicon
from diplomacy.extraction.phrases import PhraseIndex
from diplomacy.extraction.text import (
    fold,
    fold_phrase,
)


def folded_words(spec: str | set | tuple) -> set[str]:
    items = spec.split() if isinstance(spec, str) else spec
    out = set()
    for item in items:
        toks = fold_phrase(item)
        if len(toks) == 1:
            out.add(toks[0])
    return out


@dataclass
class LanguageWords:
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
    grammar: lexicon.Grammar


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
    if lexicon.GRAMMAR[language].english_role_phrases:
        for phrase, (role, implied) in lexicon.ROLES["en"].items():
            if len(fold_phrase(phrase)) > 1:
                roles.add(fold_phrase(phrase), (role, implied))
    roles.freeze()
    return roles


def _trigger_index(language: str, weak: set[str]) -> PhraseIndex:
    """Meeting words (each with whether it is weak), phrases and separable verbs."""
    triggers = PhraseIndex()
    for word in folded_words(lexicon.MEETING_WORDS.get(language, "")):
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
def language_words(language: str) -> LanguageWords:
    places = _place_index(language)
    roles = _role_index(language)
    weak = folded_words(lexicon.WEAK_MEETING_WORDS)
    triggers = _trigger_index(language, weak)
    two_sides = _phrase_index((lexicon.TWO_SIDES.get(language, ()), True))
    pairs = _phrase_index((lexicon.PAIR_PHRASES.get(language, ()), True))
    speech = folded_words(lexicon.SPEECH_VERBS.get(language, ""))
    visit_phrases = _phrase_index(
        (lexicon.VISIT_PHRASES.get(language, ()), "visit"),
        (lexicon.SEAT_PHRASES.get(language, ()), "seat"),
    )
    return LanguageWords(
        places=places,
        roles=roles,
        triggers=triggers,
        two_sides=two_sides,
        pairs=pairs,
        weak=weak,
        calls=folded_words(lexicon.CALL_WORDS),
        visits=folded_words(lexicon.VISIT_WORDS),
        blockers=folded_words(lexicon.BLOCKERS.get(language, "")),
        speech=speech,
        relational=folded_words(lexicon.RELATIONAL_NOUNS.get(language, "")),
        pronouns={p.lower() for p in lexicon.PRONOUNS.get(language, set())},
        complementizers=folded_words(lexicon.COMPLEMENTIZERS.get(language, set())),
        locative=folded_words(lexicon.LOCATIVE.get(language, set())),
        demonym_endings=geo.DEMONYM_PERSON_ENDINGS.get(language, ()),
        future_verbs=folded_words(lexicon.FUTURE_MEETING_VERBS.get(language, "")),
        titles=folded_words(lexicon.TITLES.get(language, "")) | folded_words(lexicon.TITLES["en"]),
        title_firsts=frozenset(
            folded_words(lexicon.TITLES.get(language, "")) | folded_words(lexicon.TITLES["en"])
        ),
        after_blockers=folded_words(lexicon.AFTER_BLOCKERS.get(language, "")),
        determiners=folded_words(lexicon.DETERMINERS.get(language, set())),
        wishes=folded_words(lexicon.WISH_VERBS.get(language, "")),
        presence=folded_words(lexicon.PRESENCE_WORDS.get(language, "")),
        not_party=folded_words(lexicon.NOT_PARTY_PREPOSITIONS.get(language, "")),
        separable={
            fold(v): fold(p) for v, p in lexicon.SEPARABLE_MEETING_VERBS.get(language, {}).items()
        },
        reporting=speech | folded_words(lexicon.REPORTING_VERBS.get(language, "")),
        reports_alone=folded_words(lexicon.REPORTS_ALONE.get(language, "")),
        person_nouns=folded_words(lexicon.PERSON_NOUNS.get(language, "")),
        infinitive_endings=lexicon.INFINITIVE_ENDINGS.get(language, ()),
        infinitive_links=folded_words(lexicon.INFINITIVE_LINKS.get(language, "")),
        reported_mood=folded_words(lexicon.REPORTED_MOOD.get(language, "")),
        ready=folded_words(lexicon.READY_WORDS),
        object_prepositions=folded_words(lexicon.OBJECT_PREPOSITIONS.get(language, "")),
        future_sequences=tuple(fold_phrase(p) for p in lexicon.FUTURE_SEQUENCES.get(language, ())),
        visit_phrases=visit_phrases,
        sidelines=folded_words(lexicon.SIDELINES.get(language, ())),
        call_means=folded_words(lexicon.CALL_MEANS.get(language, "")),
        grammar=lexicon.GRAMMAR[language],
    )


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) <= 4 and all(c.isupper() for c in letters)


WITH = folded_words(lexicon.WITH_WORDS)


NEWLINE_RE = re.compile("\n")


CYRILLIC_RE = re.compile("[\u0400-\u04ff]")


JOINERS = " -‐‑'’.\u00a0"


# Gaps that keep two words in one phrase: a space, a hyphen, an apostrophe ("Jong-un").
JOIN_GAPS = frozenset(a + b for a in JOINERS for b in ("", *JOINERS))


_CAPITAL = folded_words(lexicon.CAPITAL_WORDS)


CAPITAL_FIRSTS = frozenset(_CAPITAL)


FILLERS = folded_words(lexicon.PLACE_FILLERS) | folded_words(lexicon.VENUE_NOUNS)


ROLE_LINKS = folded_words(lexicon.ROLE_LINKS)


ROLE_ELECT = folded_words(lexicon.ROLE_ELECT)


# Of those, the words of an office about to be taken (not left: "former", "outgoing").
ELECT = folded_words(lexicon.every("elect"))


QUESTION = folded_words(lexicon.QUESTION_WORDS)


PAIR_NUMERALS = folded_words(lexicon.every("pair_numerals"))


CONJ = set(lexicon.every("conjunctions"))


GENITIVE_ENDINGS = lexicon.table("genitive_endings")


ACCORDING = lexicon.table("according")


ACCORDING_WORDS = set(lexicon.every("according_words"))


RELATIVES = folded_words(lexicon.RELATIVES)


# After a comma these start a new clause, with its own time ("…, and talks will go on").
COORDINATORS = folded_words(lexicon.every("coordinators"))


PARTICLES = folded_words(lexicon.NAME_PARTICLES)


REQUEST = folded_words(lexicon.REQUEST_WORDS)


LIST_CONTINUERS = folded_words(lexicon.LIST_CONTINUERS)


PARTICLE_VERBS = {
    particle: (reason, stems) for particle, (reason, stems) in lexicon.PARTICLE_VERBS.items()
}


NEGATIONS = folded_words(lexicon.NEGATIONS)


PRESENCE_PAIRS = {fold_phrase(p) for p in lexicon.PRESENCE_PAIRS.split("|")}


POSSESSIVES = folded_words(lexicon.POSSESSIVES)


EVENT_NOUNS = folded_words(lexicon.every("event_nouns"))


VISIT_NOUNS = folded_words(lexicon.every("visit_nouns"))


RECEIVE = folded_words(lexicon.every("receive"))


# Future and conditional verb endings, on the lower-cased word with its accents
# ("terranno", "será", "incontrerebbe", "pourrait", "reuniría", "encontraria"; German
# Konjunktiv II by its umlaut, which folding would lose: "würde", "könnte").
FUTURE_RE = lexicon.table("future_re")


# "The day before" dates an event from the one just reported, not from publication.
EVE = set(lexicon.every("eve"))


THIS_SAID = set(lexicon.every("this_said"))


US_STATES = {fold(s) for s in geo.US_STATES}


POSSESSIVE_CLITICS = lexicon.union("possessive_clitics")
