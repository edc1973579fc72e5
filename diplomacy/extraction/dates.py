"""Dates in article text, resolved against the publication date.

Handles the publication-date marker, absolute dates ("3 septembrie 2025", "June
2024"), day-and-month without a year ("С 22 на 23 января"), months relative to the
publication ("în iunie anul trecut", "last June"), weekdays ("miercuri", "on
Wednesday", "nesta terça-feira (24)") and relative days ("ieri", "Ontem (23)").
One precompiled regex per language, built from the language's dates file
(``date_words``); each match is resolved to a date by ``date_values``. No per-call
parsing library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from diplomacy.extraction.date_values import resolve_match
from diplomacy.extraction.date_words import (
    DATA,
    DAY_MONTH_LINKS,
    DAY_YEAR_LINKS,
    EXTRA_ABBREVIATIONS,
    FUTURE_DAYS,
    LAST,
    LAST_MONTH,
    LAST_WEEK,
    LAST_YEAR,
    MONTH_ABBREVIATIONS,
    MONTH_ENDINGS,
    MONTH_YEAR_LINKS,
    MONTHS,
    NEXT,
    RANGE_JOINERS,
    RELATIVE_DAYS,
    THIS_MONTH,
    WEEKDAY_ENDINGS,
    WEEKDAY_PARTS,
    WEEKDAYS,
    YEAR_PREPOSITION_RE,
    DateMention,
    fold_keep,
    fold_words,
    ws,
)
from diplomacy.extraction.text import fold

_MARKER_RE = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})-(\d{2})(?=\s|$)")


def read_date_marker(text: str) -> date | None:
    """The ``date YYYY-MM-DD`` marker at the start of an article, if any."""
    m = _MARKER_RE.match(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def marker_end(text: str) -> int:
    m = _MARKER_RE.match(text)
    return m.end() if m else 0


def _alternatives(words: str) -> str:
    return "|".join(re.escape(w) for w in sorted(words.split(), key=len, reverse=True))


@lru_cache(maxsize=16)
def _compiled(language: str) -> tuple[re.Pattern, dict[str, int], dict[str, int]]:
    months = fold_words(MONTHS.get(language, MONTHS["en"]))
    weekdays = fold_words(WEEKDAYS.get(language, WEEKDAYS["en"]))
    month_index = {fold(m): i + 1 for i, m in enumerate(months.split())}
    short = fold_words(MONTH_ABBREVIATIONS[language]).split()
    for i, abbr in enumerate(short):
        month_index.setdefault(abbr, i + 1)
    for abbreviation, number in EXTRA_ABBREVIATIONS.items():
        month_index.setdefault(abbreviation, number)
    short_re = f"(?:{_alternatives(' '.join(short + list(EXTRA_ABBREVIATIONS)))})\\.?"
    weekday_index = {fold(w): i for i, w in enumerate(weekdays.split())}
    # Case endings after month and weekday stems (Russian), parts of the day after a
    # weekday in one word (German).
    month_re = f"(?:{_alternatives(months)}){MONTH_ENDINGS[language]}"
    weekday_re = f"(?:{_alternatives(weekdays)}){WEEKDAY_ENDINGS[language]}"
    if WEEKDAY_PARTS[language]:
        weekday_re += f"(?:{WEEKDAY_PARTS[language]})?"
    last, nxt = ws(fold_keep(LAST[language])), ws(fold_keep(NEXT[language]))
    rel = "|".join(
        ws(re.escape(fold_keep(k)).replace("\\ ", " ")).replace("'", "['’]")
        for k in sorted(RELATIVE_DAYS[language], key=len, reverse=True)
    )
    # Every alternative starts at a word boundary: testing it once up front spares the
    # engine trying ten alternatives inside every word (about twice as fast).
    pattern = rf"""
      \b(?:
        (?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)
      | (?P<dmy>\b(?P<dmy_d>\d{{1,2}})(?:\s*(?:-|–|{RANGE_JOINERS})\s*\d{{1,2}})?\.?
            \s+(?:(?:{DAY_MONTH_LINKS})\s+)?(?P<dmy_m>{month_re}\b|{short_re})
            (?:,?\s+(?:(?:{DAY_YEAR_LINKS})\s+)?(?P<dmy_y>\d{{4}}))?)
      | (?P<mdy>\b(?P<mdy_m>{month_re}|{short_re})\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?\b
            (?:,?\s+(?P<mdy_y>\d{{4}}))?)
      | (?P<my>\b(?:(?:{last})\s+)?(?P<my_m>{month_re})\b
            (?:\s+(?:(?:{MONTH_YEAR_LINKS})\s+)?(?:(?P<my_y>\d{{4}})|(?P<my_last>{ws(fold_keep(LAST_YEAR[language]))})
               |(?P<my_last2>{last})))?)
      | (?P<wd>\b(?:(?P<wd_last>{last})\s+|(?P<wd_next>{nxt})\s+)?(?P<wd_w>{weekday_re})\b
            (?:\s+(?P<wd_after_last>{last}|{nxt}))?(?:\s*\((?P<wd_d>\d{{1,2}})\))?)
      | (?P<rel>(?<!\w)(?P<rel_w>{rel})(?!\w)(?:\s*\((?P<rel_d>\d{{1,2}})\))?)
      | (?P<lm>\b(?:{ws(fold_keep(LAST_MONTH[language]))})\b)
      | (?P<tm>\b(?:{ws(fold_keep(THIS_MONTH[language]))})\b)
      | (?P<lw>\b(?:{ws(fold_keep(LAST_WEEK[language]))})\b)
      | (?P<fut>\b(?:{ws(fold_keep(FUTURE_DAYS[language]))})\b)
      | (?P<ly>\b(?:{ws(fold_keep(LAST_YEAR[language]))})\b)
      | (?P<year>\b(?:{YEAR_PREPOSITION_RE})\s+(?P<year_y>(?:19|20)\d{{2}})\b)
      )
    """
    return re.compile(pattern, re.VERBOSE), month_index, weekday_index


def find_dates(
    text: str,
    start: int,
    end: int,
    language: str,
    published: date,
    words: Iterable[tuple[int, str]] | None = None,
) -> list[DateMention]:
    """Date expressions in ``text[start:end]`` (a ``fold_text`` copy of the article).

    ``words`` may give the (offset, folded word) pairs of the span, if already known.
    """
    regex, month_index, weekday_index = _compiled(language)
    firsts, stems = _first_words(language)
    found = []
    done = start  # everything before is inside an earlier match
    if words is None:
        words = ((w.start(), w.group()) for w in _WORD_RE.finditer(text, start, end))
    # The pattern is tried only at words that can begin a date: trying its many
    # alternatives at every word was the engine's single largest cost.
    for at, word in words:
        if at < done or not (word[0].isdigit() or word in firsts or word.startswith(stems)):
            continue
        m = regex.match(text, at, end)
        if m is None:
            continue
        done = m.end()
        mention = resolve_match(m, text, language, published, month_index, weekday_index)
        if mention is not None:
            found.append(mention)
    return found


_WORD_RE = re.compile(r"[^\W_]+")


def _top_alternatives(pattern: str) -> list[str]:
    """A regex split at its top-level "|" (not inside parentheses)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


_YEAR_PREPOSITIONS = DATA.union("year_prepositions")


@lru_cache(maxsize=16)
def _first_words(language: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Words a date expression of the language may start with (exact forms), and stems
    (Russian case forms, regex alternatives) it may start with."""
    exact: set[str] = set()
    stems: set[str] = set()
    months = fold_words(MONTHS.get(language, MONTHS["en"])).split()
    weekdays = fold_words(WEEKDAYS.get(language, WEEKDAYS["en"])).split()
    short = fold_words(MONTH_ABBREVIATIONS[language]).split()
    phrases = [*short, *EXTRA_ABBREVIATIONS, *_YEAR_PREPOSITIONS.split()]
    phrases += [fold_keep(k) for k in RELATIVE_DAYS[language]]
    for table in (LAST, NEXT, LAST_WEEK, LAST_MONTH, THIS_MONTH, FUTURE_DAYS, LAST_YEAR):
        phrases += _top_alternatives(fold_keep(table[language]))
    # Month and weekday names with case endings or compounds after them are stems.
    if MONTH_ENDINGS[language]:
        stems.update(months)
    else:
        phrases += months
    if WEEKDAY_ENDINGS[language] or WEEKDAY_PARTS[language]:
        stems.update(weekdays)
    else:
        phrases += weekdays
    for item in list(phrases):
        # "(?:dell'|l')anno scorso": each alternative of a leading group starts it.
        if item.startswith("(?:") and ")" in item:
            group, _, tail = item[3:].partition(")")
            phrases += [alt + tail for alt in group.split("|")]
    for phrase in phrases:
        head = re.match(r"[^\W_]+", phrase.replace("\\s+", " ").replace("\\b", ""))
        if head is None:
            continue
        rest = phrase[head.end() :]
        # A regex item ("прошл\w*") or a Russian stem is matched as a prefix.
        if rest[:1] in ("\\", "(", "[", "?", "*", "+", "."):
            stems.add(head.group())
        else:
            exact.add(head.group())
            exact.add(fold(head.group()))
    return frozenset(exact), tuple(sorted(stems))
