"""Clauses: a sentence's sub-clauses and where a new predicate begins.

Reads the tokens of a sentence. Gives its clause spans (cached in
``doc.clause_cache``), the clause of a position, and whether "and" opens a new predicate
("met Scholz and sent a letter to Xi").
"""

from __future__ import annotations

from diplomacy.extraction import lexicon
from diplomacy.extraction.document import (
    Document,
    clause_break,
    mentions_starting_at,
    sentence_tokens,
)
from diplomacy.extraction.text import (
    TOKEN_RE,
    fold,
)
from diplomacy.extraction.words import (
    CONJ,
    COORDINATORS,
    LIST_CONTINUERS,
    POSSESSIVES,
    RELATIVES,
    WITH,
    folded_words,
)

# "and" as written (unfolded: Italian "e" is not "è", French "a" is a verb).
_AND = lexicon.table("and_words")


# Finite verbs and auxiliaries by their form: after "and", they open a new predicate.
_FINITE_RE = lexicon.table("finite_re")


def new_predicate(doc: Document, k: int) -> bool:
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
        or nxt.norm in WITH
        or nxt.norm in lx.object_prepositions
        or nxt.norm in lx.locative
        or nxt.norm in LIST_CONTINUERS
        or nxt.norm in INDEFINITE[doc.language]
        or nxt.norm in POSSESSIVES
    ):
        return False
    # "and former President X", "și fostul premier X": an adjective before a role; "and
    # were also attended by X": the same meeting, more of its people.
    for j in range(k + 1, min(len(toks), k + 5)):
        if toks[j].norm in lx.presence:
            return False
        if j in doc.role_tokens or j in doc.country_tokens:
            return False
        if any(m.kind in ("role", "demonym") for m in mentions_starting_at(doc, j)):
            return False
    # "and criticised Putin", "и раскритиковал", "e ha detto"; not "and businessman
    # Jared Kushner", "și prima întâlnire".
    return bool(_FINITE_RE[doc.language].match(nxt.raw.lower()))


def subclauses(doc: Document, sentence: int) -> list[tuple[int, int]]:
    """Spans of the sentence's subordinate and coordinated clauses: from a comma followed
    by "who", "when", "and", "care", "qui", "que"... to the next comma; from "after" to
    the end; from an "and" that opens a new predicate to the next comma."""
    spans = doc.clause_cache.get(sentence)
    if spans is None:
        spans = doc.clause_cache[sentence] = _find_subclauses(doc, sentence)
    return spans


def _find_subclauses(doc: Document, sentence: int) -> list[tuple[int, int]]:
    s, e = doc.sentences[sentence]
    text = doc.text
    spans = []
    c = text.find(",", s, e)
    while c >= 0:
        words = first_word(text[c + 1 : c + 25])
        nxt = text.find(",", c + 1, e)
        if (words and words[0] in _AFTER) or _after_soon(text[c + 1 : c + 25]):
            # ", a day after Putin accused …": a time clause of its own.
            # ", după ce liderul de la Kremlin, Vladimir Putin, a refuzat …": to the end.
            spans.append((c, e))
        elif (
            words
            and (words[0] in RELATIVES or words[0] in COORDINATORS)
            # ", și cu cancelarul Germaniei": one more party of the same meeting word.
            and not _and_with(text[c + 1 : c + 25])
        ):
            spans.append((c, nxt if nxt >= 0 else e))
        c = nxt
    # "met Scholz and sent a letter to Xi": the second predicate has its own objects;
    # "criticised Putin after meeting Scholz": so has a clause opened by "after".
    toks = doc.tokens
    for k in sentence_tokens(doc, sentence):
        if toks[k].norm not in _OPENERS:
            continue
        if _after_verb(doc, k) or new_predicate(doc, k):
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


def _after_verb(doc: Document, k: int) -> bool:
    """ "after meeting", "după ce", "nachdem er": "after" with no comma before it and a
    lower-case word (no article: "dopo l'incontro") after it opens a clause."""
    toks = doc.tokens
    return (
        toks[k].norm in _AFTER
        and k > 0
        and doc.sent_of[k - 1] == doc.sent_of[k]
        and not clause_break(doc, k - 1)
        and k + 1 < len(toks)
        and toks[k + 1].raw[:1].islower()
        and toks[k + 1].norm not in doc.lx.determiners
        and toks[k + 1].norm not in INDEFINITE[doc.language]
    )


def _after_soon(text: str) -> bool:
    """ ", a day after", ", two days after", ", hours after": "after" as a following
    word, the clause it opens dated from the main one."""
    words = [fold(w) for w in TOKEN_RE.findall(text)[:4]]
    return any(w in _AFTER for w in words[1:4]) and words[0] not in _AFTER


def _and_with(text: str) -> bool:
    words = [fold(w) for w in TOKEN_RE.findall(text)[:2]]
    return len(words) == 2 and words[0] in CONJ and words[1] in WITH


def first_word(text: str) -> tuple[str, ...]:
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
_AFTER = folded_words(lexicon.every("after"))


# Words that may open a clause of their own within a sentence ("and", "after").
_OPENERS = _AFTER | {fold(w) for words in _AND.values() for w in words}


def clause_of(spans: list[tuple[int, int]], pos: int) -> int:
    for i, (a, b) in enumerate(spans):
        if a <= pos < b:
            return i + 1
    return 0


# Per language: folded French "à" and Spanish "a" (a preposition) are not English "a".
INDEFINITE = lexicon.table("indefinite")
