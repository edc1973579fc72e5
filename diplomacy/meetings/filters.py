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
from diplomacy.meetings.models import (
    Meeting,
    Participation,
    ReviewStatus,
    Statement,
    search_fold,
)


def leader_from_param(value: str) -> Leader | None:
    """A leader by slug, or by a name or alias as typed in the autocomplete."""
    value = value.strip()
    if not value or "\x00" in value:
        return None  # no name holds a NUL (and PostgreSQL refuses one in a query)
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
        """The rows after the cursor. After a dated row: the dated rows before it, as a
        row-value comparison ``(date, id) < (%s, %s)`` that the newest-first index seeks
        to (an OR of conditions is only a filter on a walk from the newest row); the
        undated rows that follow them are read by ``page_of`` when the dated run out."""
        cursor = Cursor.decode(value)
        if cursor is None:
            return queryset
        day, pk = cursor
        if day is None:
            return queryset.filter(**{field: None, "pk__lt": pk})
        model = queryset.model
        table = model._meta.db_table
        column = model._meta.get_field(field).column
        before = RawSQL(
            f'("{table}"."{column}", "{table}"."{model._meta.pk.column}") < (%s, %s)',
            [day, pk],
            output_field=BooleanField(),
        )
        dated = queryset.filter(before)
        dated.undated_rest = queryset.filter(**{field: None})
        return dated


def page_of(queryset: QuerySet, size: int, field: str = "date") -> tuple[list, str | None]:
    """One page and the cursor of the next, or None on the last page."""
    rows = list(queryset[: size + 1])
    rest = getattr(queryset, "undated_rest", None)
    if rest is not None and len(rows) <= size:
        rows += list(rest[: size + 1 - len(rows)])
    if len(rows) <= size:
        return rows, None
    last = rows[size - 1]
    return rows[:size], Cursor.encode(getattr(last, field), last.pk)


def invalid_filters(form_class: type[forms.Form], data) -> dict[str, list[str]]:
    """The filter parameters whose values do not clean, with the reasons, each field
    checked by itself (none of the form's hooks that look leaders up): no query, so a
    page answers 400 before it reads anything, even when its parts are cached."""
    errors = {}
    for name, field in form_class.base_fields.items():
        raw = data.get(name, "")
        if raw in ("", None):
            continue
        try:
            field.clean(raw)
        except forms.ValidationError as error:
            errors[name] = error.messages
    return errors


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
            # participant_countries: " FR RU " (kept by services.participants_changed).
            meetings = meetings.filter(
                Q(country=country) | Q(participant_countries__contains=f" {country} ")
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
            # The ids the search index gives are read once for the results and highlights.
            memo = self.__dict__.setdefault("_search_memo", {})
            statements = search_statements(statements, words, vendor=vendor, memo=memo)
        return statements

    def query_string(self) -> str:
        if not self.is_valid():
            return ""
        return urlencode({k: v for k, v in self.data.items() if k in self.fields and v})


# A name typed in the text filter matches at most this many people (the most known first):
# their meetings are found through the participations index, never by scanning them all.
NAMES_MATCHED = 200


def meeting_text_matches(text: str) -> Q:
    """The timeline's text filter: place or occasion (folded, so "Romania" finds
    "România" and "grossbritannien" finds "Großbritannien" on any database), or a
    participant by name or any of their aliases.

    The people are resolved first, to ids (the leader tables are small); then the
    meetings are those whose place or occasion match (a trigram index on PostgreSQL,
    migration 0011) and those of these people (the participation index), one set of
    ids that the planner can hash or look up, whatever its size."""
    folded = search_fold(text)
    people = Q(name__icontains=text)
    if folded:
        people |= Q(aliases__normalized__contains=folded)
    leader_ids = list(
        Leader.objects.filter(people)
        .order_by("-known", "pk")
        .values_list("pk", flat=True)
        .distinct()[:NAMES_MATCHED]
    )
    places = Meeting.objects.filter(place_text_matches(folded)) if folded else None
    of_people = (
        Participation.objects.filter(leader_id__in=leader_ids).values("meeting_id")
        if leader_ids
        else None
    )
    if places is None and of_people is None:
        return Q(pk__in=[])
    if of_people is None:
        return place_text_matches(folded)
    if places is None:
        return Q(pk__in=of_people)
    return Q(pk__in=places.values("pk").union(of_people, all=True))


def place_text_matches(folded: str) -> Q:
    """Folded words in the place or occasion: anywhere for three letters or more (what a
    trigram index can look up), at the start of a word for fewer ("g7", "un")."""
    if len(folded) >= 3:
        return Q(search_folded__contains=folded)
    return Q(search_folded__startswith=folded) | Q(search_folded__contains=f" {folded}")


FEW_MATCHES = 5000


def search_statements(
    statements: QuerySet, words: str, *, vendor: str, memo: dict | None = None
) -> QuerySet:
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
        # The GIN index first: up to FEW_MATCHES ids of matching statements (in id order,
        # so that no plan reads the whole table to find them). Words that rare (or that
        # match nothing) are then read by id, ordered and limited; more common words are
        # dense enough that walking the newest-first index and keeping the matches finds
        # a page in a few thousand rows.
        memo = {} if memo is None else memo
        if words not in memo:
            memo[words] = list(
                Statement.objects.filter(matches)
                .order_by("pk")
                .values_list("pk", flat=True)[: FEW_MATCHES + 1]
            )
        found = memo[words]
        if len(found) <= FEW_MATCHES:
            return statements.filter(pk__in=found) if found else statements.none()
        return statements.filter(matches)
    for word in search_fold(words).split():
        statements = statements.filter(search_folded__contains=word)
    return statements
