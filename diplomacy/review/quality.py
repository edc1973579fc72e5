"""The engine measured on editors' corrections: its figures on the reviewed articles, by
language and by month, and what re-extracting them would change.

The engine is run on each reviewed article exactly as ``manage.py extract`` reads the
exported file (``gold.file_text``, the knowledge base of the database), and scored with
``scoring`` against the article's annotation (``gold.annotation``), so the page's figures
are those ``score.py --gold DIR --cmd "python manage.py extract"`` prints for the export.
Its output for an article is cached under the engine's version (a hash of the engine's
code and data files and the knowledge base's version), so the page runs the engine only
on articles it has not read since the engine or the knowledge base changed. Nothing here
writes to the database.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.core.cache import cache

from diplomacy.articles.models import Article
from diplomacy.extraction import extract, to_schema
from diplomacy.leaders.kb import knowledge_base_cached, knowledge_base_version
from diplomacy.review import scoring
from diplomacy.review.gold import ArticleRecords, annotation, file_stem, file_text
from diplomacy.review.machine import corrections, machine_view, stored_prediction

ENGINE_DIR = Path(__file__).resolve().parent.parent / "extraction"
CACHE_SECONDS = 7 * 24 * 3600


@lru_cache(maxsize=1)
def engine_code_version() -> str:
    """A hash of the engine's code and data files: changes with any change to either."""
    digest = hashlib.sha256()
    for path in sorted(ENGINE_DIR.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".toml", ".json", ".txt", ".jsonl"):
            digest.update(str(path.relative_to(ENGINE_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def engine_version() -> str:
    """The engine's code version and the knowledge base's ('3f2a9c01d4e7-k1742.88.903')."""
    kb = ".".join(str(n or 0) for n in knowledge_base_version())
    return f"{engine_code_version()}-k{kb}"


def _slim(output: dict) -> dict:
    """What scoring reads of the engine's output (the cache keeps no more)."""
    return {
        "language": output["language"],
        "leaders": [{"name": p["name"], "country": p["country"]} for p in output["leaders"]],
        "meetings": [
            {k: m[k] for k in ("participants", "date", "location", "kind")}
            for m in output["meetings"]
        ],
        "statements": [
            {k: s[k] for k in ("speaker", "text", "kind")} for s in output["statements"]
        ],
    }


def engine_predictions(articles: list[Article]) -> dict[int, dict]:
    """The current engine's output for each article, from the cache where it has it."""
    version = engine_version()
    keys = {
        a.pk: f"quality:{version}:{a.pk}:{a.published.isoformat() if a.published else ''}"
        for a in articles
    }
    found = cache.get_many(keys.values())
    result, fresh = {}, {}
    kb = None
    for article in articles:
        key = keys[article.pk]
        if key in found:
            result[article.pk] = found[key]
            continue
        kb = kb or knowledge_base_cached()
        output = to_schema(extract(file_text(article), None, kb), f"{file_stem(article)}.txt")
        result[article.pk] = fresh[key] = _slim(output)
    if fresh:
        cache.set_many(fresh, CACHE_SECONDS)
    return result


# --- figures ------------------------------------------------------------------------


@dataclass
class Group:
    """Figures of a set of articles (a language, a month, all)."""

    label: str
    articles: int = 0
    counts: dict = field(default_factory=lambda: dict.fromkeys(scoring.COUNTS, 0))

    def add(self, counts: dict) -> None:
        self.articles += 1
        self.counts = scoring.add_counts([self.counts, counts])

    @property
    def figures(self) -> dict:
        return scoring.summarize(self.counts)

    @property
    def meetings(self) -> dict:
        """Precision, recall, F1 and the counts behind them, for a table row."""
        c, f = self.counts, self.figures
        return {
            "p": f["meetings_p"], "r": f["meetings_r"], "f1": f["meetings_f1"],
            "matched": c["meet_tp"], "gold": c["meet_gold"], "predicted": c["meet_pred"],
        }  # fmt: skip

    @property
    def statements(self) -> dict:
        """The same for direct quotations with their speaker (score.py's statements_*)."""
        c, f = self.counts, self.figures
        return {
            "p": f["statements_p"], "r": f["statements_r"], "f1": f["statements_f1"],
            "matched": c["speaker_ok"], "gold": c["quote_gold"], "predicted": c["quote_pred"],
        }  # fmt: skip


def month_of(article: Article) -> str:
    return article.published.strftime("%Y-%m") if article.published else "undated"


def _grouped(scored: list[tuple[Article, dict]], key) -> list[Group]:
    groups: dict[str, Group] = {}
    for article, counts in scored:
        label = key(article)
        groups.setdefault(label, Group(label)).add(counts)
    return [groups[label] for label in sorted(groups)]


@dataclass
class Report:
    version: str
    total: Group
    languages: list[Group]
    months: list[Group]

    @property
    def breakdowns(self) -> list[tuple[str, list[Group]]]:
        return [("language", self.languages), ("month of publication", self.months)]


def quality_report(found: list[ArticleRecords]) -> Report:
    """The current engine's figures on these reviewed articles."""
    articles = [r.article for r in found]
    predictions = engine_predictions(articles)
    scored = [
        (r.article, scoring.score_article(annotation(r), predictions[r.article.pk])) for r in found
    ]
    total = Group("All reviewed articles")
    for _, counts in scored:
        total.add(counts)
    return Report(
        version=engine_version(),
        total=total,
        languages=_grouped(scored, lambda a: a.language or "unknown"),
        months=_grouped(scored, month_of),
    )


# --- re-extraction, previewed -------------------------------------------------------


@dataclass
class Change:
    """One article whose figures re-extracting would change: matches and spurious records
    before (as stored) and after (the current engine); it may both gain and lose."""

    article: Article
    meetings: tuple[int, int]  # meetings matched, stored -> engine
    meetings_gold: int
    meetings_spurious: tuple[int, int]
    quotes: tuple[int, int]  # direct quotes with the right speaker
    quotes_gold: int
    quotes_spurious: tuple[int, int]
    diff: list[str]  # what the engine would still get wrong, as score.py --diff says it

    @property
    def loses(self) -> bool:
        """Fewer matches or more spurious records than stored."""
        return (
            self.meetings[1] < self.meetings[0]
            or self.quotes[1] < self.quotes[0]
            or self.meetings_spurious[1] > self.meetings_spurious[0]
            or self.quotes_spurious[1] > self.quotes_spurious[0]
        )

    @property
    def gains(self) -> bool:
        """More matches or fewer spurious records than stored."""
        return (
            self.meetings[1] > self.meetings[0]
            or self.quotes[1] > self.quotes[0]
            or self.meetings_spurious[1] < self.meetings_spurious[0]
            or self.quotes_spurious[1] < self.quotes_spurious[0]
        )


@dataclass
class Preview:
    version: str
    stored: Group
    engine: Group
    changes: list[Change]

    @property
    def groups(self) -> list[Group]:
        return [self.stored, self.engine]

    @property
    def lists(self) -> list[tuple[str, list[Change]]]:
        return [("Would lose", self.losses), ("Would gain", self.gains)]

    @property
    def losses(self) -> list[Change]:
        return [c for c in self.changes if c.loses]

    @property
    def gains(self) -> list[Change]:
        return [c for c in self.changes if c.gains]


def _change(records: ArticleRecords, before: dict, after: dict, diff: list[str]) -> Change | None:
    keys = ("meet_tp", "meet_pred", "speaker_ok", "quote_spurious")
    if all(before[k] == after[k] for k in keys):
        return None
    return Change(
        article=records.article,
        meetings=(before["meet_tp"], after["meet_tp"]),
        meetings_gold=after["meet_gold"],
        meetings_spurious=(
            before["meet_pred"] - before["meet_tp"],
            after["meet_pred"] - after["meet_tp"],
        ),
        quotes=(before["speaker_ok"], after["speaker_ok"]),
        quotes_gold=after["quote_gold"],
        quotes_spurious=(before["quote_spurious"], after["quote_spurious"]),
        diff=diff,
    )


def reextract_preview(found: list[ArticleRecords]) -> Preview:
    """Scores of the records as the engine stored them and of the current engine, on
    these reviewed articles, and the articles whose matches would change; writes nothing."""
    view = machine_view([r.article.pk for r in found])
    predictions = engine_predictions([r.article for r in found])
    stored, engine = Group("Stored records"), Group("Current engine")
    changes = []
    for records in found:
        gold = annotation(records)
        before = scoring.score_article(gold, stored_prediction(records, view))
        diff: list[str] = []
        after = scoring.score_article(gold, predictions[records.article.pk], diff)
        stored.add(before)
        engine.add(after)
        if (change := _change(records, before, after, diff)) is not None:
            changes.append(change)
    return Preview(engine_version(), stored, engine, changes)


def editor_corrections(found: list[ArticleRecords]):
    """What editors corrected in the engine's records of these articles, by kind."""
    return corrections(machine_view([r.article.pk for r in found]))
