"""Statement clean-up: the last stage of extraction, run on a finished ``Extraction``.

Reads ``Extraction.statements`` as the statement finder and the meeting linker left them:
direct quotations and indirect (reported) statements of one article, each with its
speaker, text and character span. Nothing else of the extraction is read or changed.

Changes and adds:

- **Closing punctuation outside the quotation.** A comma, semicolon, colon or dash at
  the end of a quotation belongs to the sentence that carries it ("“…together,” Biden
  said"), not to what was said: it is cut from the quotation's text and its span ends
  before it. A full stop, question mark, exclamation mark or ellipsis stays: it ends
  the sentence that was said ("“Are you ready?” she asked").
- **No indirect statement around its own quotation.** An indirect statement (the whole
  narrated sentence) is dropped when a direct quotation of the same speaker inside it
  is all that sentence reports him saying: the quotation opens right after the
  reporting frame (a colon, a comma, or "that": "că", "que", "dass", "che", "что") and
  only quotations and punctuation follow it to the end of the sentence, and the frame
  is one reporting verb with a few words of circumstance ("Kim a subliniat că „…”",
  "Mr Mandela told him: “…”"). A sentence that reports something of its own
  besides the quotation keeps its indirect statement ("Iohannis a afirmat că românii
  vor putea călători fără vize „în cel mai scurt timp”", "Zelensky said he had no
  objection to such a call but warned: “…”").
- **Fragments kept apart.** A quotation of one or two words ("curajul", "période
  d'incertitude", "real progress") is a highlight of the article, not a statement: it
  moves from ``statements`` to ``fragments`` with kind ``fragment``.

The rules and their effect on the annotated corpora are in
``tests/extraction/test_statement_cleanup.py`` and the scores in ``eval``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from diplomacy.extraction import lexicon
from diplomacy.extraction.text import fold, fold_phrase
from diplomacy.extraction.types import ExtractedStatement, Extraction

# Punctuation that closes the narrating sentence's clause, not the quotation.
_OUTSIDE = ",;:–—"
# Quote marks and spaces that may stand between a reporting frame and a quotation.
_QUOTE_MARKS = "\"'“”„«»‚‘’‹›「」『』"
_SPACES = " \u00a0\u202f\t\n"
# At most this many words between the reporting verb and the quotation it introduces
# ("told reporters through an interpreter:"): more is a clause of its own.
_FRAME_WORDS = 6
# A quotation of at most this many words is a fragment, not a statement.
FRAGMENT_WORDS = 2
# A negated speech verb reports nothing ("Deși nu a menționat în mod specific războiul,
# Kim a subliniat că „…”"): words that negate the verb one or two words after them.
_NOT = frozenset(fold(word) for word in lexicon.union("speech_negations"))
_WORD = re.compile(r"[^\W_]+")


def tidy_statements(extraction: Extraction, text: str = "") -> Extraction:
    """The extraction of ``text`` with its statements cleaned up and its fragments set
    apart."""
    said = [_trim_closing_punctuation(s) for s in extraction.statements]
    short = {id(s) for s in said if is_fragment(s, text)}
    extraction.fragments = [replace(s, kind="fragment") for s in said if id(s) in short]
    extraction.statements = [
        s for s in said if id(s) not in short and not _repeats_a_quotation(s, said, short)
    ]
    return extraction


def is_fragment(statement: ExtractedStatement, text: str = "") -> bool:
    """A direct quotation of one or two words within a narrated sentence ("a lăudat
    „curajul” soldaților"). A short answer that stands alone after a colon, a dash or a
    sentence's end ("a répondu : « Oui, aujourd'hui »") is a statement."""
    if statement.kind != "direct" or word_count(statement.text) > FRAGMENT_WORDS:
        return False
    before = text[: statement.start].rstrip(_QUOTE_MARKS + _SPACES)
    return not (text and (not before or before[-1] in ":.!?—–\n"))


def word_count(text: str) -> int:
    """Words as written, so that an elided article stays with its noun: "période
    d'incertitude" and "l'amicizia profonda" are two words."""
    return sum(1 for word in text.split() if _WORD.search(word))


def _trim_closing_punctuation(statement: ExtractedStatement) -> ExtractedStatement:
    if statement.kind != "direct":
        return statement
    text = statement.text
    kept = len(text)
    while kept and (text[kept - 1] in _OUTSIDE or text[kept - 1].isspace()):
        kept -= 1
    if kept == len(text) or kept == 0:
        return statement
    return replace(statement, text=text[:kept], end=statement.end - (len(text) - kept))


def _repeats_a_quotation(
    statement: ExtractedStatement, said: list[ExtractedStatement], short: set[int]
) -> bool:
    """An indirect statement whose sentence reports nothing but a quotation of the same
    speaker that is stored as a direct statement (``short``: the fragments' ids)."""
    if statement.kind != "indirect":
        return False
    inside = [
        q
        for q in said
        if q.kind == "direct"
        and q.speaker == statement.speaker
        and statement.start <= q.start
        and q.end <= statement.end
    ]
    if all(id(q) in short for q in inside):
        return False
    base, text = statement.start, statement.text
    first = inside[0].start - base
    rest = list(text[first:])
    for q in inside:
        rest[q.start - base - first : q.end - base - first] = " " * (q.end - q.start)
    if any(ch.isalnum() for ch in rest):
        return False  # the sentence goes on after the quotation: it says more
    return _reporting_frame(text[:first], statement.language)


def _reporting_frame(before: str, language: str) -> bool:
    """ "Kim a subliniat că", "Mr Mandela told him:", "sagte Scholz,": one reporting verb,
    a few words, then a colon, a comma or "that" right before the quotation."""
    frame = before.rstrip(_QUOTE_MARKS + _SPACES)
    if not frame:
        return False
    words = fold_phrase(frame)
    that = _complementizers(language)
    if frame[-1] not in ":,":
        if not words or words[-1] not in that:
            return False
        words = words[:-1]
    if that.intersection(words):
        return False  # "told reporters that he remained unimpressed …, adding:" says more
    verbs = [
        i
        for i, w in enumerate(words)
        if w in _reporting_verbs(language) and not _NOT.intersection(words[max(0, i - 2) : i])
    ]
    return len(verbs) == 1 and len(words) - 1 - verbs[0] <= _FRAME_WORDS


@lru_cache(maxsize=16)
def _complementizers(language: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon.COMPLEMENTIZERS.get(language, ()))


@lru_cache(maxsize=16)
def _reporting_verbs(language: str) -> frozenset[str]:
    words = " ".join(
        table.get(language, "")
        for table in (lexicon.SPEECH_VERBS, lexicon.REPORTING_VERBS, lexicon.REPORTS_ALONE)
    )
    return frozenset(fold(w) for w in words.split())
