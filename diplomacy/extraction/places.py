"""Stage 2, places: countries, cities, venues, capitals and unknown towns.

Reads the tokens and the place phrase index. Adds ``doc.places`` (``Place``: kind,
country code, city, whether locative or a dateline) and the tokens they cover
(``country_tokens``, ``place_tokens``).
"""

from __future__ import annotations

from diplomacy.extraction import geo, lexicon
from diplomacy.extraction.document import Document, Place
from diplomacy.extraction.prepare import candidate_tokens, capitalised
from diplomacy.extraction.words import CAPITAL_FIRSTS, FILLERS, ROLE_LINKS, US_STATES


def find_places(doc: Document) -> None:
    toks, lx = doc.tokens, doc.lx
    i = 0
    for start in candidate_tokens(doc, lx.places.firsts):
        if start < i:
            continue
        i = start
        n, payloads = lx.places.match(toks, i, doc.language, doc.joined, forms=doc.forms)
        if not n:
            i += 1
            continue
        kind, code_or_name, extra, acronym = payloads[0]
        if not capitalised(toks[i]):
            # "le Premier ministre indien": German "Indien" (India) is a name, but the
            # lower-case word is the French adjective.
            kind, code_or_name, extra, acronym = next(
                (p for p in payloads if p[0] == "country" and p[2] == "adj"), payloads[0]
            )
        raw = doc.text[toks[i].start : toks[i + n - 1].end]
        if acronym and not raw.replace(".", "").isupper():
            i += n
            continue
        if kind == "country" and extra == "name" and not capitalised(toks[i]):
            i += n
            continue
        if kind in ("city", "venue") and not (
            capitalised(toks[i])
            # "palais Chigi", "palais Bellevue": a building noun before the name.
            or (
                kind == "venue"
                and n > 1
                and toks[i].norm in FILLERS
                and capitalised(toks[i + n - 1])
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


def _capital_phrases(doc: Document) -> None:
    """ "capitala chineză", "the DPRK capital", "столица Китая" → that country's capital."""
    by_start = {p.ti: p for p in doc.places if p.kind == "country"}
    by_end = {p.tj: p for p in doc.places if p.kind == "country"}
    for i in candidate_tokens(doc, CAPITAL_FIRSTS):
        country = None
        j = i + 1
        while j < len(doc.tokens) and j <= i + 2 and doc.tokens[j].norm in ROLE_LINKS:
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


def _unknown_towns(doc: Document) -> None:
    """ "in Woodside, California", "in Qingdao, east China": a town we do not list."""
    known = {p.ti for p in doc.places}
    countries = {p.ti: p for p in doc.places if p.kind == "country"}
    toks = doc.tokens
    for i in range(1, len(toks) - 2):
        if toks[i - 1].norm not in doc.lx.locative or i in known:
            continue
        if not capitalised(toks[i]) or doc.quote_of[i] >= 0:
            continue
        gap = doc.text[toks[i].end : toks[i + 1].start]
        if gap.strip() != ",":
            continue
        j = i + 1
        if toks[j].norm in _COMPASS_WORDS:
            j += 1
        code = None
        if j in countries:
            code = countries[j].code
        elif toks[j].norm in US_STATES and capitalised(toks[j]):
            code = "US"
        if code:
            doc.places.append(
                Place(toks[i].start, toks[i].end, i, i + 1, "city", code, toks[i].raw)
            )


_COMPASS_WORDS = lexicon.union("compass_words")
_BARE_LOCATIVES = lexicon.union("bare_locatives")
_LOCATIVE_FILLERS = lexicon.table("locative_fillers")


def _is_locative(doc: Document, ti: int) -> bool:
    j = ti - 1
    steps = 0
    while j >= 0 and steps < 4:
        norm = doc.tokens[j].norm
        if norm in doc.lx.locative or norm in _BARE_LOCATIVES:
            return True
        if norm not in FILLERS and norm not in _LOCATIVE_FILLERS[doc.language]:
            return False
        j -= 1
        steps += 1
    return False


def _is_dateline(doc: Document, place: Place) -> bool:
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
