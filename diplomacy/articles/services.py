"""Writes to articles: storing them, claiming them for work, recording the outcome."""

import logging
import signal
import threading
from contextlib import contextmanager
from datetime import date, timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError

from diplomacy.articles.duplicates import (
    MAX_DISTANCE,
    bands,
    canonical_url,
    distance,
    from_bands,
    simhash,
)
from diplomacy.articles.models import Article, content_hash
from diplomacy.articles.queue import INGEST_ARTICLE, task_send
from diplomacy.articles.reading import ArticleText
from diplomacy.extraction import read_date_marker

log = logging.getLogger(__name__)


class DuplicateArticle(Exception):
    def __init__(self, existing: Article):
        super().__init__(f"This article already exists: {existing}")
        self.existing = existing


def article_create(
    *,
    text: str,
    title: str = "",
    source: str = "",
    url: str = "",
    published: date | None = None,
    uploaded_by=None,
    batch=None,
) -> Article:
    """Store an article, then queue its extraction once the row is committed.

    Raises DuplicateArticle when the same text is already stored.
    """
    digest = content_hash(text)
    fingerprint = simhash(text)
    existing = find_duplicate(digest, canonical_url(url), fingerprint)
    if existing:
        raise DuplicateArticle(existing)
    if published is None:
        published = read_date_marker(text)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                text=text,
                title=title[:500] or _title_from(text),
                source=source[:200],
                url=url,
                canonical_url=canonical_url(url),
                published=published,
                content_hash=digest,
                uploaded_by=uploaded_by,
                batch=batch,
                **bands(fingerprint),
            )
    except IntegrityError:
        # Someone stored the same text between our check and our insert.
        raise DuplicateArticle(Article.objects.get(content_hash=digest)) from None
    article_enqueue(article)
    return article


def articles_create(items: list[ArticleText], *, uploaded_by=None, batch=None) -> list:
    """Store many articles at once (an uploaded .zip or JSON Lines file): for each item,
    in order, the new Article or a DuplicateArticle naming the one already stored (or an
    earlier item of the same list). A few queries per hundred articles instead of a few
    per article; extraction is queued once the rows are committed."""
    results: list = []
    for start in range(0, len(items), BULK_CHUNK):
        results += _create_chunk(items[start : start + BULK_CHUNK], uploaded_by, batch)
    return results


BULK_CHUNK = 200


def batch_store(items: list[ArticleText], *, uploaded_by, label: str):
    """Store the texts of one upload as a batch: (the Batch or None, one result per item
    as for articles_create). One transaction: an upload that fails or is killed half-way
    (the web worker's timeout) leaves neither the batch nor any of its articles, and an
    upload that stores no new article leaves no empty batch behind."""
    from diplomacy.articles.models import Batch

    with transaction.atomic():
        batch = Batch.objects.create(created_by=uploaded_by, label=label[:200])
        results = articles_create(items, uploaded_by=uploaded_by, batch=batch)
        if not any(isinstance(result, Article) for result in results):
            batch.delete()
            batch = None
    return batch, results


def _create_chunk(items: list[ArticleText], uploaded_by, batch) -> list:
    keys = [
        (content_hash(item.text), canonical_url(item.url), simhash(item.text)) for item in items
    ]
    stored = _duplicates_stored([k[0] for k in keys], [k[1] for k in keys if k[1]],
                                [k[2] for k in keys if k[2] is not None])  # fmt: skip
    results: list = []
    new: list[Article] = []
    for item, (digest, url, fingerprint) in zip(items, keys, strict=True):
        existing = stored.match(digest, url, fingerprint)
        if existing is not None:
            results.append(DuplicateArticle(existing))
            continue
        article = Article(
            text=item.text,
            title=item.title[:500] or _title_from(item.text),
            source=item.source[:200],
            url=item.url,
            canonical_url=url,
            published=item.published or read_date_marker(item.text),
            content_hash=digest,
            uploaded_by=uploaded_by,
            batch=batch,
            **bands(fingerprint),
        )
        stored.add(article, digest, url, fingerprint)  # a copy later in the same upload
        new.append(article)
        results.append(article)
    try:
        with transaction.atomic():
            Article.objects.bulk_create(new)
            for article in new:
                article_enqueue(article)
    except IntegrityError:
        # Another upload stored one of these texts meanwhile: store them one by one.
        return [
            result if isinstance(result, DuplicateArticle) else _create_one(result)
            for result in results
        ]
    return results


def _create_one(article: Article):
    try:
        return article_create(
            text=article.text, title=article.title, source=article.source, url=article.url,
            published=article.published, uploaded_by=article.uploaded_by, batch=article.batch,
        )  # fmt: skip
    except DuplicateArticle as duplicate:
        return duplicate


class _Stored:
    """Articles already stored that items of an upload may duplicate, by each key."""

    def __init__(self, articles):
        self.by_hash, self.by_url, self.fingerprints = {}, {}, []
        for article in articles:
            parts = (article.simhash_a, article.simhash_b, article.simhash_c, article.simhash_d)
            fingerprint = None if None in parts else from_bands(*parts)
            self.add(article, article.content_hash, article.canonical_url, fingerprint)

    def add(self, article, digest, url, fingerprint) -> None:
        self.by_hash.setdefault(digest, article)
        if url:
            self.by_url.setdefault(url, article)
        if fingerprint is not None:
            self.fingerprints.append((fingerprint, article))

    def match(self, digest, url, fingerprint):
        found = self.by_hash.get(digest) or (self.by_url.get(url) if url else None)
        if found is None and fingerprint is not None:
            found = next(
                (a for f, a in self.fingerprints if distance(f, fingerprint) <= MAX_DISTANCE),
                None,
            )
        return found


def _duplicates_stored(digests, urls, fingerprints) -> _Stored:
    """One query for the stored articles that share a hash, a URL or a SimHash band with
    any of these."""
    wanted = [bands(f) for f in fingerprints]
    condition = Q(content_hash__in=digests)
    if urls:
        condition |= Q(canonical_url__in=urls)
    for band in ("simhash_a", "simhash_b", "simhash_c", "simhash_d"):
        values = {w[band] for w in wanted}
        if values:
            condition |= Q(**{f"{band}__in": values})
    return _Stored(
        Article.objects.filter(condition)
        .only(
            "pk",
            "title",
            "content_hash",
            "canonical_url",
            "simhash_a",
            "simhash_b",
            "simhash_c",
            "simhash_d",
        )  # fmt: skip
        .order_by("pk")
    )


def find_duplicate(digest: str, url: str, fingerprint: int | None) -> Article | None:
    """An article already stored with this text, this URL, or a near copy of this text."""
    same = Article.objects.filter(content_hash=digest).first()
    if same is None and url:
        same = Article.objects.filter(canonical_url=url).first()
    if same is None and fingerprint is not None:
        wanted = bands(fingerprint)
        candidates = Article.objects.filter(
            Q(simhash_a=wanted["simhash_a"])
            | Q(simhash_b=wanted["simhash_b"])
            | Q(simhash_c=wanted["simhash_c"])
            | Q(simhash_d=wanted["simhash_d"])
        ).values_list("pk", "simhash_a", "simhash_b", "simhash_c", "simhash_d")[:200]
        for pk, *parts in candidates:
            if distance(fingerprint, from_bands(*parts)) <= MAX_DISTANCE:
                return Article.objects.get(pk=pk)
    return same


class ArticleChanged(Exception):
    """Someone saved the article since the form was loaded."""

    def __init__(self, current: Article):
        super().__init__("The article was changed by someone else since you opened it.")
        self.current = current


class ArticleBusy(Exception):
    """The article is being extracted right now with its old publication date."""


EDITABLE_FIELDS = ("title", "source", "url", "published")


@transaction.atomic
def article_update(article_id: int, *, version: int, fields: dict, by) -> list[str]:
    """An admin's correction of an article's title, source, URL or publication date; the
    names of the fields that changed.

    A new publication date queues the article for extraction again (once the change is
    committed): relative dates ("on Monday") are resolved anew, while what editors
    changed on its meetings and statements stays (meetings.services.meeting_upsert).
    Raises ArticleChanged when the article was saved since ``version``, and ArticleBusy
    when the date changes while a worker is extracting it with the old one.
    """
    if not set(fields) <= set(EDITABLE_FIELDS):
        raise ValueError(f"Only {', '.join(EDITABLE_FIELDS)} of an article can be changed.")
    article = Article.objects.select_for_update().get(pk=article_id)
    if article.version != version:
        raise ArticleChanged(article)
    changed = [name for name, value in fields.items() if getattr(article, name) != value]
    if not changed:
        return []
    reextract = "published" in changed
    if reextract and article.status == Article.Status.PROCESSING:
        raise ArticleBusy("The article is being extracted right now: save again in a moment.")
    for name in changed:
        setattr(article, name, fields[name])
    article.canonical_url = canonical_url(article.url)
    article.version += 1
    article._history_user = by
    article.save()
    if reextract and article.status != Article.Status.QUEUED:
        Article.objects.filter(pk=article.pk).update(
            status=Article.Status.QUEUED, error="", status_changed_at=timezone.now()
        )
        article_enqueue(article)
    return changed


def _title_from(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("date ") and line[5:15].replace("-", "").isdigit():
            line = line[15:].strip()
        if line:
            return line[:120] + ("…" if len(line) > 120 else "")
    return ""


def article_enqueue(article: Article) -> None:
    """Queue extraction once the article's row is committed."""
    transaction.on_commit(lambda: _send_to_workers(article.pk))


def _send_to_workers(article_id: int) -> None:
    try:
        task_send(INGEST_ARTICLE, article_id)
    except KombuOperationalError:
        # The article is stored and stays queued; the periodic sweep sends it again.
        log.warning("Broker unavailable: article %s stays queued for the sweep", article_id)


def article_retry(article: Article) -> bool:
    """Queue a failed article again; False if it was not failed."""
    changed = Article.objects.filter(pk=article.pk, status=Article.Status.FAILED).update(
        status=Article.Status.QUEUED, error="", status_changed_at=timezone.now()
    )
    if changed:
        article_enqueue(article)
    return bool(changed)


def article_claim(article_id: int) -> Article | None:
    """Take a queued article for processing; None if someone else has it or it is finished.

    A conditional update, so a task delivered twice does its work once.
    """
    now = timezone.now()
    claimed = list(
        Article.objects.raw(
            f"UPDATE {Article._meta.db_table} SET status = %s, status_changed_at = %s,"
            " lease_until = %s, attempts = attempts + 1 WHERE id = %s AND status = %s"
            " RETURNING *",
            [
                Article.Status.PROCESSING,
                now,
                now + timedelta(seconds=lease_seconds()),
                article_id,
                Article.Status.QUEUED,
            ],
        )  # fmt: skip
    )
    return claimed[0] if claimed else None


def lease_seconds() -> int:
    """How long a worker holds a claimed article: its time limit, the grace before the
    worker is killed (the task's hard ``time_limit``), and as much again as a margin. A
    live worker has finished, failed the article or been killed before the lease ends."""
    return settings.EXTRACTION_TIME_LIMIT_SECONDS + 2 * settings.EXTRACTION_KILL_GRACE_SECONDS


class ExtractionTooLong(SoftTimeLimitExceeded):
    """The in-process time budget ran out (pools without Celery's time limits)."""


@contextmanager
def time_budget(seconds: float):
    """Raise ExtractionTooLong in this thread after ``seconds``. Celery enforces the task's
    ``soft_time_limit`` only in its prefork pool; this alarm does the same in a solo pool
    or an eager run. Only the main thread receives signals: elsewhere, no budget."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise ExtractionTooLong(f"over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def article_out_of_time(article: Article, limit: float) -> None:
    """The article fails, with the reason, when its extraction ran out of time."""
    Article.objects.filter(pk=article.pk, status=Article.Status.PROCESSING).update(
        status=Article.Status.FAILED,
        error=(
            f"Extraction took longer than {limit} s (EXTRACTION_TIME_LIMIT_SECONDS) and "
            f"was stopped: the text ({len(article.text):,} characters) is too long or "
            "too complex to extract in time. Split it into articles, or raise the limit."
        ),
        status_changed_at=timezone.now(),
    )


def article_release(article: Article) -> None:
    """Give a claimed article back to the queue (the database went away under its worker),
    so a retry or the sweep takes it."""
    Article.objects.filter(pk=article.pk).update(status=Article.Status.QUEUED)


def article_give_up(article_id: int, error: Exception) -> None:
    """After the last retry: the article ends failed, with the error, for an admin to retry."""
    Article.objects.filter(pk=article_id).exclude(status=Article.Status.DONE).update(
        status=Article.Status.FAILED,
        error=f"Gave up after repeated database errors: {type(error).__name__}: {error}",
        status_changed_at=timezone.now(),
    )


def article_finish(article: Article, status: str, error: str = "", **fields) -> None:
    """The outcome of a claimed article: done (with what extraction found out about it,
    e.g. its language) or failed with the error."""
    Article.objects.filter(pk=article.pk).update(
        status=status, error=error, status_changed_at=timezone.now(), **fields
    )


def articles_requeue_stalled() -> int:
    """Queue again articles left queued too long (broker outage) or processing past their
    lease (lost or killed worker). An article in the hands of a live worker is never taken:
    its lease outlives the worker's time limit. One whose lease ran out
    ARTICLE_MAX_ATTEMPTS times ends failed instead of being tried forever."""
    now = timezone.now()
    cutoff = now - timedelta(seconds=settings.ARTICLE_STALL_SECONDS)
    processing = Q(status=Article.Status.PROCESSING)
    expired = processing & (
        Q(lease_until__lt=now)
        # Claimed before leases existed: the old rule.
        | Q(lease_until__isnull=True, status_changed_at__lt=cutoff)
    )
    Article.objects.filter(expired, attempts__gte=settings.ARTICLE_MAX_ATTEMPTS).update(
        status=Article.Status.FAILED,
        error=(
            f"Extraction did not finish in {settings.ARTICLE_MAX_ATTEMPTS} attempts: each "
            "time its worker was lost or killed at the time limit."
        ),
        status_changed_at=now,
    )
    stalled = list(
        Article.objects.filter(
            Q(status=Article.Status.QUEUED, status_changed_at__lt=cutoff) | expired
        ).values_list("pk", flat=True)
    )
    for pk in stalled:
        with transaction.atomic():
            Article.objects.filter(pk=pk).update(
                status=Article.Status.QUEUED, status_changed_at=timezone.now()
            )
            article_enqueue(Article(pk=pk))
    return len(stalled)


def articles_reextract_all() -> int:
    """Queue every finished article again, e.g. after the knowledge base changed.

    Re-extraction keeps editors' corrections (see meetings.services.meeting_upsert).
    """
    ids = list(
        Article.objects.filter(status__in=[Article.Status.DONE, Article.Status.FAILED]).values_list(
            "pk", flat=True
        )
    )
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        with transaction.atomic():
            Article.objects.filter(pk__in=chunk).update(
                status=Article.Status.QUEUED, error="", status_changed_at=timezone.now()
            )
            for pk in chunk:
                article_enqueue(Article(pk=pk))
    return len(ids)
