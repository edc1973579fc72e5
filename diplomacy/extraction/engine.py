"""The extraction engine: article text → leaders, meetings and statements.

Steps: language → tokens, quotations, sentences → places, roles, names, demonyms,
pronouns (mentions) → meetings (a meeting word with the leaders it links, dated and
placed) → statements (quotations and reported speech with their speakers).

Precision comes first for meetings: a meeting needs a meeting word outside any
quotation, not negated or future, and two distinct leaders linked to that word in
the same sentence (or a pair referred back to: "the two leaders"). Two leaders merely
named together make no meeting. Future, wished-for and conditional meetings are kept
apart as ``planned_meetings``; negated, cancelled or ruled-out ones are dropped.
"""

from __future__ import annotations

import bisect
import gc
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from diplomacy.extraction import geo, lexicon
from diplomacy.extraction.dates import DateMention, find_dates, marker_end, read_date_marker
from diplomacy.extraction.knowledge import ROLE_RANK, KnowledgeBase
from diplomacy.extraction.language import detect_language
from diplomacy.extraction.phrases import PhraseIndex, variants
from diplomacy.extraction.text import (
    TOKEN_RE,
    Token,
    find_quotes,
    fold,
    fold_phrase,
    fold_text,
    split_sentences,
    tokenize,
)
from diplomacy.extraction.types import (
    ExtractedLeader,
    ExtractedMeeting,
    ExtractedStatement,
    Extraction,
    LeaderEntry,
    Span,
)

# --------------------------------------------------------------------------- lexicon


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


@lru_cache(maxsize=16)
def _lang(language: str) -> _Lang:
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
    roles = PhraseIndex()
    for phrase, (role, implied) in lexicon.ROLES.get(language, {}).items():
        roles.add(fold_phrase(phrase), (role, implied))
    if language != "en":
        for phrase, (role, implied) in lexicon.ROLES["en"].items():
            if len(fold_phrase(phrase)) > 1:
                roles.add(fold_phrase(phrase), (role, implied))
    roles.freeze()
    triggers = PhraseIndex()
    weak = _words(lexicon.WEAK_MEETING_WORDS)
    for word in _words(lexicon.MEETING_WORDS.get(language, "")):
        triggers.add((word,), word in weak)
    for phrase in lexicon.MEETING_PHRASES.get(language, ()):
        triggers.add(fold_phrase(phrase), False)
    for verb in lexicon.SEPARABLE_MEETING_VERBS.get(language, {}):
        triggers.add((fold(verb),), False)
    triggers.freeze()
    two_sides = PhraseIndex()
    for phrase in lexicon.TWO_SIDES.get(language, ()):
        two_sides.add(fold_phrase(phrase), True)
    two_sides.freeze()
    pairs = PhraseIndex()
    for phrase in lexicon.PAIR_PHRASES.get(language, ()):
        pairs.add(fold_phrase(phrase), True)
    pairs.freeze()
    speech = _words(lexicon.SPEECH_VERBS.get(language, ""))
    visit_phrases = PhraseIndex()
    for phrase in lexicon.VISIT_PHRASES.get(language, ()):
        visit_phrases.add(fold_phrase(phrase), "visit")
    for phrase in lexicon.SEAT_PHRASES.get(language, ()):
        visit_phrases.add(fold_phrase(phrase), "seat")
    visit_phrases.freeze()
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

# --------------------------------------------------------------------------- records


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


# --------------------------------------------------------------------------- API


def extract(text: str, published: date | None, kb: KnowledgeBase) -> Extraction:
    """Leaders, meetings and statements of one article. Deterministic."""
    # Extraction allocates many small short-lived objects and makes no reference cycles
    # worth collecting meanwhile: pausing the cyclic collector saves about 5 % of the time.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _extract(text, published, kb)
    finally:
        if paused:
            gc.enable()


def _extract(text: str, published: date | None, kb: KnowledgeBase) -> Extraction:
    if published is None:
        published = read_date_marker(text)
    body = marker_end(text)
    language = detect_language(text[body:])
    doc = _prepare(text, body, language, published, kb)
    _find_places(doc)
    _find_roles(doc)
    _find_names(doc)
    _find_demonyms_and_pronouns(doc)
    doc.mentions.sort(key=lambda m: m.start)
    _mark_relations(doc)
    meetings = _find_meetings(doc)
    statements = _find_statements(doc)
    _link_statements(doc, meetings, statements)
    leaders = _leaders(doc, meetings, statements)
    return Extraction(
        language=language,
        published=published,
        leaders=leaders,
        meetings=meetings,
        statements=statements,
        planned_meetings=doc.planned,
    )


def to_schema(extraction: Extraction, file: str) -> dict:
    """The JSON object of ``eval/SCHEMA.md`` for one article."""
    leaders = []
    for leader in extraction.leaders:
        row = {
            "name": leader.name,
            "country": leader.country,
            "role": leader.role,
            "mentions": [[s, e] for s, e in leader.mentions],
        }
        if not leader.known:
            row["known"] = False
        leaders.append(row)
    meetings, planned = (
        [_meeting_schema(m) for m in found]
        for found in (extraction.meetings, extraction.planned_meetings)
    )
    statements = [
        {
            "speaker": s.speaker,
            "text": s.text,
            "kind": s.kind,
            "start": s.start,
            "end": s.end,
            "meeting": s.meeting,
        }
        for s in extraction.statements
    ]
    return {
        "file": file,
        "language": extraction.language,
        "published": extraction.published.isoformat() if extraction.published else None,
        "leaders": leaders,
        "meetings": meetings,
        "planned_meetings": planned,
        "statements": statements,
    }


def _meeting_schema(m: ExtractedMeeting) -> dict:
    return {
        "participants": list(m.participants),
        "date": m.date,
        "date_precision": m.date_precision,
        "location": (
            {"name": m.location_name, "country": m.location_country} if m.location_name else None
        ),
        "kind": m.kind,
        "reported_as": m.reported_as,
        "confidence": m.confidence,
        "evidence": [{"start": e.start, "end": e.end, "text": e.text} for e in m.evidence],
    }


# --------------------------------------------------------------------------- preparation


def _prepare(text: str, body: int, language: str, published, kb) -> _Doc:
    tokens = tokenize(text, body)
    norms = [t.norm for t in tokens]
    positions: dict[str, list[int]] = {}
    # Only Russian (Cyrillic), Romanian and German words have case-ending variants.
    inflected = language in ("ro", "de")
    if inflected or _CYRILLIC_RE.search(text, body):
        forms = [variants(n, language) if inflected or n[0] >= "\u0400" else (n,) for n in norms]
        for k, token_forms in enumerate(forms):
            for form in token_forms:
                positions.setdefault(form, []).append(k)
    else:
        forms = [(n,) for n in norms]
        for k, n in enumerate(norms):
            positions.setdefault(n, []).append(k)
    joined = [
        # Most gaps are one character: test it without slicing the text.
        text[a.end] in _JOINERS if b.start - a.end == 1 else text[a.end : b.start] in _JOIN_GAPS
        for a, b in zip(tokens, tokens[1:], strict=False)
    ]
    joined.append(False)
    quotes = _with_dash_quotes(text, [q for q in find_quotes(text) if q[0] >= body], language)
    quote_of = _spans_of(tokens, quotes, outside=-1)
    sentences = [(max(s, body), e) for s, e in split_sentences(text, quotes) if e > body and s < e]
    sentences = [(s, e) for s, e in sentences if text[s:e].strip()]
    sent_of = _spans_of(tokens, sentences, outside=None)
    newlines = [m.start() for m in _NEWLINE_RE.finditer(text)]
    paragraph_of_sentence = [bisect.bisect_left(newlines, s) for s, _ in sentences]
    return _Doc(
        text=text,
        folded=fold_text(text),
        language=language,
        published=published,
        tokens=tokens,
        joined=joined,
        quotes=quotes,
        quote_of=quote_of,
        sentences=sentences,
        sent_of=sent_of,
        paragraph_of_sentence=paragraph_of_sentence,
        lx=_lang(language),
        kb=kb,
        forms=forms,
        positions=positions,
        token_starts=[t.start for t in tokens],
        sentence_token_range=_ranges(sent_of, len(sentences)),
    )


# Dialogue dashes: a paragraph opening with a dash, closed by a dash and a speech verb
# ("—Seguiremos trabajando —dijo Sánchez—.", "— Мы договорились, — сказал Путин.").
_DASH_QUOTE_RE = re.compile(r"(?m)^[ \t]*[—–][ \t]*([^\n—–]+?)[ \t]*[—–][ \t]*(\w+)")


def _with_dash_quotes(text: str, quotes: list[tuple[int, int]], language: str) -> list:
    if "—" not in text and "–" not in text:
        return quotes
    speech = _lang(language).speech
    extra = []
    for m in _DASH_QUOTE_RE.finditer(text):
        if fold(m.group(2)) not in speech:
            continue
        a, b = m.span(1)
        if not any(qa < b and a < qb for qa, qb in quotes):
            extra.append((a, b))
    return sorted(quotes + extra) if extra else quotes


def _candidates(doc: _Doc, firsts: frozenset[str]) -> list[int]:
    """Token positions where a phrase of an index may start, in text order.

    Intersecting the article's distinct word forms with the index's first words is far
    cheaper than testing every token against every index.
    """
    # frozenset.intersection(dict) walks the article's few forms; "keys() & frozenset"
    # would walk the index's thousands of first words instead.
    hits = firsts.intersection(doc.positions)
    if not hits:
        return []
    return sorted(k for form in hits for k in doc.positions[form])


def _spans_of(tokens: list[Token], spans: list[tuple[int, int]], outside) -> list:
    """For each token, the index of the (sorted, disjoint) span holding it.

    Tokens outside every span get ``outside``, or the previous span's index if None.
    """
    out = []
    k, n = 0, len(spans)
    for t in tokens:
        while k < n and spans[k][1] <= t.start:
            k += 1
        if k < n and spans[k][0] <= t.start:
            out.append(k)
        elif outside is None:
            out.append(max(0, min(k, n) - 1))
        else:
            out.append(outside)
    return out


def _ranges(sent_of: list[int], n: int) -> list[tuple[int, int]]:
    first = [-1] * n
    last = [0] * n
    for k, s in enumerate(sent_of):
        if first[s] < 0:
            first[s] = k
        last[s] = k + 1
    return [(first[s], last[s]) if first[s] >= 0 else (0, 0) for s in range(n)]


def _capitalised(token: Token) -> bool:
    return token.raw[:1].isupper()


def _sentence_initial(doc: _Doc, i: int) -> bool:
    return i == 0 or doc.sent_of[i - 1] != doc.sent_of[i]


# --------------------------------------------------------------------------- places


def _find_places(doc: _Doc) -> None:
    toks, lx = doc.tokens, doc.lx
    i = 0
    for start in _candidates(doc, lx.places.firsts):
        if start < i:
            continue
        i = start
        n, payloads = lx.places.match(toks, i, doc.language, doc.joined, forms=doc.forms)
        if not n:
            i += 1
            continue
        kind, code_or_name, extra, acronym = payloads[0]
        if not _capitalised(toks[i]):
            # "le Premier ministre indien": German "Indien" (India) is a name, but the
            # lower-case word is the French adjective.
            kind, code_or_name, extra, acronym = next(
                (p for p in payloads if p[0] == "country" and p[2] == "adj"), payloads[0]
            )
        raw = doc.text[toks[i].start : toks[i + n - 1].end]
        if acronym and not raw.replace(".", "").isupper():
            i += n
            continue
        if kind == "country" and extra == "name" and not _capitalised(toks[i]):
            i += n
            continue
        if kind in ("city", "venue") and not (
            _capitalised(toks[i])
            # "palais Chigi", "palais Bellevue": a building noun before the name.
            or (
                kind == "venue"
                and n > 1
                and toks[i].norm in _FILLERS
                and _capitalised(toks[i + n - 1])
            )
        ):
            i += n
            continue
        if kind == "country":
            place = Place(
                toks[i].start, toks[i + n - 1].end, i, i + n, "country", code_or_name, None
            )
            place.city = extra  # "name" or "adj"
        else:
            place = Place(toks[i].start, toks[i + n - 1].end, i, i + n, kind, extra, code_or_name)
        doc.places.append(place)
        i += n
    _capital_phrases(doc)
    _unknown_towns(doc)
    for place in doc.places:
        doc.place_tokens.update(range(place.ti, place.tj))
        if place.kind == "country":
            doc.country_tokens.update(range(place.ti, place.tj))
        place.locative = _is_locative(doc, place.ti)
        place.dateline = _is_dateline(doc, place)
    doc.places.sort(key=lambda p: p.start)


def _capital_phrases(doc: _Doc) -> None:
    """ "capitala chineză", "the DPRK capital", "столица Китая" → that country's capital."""
    by_start = {p.ti: p for p in doc.places if p.kind == "country"}
    by_end = {p.tj: p for p in doc.places if p.kind == "country"}
    for i in _candidates(doc, _CAPITAL_FIRSTS):
        country = None
        j = i + 1
        while j < len(doc.tokens) and j <= i + 2 and doc.tokens[j].norm in _ROLE_LINKS:
            j += 1
        if j in by_start:
            country = by_start[j]
            span = (i, country.tj)
        elif i in by_end:
            country = by_end[i]
            span = (country.ti, i + 1)
        if country is None or country.code not in geo.CAPITALS:
            continue
        doc.places = [p for p in doc.places if p is not country]
        a, b = span
        doc.places.append(
            Place(
                doc.tokens[a].start,
                doc.tokens[b - 1].end,
                a,
                b,
                "capital",
                country.code,
                geo.CAPITALS[country.code],
            )
        )


def _unknown_towns(doc: _Doc) -> None:
    """ "in Woodside, California", "in Qingdao, east China": a town we do not list."""
    known = {p.ti for p in doc.places}
    countries = {p.ti: p for p in doc.places if p.kind == "country"}
    toks = doc.tokens
    for i in range(1, len(toks) - 2):
        if toks[i - 1].norm not in doc.lx.locative or i in known:
            continue
        if not _capitalised(toks[i]) or doc.quote_of[i] >= 0:
            continue
        gap = doc.text[toks[i].end : toks[i + 1].start]
        if gap.strip() != ",":
            continue
        j = i + 1
        if toks[j].norm in {
            "east",
            "west",
            "north",
            "south",
            "northern",
            "southern",
            "eastern",
            "western",
            "central",
        }:
            j += 1
        code = None
        if j in countries:
            code = countries[j].code
        elif toks[j].norm in _US_STATES and _capitalised(toks[j]):
            code = "US"
        if code:
            doc.places.append(
                Place(toks[i].start, toks[i].end, i, i + 1, "city", code, toks[i].raw)
            )


def _is_locative(doc: _Doc, ti: int) -> bool:
    j = ti - 1
    steps = 0
    while j >= 0 and steps < 4:
        norm = doc.tokens[j].norm
        if norm in doc.lx.locative or norm in {"at", "in"}:
            return True
        if norm not in _FILLERS and not (doc.language == "it" and norm in {"all", "al"}):
            return False
        j -= 1
        steps += 1
    return False


def _is_dateline(doc: _Doc, place: Place) -> bool:
    """ "(SAN FRANCISCO) —", "MOSCOW (Sputnik)", "Roma, 15 giu. -": the place of writing."""
    text = doc.text
    line_start = text.rfind("\n", 0, place.start) + 1
    before = text[line_start : place.start]
    if before.strip() not in ("", "("):
        return False
    after = text[place.end : place.end + 40]
    return bool(
        after.startswith(")")
        or after.lstrip().startswith(("(", "—", "–", "- "))
        or text[place.start : place.end].isupper()
        or (after.startswith(",") and any(ch.isdigit() for ch in after[:12]))
    )


# --------------------------------------------------------------------------- mentions


def _find_roles(doc: _Doc) -> None:
    toks, lx = doc.tokens, doc.lx
    # A seat of power names its country too: "liderul de la Kremlin", "the Kremlin leader".
    countries_start = {p.ti: p for p in doc.places if p.kind in ("country", "venue")}
    countries_end = {p.tj: p for p in doc.places if p.kind in ("country", "venue")}
    i = 0
    for start in _candidates(doc, lx.roles.firsts):
        if start < i:
            continue
        i = start
        n, payloads = lx.roles.match(toks, i, doc.language, doc.joined, forms=doc.forms)
        if not n:
            i += 1
            continue
        role, implied = payloads[0]
        if i > 0 and toks[i - 1].norm in _PAIR_NUMERALS:
            # "i due leader", "les deux dirigeants": the pair, not one person.
            i += n
            continue
        a, b = i, i + n
        country = implied
        elect = False
        j = b
        if j < len(toks) and toks[j].norm in _ROLE_ELECT:
            elect = True
            j += 1
        if country is None:
            k = j
            while (
                k < len(toks)
                and k < j + 2
                and (toks[k].norm in _ROLE_LINKS or toks[k].norm in _POSSESSIVES)
            ):
                k += 1
            if k in countries_start and countries_start[k].ti >= b:
                place = countries_start[k]
                country, b = place.code, place.tj
            elif j in countries_start:
                country, b = countries_start[j].code, countries_start[j].tj
            else:
                left = a
                if (
                    left >= 2
                    and toks[left - 1].norm == "s"
                    and doc.text[toks[left - 1].start - 1] in "'’"
                ):
                    left -= 1
                if left in countries_end:
                    country, a = countries_end[left].code, countries_end[left].ti
        if b < len(toks) and toks[b - 1].norm != "elect" and toks[b].norm in _ROLE_ELECT:
            elect = True
        if country is None and not implied:
            k = b
            while k < len(toks) and k < b + 2 and toks[k].norm in _ROLE_LINKS:
                k += 1
            if k > b and k < len(toks) and _capitalised(toks[k]) and k not in countries_start:
                # "presidente do Conselho Europeu": the head of something else.
                i = b
                continue
        if role == "chancellor_or_fm":
            role = "head_of_government" if country in ("DE", "AT") else "foreign_minister"
        key = None
        if country and not elect and role != "counterpart":
            holder = doc.kb.resolve_office_holder(country, role, doc.published)
            key = holder.key if holder else None
        if elect:
            if toks[b - 1].norm in _ELECT or (b < len(toks) and toks[b].norm in _ELECT):
                # "il presidente eletto": resolved later to the leader of the article who
                # takes that office within months.
                doc.mentions.append(
                    Mention(
                        toks[a].start,
                        toks[b - 1].end,
                        a,
                        b,
                        "role",
                        role=role,
                        country=country,
                        sentence=doc.sent_of[a],
                        in_quote=doc.quote_of[a] >= 0,
                        elect=True,
                    )
                )
            i = b
            continue
        doc.mentions.append(
            Mention(
                toks[a].start,
                toks[b - 1].end,
                a,
                b,
                "role",
                key=key,
                role=role,
                country=country,
                sentence=doc.sent_of[a],
                in_quote=doc.quote_of[a] >= 0,
            )
        )
        i = b


def _find_names(doc: _Doc) -> None:
    toks, kb = doc.tokens, doc.kb
    found: list[tuple[int, int, list[str], bool, str]] = []
    i = 0
    for start in _candidates(doc, kb.aliases.firsts):
        if start < i:
            continue
        i = start
        n, payloads = kb.aliases.match(toks, i, doc.language, doc.joined, forms=doc.forms)
        if not n:
            i += 1
            continue
        keys = list(dict.fromkeys(p[0] for p in payloads))
        single = all(p[1] for p in payloads)
        if single:
            # A lone surname must look like a name and not be part of a longer one.
            nxt = i + 1
            if not _capitalised(toks[i]) or (
                nxt < len(toks)
                and doc.joined[i]
                and _capitalised(toks[nxt])
                and doc.text[toks[i].end : toks[nxt].start] == " "
                and toks[nxt].norm not in {"s"}
                and not _is_known_word(doc, nxt)
                # "hatte Trump Putin … getroffen": two leaders' surnames side by side.
                and not kb.aliases.match(toks, nxt, doc.language, doc.joined, forms=doc.forms)[0]
            ):
                i += 1
                continue
            if _other_given_name(doc, i):
                i += 1
                continue
        inflection = ""
        last = toks[i + n - 1]
        if doc.language == "ru" and all(last.norm != p[2] for p in payloads):
            inflection = _ru_ending(last.norm)
        found.append((i, n, keys, single, inflection))
        if not single:
            for k in keys:
                doc.full_names.setdefault(k, []).append(toks[i].start)
        i += n
    found.extend(_unknown_people(doc, found))
    found.extend(_later_surnames(doc, found))
    for i, n, keys, single, inflection in found:
        key = _choose_key(doc, i, keys, single)
        if key is None:
            continue
        start, end = toks[i].start, toks[i + n - 1].end
        doc.mentions.append(
            Mention(
                start,
                end,
                i,
                i + n,
                "name",
                key=key,
                sentence=doc.sent_of[i],
                in_quote=doc.quote_of[i] >= 0,
                inflection=inflection,
            )
        )
    # A role right next to a name ("președintele rus Vladimir Putin") is the same person.
    names = [m for m in doc.mentions if m.kind == "name"]
    by_ti = {m.ti: m for m in names}
    by_tj = {m.tj: m for m in names}
    kept = []
    for m in doc.mentions:
        if m.kind == "role":
            # "el secretario de Estado estadounidense, Marco Rubio": a country adjective
            # may stand between the role and the name.
            nxt = m.tj
            while nxt in doc.country_tokens and nxt - m.tj < 2:
                nxt += 1
            end = toks[nxt - 1].end if nxt > m.tj else m.end
            gap_after = doc.text[end : toks[nxt].start] if nxt < len(toks) else ""
            if nxt in by_ti and gap_after.strip() in ("", ",") and not _ro_oblique(doc, by_ti[nxt]):
                doc.role_tokens.update(range(m.ti, nxt))
                if not m.key and not m.in_quote:
                    # "La premier Giorgia Meloni": a later bare "la premier" is her too.
                    doc.titled.setdefault(doc.folded[m.start : m.end], (m.start, by_ti[nxt].key))
                continue
            gap_before = doc.text[doc.tokens[m.ti - 1].end : m.start] if m.ti > 0 else ""
            if m.ti in by_tj and gap_before.strip() in ("", ","):
                continue
        kept.append(m)
    doc.mentions = kept
    _roles_to_named_leaders(doc)


def _roles_to_named_leaders(doc: _Doc) -> None:
    """ "Le dirigeant espagnol" is the Spanish leader the article has just named
    (Sánchez), not the office holder the role would stand for on its own (the King): a
    head of state or government role goes to the last leader of that country named
    before it, if that leader holds such an office."""
    last: dict[str, str] = {}  # country → its leader named most recently
    for m in sorted(doc.mentions, key=lambda m: m.start):
        if m.kind == "name" and m.key and not m.in_quote:
            last[_entry(doc, m.key).country] = m.key
            continue
        if m.kind != "role" or not m.key or not m.country or m.role not in _TOP_ROLES:
            continue
        # "Le dirigeant espagnol" after "Pedro Sánchez": the Spanish leader just named.
        other = last.get(m.country)
        if other is None or other == m.key:
            continue
        office = doc.kb.office_on(other, doc.published)
        if office and office.role in _TOP_ROLES and doc.kb.holds_office(other, doc.published):
            m.key = other


_TOP_ROLES = {"head_of_state", "head_of_government"}


def _de_genitive(doc: _Doc, m: Mention) -> bool:
    """A German name in the genitive: "Putins", "Bidens" (the knowledge base has no -s)."""
    if doc.language != "de" or not m.key:
        return False
    norm = doc.tokens[m.tj - 1].norm
    base = fold_phrase(_entry(doc, m.key).name)[-1:]
    return bool(base) and norm != base[0] and norm == base[0] + "s"


def _ro_oblique(doc: _Doc, m: Mention) -> bool:
    """A Romanian name in the genitive-dative ("i-a transmis șeful statului Maiei Sandu"):
    its first name carries the ending its dictionary form lacks."""
    if doc.language != "ro" or not m.key:
        return False
    norm = doc.tokens[m.ti].norm
    base = fold_phrase(_entry(doc, m.key).name)[:1]
    if not base or norm == base[0] or len(norm) <= len(base[0]):
        return False
    return norm.startswith(base[0][:-1]) and norm.endswith(("ei", "ului"))


def _entry(doc: _Doc, key: str) -> LeaderEntry:
    return doc.unknown.get(key) or doc.kb.leaders[key]


_NOT_NAME = _words(lexicon.every("not_name"))
_FUNCTION_WORDS = {w for words in lexicon.STOPWORDS.values() for w in _words(words)}
_CALENDAR = _words(lexicon.every("calendar"))


def _unknown_people(doc: _Doc, found: list) -> list:
    """ "Foreign Minister Ahmed Attaf": a title, then a first and last name the knowledge
    base does not know. They become leaders with ``known: false``."""
    toks, text = doc.tokens, doc.text
    covered = {k for i, n, *_ in found for k in range(i, i + n)}
    titles = doc.lx.titles
    # Where a role phrase ends ("ministrul de externe, Oana Țoiu") a name may follow too.
    role_ends = {m.tj - 1: m for m in doc.mentions if m.kind == "role"}
    out = []
    # Only where a title or a role ends: a set lookup per distinct word, not per token.
    starts = sorted(set(_candidates(doc, doc.lx.title_firsts)) | set(role_ends))
    for k in starts:
        tok = toks[k]
        if k in covered:
            continue
        j = k + 1
        role = role_ends.get(k)
        country = (role.country or "") if role is not None else ""
        # "omologul său moldovean, Dorin Recean": possessives and a country adjective
        # may stand between the title and the name.
        while (
            j < len(toks)
            and j <= k + 3
            and (toks[j].norm in _POSSESSIVES or j in doc.country_tokens)
        ):
            if j in doc.country_tokens:
                country = next(p.code for p in doc.places if p.ti <= j < p.tj)
            j += 1
        if j >= len(toks) or text[toks[j - 1].end : toks[j].start] not in (" ", ", "):
            continue
        names: list[int] = []
        skipped = 0
        while j < len(toks) and len(names) < 4:
            t = toks[j]
            if names and not doc.joined[j - 1]:
                break
            genitive = doc.language == "ro" and t.norm.endswith(_RO_GENITIVE)
            if (
                not names
                and skipped < 4
                and (genitive and _capitalised(t) or t.norm in _ROLE_LINKS or t.norm in _NOT_NAME)
            ):
                # "Ministrul Apărării Angel Tîlvăr", "Secretary of Defense Lloyd Austin":
                # the office's complement, then the name.
                skipped += 1
                j += 1
                continue
            if (
                not names
                and skipped
                and toks[j - 1].norm in _ROLE_LINKS
                and _capitalised(t)
                and j + 1 < len(toks)
                and text[t.end : toks[j + 1].start] == ", "
                and _capitalised(toks[j + 1])
            ):
                # "la secretaria general de la Presidencia, Karina Milei": the office's
                # named complement, a comma, then the name.
                skipped += 1
                j += 1
                continue
            if (
                _capitalised(t)
                and t.raw.isalpha()
                and j not in covered
                and j not in doc.place_tokens
                and t.norm not in _NOT_NAME
                # "Prime Minister Theresa May": a month name may end a name, not start it.
                and (t.norm not in _CALENDAR or (names and not _before_digit(doc, j)))
                and t.norm not in titles
                and not genitive
            ):
                names.append(j)
                j += 1
            elif names and t.norm in _PARTICLES and j + 1 < len(toks) and _capitalised(toks[j + 1]):
                j += 1
            else:
                break
        if len(names) < 2:
            continue
        first, last = names[0], names[-1]
        name = text[toks[first].start : toks[last].end]
        key = "unknown:" + " ".join(toks[x].norm for x in range(first, last + 1))
        for b in range(max(0, k - 3), k):
            if b in doc.country_tokens:
                country = next(p.code for p in doc.places if p.ti <= b < p.tj)
        if key not in doc.unknown:
            doc.unknown[key] = LeaderEntry(key=key, name=name, country=country)
            doc.unknown_titles[key] = text[tok.start : tok.end]
        out.append((first, last + 1 - first, [key], False, ""))
        covered.update(range(first, last + 1))
    return out


def _before_digit(doc: _Doc, j: int) -> bool:
    return j + 1 < len(doc.tokens) and doc.tokens[j + 1].raw[:1].isdigit()


def _later_surnames(doc: _Doc, found: list) -> list:
    """After "Pedro Sánchez", a bare "Sánchez" is him, whether or not the knowledge
    base lists the surname as an alias."""
    local: dict[str, str] = {}
    first_at: dict[str, int] = {}
    given: dict[str, set[str]] = {}
    for i, n, keys, single, _ in found:
        if not single and n >= 2 and len(keys) == 1:
            surname = doc.tokens[i + n - 1].norm
            if len(surname) >= 3 and surname not in local:
                local[surname] = keys[0]
                first_at[surname] = i
            given.setdefault(doc.tokens[i].norm, set()).add(keys[0])
            # "Lee Jae-myung", "Moon Jae-in": a family name first, before a hyphenated
            # given name in lower case after the hyphen, is the bare surname used later.
            family = doc.tokens[i].norm
            if n == 3 and len(family) >= 3 and family not in local:
                a, b = doc.tokens[i + 1], doc.tokens[i + 2]
                if doc.text[a.end : b.start] == "-" and doc.text[b.start].islower():
                    local[family] = keys[0]
                    first_at[family] = i
    # "Marcelo Rebelo de Sousa … Marcelo": a name of three words or more may be cut to
    # its first, when no other leader of the article bears it.
    for i, n, keys, single, _ in found:
        first = doc.tokens[i].norm
        if (
            not single
            and n >= 3
            and len(keys) == 1
            and len(first) >= 4
            and given.get(first) == {keys[0]}
            and first not in local
        ):
            local[first] = keys[0]
            first_at[first] = i
    if not local:
        return []
    covered = {k for i, n, *_ in found for k in range(i, i + n)}
    extra = []
    for k in _candidates(doc, frozenset(local)):
        forms = doc.forms[k]
        if k in covered or not _capitalised(doc.tokens[k]):
            continue
        tok = doc.tokens[k]
        hit = next((f for f in forms if f in local and first_at[f] < k), None)
        if hit is None:
            continue
        nxt = k + 1
        if nxt < len(doc.tokens) and doc.joined[k] and _capitalised(doc.tokens[nxt]):
            continue
        inflection = _ru_ending(tok.norm) if doc.language == "ru" and tok.norm != hit else ""
        extra.append((k, 1, [local[hit]], False, inflection))
    return extra


_HONORIFICS = _words(lexicon.every("honorifics"))


def _other_given_name(doc: _Doc, i: int) -> bool:
    """ "Karina Milei": a first name other than the leader's before his bare surname names
    someone else of the family."""
    k = i - 1
    # German writes every noun capitalised: "Das Treffen Bidens".
    if k < 0 or doc.language == "de" or _sentence_initial(doc, k) or not doc.joined[k]:
        return False
    prev = doc.tokens[k]
    if doc.text[prev.end : doc.tokens[i].start] != " " or not _capitalised(prev):
        return False
    return (
        prev.norm.isalpha()
        and len(prev.norm) >= 3
        and prev.norm not in _HONORIFICS
        and prev.norm not in doc.lx.titles
        and k not in doc.country_tokens
        and not _is_known_word(doc, k)
        and not any(p.ti <= k < p.tj for p in doc.places)
        and not any(m.ti <= k < m.tj for m in doc.mentions if m.kind in ("role", "demonym"))
        and not doc.kb.aliases.match(doc.tokens, k, doc.language, doc.joined, forms=doc.forms)[0]
    )


def _is_known_word(doc: _Doc, i: int) -> bool:
    """A capitalised word after a surname that is not a further name (a verb, a title)."""
    norm = doc.tokens[i].norm
    return norm in doc.lx.speech or norm in _ROLE_LINKS


def _ru_ending(norm: str) -> str:
    for ending in (
        "ого",
        "его",
        "ом",
        "ем",
        "ым",
        "им",
        "ой",
        "ей",
        "ою",
        "а",
        "я",
        "у",
        "ю",
        "е",
        "ы",
        "и",
    ):
        if norm.endswith(ending):
            return ending
    return ""


def _choose_key(doc: _Doc, i: int, keys: list[str], single: bool) -> str | None:
    token = doc.tokens[i]
    if not single:
        return keys[0] if len(keys) == 1 else _by_office(doc, keys)
    named = [k for k in keys if k in doc.full_names]
    if len(token.norm) <= 3 and not named:
        # "Xi", "Kim", "Dan" alone: a head of state or government of the day whom no
        # one else in the knowledge base is called, or else only once the full name
        # was used.
        if (
            len(keys) == 1
            and _rank(doc, keys[0]) <= 1
            and doc.kb.holds_office(keys[0], doc.published)
        ):
            return keys[0]
        return None
    if named:
        if len(named) == 1:
            return named[0]
        # The person whose full name was used last before this point.
        best, best_pos = None, -1
        for k in named:
            before = [p for p in doc.full_names[k] if p <= token.start]
            pos = max(before) if before else -1
            if pos > best_pos:
                best, best_pos = k, pos
        if best is not None:
            return best
        return min(named, key=lambda k: min(doc.full_names[k]))
    if len(keys) == 1:
        return keys[0]
    return _by_office(doc, keys)


def _by_office(doc: _Doc, keys: list[str]) -> str | None:
    holding = [k for k in keys if doc.kb.holds_office(k, doc.published)]
    return holding[0] if len(holding) == 1 else None


def _find_demonyms_and_pronouns(doc: _Doc) -> None:
    """ "rusul", "pe nord-coreean" → the article's leader of that country; pronouns."""
    lx = doc.lx
    named_by_country: dict[str, str] = {}
    for m in doc.mentions:
        if m.kind == "name" and m.key:
            entry = _entry(doc, m.key)
            prev = named_by_country.get(entry.country)
            if prev is None or _rank(doc, m.key) < _rank(doc, prev):
                named_by_country[entry.country] = m.key
    taken = {(m.ti) for m in doc.mentions}
    if lx.demonym_endings:
        for p in doc.places:
            if p.kind != "country" or p.city != "adj" or p.ti in taken:
                continue
            last = doc.tokens[p.tj - 1]
            prev = doc.tokens[p.ti - 1].norm if p.ti > 0 else ""
            person = any(last.norm.endswith(e) for e in lx.demonym_endings) or prev == "pe"
            # "liderul chinez" is an adjective after its noun, not a person.
            if person and p.code in named_by_country and not _after_noun(doc, p.ti):
                doc.mentions.append(
                    Mention(
                        p.start,
                        p.end,
                        p.ti,
                        p.tj,
                        "demonym",
                        key=named_by_country[p.code],
                        sentence=doc.sent_of[p.ti],
                        in_quote=doc.quote_of[p.ti] >= 0,
                    )
                )
    folded_pronouns = {fold(p) for p in lx.pronouns}
    for i, tok in enumerate(doc.tokens):
        if (
            tok.norm in folded_pronouns
            and tok.raw.lower() in lx.pronouns
            and i not in taken
            and i not in doc.place_tokens  # "Sharm el-Sheikh"
        ):
            if doc.quote_of[i] >= 0:
                continue
            doc.mentions.append(
                Mention(tok.start, tok.end, i, i + 1, "pronoun", sentence=doc.sent_of[i])
            )


def _after_noun(doc: _Doc, ti: int) -> bool:
    if ti == 0:
        return False
    prev = doc.tokens[ti - 1]
    return prev.norm.endswith(("ul", "ului", "a", "ii", "ele", "ilor")) and prev.norm not in {
        "pe",
        "la",
        "cu",
        "a",
    }


def _rank(doc: _Doc, key: str) -> int:
    office = doc.kb.office_on(key, doc.published)
    return ROLE_RANK.get(office.role, 9) if office else 9


def _mark_relations(doc: _Doc) -> None:
    """Dependants ("Trump's envoy", "spokesman for X"), obliques, and reporters."""
    toks, lx, text = doc.tokens, doc.lx, doc.text
    for m in doc.mentions:
        if m.kind == "pronoun":
            continue
        prev = [toks[k] for k in range(max(0, m.ti - 4), m.ti) if doc.sent_of[k] == m.sentence]
        prev_norms = [t.norm for t in prev]
        # Romanian "lui X" / "al lui X": dative or genitive, never the subject.
        if prev_norms[-1:] == ["lui"]:
            m.oblique = True
            if prev_norms[-2:-1] and prev_norms[-2] in {"al", "a", "ai", "ale"}:
                m.dependent = True
        if (doc.language == "ru" and m.inflection) or (m.kind == "name" and _ro_oblique(doc, m)):
            m.oblique = True
        if m.kind == "name" and _de_genitive(doc, m):
            # "die Politik Putins": a possessor, not a party; "das Treffen Bidens" is one.
            near = [k for k in (m.ti - 1, m.tj) if 0 <= k < len(toks)]
            if not any(lx.triggers.firsts.intersection(doc.forms[k]) for k in near):
                m.dependent = True
        genitive = (
            m.kind == "role"
            or (doc.language == "ru" and m.inflection in _GENITIVE_RU)
            or (prev_norms[-1:] and prev_norms[-1] in _ROLE_LINKS)
        )
        # A relational noun shortly before: "спецпосланником Трампа", "l'entourage du président".
        for k in range(len(prev) - 1, max(-1, len(prev) - 4), -1):
            norms = set(variants(prev_norms[k], doc.language))
            if norms & lx.relational:
                if genitive:
                    m.dependent = True
                break
            if prev_norms[k] not in _ROLE_LINKS and not _is_adjective_token(
                doc, m.ti - len(prev) + k
            ):
                break
        # "Trump's envoy", "X's government".
        if m.tj + 1 < len(toks) and toks[m.tj].norm == "s" and text[toks[m.tj].start - 1] in "'’":
            nxt = toks[m.tj + 1].norm
            if nxt in lx.relational:
                m.dependent = True
        if m.kind == "name" and _possessor(doc, m):
            m.dependent = True
        m.reporter = _is_reporter(doc, m)


_POSSESSOR_OF = _words(lexicon.every("possessor_of"))


def _possessor(doc: _Doc, m: Mention) -> bool:
    """ "diante do impasse aberto pela reeleição de Nicolás Maduro": a leader after "of"
    and a common noun that is no meeting, title or presence word owns the thing named."""
    k = m.ti - 1
    while k >= 0 and k in doc.role_tokens:
        k -= 1
    if k < 1 or doc.tokens[k].norm not in _POSSESSOR_OF or doc.sent_of[k] != m.sentence:
        return False
    noun = doc.tokens[k - 1]
    lx = doc.lx
    return (
        noun.raw.isalpha()
        and noun.raw.islower()
        and len(noun.raw) > 6  # a noun, not "parte", "lado", "côté"
        and noun.norm not in lx.titles
        and noun.norm not in lx.presence
        and noun.norm not in lx.relational
        and noun.norm not in _EVENT_NOUNS
        and lx.triggers.firsts.isdisjoint(doc.forms[k - 1])
        and lx.speech.isdisjoint(doc.forms[k - 1])
        and k - 1 not in doc.place_tokens
    )


def _is_adjective_token(doc: _Doc, k: int) -> bool:
    return k in doc.country_tokens


def _is_reporter(doc: _Doc, m: Mention) -> bool:
    """X said / a declarat X / according to X: the one who reports, not necessarily a party."""
    toks, lx, text = doc.tokens, doc.lx, doc.text
    j = m.tj
    # Skip an appositive ", the spokesperson for the Ministry,".
    if j < len(toks) and text[m.end : toks[j].start].strip() == ",":
        k = j
        while k < len(toks) and k < j + 12 and doc.sent_of[k] == m.sentence:
            if text[toks[k].end : toks[k].end + 1] == ",":
                j = k + 1
                break
            k += 1
    # Within the sentence only: "… and Mirziyoyev. Biden called it historic".
    for k in range(j, min(len(toks), j + 3)):
        if toks[k].norm in lx.speech and doc.sent_of[k] == m.sentence:
            # "…, Friedrich Merz, a anunțat Administrația Prezidențială": the subject
            # after the verb reports, not the name before the comma.
            return not (
                j == m.tj
                and text[m.end : toks[j].start].strip() == ","
                and k + 1 < len(toks)
                and doc.sent_of[k + 1] == m.sentence
                and _capitalised(toks[k + 1])
            )
    for k in range(max(0, m.ti - 3), m.ti):
        if (toks[k].norm in lx.speech or toks[k].norm in _ACCORDING_WORDS) and doc.sent_of[
            k
        ] == m.sentence:
            return True
    return False


# --------------------------------------------------------------------------- resolution


def _salient(doc: _Doc, before: int, sentence: int, statements: list | None = None) -> str | None:
    """Who a pronoun or an unnamed speaker most likely is: the subject of the nearest
    earlier sentence that has a leader (or that sentence's quoted speaker)."""
    for s in range(sentence, max(-1, sentence - 4), -1):
        if statements:
            said = [st for st in statements if st._sentence == s and st.start < before]
            if said:
                return said[-1]._key
        cands = [
            m
            for m in doc.mentions
            if m.sentence == s
            and m.start < before
            and not m.in_quote
            and not m.dependent
            and not m.oblique
            and m.kind in ("name", "role", "demonym")
        ]
        # The sentence's speaker ("Starmer said he had no plans") comes before a leader
        # named as the object of "with" ("a meeting with Donald Trump").
        cands.sort(key=lambda m: (not m.reporter, _after_with(doc, m)))
        for m in cands:
            # A bare role ("Le chancelier a répondu …") is resolved to its holder: the
            # subject of that sentence is the pronoun's antecedent.
            key = m.key or (_resolve(doc, m) if m.kind == "role" else None)
            if key:
                return key
        if _names_someone_else(doc, s, before):
            return None  # "John Smith, a resident, ..." : "he" is probably him
    return None


def _after_with(doc: _Doc, m: Mention) -> bool:
    """The mention is the object of "with" ("talks with Donald Trump"): the word comes
    shortly before it, with no comma in between."""
    lo = _sentence_tokens(doc, m.sentence).start
    for k in range(m.ti - 1, max(lo, m.ti - 4) - 1, -1):
        if _clause_break(doc, k):
            return False
        if doc.tokens[k].norm in _WITH:
            return True
    return False


def _names_someone_else(doc: _Doc, sentence: int, before: int) -> bool:
    """The sentence names a person the knowledge base does not know (two capitalised
    words in a row that are no place, title or institution), before the given offset."""
    toks = doc.tokens
    span = _sentence_tokens(doc, sentence)
    run = 0
    for k in span:
        t = toks[k]
        if t.start >= before:
            break
        ok = (
            t.norm not in _FUNCTION_WORDS
            and _capitalised(t)
            and t.raw.isalpha()
            and doc.quote_of[k] < 0
            and k not in doc.place_tokens
            and t.norm not in _NOT_NAME
            and t.norm not in _NOT_SPEAKER
            and t.norm not in _CALENDAR
            and doc.lx.titles.isdisjoint(doc.forms[k])
            and not any(m.ti <= k < m.tj for m in doc.mentions if m.kind != "pronoun")
        )
        run = run + 1 if ok and (run == 0 or doc.joined[k - 1]) else (1 if ok else 0)
        if run >= 2:
            return True
    return False


def _resolve(doc: _Doc, m: Mention, statements: list | None = None) -> str | None:
    if m.key:
        return m.key
    if m.kind == "pronoun":
        return _salient(doc, m.start, m.sentence, statements)
    if m.kind == "role" and m.role == "counterpart":
        return _counterpart(doc, m)
    if m.kind == "role" and m.elect:
        return _elect_holder(doc, m)
    if m.kind == "role" and m.role:
        # An article keeps one bare role for one person ("la premier" is Meloni all
        # along, even after Modi is named): the role's first use decides.
        surface = doc.folded[m.start : m.end]
        named = doc.titled.get(surface)
        if named and named[0] < m.start and named[1]:
            return named[1]
        first = next(
            (
                o
                for o in doc.mentions
                if o.kind == "role"
                and not o.key
                and o.role == m.role
                and not o.in_quote
                and doc.folded[o.start : o.end] == surface
            ),
            m,
        )
        return _bare_role_holder(doc, first) or _bare_role_holder(doc, m)
    return None


def _bare_role_holder(doc: _Doc, m: Mention) -> str | None:
    if m.role:
        # A bare role ("le chef de l'Etat", "the president") is the subject-most leader
        # of the nearest earlier sentence who held that role then.
        for s in range(m.sentence, max(-1, m.sentence - 6), -1):
            for other in doc.mentions:
                if other.sentence != s or other.start >= m.start or other.kind != "name":
                    continue
                if not other.key or other.in_quote or other.dependent or other.oblique:
                    continue
                office = doc.kb.office_on(other.key, doc.published)
                if (
                    office
                    and office.role == m.role
                    and doc.kb.holds_office(other.key, doc.published)
                ):
                    return other.key
    return None


def _elect_holder(doc: _Doc, m: Mention) -> str | None:
    """The leader named in the article who does not hold the role yet on publication
    but holds it within four months: "the president-elect"."""
    if doc.published is None:
        return None
    later = doc.published + timedelta(days=120)
    seen = []
    for other in doc.mentions:
        if other.kind == "name" and other.key and other.key not in seen:
            seen.append(other.key)
    for key in seen:
        office = doc.kb.office_on(key, later)
        if (
            office
            and office.role == m.role
            and (m.country is None or _entry(doc, key).country == m.country)
            and doc.kb.holds_office(key, later)
            and not doc.kb.holds_office(key, doc.published)
        ):
            return key
    return None


def _counterpart(doc: _Doc, m: Mention) -> str | None:
    """ "his Chinese counterpart": the holder, in that country, of the office the
    sentence's subject holds."""
    if not m.country:
        return None
    for other in doc.mentions:
        if other.sentence != m.sentence or other.start >= m.start or other.kind != "name":
            continue
        if not other.key or other.in_quote or other.dependent or other.oblique:
            continue
        office = doc.kb.office_on(other.key, doc.published)
        if office and office.role in ("head_of_state", "head_of_government", "foreign_minister"):
            holder = doc.kb.resolve_office_holder(m.country, office.role, doc.published)
            if holder and holder.key != other.key:
                return holder.key
        return None
    return None


# --------------------------------------------------------------------------- meetings


@dataclass
class _Trigger:
    ti: int
    tj: int
    weak: bool
    sentence: int
    event: bool = False  # a gathering noun ("summit"): many attend, few meet
    blocked: str = ""  # "planned" (future, wished, conditional) or "negated"


def _find_triggers(doc: _Doc) -> list[_Trigger]:
    """Meeting words outside quotations, each marked with what blocks it, if anything."""
    toks, lx = doc.tokens, doc.lx
    out = []
    i = 0
    for start in _candidates(doc, lx.triggers.firsts):
        if start < i or doc.quote_of[start] >= 0:
            continue
        i = start
        n, payloads = lx.triggers.match(toks, i, doc.language, doc.joined, forms=doc.forms)
        if not n:
            i += 1
            continue
        particle = lx.separable.get(toks[i].norm) if n == 1 else None
        if particle and not _particle_after(doc, i, particle):
            i += 1
            continue
        event = n == 1 and (toks[i].norm in _EVENT_NOUNS or _of_organisation(doc, i + 1))
        blocked = _blocked(doc, i, i + n)
        out.append(_Trigger(i, i + n, bool(payloads[0]) or event, doc.sent_of[i], event, blocked))
        i += n
    return out


_BREAKS = frozenset(",;:—–()")
_OF_ORG = _words(lexicon.every("of_organisation"))


def _of_organisation(doc: _Doc, k: int) -> bool:
    """ "Treffen der Arabischen Liga", "réunion de l'OTAN": the meeting of a body, a
    gathering of many, not a meeting of the leaders named near it."""
    toks = doc.tokens
    if k >= len(toks) or toks[k].norm not in _OF_ORG:
        return False
    j = k + 1
    while j < len(toks) and j < k + 3 and toks[j].norm in doc.lx.determiners:
        j += 1
    if j >= len(toks) or j in doc.place_tokens or any(m.ti <= j < m.tj for m in doc.mentions):
        return False
    raw = toks[j].raw
    # A name of two capitalised words ("Arabischen Liga") or an acronym ("OTAN").
    two = j + 1 < len(toks) and doc.joined[j] and _capitalised(toks[j + 1])
    return (_capitalised(toks[j]) and two) or (raw.isalpha() and raw.isupper() and len(raw) >= 3)


def _particle_after(doc: _Doc, i: int, particle: str) -> bool:
    """The separable verb at token i has its particle later in its clause."""
    s = doc.sent_of[i]
    for k in range(i + 1, min(len(doc.tokens), i + 20)):
        if doc.sent_of[k] != s:
            return False
        if doc.tokens[k].norm == particle:
            return True
    return False


def _clause_break(doc: _Doc, k: int) -> bool:
    """Punctuation between token k and the next one ends a clause."""
    return not _BREAKS.isdisjoint(doc.text[doc.tokens[k].end : doc.tokens[k + 1].start])


def _blocked(doc: _Doc, ti: int, tj: int) -> str:
    """Why a meeting word does not report a meeting that took place: "negated" (not,
    cancelled, ruled out, asked about), "planned" (future, wished for, asked for,
    conditional) or "". A denial wins over a plan: "no plans for a call" is no call."""
    toks, blockers = doc.tokens, doc.lx.blockers
    s = doc.sent_of[ti]
    future = _FUTURE_RE.get(doc.language)
    reason = ""
    if doc.language == "de":
        # "um Macron zu treffen": an infinitive is a purpose or an intention; the clause
        # end may deny or cancel ("traf Macron nicht", "sagte das Treffen ab").
        if (
            ti > 0
            and doc.sent_of[ti - 1] == s
            and toks[ti - 1].norm == "zu"
            and toks[ti].raw[:1].islower()
        ):
            return "planned"
        end = _de_clause_end(doc, ti, tj)
        if end:
            return end
    # Before the word: its own clause, up to ten words back ("no concrete plans for a
    # Putin-Trump conversation", "не получал предложений о новой встрече"), and the four
    # words right before it whatever the punctuation.
    k = ti - 1
    open_clause = True
    while k >= 0 and doc.sent_of[k] == s and ti - k <= 10:
        # "l-a invitat la masă și au stat de vorbă": the invitation is another clause.
        open_clause = (
            open_clause
            and not _clause_break(doc, k)
            and (toks[k].norm not in _COORDINATORS or _joins_names(doc, k))
        )
        if ti - k > 4 and not open_clause:
            break
        norm = toks[k].norm
        if norm in _NEGATIONS and norm in blockers:
            return "negated"
        if (
            norm in blockers
            or norm in _REQUEST
            or norm in doc.lx.wishes
            or (open_clause and _sequence_ends(doc, k, doc.lx.future_sequences))
        ):
            reason = "planned"
        k -= 1
    if reason:
        # "Ein geplantes Treffen … wurde abgesagt": a cancellation after it still wins.
        return _negated_after(doc, ti, tj) or reason
    # Anywhere earlier in the sentence: a future, or in German, whose modal verb stands
    # far before the verb at the end ("Scholz will nächste Woche … Putin treffen").
    wishes = doc.lx.wishes if doc.language == "de" else frozenset()
    futures = doc.lx.future_verbs
    k = ti - 1
    comma_free = True  # no comma yet between token k and the meeting word
    # A future or wish in another clause ("X, who will see Y on Friday, met Z") is that
    # clause's, not the meeting word's.
    clauses = _subclauses(doc, s)
    own = _clause_of(clauses, toks[ti].start)
    while k >= 0 and doc.sent_of[k] == s:
        norm = toks[k].norm
        if (norm in futures or norm in wishes) and _clause_of(clauses, toks[k].start) == own:
            return "planned"
        comma_free = comma_free and not _clause_break(doc, k)
        if comma_free and norm in doc.lx.wishes and doc.quote_of[k] < 0:
            # "a spus că speră să aibă până la sfârșitul lunii și o întrevedere cu X":
            # the hope reaches the meeting word through its whole clause.
            return "planned"
        if (
            ti - k <= 3
            and norm in _PURPOSE
            and k + 1 < ti
            and toks[k + 1].norm not in doc.lx.determiners
            and toks[k + 1].raw[:1].islower()
        ):
            # "para conduzir as negociações com Vieira", "to hold talks with": a purpose.
            return "planned"
        # Lower case only: "Narendra" ends like a French future, but is a name.
        if future and doc.quote_of[k] < 0 and _verb_mood(doc, k, future):
            return "planned"
        k -= 1
    for k in range(tj, min(len(toks), tj + 1)):
        if doc.sent_of[k] == s and (toks[k].norm in blockers or toks[k].norm in _REQUEST):
            return "negated" if toks[k].norm in _NEGATIONS else "planned"
    # "Il faccia a faccia tra X e Y, che la premier spera di ospitare a Roma".
    for k in range(tj, min(len(toks) - 1, tj + 20)):
        if doc.sent_of[k + 1] != s or doc.quote_of[k] >= 0:
            break
        if _clause_break(doc, k):
            if toks[k + 1].norm in _RELATIVES and _wish_in_clause(doc, k + 1):
                return "planned"
            break
    # "O encontro bilateral com X, que chegou a constar da agenda, acabou cancelado": a
    # meeting noun that opens its sentence is the subject of the sentence's last verb.
    # So does one after ", а"/", and" ("а отдельной встречи X с Y …, не планируется").
    lo = _sentence_tokens(doc, s).start
    for k in range(ti, max(lo, ti - 4), -1):
        gap = doc.text[toks[k - 1].end : toks[k].start]
        if ";" in gap or (_clause_break(doc, k - 1) and toks[k].norm in _COORDINATORS):
            lo = k
            break
    prev = toks[ti - 1].norm if ti > lo else ""
    noun = (
        not prev
        or prev in doc.lx.determiners
        or prev in _INDEFINITE[doc.language]
        or (doc.language == "ru" and prev.endswith(("ой", "ая", "ый", "ий", "ей", "ое")))
    )
    if noun and ti - lo <= 2 and all(toks[k].raw[:1].islower() or k == lo for k in range(lo, ti)):
        relative = False
        for k in range(tj, _sentence_tokens(doc, s).stop):
            norm = toks[k].norm
            gap = doc.text[toks[k - 1].end : toks[k].start]
            if ";" in gap or (_clause_break(doc, k - 1) and norm in _COORDINATORS):
                break  # ", а отдельной встречи … не планируется" is another clause
            if doc.quote_of[k] >= 0:
                continue
            if _clause_break(doc, k - 1) or norm in _RELATIVES:
                # "…, qui n'avait pas eu lieu depuis 2019,", "I colloqui che X ha avuto con
                # Y non hanno portato a nulla": a relative clause's negation is its own,
                # and what follows it may judge the meeting, not deny it.
                relative = relative or norm in _RELATIVES
            if norm in _RULED_OUT or (doc.language == "de" and _final_nicht(doc, k)):
                return "negated"
            if (
                not relative
                and norm in _NEGATIONS
                and norm in blockers
                and norm in _PREDICATE_NEGATIONS
                and k + 1 < len(toks)
                and toks[k + 1].norm not in doc.lx.after_blockers
            ):
                return "negated"  # "Встреча … не состоялась", "La reunión no se celebró"
            if norm not in doc.lx.after_blockers:
                continue
            if norm in _NEGATIONS:
                return "negated"
            if toks[k - 1].norm in _NEGATIONS:
                return "planned"
    # "a meeting with Putin was cancelled / is possible": look on to the end of the clause.
    after = doc.lx.after_blockers
    k, stop = tj, min(len(toks), tj + 10)
    while k < stop:
        if doc.sent_of[k] != s or doc.quote_of[k] >= 0:
            break
        if _new_predicate(doc, k):
            break  # "met X on Tuesday and will see Y on Friday": another predicate
        if toks[k].norm in _NEGATIONS and (
            toks[k - 1].norm in _YET or (k + 1 < len(toks) and toks[k + 1].norm in _YET)
        ):
            # "A primeira reunião entre X e Y ainda não tem data": not yet, so planned.
            return "planned"
        if toks[k].norm in after or (future and _verb_mood(doc, k, future)):
            return "negated" if toks[k].norm in _NEGATIONS else "planned"
        if k + 1 < len(toks) and "," in doc.text[toks[k].end : toks[k + 1].start]:
            if toks[k + 1].norm in _RELATIVES and _wish_in_clause(doc, k + 1):
                # "Il faccia a faccia tra X e Y, che la premier spera di ospitare".
                return "planned"
            # "Talks between X and Y, originally set for Tuesday, were postponed": step
            # over an insertion that names nobody to reach the clause's verb.
            end = _insertion_end(doc, k + 1)
            if end is None:
                break
            k, stop = end, min(len(toks), end + 6)
            continue
        k += 1
    return ""


_RULED_OUT = _words(lexicon.RULED_OUT)
# Negations of a verb (not of a noun: "no", "kein", "niciun" deny the meeting noun itself).
_PREDICATE_NEGATIONS = _words(lexicon.every("predicate_negations"))


def _verb_mood(doc: _Doc, k: int, mood: re.Pattern) -> bool:
    """Token k is a lower-case future or conditional verb: not a name ("Narendra"), nor
    a noun after its article ("la secretaría", "un portrait")."""
    raw = doc.tokens[k].raw
    if not raw[0].islower() or not mood.match(raw):
        return False
    prev = doc.tokens[k - 1].norm if k > 0 else ""
    return prev not in doc.lx.determiners and prev not in _INDEFINITE[doc.language]


def _sequence_ends(doc: _Doc, k: int, sequences: tuple[tuple[str, ...], ...]) -> bool:
    """One of the word sequences ends at token k ("o să", "is due to")."""
    toks = doc.tokens
    for seq in sequences:
        n = len(seq)
        if (
            k + 1 >= n
            and toks[k].norm == seq[-1]
            and all(toks[k - n + 1 + i].norm == seq[i] for i in range(n - 1))
        ):
            return True
    return False


# "and" as written (unfolded: Italian "e" is not "è", French "a" is a verb).
_AND = lexicon.table("and_words")


# Finite verbs and auxiliaries by their form: after "and", they open a new predicate.
_FINITE_RE = lexicon.table("finite_re")


def _new_predicate(doc: _Doc, k: int) -> bool:
    """ "met Scholz and sent a letter to Xi", "a rencontré X et a critiqué Y": a
    conjunction followed by a lower-case word that starts no noun phrase (no determiner,
    role, preposition or name) opens a new predicate, with its own objects and tense."""
    toks = doc.tokens
    if (
        toks[k].raw.lower() not in _AND[doc.language]
        or k + 1 >= len(toks)
        or doc.sent_of[k + 1] != doc.sent_of[k]
    ):
        return False
    nxt = toks[k + 1]
    lx = doc.lx
    if (
        not nxt.raw[:1].islower()
        or nxt.norm in lx.determiners
        or nxt.norm in _WITH
        or nxt.norm in lx.object_prepositions
        or nxt.norm in lx.locative
        or nxt.norm in _LIST_CONTINUERS
        or nxt.norm in _INDEFINITE[doc.language]
        or nxt.norm in _POSSESSIVES
    ):
        return False
    # "and former President X", "și fostul premier X": an adjective before a role; "and
    # were also attended by X": the same meeting, more of its people.
    for j in range(k + 1, min(len(toks), k + 5)):
        if toks[j].norm in lx.presence:
            return False
        if j in doc.role_tokens or j in doc.country_tokens:
            return False
        if any(m.ti == j for m in doc.mentions if m.kind in ("role", "demonym")):
            return False
    # "and criticised Putin", "и раскритиковал", "e ha detto"; not "and businessman
    # Jared Kushner", "și prima întâlnire".
    return bool(_FINITE_RE[doc.language].match(nxt.raw.lower()))


def _de_clause_end(doc: _Doc, ti: int, tj: int) -> str:
    """German closes a main clause with "nicht" or a separated particle: "Scholz traf
    Macron nicht", "Scholz sagte das Treffen mit Macron ab", "lud X zu Gesprächen ein"."""
    toks = doc.tokens
    s = doc.sent_of[ti]
    k = tj - 1
    while k + 1 < len(toks) and doc.sent_of[k + 1] == s and not _clause_break(doc, k):
        k += 1
        if k - tj > 12:
            return ""
    last = toks[k].norm
    if k >= tj and last == "nicht" and doc.quote_of[k] < 0:
        return "negated"
    if k < tj or last not in _DE_PARTICLES:
        return ""
    reason, stems = _DE_PARTICLES[last]
    j = ti - 1
    while j >= 0 and doc.sent_of[j] == s and ti - j <= 12 and not _clause_break(doc, j):
        if toks[j].norm.startswith(stems):
            return reason
        j -= 1
    return ""


# German separable particles and participles that close a clause after "nicht".
_DE_CLOSERS = _words(lexicon.every("clause_closers"))


def _final_nicht(doc: _Doc, k: int) -> bool:
    """German "Zu einer Begegnung kam es nicht;": "nicht" closing its clause negates it."""
    toks = doc.tokens
    if toks[k].norm != "nicht":
        return False
    if k + 1 < len(toks) and toks[k + 1].norm in _DE_CLOSERS:
        return True
    return k + 1 >= len(toks) or doc.sent_of[k + 1] != doc.sent_of[k] or _clause_break(doc, k)


_YET = _words(lexicon.every("yet"))
_PURPOSE = _words(lexicon.every("purpose"))


def _wish_in_clause(doc: _Doc, k: int) -> bool:
    """A wish verb in the clause starting at token k (up to the next break)."""
    s = doc.sent_of[k]
    for j in range(k, min(len(doc.tokens) - 1, k + 10)):
        if doc.sent_of[j] != s:
            return False
        if doc.tokens[j].norm in doc.lx.wishes:
            return True
        if _clause_break(doc, j):
            return False
    return False


def _insertion_end(doc: _Doc, k: int) -> int | None:
    """The token after a short comma-closed insertion starting at token k that names no
    leader, or None."""
    s = doc.sent_of[k]
    for j in range(k, min(len(doc.tokens) - 1, k + 8)):
        if doc.sent_of[j] != s or any(m.ti <= j < m.tj for m in doc.mentions):
            return None
        gap = doc.text[doc.tokens[j].end : doc.tokens[j + 1].start]
        if "," in gap:
            return j + 1
        if not _BREAKS.isdisjoint(gap):
            return None
    return None


def _joins_names(doc: _Doc, k: int) -> bool:
    """The conjunction at token k stands between two leaders ("Poutine et Zelensky"), not
    between two clauses."""
    ends = {m.tj for m in doc.mentions}
    starts = {m.ti for m in doc.mentions}
    return k in ends and k + 1 in starts


def _negated_after(doc: _Doc, ti: int, tj: int) -> str:
    s = doc.sent_of[ti]
    for k in range(tj, min(len(doc.tokens), tj + 10)):
        if doc.sent_of[k] != s or doc.quote_of[k] >= 0:
            break
        norm = doc.tokens[k].norm
        if norm in doc.lx.after_blockers and norm in _NEGATIONS:
            return "negated"
    return ""


def _find_meetings(doc: _Doc) -> list[ExtractedMeeting]:
    triggers = _find_triggers(doc)
    if not triggers:
        return []
    protagonist = _protagonist(doc)
    doc.planned_sentences = {t.sentence for t in triggers if t.blocked}
    live = [t for t in triggers if not t.blocked]
    news_date = _news_date(doc, live)
    # A leader nearest a planned or denied meeting word is its party, not the live
    # one's: "où il doit être reçu mardi par Takaichi, avant de retrouver Xi", "traf
    # Scholz X; ein Treffen mit Tiani hatte der … abgesagt".
    blocked = [t for t in triggers if t.blocked]
    found = _meetings_of(doc, live, protagonist, news_date, rivals=blocked)
    _adopt_dates(doc, found, news_date)
    # Planned meetings compete for people among themselves only, as before.
    planned = [t for t in triggers if t.blocked == "planned"]
    doc.planned.extend(_meetings_of(doc, planned, protagonist, news_date))
    keep = []
    for m in found:
        (doc.planned if m.reported_as == "planned" else keep).append(m)
    for m in doc.planned:
        m.reported_as = "planned"
    doc.planned[:] = _merge(doc, doc.planned)
    return _merge(doc, keep)


def _meetings_of(
    doc: _Doc,
    triggers: list[_Trigger],
    protagonist: str | None,
    news_date: date | None,
    rivals: list[_Trigger] = (),
) -> list[ExtractedMeeting]:
    by_sentence: dict[int, list[_Trigger]] = {}
    for t in triggers:
        by_sentence.setdefault(t.sentence, []).append(t)
    rivals_of: dict[int, list[_Trigger]] = {}
    for t in rivals:
        rivals_of.setdefault(t.sentence, []).append(t)
    found: list[ExtractedMeeting] = []
    last_sentence = -10
    for s, trigs in by_sentence.items():
        people = [
            m
            for m in doc.mentions
            if m.sentence == s and not m.in_quote and not m.dependent and not _not_party(doc, m)
        ]
        if (
            found
            and s - last_sentence <= 3
            and any(not t.event for t in trigs)  # "attended the summit" is another gathering
            and not _dated_elsewhere(doc, *doc.sentences[s])
            and _joins_meeting(doc, s, found[-1], people)
        ):
            continue
        # "Putin, who hosted the summit, met Pezeshkian": a meeting word inside a
        # relative clause that names nobody does not compete for the sentence's people.
        inner = [t for t in trigs if _in_empty_relative_clause(doc, t, people)]
        if inner and len(inner) < len(trigs):
            trigs = [t for t in trigs if t not in inner]
        if rivals_of.get(s):
            both = sorted([*trigs, *rivals_of[s]], key=lambda t: t.ti)
            claimed = _assign(doc, people, both)
            taken = {id(m) for r in rivals_of[s] for m in claimed[id(r)]}
            people = [m for m in people if id(m) not in taken]
        assigned = _assign(doc, people, trigs)
        # A vague word that links nobody ("reçu" without its object) gives its people
        # back to the other meeting words of the sentence.
        kept = [
            t
            for t in trigs
            if not t.weak
            or _weak_ok(doc, t, assigned[id(t)])
            or _weak_ok(doc, t, people)
            or _pair_subject(doc, t)
        ]
        if len(kept) < len(trigs) and kept:
            # "Rubio's visit came two days after X met Maduro": the owner of a dropped
            # meeting noun is no party to the others.
            starts = {t.ti for t in trigs if t not in kept}
            people = [m for m in people if not (_possessive(doc, m) and m.tj + 1 in starts)]
            trigs, assigned = kept, _assign(doc, people, kept)
        here = []
        for t in trigs:
            mentions = assigned[id(t)]
            # "At the summit attended by A, B, C and D, A held talks with D": the list of
            # those present before the meeting's clause is not its parties.
            mentions = [m for m in mentions if not (m.tj <= t.ti and _attendee(doc, m, t))]
            meeting = _meeting_for(doc, t, mentions, protagonist, news_date)
            if meeting is not None:
                here.extend(_distribute(doc, t, assigned[id(t)], meeting, protagonist))
        if not here and len(trigs) > 1:
            # "a reçu lundi X, pour un entretien": two words of one meeting split its
            # people between them; the first that links them all states it.
            for t in trigs:
                meeting = _meeting_for(doc, t, people, protagonist, news_date)
                if meeting is not None:
                    here.append(meeting)
                    break
        found.extend(here)
        if here:
            last_sentence = s
    return found


_DISTRIBUTIVE = _words(lexicon.DISTRIBUTIVE)


def _distribute(
    doc: _Doc, t: _Trigger, mentions: list[Mention], meeting: ExtractedMeeting, protagonist
) -> list[ExtractedMeeting]:
    """ "s-a întâlnit separat cu X și cu Y", "trafen Selenskyj zu Einzelgesprächen",
    "mantuvo sendos encuentros con X y con Y": one meeting per pair, not one of all."""
    span = _sentence_tokens(doc, t.sentence)
    window = range(max(span.start, t.ti - 3), min(span.stop, t.tj + 4))
    marked = any(_DISTRIBUTIVE.intersection(doc.forms[k]) for k in window)
    if not marked and not _each_with(doc, t, mentions):
        return [meeting]
    after = [m for m in mentions if m.ti >= t.tj and m.kind != "pronoun"]
    # "I colloqui separati che Borrell ha avuto con Kurti e con Vucic": the objects of
    # "with" are the ones met one by one, when they are named.
    with_objects = [m for m in after if _after_with(doc, m)]
    if len(with_objects) >= 2:
        after = with_objects
    objects: list[str] = []
    for m in after:
        key = _resolve(doc, m)
        name = _entry(doc, key).name if key else None
        if name in meeting.participants and name not in objects:
            objects.append(name)
    subjects = [n for n in meeting.participants if n not in objects]
    if not subjects and len(objects) >= 2:
        key = _preceding_leader(doc, t, "") or protagonist
        subjects = [_entry(doc, key).name] if key else []
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


def _attendee(doc: _Doc, m: Mention, t: _Trigger) -> bool:
    """Mention m is in a list governed by a word of presence ("attended by", "in the
    presence of", "participaron") that a comma closes before the meeting word t."""
    toks, lx = doc.tokens, doc.lx
    k = m.ti - 1
    while k >= 0 and doc.sent_of[k] == m.sentence and m.ti - k <= 30:
        norm = toks[k].norm
        if any(o.ti <= k < o.tj for o in doc.mentions):
            k -= 1
            continue
        if k in doc.role_tokens or k in doc.country_tokens or norm in _CONJ:
            k -= 1
            continue
        if norm in lx.determiners or norm in lx.titles or norm in _AGENT or norm in _OF_ORG:
            k -= 1
            continue
        if not lx.presence.intersection(doc.forms[k]):
            return False
        return any(_clause_break(doc, j) for j in range(m.tj - 1, t.ti))
    return False


def _not_party(doc: _Doc, m: Mention) -> bool:
    """ "mesaj dur pentru Orban", "sanctions against Putin": a leader after such a
    preposition is what the news is about, not someone at the meeting."""
    k = m.ti - 1
    while k >= 0 and (
        k in doc.role_tokens or k in doc.country_tokens or doc.tokens[k].norm in doc.lx.determiners
    ):
        k -= 1
    if k >= 0 and doc.tokens[k].norm in _OF_SENDER:
        k -= 1  # "din partea lui", "de la part de", "da parte di": from the leader
    if (
        k >= 1
        and doc.tokens[k].norm in _SENDER
        and doc.tokens[k - 1].norm in _FROM_PART  # not "au luat parte", "preso parte"
        and doc.sent_of[k] == m.sentence
    ):
        return True
    return k >= 0 and doc.tokens[k].norm in doc.lx.not_party and doc.sent_of[k] == m.sentence


# "a primit din partea președintelui Zelenski o invitație": the sender of something.
_SENDER = _words(lexicon.every("sender"))
_OF_SENDER = _words(lexicon.every("of_sender"))
_FROM_PART = _words(lexicon.every("from_part"))


def _joins_meeting(doc: _Doc, s: int, meeting: ExtractedMeeting, people: list[Mention]) -> bool:
    """ "All'incontro hanno partecipato anche X e Y", "с участием … Лаврова": the
    sentence's leaders were present at the meeting just reported; they join it."""
    span = _sentence_tokens(doc, s)
    toks = doc.tokens
    if not any(
        doc.lx.presence.intersection(doc.forms[k])
        or (k + 1 < span.stop and (toks[k].norm, toks[k + 1].norm) in _PRESENCE_PAIRS)
        for k in span
        if doc.quote_of[k] < 0
    ):
        return False
    if meeting.reported_as != "current":
        return False
    keys = []
    for m in people:
        if m.kind == "pronoun":
            continue
        key = _resolve(doc, m)
        if key and key not in keys:
            keys.append(key)
    names = [_entry(doc, k).name for k in keys]
    new = [n for n in names if n not in meeting.participants]
    if not new:
        return bool(names)
    meeting.participants = [*meeting.participants, *new]
    doc.involved.extend(k for k in keys if k not in doc.involved)
    return True


def _in_empty_relative_clause(doc: _Doc, t: _Trigger, people: list[Mention]) -> bool:
    text = doc.text
    s, e = doc.sentences[t.sentence]
    at = doc.tokens[t.ti].start
    comma = text.rfind(",", s, at)
    if comma < 0:
        return False
    words = _first_word(text[comma : comma + 20])
    if not words or words[0] not in _RELATIVES:
        return False
    end = text.find(",", at, e)
    end = e if end < 0 else end
    # "Les deux dirigeants, qui avaient dîné lundi …": the clause is about the pair.
    return not any(comma < m.start < end for m in people) and not _pair_subject(doc, t)


def _assign(doc: _Doc, people: list[Mention], trigs: list[_Trigger]) -> dict[int, list[Mention]]:
    """Each leader mention goes to the nearest meeting word of its sentence, except that
    one introduced by "with" goes to the meeting word that "with" follows ("se reunió ...
    con X, al margen de la cumbre")."""
    assigned: dict[int, list[Mention]] = {id(t): [] for t in trigs}
    if not trigs:
        return assigned
    clauses = _subclauses(doc, trigs[0].sentence)
    owners: dict[int, _Trigger] = {}
    prev: Mention | None = None
    prev_of = {id(b): a for a, b in zip(people, people[1:], strict=False)}
    for m in people:
        # "with Zelensky and British Prime Minister Keir Starmer": a leader conjoined to
        # the one before goes to the same meeting word, whatever lies nearer.
        if prev is not None and id(prev) in owners and _and_joined(doc, prev, m):
            owners[id(m)] = owners[id(prev)]
            assigned[id(owners[id(m)])].append(m)
            prev = m
            continue
        prev = m
        # Only meeting words of the mention's own clause compete for it; the leader
        # right before ", who ..." also belongs to that relative clause.
        mine = {_clause_of(clauses, m.start)}
        after = doc.text[m.end : m.end + 2]
        if after.startswith(","):
            mine.add(_clause_of(clauses, m.end + 1))
        local = [t for t in trigs if _clause_of(clauses, doc.tokens[t.ti].start) in mine]
        if not local and mine == {0}:
            # "Scholz ist nach Israel gereist und hat dort Netanjahu getroffen": the subject
            # of the sentence is the subject of a predicate coordinated with "and"; so
            # are all its leaders when that predicate names none ("l-a invitat pe X la
            # masă și au stat de vorbă").
            shared = [t for t in trigs if _coordinated(doc, clauses, t)][:1]
            if shared and (
                m is people[0]
                or not any(
                    _clause_of(clauses, o.start) == _clause_of(clauses, doc.tokens[t.ti].start)
                    for o in people
                    for t in shared
                )
            ):
                local = shared
        if not local:
            # "che ha accolto X, la ministra tedesca Y, il britannico Z e …": the list
            # goes on past the clause that holds its meeting word.
            owner = owners.get(id(prev_of.get(id(m), m)))
            if owner is not None and _listed(doc, prev_of[id(m)], m):
                owners[id(m)] = owner
                assigned[id(owner)].append(m)
            continue
        owner = None
        for k in range(m.ti - 1, max(-1, m.ti - 10), -1):
            if doc.sent_of[k] != m.sentence or any(o.ti <= k < o.tj for o in people if o is not m):
                break
            if doc.tokens[k].norm in _WITH:
                before = [t for t in local if t.tj <= k]
                if before:
                    owner = before[-1]
                break
        if owner is None:
            owner = min(local, key=lambda t: _token_distance(t, m))
        owners[id(m)] = owner
        assigned[id(owner)].append(m)
    return assigned


def _coordinated(doc: _Doc, clauses: list[tuple[int, int]], t: _Trigger) -> bool:
    """The meeting word stands in a predicate opened by "and" ("… and met Netanyahu")."""
    c = _clause_of(clauses, doc.tokens[t.ti].start)
    if not c:
        return False
    k = _token_at(doc, clauses[c - 1][0])
    return k < t.ti and doc.tokens[k].start == clauses[c - 1][0] and _new_predicate(doc, k)


def _listed(doc: _Doc, a: Mention, b: Mention) -> bool:
    """ "X, la ministra tedesca Y": the next item of a list of leaders, a comma or "and"
    and at most a role between, no verb of speech or meeting and no new clause."""
    if b.ti - a.tj > 6 or b.ti <= a.tj:
        return False
    gap = doc.text[a.end : doc.tokens[a.tj].start]
    if gap.strip() != "," and doc.tokens[a.tj].norm not in _CONJ:
        return False
    lx = doc.lx
    for k in range(a.tj, b.ti):
        norm = doc.tokens[k].norm
        if (k in doc.place_tokens and k not in doc.country_tokens) or norm in _RELATIVES:
            return False
        # Only what introduces a person: "la ministra tedesca", "l'Alto rappresentante Ue".
        if not (
            k in doc.role_tokens
            or k in doc.country_tokens
            or norm in lx.determiners
            or norm in lx.titles
            or norm in _CONJ
            or norm in _ROLE_LINKS
            or _capitalised(doc.tokens[k])
        ):
            return False
        if k > a.tj and not _BREAKS.isdisjoint(
            doc.text[doc.tokens[k - 1].end : doc.tokens[k].start].replace(",", "")
        ):
            return False
    return True


def _and_joined(doc: _Doc, a: Mention, b: Mention) -> bool:
    """ "Zelensky and British Prime Minister Keir Starmer": "and", then at most a role."""
    between = range(a.tj, b.ti)
    # "et le chef de la diplomatie française, Jean-Yves Le Drian": a comma may set the
    # name off from its role.
    last = doc.tokens[b.ti - 1].end if b.ti - 1 > a.tj else a.end
    return (
        len(between) >= 1
        and doc.tokens[a.tj].norm in _CONJ
        and "," not in doc.text[a.end : last]
        and doc.text[last : b.start].strip() in ("", ",")
        and all(
            k in doc.role_tokens
            or k in doc.country_tokens
            or doc.tokens[k].norm in doc.lx.determiners
            for k in range(a.tj + 1, b.ti)
        )
    )


def _subclauses(doc: _Doc, sentence: int) -> list[tuple[int, int]]:
    """Spans of the sentence's subordinate and coordinated clauses: from a comma followed
    by "who", "when", "and", "care", "qui", "que"... to the next comma; from "after" to
    the end; from an "and" that opens a new predicate to the next comma."""
    spans = doc.clause_cache.get(sentence)
    if spans is None:
        spans = doc.clause_cache[sentence] = _find_subclauses(doc, sentence)
    return spans


def _find_subclauses(doc: _Doc, sentence: int) -> list[tuple[int, int]]:
    s, e = doc.sentences[sentence]
    text = doc.text
    spans = []
    c = text.find(",", s, e)
    while c >= 0:
        words = _first_word(text[c + 1 : c + 25])
        nxt = text.find(",", c + 1, e)
        if (words and words[0] in _AFTER) or _after_soon(text[c + 1 : c + 25]):
            # ", a day after Putin accused …": a time clause of its own.
            # ", după ce liderul de la Kremlin, Vladimir Putin, a refuzat …": to the end.
            spans.append((c, e))
        elif (
            words
            and (words[0] in _RELATIVES or words[0] in _COORDINATORS)
            # ", și cu cancelarul Germaniei": one more party of the same meeting word.
            and not _and_with(text[c + 1 : c + 25])
        ):
            spans.append((c, nxt if nxt >= 0 else e))
        c = nxt
    # "met Scholz and sent a letter to Xi": the second predicate has its own objects;
    # "criticised Putin after meeting Scholz": so has a clause opened by "after".
    toks = doc.tokens
    for k in _sentence_tokens(doc, sentence):
        if toks[k].norm not in _OPENERS:
            continue
        if _after_verb(doc, k) or _new_predicate(doc, k):
            start = doc.tokens[k].start
            nxt = text.find(",", start, e)
            spans.append((start, nxt if nxt >= 0 else e))
    # "traf Scholz Ruto; ein Treffen mit Tiani hatte er abgesagt": a clause of its own.
    c = text.find(";", s, e)
    while c >= 0:
        nxt = text.find(";", c + 1, e)
        spans.append((c, nxt if nxt >= 0 else e))
        c = nxt
    return spans


def _after_verb(doc: _Doc, k: int) -> bool:
    """ "after meeting", "după ce", "nachdem er": "after" with no comma before it and a
    lower-case word (no article: "dopo l'incontro") after it opens a clause."""
    toks = doc.tokens
    return (
        toks[k].norm in _AFTER
        and k > 0
        and doc.sent_of[k - 1] == doc.sent_of[k]
        and not _clause_break(doc, k - 1)
        and k + 1 < len(toks)
        and toks[k + 1].raw[:1].islower()
        and toks[k + 1].norm not in doc.lx.determiners
        and toks[k + 1].norm not in _INDEFINITE[doc.language]
    )


def _after_soon(text: str) -> bool:
    """ ", a day after", ", two days after", ", hours after": "after" as a following
    word, the clause it opens dated from the main one."""
    words = [fold(w) for w in TOKEN_RE.findall(text)[:4]]
    return any(w in _AFTER for w in words[1:4]) and words[0] not in _AFTER


def _and_with(text: str) -> bool:
    words = [fold(w) for w in TOKEN_RE.findall(text)[:2]]
    return len(words) == 2 and words[0] in _CONJ and words[1] in _WITH


def _first_word(text: str) -> tuple[str, ...]:
    m = TOKEN_RE.search(text)
    if not m:
        return ()
    word = fold(m.group())
    if word in _ARTICLE_RELATIVES:
        # German "der", "die" open a relative clause (", der ihn empfing") or a noun
        # phrase (", der Kanzler und …"): a capitalised noun after them is the latter.
        nxt = TOKEN_RE.search(text, m.end())
        if nxt and nxt.group()[:1].isupper():
            return ("",)
    return (word,)


_ARTICLE_RELATIVES = set(lexicon.every("article_relatives"))
# ", după ce Putin a refuzat să vină": a clause of its own, with its own people.
_AFTER = _words(lexicon.every("after"))
# Words that may open a clause of their own within a sentence ("and", "after").
_OPENERS = _AFTER | {fold(w) for words in _AND.values() for w in words}


def _clause_of(spans: list[tuple[int, int]], pos: int) -> int:
    for i, (a, b) in enumerate(spans):
        if a <= pos < b:
            return i + 1
    return 0


def _weak_ok(doc: _Doc, t: _Trigger, mentions: list[Mention]) -> bool:
    """A vague meeting word counts with "with" after it, conjoined parties, or, for a
    reception verb, its object right after it ("a reçu jeudi Donald Trump")."""
    if doc.tokens[t.ti].norm in _RECEIVE and (
        _receives_a_thing(doc, t) or _participle_phrase(doc, t)
    ):
        return False
    if t.event and any(
        doc.lx.presence.intersection(doc.forms[k])
        for k in range(max(_sentence_tokens(doc, t.sentence).start, t.ti - 3), t.ti)
    ):
        # "attended the summit with X and Y": they were there together, not in a meeting.
        return False
    w = _with_after(doc, t)
    # "with"/"between" must introduce a leader ("talks between US and Russian officials"
    # does not link the leaders named elsewhere in the sentence).
    if w is not None and any(w < m.ti <= w + 8 for m in mentions):
        return True
    # "Con Trump la premier si era già vista a gennaio": "with" opens the sentence, the
    # subject stands between it and the meeting word.
    lo = _sentence_tokens(doc, t.sentence).start
    if doc.tokens[lo].norm in _WITH and t.ti - lo <= 10:
        inside = [m for m in mentions if lo < m.ti and m.tj <= t.ti]
        if len(inside) >= 2 and inside[0].ti <= lo + 3:
            return True
    # Conjoined parties ("Putin and Kim held talks") do not make a summit a meeting of
    # theirs: "X and Y clashed during a summit" is not one.
    if _conjoined(doc, mentions) and (not t.event or _their_event(doc, t)):
        return True
    if doc.tokens[t.ti].norm in _RECEIVE:
        if doc.language == "de" and _verb_final(doc, t, mentions):
            return True
        if doc.language == "es" and _subject_then_personal_a(doc, t, mentions):
            return True
        # Time, place and a role may stand between the verb and its object: "recibió el
        # pasado jueves en la Casa de Nariño a su homólogo chileno, Gabriel Boric".
        return any(
            t.tj <= m.ti <= t.tj + 14
            and m.kind != "pronoun"
            and _no_break(doc, t.tj, m.ti)
            and not _possessive(doc, m)  # "welcomed Biden's decision" receives nobody
            for m in mentions
        ) and any(m.tj <= t.ti for m in mentions)
    return False


def _subject_then_personal_a(doc: _Doc, t: _Trigger, mentions: list[Mention]) -> bool:
    """ "Recibió el presidente argentino, Javier Milei, a su homólogo francés, Emmanuel
    Macron": the subject after the verb, then the one received after the personal "a"."""
    stop = min(_sentence_tokens(doc, t.sentence).stop, t.tj + 20)
    after = [m for m in mentions if t.tj <= m.ti < stop and m.kind != "pronoun"]
    for k in range(t.tj + 1, stop):
        if doc.tokens[k].norm in ("a", "al") and doc.quote_of[k] < 0:
            return any(m.tj <= k for m in after) and any(k < m.ti <= k + 6 for m in after)
    return False


_THEIR = _words(lexicon.every("their"))


def _their_event(doc: _Doc, t: _Trigger) -> bool:
    """ "Biden and Putin held their first summit": a gathering of their own is a meeting."""
    lo = _sentence_tokens(doc, t.sentence).start
    return any(doc.tokens[k].norm in _THEIR for k in range(max(lo, t.ti - 3), t.ti))


def _possessive(doc: _Doc, m: Mention) -> bool:
    return doc.text[m.end : m.end + 2] in ("'s", "’s")


def _no_break(doc: _Doc, a: int, b: int) -> bool:
    """No sentence-internal break between a reception verb (token a) and its object
    (token b), when they are far apart."""
    if b - a <= 8:
        return True
    # Commas may enclose the time and place ("recebeu nesta terça-feira, no Palácio do
    # Planalto, o presidente francês"); a speech verb or a stronger stop may not.
    gaps = [doc.text[doc.tokens[k].end : doc.tokens[k + 1].start] for k in range(a, b - 1)]
    if any(c in gap for gap in gaps for c in ";:—–()"):
        return False
    return not any(doc.tokens[k].norm in doc.lx.speech for k in range(a, b))


_AGENT = _words(lexicon.every("agent"))
_AGENT_STRICT = _words(lexicon.every("agent_strict"))
_PASSIVE_AUX = _words(lexicon.every("passive_auxiliaries"))


def _participle_phrase(doc: _Doc, t: _Trigger) -> bool:
    """ "a dinner hosted by the Indonesian president": a participle with its agent and no
    auxiliary names no guest."""
    if t.tj >= len(doc.tokens) or doc.tokens[t.tj].norm not in _AGENT:
        return False
    lo = _sentence_tokens(doc, t.sentence).start
    return not any(doc.tokens[k].norm in _PASSIVE_AUX for k in range(max(lo, t.ti - 3), t.ti))


# Per language: folded French "à" and Spanish "a" (a preposition) are not English "a".
_INDEFINITE = lexicon.table("indefinite")


def _receives_a_thing(doc: _Doc, t: _Trigger) -> bool:
    """ "Putin received a letter from Kim": an indefinite object is a thing, unless the
    clause is about a call ("received a phone call from")."""
    if t.tj >= len(doc.tokens) or doc.tokens[t.tj].norm not in _INDEFINITE[doc.language]:
        return False
    span = _sentence_tokens(doc, t.sentence)
    window = range(t.tj, min(span.stop, t.tj + 4))
    return not any(doc.lx.calls.intersection(doc.forms[k]) for k in window)


_DE_AUXILIARIES = _words(lexicon.every("clause_auxiliaries"))


def _verb_final(doc: _Doc, t: _Trigger, mentions: list[Mention]) -> bool:
    """German perfect tense puts the participle last: "Trump hat am Montag Selenskyj im
    Oval Office empfangen". Two named leaders before it, in its clause, are its subject
    and object."""
    end = t.tj
    # "… von Xi Jinping empfangen worden", "…, nachdem er ihn empfangen hatte".
    while end < len(doc.tokens) and end < t.tj + 2 and doc.tokens[end].norm in _DE_AUXILIARIES:
        end += 1
    if end < len(doc.tokens) and doc.sent_of[end] == t.sentence and not _clause_break(doc, end - 1):
        return False
    before = [m for m in mentions if m.tj <= t.ti and m.kind != "pronoun"]
    if len(before) < 2:
        return False
    return not any(_clause_break(doc, k) for k in range(before[0].tj, t.ti))


def _token_distance(t: _Trigger, m: Mention) -> int:
    if m.tj <= t.ti:
        return t.ti - m.tj
    if m.ti >= t.tj:
        return m.ti - t.tj
    return 0


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


def _lede_paragraph(doc: _Doc) -> int | None:
    """The paragraph of the first sentence that is not a headline."""
    for k, (s, e) in enumerate(doc.sentences):
        if not _headline_like(doc, s, e):
            return doc.paragraph_of_sentence[k]
    return None


def _context_day(doc: _Doc, sentence: int) -> date | None:
    """The day of the recent event told in the sentence or two before, within the
    paragraph or at the end of the one before it; None when they date nothing or date
    something long past (a back-reference)."""
    if doc.published is None or sentence == 0:
        return None
    para = doc.paragraph_of_sentence[sentence]
    for k in range(sentence - 1, max(-1, sentence - 3), -1):
        other = doc.paragraph_of_sentence[k]
        if other != para and (
            doc.paragraph_of_sentence[k + 1] != para or other != _lede_paragraph(doc)
        ):
            return None  # across paragraphs only the lede's event goes on
        s, e = doc.sentences[k]
        dates = [
            d
            for d in _dates_in(doc, s, e)
            if not _in_quote_span(doc, d.start)
            and not _since(doc, d)
            and not _dateline_date(doc, s, d)
        ]
        if not dates:
            if other != para:
                return None
            continue
        # "on Friday …, earlier this year": the day, not a looser time of a clause.
        days = [d for d in dates if d.precision == "day"]
        last = days[-1] if days else None
        if last is None or last.future or not 0 <= (doc.published - last.day).days <= 7:
            return None
        return last.day
    return None


_DAY_AFTER = [fold_phrase(p) for p in lexicon.every("day_after")]


_DAY_AFTER_FIRST = {p[0] for p in _DAY_AFTER}


def _day_after_before(doc: _Doc, t: _Trigger, s: int) -> int | None:
    """Offset of ", a day after" before the meeting word in its sentence, if any. Only
    after a comma: "A day after the vote, Biden met Xi" dates the meeting after the vote."""
    span = _sentence_tokens(doc, t.sentence)
    norms = [doc.tokens[k].norm for k in range(span.start, t.ti)]
    for i in range(1, len(norms)):
        if norms[i] not in _DAY_AFTER_FIRST or not _clause_break(doc, span.start + i - 1):
            continue
        for phrase in _DAY_AFTER:
            if tuple(norms[i : i + len(phrase)]) == phrase:
                return doc.tokens[span.start + i].start
    return None


def _pair_subject(doc: _Doc, t: _Trigger) -> bool:
    """ "The two leaders", "les deux dirigeants", "cei doi" before the meeting word, in its
    sentence, with no leader named in between."""
    span = _sentence_tokens(doc, t.sentence)
    lo = span.start
    firsts = doc.lx.pairs.firsts
    # The subject may follow the verb: "Im Anschluss kamen beide …", "se reunieron ambos".
    after = [k for k in (t.tj,) if k < span.stop and not _clause_break(doc, t.tj - 1)]
    for k in [*range(max(lo, t.ti - 8), t.ti), *after]:
        if firsts.isdisjoint(doc.forms[k]):
            continue
        n, _ = doc.lx.pairs.match(doc.tokens, k, doc.language, doc.joined, forms=doc.forms)
        if n and _not_a_pair_of_leaders(doc, k + n):
            continue
        if n and not any(
            k < m.ti < t.ti and m.kind == "name" for m in doc.mentions if m.sentence == t.sentence
        ):
            return True
    return False


def _pair_in_paragraph(doc: _Doc, sentence: int) -> list[str]:
    """The two leaders named in the previous sentence of the same paragraph ("Trump is to
    sit down with Xi. The two leaders last met in Buenos Aires")."""
    para = doc.paragraph_of_sentence[sentence]
    for s in range(sentence - 1, max(-1, sentence - 3), -1):
        if doc.paragraph_of_sentence[s] != para:
            break
        keys = []
        for m in doc.mentions:
            if (
                m.sentence == s
                and m.kind == "name"
                and m.key
                and not m.in_quote
                and m.key not in keys
            ):
                keys.append(m.key)
        if len(keys) == 2:
            return keys
        if keys:
            break
    return []


def _recent_pair(doc: _Doc, sentence: int) -> list[str]:
    """The two leaders named most recently before the sentence, even in an earlier
    paragraph ("… talks between Ishiba and Lee. … Ishiba said … Both leaders had met in
    June"): the last two distinct names within a few sentences, none a third in a tie."""
    keys: list[str] = []
    for s in range(sentence - 1, max(-1, sentence - 5), -1):
        found = []
        for m in doc.mentions:
            named = m.sentence == s and m.kind == "name" and m.key and not m.in_quote
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
_NOT_PAIR_NOUNS = _words(lexicon.every("not_pair_nouns"))


def _not_a_pair_of_leaders(doc: _Doc, k: int) -> bool:
    if k >= len(doc.tokens):
        return False
    hyphen = k > 0 and doc.text[doc.tokens[k - 1].end : doc.tokens[k].start] in ("-", "‐", "‑")
    return hyphen or doc.tokens[k].norm in _NOT_PAIR_NOUNS


def _main_pair(doc: _Doc) -> list[str]:
    counts = Counter(m.key for m in doc.mentions if m.kind == "name" and m.key and not m.in_quote)
    top = counts.most_common(3)
    # Only a clear pair: two leaders ahead of any third.
    if len(top) < 2 or (len(top) == 3 and top[2][1] >= top[1][1]):
        return []
    return [top[0][0], top[1][0]]


def _middle(day: date, precision: str) -> date:
    """A representative day of a month- or year-precise date."""
    if precision == "month":
        return day.replace(day=15)
    if precision == "year":
        return day.replace(month=7, day=1)
    return day


def _object_of_with(doc: _Doc, t: _Trigger, m: Mention) -> bool:
    """The mention follows the meeting word after "with", no other leader in between."""
    if m.ti < t.tj:
        return False
    for k in range(m.ti - 1, t.tj - 1, -1):
        if doc.tokens[k].norm in _WITH:
            return not any(
                o is not m and k < o.ti < m.ti and o.kind != "pronoun" for o in doc.mentions
            )
    return False


def _each_with(doc: _Doc, t: _Trigger, mentions: list[Mention]) -> bool:
    """Two leaders or more after the meeting word, each after a "with" of its own: "met
    with X, and then with Y"."""
    named = [m for m in mentions if m.kind != "pronoun"]
    return len(named) >= 2 and all(_object_of_with(doc, t, m) for m in named)


def _preceding_leader(doc: _Doc, t: _Trigger, other: str) -> str | None:
    """The subject before a meeting word: the nearest leader named earlier in the
    sentence who is not himself the object of "with" ("X s'est entretenu avec Y, puis a
    rencontré Z": X)."""
    # "Xi, who met Putin last week, received Modi": not from inside a relative clause.
    clauses = _subclauses(doc, t.sentence)
    mine = _clause_of(clauses, doc.tokens[t.ti].start)
    before = [
        m
        for m in doc.mentions
        if m.sentence == t.sentence
        and m.tj <= t.ti
        and not m.in_quote
        and not m.dependent
        and not m.oblique
        and not any(doc.tokens[k].norm in _WITH for k in range(max(0, m.ti - 3), m.ti))
        # "Trump was received by Trong … and then held talks with Phuc": the agent of
        # a passive is not the subject of the verb coordinated with it.
        and not _passive_agent(doc, m)
        and not _object_of_verb(doc, m)
        and (_clause_of(clauses, m.start) == mine or _clause_of(clauses, m.start) == 0)
        and not (mine == 0 and _clause_of(clauses, m.start) != 0)
    ]
    for m in reversed(before):
        if _someone_between(doc, m.tj, t.ti):
            # "Rubio's visit came two days after Richard Grenell, Trump's envoy, met
            # Maduro": a person we do not know is the nearer subject.
            return None
        key = _resolve(doc, m)
        if key and key != other:
            return key
    return None


_TIME_ADVERBS = _words(lexicon.every("time_adverbs"))


def _object_of_verb(doc: _Doc, m: Mention) -> bool:
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
    if k < 0 or doc.sent_of[k] != m.sentence or _clause_break(doc, k):
        return False
    w = toks[k]
    norm = w.norm
    return not (
        not w.raw[:1].islower()
        or norm in _WITH
        or norm in lx.object_prepositions
        or norm in lx.locative
        or norm in _AGENT
        or norm in _CONJ
        or norm in _COORDINATORS
        or norm in _RELATIVES
        or norm in lx.complementizers
        or norm in _CALENDAR
        or norm in _TIME_ADVERBS
        or norm in _INDEFINITE[doc.language]
        or norm in lx.speech
        or norm.endswith(("ly", "ment", "mente"))
        or norm in lx.triggers.firsts
        or any(d.start <= w.start < d.end for d in _dates_in(doc, *doc.sentences[m.sentence]))
    )


def _someone_between(doc: _Doc, a: int, b: int) -> bool:
    """Two capitalised words in a row between tokens a and b that are no leader, place,
    title or institution: a person the knowledge base does not know."""
    run = 0
    for k in range(a, b):
        t = doc.tokens[k]
        ok = (
            _capitalised(t)
            and t.raw.isalpha()
            and not _sentence_initial(doc, k)
            and t.norm not in _FUNCTION_WORDS
            and k not in doc.place_tokens
            and t.norm not in _NOT_NAME
            and t.norm not in _NOT_SPEAKER
            and t.norm not in _CALENDAR
            and doc.lx.titles.isdisjoint(doc.forms[k])
            and not any(m.ti <= k < m.tj for m in doc.mentions)
        )
        run = run + 1 if ok and (run == 0 or doc.joined[k - 1]) else (1 if ok else 0)
        if run >= 2:
            return True
    return False


def _passive_agent(doc: _Doc, m: Mention) -> bool:
    k = m.ti - 1
    while k >= 0 and (k in doc.role_tokens or k in doc.country_tokens):
        k -= 1
    return k >= 0 and doc.tokens[k].norm in _AGENT_STRICT


_NOT_SEATS = frozenset(fold_phrase(v) for v in lexicon.NOT_SEAT_VENUES.split("|"))


def _joint_subject(doc: _Doc, t: _Trigger, mentions: list[Mention]) -> bool:
    """ "Petro y Maduro se reunieron", "the two leaders met": both sides as the subject."""
    if _pair_subject(doc, t):
        return True
    before = [m for m in mentions if m.sentence == t.sentence and m.tj <= t.ti]
    return any(
        0 < b.ti - a.tj <= 4
        and t.ti - b.tj <= 4
        and any(doc.tokens[k].norm in _CONJ for k in range(a.tj, b.ti))
        for a, b in zip(before, before[1:], strict=False)
    )


def _visit_phrase_in(doc: _Doc, sentence: int, wanted: set[str]) -> bool:
    phrases = doc.lx.visit_phrases
    for k in _sentence_tokens(doc, sentence):
        if doc.quote_of[k] >= 0 or phrases.firsts.isdisjoint(doc.forms[k]):
            continue
        n, kinds = phrases.match(doc.tokens, k, doc.language, doc.joined, forms=doc.forms)
        if n and wanted.intersection(kinds):
            return True
    return False


def _visit_before(doc: _Doc, t: _Trigger, keys: set[str]) -> bool:
    """ "Dan se află într-o vizită de lucru în Franța, iar Macron l-a întâmpinat … Dan
    părea bucuros de întâlnirea cu președintele Franței": the sentence before, in the
    same paragraph, names both sides on a visit."""
    k = t.sentence - 1
    if k < 0 or doc.paragraph_of_sentence[k] != doc.paragraph_of_sentence[t.sentence]:
        return False
    named = {_resolve(doc, m) for m in doc.mentions if m.sentence == k and not m.in_quote}
    sidelines = doc.lx.sidelines
    return (
        keys <= named
        and not any(doc.tokens[j].norm in sidelines for j in _sentence_tokens(doc, t.sentence))
        and _visit_phrase_in(doc, k, {"visit"})
    )


_PREPARATION = _words(lexicon.every("preparation"))


def _prepared(doc: _Doc, k: int) -> bool:
    """ "обсудил подготовку августовского саммита": a summit being prepared, talked
    about, is not the gathering the meeting is held on the sidelines of."""
    return any(doc.tokens[j].norm in _PREPARATION for j in range(max(0, k - 3), k))


def _is_visit(
    doc: _Doc,
    t: _Trigger,
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
    span = _sentence_tokens(doc, t.sentence)
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
        and not _in_quote_span(doc, p.start)
        and tuple(tok.norm for tok in doc.tokens[p.ti : p.tj]) not in _NOT_SEATS
        for p in doc.places
    )


def _call_means(doc: _Doc, t: _Trigger, span: range) -> bool:
    """ "haben … per Videoschalte … beraten": a call given as the means, anywhere in the
    meeting word's clause (German puts the verb at the end, far from the means)."""
    lo, hi = t.ti, t.tj - 1
    while lo > span.start and not _clause_break(doc, lo - 1):
        lo -= 1
    while hi < span.stop - 1 and not _clause_break(doc, hi):
        hi += 1
    calls = doc.lx.calls
    return any(
        doc.tokens[k].norm in doc.lx.call_means
        and doc.quote_of[k] < 0
        and any(f in calls for f in doc.forms[k + 1])
        for k in range(lo, hi)
    )


def _venue_as_scene(doc: _Doc, p: Place) -> bool:
    """A venue not after a locative word may still be the scene ("alla Casa Bianca"), but
    not a source ("fuentes de la Casa Rosada", "пресс-служба Кремля") nor part of a
    title ("White House envoy")."""
    if doc.language == "ru" or p.tj in doc.role_tokens or p.ti in doc.role_tokens:
        return False
    if p.tj < len(doc.tokens) and doc.tokens[p.tj].norm in doc.lx.relational:
        return False  # "Kremlin spokesman"
    return not (_source_place(doc, p) or _of_venue(doc, p))


def _visit_noun_near(doc: _Doc, t: _Trigger) -> bool:
    span = _sentence_tokens(doc, t.sentence)
    return any(
        doc.tokens[k].norm in _VISIT_NOUNS
        for k in range(max(span.start, t.ti - 3), min(span.stop, t.tj + 3))
    )


def _with_after(doc: _Doc, t: _Trigger) -> int | None:
    # German puts time and place between the verb and "mit": "sprach … in Moskau mehr als
    # fünf Stunden mit Putin". Elsewhere "with" follows closely.
    reach = 12 if doc.language == "de" else 5
    for k in range(t.tj, min(len(doc.tokens), t.tj + reach)):
        if doc.sent_of[k] != t.sentence:
            break
        if reach > 5 and k > t.tj and _clause_break(doc, k - 1):
            break
        if doc.tokens[k].norm in _WITH:
            return k
    return None


def _conjoined(doc: _Doc, mentions: list[Mention]) -> bool:
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        between = doc.tokens[a.tj : b.ti]
        gap = doc.text[a.end : b.start]
        if len(between) <= 1 and all(t.norm in _CONJ for t in between) and len(gap) < 8:
            return True
        # "Путин и лидер КНДР Ким Чен Ын", "Biden and Chinese President Xi": the second
        # name's role may stand after the conjunction.
        if (
            between
            and between[0].norm in _CONJ
            and len(between) <= 6
            and "," not in gap
            and all(k in doc.role_tokens or k in doc.country_tokens for k in range(a.tj + 1, b.ti))
        ):
            return True
    return False


def _two_sides(doc: _Doc, t: _Trigger, present: str) -> list[str]:
    """ "the two countries ... Pyongyang and Moscow": each named country stands for its
    leader, when that leader is named in the article."""
    s = t.sentence
    toks = doc.tokens
    hit = False
    firsts = doc.lx.two_sides.firsts
    for k in _sentence_tokens(doc, s):
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
            c = _entry(doc, m.key).country
            if c not in leaders_by_country or _rank(doc, m.key) < _rank(doc, leaders_by_country[c]):
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


def _meeting_date(doc: _Doc, t: _Trigger, s: int, e: int) -> DateMention | None:
    """The date nearest the meeting word in its clause (asked several times per word)."""
    if t.ti not in doc.when_cache:
        doc.when_cache[t.ti] = _date_of_trigger(doc, t, s, e)
    return doc.when_cache[t.ti]


def _date_of_trigger(doc: _Doc, t: _Trigger, s: int, e: int) -> DateMention | None:
    dates = [
        d for d in _dates_in(doc, s, e) if not _in_quote_span(doc, d.start) and not _since(doc, d)
    ]
    if not dates:
        return None
    anchor = doc.tokens[t.ti].start
    mine_only = [d for d in dates if not _other_clause(doc, anchor, d.start)]
    if not mine_only and _in_when_clause(doc, t):
        # "…a avut loc în august 2019, când Iohannis a fost primit de Trump": the
        # clause's time is that of the main clause it hangs on.
        mine_only = [d for d in dates if d.end <= anchor]
    dates = mine_only
    # A dateline ("KYIV, March 12 —") dates the report; "on Tuesday" in the sentence
    # dates the meeting. A month that qualifies a noun ("the October summit", "Consiliul
    # European din octombrie") yields to a day named for the meeting.
    # "Xi, who met Putin last week, received Modi on Tuesday": the relative clause's date
    # is its own.
    clauses = _subclauses(doc, t.sentence)
    mine = _clause_of(clauses, anchor)
    dates = [
        d
        for d in dates
        if not _date_of_saying(doc, t, d)
        and (mine != 0 or _clause_of(clauses, d.start) == 0 or len(dates) == 1)
    ]
    told = [d for d in dates if not _dateline_date(doc, s, d) and not _attributive(doc, d, t)]
    dates = told or [d for d in dates if not _attributive(doc, d, t)]
    if not dates:
        return None
    return min(dates, key=lambda d: min(abs(d.start - anchor), abs(d.end - anchor)))


_DATELINE_RE = re.compile(r"^[\W\d_]*[A-ZÀ-ÝА-Я][A-ZÀ-ÝА-Я .'’-]*(?:\([^)]*\))?,?\s*$")
# A place in title case, followed by a comma: "Sharm el-Sheikh, 14 oct".
_TITLE_DATELINE_RE = re.compile(r"^\s*[A-ZÀ-ÝА-Я][\w'’-]*(?: [\w'’-]+){0,2},\s*$")
_AGENCY_RE = re.compile(r"^\s*[/(][^/()\n]{2,20}[/)]")
# Prepositions that make a month qualify the noun before it rather than date the event.
_OF = set(lexicon.every("of_words"))


def _date_of_saying(doc: _Doc, t: _Trigger, d: DateMention) -> bool:
    """ "…, officials said on Saturday": a date right after a speech verb, past a comma
    after the meeting word, dates the saying, not the meeting."""
    k = _token_at(doc, d.start)
    if k <= t.tj or not any(doc.tokens[j].norm in doc.lx.speech for j in range(max(0, k - 2), k)):
        return False
    return any(_clause_break(doc, j) for j in range(t.tj, k - 1))


_SINCE = _words(lexicon.every("since"))
_WHEN = _words(lexicon.every("when"))


def _since(doc: _Doc, d: DateMention) -> bool:
    """ "since Israel began striking Iran on June 13": a starting point, not the event."""
    k = _token_at(doc, d.start)
    lo = doc.sentence_token_range[doc.sent_of[k]][0] if k < len(doc.tokens) else 0
    return any(doc.tokens[j].norm in _SINCE for j in range(max(lo, k - 6), k))


def _in_when_clause(doc: _Doc, t: _Trigger) -> bool:
    """The meeting word is in a ", when …" or ", who …" clause ("Ha aperto ieri i lavori
    il ministro Tajani, che ha accolto sull'isola Blinken": the time of the main clause)."""
    s = doc.sentences[t.sentence][0]
    at = doc.tokens[t.ti].start
    comma = doc.text.rfind(",", s, at)
    if comma < 0:
        return False
    first = _first_word(doc.text[comma : comma + 20])[:1]
    return bool(first) and (first[0] in _WHEN or first[0] in _RELATIVES)


def _dateline_date(doc: _Doc, s: int, d: DateMention) -> bool:
    """The date follows an upper-case place at the start of the sentence and is followed
    by a dash: "PARIS, 8 mai —"."""
    head = doc.text[s : d.start]
    if len(head) > 40 or not (_DATELINE_RE.match(head) or _TITLE_DATELINE_RE.match(head)):
        return False
    # "Sharm el-Sheikh, 14 oct /Agerpres/ -": an agency's name may follow the date.
    tail = _AGENCY_RE.sub("", doc.text[d.end : d.end + 40], count=1).lstrip(" .")
    return tail[:1] in ("—", "–", "-")


def _attributive(doc: _Doc, d: DateMention, t: _Trigger) -> bool:
    """A month after "of" that qualifies another noun than the meeting word or a summit:
    "pregătirea Consiliului European din octombrie" does not date the consultation, while
    "întâlnirea din iunie" dates the meeting."""
    if d.precision == "day":
        return False
    k = _token_at(doc, d.start)
    if k < 2 or doc.tokens[k - 1].norm not in _OF or not doc.tokens[k].norm.isalpha():
        return False
    head = k - 2
    return not (t.ti <= head < t.tj or doc.tokens[head].norm in _EVENT_NOUNS)


def _other_clause(doc: _Doc, a: int, b: int) -> bool:
    """A comma and a relative pronoun between two offsets: they are in different clauses."""
    lo, hi = min(a, b), max(a, b)
    between = doc.text[lo:hi]
    for piece in between.split(",")[1:]:
        words = _first_word(piece[:20])
        if words and (words[0] in _RELATIVES or words[0] in _COORDINATORS):
            return True
    return False


def _in_quote_span(doc: _Doc, pos: int) -> bool:
    return any(a <= pos < b for a, b in doc.quotes)


def _is_past(day: date | None, precision: str | None, news_date: date | None) -> bool:
    if day is None or news_date is None:
        return False
    if precision == "day":
        return day < news_date
    if precision == "month":
        return (day.year, day.month) < (news_date.year, news_date.month)
    return day.year < news_date.year


def _recent(day: date | None, news_date: date | None) -> bool:
    return day is not None and news_date is not None and 0 <= (news_date - day).days <= 3


def _news_date(doc: _Doc, triggers: list[_Trigger]) -> date | None:
    """The date of the article's news: that of the first meeting word's sentence.

    An undated headline ("Biden meets Xi") defers to the next meeting sentence. News
    more than two days old at publication is background: then the publication date is
    the news date, and the meeting it was about counts as past.
    """
    for t in triggers:
        s, e = doc.sentences[t.sentence]
        when = _meeting_date(doc, t, s, e)
        if when is not None and _dateline_date(doc, s, when):
            when = None  # "WASHINGTON, 18 APR – Quasi due ore di colloquio": the report's
        para = doc.paragraph_of_sentence[t.sentence]
        if when is None and para == doc.paragraph_of_sentence[0] and _headline_like(doc, s, e):
            continue  # a headline, possibly of two sentences ("X, primit de Y. Z a lipsit")
        if when is None and any(
            o.ti > t.ti
            and doc.paragraph_of_sentence[o.sentence] == para
            and _meeting_date(doc, o, *doc.sentences[o.sentence])
            for o in triggers
        ):
            # "Visita lampo per Meloni, che ieri è stata ricevuta", "Quasi due ore di
            # colloquio … Ad accogliere la premier è stato ieri Trump": the later word.
            continue
        if when is None or when.future or when.precision != "day" or doc.published is None:
            return doc.published
        return when.day if (doc.published - when.day).days <= 2 else doc.published
    return doc.published


def _headline_like(doc: _Doc, s: int, e: int) -> bool:
    """A first line without closing punctuation: a headline or a subheading."""
    line_end = doc.text.find("\n", s)
    line = doc.text[s : line_end if line_end >= 0 else len(doc.text)].rstrip()
    if (
        line.endswith(("”", "»", '"', "“"))
        and ":" in line
        and "\n\n" in doc.text[s : s + len(line) + 2]
    ):
        # "Iohannis, primit de Biden: „Parteneriatul … puternic”": a title quoting someone.
        return True
    return e >= s and not line.endswith((".", "!", "?", "…", "”", "»", '"'))


def _adopt_dates(doc: _Doc, found: list[ExtractedMeeting], news_date: date | None) -> None:
    """An undated mention of a meeting ("Biden meets Xi" in a headline) is the dated one
    of the same people reported in the last days."""
    if doc.published is None:
        return
    for m in found:
        if id(m) not in doc.undated:
            continue
        for other in found:
            if (
                other is m
                or other.date_precision != "day"
                or not other.date
                # Dated by the news of the body ("Zeitgleich sprach …") still dates a
                # headline dated only by publication.
                or (id(other) in doc.undated and other.date == m.date)
            ):
                continue
            day = date.fromisoformat(other.date)
            # "Putin and Trump held talks in Alaska" over a report that names their
            # ministers too: the same meeting.
            # A pair out of a gathering of many countries met on its sidelines ("A
            # margine dei lavori Cameron ha avuto un colloquio con Baerbock").
            sideline = other.kind == "multilateral" and len(m.participants) < len(
                other.participants
            )
            if (
                set(other.participants) >= set(m.participants)
                and not sideline
                and 0 <= (doc.published - day).days <= 2
            ):
                m.date, m.date_precision = other.date, "day"
                m.participants = list(other.participants)
                m.reported_as = "past" if _is_past(day, "day", news_date) else "current"
                break


def _protagonist(doc: _Doc) -> str | None:
    counts = Counter(m.key for m in doc.mentions if m.kind == "name" and m.key and not m.in_quote)
    if not counts:
        return None
    first = {}
    for m in doc.mentions:
        if m.kind == "name" and m.key and m.key not in first:
            first[m.key] = m.start
    return max(counts, key=lambda k: (counts[k], -first.get(k, 0)))


def _meeting_place(doc: _Doc, t: _Trigger, s: int, e: int, current: bool):
    anchor = doc.tokens[t.ti].start

    in_roles = {k for m in doc.mentions if m.kind == "role" for k in range(m.ti, m.tj)}

    def usable(p: Place) -> bool:
        return (
            p.kind in ("city", "venue", "capital")
            and p.ti not in in_roles  # "liderul de la Kremlin" names a person, not a place
            and not p.dateline
            and (p.locative or p.kind == "venue" or _where_follows(doc, p))
            and not _in_quote_span(doc, p.start)
            and not (p.kind == "venue" and not p.locative and _source_place(doc, p))
            and not (p.kind == "venue" and not p.locative and _of_venue(doc, p))
        )

    here = [p for p in doc.places if s <= p.start < e and usable(p)]
    if here:
        best = min(here, key=lambda p: abs(p.start - anchor))
        return best.city, best.code
    if not current:
        return None
    para = doc.paragraph_of_sentence[t.sentence]
    order = []
    for k in range(t.sentence + 1, min(len(doc.sentences), t.sentence + 3)):
        if doc.paragraph_of_sentence[k] == para or k == t.sentence + 1:
            order.append(k)
    for k in range(t.sentence - 1, max(-1, t.sentence - 3), -1):
        if doc.paragraph_of_sentence[k] == para:
            order.append(k)
    for k in order:
        ks, ke = doc.sentences[k]
        if _dated_elsewhere(doc, ks, ke) or k in doc.planned_sentences:
            # "Anul trecut, ... la Cotroceni", "may meet next in Minsk": another time,
            # another place.
            continue
        near = [p for p in doc.places if ks <= p.start < ke and usable(p)]
        if near:
            return near[0].city, near[0].code
    everywhere = [
        p
        for p in doc.places
        if usable(p)
        and not _source_place(doc, p)
        and doc.sent_of[p.ti] not in doc.planned_sentences
        and not _dated_elsewhere(doc, *doc.sentences[_sentence_at(doc, p.start)])
    ]
    if not everywhere:
        return None
    counts = Counter((p.city, p.code) for p in everywhere)
    return max(counts, key=lambda c: counts[c])


# Words before a venue that make it the source of news, not a scene: "according to the
# Kremlin", "Según la Moncloa", "Segundo o Palácio do Planalto", "Dal Cremlino".
_SOURCE_WORDS = _ACCORDING_WORDS | _words(lexicon.every("source_words"))


_WHERE = _words(lexicon.every("where"))


def _where_follows(doc: _Doc, p: Place) -> bool:
    """ "pris l'avion pour Varsovie, où il s'est entretenu …": the scene of what follows."""
    return (
        p.tj < len(doc.tokens)
        and doc.tokens[p.tj].norm in _WHERE
        and doc.text[p.end : doc.tokens[p.tj].start].strip() == ","
    )


def _of_venue(doc: _Doc, p: Place) -> bool:
    """ "il titolare della Farnesina", "le vagon du chef de l'Élysée": a seat of power
    that qualifies a person names no scene."""
    k = p.ti - 1
    while k >= 0 and doc.tokens[k].norm in doc.lx.determiners:
        k -= 1
    return k >= 0 and doc.tokens[k].norm in _OF


def _source_place(doc: _Doc, p: Place) -> bool:
    """ "according to the Kremlin", "the Kremlin said": a seat of power as a source."""
    span = _sentence_tokens(doc, doc.sent_of[p.ti])
    if any(doc.tokens[k].norm in _SOURCE_WORDS for k in range(max(span.start, p.ti - 4), p.ti)):
        return True
    return any(doc.tokens[k].norm in doc.lx.speech for k in range(p.tj, min(span.stop, p.tj + 2)))


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


def _dated_elsewhere(doc: _Doc, s: int, e: int) -> bool:
    """The sentence is dated away from the publication (a back-reference)."""
    dates = _dates_in(doc, s, e)
    return any(d.past or d.future or (doc.published - d.day).days > 7 for d in dates)


_KIND_ORDER = {"call": 0, "visit": 1, "multilateral": 2, "bilateral": 3}


def _joined_by_aides(doc: _Doc, x: ExtractedMeeting, m: ExtractedMeeting) -> bool:
    """ "Marcelo foi recebido por Chapo. Marcelo, acompanhado por Rangel, esteve reunido
    com Chapo": on the same day, the same leaders with ministers of their own countries
    are the same meeting, told again with more of its people."""
    if x.date != m.date or x.date_precision != "day" or ("call" in (x.kind, m.kind)):
        return False
    small, big = sorted((set(x.participants), set(m.participants)), key=len)
    if len(small) < 2 or not small < big:
        return False
    by_name = {_entry(doc, k).name: _entry(doc, k).country for k in doc.involved}
    sides = {by_name.get(n) for n in small}
    return None not in sides and all(by_name.get(n) in sides for n in big - small)


def _merge(doc: _Doc, found: list[ExtractedMeeting]) -> list[ExtractedMeeting]:
    merged: list[ExtractedMeeting] = []
    for m in found:
        same = next(
            (x for x in merged if set(x.participants) == set(m.participants) and x.date == m.date),
            None,
        ) or next((x for x in merged if _joined_by_aides(doc, x, m)), None)
        if same is None:
            merged.append(m)
            continue
        same.evidence.extend(m.evidence)
        same.confidence = max(same.confidence, m.confidence)
        if _KIND_ORDER[m.kind] < _KIND_ORDER[same.kind]:
            same.kind = m.kind
            if same.kind == "call":
                same.location_name = same.location_country = None  # a call has no venue
        if same.location_name is None and m.location_name and same.kind != "call":
            same.location_name, same.location_country = m.location_name, m.location_country
        if len(m.participants) > len(same.participants):
            same.participants = m.participants
    return merged


# --------------------------------------------------------------------------- statements


@dataclass
class _Said:
    start: int
    end: int
    text: str
    kind: str
    _key: str
    _sentence: int


def _find_statements(doc: _Doc) -> list[ExtractedStatement]:
    said: list[_Said] = []
    text = doc.text
    for qi, (qs, qe) in enumerate(doc.quotes):
        start, end = qs, qe
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end or _is_question(doc, qs):
            continue
        sentence = _sentence_at(doc, qs)
        key = _quote_speaker(doc, qi, sentence, said)
        if key:
            said.append(_Said(start, end, text[start:end], "direct", key, sentence))
    said = _drop_repeats(doc, said)
    said.extend(_indirect(doc, said))
    doc.involved.extend(x._key for x in said if x._key not in doc.involved)
    said.sort(key=lambda x: x.start)
    return [
        ExtractedStatement(
            speaker=_entry(doc, x._key).name,
            text=x.text,
            kind=x.kind,
            start=x.start,
            end=x.end,
            language=doc.language,
        )
        for x in said
    ]


def _sentence_at(doc: _Doc, pos: int) -> int:
    starts = [s for s, _ in doc.sentences]
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _is_question(doc: _Doc, qs: int) -> bool:
    before = doc.text[max(0, qs - 30) : qs]
    return any(w in _QUESTION for w in fold_phrase(before)[-3:])


def _quote_speaker(doc: _Doc, qi: int, sentence: int, said: list[_Said]) -> str | None:
    text, toks, lx = doc.text, doc.tokens, doc.lx
    qs, qe = doc.quotes[qi]
    s, e = doc.sentences[sentence]
    next_quote = doc.quotes[qi + 1][0] if qi + 1 < len(doc.quotes) else len(text)
    prev_quote_end = doc.quotes[qi - 1][1] if qi > 0 else 0
    cands = [
        m
        for m in doc.mentions
        if m.sentence == sentence and not m.in_quote and not m.dependent and m.kind != "pronoun"
    ]
    after_text = text[qe + 1 : qe + 4].lstrip()
    tail = after_text[:1] in (",", "–", "—", "-") or text[qe - 1 : qe] == ","
    if tail:
        stop = min(e, next_quote)
        lo, hi = _token_at(doc, qe), _token_at(doc, stop)
        # "…», a spus Putin", "“…,” Modi told reporters": a name after the quotation
        # speaks when a speech verb stands beside it, not in any later clause ("«Binhai»,
        # a residence where Xi …").
        after = [
            m
            for m in cands
            if qe <= m.start < stop
            and not m.oblique
            and (
                m.ti <= lo + 2
                or any(toks[k].norm in lx.reporting for k in range(lo, min(m.ti, lo + 4)))
                or any(toks[k].norm in lx.reporting for k in range(m.tj, min(hi, m.tj + 3)))
            )
        ]
        pron = [m for m in doc.mentions if m.kind == "pronoun" and qe <= m.start < stop]
        if after and not (pron and pron[0].start < after[0].start):
            key = _speaker_of(doc, after[0], said)
            if key:
                return key
        verb_at = next((k for k in range(lo, min(hi, lo + 4)) if toks[k].norm in lx.reporting), -1)
        verb = verb_at >= 0
        if verb and not pron:
            unknown = _unknown_speaker(doc, lo, hi, verb_seen=True)
            if unknown:
                return unknown
        if verb and not pron and _named_subject_after_verb(doc, qe, stop):
            # "», sagte der SPD-Politiker", "”, the French minister added": a description
            # of someone named before; "», précise l'entourage" is no one's quote.
            return _description_speaker(doc, verb_at + 1, hi, qs, said) or (
                _description_speaker(doc, lo, verb_at, qs, said)
            )
        if pron or verb:
            # "Sánchez evitó la polémica: «…», se limitó a decir": the sentence's own
            # subject first, then the one before.
            return _salient(doc, qs, sentence) or _salient(
                doc, qs, sentence - 1 if sentence else 0, said
            )
    lo = max(s, prev_quote_end if tail else s)
    before = [m for m in cands if lo <= m.end <= qs and not m.oblique]
    # "Putin „și-a exprimat poziția”": a name straight before the quote is its
    # grammatical subject in narration, not the author of the words.
    before = [m for m in before if text[m.end : qs - 1].strip() != ""]
    # "Sheinbaum descartó un encuentro con Trump: «…»": the object of "with" is not the
    # one who speaks.
    subjects = [m for m in before if not _object(doc, m)]
    # "Tajani ha invitato Kurti a venire «…»", "Lavrov ha bollato la riunione come «…»":
    # the subject of the reporting verb nearest the quotation speaks.
    # Quotations of one or two words ("franc", "un ultimatum") are often someone
    # else's words the narration characterises: only the plain attributions below.
    short = len(TOKEN_RE.findall(text[qs:qe])) <= 2
    verb_k = -1 if short else _last_reporting_verb(doc, _token_at(doc, lo), _token_at(doc, qs))
    if verb_k >= 0 and not _institution_speaks(doc, verb_k, _token_at(doc, qs)):
        pre = [
            m
            for m in subjects
            if m.tj <= verb_k and _same_clause(doc, m, verb_k) and not _in_relative(doc, m)
        ]
        post = [m for m in subjects if verb_k < m.ti <= verb_k + 3]
        for m in pre[-1:] + post[:1]:
            key = _speaker_of(doc, m, said)
            if key:
                return key
    if subjects and subjects[-1] is not before[-1] and _introduces(doc, before[-1].end, qs):
        return _speaker_of(doc, subjects[-1], said)
    if before and (_introduces(doc, before[-1].end, qs) or _after_according(doc, before[-1])):
        return _speaker_of(doc, before[-1], said)
    pron = [m for m in doc.mentions if m.kind == "pronoun" and s <= m.start < qs]
    if pron:
        return _resolve(doc, pron[-1], said)
    if not before:
        lo_t = _token_at(doc, max(s, prev_quote_end))
        unknown = _unknown_speaker(doc, lo_t, _token_at(doc, qs), before_quote=True)
        if unknown:
            return unknown
        if verb_k >= 0:
            # "Le haut représentant a ajouté que … « … »": a description as the subject.
            start = _clause_start(doc, sentence, verb_k)
            key = _description_speaker(doc, start, verb_k, qs, said)
            if key:
                return key
    if _continues_over_paragraphs(doc, qi):
        # An unclosed paragraph of a quotation that the next paragraph goes on with:
        # the speaker is named after its last part.
        nxt = _quote_speaker(doc, qi + 1, _sentence_at(doc, doc.quotes[qi + 1][0]), said)
        if nxt:
            return nxt
    if sentence + 1 < len(doc.sentences) and not before:
        nxt = _attribution_subject(doc, sentence + 1)
        if nxt:
            return nxt
    if sentence > 0 and not before:
        ps, pe = doc.sentences[sentence - 1]
        if doc.text[ps:pe].rstrip().endswith(":"):
            # "Putin a declarat:" then the quotation as its own paragraph.
            return _salient(doc, pe, sentence - 1, said)
    outside = _words_outside_quotes(doc, sentence)
    if outside <= 2:
        # A quotation standing alone continues the previous speaker's words...
        if (
            said
            and said[-1]._sentence >= sentence - 2
            and doc.paragraph_of_sentence[said[-1]._sentence]
            >= doc.paragraph_of_sentence[sentence] - 1
        ):
            return said[-1]._key
        # ...or is attributed by the next sentence ("Lo ha detto X", "Об этом сказал X").
        if sentence + 1 < len(doc.sentences):
            nxt = _attribution_subject(doc, sentence + 1)
            if nxt:
                return nxt
    # "«…», a déclaré Trump, avant de saluer un « homme d'État remarquable »": a second
    # quotation in the sentence of an attributed one, no one else named in between, is
    # the same speaker's.
    if (
        not short
        and said
        and said[-1]._sentence == sentence
        and said[-1].kind == "direct"
        and not any(said[-1].end <= m.start < qs for m in cands if not _object(doc, m))
    ):
        return said[-1]._key
    return None


_CLOSING_MARKS = "”“\"»«’‘'"


def _continues_over_paragraphs(doc: _Doc, qi: int) -> bool:
    """The quotation ends at a line end without a closing mark, and the next one opens
    the next paragraph (see ``find_quotes``)."""
    qe = doc.quotes[qi][1]
    if qi + 1 >= len(doc.quotes) or doc.text[qe : qe + 1] in _CLOSING_MARKS:
        return False
    gap = doc.text[qe : doc.quotes[qi + 1][0]]
    return "\n" in gap and not gap.strip(" \t\n\u00a0„“«»‚‘\"'")


def _in_relative(doc: _Doc, m: Mention) -> bool:
    """The mention stands in a relative clause ("Tajani, che aveva ricevuto Dacic, …")."""
    first = _sentence_tokens(doc, m.sentence).start
    for j in range(m.ti, max(first, m.ti - 12) - 1, -1):
        if j == first or "," in doc.text[doc.tokens[j - 1].end : doc.tokens[j].start]:
            return j < m.ti and doc.tokens[j].norm in _RELATIVES
    return False


def _last_reporting_verb(doc: _Doc, lo: int, hi: int) -> int:
    for k in range(hi - 1, lo - 1, -1):
        if doc.quote_of[k] < 0 and doc.tokens[k].norm in doc.lx.reporting:
            return k
    return -1


def _object(doc: _Doc, m: Mention) -> bool:
    """A preposition right before the mention makes it an object ("a Costa", "pe Putin",
    "mit Selenskyj"), also across its title ("con el presidente argentino, Milei")."""
    k = m.ti - 1
    lo = max(0, m.ti - 5)
    while k >= lo and (
        k in doc.role_tokens or k in doc.country_tokens or doc.tokens[k].norm in doc.lx.determiners
    ):
        k -= 1
    if k < 0 or doc.sent_of[k] != m.sentence:
        return False
    word = doc.tokens[k].norm
    return word in doc.lx.object_prepositions or word in _WITH


def _same_clause(doc: _Doc, m: Mention, k: int) -> bool:
    """No comma between the mention and token k, unless one right after the mention opens
    an apposition or aside ("Milei, en cambio, mostró …")."""
    if doc.text[m.end : m.end + 1] == ",":
        return True
    return "," not in doc.text[m.end : doc.tokens[k].start]


def _clause_start(doc: _Doc, sentence: int, k: int) -> int:
    """The first token of the clause that holds token k: after the last comma before it
    ("Tras la reunión, el jefe del Ejecutivo aseguró")."""
    first = _sentence_tokens(doc, sentence).start
    for j in range(k - 1, first, -1):
        if "," in doc.text[doc.tokens[j - 1].end : doc.tokens[j].start]:
            return j
    return first


def _speaker_of(doc: _Doc, m: Mention, said: list | None = None) -> str | None:
    """The leader a mention stands for as a speaker; a role of a country that the
    knowledge base has no holder for ("liderul sârb") is that country's leader named
    last before it."""
    key = _resolve(doc, m, said)
    if key or m.kind != "role" or not m.country:
        return key
    return _last_of_country(doc, m.country, m.start)


def _last_of_country(doc: _Doc, country: str, before: int) -> str | None:
    key = None
    for m in doc.mentions:
        if m.start >= before:
            break
        if m.key and not m.in_quote and m.kind == "name" and _entry(doc, m.key).country == country:
            key = m.key
    return key


def _person_noun(doc: _Doc, t: Token) -> bool:
    nouns = doc.lx.person_nouns
    if t.norm in nouns or t.norm in doc.lx.titles:
        return True
    # German compounds: "Linkspolitiker", "Regierungschef".
    return doc.language == "de" and any(len(n) >= 5 and t.norm.endswith(n) for n in nouns)


def _description_speaker(doc: _Doc, lo: int, hi: int, at: int, said: list) -> str | None:
    """The speaker a description between tokens lo and hi stands for: "der
    SPD-Politiker", "il tycoon", "le locataire de l'Élysée", "the Iranian minister".
    A country in it picks that country's leader named last; otherwise the speaker
    just quoted, or the subject of the sentences before."""
    toks, lx = doc.tokens, doc.lx
    k = lo
    while k < hi and toks[k].norm in lx.determiners:
        k += 1
    if k >= hi or k - lo > 2:
        return None
    country = None
    head = -1
    for p in doc.places:
        if k <= p.ti < min(hi, k + 6) and p.kind in ("country", "venue"):
            country = p.code
            nxt = toks[p.tj] if p.tj < hi else None
            if (
                p.ti == k
                and p.kind == "country"
                and p.city == "adj"
                and not (nxt and (_capitalised(nxt) or _person_noun(doc, nxt)))
            ):
                head = k  # "la alemana", "der Niederländer", not "das chinesische Amt"
            break
    for j in range(k, min(hi, k + 3)):
        if head >= 0:
            break
        if toks[j].norm in lx.relational and j + 1 < hi and toks[j + 1].norm in _POSSESSOR_OF:
            return None  # "l'entourage du président": not the president
        if _person_noun(doc, toks[j]):
            head = j
    if head < 0:
        return None
    sentence = doc.sent_of[k]
    if country:
        key = _last_of_country(doc, country, toks[lo].start)
        if key:
            return key
        # A leader the knowledge base does not know has no country to match.
        key = _salient(doc, at, sentence)
        return key if key and key.startswith("unknown:") else None
    return _salient(doc, at, sentence) or (said[-1]._key if said else None)


_NOT_SPEAKER = _words(lexicon.every("not_speaker"))


def _unknown_speaker(
    doc: _Doc, a: int, b: int, before_quote: bool = False, verb_seen: bool = False
) -> str | None:
    """A first and last name next to a speech verb, unknown to the knowledge base:
    "…,” said John Kirby" / "John Kirby said: “…”". They become ``known: false``.
    With ``verb_seen`` the verb opens the span, and the name may follow a title
    ("», a rétorqué sur X la porte-parole du gouvernement, Yolande Makolo")."""
    toks = doc.tokens
    b = min(b, a + (14 if verb_seen else 10), len(toks))
    run: list[int] = []
    runs: list[list[int]] = []
    for k in range(a, b):
        t = toks[k]
        ok = (
            _capitalised(t)
            and t.raw.isalpha()
            and k not in doc.place_tokens
            and t.norm not in _NOT_NAME
            and t.norm not in _NOT_SPEAKER
            and t.norm not in _CALENDAR
            and t.norm not in doc.lx.titles
            and not any(m.ti <= k < m.tj for m in doc.mentions)
        )
        if ok and (not run or doc.joined[k - 1] and doc.text[toks[k - 1].end : t.start] == " "):
            run.append(k)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [k] if ok else []
    if len(run) >= 2:
        runs.append(run)
    for run in runs:
        if len(run) > 3:
            continue
        first, last = run[0], run[-1]
        if before_quote and _sentence_initial(doc, first) is False and first > a + 6:
            continue
        near = range(a if verb_seen else max(a, first - 2), min(len(toks), last + 4))
        if not any(toks[k].norm in doc.lx.reporting for k in near):
            continue
        name = doc.text[toks[first].start : toks[last].end]
        key = "unknown:" + " ".join(toks[x].norm for x in run)
        if key not in doc.unknown:
            doc.unknown[key] = LeaderEntry(key=key, name=name, country="")
        doc.mentions.append(
            Mention(
                toks[first].start,
                toks[last].end,
                first,
                last + 1,
                "name",
                key=key,
                sentence=doc.sent_of[first],
            )
        )
        return key
    return None


def _introduces(doc: _Doc, a: int, qs: int) -> bool:
    """Between a name and a quotation: a speech verb, or a colon right before it, and no
    institution speaking instead ("…, a annoncé l'Élysée, qui évoque un échange «franc»")."""
    lo, hi = _token_at(doc, a), _token_at(doc, qs)
    if _institution_speaks(doc, lo, hi):
        return False
    # The quotation starts after its opening mark: look before the mark for the colon.
    if doc.text[a:qs].rstrip(" \u00a0\n„“”«»‚‘’\"'")[-1:] == ":":
        return True
    return any(t.norm in doc.lx.speech for t in doc.tokens[lo:hi])


# Auxiliaries after a place that make it the subject of a clause ("che Kiev ha definito").
_AUXILIARIES = _words(lexicon.every("auxiliaries"))


def _institution_speaks(doc: _Doc, lo: int, hi: int) -> bool:
    """A seat of power or a country as a subject between the name and the quotation:
    right after a speech verb, or right before an auxiliary."""
    for p in doc.places:
        if not lo <= p.ti < hi or p.locative or (p.kind == "country" and p.city == "adj"):
            continue
        k = p.ti - 1
        while k >= lo and doc.tokens[k].norm in doc.lx.determiners:
            k -= 1
        after_verb = k >= lo and doc.tokens[k].norm in doc.lx.speech
        # Cities and venues only: "Britain had «no better friend»" is reported content.
        before_aux = p.kind != "country" and p.tj < hi and doc.tokens[p.tj].norm in _AUXILIARIES
        if after_verb or before_aux:
            return True
    return False


def _after_according(doc: _Doc, m: Mention) -> bool:
    """ "según Maduro, ...": the source of everything the sentence then quotes."""
    return (
        m.ti > 0
        and doc.tokens[m.ti - 1].norm in _ACCORDING_WORDS | {"to"}
        and (
            m.ti < 2
            or doc.tokens[m.ti - 1].norm != "to"
            or doc.tokens[m.ti - 2].norm == "according"
        )
    )


def _named_subject_after_verb(doc: _Doc, a: int, b: int) -> bool:
    """ "», précise l'entourage", "”, the White House said": the verb's subject is named
    by a noun phrase, and it is no leader."""
    toks = doc.tokens[_token_at(doc, a) : _token_at(doc, b)]
    for k, t in enumerate(toks):
        if t.norm in doc.lx.speech:
            return k + 1 < len(toks) and toks[k + 1].norm in doc.lx.determiners
        if t.norm in doc.lx.determiners and not (doc.language == "ro" and t.norm == "a"):
            return True
    return False


def _token_at(doc: _Doc, pos: int) -> int:
    return bisect.bisect_left(doc.token_starts, pos)


def _sentence_tokens(doc: _Doc, sentence: int) -> range:
    return range(*doc.sentence_token_range[sentence])


def _words_outside_quotes(doc: _Doc, sentence: int) -> int:
    return sum(1 for k in _sentence_tokens(doc, sentence) if doc.quote_of[k] < 0)


def _attribution_subject(doc: _Doc, sentence: int) -> str | None:
    """ "Lo ha detto X", "Об этом рассказал X": a sentence that attributes the one before."""
    idx = list(_sentence_tokens(doc, sentence))
    if not idx or any(doc.quote_of[k] >= 0 for k in idx):
        return None
    first = idx[:4]
    if doc.tokens[first[0]].norm not in _THIS_SAID:
        return None
    if not any(doc.tokens[k].norm in doc.lx.speech for k in first):
        return None
    for m in doc.mentions:
        if m.sentence == sentence and not m.in_quote and not m.dependent and m.kind != "pronoun":
            key = _resolve(doc, m)
            if key:
                return key
    return None


def _drop_repeats(doc: _Doc, said: list[_Said]) -> list[_Said]:
    """A headline that repeats part of a body quotation is not a statement of its own."""
    normed = [" ".join(TOKEN_RE.findall(doc.folded[x.start : x.end])) for x in said]
    headline_end = doc.sentences[0][1] if doc.sentences else 0
    out = []
    for i, x in enumerate(said):
        if any(
            j != i and len(normed[j]) > len(normed[i]) and normed[i] and normed[i] in normed[j]
            for j in range(len(said))
        ):
            continue
        if x.start < headline_end and "\n" in doc.text[x.end : doc.sentences[-1][1]]:
            # A headline quotes the body in short: "Meloni da Trump: «Una delle vere
            # leader del mondo»" for "«… è una delle vere leader del mondo»".
            words = set(TOKEN_RE.findall(doc.folded[x.start : x.end]))
            if any(
                qs >= headline_end
                and len(words & set(TOKEN_RE.findall(doc.folded[qs:qe]))) >= 0.8 * len(words)
                for qs, qe in doc.quotes
            ):
                continue
        out.append(x)
    return out


# English drops "that": "Zelensky said the two men had discussed …".
_EN_SAID = _words(lexicon.every("said_without_that"))


def _indirect(doc: _Doc, direct: list[_Said]) -> list[_Said]:
    """Reported speech: "Kim a afirmat că ...", "According to Motegi, ...", and the
    sentence before "Об этом рассказал X". A sentence that also quotes someone still
    reports speech when its reporting verb stands outside the quotation."""
    out = []
    lx, toks = doc.lx, doc.tokens
    quote_sentences = {_sentence_at(doc, q[0]) for q in doc.quotes}
    according = _ACCORDING.get(doc.language, ())
    # Only sentences holding a reporting word ("said", "según", "по") can report speech.
    cues = lx.reporting | lx.reports_alone | set(according[:1]) | {"по"}
    hits = {doc.sent_of[k] for k in _candidates(doc, frozenset(cues))}
    for s in sorted(hits):
        idx = list(_sentence_tokens(doc, s))
        key = None
        norms = [toks[k].norm for k in idx]
        # "Об этом рассказал X": X said what the previous sentence says.
        if norms[:1] and norms[0] in _THIS_SAID and any(n in lx.speech for n in norms[:3]):
            subject = _attribution_subject(doc, s)
            if subject and s - 1 >= 0 and s - 1 not in quote_sentences:
                ps, pe = doc.sentences[s - 1]
                out.append(_Said(ps, pe, doc.text[ps:pe], "indirect", subject, s - 1))
            continue
        for pos, k in enumerate(idx):
            if doc.quote_of[k] >= 0:
                continue
            n = norms[pos]
            if according and norms[pos : pos + len(according)] == list(according):
                key = _according_to(doc, s, k + len(according), direct)
                if key:
                    break
            if (
                doc.language == "ru"
                and n == "по"
                and norms[pos + 1 : pos + 3] in (["его", "словам"], ["ее", "словам"])
            ):
                # "По его словам, …": he is the last leader spoken of.
                key = _salient(doc, toks[k].start, s, direct)
                if key:
                    break
            if n in lx.reporting or n in lx.reports_alone:
                if _quote_just_before(doc, k):
                    continue  # '"…," Modi told reporters': the quotation is what he said
                key = _reporting_subject(doc, idx, pos, direct)
                if key:
                    break
        if key:
            ss, se = doc.sentences[s]
            out.append(_Said(ss, se, doc.text[ss:se], "indirect", key, s))
    out.extend(_reported_mood(doc, direct, out))
    return out


def _according_to(doc: _Doc, s: int, k: int, direct: list[_Said]) -> str | None:
    """ "según Maduro, …"; "Selon Tina Salama, porte-parole …" (unknown to the
    knowledge base); "Según explicó después, …" (the one just spoken of)."""
    toks = doc.tokens
    after = [
        m for m in doc.mentions if m.sentence == s and k <= m.ti <= k + 3 and m.kind != "pronoun"
    ]
    if after:
        return _speaker_of(doc, after[0], direct)
    if k < len(toks) and doc.sent_of[k] == s and toks[k].norm in doc.lx.reporting:
        return _salient(doc, toks[k].start, s, direct)
    return _unknown_speaker(doc, k, k + 3, verb_seen=True)


def _reporting_subject(doc: _Doc, idx: list[int], pos: int, direct: list[_Said]) -> str | None:
    """Who reports speech with the verb at idx[pos], if the verb reports any: a
    complement ("a spus că", "erklärte, die USA bräuchten", "a dit vouloir"), or a
    verb that carries its content alone, or a trailing "…, sagte Peskow"."""
    lx, toks = doc.lx, doc.tokens
    k = idx[pos]
    s = doc.sent_of[k]
    n = toks[k].norm
    nxt = idx[pos + 1] if pos + 1 < len(idx) else None
    reported = (
        n in lx.reports_alone
        or _complement_follows(doc, idx, pos)
        or _infinitive_follows(doc, idx, pos)
        or doc.language == "en"
        and nxt is not None
        and n in _EN_SAID
        and doc.quote_of[nxt] < 0
        and doc.text[toks[k].end : toks[nxt].start].strip() == ""
        # German: "sagte (Scholz), Europa müsse …" (subjunctive after a comma)
        or doc.language == "de"
        and _comma_soon(doc, idx[pos:])
    )
    # "Ein Termin stehe noch nicht fest, sagte Kremlsprecher Dmitri Peskow."
    trailing = pos >= 4 and _clause_break(doc, k - 1) and not any(doc.quote_of[j] >= 0 for j in idx)
    if not reported and not trailing:
        return None
    before = [
        m
        for m in doc.mentions
        if m.sentence == s
        and m.tj <= k
        and k - m.tj <= 6
        and not m.dependent
        and not m.in_quote
        and not _object(doc, m)
    ]
    # "Milei, en cambio, mostró …": a name set off by commas before the verb is still
    # its subject, even though a comma stands right before the verb.
    if before and (not trailing or doc.text[before[-1].end : before[-1].end + 1] == ","):
        key = _speaker_of(doc, before[-1], direct)
        if key:
            return key
    # "sagte Scholz, …", "…, sagte Kremlsprecher Peskow": the subject follows.
    after = [
        m
        for m in doc.mentions
        if m.sentence == s and k < m.ti <= k + 4 and not m.dependent and not m.in_quote
    ]
    if after:
        key = _speaker_of(doc, after[0], direct)
        if key:
            return key
    if trailing or not reported:
        return _unknown_speaker(doc, k, k + 6, verb_seen=True)
    # "Secretarul general al ONU, António Guterres, a salutat acordul, dar a spus că …":
    # the sentence's subject, named further back, with no one else named in between.
    first = idx[0]
    subjects = [
        m
        for m in doc.mentions
        if m.sentence == s
        and m.tj <= k
        and not m.in_quote
        and not m.dependent
        and not m.oblique
        and not _object(doc, m)
    ]
    if (
        subjects
        and subjects[0].ti <= _clause_start(doc, s, subjects[0].ti + 1) + 2
        and all(m.key == subjects[0].key for m in subjects)
    ):
        key = _speaker_of(doc, subjects[0], direct)
        if key:
            return key
    if not subjects:
        # "El portavoz del Ejecutivo japonés, Yoshimasa Hayashi, explicó que …"
        unknown = _unknown_speaker(doc, max(first, k - 10), k + 1, verb_seen=False)
        if unknown:
            return unknown
        # "Le haut représentant a ajouté que …", "Liderul sârb a spus că …"
        start = _clause_start(doc, s, k)
        return _description_speaker(doc, start, k, toks[k].start, direct)
    return None


def _complement_follows(doc: _Doc, idx: list[int], pos: int) -> bool:
    """ "that" within a few words after the verb, or right after an aside set off by
    commas ("a jugé, lors de la conférence de presse, que …")."""
    toks, comp = doc.tokens, doc.lx.complementizers
    for step, j in enumerate(idx[pos + 1 : pos + 13]):
        if doc.quote_of[j] >= 0:
            return False
        if toks[j].norm in comp:
            return step < 5 or "," in doc.text[toks[j - 1].end : toks[j].start]
    return False


def _infinitive_follows(doc: _Doc, idx: list[int], pos: int) -> bool:
    """ "a dit vouloir", "disse esperar", "ha ribadito di essere", "s'est dit prêt"."""
    lx, toks = doc.lx, doc.tokens
    if not lx.infinitive_endings:
        return False
    for j in idx[pos + 1 : pos + 4]:
        t = toks[j]
        if doc.quote_of[j] >= 0 or "," in doc.text[toks[j - 1].end : t.start]:
            return False
        if t.norm in lx.infinitive_links:
            continue
        if t.norm in lx.ready:
            return True
        return len(t.norm) >= 3 and t.raw.islower() and t.norm.endswith(lx.infinitive_endings)
    return False


def _reported_mood(doc: _Doc, direct: list[_Said], found: list[_Said]) -> list[_Said]:
    """German reported speech goes on in the subjunctive: "„…“, sagte er. Die Alliierten
    hätten sich darauf verständigt, …" is his too, as long as the paragraph lasts."""
    lx = doc.lx
    if not lx.reported_mood:
        return []
    by_sentence = {x._sentence: x._key for x in (*direct, *found)}
    out = []
    for s in range(1, len(doc.sentences)):
        if s in by_sentence or doc.paragraph_of_sentence[s] != doc.paragraph_of_sentence[s - 1]:
            continue
        key = by_sentence.get(s - 1)
        idx = _sentence_tokens(doc, s)
        if not key or any(doc.quote_of[k] >= 0 for k in idx):
            continue
        forms = {doc.tokens[k].norm for k in idx}
        if forms & lx.reported_mood and not forms & lx.reporting:
            ss, se = doc.sentences[s]
            out.append(_Said(ss, se, doc.text[ss:se], "indirect", key, s))
            by_sentence[s] = key
    return out


def _comma_soon(doc: _Doc, idx: list[int]) -> bool:
    """A comma within a few words after the speech verb at idx[0], outside quotes."""
    for j in idx[:6]:
        if doc.quote_of[j] >= 0:
            return False
        if j + 1 < len(doc.tokens) and "," in doc.text[doc.tokens[j].end : doc.tokens[j + 1].start]:
            return True
    return False


def _quote_just_before(doc: _Doc, k: int) -> bool:
    """A quotation closes within a few words before token k, in its sentence."""
    start = doc.tokens[k].start
    s0 = doc.sentences[doc.sent_of[k]][0]
    return any(s0 <= qe <= start and start - qe <= 40 for _, qe in doc.quotes)


def _link_statements(
    doc: _Doc, meetings: list[ExtractedMeeting], statements: list[ExtractedStatement]
) -> None:
    """A statement belongs to the current meeting its speaker took part in."""
    for st in statements:
        for i, m in enumerate(meetings):
            if m.reported_as == "current" and st.speaker in m.participants:
                st.meeting = i
                break


# --------------------------------------------------------------------------- leaders


def _leaders(doc: _Doc, meetings, statements) -> list[ExtractedLeader]:
    """Everyone named, plus those known only by role or pronoun who met or spoke."""
    spans: dict[str, list[tuple[int, int]]] = {}
    order: list[str] = []
    for m in doc.mentions:
        if m.key is None or m.kind not in ("name", "demonym"):
            continue
        if m.key not in spans:
            spans[m.key] = []
            order.append(m.key)
        spans[m.key].append((m.start, m.end))
    for key in doc.involved:
        if key not in spans:
            spans[key] = []
            order.append(key)
    out = []
    for key in order:
        entry = _entry(doc, key)
        known = key not in doc.unknown
        office = doc.kb.office_on(key, doc.published) if known else None
        role = office.title if office else doc.unknown_titles.get(key, "")
        out.append(
            ExtractedLeader(
                name=entry.name,
                country=entry.country,
                role=role,
                known=known,
                key=key if known else None,
                mentions=spans[key],
            )
        )
    return out
