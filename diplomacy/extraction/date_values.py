"""The value of a date expression matched in the text, against the publication date.

Reads one match of the language's date pattern (``dates``). Gives its ``DateMention``:
a day, a month or a year, whether it lies after publication (a plan) or is said to be
before it ("last week"); None for a word that only looks like a date ("mai": more).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from diplomacy.extraction.date_words import (
    AMBIGUOUS_MONTHS,
    COMMA_WEEKDAYS,
    DATA,
    LAST,
    MONTH_ENDINGS,
    NEXT,
    NOT_MONTH_BEFORE_DAY,
    PASSED_WORDS,
    RELATIVE_DAYS,
    DateMention,
    fold_keep,
)
from diplomacy.extraction.text import fold


def _month_number(word: str, index: dict[str, int], language: str) -> int | None:
    key = fold(word).rstrip(".")
    if key in index:
        return index[key]
    if MONTH_ENDINGS[language]:  # a stem: "январ" of "января"
        for stem, number in index.items():
            if key.startswith(stem):
                return number
    return None


def _weekday_number(word: str, index: dict[str, int], language: str) -> int | None:
    key = fold(word)
    if key in index:
        return index[key]
    for stem, number in index.items():
        if key.startswith(stem):
            return number
    return None


def _month_year(month: int, published: date) -> int:
    """The most recent year in which that month had started by the publication date."""
    return published.year if month <= published.month else published.year - 1


def _closest_year(month: int, day: int, published: date) -> int:
    best = published.year
    best_gap = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            gap = abs((date(year, month, day) - published).days)
        except ValueError:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def resolve_match(m, text, language, published, month_index, weekday_index) -> DateMention | None:
    """The date a match of the language's date pattern stands for, or None."""
    try:
        if m.group("iso"):
            day = date.fromisoformat(m.group("iso"))
            return DateMention(m.start(), m.end(), day.isoformat(), "day", day, day > published)
        if m.group("dmy") or m.group("mdy"):
            return _day_and_month(m, language, published, month_index)
        if m.group("my"):
            return _month_mention(m, text, language, published, month_index)
        if m.group("wd"):
            return _weekday_mention(m, text, language, published, weekday_index)
        if m.group("rel"):
            return _relative_day(m, language, published)
        return _period_mention(m, published)
    except ValueError:
        return None


def _day_and_month(m, language, published, month_index) -> DateMention | None:
    """ "3 septembrie 2025", "June 3": a day of a month, in the year given or the closest."""
    s, e = m.start(), m.end()
    prefix = "dmy" if m.group("dmy") else "mdy"
    month = _month_number(m.group(f"{prefix}_m"), month_index, language)
    dd = int(m.group(f"{prefix}_d"))
    if month is None or not 1 <= dd <= 31:
        return None
    if fold(m.group(f"{prefix}_m")) in NOT_MONTH_BEFORE_DAY[language] and prefix == "mdy":
        return None  # "mai" is also "more"
    year_text = m.group(f"{prefix}_y")
    year = int(year_text) if year_text else _closest_year(month, dd, published)
    day = date(year, month, dd)
    return DateMention(s, e, day.isoformat(), "day", day, day > published)


def _month_mention(m, text, language, published, month_index) -> DateMention | None:
    """ "June 2024", "last June", "în iunie anul trecut": a month, in the year it names."""
    s, e = m.start(), m.end()
    word = m.group("my_m")
    month = _month_number(word, month_index, language)
    if month is None:
        return None
    raw = m.group()
    has_last = bool(m.group("my_last") or m.group("my_last2")) or raw.lower().startswith(
        tuple(x for x in fold_keep(LAST[language]).split("|") if "\\" not in x)
    )
    if m.group("my_y"):
        year = int(m.group("my_y"))
    elif m.group("my_last"):
        year = published.year - 1
    elif has_last:
        year = published.year if month < published.month else published.year - 1
    else:
        # "mai"/"may"/"march" are common words; "Marco" (março) is a first name.
        ambiguous = fold(word) in AMBIGUOUS_MONTHS
        if ambiguous and not _after_preposition(text, s, language):
            return None  # "mai"/"may"/"march" are common words
        year = _month_year(month, published)
    day = date(year, month, 1)
    return DateMention(s, e, f"{year:04d}-{month:02d}", "month", day, day > published)


def _weekday_mention(m, text, language, published, weekday_index) -> DateMention | None:
    """ "miercuri", "last Wednesday", "nesta terça-feira (24)": the latest such day."""
    s, e = m.start(), m.end()
    weekday = _weekday_number(m.group("wd_w"), weekday_index, language)
    if weekday is None:
        return None
    if fold(m.group("wd_w")) in COMMA_WEEKDAYS[language] and not _comma_near(text, m, language):
        return None  # "luni" is also "months"
    if m.group("wd_next") or (
        m.group("wd_after_last")
        and re.fullmatch(fold_keep(NEXT[language]), m.group("wd_after_last"))
    ):
        return DateMention(s, e, "", "day", published, True)
    back = (published.weekday() - weekday) % 7
    after_last = m.group("wd_after_last")
    if after_last and after_last in PASSED_WORDS:
        after_last = None  # "Во вторник прошли переговоры": "took place", a verb
    if m.group("wd_last") or after_last:
        back = back or 7
    day = published - timedelta(days=back)
    if m.group("wd_d") and int(m.group("wd_d")) != day.day:
        day = _day_in_month(int(m.group("wd_d")), published) or day
    return DateMention(s, e, day.isoformat(), "day", day)


def _relative_day(m, language, published) -> DateMention:
    """ "ieri", "Ontem (23)": a day counted from publication."""
    said = m.group("rel_w").replace("’", "'")
    offset = next((v for k, v in RELATIVE_DAYS[language].items() if fold_keep(k) == said), 0)
    day = published + timedelta(days=offset)
    if m.group("rel_d"):
        day = _day_in_month(int(m.group("rel_d")), published) or day
    return DateMention(m.start(), m.end(), day.isoformat(), "day", day)


def _period_mention(m, published) -> DateMention | None:
    """Last month, this month, last week, a time to come, last year, a bare year."""
    s, e = m.start(), m.end()
    if m.group("lm"):
        day = (published.replace(day=1) - timedelta(days=1)).replace(day=1)
        return DateMention(s, e, f"{day.year:04d}-{day.month:02d}", "month", day, past=True)
    if m.group("tm"):
        day = published.replace(day=1)
        return DateMention(s, e, f"{day.year:04d}-{day.month:02d}", "month", day, past=True)
    if m.group("lw"):
        day = published - timedelta(days=7)
        return DateMention(s, e, f"{day.year:04d}-{day.month:02d}", "month", day, past=True)
    if m.group("fut"):
        return DateMention(s, e, "", "day", published, True)
    if m.group("ly"):
        year = published.year - 1
        return DateMention(s, e, f"{year:04d}", "year", date(year, 1, 1))
    if m.group("year"):
        year = int(m.group("year_y"))
        return DateMention(s, e, f"{year:04d}", "year", date(year, 1, 1), year > published.year)
    return None


def _day_in_month(dd: int, published: date) -> date | None:
    """A day number given in brackets ("terça-feira (24)"): this month, or the last one."""
    try:
        day = date(published.year, published.month, dd)
    except ValueError:
        return None
    if day > published:
        prev = published.replace(day=1) - timedelta(days=1)
        try:
            day = date(prev.year, prev.month, dd)
        except ValueError:
            return None
    return day


_DAY_PARTS_AFTER = tuple(" " + part for part in DATA.every("day_parts_after"))


# A past participle ("primit", "discutat", "avut", "spus") right before the word.
_PARTICIPLE_BEFORE = DATA.table("participle_before")


def _comma_near(text: str, m: re.Match, language: str) -> bool:
    """ "luni" is Monday between commas, at the start, or before a part of the day ("luni
    seară"); elsewhere it may be "months"."""
    before = text[max(0, m.start() - 2) : m.start()]
    after = text[m.end() : m.end() + 1]
    if text.startswith(_DAY_PARTS_AFTER, m.end()):
        return True
    participle = _PARTICIPLE_BEFORE.get(language)
    if participle is not None and participle.search(text, max(0, m.start() - 20), m.start()):
        return True  # "a fost primit luni": a day after a past participle
    return "," in before or after == "," or before.strip() == "" and m.start() == 0


_MONTH_PREPOSITIONS = DATA.union("month_prepositions")


# "mai" is also Romanian for "more"/"still": "mai bine de două ore", "a mai spus".
_NOT_MONTH_AFTER = DATA.union("not_month_after")


def _after_preposition(text: str, start: int, language: str) -> bool:
    words = text[max(0, start - 12) : start].split()
    after = text[start : start + 30].split()[1:2]
    if after and after[0].strip(",.;") in _NOT_MONTH_AFTER:
        return False
    return bool(words) and words[-1].lower() in _MONTH_PREPOSITIONS
