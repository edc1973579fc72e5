"""Every language's date words, from ``data/dates/<language>.toml``, checked at import.

Months, weekdays, relative days, "last" and "next", link words and the Russian and
German endings, as the pattern builder (``dates``) and the resolver (``date_values``)
read them; and ``DateMention``, what a date found in the text resolves to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from diplomacy.extraction import datafiles
from diplomacy.extraction.text import fold

# Every key of a language's dates file (``data/dates/<language>.toml``): (kind, scope),
# kinds as in ``datafiles``; checked when the module is imported.
FIELDS: dict[str, tuple[str, str]] = {
    "months": ("words", "lang"),
    "month_abbreviations": ("words", "lang"),
    "weekdays": ("words", "lang"),
    "month_endings": ("pattern", "lang"),
    "weekday_endings": ("pattern", "lang"),
    "weekday_parts": ("pipe", "lang"),
    "relative_days": ("offsets", "lang"),
    "future_days": ("pipe", "lang"),
    "last": ("pipe", "lang"),
    "next": ("pipe", "lang"),
    "last_week": ("pipe", "lang"),
    "last_month": ("pipe", "lang"),
    "this_month": ("pipe", "lang"),
    "last_year": ("pipe", "lang"),
    "participle_before": ("regex", "lang"),
    "passed": ("set", "union"),
    "day_parts_after": ("list", "union"),
    "month_prepositions": ("set", "union"),
    "not_month_after": ("set", "union"),
    "year_prepositions": ("words", "union"),
    "ambiguous_months": ("set", "union"),
    "not_month_before_day": ("set", "lang"),
    "comma_weekdays": ("set", "lang"),
    "extra_month_abbreviations": ("offsets", "union"),
    "range_joiners": ("list", "union"),
    "day_month_links": ("list", "union"),
    "day_year_links": ("list", "union"),
    "month_year_links": ("list", "union"),
}


DATA = datafiles.LanguageData(datafiles.DATA_DIR / "dates", FIELDS)


AMBIGUOUS_MONTHS = DATA.union("ambiguous_months")


EXTRA_ABBREVIATIONS: dict[str, int] = DATA.union("extra_month_abbreviations")


def _either(words: list[str]) -> str:
    """A regex alternation of words, each once, in the data's order."""
    return "|".join(re.escape(w) for w in dict.fromkeys(words))


# Link words between the parts of a date, in every language's patterns.
RANGE_JOINERS = _either(DATA.every("range_joiners"))


DAY_MONTH_LINKS = _either(DATA.every("day_month_links"))


DAY_YEAR_LINKS = _either(DATA.every("day_year_links"))


MONTH_YEAR_LINKS = _either(DATA.every("month_year_links"))


YEAR_PREPOSITION_RE = _either(DATA.every("year_prepositions"))


def fold_words(words: str) -> str:
    return " ".join(fold(w) if "'" not in w else w.lower() for w in words.split())


MONTHS = DATA.table("months")


# Abbreviated months, only accepted next to a day number ("Sept. 3", "15 giu."): alone
# several are words ("mar" is the sea in Spanish).
MONTH_ABBREVIATIONS = DATA.table("month_abbreviations")


MONTH_ENDINGS = DATA.table("month_endings")


NOT_MONTH_BEFORE_DAY = DATA.table("not_month_before_day")


COMMA_WEEKDAYS = DATA.table("comma_weekdays")


WEEKDAYS = DATA.table("weekdays")


WEEKDAY_ENDINGS = DATA.table("weekday_endings")


# "Montagabend", "Freitagmorgen": a weekday and a part of it, one word.
WEEKDAY_PARTS = DATA.table("weekday_parts")


# Day offsets from publication: today, yesterday, the day before yesterday.
RELATIVE_DAYS = DATA.table("relative_days")


FUTURE_DAYS = DATA.table("future_days")


# "прошли", "прошла": "took place", not "last", after a weekday.
PASSED_WORDS = frozenset(DATA.union("passed"))


# "last" before a weekday or month; "last year" after a month.
LAST = DATA.table("last")


NEXT = DATA.table("next")


# "last week": the month it fell in, as the day is unknown.
LAST_WEEK = DATA.table("last_week")


# "last month" and "earlier this month": month-precise, before the news.
LAST_MONTH = DATA.table("last_month")


THIS_MONTH = DATA.table("this_month")


LAST_YEAR = DATA.table("last_year")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day | month | year
    day: date  # the first day it can mean, for ordering
    future: bool = False
    past: bool = False  # said to be before the news even if in its month ("last week")


def fold_keep(phrase: str) -> str:
    return " ".join(fold(w) if "'" not in w else w.lower() for w in phrase.split(" "))


def ws(pattern: str) -> str:
    """Spaces of a phrase list as ``\\s+``: the compiled pattern is verbose."""
    return pattern.replace(" ", r"\s+")
