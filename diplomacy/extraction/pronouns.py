"""Stage 5, pronouns and demonyms: "he", "the Russian", "rusul".

Reads the tokens, the places and the mentions so far. Adds pronoun and demonym mentions,
each resolved later to the leader it stands for.
"""

from __future__ import annotations

from diplomacy.extraction import lexicon
from diplomacy.extraction.document import Document, Mention, role_rank
from diplomacy.extraction.names import leader_entry
from diplomacy.extraction.text import (
    fold,
)


def find_demonyms_and_pronouns(doc: Document) -> None:
    """ "rusul", "pe nord-coreean" → the article's leader of that country; pronouns."""
    lx = doc.lx
    named_by_country: dict[str, str] = {}
    for m in doc.mentions:
        if m.kind == "name" and m.key:
            entry = leader_entry(doc, m.key)
            prev = named_by_country.get(entry.country)
            if prev is None or role_rank(doc, m.key) < role_rank(doc, prev):
                named_by_country[entry.country] = m.key
    taken = {(m.ti) for m in doc.mentions}
    if lx.demonym_endings:
        for p in doc.places:
            if p.kind != "country" or p.city != "adj" or p.ti in taken:
                continue
            last = doc.tokens[p.tj - 1]
            prev = doc.tokens[p.ti - 1].norm if p.ti > 0 else ""
            person = (
                any(last.norm.endswith(e) for e in lx.demonym_endings)
                or prev in _PERSON_MARKERS[doc.language]
            )
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


_PERSON_MARKERS = lexicon.table("person_markers")
_ARTICLE_ENDINGS = lexicon.table("noun_article_endings")
_NOT_ARTICLED = lexicon.table("not_articled_nouns")


def _after_noun(doc: Document, ti: int) -> bool:
    if ti == 0:
        return False
    prev = doc.tokens[ti - 1]
    return (
        prev.norm.endswith(_ARTICLE_ENDINGS[doc.language])
        and prev.norm not in _NOT_ARTICLED[doc.language]
    )
