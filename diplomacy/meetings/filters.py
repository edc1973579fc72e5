"""Filters shared by the timeline, the network, the exports and the API.

Each filter is a GET parameter, so every filtered view is a URL that can be
bookmarked, shared and exported.
"""

from datetime import date

from django import forms
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.http import urlencode

from diplomacy.leaders.models import Leader, normalize_name
from diplomacy.meetings.models import Meeting, Participation, ReviewStatus, search_fold


def leader_from_param(value: str) -> Leader | None:
    """A leader by slug, or by a name or alias as typed in the autocomplete."""
    value = value.strip()
    if not value:
        return None
    return (
        Leader.objects.filter(slug=value).first()
        or Leader.objects.filter(name__iexact=value).order_by("-known", "pk").first()
        or Leader.objects.filter(aliases__normalized=normalize_name(value))
        .order_by("-known", "pk")
        .first()
    )


class Cursor:
    """Keyset pagination over (date descending, id descending): 'YYYY-MM-DD.id'.

    No OFFSET and no count: each page starts strictly after the last row seen.
    Undated rows come last.
    """

    @staticmethod
    def encode(day: date | None, pk: int) -> str:
        return f"{day.isoformat() if day else 'none'}.{pk}"

    @staticmethod
    def decode(value: str | None) -> tuple[date | None, int] | None:
        if not value or "." not in value:
            return None
        day, _, pk = value.partition(".")
        try:
            return (None if day == "none" else date.fromisoformat(day)), int(pk)
        except ValueError:
            return None

    @staticmethod
    def after(queryset: QuerySet, value: str | None, field: str = "date") -> QuerySet:
        cursor = Cursor.decode(value)
        if cursor is None:
            return queryset
        day, pk = cursor
        if day is None:
            return queryset.filter(**{field: None, "pk__lt": pk})
        return queryset.filter(
            Q(**{f"{field}__lt": day}) | Q(**{field: day, "pk__lt": pk}) | Q(**{field: None})
        )


def page_of(queryset: QuerySet, size: int, field: str = "date") -> tuple[list, str | None]:
    """One page and the cursor of the next, or None on the last page."""
    rows = list(queryset[: size + 1])
    if len(rows) <= size:
        return rows, None
    last = rows[size - 1]
    return rows[:size], Cursor.encode(getattr(last, field), last.pk)


class MeetingFilter(forms.Form):
    leader = forms.CharField(required=False, label="Leader")
    country = forms.CharField(required=False, max_length=2, label="Country")
    kind = forms.ChoiceField(
        required=False, choices=[("", "Any kind"), *Meeting.Kind.choices], label="Kind"
    )
    status = forms.ChoiceField(
        required=False,
        choices=[
            ("", "Any status"),
            (ReviewStatus.EXTRACTED, "Unreviewed"),
            (ReviewStatus.VERIFIED, "Verified"),
        ],
        label="Status",
    )
    date_from = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label="To", widget=forms.DateInput(attrs={"type": "date"})
    )
    q = forms.CharField(required=False, label="Text", max_length=200)

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.leader_obj: Leader | None = None

    def clean_leader(self):
        value = self.cleaned_data["leader"]
        self.leader_obj = leader_from_param(value) if value else None
        return value

    def clean_country(self):
        return self.cleaned_data["country"].upper()

    def apply(self, meetings: QuerySet) -> QuerySet:
        """Narrow a meeting queryset; invalid values are ignored, unknown leaders match none."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("leader"):
            if self.leader_obj is None:
                return meetings.none()
            meetings = meetings.filter(participations__leader=self.leader_obj)
        if country := data.get("country"):
            meetings = meetings.filter(
                Q(country=country)
                | Q(pk__in=Participation.objects.filter(leader__country=country).values("meeting"))
            )
        if kind := data.get("kind"):
            meetings = meetings.filter(kind=kind)
        if status := data.get("status"):
            meetings = meetings.filter(status=status)
        if date_from := data.get("date_from"):
            meetings = meetings.filter(date__gte=date_from)
        if date_to := data.get("date_to"):
            meetings = meetings.filter(date__lte=date_to)
        if text := (data.get("q") or "").strip():
            meetings = meetings.filter(meeting_text_matches(text))
        return meetings

    def whole_years(self):
        """When the only filter is a period of whole years (or none): (first year, last
        year), either None when open, or None for no period at all; otherwise False. The
        network of such periods is read from the pair counts."""
        if not self.is_valid():
            return False
        data = self.cleaned_data
        if any(data.get(name) for name in ("leader", "country", "kind", "status", "q")):
            return False
        start, end = data.get("date_from"), data.get("date_to")
        if start is None and end is None:
            return None
        if (start and (start.month, start.day) != (1, 1)) or (
            end and (end.month, end.day) != (12, 31)
        ):
            return False
        return (start.year if start else None, end.year if end else None)

    def query_string(self) -> str:
        """The active filters as a query string, for links to the next page and exports."""
        if not self.is_valid():
            return ""
        return urlencode({k: v for k, v in self.data.items() if k in self.fields and v})


class StatementFilter(forms.Form):
    q = forms.CharField(required=False, label="Words", max_length=200)
    speaker = forms.CharField(required=False, label="Speaker")
    language = forms.CharField(required=False, label="Language", max_length=8)
    date_from = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label="To", widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.speaker_obj: Leader | None = None

    def clean_speaker(self):
        value = self.cleaned_data["speaker"]
        self.speaker_obj = leader_from_param(value) if value else None
        return value

    def apply(self, statements: QuerySet, *, vendor: str) -> QuerySet:
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("speaker"):
            if self.speaker_obj is None:
                return statements.none()
            statements = statements.filter(speaker=self.speaker_obj)
        if language := data.get("language"):
            statements = statements.filter(language=language.lower())
        if date_from := data.get("date_from"):
            statements = statements.filter(said_on__gte=date_from)
        if date_to := data.get("date_to"):
            statements = statements.filter(said_on__lte=date_to)
        if words := (data.get("q") or "").strip():
            statements = search_statements(statements, words, vendor=vendor)
        return statements

    def query_string(self) -> str:
        if not self.is_valid():
            return ""
        return urlencode({k: v for k, v in self.data.items() if k in self.fields and v})


def meeting_text_matches(text: str) -> Q:
    """The timeline's text filter: place or occasion (folded, so "Romania" finds
    "România" and "grossbritannien" finds "Großbritannien" on any database), or a
    participant by name or any of their aliases."""
    folded = search_fold(text)
    people = Q(leader__name__icontains=text)
    if folded:
        people |= Q(leader__aliases__normalized__contains=folded)
    matches = Q(pk__in=Participation.objects.filter(people).values("meeting"))
    return matches | Q(search_folded__contains=folded) if folded else matches


def search_statements(statements: QuerySet, words: str, *, vendor: str) -> QuerySet:
    """Accent-insensitive search. On PostgreSQL, full text over the stored document (its
    configuration strips accents: migration 0003); elsewhere every folded word of the
    query is a substring of the statement's folded text (``search_folded``)."""
    if vendor == "postgresql":
        # search_document: a stored tsvector column with a GIN index (migration 0009).
        matches = RawSQL(
            "meetings_statement.search_document @@ websearch_to_tsquery('diplomacy', %s)",
            [words],
            output_field=BooleanField(),
        )
        return statements.filter(matches)
    for word in search_fold(words).split():
        statements = statements.filter(search_folded__contains=word)
    return statements
