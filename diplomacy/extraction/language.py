"""Language identification for the eight article languages, by stop-word counts.

Cyrillic text is Russian (the only Cyrillic language we read). Otherwise each
language scores the share of tokens that are among its most frequent short words,
plus a bonus for letters only it uses (Romanian ș/ț/ă, Portuguese ã/õ, ...).
"""

from __future__ import annotations

from collections import Counter

from diplomacy.extraction import lexicon
from diplomacy.extraction.date_words import WEEKDAYS
from diplomacy.extraction.lexicon import MEETING_WORDS, SPEECH_VERBS, STOPWORDS
from diplomacy.extraction.text import TOKEN_RE

# Function words, plus the speech verbs, meeting words and weekday names news uses
# most: the latter are long and rarely shared, so they settle short texts.
_STOP: dict[str, set[str]] = {}
for _table in (STOPWORDS, SPEECH_VERBS, MEETING_WORDS, WEEKDAYS):
    for _lang, _words in _table.items():
        _STOP.setdefault(_lang, set()).update(w for w in _words.split() if "-" not in w)
_LANGS_OF: dict[str, list[str]] = {}
for _lang, _words in _STOP.items():
    if _lang != "ru":
        for _w in _words:
            _LANGS_OF.setdefault(_w, []).append(_lang)
_LETTERS = {lang: letters for lang, letters in lexicon.table("letters").items() if letters}


def detect_language(text: str, default: str = "en") -> str:
    sample = text[:2000]  # enough words to decide; the whole text costs time
    words = TOKEN_RE.findall(sample.lower())
    if not words:
        return default
    cyrillic = sum(1 for w in words if "\u0400" <= w[0] <= "\u04ff")
    if cyrillic > len(words) / 3:
        return "ru"
    scores = {lang: 0.0 for lang in _STOP if lang != "ru"}
    # Each distinct word once, weighted by its count: a third of the lookups.
    for w, count in Counter(words).items():
        langs = _LANGS_OF.get(w, ())
        # A word several languages share says less than one only a single language uses.
        for lang in langs:
            scores[lang] += count / len(langs)
    lowered = sample.lower()
    for lang, letters in _LETTERS.items():
        scores[lang] += sum(lowered.count(ch) for ch in letters) * 0.5
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else default
