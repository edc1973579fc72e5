"""Meetings, who took part, what was said, and the sentences that say so."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from diplomacy.articles.models import Article
from diplomacy.core.models import EditableRecord
from diplomacy.leaders.models import Leader, normalize_name


def search_fold(*texts: str) -> str:
    """The searchable form of some text: lower case, accents stripped (ț, ş, é, ß → ss),
    punctuation as spaces, so that "relatiile" finds "Relațiile" on every database.
    Searches fold what is typed the same way."""
    return normalize_name(" ".join(t for t in texts if t))


class SearchFolded:
    """Keeps a model's ``search_folded`` column in step with the fields it is folded from
    on every save, also a save of only some fields. Bulk writes (extraction, the data
    generator, the migration) call ``search_fold`` themselves."""

    search_from: tuple[str, ...] = ()

    def save(self, *args, **kwargs):
        self.search_folded = search_fold(*(getattr(self, f) for f in self.search_from))
        fields = kwargs.get("update_fields")
        if fields is not None and set(fields) & set(self.search_from):
            kwargs["update_fields"] = {*fields, "search_folded"}
        super().save(*args, **kwargs)


class Precision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class ReviewStatus(models.TextChoices):
    EXTRACTED = "extracted", "Extracted"
    VERIFIED = "verified", "Verified"
    REJECTED = "rejected", "Rejected"


class MeetingQuerySet(models.QuerySet):
    def visible(self):
        return self.exclude(status=ReviewStatus.REJECTED).filter(merged_into=None)

    def for_review(self):
        return self.filter(status=ReviewStatus.EXTRACTED, merged_into=None)

    def for_timeline(self):
        return (
            self.visible()
            .prefetch_related(
                models.Prefetch("participants", queryset=Leader.objects.order_by("name"))
            )
            .order_by(models.F("date").desc(nulls_last=True), "-id")
        )

    def with_participant(self, leader):
        return self.filter(participations__leader=leader)


class NewestFirstIndex(models.Index):
    """An index in the order the pages read: descending fields that may be empty put the
    empty ones last (ORDER BY ... DESC NULLS LAST), so that a page is read off the index
    instead of sorted out of a million rows. PostgreSQL needs that said in the index;
    SQLite sorts NULLs last in a descending index anyway and cannot say it. Fields and a
    name only: nothing else given to an Index would reach the SQL written below."""

    def __init__(self, *, fields, name):
        super().__init__(fields=fields, name=name)

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return super().create_sql(model, schema_editor, using=using, **kwargs)
        fields = [model._meta.get_field(name) for name, _ in self.fields_orders]
        suffixes = [
            f"{order} NULLS LAST" if order == "DESC" and field.null else order
            for field, (_, order) in zip(fields, self.fields_orders, strict=True)
        ]
        return schema_editor._create_index_sql(
            model, fields=fields, name=self.name, using=using, col_suffixes=suffixes, **kwargs
        )


class Meeting(SearchFolded, EditableRecord):
    class Kind(models.TextChoices):
        BILATERAL = "bilateral", "Bilateral"
        MULTILATERAL = "multilateral", "Multilateral"
        CALL = "call", "Call"
        VISIT = "visit", "Visit"

    class ReportedAs(models.TextChoices):
        CURRENT = "current", "Current"
        PAST = "past", "Past"

    # The first day of the period the date is known to (a June 2024 meeting is 2024-06-01
    # with month precision), so meetings sort and filter by date whatever their precision.
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=5, choices=Precision.choices, blank=True)
    place = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    occasion = models.CharField(max_length=300, blank=True)
    reported_as = models.CharField(
        max_length=7, choices=ReportedAs.choices, default=ReportedAs.CURRENT
    )
    participants = models.ManyToManyField(Leader, through="Participation", related_name="meetings")
    status = models.CharField(
        max_length=9, choices=ReviewStatus.choices, default=ReviewStatus.EXTRACTED
    )
    confidence = models.FloatField(default=0.0)
    # The id of the structured record a meeting was imported from ("visits-3009"), so
    # that importing the same file again changes nothing.
    external_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    # The meeting an editor merged this one into (what editors changed and the version
    # for optimistic locking: EditableRecord).
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    # The participants' leader ids, sorted and comma-joined ("3,17"): finding the meeting
    # with exactly these participants is one indexed lookup, however many meetings there
    # are. Kept in step by meetings.services.participants_changed on every write.
    participant_key = models.CharField(max_length=500, blank=True, default="", editable=False)
    # The participants' countries, sorted, each between spaces (" FR RU "): the country
    # filter is one indexed lookup (a trigram GIN index on PostgreSQL, migration 0011)
    # instead of a scan of every participation. Kept in step with participant_key.
    participant_countries = models.TextField(blank=True, default="", editable=False)
    # Place and occasion folded for the timeline's accent-insensitive text filter.
    search_folded = models.TextField(blank=True, default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["search_folded", "participant_countries"])

    search_from = ("place", "occasion")

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        # The timeline reads newest first (undated meetings last), alone or with one filter;
        # the indexes are in exactly that order so that a page is read off the index, not
        # sorted out of a million rows. See docs/indexes.md.
        indexes = [
            NewestFirstIndex(fields=["-date", "-id"], name="meeting_timeline_idx"),
            NewestFirstIndex(fields=["kind", "-date", "-id"], name="meeting_kind_timeline_idx"),
            NewestFirstIndex(fields=["status", "-date", "-id"], name="meeting_status_timeline_idx"),
            NewestFirstIndex(
                fields=["country", "-date", "-id"], name="meeting_country_timeline_idx"
            ),
            models.Index(fields=["participant_key", "date"], name="meeting_participants_idx"),
            # The timeline's density band of a few months (meetings/timeline.py), counted
            # by day and kind from the index alone, without a visit to each meeting.
            models.Index(
                fields=["date", "kind", "status"],
                condition=~models.Q(status=ReviewStatus.REJECTED) & models.Q(merged_into=None),
                name="meeting_density_idx",
            ),
        ]

    def __str__(self) -> str:
        names = ", ".join(p.name for p in self.participants.all())
        return f"{names} ({self.date or 'undated'})"

    def get_absolute_url(self) -> str:
        return reverse("meeting", args=[self.pk])

    @property
    def date_label(self) -> str:
        """The date as precisely as it is known: '3 September 2025', 'June 2024', '2024'."""
        if self.date is None:
            return "Date unknown"
        if self.date_precision == Precision.YEAR:
            return str(self.date.year)
        if self.date_precision == Precision.MONTH:
            return self.date.strftime("%B %Y")
        return f"{self.date.day} {self.date.strftime('%B %Y')}"

    @property
    def month_label(self) -> str:
        if self.date is None:
            return "Date unknown"
        return (
            str(self.date.year)
            if self.date_precision == Precision.YEAR
            else self.date.strftime("%B %Y")
        )


class Participation(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="participations")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "leader"], name="participation_unique")
        ]
        # A leader's meetings (timeline filter, leader page, network pairs).
        indexes = [models.Index(fields=["leader", "meeting"], name="participation_leader_idx")]

    def __str__(self) -> str:
        return f"{self.leader} at {self.meeting_id}"


class PairCount(models.Model):
    """How many visible meetings two leaders had in a month, and the last one's date.
    ``month`` is year * 12 + month - 1 (0: undated), as in MonthCount. Kept in step by
    meetings/pairs.py on every write, so that a leader's counterparts and the network of
    any period are summed from a few rows instead of aggregated out of millions of
    participations."""

    leader_a = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="+")
    leader_b = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="+")
    month = models.IntegerField(default=0)
    meetings = models.PositiveIntegerField(default=0)
    last = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["leader_a", "leader_b", "month"], name="pair_month_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(leader_a__lt=models.F("leader_b")), name="pair_ordered"
            ),
        ]
        indexes = [
            models.Index(fields=["leader_b", "leader_a"], name="pair_b_idx"),
            # The network of a period reads the rows of its months off this index alone.
            models.Index(
                fields=["month", "leader_a", "leader_b", "meetings", "last"], name="pair_month_idx"
            ),
        ]

    def __str__(self) -> str:
        when = f"{self.month // 12}-{self.month % 12 + 1:02}" if self.month else "undated"
        return f"{self.leader_a_id}–{self.leader_b_id} in {when}"


class Evidence(models.Model):
    """A meeting's link to an article and the sentence in it that reports the meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="evidence")
    # An article and a span in it, or, for imported records, the record it came from.
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    record = models.CharField(
        max_length=200, blank=True, help_text="source of an imported record, e.g. its file and id"
    )
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)
    text = models.TextField()
    # Why the machine read a meeting in this sentence: the extraction trace of its meeting
    # words (diplomacy.extraction.trace.CandidateTrace as dicts), shown to editors.
    trace = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        verbose_name_plural = "evidence"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "article", "start", "end"], name="evidence_unique_span"
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Mention(models.Model):
    """Where an article names a leader: the spans highlighted in evidence sentences."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="mentions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "start", "end"], name="mention_unique_span")
        ]

    def __str__(self) -> str:
        return f"{self.leader} in article {self.article_id} at {self.start}"


class StatementQuerySet(models.QuerySet):
    def visible(self):
        """Statements on record: not rejected, and not fragments (see highlights)."""
        return self.exclude(status=ReviewStatus.REJECTED).exclude(kind=Statement.Kind.FRAGMENT)

    def highlights(self):
        """Quotations of one or two words, shown as highlights of their article."""
        return self.exclude(status=ReviewStatus.REJECTED).filter(kind=Statement.Kind.FRAGMENT)

    def for_review(self):
        return self.filter(status=ReviewStatus.EXTRACTED).exclude(kind=Statement.Kind.FRAGMENT)


class Statement(SearchFolded, EditableRecord):
    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct"
        INDIRECT = "indirect", "Indirect"
        # A quotation of one or two words ("curajul"): a highlight of its article, not a
        # statement (not counted, reviewed or exported; found by search on its own).
        FRAGMENT = "fragment", "Fragment"

    speaker = models.ForeignKey(Leader, on_delete=models.PROTECT, related_name="statements")
    text = models.TextField()
    kind = models.CharField(max_length=8, choices=Kind.choices)
    language = models.CharField(max_length=8, blank=True)
    said_on = models.DateField(null=True, blank=True)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="statements")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    status = models.CharField(
        max_length=9, choices=ReviewStatus.choices, default=ReviewStatus.EXTRACTED
    )
    confidence = models.FloatField(default=0.0)
    # The text folded for accent-insensitive search on any database (see search_fold).
    search_folded = models.TextField(blank=True, default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["search_folded"])

    objects = StatementQuerySet.as_manager()
    search_from = ("text",)

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "start", "end"], name="statement_unique_span"
            )
        ]
        # Full-text search has its own GIN index on PostgreSQL (migration 0003).
        indexes = [
            NewestFirstIndex(fields=["speaker", "-said_on", "-id"], name="statement_speaker_idx"),
            NewestFirstIndex(fields=["-said_on", "-id"], name="statement_said_on_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.speaker}: {self.text[:60]}"


class MonthCount(models.Model):
    """How many visible meetings of a kind and status fell in a month: in all (country ''
    and leader 0), per country (of the place or of a participant: the countries the
    timeline's country filter matches) and per participant. ``month`` is year * 12 +
    month - 1 (0: undated), so that months and years are integer arithmetic on every
    database. Kept in step by meetings/month_counts.py on every write (beside the pair
    counts), so that the timeline's density band of the whole record, or of a country,
    kind, status or leader, is summed from a few hundred rows instead of counted out of
    a million meetings. ``leader_id`` is a plain number, not a foreign key: 0 stands for
    "every leader", and a deleted leader's rows are never read."""

    leader_id = models.IntegerField(default=0)
    country = models.CharField(max_length=2, blank=True, default="")
    month = models.IntegerField()
    kind = models.CharField(max_length=12)
    status = models.CharField(max_length=9)
    meetings = models.IntegerField(default=0)

    class Meta:
        # In the order the timeline reads: one facet (leader, country), a range of months.
        constraints = [
            models.UniqueConstraint(
                fields=["leader_id", "country", "month", "kind", "status"],
                name="month_count_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.leader_id or ''}{self.country} {self.month}: {self.meetings}"
