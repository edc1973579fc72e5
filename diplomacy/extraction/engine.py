"""The extraction engine: article text → leaders, meetings and statements.

Steps: language → tokens, quotations, sentences → places, roles, names, demonyms,
pronouns (mentions) → meetings (a meeting word with the leaders it links, dated and
placed) → statements (quotations and reported speech with their speakers).

Precision comes first for meetings: a meeting needs a meeting word outside any
quotation, not negated or future, and two distinct leaders linked to that word in
the same sentence. Two leaders merely named together make no meeting.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
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
    after_blockers: set[str]
    determiners: set[str]


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
    triggers.freeze()
    two_sides = PhraseIndex()
    for phrase in lexicon.TWO_SIDES.get(language, ()):
        two_sides.add(fold_phrase(phrase), True)
    two_sides.freeze()
    speech = _words(lexicon.SPEECH_VERBS.get(language, ""))
    return _Lang(
        places=places,
        roles=roles,
        triggers=triggers,
        two_sides=two_sides,
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
        after_blockers=_words(lexicon.AFTER_BLOCKERS.get(language, "")),
        determiners=_words(lexicon.DETERMINERS.get(language, set())),
    )


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) <= 4 and all(c.isupper() for c in letters)


_WITH = _words(lexicon.WITH_WORDS)
_NEWLINE_RE = re.compile("\n")
_JOINERS = " -‐‑'’.\u00a0"
# Gaps that keep two words in one phrase: a space, a hyphen, an apostrophe ("Jong-un").
_JOIN_GAPS = frozenset(a + b for a in _JOINERS for b in ("", *_JOINERS))
_CAPITAL = _words(lexicon.CAPITAL_WORDS)
_FILLERS = _words(lexicon.PLACE_FILLERS)
_ROLE_LINKS = _words(lexicon.ROLE_LINKS)
_ROLE_ELECT = _words(lexicon.ROLE_ELECT)
_QUESTION = _words(lexicon.QUESTION_WORDS)
_CONJ = {"and", "si", "et", "und", "y", "e", "i", "и", "a"}
_GENITIVE_RU = ("а", "я", "ого", "его", "ы", "и")
_ACCORDING = {
    "en": ("according", "to"),
    "ro": ("potrivit",),
    "fr": ("selon",),
    "de": ("laut",),
    "es": ("segun",),
    "it": ("secondo",),
    "pt": ("segundo",),
    "ru": ("по", "словам"),
}
_ACCORDING_WORDS = {
    "according",
    "potrivit",
    "conform",
    "selon",
    "laut",
    "segun",
    "secondo",
    "segundo",
    "словам",
}
_RELATIVES = _words(lexicon.RELATIVES)
# After a comma these start a new clause, with its own time ("…, and talks will go on").
_COORDINATORS = _words(
    "and but while whereas și iar dar însă et mais tandis y pero mientras e ma mentre mas "
    "enquanto и а но"
)
_PARTICLES = _words(lexicon.NAME_PARTICLES)
# Romanian genitive endings: "Apărării", "Externelor", "Guvernului" are not names.
_RO_GENITIVE = ("ului", "ilor", "elor", "ii", "iei")
_REQUEST = _words(lexicon.REQUEST_WORDS)
_POSSESSIVES = _words(lexicon.POSSESSIVES)
_EVENT_NOUNS = _words(
    "summit summits summitul summitului sommet cumbre vertice cúpula саммит саммите саммита "
    "gipfel conference conferință conférence conferencia conferenza conferência конференция"
)
_VISIT_NOUNS = _words("visit vizită vizita vizitei visite visita визит визита визите besuch")
_RECEIVE = _words(
    "received hosted welcomed primit întâmpinat găzduit reçu reçue accueilli accueillie "
    "recibió ricevuto accolto recebeu принял empfing empfangen"
)
# Future verb endings, on the lower-cased word with its accents ("terranno", "será").
_FUTURE_RE = {
    "it": re.compile(r"\w{2,}(?:rà|ranno)$"),
    "es": re.compile(r"\w{2,}(?:rá|rán)$"),
    "pt": re.compile(r"\w{2,}(?:rá|rão)$"),
    "fr": re.compile(
        r"\w{2,}(?:era|eront|ira|iront|dra|dront|rra|rront)$|^(?:aura|auront|sera|seront|fera|feront)$"
    ),
}
_THIS_SAID = {"об", "это", "lo", "so", "this", "acest", "asta", "cela", "ceci", "isso", "esto"}
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
    unknown_titles: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- API


def extract(text: str, published: date | None, kb: KnowledgeBase) -> Extraction:
    """Leaders, meetings and statements of one article. Deterministic."""
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
    meetings = [
        {
            "participants": list(m.participants),
            "date": m.date,
            "date_precision": m.date_precision,
            "location": (
                {"name": m.location_name, "country": m.location_country}
                if m.location_name
                else None
            ),
            "kind": m.kind,
            "reported_as": m.reported_as,
            "confidence": m.confidence,
            "evidence": [{"start": e.start, "end": e.end, "text": e.text} for e in m.evidence],
        }
        for m in extraction.meetings
    ]
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
        "statements": statements,
    }


# --------------------------------------------------------------------------- preparation


def _prepare(text: str, body: int, language: str, published, kb) -> _Doc:
    tokens = tokenize(text, body)
    # Only Russian (Cyrillic) and Romanian words have case-ending variants.
    forms = [
        variants(t.norm, language) if language == "ro" or t.norm[0] >= "\u0400" else (t.norm,)
        for t in tokens
    ]
    positions: dict[str, list[int]] = {}
    for k, token_forms in enumerate(forms):
        for form in token_forms:
            positions.setdefault(form, []).append(k)
    joined = [text[a.end : b.start] in _JOIN_GAPS for a, b in zip(tokens, tokens[1:], strict=False)]
    joined.append(False)
    quotes = [q for q in find_quotes(text) if q[0] >= body]
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


def _candidates(doc: _Doc, firsts: frozenset[str]) -> list[int]:
    """Token positions where a phrase of an index may start, in text order.

    Intersecting the article's distinct word forms with the index's first words is far
    cheaper than testing every token against every index.
    """
    hits = doc.positions.keys() & firsts
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
        raw = doc.text[toks[i].start : toks[i + n - 1].end]
        if acronym and not raw.replace(".", "").isupper():
            i += n
            continue
        if kind == "country" and extra == "name" and not _capitalised(toks[i]):
            i += n
            continue
        if kind in ("city", "venue") and not _capitalised(toks[i]):
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
    for i, forms in enumerate(doc.forms):
        if _CAPITAL.isdisjoint(forms):
            continue
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
            ):
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
            gap_after = doc.text[m.end : doc.tokens[m.tj].start] if m.tj < len(toks) else ""
            if m.tj in by_ti and gap_after.strip() in ("", ","):
                continue
            gap_before = doc.text[doc.tokens[m.ti - 1].end : m.start] if m.ti > 0 else ""
            if m.ti in by_tj and gap_before.strip() in ("", ","):
                continue
        kept.append(m)
    doc.mentions = kept


def _entry(doc: _Doc, key: str) -> LeaderEntry:
    return doc.unknown.get(key) or doc.kb.leaders[key]


_NOT_NAME = _words(
    "council european union nations ministry government parliament house office bank fund "
    "court committee commission national federal federation republic party state states "
    "united affairs foreign external security defence defense justice interior economy "
    "consiliul consiliului comisia guvernul parlamentul ministerul partidul uniunea "
    "conseil commission gouvernement ministère parti union consiglio governo ministero "
    "consejo gobierno ministerio conselho governo ministério совет правительство "
    "министерство мид"
)
_FUNCTION_WORDS = {w for words in lexicon.STOPWORDS.values() for w in _words(words)}
_CALENDAR = _words(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
)


def _unknown_people(doc: _Doc, found: list) -> list:
    """ "Foreign Minister Ahmed Attaf": a title, then a first and last name the knowledge
    base does not know. They become leaders with ``known: false``."""
    toks, text = doc.tokens, doc.text
    covered = {k for i, n, *_ in found for k in range(i, i + n)}
    titles = doc.lx.titles
    # Where a role phrase ends ("ministrul de externe, Oana Țoiu") a name may follow too.
    role_ends = {m.tj - 1: m for m in doc.mentions if m.kind == "role"}
    out = []
    for k, tok in enumerate(toks):
        if k in covered or (k not in role_ends and titles.isdisjoint(doc.forms[k])):
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
                _capitalised(t)
                and t.raw.isalpha()
                and j not in covered
                and j not in doc.place_tokens
                and t.norm not in _NOT_NAME
                and t.norm not in _CALENDAR
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


def _later_surnames(doc: _Doc, found: list) -> list:
    """After "Pedro Sánchez", a bare "Sánchez" is him, whether or not the knowledge
    base lists the surname as an alias."""
    local: dict[str, str] = {}
    first_at: dict[str, int] = {}
    for i, n, keys, single, _ in found:
        if not single and n >= 2 and len(keys) == 1:
            surname = doc.tokens[i + n - 1].norm
            if len(surname) >= 3 and surname not in local:
                local[surname] = keys[0]
                first_at[surname] = i
    if not local:
        return []
    covered = {k for i, n, *_ in found for k in range(i, i + n)}
    extra = []
    surnames = local.keys()
    for k, forms in enumerate(doc.forms):
        if surnames.isdisjoint(forms) or k in covered or not _capitalised(doc.tokens[k]):
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
        if tok.norm in folded_pronouns and tok.raw.lower() in lx.pronouns and i not in taken:
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
        if doc.language == "ru" and m.inflection:
            m.oblique = True
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
        m.reporter = _is_reporter(doc, m)


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
    for k in range(j, min(len(toks), j + 3)):
        if toks[k].norm in lx.speech:
            return True
    for k in range(max(0, m.ti - 3), m.ti):
        if toks[k].norm in lx.speech or toks[k].norm in _ACCORDING_WORDS:
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
            and m.key
        ]
        if cands:
            return cands[0].key
        if _names_someone_else(doc, s, before):
            return None  # "John Smith, a resident, ..." : "he" is probably him
    return None


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
    if m.kind == "role" and m.role:
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


def _find_triggers(doc: _Doc) -> list[_Trigger]:
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
        if not _blocked(doc, i, i + n):
            event = n == 1 and toks[i].norm in _EVENT_NOUNS
            out.append(_Trigger(i, i + n, bool(payloads[0]) or event, doc.sent_of[i], event))
        i += n
    return out


def _blocked(doc: _Doc, ti: int, tj: int) -> bool:
    toks, blockers = doc.tokens, doc.lx.blockers
    s = doc.sent_of[ti]
    k = ti - 1
    future = _FUTURE_RE.get(doc.language)
    while k >= 0 and doc.sent_of[k] == s:
        if toks[k].norm in doc.lx.future_verbs:
            return True
        raw = toks[k].raw
        # Lower case only: "Narendra" ends like a French future, but is a name.
        if future and doc.quote_of[k] < 0 and raw[0].islower() and future.match(raw):
            return True
        k -= 1
    for k in list(range(max(0, ti - 4), ti)) + list(range(tj, min(len(toks), tj + 1))):
        if doc.sent_of[k] == s and (toks[k].norm in blockers or toks[k].norm in _REQUEST):
            return True
    # "a meeting with Putin was cancelled / is possible": look on to the end of the clause.
    after = doc.lx.after_blockers
    for k in range(tj, min(len(toks), tj + 10)):
        if doc.sent_of[k] != s or doc.quote_of[k] >= 0:
            break
        raw = toks[k].raw
        if toks[k].norm in after or (future and raw[0].islower() and future.match(raw)):
            return True
        if k + 1 < len(toks) and "," in doc.text[toks[k].end : toks[k + 1].start]:
            break
    return False


def _find_meetings(doc: _Doc) -> list[ExtractedMeeting]:
    triggers = _find_triggers(doc)
    if not triggers:
        return []
    protagonist = _protagonist(doc)
    news_date = _news_date(doc, triggers)
    by_sentence: dict[int, list[_Trigger]] = {}
    for t in triggers:
        by_sentence.setdefault(t.sentence, []).append(t)
    found: list[ExtractedMeeting] = []
    for s, trigs in by_sentence.items():
        people = [m for m in doc.mentions if m.sentence == s and not m.in_quote and not m.dependent]
        # "Putin, who hosted the summit, met Pezeshkian": a meeting word inside a
        # relative clause that names nobody does not compete for the sentence's people.
        inner = [t for t in trigs if _in_empty_relative_clause(doc, t, people)]
        if inner and len(inner) < len(trigs):
            trigs = [t for t in trigs if t not in inner]
        assigned = _assign(doc, people, trigs)
        # A vague word that links nobody ("reçu" without its object) gives its people
        # back to the other meeting words of the sentence.
        kept = [
            t
            for t in trigs
            if not t.weak or _weak_ok(doc, t, assigned[id(t)]) or _weak_ok(doc, t, people)
        ]
        if len(kept) < len(trigs) and kept:
            trigs, assigned = kept, _assign(doc, people, kept)
        for t in trigs:
            meeting = _meeting_for(doc, t, assigned[id(t)], protagonist, news_date)
            if meeting is not None:
                found.append(meeting)
    _adopt_dates(doc, found, news_date)
    return _merge(found)


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
    return not any(comma < m.start < end for m in people)


def _assign(doc: _Doc, people: list[Mention], trigs: list[_Trigger]) -> dict[int, list[Mention]]:
    """Each leader mention goes to the nearest meeting word of its sentence, except that
    one introduced by "with" goes to the meeting word that "with" follows ("se reunió ...
    con X, al margen de la cumbre")."""
    assigned: dict[int, list[Mention]] = {id(t): [] for t in trigs}
    if not trigs:
        return assigned
    clauses = _subclauses(doc, trigs[0].sentence)
    for m in people:
        # Only meeting words of the mention's own clause compete for it; the leader
        # right before ", who ..." also belongs to that relative clause.
        mine = {_clause_of(clauses, m.start)}
        after = doc.text[m.end : m.end + 2]
        if after.startswith(","):
            mine.add(_clause_of(clauses, m.end + 1))
        local = [t for t in trigs if _clause_of(clauses, doc.tokens[t.ti].start) in mine]
        if not local:
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
        assigned[id(owner)].append(m)
    return assigned


def _subclauses(doc: _Doc, sentence: int) -> list[tuple[int, int]]:
    """Spans of the sentence's subordinate and coordinated clauses: from a comma followed
    by "who", "when", "and", "care", "qui", "que"... to the next comma."""
    s, e = doc.sentences[sentence]
    text = doc.text
    spans = []
    c = text.find(",", s, e)
    while c >= 0:
        words = _first_word(text[c + 1 : c + 25])
        nxt = text.find(",", c + 1, e)
        if words and (words[0] in _RELATIVES or words[0] in _COORDINATORS):
            spans.append((c, nxt if nxt >= 0 else e))
        c = nxt
    return spans


def _first_word(text: str) -> tuple[str, ...]:
    m = TOKEN_RE.search(text)
    return (fold(m.group()),) if m else ()


def _clause_of(spans: list[tuple[int, int]], pos: int) -> int:
    for i, (a, b) in enumerate(spans):
        if a <= pos < b:
            return i + 1
    return 0


def _weak_ok(doc: _Doc, t: _Trigger, mentions: list[Mention]) -> bool:
    """A vague meeting word counts with "with" after it, conjoined parties, or, for a
    reception verb, its object right after it ("a reçu jeudi Donald Trump")."""
    w = _with_after(doc, t)
    # "with"/"between" must introduce a leader ("talks between US and Russian officials"
    # does not link the leaders named elsewhere in the sentence).
    if w is not None and any(w < m.ti <= w + 8 for m in mentions):
        return True
    # Conjoined parties ("Putin and Kim held talks") do not make a summit a meeting of
    # theirs: "X and Y clashed during a summit" is not one.
    if not t.event and _conjoined(doc, mentions):
        return True
    if doc.tokens[t.ti].norm in _RECEIVE:
        return any(t.tj <= m.ti <= t.tj + 8 and m.kind != "pronoun" for m in mentions) and any(
            m.tj <= t.ti for m in mentions
        )
    return False


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
    if when is not None and when.future:
        return None
    if when is not None:
        value, precision, day = when.value, when.precision, when.day
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
        if _object_of_with(doc, t, only):
            # "teve encontro com X", "întâlnirea cu X": the other party is the clause's
            # subject, named earlier in the sentence, or else the article's protagonist.
            partner = _preceding_leader(doc, t, keys[0]) or protagonist
            if partner and partner != keys[0]:
                keys = [partner, *keys]
        elif not t.weak and t.tj <= only.ti <= t.tj + 3:
            # "puis a rencontré Giorgia Meloni": the object of a meeting verb; the
            # subject is the leader named before it in the sentence.
            partner = _preceding_leader(doc, t, keys[0])
            if partner:
                keys = [partner, *keys]
        else:
            extra = _two_sides(doc, t, keys[0])
            keys.extend(k for k in extra if k not in keys)
            linked = bool(extra)
    if len(keys) < 2:
        return None
    if t.weak and not linked and not _weak_ok(doc, t, mentions):
        return None
    past = _is_past(day, precision, news_date) or bool(when and when.past)
    place = _meeting_place(doc, t, s, e, current=not past or _recent(day, news_date))
    # Call and visit words count near the meeting word only ("a video released by his
    # office" later in the sentence does not make talks a video call).
    span = _sentence_tokens(doc, t.sentence)
    window = range(max(span.start, t.ti - 6), min(span.stop, t.tj + 6))
    words = {f for k in window if doc.quote_of[k] < 0 for f in doc.forms[k]}
    countries = {_entry(doc, k).country for k in keys}
    if words & doc.lx.calls:
        kind = "call"
    elif len(countries) >= 3:
        kind = "multilateral"
    elif (
        (doc.tokens[t.ti].norm in doc.lx.visits or _visit_noun_near(doc, t))
        and place is not None
        and place[1] in countries
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
        reported_as="past" if past else "current",
        confidence=confidence,
        evidence=[Span(s, e, doc.text[s:e])],
    )
    if when is None:
        doc.undated.add(id(meeting))
    return meeting


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


def _preceding_leader(doc: _Doc, t: _Trigger, other: str) -> str | None:
    """The subject before a meeting word: the nearest leader named earlier in the
    sentence who is not himself the object of "with" ("X s'est entretenu avec Y, puis a
    rencontré Z": X)."""
    before = [
        m
        for m in doc.mentions
        if m.sentence == t.sentence
        and m.tj <= t.ti
        and not m.in_quote
        and not m.dependent
        and not m.oblique
        and not any(doc.tokens[k].norm in _WITH for k in range(max(0, m.ti - 3), m.ti))
    ]
    for m in reversed(before):
        key = _resolve(doc, m)
        if key and key != other:
            return key
    return None


def _visit_noun_near(doc: _Doc, t: _Trigger) -> bool:
    span = _sentence_tokens(doc, t.sentence)
    return any(
        doc.tokens[k].norm in _VISIT_NOUNS
        for k in range(max(span.start, t.ti - 3), min(span.stop, t.tj + 3))
    )


def _with_after(doc: _Doc, t: _Trigger) -> int | None:
    for k in range(t.tj, min(len(doc.tokens), t.tj + 5)):
        if doc.sent_of[k] != t.sentence:
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
    return False


def _two_sides(doc: _Doc, t: _Trigger, present: str) -> list[str]:
    """ "the two countries ... Pyongyang and Moscow": each named country stands for its
    leader, when that leader is named in the article."""
    s = t.sentence
    toks = doc.tokens
    hit = False
    for k in _sentence_tokens(doc, s):
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
    dates = [d for d in _dates_in(doc, s, e) if not _in_quote_span(doc, d.start)]
    if not dates:
        return None
    anchor = doc.tokens[t.ti].start
    dates = [d for d in dates if not _other_clause(doc, anchor, d.start)]
    if not dates:
        return None
    return min(dates, key=lambda d: min(abs(d.start - anchor), abs(d.end - anchor)))


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
        if when is None and t.sentence == 0 and _headline_like(doc, s, e):
            continue
        if when is None or when.future or when.precision != "day" or doc.published is None:
            return doc.published
        return when.day if (doc.published - when.day).days <= 2 else doc.published
    return doc.published


def _headline_like(doc: _Doc, s: int, e: int) -> bool:
    """A first line without closing punctuation: a headline or a subheading."""
    line_end = doc.text.find("\n", s)
    line = doc.text[s : line_end if line_end >= 0 else len(doc.text)].rstrip()
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
            if other is m or id(other) in doc.undated or other.date_precision != "day":
                continue
            day = date.fromisoformat(other.date)
            if (
                set(other.participants) == set(m.participants)
                and 0 <= (doc.published - day).days <= 2
            ):
                m.date, m.date_precision = other.date, "day"
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
            and (p.locative or p.kind == "venue")
            and not _in_quote_span(doc, p.start)
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
        if _dated_elsewhere(doc, ks, ke):
            continue  # "Anul trecut, ... la Cotroceni": another time, another place
        near = [p for p in doc.places if ks <= p.start < ke and usable(p)]
        if near:
            return near[0].city, near[0].code
    everywhere = [
        p
        for p in doc.places
        if usable(p) and not _dated_elsewhere(doc, *doc.sentences[_sentence_at(doc, p.start)])
    ]
    if not everywhere:
        return None
    counts = Counter((p.city, p.code) for p in everywhere)
    return max(counts, key=lambda c: counts[c])


def _dates_in(doc: _Doc, s: int, e: int) -> list[DateMention]:
    """Dates of a text span, computed once per span (sentences are asked about often)."""
    if doc.published is None:
        return []  # relative dates cannot be resolved without the publication date
    found = doc.date_cache.get((s, e))
    if found is None:
        found = doc.date_cache[(s, e)] = find_dates(doc.folded, s, e, doc.language, doc.published)
    return found


def _dated_elsewhere(doc: _Doc, s: int, e: int) -> bool:
    """The sentence is dated away from the publication (a back-reference)."""
    dates = _dates_in(doc, s, e)
    return any(d.past or d.future or (doc.published - d.day).days > 7 for d in dates)


_KIND_ORDER = {"call": 0, "visit": 1, "multilateral": 2, "bilateral": 3}


def _merge(found: list[ExtractedMeeting]) -> list[ExtractedMeeting]:
    merged: list[ExtractedMeeting] = []
    for m in found:
        same = next(
            (x for x in merged if set(x.participants) == set(m.participants) and x.date == m.date),
            None,
        )
        if same is None:
            merged.append(m)
            continue
        same.evidence.extend(m.evidence)
        same.confidence = max(same.confidence, m.confidence)
        if _KIND_ORDER[m.kind] < _KIND_ORDER[same.kind]:
            same.kind = m.kind
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
    text, toks = doc.text, doc.tokens
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
        after = [m for m in cands if qe <= m.start < min(e, next_quote) and not m.oblique]
        if after:
            return _resolve(doc, after[0])
        pron = [
            m for m in doc.mentions if m.kind == "pronoun" and qe <= m.start < min(e, next_quote)
        ]
        verb = any(
            t.norm in doc.lx.speech
            for t in toks[_token_at(doc, qe) : _token_at(doc, qe) + 4]
            if t.start < min(e, next_quote)
        )
        if verb and not pron:
            unknown = _unknown_speaker(doc, _token_at(doc, qe), _token_at(doc, min(e, next_quote)))
            if unknown:
                return unknown
        if verb and not pron and _named_subject_after_verb(doc, qe, min(e, next_quote)):
            return None
        if pron or verb:
            return _salient(doc, qs, sentence - 1 if sentence else 0, said) or (
                _salient(doc, qs, sentence, said)
            )
    before = [
        m for m in cands if max(s, prev_quote_end if tail else s) <= m.end <= qs and not m.oblique
    ]
    # "Putin „și-a exprimat poziția”": a name straight before the quote is its
    # grammatical subject in narration, not the author of the words.
    before = [m for m in before if text[m.end : qs - 1].strip() != ""]
    if before and (_introduces(doc, before[-1].end, qs) or _after_according(doc, before[-1])):
        return _resolve(doc, before[-1])
    pron = [m for m in doc.mentions if m.kind == "pronoun" and s <= m.start < qs]
    if pron:
        return _resolve(doc, pron[-1], said)
    if not before:
        lo = _token_at(doc, max(s, prev_quote_end))
        unknown = _unknown_speaker(doc, lo, _token_at(doc, qs), before_quote=True)
        if unknown:
            return unknown
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
    return None


_NOT_SPEAKER = _words(
    "press news agency times post journal tass ria novosti interfax xinhua reuters bloomberg "
    "cnn bbc afp ap ansa efe agerpres mediafax sputnik kremlin elysee pentagon white house "
    "ministry minister foreign spokesman spokesperson spokeswoman said told according"
)


def _unknown_speaker(doc: _Doc, a: int, b: int, before_quote: bool = False) -> str | None:
    """A first and last name next to a speech verb, unknown to the knowledge base:
    "…,” said John Kirby" / "John Kirby said: “…”". They become ``known: false``."""
    toks = doc.tokens
    b = min(b, a + 10, len(toks))
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
        near = range(max(a, first - 2), min(len(toks), last + 4))
        if not any(toks[k].norm in doc.lx.speech for k in near):
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
    """Between a name and a quotation: a speech verb, or a colon right before it."""
    if doc.text[a:qs].rstrip()[-1:] == ":":
        return True
    return any(t.norm in doc.lx.speech for t in doc.tokens[_token_at(doc, a) : _token_at(doc, qs)])


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
    out = []
    for i, x in enumerate(said):
        if any(
            j != i and len(normed[j]) > len(normed[i]) and normed[i] and normed[i] in normed[j]
            for j in range(len(said))
        ):
            continue
        out.append(x)
    return out


def _indirect(doc: _Doc, direct: list[_Said]) -> list[_Said]:
    """Reported speech: "Kim a afirmat că ...", "According to Motegi, ...", and the
    sentence before "Об этом рассказал X"."""
    out = []
    lx, toks = doc.lx, doc.tokens
    quoted = {x._sentence for x in direct}
    quote_sentences = {_sentence_at(doc, q[0]) for q in doc.quotes}
    by_sentence = {s: list(_sentence_tokens(doc, s)) for s in range(len(doc.sentences))}
    according = _ACCORDING.get(doc.language, ())
    for s, idx in by_sentence.items():
        if s in quoted or s in quote_sentences:
            continue
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
            n = toks[k].norm
            if according and norms[pos : pos + len(according)] == list(according):
                after = [
                    m
                    for m in doc.mentions
                    if m.sentence == s
                    and m.ti >= k + len(according)
                    and m.ti <= k + len(according) + 3
                    and m.kind != "pronoun"
                ]
                if after:
                    key = _resolve(doc, after[0])
                    break
            if n in lx.speech and (
                any(toks[j].norm in lx.complementizers for j in idx[pos + 1 : pos + 6])
                # English drops "that": "Blinken said he would not do so".
                or doc.language == "en"
                and pos + 1 < len(idx)
                and toks[idx[pos + 1]].norm in {"he", "she", "they", "it", "we", "i"}
            ):
                before = [
                    m
                    for m in doc.mentions
                    if m.sentence == s and m.tj <= k and not m.dependent and not m.in_quote
                ]
                if before:
                    key = _resolve(doc, before[-1], direct)
                    if key:
                        break
        if key:
            ss, se = doc.sentences[s]
            out.append(_Said(ss, se, doc.text[ss:se], "indirect", key, s))
    return out


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
