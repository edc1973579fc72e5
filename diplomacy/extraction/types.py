"""The extraction library's inputs and outputs: plain dataclasses, no Django.

The knowledge base is built either from the repository's data files
(``knowledge.load_knowledge_base``) or, in the application, from the database
(``diplomacy.leaders.kb.knowledge_base_from_db``); both produce the same
``KnowledgeBase``, so the engine never knows where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diplomacy.extraction.trace import Trace


@dataclass(frozen=True)
class Office:
    """An office a leader held: ``role`` is one of ``ROLES``; dates are inclusive."""

    title: str
    role: str
    country: str
    start: date | None = None
    end: date | None = None

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


ROLES = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "head_of_organisation",
    "official",
)


@dataclass(frozen=True)
class LeaderEntry:
    """A person of the knowledge base. ``key`` is stable (a Wikidata id or a slug)."""

    key: str
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass
class ExtractedLeader:
    name: str
    country: str
    role: str
    known: bool
    key: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class ExtractedMeeting:
    participants: list[str]  # canonical names, as in ExtractedLeader.name
    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY
    date_precision: str | None  # day | month | year
    location_name: str | None
    location_country: str | None
    kind: str  # bilateral | multilateral | call | visit
    reported_as: str  # current | past
    confidence: float
    evidence: list[Span] = field(default_factory=list)
    occasion: str = ""


@dataclass
class ExtractedStatement:
    speaker: str  # canonical name, as in ExtractedLeader.name
    text: str
    kind: str  # direct | indirect | fragment (a quotation of one or two words)
    start: int
    end: int
    language: str
    meeting: int | None = None  # index into Extraction.meetings


@dataclass
class Extraction:
    language: str
    published: date | None
    leaders: list[ExtractedLeader] = field(default_factory=list)
    meetings: list[ExtractedMeeting] = field(default_factory=list)
    statements: list[ExtractedStatement] = field(default_factory=list)
    # Future, wished-for or conditional meetings: reported, but not as having happened.
    planned_meetings: list[ExtractedMeeting] = field(default_factory=list)
    # Quotations of one or two words ("curajul", "real progress"): highlights of the
    # article, not statements (statement_cleanup sets them apart).
    fragments: list[ExtractedStatement] = field(default_factory=list)
    # Why each meeting word and quotation gave what it gave: only with extract(trace=True).
    trace: Trace | None = field(default=None, repr=False, compare=False)
