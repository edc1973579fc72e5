"""Polling RSS and Atom feeds: each new entry is recorded once, then fetched and stored."""

import logging

import feedparser
from django.db import IntegrityError, transaction
from django.utils import timezone

from diplomacy.articles import services
from diplomacy.articles.fetching import FetchError, fetch, fetch_article
from diplomacy.articles.models import Feed, FeedEntry

log = logging.getLogger(__name__)
MAX_ENTRIES_PER_POLL = 200


def feed_poll(feed_id: int) -> list[int]:
    """Read a feed; returns the ids of the entries seen for the first time."""
    feed = Feed.objects.get(pk=feed_id)
    try:
        _, body, _ = fetch(feed.url)
    except FetchError as error:
        Feed.objects.filter(pk=feed.pk).update(last_polled_at=timezone.now(), last_error=str(error))
        return []
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        Feed.objects.filter(pk=feed.pk).update(
            last_polled_at=timezone.now(), last_error="Not a readable RSS or Atom feed."
        )
        return []
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
    return new


def feed_entry_ingest(entry_id: int) -> None:
    """Fetch an entry's page and store it as an article (duplicates are recognised)."""
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
        FeedEntry.objects.filter(pk=entry.pk).update(error=str(error))
        return
    FeedEntry.objects.filter(pk=entry.pk).update(article=article, error="")
