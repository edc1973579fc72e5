"""The knowledge base of leaders: aliases, offices with dates, and who held what when.

Built from ``LeaderEntry`` values, whatever their source (the repository's JSONL file
or the application's database), so the engine behaves the same either way.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from diplomacy.extraction.phrases import PhraseIndex
from diplomacy.extraction.text import fold_phrase
from diplomacy.extraction.types import LeaderEntry, Office

# Preference when one person held several offices, and when a bare role must be
# resolved: a head of state outranks a head of government, and so on.
ROLE_RANK = {
    "head_of_state": 0,
    "head_of_government": 1,
    "foreign_minister": 2,
    "head_of_organisation": 3,
    "official": 4,
}


def parse_date(value: str | None, *, end: bool = False) -> date | None:
    """YYYY-MM-DD, YYYY-MM or YYYY; a partial end date means the end of that period."""
    if not value:
        return None
    parts = [int(p) for p in str(value).split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    last_day = calendar.monthrange(year, month)[1]
    day = parts[2] if len(parts) > 2 else (last_day if end else 1)
    return date(year, month, day)


def load_leader_entries(path: str | Path) -> list[LeaderEntry]:
    """Read the leaders JSONL file (one person per line) into ``LeaderEntry`` values."""
    entries = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            row = json.loads(line)
            offices = tuple(
                Office(
                    title=o["title"],
                    role=o["role"],
                    country=o.get("country") or row["country"],
                    start=parse_date(o.get("start")),
                    end=parse_date(o.get("end"), end=True),
                )
                for o in row.get("offices", [])
            )
            entries.append(
                LeaderEntry(
                    key=row["key"],
                    name=row["name"],
                    country=row["country"],
                    aliases=tuple(row.get("aliases", [])),
                    offices=offices,
                )
            )
    return entries


class KnowledgeBase:
    """Leaders indexed for matching: an alias phrase index and office holders by role."""

    def __init__(self, leaders: Iterable[LeaderEntry]):
        self.leaders: dict[str, LeaderEntry] = {}
        self.aliases = PhraseIndex()
        self.holders: dict[tuple[str, str], list[tuple[Office, str]]] = {}
        for entry in leaders:
            self.leaders[entry.key] = entry
            for alias in dict.fromkeys((entry.name, *entry.aliases)):
                tokens = fold_phrase(alias)
                if not tokens:
                    continue
                # Payload: who, whether the alias is one word, and its last word (so the
                # matcher knows when a text form was inflected).
                self.aliases.add(tokens, (entry.key, len(tokens) == 1, tokens[-1]))
            for office in entry.offices:
                self.holders.setdefault((office.country, office.role), []).append(
                    (office, entry.key)
                )
        self.aliases.freeze()
        self._surnames: dict[str, list[str]] | None = None

    def __len__(self) -> int:
        return len(self.leaders)

    def resolve_office_holder(
        self, country: str, role: str, on: date | None = None
    ) -> LeaderEntry | None:
        """Who held ``role`` for ``country`` on the day (the latest holder if no day)."""
        candidates = self.holders.get((country, role), [])
        if on is not None:
            holding = [(o, k) for o, k in candidates if o.held_on(on)]
        else:
            holding = [(o, k) for o, k in candidates if o.end is None]
        if not holding:
            return None
        # Overlaps happen at hand-over days; the one who took office last wins.
        office, key = max(holding, key=lambda ok: ok[0].start or date.min)
        return self.leaders[key]

    def office_on(self, key: str, on: date | None) -> Office | None:
        """The highest-ranked office the leader held on the day (or most recently)."""
        entry = self.leaders.get(key)
        if entry is None or not entry.offices:
            return None
        offices = list(entry.offices)
        if on is not None:
            held = [o for o in offices if o.held_on(on)]
            if held:
                return min(held, key=lambda o: ROLE_RANK.get(o.role, 9))
            before = [o for o in offices if o.start is None or o.start <= on]
            if before:
                return max(before, key=lambda o: o.start or date.min)
        return max(offices, key=lambda o: o.start or date.min)

    def holders_by_surname(self, surname: str, on: date | None) -> list[str]:
        """The leaders whose name ends with the folded ``surname`` and who held an office
        on the day: "President Bush" in 2001 is George W. Bush, not his father."""
        if self._surnames is None:
            self._surnames = {}
            for entry in self.leaders.values():
                tokens = fold_phrase(entry.name)
                if len(tokens) >= 2 and entry.offices:
                    self._surnames.setdefault(tokens[-1], []).append(entry.key)
        return [k for k in self._surnames.get(surname, ()) if self.holds_office(k, on)]

    def holds_office(self, key: str, on: date | None) -> bool:
        entry = self.leaders.get(key)
        if entry is None or on is None:
            return False
        return any(o.held_on(on) for o in entry.offices)


def load_knowledge_base(path: str | Path) -> KnowledgeBase:
    """The knowledge base of a leaders JSONL file, such as the application's
    (diplomacy/leaders/data/leaders.jsonl): the caller names it, the library knows no app."""
    return KnowledgeBase(load_leader_entries(path))
