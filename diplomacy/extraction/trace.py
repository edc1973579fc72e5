"""The trace of one extraction: why each meeting word gave a meeting or none, and which
rule named each quotation's speaker.

Off by default. ``extract(..., trace=True)`` sets ``doc.trace`` to a ``Trace`` and the
stages write into it: ``triggers`` opens a ``CandidateTrace`` per meeting word with its
modality and cue (``modality.modality_of``); ``meetings`` says which of the sentence's
leaders went to another word or to none; ``candidate`` adds the parties and why, the
date and where it came from (``dating.candidate_date``), the place and its cue
(``placing.meeting_place``) and the kind; ``merging`` records which meeting absorbed
which; ``statements`` opens a ``QuoteTrace`` per quotation and ``quotes`` names the rule
that found its speaker. ``finish`` gives each candidate its final decision once the
meetings are known. Every write is guarded by ``doc.trace is not None`` at the caller
or in ``note``, so an extraction without a trace does no more than that test.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from diplomacy.extraction.types import ExtractedMeeting, Extraction


@dataclass
class PartyNote:
    """A leader named in the meeting word's sentence, or implied, and why they are (not)
    a party to the meeting."""

    name: str
    party: bool
    reason: str


@dataclass
class CandidateTrace:
    """What the stages decided about one meeting word, in the order they decide it."""

    trigger: str  # the meeting word or phrase as written
    start: int  # its offsets in the text
    end: int
    sentence_start: int  # its sentence: the meeting's evidence
    sentence_end: int
    weak: bool  # a vague word ("received"), needing its people linked to it
    event: bool  # a gathering noun ("summit")
    modality: str = "held"  # held | planned | negated
    modality_cue: str = ""
    people: list[PartyNote] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None
    date_source: str = ""
    place: str | None = None
    place_cue: str = ""
    kind: str = ""
    decision: str = ""  # kept | planned | dropped
    reason: str = ""
    meeting: int | None = None  # index in the extraction's meetings (or planned meetings)
    # The meetings this word gave (several when distributed over pairs); not exported.
    made: list[ExtractedMeeting] = field(default_factory=list, repr=False, compare=False)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["made"]
        return data


@dataclass
class QuoteTrace:
    start: int
    end: int
    text: str
    speaker: str | None = None
    rule: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Trace:
    candidates: list[CandidateTrace] = field(default_factory=list)
    quotes: list[QuoteTrace] = field(default_factory=list)
    # Scratch state while the stages run.
    by_trigger: dict[int, CandidateTrace] = field(default_factory=dict, repr=False)
    current: CandidateTrace | None = field(default=None, repr=False)
    left_out: dict[int, str] = field(default_factory=dict, repr=False)  # id(mention) → why
    rule: str = field(default="", repr=False)  # the speaker rule that fired last
    merged: dict[int, ExtractedMeeting] = field(default_factory=dict, repr=False)
    resolved: list[tuple[Any, str | None]] = field(default_factory=list, repr=False)
    implied: dict[str, str] = field(default_factory=dict, repr=False)  # key → how found

    def for_span(self, start: int, end: int) -> list[dict[str, Any]]:
        """The candidates whose sentence is this evidence span, kept or planned ones."""
        return [
            c.as_dict()
            for c in self.candidates
            if (c.sentence_start, c.sentence_end) == (start, end)
            and c.decision in ("kept", "planned")
        ]

    def as_dict(self) -> dict[str, Any]:
        return {
            "candidates": [c.as_dict() for c in self.candidates],
            "quotes": [q.as_dict() for q in self.quotes],
        }


def note(doc: Any, name: str, value: str) -> None:
    """Set a field of the candidate being decided, when tracing."""
    trace = doc.trace
    if trace is not None and trace.current is not None:
        setattr(trace.current, name, value)


def note_rule(doc: Any, rule: str) -> None:
    """Name the speaker rule that decided, when tracing."""
    if doc.trace is not None:
        doc.trace.rule = rule


def note_merge(doc: Any, absorbed: ExtractedMeeting, into: ExtractedMeeting) -> None:
    if doc.trace is not None:
        doc.trace.merged[id(absorbed)] = into


def finish(trace: Trace, extraction: Extraction) -> None:
    """Each candidate's final decision: the meeting it became (after distribution,
    merging and the moving of planned meetings), or why it was dropped."""
    where: dict[int, tuple[str, int]] = {}
    for i, m in enumerate(extraction.meetings):
        where[id(m)] = ("kept", i)
    for i, m in enumerate(extraction.planned_meetings):
        where[id(m)] = ("planned", i)
    for c in trace.candidates:
        if c.decision == "dropped" or not c.made:
            if not c.decision:
                c.decision, c.reason = "dropped", c.reason or "no meeting was built from it"
            continue
        finals = []
        for m in c.made:
            seen = 0
            while id(m) in trace.merged and seen < 100:
                m, seen = trace.merged[id(m)], seen + 1
            if id(m) in where:
                finals.append((m, *where[id(m)]))
        if not finals:
            c.decision, c.reason = "dropped", "its meeting did not survive merging"
            continue
        final, c.decision, c.meeting = finals[0]
        label = "meeting" if c.decision == "kept" else "planned meeting"
        merged = any(id(m) in trace.merged for m in c.made)
        c.reason = f"{label} #{c.meeting + 1} of the article" + (
            " (merged with another report of the same meeting)" if merged else ""
        )
        if len(finals) > 1:
            c.reason += f", one of {len(finals)} meetings, one per pair"
        if final.date != c.date and final.date:
            c.date_source += (
                f"; then {final.date} taken from another report of the same leaders' meeting"
            )
            c.date, c.date_precision = final.date, final.date_precision
        if final.location_name != c.place:
            c.place_cue += f"; the merged meeting's place: {final.location_name or 'none'}"
            c.place = final.location_name


def render(trace: Trace, extraction: Extraction | None = None) -> str:
    """The trace as text: the meetings found and the meeting words each came from, then
    one block per meeting word and one per quotation."""
    lines: list[str] = []
    if extraction is not None:
        lines.extend(_meeting_lines(trace, extraction))
    for n, c in enumerate(trace.candidates, 1):
        lines.append(f"candidate {n}: «{c.trigger}» at {c.start}-{c.end}")
        lines.append(
            f"  trigger: {'weak ' if c.weak else ''}{'gathering ' if c.event else ''}"
            f"meeting word in sentence {c.sentence_start}-{c.sentence_end}"
        )
        lines.append("  parties:" + ("" if c.people else " none named"))
        for p in c.people:
            lines.append(f"    {'+' if p.party else '-'} {p.name}: {p.reason}")
        lines.append(f"  modality: {c.modality} ({c.modality_cue})")
        date = f"{c.date} ({c.date_precision})" if c.date else "none"
        lines.append(f"  date: {date} from {c.date_source or 'not reached'}")
        lines.append(f"  place: {c.place or 'none'} ({c.place_cue or 'not reached'})")
        if c.kind:
            lines.append(f"  kind: {c.kind}")
        lines.append(f"  decision: {c.decision}: {c.reason}")
    for n, q in enumerate(trace.quotes, 1):
        text = q.text if len(q.text) <= 60 else q.text[:57] + "..."
        lines.append(f"quote {n}: «{text}» at {q.start}-{q.end}")
        lines.append(f"  speaker: {q.speaker or 'none'} ({q.rule or 'no rule named one'})")
    return "\n".join(lines)


def _meeting_lines(trace: Trace, extraction: Extraction) -> list[str]:
    lines = []
    lists = (("kept", extraction.meetings), ("planned", extraction.planned_meetings))
    for decision, found in lists:
        label = "meeting" if decision == "kept" else "planned meeting"
        for i, m in enumerate(found):
            sources = [
                str(n)
                for n, c in enumerate(trace.candidates, 1)
                if c.decision == decision and c.meeting == i
            ]
            where = f", {m.location_name}" if m.location_name else ""
            lines.append(
                f"{label} #{i + 1}: {', '.join(m.participants)}; {m.date}{where}; {m.kind}"
                f" (from candidate {', '.join(sources) or 'none'})"
            )
    return lines
