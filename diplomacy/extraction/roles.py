"""Stage 3, roles: "the president of France", "Russian Foreign Minister", "her counterpart".

Reads the tokens, the places and the role phrase index. Adds role mentions to
``doc.mentions`` with the role, its country and the leader the knowledge base gives for
it on the publication date, and the roles that merge into the name after them
(``role_tokens``, ``titled``).
"""

from __future__ import annotations

from diplomacy.extraction.document import Document, Mention
from diplomacy.extraction.prepare import candidate_tokens, capitalised
from diplomacy.extraction.words import (
    ELECT,
    PAIR_NUMERALS,
    POSSESSIVE_CLITICS,
    POSSESSIVES,
    ROLE_ELECT,
    ROLE_LINKS,
)


def find_roles(doc: Document) -> None:
    toks, lx = doc.tokens, doc.lx
    # A seat of power names its country too: "liderul de la Kremlin", "the Kremlin leader".
    countries_start = {p.ti: p for p in doc.places if p.kind in ("country", "venue")}
    countries_end = {p.tj: p for p in doc.places if p.kind in ("country", "venue")}
    i = 0
    for start in candidate_tokens(doc, lx.roles.firsts):
        if start < i:
            continue
        i = start
        n, payloads = lx.roles.match(toks, i, doc.language, doc.joined, forms=doc.forms)
        if not n:
            i += 1
            continue
        role, implied = payloads[0]
        if i > 0 and toks[i - 1].norm in PAIR_NUMERALS:
            # "i due leader", "les deux dirigeants": the pair, not one person.
            i += n
            continue
        a, b = i, i + n
        country = implied
        elect = False
        j = b
        if j < len(toks) and toks[j].norm in ROLE_ELECT:
            elect = True
            j += 1
        if country is None:
            country, a, b = _country_of_role(doc, a, b, j, countries_start, countries_end)
        if b < len(toks) and toks[b - 1].norm != "elect" and toks[b].norm in ROLE_ELECT:
            elect = True
        if country is None and not implied and _head_of_something_else(doc, b, countries_start):
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
            if toks[b - 1].norm in ELECT or (b < len(toks) and toks[b].norm in ELECT):
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


def _country_of_role(
    doc: Document, a: int, b: int, j: int, countries_start: dict, countries_end: dict
) -> tuple[str | None, int, int]:
    """(country, start, end) of a role phrase at tokens a..b whose country is named after
    it ("president of Russia", from token j on) or before it ("Russia's president")."""
    toks = doc.tokens
    k = j
    while (
        k < len(toks) and k < j + 2 and (toks[k].norm in ROLE_LINKS or toks[k].norm in POSSESSIVES)
    ):
        k += 1
    if k in countries_start and countries_start[k].ti >= b:
        place = countries_start[k]
        return place.code, a, place.tj
    if j in countries_start:
        return countries_start[j].code, a, countries_start[j].tj
    left = a
    if (
        left >= 2
        and toks[left - 1].norm in POSSESSIVE_CLITICS
        and doc.text[toks[left - 1].start - 1] in "'’"
    ):
        left -= 1
    if left in countries_end:
        return countries_end[left].code, countries_end[left].ti, b
    return None, a, b


def _head_of_something_else(doc: Document, b: int, countries_start: dict) -> bool:
    """A role followed by "of" and a capitalised name that is no country."""
    toks = doc.tokens
    k = b
    while k < len(toks) and k < b + 2 and toks[k].norm in ROLE_LINKS:
        k += 1
    return k > b and k < len(toks) and capitalised(toks[k]) and k not in countries_start
