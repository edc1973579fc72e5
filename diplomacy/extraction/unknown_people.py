"""People the knowledge base does not know, named after a title or a role.

Reads the tokens after each title ("Foreign Minister", "omologul său moldovean,") and
role phrase. Gives the first and last name found there (skipping the office's
complement), noted in ``doc.unknown`` with their country and title; they become leaders
with ``known: false``. Also the words that are never part of a name.
"""

from __future__ import annotations

from diplomacy.extraction import lexicon
from diplomacy.extraction.document import Document
from diplomacy.extraction.prepare import candidate_tokens, capitalised
from diplomacy.extraction.types import (
    LeaderEntry,
)
from diplomacy.extraction.words import (
    GENITIVE_ENDINGS,
    PARTICLES,
    POSSESSIVES,
    ROLE_LINKS,
    folded_words,
)

NOT_NAME = folded_words(lexicon.every("not_name"))


FUNCTION_WORDS = {w for words in lexicon.STOPWORDS.values() for w in folded_words(words)}


CALENDAR = folded_words(lexicon.every("calendar"))


def unknown_people(doc: Document, found: list) -> list:
    """ "Foreign Minister Ahmed Attaf": a title, then a first and last name the knowledge
    base does not know. They become leaders with ``known: false``."""
    toks, text = doc.tokens, doc.text
    covered = {k for i, n, *_ in found for k in range(i, i + n)}
    # Where a role phrase ends ("ministrul de externe, Oana Țoiu") a name may follow too.
    role_ends = {m.tj - 1: m for m in doc.mentions if m.kind == "role"}
    out = []
    # Only where a title or a role ends: a set lookup per distinct word, not per token.
    starts = sorted(set(candidate_tokens(doc, doc.lx.title_firsts)) | set(role_ends))
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
            and (toks[j].norm in POSSESSIVES or j in doc.country_tokens)
        ):
            if j in doc.country_tokens:
                country = next(p.code for p in doc.places if p.ti <= j < p.tj)
            j += 1
        if j >= len(toks) or text[toks[j - 1].end : toks[j].start] not in (" ", ", "):
            continue
        names = _name_tokens(doc, j, covered)
        if len(names) < 2 or _title_case_line(doc, k):
            continue
        first, last = names[0], names[-1]
        for b in (*range(max(0, k - 3), k), *range(j, first)):
            # "Chilean President X", "el presidente de Colombia, X": the country before
            # the title or in the office's complement skipped before the name.
            if b in doc.country_tokens:
                country = next(p.code for p in doc.places if p.ti <= b < p.tj)
        # The role's own words ("dirigeant libyen"), not only its last ("libyen").
        title = text[role.start : role.end] if role is not None else text[tok.start : tok.end]
        out.append(_note_unknown(doc, first, last, country, title))
        covered.update(range(first, last + 1))
        # "Los presidentes de Colombia, X, y de Venezuela, Y": a shared title, each
        # name after its own country.
        nxt = _next_of_shared_title(doc, last + 1, covered)
        if nxt is not None:
            (first, last), country = nxt
            out.append(_note_unknown(doc, first, last, country, title))
            covered.update(range(first, last + 1))
    return out


def _note_unknown(doc: Document, first: int, last: int, country: str, title: str) -> tuple:
    toks = doc.tokens
    name = doc.text[toks[first].start : toks[last].end]
    key = "unknown:" + " ".join(toks[x].norm for x in range(first, last + 1))
    if key not in doc.unknown:
        doc.unknown[key] = LeaderEntry(key=key, name=name, country=country)
        doc.unknown_titles[key] = title
    return (first, last + 1 - first, [key], False, "")


_AND = {language: folded_words(words) for language, words in lexicon.table("and_words").items()}


def _next_of_shared_title(
    doc: Document, j: int, covered: set[int]
) -> tuple[tuple[int, int], str] | None:
    """After "de Colombia, X": ", y de Venezuela, Y" names a second holder of the title."""
    toks = doc.tokens
    if j + 3 >= len(toks) or toks[j].norm not in _AND.get(doc.language, ()):
        return None
    j += 1
    if toks[j].norm in ROLE_LINKS:
        j += 1
    country = ""
    while j < len(toks) and j in doc.country_tokens:
        country = next(p.code for p in doc.places if p.ti <= j < p.tj)
        j += 1
    if not country or j >= len(toks) or doc.text[toks[j - 1].end : toks[j].start] != ", ":
        return None
    names = _name_tokens(doc, j, covered)
    return ((names[0], names[-1]), country) if len(names) >= 2 else None


def _name_tokens(doc: Document, j: int, covered: set[int]) -> list[int]:
    """The tokens of a first and last name from token j on, after a title: the office's
    complement ("Ministrul Apărării", "de la Presidencia,") skipped, particles kept."""
    toks, text, titles = doc.tokens, doc.text, doc.lx.titles
    names: list[int] = []
    skipped = 0
    j = _after_complement(doc, j)
    while j < len(toks) and len(names) < 4:
        t = toks[j]
        if names and not doc.joined[j - 1]:
            break
        genitive = doc.lx.grammar.articled_genitive and t.norm.endswith(
            GENITIVE_ENDINGS[doc.language]
        )
        if (
            not names
            and skipped < 4
            and (genitive and capitalised(t) or t.norm in ROLE_LINKS or t.norm in NOT_NAME)
        ):
            # "Ministrul Apărării Angel Tîlvăr", "Secretary of Defense Lloyd Austin":
            # the office's complement, then the name.
            skipped += 1
            j += 1
            continue
        if (
            not names
            and skipped
            and toks[j - 1].norm in ROLE_LINKS
            and capitalised(t)
            and j + 1 < len(toks)
            and text[t.end : toks[j + 1].start] == ", "
            and capitalised(toks[j + 1])
        ):
            # "la secretaria general de la Presidencia, Karina Milei": the office's
            # named complement, a comma, then the name.
            skipped += 1
            j += 1
            continue
        if (
            capitalised(t)
            and t.raw.isalpha()
            and j not in covered
            and j not in doc.place_tokens
            and t.norm not in NOT_NAME
            # "Prime Minister Theresa May": a month name may end a name, not start it.
            and (t.norm not in CALENDAR or (names and not _before_digit(doc, j)))
            and t.norm not in titles
            and not genitive
        ):
            names.append(j)
            j += 1
        elif names and t.norm in PARTICLES and j + 1 < len(toks) and capitalised(toks[j + 1]):
            j += 1
        else:
            break
    return names


def _after_complement(doc: Document, j: int) -> int:
    """ "il viceministro degli Esteri e della Cooperazione Internazionale, Edmondo
    Cirielli": an office's complement of up to eight words ends at a comma before the
    name; the name starts after it."""
    toks = doc.tokens
    if j >= len(toks) or toks[j].norm not in ROLE_LINKS:
        return j
    links = ROLE_LINKS | _AND.get(doc.language, frozenset())
    for k in range(j, min(j + 8, len(toks) - 2)):
        t = toks[k]
        if not (t.norm in links or capitalised(t)):
            return j
        if doc.text[t.end : toks[k + 1].start] == ", ":
            nxt, after = toks[k + 1], toks[k + 2]
            joined = doc.text[nxt.end : after.start] == " "
            return (
                k + 1
                if capitalised(t) and capitalised(nxt) and capitalised(after) and joined
                else j
            )
    return j


def _title_case_line(doc: Document, k: int) -> bool:
    """ "Russian, Japanese Foreign Ministers Spent Over 8 Hours Together": in a headline
    written in title case, capitals do not mark names."""
    line_start = doc.text.rfind("\n", 0, doc.tokens[k].start) + 1
    line_end = doc.text.find("\n", doc.tokens[k].start)
    line = doc.text[line_start : line_end if line_end >= 0 else len(doc.text)]
    if line.rstrip().endswith((".", "!", "?", ":")) or len(line.split()) > 25:
        return False  # a sentence of the body, whatever its capitals
    words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _before_digit(doc: Document, j: int) -> bool:
    return j + 1 < len(doc.tokens) and doc.tokens[j + 1].raw[:1].isdigit()
