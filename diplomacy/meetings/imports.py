"""Importing structured records of leaders' visits and travels as meetings.

The records are the U.S. Office of the Historian's (history.state.gov) visits by
foreign leaders to the United States and travels of U.S. Presidents and Secretaries
of State, as JSON Lines (see the shared data README).

Every person is resolved at the record's date. A visit's host is whoever was
President of the United States that day (the Secretary of State where the remark
says the visitor met the Secretary instead); a traveller is the President or
Secretary of State the record names. The people a remark says were met are read
from titled names ("Met with Prime Minister Li. Also met with Prince Sihanouk of
Cambodia"): a knowledge-base person stands for a name only if nothing in their
offices contradicts the date (a 1990 "President Assad" is Hafez, not Bashar, and a
1991 "Prime Minister Mitsotakis" is not Kyriakos, who took office in 2019);
otherwise the person is created unverified, with the name as the record gives it
and the office it gives them at that date. Nothing else becomes a person: not a
month ("Bush Dec. 13"), a weekday or a phrase ("U.N. Special Session").

Imported meetings keep their record's id (`Meeting.external_id`, `Evidence.record`)
and get a confidence of their own (`IMPORT_CONFIDENCE`), so that editors can tell
them from what the engine read in articles. Each record is imported once.
"""

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction

from diplomacy.extraction.country_names import COUNTRY_NAMES
from diplomacy.extraction.geo import adjective_forms, load_country_names
from diplomacy.extraction.types import ExtractedLeader, LeaderEntry
from diplomacy.leaders.kb import DB_KEY_PREFIX, knowledge_base_cached
from diplomacy.leaders.models import Alias, Leader, Office, normalize_name
from diplomacy.leaders.services import leader_for
from diplomacy.meetings.models import Evidence
from diplomacy.meetings.services import (
    meeting_create,
    meeting_find,
    meetings_lock,
    participant_key,
    surviving_meeting,
)

HOS, HOG, FM = "head_of_state", "head_of_government", "foreign_minister"

# Confidence of an imported meeting: below what the engine gives what it reads in
# articles (0.75-0.9), lower still where a person had to be created unverified or
# was matched by name only (no office of theirs on record at the date).
IMPORT_CONFIDENCE = {"resolved": 0.6, "unverified": 0.4}

# Titles before a name, longest first where one starts another; the role they give
# in the knowledge base, or "" for titles of no office it records.
TITLES: dict[str, str] = {
    "President-elect": HOS,
    "President-Elect": HOS,
    "President": HOS,
    "King": HOS,
    "Queen": HOS,
    "Emperor": HOS,
    "Empress": HOS,
    "Shah": HOS,
    "Sultan": HOS,
    "Amir": HOS,
    "Emir": HOS,
    "Grand Duke": HOS,
    "Grand Duchess": HOS,
    "Pope": HOS,
    "Supreme Leader": HOS,
    "Prime Minister": HOG,
    "Prime Minster": HOG,
    "Premier": HOG,
    "Chancellor": HOG,
    "Taoiseach": HOG,
    "Foreign Minister": FM,
    "Foreign Secretary": FM,
    "Minister of Foreign Affairs": FM,
    "Minister for Foreign Affairs": FM,
    "External Affairs Minister": FM,
    "Secretary of State": FM,
    "Secretary for External Affairs": FM,
    "Vice President": "",
    "Deputy Prime Minister": "",
    "First Deputy Prime Minister": "",
    "Crown Prince": "",
    "Prince": "",
    "Princess": "",
    "Sheikh": "",
    "Chairman": "",
    "General Secretary": "",
    "Secretary General": "",
    "Secretary-General": "",
    "Governor General": "",
    "Governor-General": "",
    "Defense Minister": "",
    "Defence Minister": "",
    "Minister of Defense": "",
    "Finance Minister": "",
    "State Councilor": "",
    "Chairperson": "",
    "Generalissimo": "",
    "Special Envoy": "",
    "Cardinal": "",
    "Archbishop": "",
    "Patriarch": "",
    "Speaker": "",
    "Senator": "",
}
_TITLE_WORDS = sorted((tuple(t.split()) for t in TITLES), key=len, reverse=True)

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
WEEKDAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
}  # fmt: skip
_MONTH_NUMBER = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip
# Capitalised words that start a clause, not a name.
STOP_WORDS = {
    "also", "and", "the", "in", "on", "at", "during", "while", "after", "before", "for",
    "to", "with", "of", "then", "later", "he", "she", "they", "his", "her",
    "met", "attended", "visited", "discussed", "signed", "addressed", "accompanied",
}  # fmt: skip
# Lower-case words inside a name ("Hafez al-Assad", "Fernando de la Rua").
PARTICLES = {
    "al", "el", "bin", "ibn", "bint", "de", "da", "del", "della", "der", "den", "van", "von",
    "di", "du", "dos", "das", "la", "le", "y", "ter", "zu", "ben", "abu",
}  # fmt: skip
NAME_SUFFIXES = {"jr", "sr"}
# A generation after a full name ("James A. Baker III"), not a monarch's number.
_GENERATIONS = {"ii", "iii", "iv"}
# Words of institutions and events: a "name" with one is a phrase ("General Assembly
# Special Session"), not a person.
INSTITUTION_WORDS = {"assembly", "session", "council", "summit", "conference", "committee",
                     "nations", "union", "government", "parliament", "congress", "house",
                     "senate", "ministry", "department", "office", "forces", "army", "party",
                     "meeting", "treaty", "agreement", "organization", "commission", "court",
                     "bank", "fund", "state", "states", "republic", "kingdom"}  # fmt: skip
HONORIFICS = {"dr", "mr", "mrs", "ms", "his", "her", "excellency", "majesty", "highness"}
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = {"u.s.", "u.n.", "jr.", "sr.", "dr.", "st.", "mr.", "mrs.", "ms.", "gen.", "lt.",
                 "col.", "adm.", "sen.", "rep.", "gov.", "calif.", "d.c.", "no.", "co.", "mt.",
                 "ft.", "u.k.", "e.u.", "vs."}  # fmt: skip
# Sentences that report meeting someone.
_MET = re.compile(
    r"\b(?:met|meet|meeting|meetings|talks|conferred|consulted|discussed|briefed|audience|"
    r"called on|received by|hosted by|lunch|luncheon|dinner|breakfast|visited with)\b",
    re.I,
)
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]?\.?|[A-Z]")

_ROLE_OF_CODE = {"president": HOS, "secretary": FM}


# Country names as the records write them that CLDR does not (older names, the source's
# own spellings); codes of states that no longer exist are their ISO 3166-3 ones.
RECORD_COUNTRIES = {
    "Turkey": "TR", "Germany, Federal Republic of": "DE", "German Democratic Republic": "DD",
    "China, People’s Republic of": "CN", "Republic of China": "TW", "China, Republic of": "TW",
    "Korea": "KR", "Korea, Republic of": "KR", "Palestinian Authority": "PS", "West Bank": "PS",
    "U.S.S.R.": "SU", "Soviet Union": "SU", "Yugoslavia": "YU", "Czechoslovakia": "CS",
    "Czech Republic": "CZ", "Slovak Republic": "SK", "Burma": "MM", "Ivory Coast": "CI",
    "Macedonia": "MK", "Macedonia, Former Yugoslav Republic of": "MK", "Swaziland": "SZ",
    "Congo, Republic of": "CG", "Congo, Democratic Republic of": "CD", "Zaire": "CD",
    "Democratic Republic of the Congo": "CD", "Dahomey": "BJ", "The Gambia": "GM",
    "Western Samoa": "WS", "Somoa": "WS", "Tanganyika": "TZ", "Upper Volta": "BF",
    "Somali Republic": "SO", "Bosnia": "BA", "Bosnian Federation": "BA", "Siam": "TH",
    "Bosnia and Herzegovina": "BA", "Muscat & Oman": "OM", "Union of South Africa": "ZA",
    "Ceylon": "LK", "Malaya": "MY", "Khmer Republic": "KH", "Zimbabwe Rhodesia": "ZW",
    "Southern Rhodesia": "ZW", "St. Christopher and Nevis": "KN", "St. Kitts and Nevis": "KN",
    "St. Vincent and the Grenadines": "VC", "Yemen Arab Republic": "YE", "East Timor": "TL",
    "Kirghizia": "KG", "Kyrgyz Republic": "KG", "Byelorussia": "BY", "Holy See": "VA",
    "Serbia and Montenegro": "RS", "Serbia-Montenegro": "RS", "Trinidad and Tobago": "TT",
    "Micronesia, Federated States of": "FM", "Antigua and Barbuda": "AG",
    "Sao Tome and Principe": "ST",
}  # fmt: skip


def _country_index() -> dict[str, str]:
    index = {}
    for code, names in load_country_names().items():
        for name in names:
            index.setdefault(normalize_name(name), code)
    for name, code in RECORD_COUNTRIES.items():
        index[normalize_name(name)] = code
    return index


_COUNTRIES = _country_index()
_ADJECTIVES = {
    normalize_name(form): code for form, code, language in adjective_forms() if language == "en"
} | {"soviet": "SU", "west german": "DE", "east german": "DD"}


def country_code(name: str | None) -> str:
    """ISO code of a country as the records write it ("Korea, South", "Germany")."""
    if not name:
        return ""
    # "Ceylon (Sri Lanka)", "Poland (government-in-exile)": the name, else the bracket.
    if "(" in name:
        head, _, rest = name.partition("(")
        return country_code(head.strip()) or country_code(rest.rstrip(")").strip())
    plain = normalize_name(name)
    if plain in _COUNTRIES:
        return _COUNTRIES[plain]
    if ", " in name:  # "Korea, South" -> "South Korea"
        head, _, tail = name.partition(", ")
        return _COUNTRIES.get(normalize_name(f"{tail} {head}"), "")
    return ""


@dataclass(frozen=True)
class Mention:
    """A person as a record names them: "President Assad", "Russian President Vladimir Putin"."""

    name: str
    title: str = ""
    country: str = ""  # stated in the text (an adjective, "of Cambodia"), else ""

    @property
    def role(self) -> str:
        return TITLES.get(self.title, "")


# --- reading names --------------------------------------------------------------------


def _sentences(text: str) -> list[list[str]]:
    """Words of each sentence; a full stop after an initial, an abbreviation or a month
    abbreviation before a day ("Dec. 13") does not end one."""
    sentences, words = [], []
    tokens = text.split()
    for i, word in enumerate(tokens):
        words.append(word)
        if word[-1] in ".;!?" and not _keeps_sentence(word, tokens[i + 1 : i + 2]):
            sentences.append(words)
            words = []
    if words:
        sentences.append(words)
    return sentences


def _keeps_sentence(word: str, following: list[str]) -> bool:
    if word[-1] != ".":
        return False
    bare = word.strip("(\"'“”‘’")
    if bare.lower() in ABBREVIATIONS or _INITIALS.fullmatch(bare):
        return True
    return bare[:-1].lower() in MONTHS and bool(following) and following[0][:1].isdigit()


def _clean(word: str) -> tuple[str, bool]:
    """A word without its surrounding punctuation, and whether punctuation after it ends
    the name (a comma, a semicolon, a sentence's full stop)."""
    stripped = word.strip("\"'“”‘’()[]")
    ends = stripped != word.rstrip("\"'“”‘’)]") or bool(re.search(r"[,;:!?)\]]$", word))
    if stripped.endswith(".") and not (
        _INITIALS.fullmatch(stripped) or stripped.lower() in ABBREVIATIONS
    ):
        return stripped[:-1], True
    if stripped.endswith((",", ";", ":")):
        return stripped[:-1], True
    return stripped, ends


def _is_date_word(word: str, following: str) -> bool:
    plain = word.rstrip(".").lower()
    if plain in WEEKDAYS:
        return True
    if plain in MONTHS:
        # "May" is a name too ("Theresa May"): a month only before a day or with a stop.
        return plain != "may" or following[:1].isdigit() or word.endswith(".")
    return False


def _name_follows(words: list[str], i: int) -> bool:
    """Whether a capitalised name word follows, past particles ("de la Rua")."""
    while i < len(words) and words[i].lower() in PARTICLES:
        i += 1
    return i < len(words) and words[i][:1].isupper()


def _name_at(words: list[str], start: int) -> tuple[str, int]:
    """The name starting at words[start] and the index after it ('' if none)."""
    parts: list[str] = []
    i = start
    while i < len(words):
        word, ends = _clean(words[i])
        following = words[i + 1] if i + 1 < len(words) else ""
        if not word or _is_date_word(word, following) or word.lower() in STOP_WORDS:
            break
        first = word.split("-")[-1] if word.lower().startswith(("al-", "el-")) else word
        particle = word.lower() in PARTICLES and parts and not ends
        if not (first[:1].isupper() or particle and _name_follows(words, i + 1)):
            break
        parts.append(word)
        i += 1
        if ends:
            break
    while parts and parts[-1].lower() in PARTICLES:
        parts.pop()
    while parts and parts[0].rstrip(".").lower() in HONORIFICS:
        parts.pop(0)
    if any(p.lower().strip(".,") in INSTITUTION_WORDS for p in parts):
        return "", start
    if parts and all(_INITIALS.fullmatch(p) for p in parts):
        return "", start
    return " ".join(parts), i


def _title_at(words: list[str], i: int) -> tuple[str, int]:
    """The title starting at words[i] (in the singular: "Prime Ministers" is a title too)."""
    for title in _TITLE_WORDS:
        n = len(title)
        found = [_clean(w)[0] for w in words[i : i + n]]
        if found and found[-1].endswith("s") and found[-1] != title[-1]:
            found[-1] = found[-1][:-1]
        if tuple(found) == title:
            # A title ends where its last word is not followed by punctuation.
            if _clean(words[i + n - 1])[1]:
                return "", i
            return " ".join(title), i + n
    return "", i


def _adjective_before(words: list[str], i: int) -> str:
    """The country of the adjective before a title ("Syrian President"); "?" for a
    qualifier this table lacks ("Soviet Foreign Minister", "Authority President"),
    which says the person is not necessarily of the country the record is about."""
    for n in (2, 1):
        if i - n >= 0:
            phrase = normalize_name(" ".join(_clean(w)[0] for w in words[i - n : i]))
            if phrase in _ADJECTIVES:
                return _ADJECTIVES[phrase]
    if i > 0:
        word, ends = _clean(words[i - 1])
        if word[:1].isupper() and not ends and word.lower() not in STOP_WORDS:
            # "Saudi Arabian Crown Prince", "Palestinian Authority President"
            before = normalize_name(_clean(words[i - 2])[0]) if i > 1 else ""
            return _ADJECTIVES.get(before, "?")
    return ""


def _of_country(words: list[str], i: int) -> tuple[str, int]:
    """'of Cambodia' after a name: the country and the index after it."""
    if i < len(words) and words[i - 1][-1:] not in ",;." and words[i] == "of":
        for n in (3, 2, 1):
            phrase = " ".join(_clean(w)[0] for w in words[i + 1 : i + 1 + n])
            code = _COUNTRIES.get(normalize_name(phrase)) if phrase else None
            if code:
                return code, i + 1 + n
    return "", i


def _countries_after(words: list[str], i: int) -> tuple[list[str], int]:
    """'of Denmark, Iceland, and Norway' at words[i]: the countries and the index after."""
    if i >= len(words) or words[i] != "of":
        return [], i
    codes, j = [], i + 1
    while j < len(words):
        if words[j].lower() == "the":
            j += 1
        for n in (3, 2, 1):
            phrase = " ".join(_clean(w)[0] for w in words[j : j + n])
            code = _COUNTRIES.get(normalize_name(phrase)) if j + n <= len(words) else None
            if code:
                break
        else:
            break
        codes.append(code)
        j += n
        if j < len(words) and words[j] in ("and", "&"):
            j += 1
        elif words[j - 1].endswith(","):
            j += 1 if j < len(words) and words[j] == "and" else 0
        else:
            break
    return codes, j


def titled_mentions(words: list[str]) -> list[Mention]:
    """The titled names of a sentence: "Russian President Vladimir Putin", "Prince
    Sihanouk of Cambodia", "Prime Minister Li" (and only the name, never a date or a
    phrase that follows it)."""
    found = []
    i = 0
    while i < len(words):
        title, after = _title_at(words, i)
        if not title:
            i += 1
            continue
        name, end = _name_at(words, after)
        if not name:
            # An office without a name: "the President of Finland and the Prime
            # Ministers of Denmark and Norway" stand for their holders at the date.
            countries, end = _countries_after(words, after) if TITLES[title] else ([], after)
            found.extend(Mention("", title, code) for code in countries)
            i = max(end, after)
            continue
        country, end = _of_country(words, end) if end > after else ("", end)
        country = country or _adjective_before(words, i)
        found.append(Mention(name, title, country))
        i = end
    return found


def remark_mentions(text: str) -> list[Mention]:
    """The titled people a remark says were met, in order, each once."""
    found: dict[str, Mention] = {}
    for words in _sentences(text or ""):
        if _MET.search(" ".join(words)):
            for mention in titled_mentions(words):
                found.setdefault(mention.name or f"{mention.title} of {mention.country}", mention)
    return list(found.values())


def meeting_day(text: str, start: date, end: date) -> date:
    """The day a remark gives for the meeting ("Met with President Bush Dec. 13") if it
    falls within the record's dates, else the record's first day."""
    for words in _sentences(text or ""):
        if not _MET.search(" ".join(words)):
            continue
        for word, following in zip(words, [*words[1:], ""], strict=True):
            month = _MONTH_NUMBER.get(word.rstrip(".").lower())
            day = re.match(r"(\d{1,2})\b", following)
            if month and day:
                for year in {start.year, end.year}:
                    try:
                        candidate = date(year, month, int(day.group(1)))
                    except ValueError:
                        continue
                    if start <= candidate <= end:
                        return candidate
    return start


# --- resolving people ---------------------------------------------------------------


def _tokens(name: str) -> list[str]:
    name = re.sub(r"\([^)]*\)", " ", name)
    tokens = [t for t in normalize_name(name).split() if t not in NAME_SUFFIXES]
    if len(tokens) > 2 and tokens[-1] in _GENERATIONS:
        tokens.pop()
    return tokens


def _given_compatible(a: list[str], b: list[str]) -> bool:
    a = [t for t in a if t not in PARTICLES]
    b = [t for t in b if t not in PARTICLES]
    if not a or not b:
        return True
    if a[0] == b[0] or (len(a[0]) == 1 and b[0].startswith(a[0])):
        return True
    return len(b[0]) == 1 and a[0].startswith(b[0])


def _in_era(entry: LeaderEntry, day: date, years: int = 15) -> bool:
    starts = [o.start for o in entry.offices if o.start]
    ends = [o.end or date.max for o in entry.offices]
    if not starts:
        return True
    low = min(starts).replace(year=max(min(starts).year - years, 1), day=1)
    high = max(ends)
    high = high if high == date.max else high.replace(year=high.year + years, day=1)
    return low <= day <= high


@dataclass
class Resolution:
    leader: ExtractedLeader
    by_office: bool  # a knowledge-base person holding an office at the date
    reason: str = ""  # why it is unverified


class Resolver:
    """People of the records matched to the knowledge base at a date."""

    def __init__(self, kb):
        self.kb = kb
        self.by_surname: dict[str, set[str]] = {}
        for key, entry in kb.leaders.items():
            for alias in (entry.name, *entry.aliases):
                tokens = _tokens(alias)
                if tokens:
                    self.by_surname.setdefault(tokens[-1], set()).add(key)

    def _known(self, entry: LeaderEntry, role: str, by_office: bool) -> Resolution:
        leader = ExtractedLeader(
            name=entry.name, country=entry.country, role=role, known=True, key=entry.key
        )
        # A person an earlier import created unverified is theirs, but not verified.
        return Resolution(leader, by_office and not entry.key.startswith(DB_KEY_PREFIX))

    def names_match(self, entry: LeaderEntry, name: str) -> bool:
        tokens = _tokens(name)
        if not tokens:
            return False
        for alias in (entry.name, *entry.aliases):
            alias_tokens = _tokens(alias)
            if not alias_tokens or alias_tokens[-1] != tokens[-1]:
                continue
            # A bare surname alias ("Assad") does not vouch for given names.
            if len(tokens) == 1 or (
                len(alias_tokens) > 1 and _given_compatible(tokens[:-1], alias_tokens[:-1])
            ):
                return True
        return False

    def fit(
        self, entry: LeaderEntry, mention: Mention, day: date, elect: bool = False
    ) -> int | None:
        """How well the person's offices fit the mention at the date: 3 they held the
        office, 2 they held another office then, 1 nothing on record contradicts it;
        None when their offices say they were not it (the office held at other times)."""
        role, country = mention.role, mention.country
        offices = [o for o in entry.offices if not country or o.country == country]
        if country and not offices and entry.country != country:
            return None
        held = [o for o in offices if o.held_on(day)]
        if role and any(o.role == role for o in held):
            return 3
        if role and any(o.role == role for o in offices):
            elect = elect or "elect" in mention.title.lower()
            soon = [o for o in offices if o.role == role and o.start and o.start > day]
            if elect and any((o.start - day).days <= 400 for o in soon):
                return 2
            return None
        if held:
            return 2
        tokens = _tokens(mention.name)
        if len(tokens) == 1 and not any(_tokens(a) == tokens for a in (entry.name, *entry.aliases)):
            return None  # a bare surname is matched by office, not by era
        return 1 if _in_era(entry, day) else None

    def resolve(
        self, mention: Mention, day: date, default_country: str = "", elect: bool = False
    ) -> Resolution:
        tokens = _tokens(mention.name)
        if mention.country == "?":
            mention = Mention(mention.name, mention.title, "")
            default_country = ""
        country = mention.country or default_country
        # The office holder of the country at the date, if the name is theirs.
        if mention.role and country:
            holder = self.kb.resolve_office_holder(country, mention.role, on=day)
            if holder is not None and self.names_match(holder, mention.name):
                return self._known(holder, mention.role, True)
        # Anyone of that name whose offices fit the date.
        scored = []
        for key in self.by_surname.get(tokens[-1] if tokens else "", ()):
            entry = self.kb.leaders[key]
            if not self.names_match(entry, mention.name):
                continue
            rank = self.fit(entry, mention, day, elect)
            if rank is not None:
                # The country the text implies breaks ties.
                scored.append((rank, entry.country == country, entry))
        if scored:
            best = max(scored, key=lambda s: s[:2])
            rivals = [s for s in scored if s[:2] == best[:2]]
            if len(rivals) == 1:
                return self._known(best[2], mention.role, best[0] >= 2)
            reason = "several people of this name fit the date"
        elif self.by_surname.get(tokens[-1] if tokens else ""):
            reason = "a person of this name is known, but not in this office at the date"
        else:
            reason = "not in the knowledge base"
        leader = ExtractedLeader(
            name=mention.name, country=country, role=mention.role, known=False, key=None
        )
        return Resolution(leader, False, reason)

    def holder(self, country: str, role: str, day: date) -> Resolution | None:
        entry = self.kb.resolve_office_holder(country, role, on=day)
        return self._known(entry, role, True) if entry is not None else None


# --- the records --------------------------------------------------------------------


@dataclass
class Participant:
    resolution: Resolution
    mention: Mention


@dataclass
class ImportResult:
    records: int = 0
    created: int = 0
    joined: int = 0
    already: int = 0
    no_counterpart: int = 0
    rejected: int = 0
    # What could not be resolved, by reason: counts and the first examples.
    unresolved: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def note(self, reason: str, example: str) -> None:
        self.unresolved[reason] += 1
        shown = self.examples.setdefault(reason, [])
        if len(shown) < 5:
            shown.append(example)

    def __str__(self) -> str:
        return (
            f"{self.records} records: {self.created} meetings created, {self.joined} added "
            f"as evidence to meetings on record, {self.already} imported before, "
            f"{self.no_counterpart} without a counterpart to meet, "
            f"{self.rejected} of meetings editors rejected"
        )

    def report(self) -> str:
        """What the import could not resolve, by reason, with the first examples."""
        if not self.unresolved:
            return "Everything resolved."
        lines = ["Not resolved:"]
        for reason, count in self.unresolved.most_common():
            lines.append(f"  {count} × {reason}")
            lines.extend(f"      {example}" for example in self.examples[reason])
        return "\n".join(lines)


def _visitors(record: dict) -> list[Mention]:
    """The visitors a visit record names: its title and name, or several ("President X
    and Prime Minister Y")."""
    country = country_code(record.get("from_country"))
    text = record["visitor"]
    mentions = [
        Mention(m.name, m.title, m.country or country) for m in titled_mentions(text.split())
    ]
    if mentions and text.startswith(mentions[0].title):
        return mentions
    title = record.get("visitor_role") or ""
    name = text.removeprefix(title).strip() if title and text.startswith(title) else text
    name = name.split(" and ")[0].strip()
    return [Mention(name, title if title in TITLES else "", country), *mentions]


def _participant(
    resolver: Resolver, mention: Mention, day: date, country: str, record: dict, result
) -> list[Participant]:
    """A person a remark names, or the office holder an office without a name stands for."""
    if mention.name:
        return [Participant(resolver.resolve(mention, day, country), mention)]
    holder = resolver.holder(mention.country, mention.role, day)
    if holder is None:
        result.note(
            "no office holder on record at the date",
            f"{record['id']} {day}: {mention.title} of {mention.country}",
        )
        return []
    return [Participant(holder, Mention(holder.leader.name, mention.title, mention.country))]


def record_people(
    record: dict, resolver: Resolver, result: ImportResult
) -> tuple[list[Participant], date, str, str, str]:
    """The people of a record's meeting, its day, kind, place and the place's country."""
    start = date.fromisoformat(record["start_date"])
    end = date.fromisoformat(record.get("end_date") or record["start_date"])
    description = record.get("description") or ""
    day = meeting_day(description, start, end)
    people: list[Participant] = []
    if record["id"].startswith("travels-"):
        role = _ROLE_OF_CODE.get(record.get("traveler_role_code") or "", "")
        title = "President" if role == HOS else "Secretary of State"
        traveller = Mention(record["visitor"], title, "US")
        resolution = resolver.resolve(traveller, day, "US", elect=True)
        people.append(Participant(resolution, traveller))
        host = country_code(record.get("host_country"))
        for mention in remark_mentions(description):
            people.extend(_participant(resolver, mention, day, host, record, result))
        place = (record.get("locations") or [""])[0]
        return people, day, "bilateral" if len(people) == 2 else "multilateral", place, host
    # A foreign leader's visit to the United States: the host is the sitting President,
    # or the Secretary of State where the remark says the visitor met the Secretary.
    for visitor in _visitors(record):
        people.append(Participant(resolver.resolve(visitor, day, elect=True), visitor))
    named = remark_mentions(description)
    for mention in named:
        people.extend(_participant(resolver, mention, day, "US", record, result))
    us_people = [p for p in people[1:] if p.resolution.leader.country == "US"]
    host_role = HOS
    if not any(p.mention.title == "President" for p in us_people) and any(
        p.mention.title == "Secretary of State" for p in us_people
    ):
        host_role = FM
    host = resolver.holder("US", host_role, day)
    if host is None:
        result.note("no U.S. office holder on record at the date", f"{record['id']} {day}")
    else:
        people.append(Participant(host, Mention(host.leader.name, "", "US")))
    return people, day, "visit", "Washington", "US"


def _unverified_leader(participant: Participant, day: date) -> Leader:
    """The unverified person a record names: one per name and country, with the office
    the records give them, spanning the dates they are seen in it."""
    leader_data, mention = participant.resolution.leader, participant.mention
    normalized = normalize_name(leader_data.name)
    alias = (
        Alias.objects.filter(
            normalized=normalized, leader__known=False, leader__country=leader_data.country
        )
        .select_related("leader")
        .first()
    )
    if alias is not None:
        leader = alias.leader
    else:
        leader = Leader.objects.create(
            name=leader_data.name, country=leader_data.country, known=False
        )
        Alias.objects.create(leader=leader, name=leader_data.name)
    if mention.role:
        country = leader_data.country
        title = mention.title.replace("-elect", "").replace("-Elect", "")
        names = COUNTRY_NAMES.get(country)
        title = f"{title} of {names[0]}" if names else title
        office = Office.objects.filter(leader=leader, title=title).first()
        if office is None:
            Office.objects.create(
                leader=leader, title=title, role=mention.role, country=country, start=day, end=day
            )
        elif not (office.start <= day <= office.end):
            office.start, office.end = min(office.start, day), max(office.end, day)
            office.save(update_fields=["start", "end"])
    return leader


def import_record(record: dict, resolver: Resolver, result: ImportResult) -> None:
    result.records += 1
    if Evidence.objects.filter(record=record["id"]).exists():
        result.already += 1
        return
    people, day, kind, place, country = record_people(record, resolver, result)
    leaders: dict[int, Leader] = {}
    unverified = False
    for participant in people:
        resolution = participant.resolution
        if resolution.leader.known:
            leader = leader_for(resolution.leader)
        else:
            leader = _unverified_leader(participant, day)
            mention = participant.mention
            result.note(
                f"created unverified: {resolution.reason}",
                f"{record['id']} {day}: {mention.title} {mention.name} ({mention.country or '?'})"
                f" -> {leader.name} ({leader.country or '?'})".replace("  ", " "),
            )
        unverified = unverified or not resolution.by_office
        leaders.setdefault(leader.pk, leader)
    if len(leaders) < 2:
        result.no_counterpart += 1
        result.note(
            "no counterpart: the remark names no one met",
            f"{record['id']} {record['visitor']}: {record.get('description') or ''}"[:160],
        )
        return
    if kind != "visit":
        kind = "bilateral" if len(leaders) == 2 else "multilateral"
    meetings_lock([participant_key(leaders)])  # held until the import commits: no twins
    found = meeting_find(set(leaders), day, "day", place)
    meeting = surviving_meeting(found) if found is not None else None
    if found is not None and meeting is None:
        result.rejected += 1  # an editor rejected this meeting: never create it again
        return
    if meeting is None:
        meeting = meeting_create(
            list(leaders.values()),
            date=day,
            date_precision="day",
            place=place,
            country=country,
            kind=kind,
            confidence=IMPORT_CONFIDENCE["unverified" if unverified else "resolved"],
            external_id=record["id"],
        )
        result.created += 1
    else:
        result.joined += 1
    Evidence.objects.create(
        meeting=meeting,
        record=record["id"],
        text=f"{record['visitor']}: {record.get('description') or ''}".strip(),
    )


def import_records(path: Path) -> ImportResult:
    """Import a JSON Lines file of visit or travel records; running it twice changes nothing."""
    resolver = Resolver(knowledge_base_cached())
    result = ImportResult()
    with path.open(encoding="utf-8") as lines, transaction.atomic():
        for line in lines:
            if line.strip():
                import_record(json.loads(line), resolver, result)
    return result
