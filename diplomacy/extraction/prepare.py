"""Stage 1, tokens and sentences: the article text → a ``Document``.

Reads the text, the body's start (after the date marker) and the language. Adds the
tokens with their folded forms and case variants, which tokens are joined (names with
hyphens or apostrophes), the quotations (quote marks and dialogue dashes), the
sentences and their paragraphs.
"""

from __future__ import annotations

import bisect
import re

from diplomacy.extraction import lexicon
from diplomacy.extraction.document import Document
from diplomacy.extraction.phrases import variants
from diplomacy.extraction.text import (
    Token,
    find_quotes,
    fold,
    fold_text,
    split_sentences,
    tokenize,
)
from diplomacy.extraction.words import CYRILLIC_RE, JOIN_GAPS, JOINERS, NEWLINE_RE, language_words


def prepare_document(text: str, body: int, language: str, published, kb) -> Document:
    tokens = tokenize(text, body)
    norms = [t.norm for t in tokens]
    positions: dict[str, list[int]] = {}
    # Only Russian (Cyrillic), Romanian and German words have case-ending variants.
    inflected = lexicon.GRAMMAR[language].word_variants
    if inflected or CYRILLIC_RE.search(text, body):
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
        text[a.end] in JOINERS if b.start - a.end == 1 else text[a.end : b.start] in JOIN_GAPS
        for a, b in zip(tokens, tokens[1:], strict=False)
    ]
    joined.append(False)
    quotes = _with_dash_quotes(text, [q for q in find_quotes(text) if q[0] >= body], language)
    quote_of = _spans_of(tokens, quotes, outside=-1)
    sentences = [(max(s, body), e) for s, e in split_sentences(text, quotes) if e > body and s < e]
    sentences = [(s, e) for s, e in sentences if text[s:e].strip()]
    sent_of = _spans_of(tokens, sentences, outside=None)
    newlines = [m.start() for m in NEWLINE_RE.finditer(text)]
    paragraph_of_sentence = [bisect.bisect_left(newlines, s) for s, _ in sentences]
    return Document(
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
        lx=language_words(language),
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
    speech = language_words(language).speech
    extra = []
    for m in _DASH_QUOTE_RE.finditer(text):
        if fold(m.group(2)) not in speech:
            continue
        a, b = m.span(1)
        if not any(qa < b and a < qb for qa, qb in quotes):
            extra.append((a, b))
    return sorted(quotes + extra) if extra else quotes


def candidate_tokens(doc: Document, firsts: frozenset[str]) -> list[int]:
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


def capitalised(token: Token) -> bool:
    return token.raw[:1].isupper()


def sentence_initial(doc: Document, i: int) -> bool:
    return i == 0 or doc.sent_of[i - 1] != doc.sent_of[i]
