"""Text primitives: folding, tokens with offsets, quotations, sentences, paragraphs.

Folding lower-cases and removes Latin accents (so "întâlnire", "intalnire" and
"întâlnire" with cedilla letters are one form) but keeps Cyrillic letters such as
"й" intact. Tokens are runs of letters/digits: hyphens and apostrophes split words,
which makes "Jong-un" and "Jong Un", or "nord-coreean" and "nord coreean", the same.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from diplomacy.extraction import lexicon

TOKEN_RE = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without Latin diacritics; Cyrillic keeps its letters (ё becomes е)."""
    out = []
    for ch in word.lower():
        if "\u0400" <= ch <= "\u04ff":
            out.append("е" if ch == "ё" else ch)
        elif ch.isascii():
            out.append(ch)
        else:
            decomposed = unicodedata.normalize("NFKD", ch)
            out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(out).replace("ß", "ss")


def fold_phrase(phrase: str) -> tuple[str, ...]:
    return tuple(fold(m.group()) for m in TOKEN_RE.finditer(phrase))


def is_cyrillic(word: str) -> bool:
    return bool(word) and "\u0400" <= word[0] <= "\u04ff"


class Token(NamedTuple):
    start: int
    end: int
    raw: str
    norm: str


def tokenize(text: str, start: int = 0) -> list[Token]:
    new = tuple.__new__  # skips NamedTuple's Python-level __new__: tokenising is hot
    out = []
    pos = start
    find = text.find
    # findall makes no match objects; each word is found again from the end of the
    # previous one, and only separators lie in between, so find lands on it.
    for raw in TOKEN_RE.findall(text, start):
        at = find(raw, pos)
        pos = at + len(raw)
        out.append(new(Token, (at, pos, raw, fold(raw))))
    return out


# Opening marks and the closing marks each accepts. German „…“ shares “ with English.
# German books and some papers reverse the guillemets: »…«.
_PAIRS = {"„": '”“"', "“": '”"', "«": "»", "»": "«", "‚": "‘’", "‘": "’", '"': '"”', "'": "'"}
_MAX_QUOTE = 2000


_QUOTE_CHAR_RE = re.compile("[„“”«»‚‘’\"']")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of quotation texts, without their marks; nested ones skipped."""
    marks = [m.start() for m in _QUOTE_CHAR_RE.finditer(text)]
    spans = []
    pos = 0  # everything before pos is consumed
    for a, i in enumerate(marks):
        if i < pos:
            continue
        ch = text[i]
        closers = _PAIRS.get(ch)
        if closers is None or not _can_open(text, i):
            continue
        limit = i + _MAX_QUOTE
        found = -1
        for j in marks[a + 1 :]:
            if j >= limit:
                break
            c = text[j]
            if c in closers and _can_close(text, j, c):
                found = j
                break
        if found < 0:
            continue
        # A quotation running over paragraphs leaves each paragraph but the last
        # unclosed, and opens the next one with the same mark: it ends at the line end.
        nl = text.find("\n", i, found)
        if nl >= 0 and text[nl:found].lstrip()[:1] == ch:
            found = nl
            while found > i + 1 and text[found - 1].isspace():
                found -= 1
        if text[i + 1 : found].strip():
            spans.append((i + 1, found))
        pos = found + 1
    return spans


def _can_open(text: str, i: int) -> bool:
    ch = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else " "
    prev = text[i - 1] if i > 0 else " "
    if nxt.isspace() and ch not in "«":
        return False
    if ch in "'‘":
        # An apostrophe inside a word ("Putin's", "l'Elysée") never opens a quote.
        return not prev.isalnum() and nxt.isalnum()
    if ch == '"':
        return not prev.isalnum()
    if ch == "»":
        # Opens only before a word, after a space or a line start: a French closing
        # mark ("… fin »,") is followed by a space or punctuation.
        return (prev.isspace() or prev in "(–—") and nxt.isalnum()
    return True


def _can_close(text: str, j: int, ch: str) -> bool:
    prev = text[j - 1]
    nxt = text[j + 1] if j + 1 < len(text) else " "
    if ch in "'’":
        # "haven’t", "Putin’s": an apostrophe between letters is not a closing mark.
        return not prev.isspace() and not nxt.isalnum()
    if ch == '"':
        return not prev.isspace() or nxt in ",.;:!?)"
    return True


_BOUNDARY_RE = re.compile(r"[.!?…]+[\"”»“’')\]]*\s+|\n\s*")
_ABBREVIATIONS = lexicon.union("abbreviations")


def split_sentences(text: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans; never split inside a quotation (quotes may hold several sentences)."""
    inside = _QuoteLookup(quotes)
    spans = []
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        cut = m.end()
        stop = m.start()
        if inside.covers(cut - 1):
            continue
        if "\n" not in m.group():
            before = text[max(0, stop - 12) : stop].split()
            last = before[-1] if before else ""
            word = last.rsplit("(", 1)[-1].lower()
            # Initials ("K. Natwar"), abbreviations ("giu.") and lower-case continuations.
            # "U.S.", "a.m.": a dotted abbreviation does not end a sentence either.
            if len(word) == 1 and word.isalpha() or word in _ABBREVIATIONS or "." in word:
                continue
            nxt = text[cut : cut + 1]
            if nxt and nxt.islower():
                continue
        if text[start:stop].strip():
            spans.append(_trim(text, start, cut))
        start = cut
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _QuoteLookup:
    """Whether an offset is inside any quotation: a binary search over their union."""

    def __init__(self, quotes: list[tuple[int, int]]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(q for q in quotes if q[0] < q[1]):
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def paragraph_starts(text: str) -> list[int]:
    """Offsets where each line (the corpus's paragraph unit) starts."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\n", text))
    return starts


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    folded = fold(ch)
    return folded if len(folded) == 1 else ch.lower() if len(ch.lower()) == 1 else ch


_FOLD_TABLE: dict[int, str] = {}


def fold_text(text: str) -> str:
    """``fold`` applied character by character, keeping every offset (same length)."""
    table = _FOLD_TABLE
    # One translation table for all texts, grown with each new character: building it
    # per text cost as much as the translation.
    for ch in set(text):
        if ord(ch) not in table:
            table[ord(ch)] = _fold_char(ch)
    return text.translate(table)
