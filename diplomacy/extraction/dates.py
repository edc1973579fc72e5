"""Dates in article text, resolved against the publication date.

Handles the publication-date marker, absolute dates ("3 septembrie 2025", "June
2024"), day-and-month without a year ("С 22 на 23 января"), months relative to the
publication ("în iunie anul trecut", "last June"), weekdays ("miercuri", "on
Wednesday", "nesta terça-feira (24)") and relative days ("ieri", "Ontem (23)").
One precompiled regex per language; no per-call parsing library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

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
_DATA = datafiles.LanguageData(datafiles.DATA_DIR / "dates", FIELDS)
_AMBIGUOUS_MONTHS = _DATA.union("ambiguous_months")
_EXTRA_ABBREVIATIONS: dict[str, int] = _DATA.union("extra_month_abbreviations")


def _either(words: list[str]) -> str:
    """A regex alternation of words, each once, in the data's order."""
    return "|".join(re.escape(w) for w in dict.fromkeys(words))


# Link words between the parts of a date, in every language's patterns.
_RANGE_JOINERS = _either(_DATA.every("range_joiners"))
_DAY_MONTH_LINKS = _either(_DATA.every("day_month_links"))
_DAY_YEAR_LINKS = _either(_DATA.every("day_year_links"))
_MONTH_YEAR_LINKS = _either(_DATA.every("month_year_links"))
_YEAR_PREPOSITION_RE = _either(_DATA.every("year_prepositions"))


def _f(words: str) -> str:
    return " ".join(fold(w) if "'" not in w else w.lower() for w in words.split())


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


_MONTHS = _DATA.table("months")
# Abbreviated months, only accepted next to a day number ("Sept. 3", "15 giu."): alone
# several are words ("mar" is the sea in Spanish).
_MONTH_ABBREVIATIONS = _DATA.table("month_abbreviations")
_MONTH_ENDINGS = _DATA.table("month_endings")
_NOT_MONTH_BEFORE_DAY = _DATA.table("not_month_before_day")
_COMMA_WEEKDAYS = _DATA.table("comma_weekdays")

WEEKDAYS = _DATA.table("weekdays")
_WEEKDAY_ENDINGS = _DATA.table("weekday_endings")
# "Montagabend", "Freitagmorgen": a weekday and a part of it, one word.
_WEEKDAY_PARTS = _DATA.table("weekday_parts")

# Day offsets from publication: today, yesterday, the day before yesterday.
_RELATIVE_DAYS = _DATA.table("relative_days")
_FUTURE_DAYS = _DATA.table("future_days")
# "прошли", "прошла": "took place", not "last", after a weekday.
_RU_PASSED = frozenset(_DATA.union("passed"))
# "last" before a weekday or month; "last year" after a month.
_LAST = _DATA.table("last")
_NEXT = _DATA.table("next")
# "last week": the month it fell in, as the day is unknown.
_LAST_WEEK = _DATA.table("last_week")
# "last month" and "earlier this month": month-precise, before the news.
_LAST_MONTH = _DATA.table("last_month")
_THIS_MONTH = _DATA.table("this_month")
_LAST_YEAR = _DATA.table("last_year")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day | month | year
    day: date  # the first day it can mean, for ordering
    future: bool = False
    past: bool = False  # said to be before the news even if in its month ("last week")


def _alternatives(words: str) -> str:
    return "|".join(re.escape(w) for w in sorted(words.split(), key=len, reverse=True))


@lru_cache(maxsize=16)
def _compiled(language: str) -> tuple[re.Pattern, dict[str, int], dict[str, int]]:
    months = _f(_MONTHS.get(language, _MONTHS["en"]))
    weekdays = _f(WEEKDAYS.get(language, WEEKDAYS["en"]))
    month_index = {fold(m): i + 1 for i, m in enumerate(months.split())}
    short = _f(_MONTH_ABBREVIATIONS[language]).split()
    for i, abbr in enumerate(short):
        month_index.setdefault(abbr, i + 1)
    for abbreviation, number in _EXTRA_ABBREVIATIONS.items():
        month_index.setdefault(abbreviation, number)
    short_re = f"(?:{_alternatives(' '.join(short + list(_EXTRA_ABBREVIATIONS)))})\\.?"
    weekday_index = {fold(w): i for i, w in enumerate(weekdays.split())}
    # Case endings after month and weekday stems (Russian), parts of the day after a
    # weekday in one word (German).
    month_re = f"(?:{_alternatives(months)}){_MONTH_ENDINGS[language]}"
    weekday_re = f"(?:{_alternatives(weekdays)}){_WEEKDAY_ENDINGS[language]}"
    if _WEEKDAY_PARTS[language]:
        weekday_re += f"(?:{_WEEKDAY_PARTS[language]})?"
    last, nxt = _ws(fold_keep(_LAST[language])), _ws(fold_keep(_NEXT[language]))
    rel = "|".join(
        _ws(re.escape(fold_keep(k)).replace("\\ ", " ")).replace("'", "['’]")
        for k in sorted(_RELATIVE_DAYS[language], key=len, reverse=True)
    )
    # Every alternative starts at a word boundary: testing it once up front spares the
    # engine trying ten alternatives inside every word (about twice as fast).
    pattern = rf"""
      \b(?:
        (?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)
      | (?P<dmy>\b(?P<dmy_d>\d{{1,2}})(?:\s*(?:-|–|{_RANGE_JOINERS})\s*\d{{1,2}})?\.?
            \s+(?:(?:{_DAY_MONTH_LINKS})\s+)?(?P<dmy_m>{month_re}\b|{short_re})
            (?:,?\s+(?:(?:{_DAY_YEAR_LINKS})\s+)?(?P<dmy_y>\d{{4}}))?)
      | (?P<mdy>\b(?P<mdy_m>{month_re}|{short_re})\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?\b
            (?:,?\s+(?P<mdy_y>\d{{4}}))?)
      | (?P<my>\b(?:(?:{last})\s+)?(?P<my_m>{month_re})\b
            (?:\s+(?:(?:{_MONTH_YEAR_LINKS})\s+)?(?:(?P<my_y>\d{{4}})|(?P<my_last>{_ws(fold_keep(_LAST_YEAR[language]))})
               |(?P<my_last2>{last})))?)
      | (?P<wd>\b(?:(?P<wd_last>{last})\s+|(?P<wd_next>{nxt})\s+)?(?P<wd_w>{weekday_re})\b
            (?:\s+(?P<wd_after_last>{last}|{nxt}))?(?:\s*\((?P<wd_d>\d{{1,2}})\))?)
      | (?P<rel>(?<!\w)(?P<rel_w>{rel})(?!\w)(?:\s*\((?P<rel_d>\d{{1,2}})\))?)
      | (?P<lm>\b(?:{_ws(fold_keep(_LAST_MONTH[language]))})\b)
      | (?P<tm>\b(?:{_ws(fold_keep(_THIS_MONTH[language]))})\b)
      | (?P<lw>\b(?:{_ws(fold_keep(_LAST_WEEK[language]))})\b)
      | (?P<fut>\b(?:{_ws(fold_keep(_FUTURE_DAYS[language]))})\b)
      | (?P<ly>\b(?:{_ws(fold_keep(_LAST_YEAR[language]))})\b)
      | (?P<year>\b(?:{_YEAR_PREPOSITION_RE})\s+(?P<year_y>(?:19|20)\d{{2}})\b)
      )
    """
    return re.compile(pattern, re.VERBOSE), month_index, weekday_index


def _month_number(word: str, index: dict[str, int], language: str) -> int | None:
    key = fold(word).rstrip(".")
    if key in index:
        return index[key]
    if _MONTH_ENDINGS[language]:  # a stem: "январ" of "января"
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


def fold_keep(phrase: str) -> str:
    return " ".join(fold(w) if "'" not in w else w.lower() for w in phrase.split(" "))


def _ws(pattern: str) -> str:
    """Spaces of a phrase list as ``\\s+``: the compiled pattern is verbose."""
    return pattern.replace(" ", r"\s+")


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
        mention = _resolve(m, text, language, published, month_index, weekday_index)
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


_YEAR_PREPOSITIONS = _DATA.union("year_prepositions")


@lru_cache(maxsize=16)
def _first_words(language: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Words a date expression of the language may start with (exact forms), and stems
    (Russian case forms, regex alternatives) it may start with."""
    exact: set[str] = set()
    stems: set[str] = set()
    months = _f(_MONTHS.get(language, _MONTHS["en"])).split()
    weekdays = _f(WEEKDAYS.get(language, WEEKDAYS["en"])).split()
    short = _f(_MONTH_ABBREVIATIONS[language]).split()
    phrases = [*short, *_EXTRA_ABBREVIATIONS, *_YEAR_PREPOSITIONS.split()]
    phrases += [fold_keep(k) for k in _RELATIVE_DAYS[language]]
    for table in (_LAST, _NEXT, _LAST_WEEK, _LAST_MONTH, _THIS_MONTH, _FUTURE_DAYS, _LAST_YEAR):
        phrases += _top_alternatives(fold_keep(table[language]))
    # Month and weekday names with case endings or compounds after them are stems.
    if _MONTH_ENDINGS[language]:
        stems.update(months)
    else:
        phrases += months
    if _WEEKDAY_ENDINGS[language] or _WEEKDAY_PARTS[language]:
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


def _resolve(m, text, language, published, month_index, weekday_index) -> DateMention | None:
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
    if fold(m.group(f"{prefix}_m")) in _NOT_MONTH_BEFORE_DAY[language] and prefix == "mdy":
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
        tuple(x for x in fold_keep(_LAST[language]).split("|") if "\\" not in x)
    )
    if m.group("my_y"):
        year = int(m.group("my_y"))
    elif m.group("my_last"):
        year = published.year - 1
    elif has_last:
        year = published.year if month < published.month else published.year - 1
    else:
        # "mai"/"may"/"march" are common words; "Marco" (março) is a first name.
        ambiguous = fold(word) in _AMBIGUOUS_MONTHS
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
    if fold(m.group("wd_w")) in _COMMA_WEEKDAYS[language] and not _comma_near(text, m):
        return None  # "luni" is also "months"
    if m.group("wd_next") or (
        m.group("wd_after_last")
        and re.fullmatch(fold_keep(_NEXT[language]), m.group("wd_after_last"))
    ):
        return DateMention(s, e, "", "day", published, True)
    back = (published.weekday() - weekday) % 7
    after_last = m.group("wd_after_last")
    if after_last and after_last in _RU_PASSED:
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
    offset = next((v for k, v in _RELATIVE_DAYS[language].items() if fold_keep(k) == said), 0)
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


_RO_DAY_PARTS = tuple(" " + part for part in _DATA.every("day_parts_after"))


# A past participle ("primit", "discutat", "avut", "spus") right before the word.
_RO_PARTICIPLE_BEFORE = _DATA.table("participle_before")["ro"]


def _comma_near(text: str, m: re.Match) -> bool:
    """ "luni" is Monday between commas, at the start, or before a part of the day ("luni
    seară"); elsewhere it may be "months"."""
    before = text[max(0, m.start() - 2) : m.start()]
    after = text[m.end() : m.end() + 1]
    if text.startswith(_RO_DAY_PARTS, m.end()):
        return True
    if _RO_PARTICIPLE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
        return True  # "a fost primit luni": a day after a past participle
    return "," in before or after == "," or before.strip() == "" and m.start() == 0


_MONTH_PREPOSITIONS = _DATA.union("month_prepositions")
# "mai" is also Romanian for "more"/"still": "mai bine de două ore", "a mai spus".
_NOT_MONTH_AFTER = _DATA.union("not_month_after")


def _after_preposition(text: str, start: int, language: str) -> bool:
    words = text[max(0, start - 12) : start].split()
    after = text[start : start + 30].split()[1:2]
    if after and after[0].strip(",.;") in _NOT_MONTH_AFTER:
        return False
    return bool(words) and words[-1].lower() in _MONTH_PREPOSITIONS
