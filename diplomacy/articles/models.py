"""Articles: the texts that go in, stored before any work is queued."""

import hashlib
import unicodedata

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


def content_hash(text: str) -> str:
    """The same article twice is one article: hash of the text with white space folded."""
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


class Batch(models.Model):
    """Articles uploaded together, so an admin can follow their processing."""

    label = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "batches"

    def __str__(self) -> str:
        return self.label or f"Batch {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("batch", args=[self.pk])


class ArticleQuerySet(models.QuerySet):
    def unfinished(self):
        return self.filter(status__in=[Article.Status.QUEUED, Article.Status.PROCESSING])

    def for_list(self):
        return self.select_related("uploaded_by").defer("text").order_by("-created_at", "-id")


class Article(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        PROCESSING = "processing", "Processing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    title = models.CharField(max_length=500, blank=True)
    text = models.TextField()
    source = models.CharField("source outlet", max_length=200, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    language = models.CharField(max_length=8, blank=True)
    published = models.DateField(null=True, blank=True)
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    batch = models.ForeignKey(
        Batch, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    # Duplicates: the same page under another URL form, and syndicated copies with
    # trivial differences (a 64-bit SimHash of the text's word shingles, split in four
    # 16-bit bands so that near copies are found by an indexed equality on one band).
    canonical_url = models.CharField(max_length=2000, blank=True, db_index=True)
    simhash_a = models.IntegerField(null=True, db_index=True)
    simhash_b = models.IntegerField(null=True, db_index=True)
    simhash_c = models.IntegerField(null=True, db_index=True)
    simhash_d = models.IntegerField(null=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    status_changed_at = models.DateTimeField(auto_now_add=True)
    # While `processing`: the worker holds the article until then (its time limit and a
    # margin); the sweep takes back only an article whose lease ran out.
    lease_until = models.DateTimeField(null=True, blank=True)
    # Corrections by an admin (title, source, URL, publication date): a version for
    # optimistic locking, and their history. The text and the processing state are left
    # out of the history: the text never changes, and the state changes on every run.
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(
        excluded_fields=[
            "text",
            "content_hash",
            "status",
            "error",
            "attempts",
            "batch",
            "canonical_url",
            "simhash_a",
            "simhash_b",
            "simhash_c",
            "simhash_d",
            "status_changed_at",
            "lease_until",
        ]  # fmt: skip
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "status_changed_at"])]

    def __str__(self) -> str:
        return self.title or f"Article {self.pk}"

    def save(self, *args, **kwargs):
        if not self.content_hash:
            self.content_hash = content_hash(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("article", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class Feed(models.Model):
    """An RSS or Atom feed polled on a schedule; each new entry is fetched and ingested once."""

    url = models.URLField(max_length=2000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["title", "url"]

    def __str__(self) -> str:
        return self.title or self.url


class FeedEntry(models.Model):
    """One entry of a feed, recorded the first time it is seen (so it is taken once)."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    entry_id = models.CharField(max_length=2000)
    url = models.URLField(max_length=2000)
    seen_at = models.DateTimeField(auto_now_add=True)
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="feed_entries"
    )
    # A fetch that failed: why, how many tries so far, and when a poll tries again
    # (null once it has an article or after the last try; see feeds.py).
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    retry_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "feed entries"
        constraints = [models.UniqueConstraint(fields=["feed", "entry_id"], name="feed_entry_once")]

    def __str__(self) -> str:
        return self.url
