"""Importing structured records of leaders' visits and travels as meetings.

The records are the U.S. Office of the Historian's (history.state.gov) visits by
foreign leaders to the United States and travels of U.S. Presidents and Secretaries
of State, as JSON Lines (see the shared data README). People are resolved against
the knowledge base — by office at the record's date for the traveller and the host,
by name (through the extraction engine's matcher) for the people a remark names —
and a person the knowledge base lacks is created unverified. Each record is
imported once: its id is kept on the evidence it adds.
"""

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction

from diplomacy.extraction import extract
from diplomacy.extraction.country_names import COUNTRY_NAMES
from diplomacy.extraction.types import ExtractedLeader
from diplomacy.leaders.kb import knowledge_base_cached
from diplomacy.leaders.models import Leader, normalize_name
from diplomacy.meetings.models import Evidence
from diplomacy.meetings.services import (
    leader_for,
    meeting_create,
    meeting_find,
    surviving_meeting,
)

# Sentences of a remark that report meeting someone ("Met with President X and
# Foreign Minister Y.", "discussed trade with Prime Minister Z").
_MET = re.compile(
    r"\b(?:met|meeting|meetings|talks|conferred|discussed [^.;]{0,80}?)\s+with\b", re.I
)
_VISIT = re.compile(r"\bvisit\b|\bworking (?:lunch|dinner)\b|\bmet with (?:the )?president\b", re.I)
# A sentence ends after a word of two lower-case letters or more, not after an
# initial ("Michael D. Higgins") or an abbreviation ("U.S.", "Jr.").
_SENTENCE_END = re.compile(r"(?<=[a-z]{2}[.;])\s+")

_ROLE_OF_CODE = {"president": "head_of_state", "secretary": "foreign_minister"}


def _country_index() -> dict[str, str]:
    index = {}
    for code, names in COUNTRY_NAMES.items():
        for name in names:
            index.setdefault(normalize_name(name), code)
    return index


_COUNTRIES = _country_index()


def country_code(name: str | None) -> str:
    """ISO code of a country as the records write it ("Korea, South", "Germany")."""
    if not name:
        return ""
    plain = normalize_name(name)
    if plain in _COUNTRIES:
        return _COUNTRIES[plain]
    if ", " in name:  # "Korea, South" -> "South Korea"
        head, _, tail = name.partition(", ")
        return _COUNTRIES.get(normalize_name(f"{tail} {head}"), "")
    return ""


@dataclass
class ImportResult:
    records: int = 0
    created: int = 0
    joined: int = 0
    already: int = 0
    no_counterpart: int = 0
    rejected: int = 0

    def __str__(self) -> str:
        return (
            f"{self.records} records: {self.created} meetings created, {self.joined} added "
            f"as evidence to meetings on record, {self.already} imported before, "
            f"{self.no_counterpart} without a counterpart to meet, "
            f"{self.rejected} of meetings editors rejected"
        )


def _people_named(text: str, on: date, kb, exclude: set[str]) -> list[ExtractedLeader]:
    """People a remark says the traveller met, found by the extraction engine's matcher."""
    found: dict[str, ExtractedLeader] = {}
    for sentence in _SENTENCE_END.split(text):
        if _MET.search(sentence):
            for person in extract(sentence.strip(), on, kb).leaders:
                if person.name not in exclude:
                    found.setdefault(person.name, person)
    return list(found.values())


def _holder(kb, country: str, role: str, on: date) -> ExtractedLeader | None:
    entry = kb.resolve_office_holder(country, role, on=on)
    if entry is None:
        return None
    return ExtractedLeader(
        name=entry.name, country=entry.country, role=role, known=True, key=entry.key
    )


def _person(name: str, country: str, on: date, kb) -> ExtractedLeader:
    """A named person: the knowledge base's if the engine finds them, else unverified."""
    people = extract(f"{name}.", on, kb).leaders
    if people:
        return people[0]
    return ExtractedLeader(name=name, country=country, role="", known=False, key=None)


def record_participants(record: dict, kb) -> tuple[list[ExtractedLeader], str, str, str]:
    """The people of a record's meeting, its kind, place and place's country."""
    on = date.fromisoformat(record["start_date"])
    description = record.get("description") or ""
    if record["id"].startswith("travels-"):
        role = _ROLE_OF_CODE.get(record.get("traveler_role_code") or "", "")
        traveller = _holder(kb, "US", role, on) if role else None
        traveller = traveller or _person(record["visitor"], "US", on, kb)
        others = _people_named(description, on, kb, {traveller.name})
        place = (record.get("locations") or [""])[0]
        country = country_code(record.get("host_country"))
        kind = "bilateral" if len(others) == 1 else "multilateral"
        return [traveller, *others], kind, place, country
    # A foreign leader's visit to the United States: the visitor meets the President
    # when the record says it was a visit or names the meeting.
    visitor_country = country_code(record.get("from_country"))
    title = record.get("visitor_role") or ""
    name = record["visitor"].removeprefix(title).strip() if title else record["visitor"]
    visitor = _person(name, visitor_country, on, kb)
    others = _people_named(description, on, kb, {visitor.name})
    if not others and _VISIT.search(description):
        president = _holder(kb, "US", "head_of_state", on)
        others = [president] if president else []
    return [visitor, *others], "visit", "Washington" if others else "", "US"


def import_record(record: dict, kb, result: ImportResult) -> None:
    result.records += 1
    if Evidence.objects.filter(record=record["id"]).exists():
        result.already += 1
        return
    people, kind, place, country = record_participants(record, kb)
    if len(people) < 2:
        result.no_counterpart += 1
        return
    leaders: list[Leader] = list({leader_for(p).pk: leader_for(p) for p in people}.values())
    if len(leaders) < 2:
        result.no_counterpart += 1
        return
    day = date.fromisoformat(record["start_date"])
    found = meeting_find({p.pk for p in leaders}, day, "day", place)
    meeting = surviving_meeting(found) if found is not None else None
    if found is not None and meeting is None:
        result.rejected += 1  # an editor rejected this meeting: never create it again
        return
    if meeting is None:
        meeting = meeting_create(
            leaders,
            date=day,
            date_precision="day",
            place=place,
            country=country,
            kind=kind,
            confidence=0.95,
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
    kb = knowledge_base_cached()
    result = ImportResult()
    with path.open(encoding="utf-8") as lines, transaction.atomic():
        for line in lines:
            if line.strip():
                import_record(json.loads(line), kb, result)
    return result
