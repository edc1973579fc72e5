"""Polling RSS and Atom feeds: each new entry is recorded once, then fetched and stored.

An entry whose page cannot be fetched keeps the error and is tried again by later
polls, waiting longer each time (RETRY_AFTER doubled on each try, RETRY_AT_MOST tries).
An entry recorded but never tried (its task was lost with the broker) is tried again
by the first poll after ARTICLE_STALL_SECONDS.
"""

import logging
from datetime import timedelta

import feedparser
from django.conf import settings
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError

from diplomacy.articles import services
from diplomacy.articles.fetching import FetchError, fetch, fetch_article
from diplomacy.articles.models import Feed, FeedEntry
from diplomacy.articles.queue import INGEST_FEED_ENTRY, POLL_FEED, task_send

log = logging.getLogger(__name__)
MAX_ENTRIES_PER_POLL = 200
RETRY_AFTER = timedelta(minutes=15)
RETRY_LONGEST = timedelta(days=1)
RETRY_AT_MOST = 8


def feed_poll_enqueue(feed_id: int) -> None:
    """Poll a feed in the workers once the transaction commits. With the broker down the
    feed is stored all the same, and the beat's next round of polls takes it."""

    def send():
        try:
            task_send(POLL_FEED, feed_id)
        except KombuOperationalError:
            log.warning("Broker unavailable: feed %s waits for the next scheduled poll", feed_id)

    transaction.on_commit(send)


def feed_entry_enqueue(entry_id: int) -> None:
    """Fetch an entry in the workers; with the broker down, a later poll tries it again."""
    try:
        task_send(INGEST_FEED_ENTRY, entry_id)
    except KombuOperationalError:
        log.warning("Broker unavailable: feed entry %s waits for a later poll", entry_id)


def feed_poll(feed_id: int) -> list[int]:
    """Read a feed; returns the ids of the entries to fetch now: those seen for the first
    time, then earlier ones due for another try."""
    feed = Feed.objects.get(pk=feed_id)
    try:
        _, body, _ = fetch(feed.url)
    except FetchError as error:
        Feed.objects.filter(pk=feed.pk).update(last_polled_at=timezone.now(), last_error=str(error))
        return _entries_due(feed)
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        Feed.objects.filter(pk=feed.pk).update(
            last_polled_at=timezone.now(), last_error="Not a readable RSS or Atom feed."
        )
        return _entries_due(feed)
    due = _entries_due(feed)
    new = []
    for entry in parsed.entries[:MAX_ENTRIES_PER_POLL]:
        link = entry.get("link") or ""
        key = entry.get("id") or link
        if not link or not key:
            continue
        try:
            with transaction.atomic():
                recorded = FeedEntry.objects.create(feed=feed, entry_id=key[:2000], url=link[:2000])
        except IntegrityError:
            continue  # seen before
        new.append(recorded.pk)
    title = (parsed.feed.get("title") or feed.title)[:300]
    Feed.objects.filter(pk=feed.pk).update(
        last_polled_at=timezone.now(), last_error="", title=title
    )
    return new + due


def _entries_due(feed: Feed) -> list[int]:
    """Entries due for another try, each pushed back by RETRY_AFTER so that the next
    poll does not queue them again while they wait for a worker."""
    now = timezone.now()
    lost = now - timedelta(seconds=settings.ARTICLE_STALL_SECONDS)
    due = list(
        FeedEntry.objects.filter(feed=feed, article=None)
        .filter(Q(retry_at__lte=now) | Q(attempts=0, seen_at__lt=lost))
        .order_by("pk")
        .values_list("pk", flat=True)[:MAX_ENTRIES_PER_POLL]
    )
    FeedEntry.objects.filter(pk__in=due).update(retry_at=now + RETRY_AFTER)
    return due


def feed_entry_ingest(entry_id: int) -> None:
    """Fetch an entry's page and store it as an article (duplicates are recognised).
    Whatever goes wrong but the database is kept on the entry, to be tried again."""
    entry = FeedEntry.objects.select_related("feed").get(pk=entry_id)
    if entry.article_id:
        return
    try:
        found = fetch_article(entry.url)
        article = services.article_create(
            text=found.text, title=found.title, source=found.source or entry.feed.title,
            url=found.url, published=found.published,
        )  # fmt: skip
    except services.DuplicateArticle as duplicate:
        article = duplicate.existing
    except FetchError as error:
        _entry_failed(entry, str(error))
        return
    except (OperationalError, InterfaceError):
        raise  # passing database trouble: the task retries
    except Exception as error:
        log.exception("Feed entry %s could not be stored", entry.pk)
        _entry_failed(entry, f"Could not store {entry.url}: {type(error).__name__}: {error}")
        return
    FeedEntry.objects.filter(pk=entry.pk).update(
        article=article, error="", retry_at=None, attempts=F("attempts") + 1
    )


def _entry_failed(entry: FeedEntry, error: str) -> None:
    attempts = entry.attempts + 1
    retry_at = None
    if attempts < RETRY_AT_MOST:
        wait = min(RETRY_AFTER * 2 ** (attempts - 1), RETRY_LONGEST)
        retry_at = timezone.now() + wait
    else:
        error += f" Gave up after {attempts} tries."
    FeedEntry.objects.filter(pk=entry.pk, article=None).update(
        error=error, attempts=attempts, retry_at=retry_at
    )
