"""Editors' reviews as evaluation data: the annotation of each reviewed article.

What counts as gold, precisely:

- A record of an article is a meeting with a source sentence in it (not merged into
  another: the one it was merged into stands for it) or a statement quoted from it
  (quotation fragments are highlights, not records).
- A record is *reviewed* when an editor verified it, rejected it or changed any of its
  fields or participants (its status is not ``extracted``, or ``edited_fields`` is not
  empty): ``verified``, ``corrected`` or ``rejected``. The rest are ``unreviewed``.
- An article is *fully reviewed* when every one of its records is reviewed, *partly
  reviewed* when at least one is. ``manage.py export_gold`` and the quality page take
  the fully reviewed articles; with ``partial`` the partly reviewed ones too, their
  unreviewed records taken as the engine stored them (marked ``"review": "unreviewed"``),
  which makes the figures optimistic: the engine agrees with its own past output.
- Its gold meetings are its meetings not rejected, as they are now (participants,
  date at its precision, place, kind); its gold statements its statements not rejected
  (fragments as ``optional``, counting neither for nor against).
- A rejected meeting is not a meeting: each pair of its participants becomes a
  ``non_meetings`` pair (a trap: a predicted meeting holding both is a trap hit), unless
  a gold meeting of the article holds both. Rejected statements are left out, so a
  prediction of one again counts as spurious.
- Its leaders are the people it mentions (the surface forms of their mentions), its
  meetings' participants and its statements' speakers.

The text written beside the annotation is the article's text as stored; when it does not
begin with a ``date YYYY-MM-DD`` marker of the article's publication date (the date was
given at upload, or corrected since), the marker is written into it (its date replaced in
place, or a marker line put first), so that ``manage.py extract FILE`` reads the article
as the workers did. The annotation format holds no offsets, so none shifts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path

from django.db.models import Q, QuerySet

from diplomacy.articles.models import Article
from diplomacy.extraction import read_date_marker
from diplomacy.extraction.dates import marker_end
from diplomacy.leaders.models import Leader, Office
from diplomacy.meetings.models import (
    Evidence,
    Meeting,
    Mention,
    Precision,
    ReviewStatus,
    Statement,
)

VERIFIED, CORRECTED, REJECTED, UNREVIEWED = "verified", "corrected", "rejected", "unreviewed"
QUOTE_START = 80  # characters of a statement kept as its quote_start (score.py reads 25)


def review_of(record: Meeting | Statement) -> str:
    """verified, corrected, rejected or unreviewed: what editors did with a record."""
    if record.status == ReviewStatus.REJECTED:
        return REJECTED
    if set(record.edited_fields) - {"status"}:
        return CORRECTED
    if record.status == ReviewStatus.VERIFIED:
        return VERIFIED
    return UNREVIEWED


def _reviewed() -> Q:
    return ~Q(status=ReviewStatus.EXTRACTED) | ~Q(edited_fields=[])


def reviewed_condition() -> Q:
    """Articles with at least one reviewed record, as a condition on articles (two
    subqueries of one query)."""
    meetings = Meeting.objects.filter(_reviewed(), merged_into=None)
    from_meetings = Evidence.objects.filter(meeting__in=meetings).values("article_id")
    statements = Statement.objects.exclude(kind=Statement.Kind.FRAGMENT).filter(_reviewed())
    return Q(pk__in=from_meetings) | Q(pk__in=statements.values("article_id"))


@dataclass
class ArticleRecords:
    """An article and its records as they are now."""

    article: Article
    meetings: list[Meeting] = field(default_factory=list)  # rejected ones too
    statements: list[Statement] = field(default_factory=list)  # rejected and fragments too
    evidence: dict[int, Evidence] = field(default_factory=dict)  # meeting id -> first one
    mentions: dict[int, list[str]] = field(default_factory=dict)  # leader id -> forms
    people: dict[int, Leader] = field(default_factory=dict)  # everyone in its records
    roles: dict[int, str] = field(default_factory=dict)  # leader id -> office held then

    @property
    def records(self) -> list[Meeting | Statement]:
        return [*self.meetings, *(s for s in self.statements if s.kind != "fragment")]

    @property
    def reviewed(self) -> int:
        return sum(review_of(r) != UNREVIEWED for r in self.records)

    @property
    def complete(self) -> bool:
        return bool(self.records) and self.reviewed == len(self.records)


def reviewed_articles(
    *, partial: bool = False, since: date | None = None, language: str = ""
) -> list[ArticleRecords]:
    """The reviewed articles (fully, or with ``partial`` at least partly) with their
    records, oldest first; a handful of queries whatever their number."""
    articles = Article.objects.filter(reviewed_condition())
    if since is not None:
        articles = articles.filter(published__gte=since)
    if language:
        articles = articles.filter(language=language)
    found = records_of(articles.order_by("published", "pk"))
    return [r for r in found if r.complete or (partial and r.reviewed)]


def records_of(articles: QuerySet[Article]) -> list[ArticleRecords]:
    by_id = {a.pk: ArticleRecords(a) for a in articles}
    evidence = (
        Evidence.objects.filter(article_id__in=by_id, meeting__merged_into=None)
        .only("pk", "meeting_id", "article_id", "start", "end", "text")
        .order_by("start", "pk")
    )
    meeting_ids: dict[int, list[int]] = {}
    for item in evidence:
        if item.article_id is None or item.meeting_id is None:
            continue
        records = by_id[item.article_id]
        if item.meeting_id not in records.evidence:
            records.evidence[item.meeting_id] = item
            meeting_ids.setdefault(item.meeting_id, []).append(item.article_id)
    meetings = Meeting.objects.filter(pk__in=meeting_ids).prefetch_related("participants")
    for meeting in meetings.order_by("pk"):
        for article_id in meeting_ids[meeting.pk]:
            by_id[article_id].meetings.append(meeting)
    for records in by_id.values():
        records.meetings.sort(key=lambda m: (records.evidence[m.pk].start, m.pk))
    statements = Statement.objects.filter(article_id__in=by_id).select_related("speaker")
    for statement in statements.order_by("start", "pk"):
        by_id[statement.article_id].statements.append(statement)
    for article_id, leader_id, start, end in (
        Mention.objects.filter(article_id__in=by_id)
        .values_list("article_id", "leader_id", "start", "end")
        .order_by("start")
    ):
        records = by_id[article_id]
        form = records.article.text[start:end]
        forms = records.mentions.setdefault(leader_id, [])
        if form and form not in forms:
            forms.append(form)
    _people_and_roles(list(by_id.values()))
    return list(by_id.values())


def _people_and_roles(found: list[ArticleRecords]) -> None:
    """Each article's people (mentioned, taking part, speaking) and the office each held
    on its publication date, read for all the articles at once."""
    mentioned = {pk for records in found for pk in records.mentions}
    leaders = Leader.objects.in_bulk(mentioned)
    for records in found:
        records.people = {pk: leaders[pk] for pk in records.mentions if pk in leaders}
        for meeting in records.meetings:
            records.people.update((p.pk, p) for p in meeting.participants.all())
        records.people.update((s.speaker_id, s.speaker) for s in records.statements)
    ids = {pk for records in found for pk in records.people}
    offices: dict[int, list[Office]] = {}
    for office in Office.objects.filter(leader_id__in=ids).order_by("start", "pk"):
        offices.setdefault(office.leader_id, []).append(office)
    for records in found:
        on = records.article.published
        if on is None:
            continue
        for pk in records.people:
            held = [
                o
                for o in offices.get(pk, [])
                if (o.start is None or o.start <= on) and (o.end is None or o.end >= on)
            ]
            if held:
                records.roles[pk] = held[0].title


def date_value(day: date | None, precision: str) -> str | None:
    """'2025-09-03', '2024-06' or '2024' as precise as the record is; None undated."""
    if day is None:
        return None
    if precision == Precision.YEAR:
        return f"{day.year:04}"
    if precision == Precision.MONTH:
        return f"{day.year:04}-{day.month:02}"
    return day.isoformat()


def location_value(place: str, country: str) -> str | None:
    if not place:
        return None
    return f"{place}, {country}" if country else place


def file_text(article: Article) -> str:
    """The article's text as ``manage.py extract`` must read it to see what workers saw:
    with its publication date as the marker it begins with."""
    text, published = article.text, article.published
    if published is None or read_date_marker(text) == published:
        return text
    end = marker_end(text)  # the marker ends with its date, YYYY-MM-DD
    if end:  # replaced by one of the same length: offsets after it hold
        return text[: end - 10] + published.isoformat() + text[end:]
    return f"date {published.isoformat()}\n{text}"


def _leaders(records: ArticleRecords, named: set[int]) -> list[dict]:
    """Everyone the annotation names: mentioned people first, in order of first mention,
    then the others by name."""
    people = records.people
    others = sorted(named - set(records.mentions), key=lambda pk: (people[pk].name, pk))
    return [
        {
            "name": people[pk].name,
            "country": people[pk].country,
            "role": records.roles.get(pk, ""),
            "mentions": records.mentions.get(pk, []),
        }
        for pk in [*records.mentions, *others]
        if pk in people
    ]


def _meeting_entry(meeting: Meeting, records: ArticleRecords) -> dict:
    return {
        "participants": sorted(p.name for p in meeting.participants.all()),
        "date": date_value(meeting.date, meeting.date_precision),
        "location": location_value(meeting.place, meeting.country),
        "kind": meeting.kind,
        "evidence": records.evidence[meeting.pk].text,
        "reported_as": meeting.reported_as,
        "id": meeting.pk,
        "review": review_of(meeting),
    }


def _statement_entry(statement: Statement) -> dict:
    entry = {
        "speaker": statement.speaker.name,
        "quote_start": statement.text[:QUOTE_START],
        "kind": Statement.Kind.DIRECT if statement.kind == "fragment" else statement.kind,
        "id": statement.pk,
        "review": review_of(statement),
    }
    if statement.kind == "fragment":
        entry["optional"] = True
    return entry


def annotation(records: ArticleRecords) -> dict:
    """The article's annotation in the format of SCHEMA.md (NAME.json); the extra keys
    (article, title, url, complete, id, review) are for people and ignored by score.py."""
    article = records.article
    kept = [m for m in records.meetings if m.status != ReviewStatus.REJECTED]
    rejected = [m for m in records.meetings if m.status == ReviewStatus.REJECTED]
    said = [s for s in records.statements if s.status != ReviewStatus.REJECTED]
    together = [{p.pk for p in m.participants.all()} for m in kept]
    traps: dict[tuple[str, str], None] = {}
    named: set[int] = set()
    for meeting in rejected:
        for a, b in combinations(sorted(meeting.participants.all(), key=lambda p: p.name), 2):
            if not any({a.pk, b.pk} <= seen for seen in together):
                traps[(a.name, b.name)] = None
                named |= {a.pk, b.pk}
    for people in together:
        named |= people
    named |= {s.speaker_id for s in said}
    return {
        "language": article.language,
        "published": article.published.isoformat() if article.published else None,
        "leaders": _leaders(records, named),
        "meetings": [_meeting_entry(m, records) for m in kept],
        "statements": [_statement_entry(s) for s in said],
        "non_meetings": [list(pair) for pair in traps],
        "article": article.pk,
        "title": article.title,
        "url": article.url,
        "complete": records.complete,
    }


def file_stem(article: Article) -> str:
    return f"article-{article.pk}"


class OutputNotEmpty(ValueError):
    """The output folder holds annotations or texts that are not ours."""


def gold_write(found: list[ArticleRecords], outdir: Path) -> dict[str, int]:
    """Write NAME.txt and NAME.json for each article into ``outdir``, replacing what an
    earlier export left there; refuse a folder holding other .txt or .json files (score.py
    would read them too). Returns what was written, counted."""
    outdir.mkdir(parents=True, exist_ok=True)
    ours = {p for p in outdir.iterdir() if p.name.startswith("article-")}
    foreign = sorted(
        p.name for p in outdir.iterdir() if p.suffix in (".txt", ".json") and p not in ours
    )
    if foreign:
        raise OutputNotEmpty(f"{outdir} holds other files score.py would read: {foreign[:5]}")
    for path in ours:
        if path.suffix in (".txt", ".json"):
            path.unlink()
    counts = dict.fromkeys(["articles", "complete", "meetings", "non_meetings", "statements"], 0)
    for records in found:
        data = annotation(records)
        stem = file_stem(records.article)
        (outdir / f"{stem}.txt").write_text(
            file_text(records.article), encoding="utf-8", newline=""
        )
        (outdir / f"{stem}.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        counts["articles"] += 1
        counts["complete"] += data["complete"]
        for key in ("meetings", "non_meetings", "statements"):
            counts[key] += len(data[key])
    return counts
