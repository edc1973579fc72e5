"""Every language's words, loaded from ``data/lexicon/<language>.toml`` and checked at start.

One TOML file per language holds every concern the engine reads (roles, meeting and
speech words, pronouns, blockers, …), one key per concern; ``data/lexicon/shared.toml``
holds the few words that hold in every language (proper names of venues, news agencies,
name particles), added to the lists read across languages. ``FIELDS`` names every key a
language file must have and how its values are read; a missing, unknown or ill-typed key
stops the import with a ``DataFileError`` that names the file and the key. Adding a
language is adding its file here (and its dates file) with every key filled in.

Phrases are written as they appear in text; they are folded (lower case, Latin accents
removed, hyphens and apostrophes split) when the engine indexes them, so "întâlnire"
also matches "intalnire". Russian case endings are handled by the matcher's stemming,
so Russian entries are given in their dictionary form where that form is enough.

The module-level tables below (``ROLES``, ``MEETING_WORDS``, …) are what the engine
reads: a ``{language: value}`` dict for the concerns read per language, and the union
over every language (plus the shared file) for the concerns read across languages.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from diplomacy.extraction import datafiles
from diplomacy.extraction.datafiles import LanguageData

LANGUAGES = datafiles.LANGUAGES
DATA_DIR = datafiles.DATA_DIR / "lexicon"

# Every key of a language file: (kind, scope), kinds as in ``datafiles``. Scope "lang":
# read per language; "union": read across languages (plus the shared file).
FIELDS: dict[str, tuple[str, str]] = {
    "roles": ("roles", "lang"),
    "role_elect": ("set", "union"),
    "role_links": ("set", "union"),
    "relational_nouns": ("words", "lang"),
    "meeting_words": ("words", "lang"),
    "separable_meeting_verbs": ("map", "lang"),
    "distributive": ("words", "union"),
    "not_party_prepositions": ("words", "lang"),
    "meeting_phrases": ("tuple", "lang"),
    "weak_meeting_words": ("set", "union"),
    "call_words": ("set", "union"),
    "call_means": ("words", "lang"),
    "visit_words": ("set", "union"),
    "visit_phrases": ("tuple", "lang"),
    "seat_phrases": ("tuple", "lang"),
    "not_seat_venues": ("pipe", "union"),
    "sidelines": ("tuple", "lang"),
    "blockers": ("words", "lang"),
    "ruled_out": ("words", "union"),
    "without": ("words", "union"),
    "negations": ("words", "union"),
    "speech_negations": ("set", "union"),
    "wish_verbs": ("words", "lang"),
    "speech_verbs": ("words", "lang"),
    "reporting_verbs": ("words", "lang"),
    "reports_alone": ("words", "lang"),
    "person_nouns": ("words", "lang"),
    "infinitive_endings": ("tuple", "lang"),
    "infinitive_links": ("words", "lang"),
    "ready_words": ("words", "union"),
    "object_prepositions": ("words", "lang"),
    "reported_mood": ("words", "lang"),
    "complementizers": ("set", "lang"),
    "pronouns": ("set", "lang"),
    "question_words": ("set", "union"),
    "two_sides": ("tuple", "lang"),
    "pair_phrases": ("tuple", "lang"),
    "presence_words": ("words", "lang"),
    "presence_pairs": ("pipe", "union"),
    "with_words": ("set", "union"),
    "locative": ("set", "lang"),
    "capital_words": ("set", "union"),
    "place_fillers": ("set", "union"),
    "venue_nouns": ("words", "union"),
    "stopwords": ("words", "lang"),
    "future_meeting_verbs": ("words", "lang"),
    "determiners": ("set", "lang"),
    "relatives": ("set", "union"),
    "titles": ("words", "lang"),
    "name_particles": ("set", "union"),
    "possessives": ("set", "union"),
    "after_blockers": ("words", "lang"),
    "request_words": ("words", "union"),
    "list_continuers": ("words", "union"),
    "future_sequences": ("tuple", "lang"),
    "particle_verbs": ("particle_verbs", "union"),
    "elect": ("words", "union"),
    "pair_numerals": ("words", "union"),
    "conjunctions": ("set", "union"),
    "genitive_endings": ("tuple", "lang"),
    "according": ("tuple", "lang"),
    "according_words": ("set", "union"),
    "coordinators": ("words", "union"),
    "event_nouns": ("words", "union"),
    "visit_nouns": ("words", "union"),
    "receive": ("words", "union"),
    "eve": ("set", "union"),
    "this_said": ("set", "union"),
    "not_name": ("words", "union"),
    "calendar": ("words", "union"),
    "honorifics": ("words", "union"),
    "possessor_of": ("words", "union"),
    "of_organisation": ("words", "union"),
    "predicate_negations": ("words", "union"),
    "and_words": ("set", "lang"),
    "clause_closers": ("words", "union"),
    "yet": ("words", "union"),
    "purpose": ("words", "union"),
    "infinitive_meeting_words": ("words", "union"),
    "sender": ("words", "union"),
    "of_sender": ("words", "union"),
    "from_part": ("words", "union"),
    "article_relatives": ("set", "union"),
    "after": ("words", "union"),
    "after_fronted": ("words", "union"),
    "their": ("words", "union"),
    "agent": ("words", "union"),
    "agent_strict": ("words", "union"),
    "passive_auxiliaries": ("words", "union"),
    "indefinite": ("set", "lang"),
    "clause_auxiliaries": ("words", "union"),
    "day_after": ("tuple", "lang"),
    "not_pair_nouns": ("words", "union"),
    "time_adverbs": ("words", "union"),
    "preparation": ("words", "union"),
    "of_words": ("set", "union"),
    "since": ("words", "union"),
    "until": ("words", "union"),
    "staff_titles": ("list", "union"),
    "when": ("words", "union"),
    "source_words": ("words", "union"),
    "where": ("words", "union"),
    "not_speaker": ("words", "union"),
    "auxiliaries": ("words", "union"),
    "said_without_that": ("words", "union"),
    "future_re": ("regex", "lang"),
    "finite_re": ("regex", "lang"),
    "adjective_endings": ("tuple", "lang"),
    "demonym_person_endings": ("tuple", "lang"),
    "case_rules": ("pairs", "lang"),
    "name_case_endings": ("tuple", "lang"),
    "compass_words": ("set", "union"),
    "bare_locatives": ("set", "union"),
    "locative_fillers": ("set", "lang"),
    "noun_article_endings": ("tuple", "lang"),
    "not_articled_nouns": ("set", "lang"),
    "person_markers": ("set", "lang"),
    "dative_markers": ("set", "union"),
    "genitive_articles": ("set", "union"),
    "according_to_him": ("tuple", "lang"),
    "infinitive_markers": ("set", "lang"),
    "attributive_endings": ("tuple", "lang"),
    "clause_final_negations": ("set", "lang"),
    "adverb_endings": ("tuple", "union"),
    "letters": ("pattern", "lang"),
    "abbreviations": ("set", "union"),
    "grammar": ("map", "lang"),
    "ambiguous_determiners": ("set", "lang"),
    "possessive_clitics": ("set", "union"),
    "oblique_first_name_endings": ("tuple", "lang"),
    "personal_a_words": ("set", "lang"),
    "according_pairs": ("pairs", "union"),
}
_DATA = LanguageData(DATA_DIR, FIELDS)


@dataclass(frozen=True)
class Grammar:
    """The grammar traits of a language (the ``[grammar]`` table of its lexicon file)."""

    verb_final: bool
    capitalised_nouns: bool
    compound_nouns: bool
    genitive_s: bool
    subjunctive_reported_speech: bool
    that_omitted: bool
    case_inflected_names: bool
    articled_genitive: bool
    personal_a: bool
    venue_scene_needs_locative: bool
    word_variants: bool
    english_role_phrases: bool
    with_reach: int


def grammar_of(language: str, traits: dict) -> Grammar:
    """A language's grammar traits, checked: every trait present, of its type, and no other."""
    wanted = {f.name: f.type for f in fields(Grammar)}
    missing = [name for name in wanted if name not in traits]
    unknown = [name for name in traits if name not in wanted]
    wrong = [
        name
        for name, value in traits.items()
        if name in wanted and type(value).__name__ != wanted[name]
    ]
    if missing or unknown or wrong:
        problems = [
            f"{label} grammar trait(s): {', '.join(names)}"
            for label, names in (("missing", missing), ("unknown", unknown), ("ill-typed", wrong))
            if names
        ]
        raise datafiles.DataFileError(f"lexicon file {language}.toml: " + "; ".join(problems))
    return Grammar(**traits)


GRAMMAR: dict[str, Grammar] = {
    language: grammar_of(language, traits) for language, traits in _DATA.table("grammar").items()
}
table = _DATA.table
every = _DATA.every
union = _DATA.union


HOS, HOG, FM = "head_of_state", "head_of_government", "foreign_minister"

ROLES = table("roles")
RELATIONAL_NOUNS = table("relational_nouns")
MEETING_WORDS = table("meeting_words")
SEPARABLE_MEETING_VERBS = table("separable_meeting_verbs")
NOT_PARTY_PREPOSITIONS = table("not_party_prepositions")
MEETING_PHRASES = table("meeting_phrases")
CALL_MEANS = table("call_means")
VISIT_PHRASES = table("visit_phrases")
SEAT_PHRASES = table("seat_phrases")
SIDELINES = table("sidelines")
BLOCKERS = table("blockers")
WISH_VERBS = table("wish_verbs")
SPEECH_VERBS = table("speech_verbs")
REPORTING_VERBS = table("reporting_verbs")
REPORTS_ALONE = table("reports_alone")
PERSON_NOUNS = table("person_nouns")
INFINITIVE_ENDINGS = table("infinitive_endings")
INFINITIVE_LINKS = table("infinitive_links")
OBJECT_PREPOSITIONS = table("object_prepositions")
REPORTED_MOOD = table("reported_mood")
COMPLEMENTIZERS = table("complementizers")
PRONOUNS = table("pronouns")
TWO_SIDES = table("two_sides")
PAIR_PHRASES = table("pair_phrases")
PRESENCE_WORDS = table("presence_words")
LOCATIVE = table("locative")
STOPWORDS = table("stopwords")
FUTURE_MEETING_VERBS = table("future_meeting_verbs")
DETERMINERS = table("determiners")
TITLES = table("titles")
AFTER_BLOCKERS = table("after_blockers")
FUTURE_SEQUENCES = table("future_sequences")

ROLE_ELECT = union("role_elect")
ROLE_LINKS = union("role_links")
DISTRIBUTIVE = union("distributive")
WEAK_MEETING_WORDS = union("weak_meeting_words")
CALL_WORDS = union("call_words")
VISIT_WORDS = union("visit_words")
NOT_SEAT_VENUES = union("not_seat_venues")
RULED_OUT = union("ruled_out")
WITHOUT = union("without")
NEGATIONS = union("negations")
READY_WORDS = union("ready_words")
QUESTION_WORDS = union("question_words")
PRESENCE_PAIRS = union("presence_pairs")
WITH_WORDS = union("with_words")
CAPITAL_WORDS = union("capital_words")
PLACE_FILLERS = union("place_fillers")
VENUE_NOUNS = union("venue_nouns")
RELATIVES = union("relatives")
NAME_PARTICLES = union("name_particles")
POSSESSIVES = union("possessives")
REQUEST_WORDS = union("request_words")
LIST_CONTINUERS = union("list_continuers")
PARTICLE_VERBS = union("particle_verbs")
