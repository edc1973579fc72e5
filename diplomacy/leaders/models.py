"""Leaders: the people of the knowledge base, their aliases and their offices."""

import unicodedata

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from diplomacy.core.models import EditableRecord


def normalize_name(name: str) -> str:
    """Lower case, accents stripped, punctuation to spaces: for lookups, not display."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in bare).split())


class Role(models.TextChoices):
    HEAD_OF_STATE = "head_of_state", "Head of state"
    HEAD_OF_GOVERNMENT = "head_of_government", "Head of government"
    FOREIGN_MINISTER = "foreign_minister", "Foreign minister"
    HEAD_OF_ORGANISATION = "head_of_organisation", "Head of an organisation"
    OFFICIAL = "official", "Official"


class LeaderQuerySet(models.QuerySet):
    def with_meetings(self):
        return self.filter(participations__isnull=False).distinct()


class Leader(EditableRecord):
    # Stable identity from the knowledge base (a Wikidata id or a slug); null for
    # people the extraction met who are not in the knowledge base.
    key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    name = models.CharField("canonical name (English)", max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2")
    known = models.BooleanField(
        default=True, help_text="In the knowledge base; unknown people are created unverified."
    )
    # A leader merged into another (a duplicate) points at the one that stays.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = LeaderQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.name, self.country)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("leader", args=[self.slug])


def unique_slug(name: str, country: str, taken: set[str] | None = None) -> str:
    """A slug for a new leader, not in `taken` (by default: not in the database)."""
    base = slugify(name) or "leader"
    candidates = [base, f"{base}-{country.lower()}" if country else f"{base}-2"]
    n = 2
    while True:
        for slug in candidates:
            free = slug not in taken if taken is not None else not _slug_used(slug)
            if free:
                return slug
        n += 1
        candidates = [f"{base}-{n}"]


def _slug_used(slug: str) -> bool:
    return Leader.objects.filter(slug=slug).exists()


class Alias(models.Model):
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, db_index=True, editable=False)
    language = models.CharField(max_length=8, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["leader", "name"], name="alias_unique_per_leader")
        ]
        verbose_name_plural = "aliases"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.normalized = normalize_name(self.name)
        super().save(*args, **kwargs)


class Office(models.Model):
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="offices")
    title = models.CharField(max_length=200)
    role = models.CharField(max_length=24, choices=Role.choices)
    country = models.CharField(
        max_length=12,
        blank=True,
        help_text="ISO 3166-1 alpha-2, or an organisation's code (UN, EU, NATO) for its heads",
    )
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start"]
        constraints = [
            models.UniqueConstraint(
                fields=["leader", "title", "start"], name="office_unique_per_leader_start"
            )
        ]

    def __str__(self) -> str:
        return self.title
