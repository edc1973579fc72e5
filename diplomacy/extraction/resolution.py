"""Which leader a mention stands for: names directly, roles, pronouns and demonyms by context.

Reads the mentions, the sentences and the knowledge base. Gives a mention's leader key:
the salient leader before it, the holder of a bare role, the elect holder, or a
leader's counterpart. Used by the meeting and statement stages.
"""

from __future__ import annotations

from datetime import timedelta

from diplomacy.extraction import lexicon
from diplomacy.extraction.document import (
    Document,
    Mention,
    clause_break,
    mentions_at,
    mentions_in_sentence,
    sentence_tokens,
)
from diplomacy.extraction.names import leader_entry
from diplomacy.extraction.prepare import capitalised
from diplomacy.extraction.unknown_people import CALENDAR, FUNCTION_WORDS, NOT_NAME
from diplomacy.extraction.words import WITH, folded_words


def salient(
    doc: Document, before: int, sentence: int, statements: list | None = None
) -> str | None:
    """Who a pronoun or an unnamed speaker most likely is: the subject of the nearest
    earlier sentence that has a leader (or that sentence's quoted speaker). A sentence
    whose only leaders are objects of a preposition ("no le permitió al presidente
    Castillo viajar") is passed over for an earlier subject, kept as a last resort."""
    fallback = None
    for s in range(sentence, max(-1, sentence - 4), -1):
        if statements:
            said = [st for st in statements if st._sentence == s and st.start < before]
            if said:
                return said[-1]._key
        cands = [
            m
            for m in mentions_in_sentence(doc, s)
            if m.sentence == s
            and m.start < before
            and not m.in_quote
            and not m.dependent
            and not m.oblique
            and m.kind in ("name", "role", "demonym")
        ]
        # The sentence's speaker ("Starmer said he had no plans") comes before a leader
        # named as the object of "with" ("a meeting with Donald Trump") or of a verb
        # through a preposition ("no le permitió al presidente Pedro Castillo viajar").
        cands.sort(key=lambda m: (not m.reporter, after_with(doc, m)))
        for m in cands:
            # A bare role ("Le chancelier a répondu …") is resolved to its holder: the
            # subject of that sentence is the pronoun's antecedent.
            key = m.key or (resolve_mention(doc, m) if m.kind == "role" else None)
            if key and s < sentence and all(_after_preposition(doc, c) for c in cands):
                fallback = fallback or key
                break
            if key:
                return key
        if _names_someone_else(doc, s, before):
            return fallback  # "John Smith, a resident, ..." : "he" is probably him
    return fallback


def _after_preposition(doc: Document, m: Mention) -> bool:
    """A preposition stands right before the mention, across its title and country."""
    k = m.ti - 1
    while k >= 0 and (
        k in doc.role_tokens or k in doc.country_tokens or doc.tokens[k].norm in doc.lx.determiners
    ):
        k -= 1
    return (
        k >= 0 and doc.sent_of[k] == m.sentence and doc.tokens[k].norm in doc.lx.object_prepositions
    )


def after_with(doc: Document, m: Mention) -> bool:
    """The mention is the object of "with" ("talks with Donald Trump"): the word comes
    shortly before it, with no comma in between."""
    lo = sentence_tokens(doc, m.sentence).start
    for k in range(m.ti - 1, max(lo, m.ti - 4) - 1, -1):
        if clause_break(doc, k):
            return False
        if doc.tokens[k].norm in WITH:
            return True
    return False


def _names_someone_else(doc: Document, sentence: int, before: int) -> bool:
    """The sentence names a person the knowledge base does not know (two capitalised
    words in a row that are no place, title or institution), before the given offset."""
    toks = doc.tokens
    span = sentence_tokens(doc, sentence)
    run = 0
    for k in span:
        t = toks[k]
        if t.start >= before:
            break
        ok = (
            t.norm not in FUNCTION_WORDS
            and capitalised(t)
            and t.raw.isalpha()
            and doc.quote_of[k] < 0
            and k not in doc.place_tokens
            and t.norm not in NOT_NAME
            and t.norm not in NOT_SPEAKER
            and t.norm not in CALENDAR
            and doc.lx.titles.isdisjoint(doc.forms[k])
            and not any(m.kind != "pronoun" for m in mentions_at(doc, k))
        )
        run = run + 1 if ok and (run == 0 or doc.joined[k - 1]) else (1 if ok else 0)
        if run >= 2:
            return True
    return False


def resolve_mention(doc: Document, m: Mention, statements: list | None = None) -> str | None:
    if m.key:
        return m.key
    if m.kind == "pronoun":
        return salient(doc, m.start, m.sentence, statements)
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


def _bare_role_holder(doc: Document, m: Mention) -> str | None:
    if m.role:
        # A bare role ("le chef de l'Etat", "the president") is the subject-most leader
        # of the nearest earlier sentence who held that role then.
        for s in range(m.sentence, max(-1, m.sentence - 6), -1):
            for other in mentions_in_sentence(doc, s):
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


def _elect_holder(doc: Document, m: Mention) -> str | None:
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
            and (m.country is None or leader_entry(doc, key).country == m.country)
            and doc.kb.holds_office(key, later)
            and not doc.kb.holds_office(key, doc.published)
        ):
            return key
    return None


def _counterpart(doc: Document, m: Mention) -> str | None:
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


NOT_SPEAKER = folded_words(lexicon.every("not_speaker"))
