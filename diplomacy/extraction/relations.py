"""Stage 6, relations between mentions: dependants and reporters.

Reads the sorted mentions. Marks a mention ``dependent`` ("Trump's envoy": the envoy, not
Trump, acts), ``oblique`` (a genitive or object case) or ``reporter`` ("according to X").
"""

from __future__ import annotations

from diplomacy.extraction import lexicon
from diplomacy.extraction.document import Document, Mention
from diplomacy.extraction.names import de_genitive, ro_oblique
from diplomacy.extraction.phrases import variants
from diplomacy.extraction.prepare import capitalised
from diplomacy.extraction.words import (
    ACCORDING_WORDS,
    EVENT_NOUNS,
    GENITIVE_ENDINGS,
    POSSESSIVE_CLITICS,
    ROLE_LINKS,
    folded_words,
)

_DATIVE_MARKERS = lexicon.union("dative_markers")
_GENITIVE_ARTICLES = lexicon.union("genitive_articles")


def mark_relations(doc: Document) -> None:
    """Dependants ("Trump's envoy", "spokesman for X"), obliques, and reporters."""
    toks, lx, text = doc.tokens, doc.lx, doc.text
    for m in doc.mentions:
        if m.kind == "pronoun":
            continue
        prev = [toks[k] for k in range(max(0, m.ti - 4), m.ti) if doc.sent_of[k] == m.sentence]
        prev_norms = [t.norm for t in prev]
        # Romanian "lui X" / "al lui X": dative or genitive, never the subject.
        if prev_norms and prev_norms[-1] in _DATIVE_MARKERS:
            m.oblique = True
            if prev_norms[-2:-1] and prev_norms[-2] in _GENITIVE_ARTICLES:
                m.dependent = True
        case_inflected = doc.lx.grammar.case_inflected_names
        if (case_inflected and m.inflection) or (m.kind == "name" and ro_oblique(doc, m)):
            m.oblique = True
        if m.kind == "name" and de_genitive(doc, m):
            # "die Politik Putins": a possessor, not a party; "das Treffen Bidens" is one.
            near = [k for k in (m.ti - 1, m.tj) if 0 <= k < len(toks)]
            if not any(lx.triggers.firsts.intersection(doc.forms[k]) for k in near):
                m.dependent = True
        genitive = (
            m.kind == "role"
            or (case_inflected and m.inflection in GENITIVE_ENDINGS[doc.language])
            or (prev_norms[-1:] and prev_norms[-1] in ROLE_LINKS)
        )
        # A relational noun shortly before: "спецпосланником Трампа", "l'entourage du président".
        for k in range(len(prev) - 1, max(-1, len(prev) - 4), -1):
            norms = set(variants(prev_norms[k], doc.language))
            if norms & lx.relational:
                if genitive:
                    m.dependent = True
                break
            if prev_norms[k] not in ROLE_LINKS and not _is_adjective_token(
                doc, m.ti - len(prev) + k
            ):
                break
        # "Trump's envoy", "X's government".
        if (
            m.tj + 1 < len(toks)
            and toks[m.tj].norm in POSSESSIVE_CLITICS
            and text[toks[m.tj].start - 1] in "'’"
        ):
            nxt = toks[m.tj + 1].norm
            if nxt in lx.relational:
                m.dependent = True
        if m.kind == "name" and _possessor(doc, m):
            m.dependent = True
        m.reporter = _is_reporter(doc, m)


POSSESSOR_OF = folded_words(lexicon.every("possessor_of"))


def _possessor(doc: Document, m: Mention) -> bool:
    """ "diante do impasse aberto pela reeleição de Nicolás Maduro": a leader after "of"
    and a common noun that is no meeting, title or presence word owns the thing named."""
    k = m.ti - 1
    while k >= 0 and k in doc.role_tokens:
        k -= 1
    if k < 1 or doc.tokens[k].norm not in POSSESSOR_OF or doc.sent_of[k] != m.sentence:
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
        and noun.norm not in EVENT_NOUNS
        and lx.triggers.firsts.isdisjoint(doc.forms[k - 1])
        and lx.speech.isdisjoint(doc.forms[k - 1])
        and k - 1 not in doc.place_tokens
        and not _adverb_after_meeting_word(doc, k - 1)
    )


def _adverb_after_meeting_word(doc: Document, k: int) -> bool:
    """ "a fost primit oficial de X", "ricevuto ufficialmente da X": the word qualifies the
    meeting word before it, and X is its agent, not the word's owner."""
    lo = doc.sentence_token_range[doc.sent_of[k]][0]
    return k - 1 >= lo and not doc.lx.triggers.firsts.isdisjoint(doc.forms[k - 1])


def _is_adjective_token(doc: Document, k: int) -> bool:
    return k in doc.country_tokens


def _is_reporter(doc: Document, m: Mention) -> bool:
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
                and capitalised(toks[k + 1])
            )
    for k in range(max(0, m.ti - 3), m.ti):
        if (toks[k].norm in lx.speech or toks[k].norm in ACCORDING_WORDS) and doc.sent_of[
            k
        ] == m.sentence:
            return True
    return False
