"""Issue #17's small things: country names instead of ISO codes, exported meetings that
say where they were read, and a 400 with the reason for a filter value that is not valid."""

import csv
import datetime
import html
import io
import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from diplomacy.leaders.models import Alias
from diplomacy.meetings.models import Evidence
from diplomacy.meetings.templatetags.analyst import country_name, country_options
from tests.factories import ArticleFactory, LeaderFactory, MeetingFactory, StatementFactory

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


# --- country names (CLDR, through babel) ---------------------------------------------


def test_country_name_is_in_the_active_language():
    assert country_name("RO") == "Romania"
    assert country_name("ro") == "Romania"
    with translation.override("fr"):
        assert country_name("RO") == "Roumanie"
    with translation.override("de"):
        assert country_name("KP") == "Nordkorea"


def test_a_code_cldr_does_not_know_is_shown_as_it_is():
    assert (country_name("ZZZ"), country_name(""), country_name(None)) == ("ZZZ", "", "")


def test_country_options_are_sorted_by_name_in_the_language():
    assert country_options(["US", "EG", "DE"]) == [
        ("EG", "Egypt"), ("DE", "Germany"), ("US", "United States")
    ]  # fmt: skip
    with translation.override("fr"):
        # "Égypte" among the E's, before "États-Unis", not after "Allemagne"... and Z.
        assert country_options(["US", "EG", "DE"]) == [
            ("DE", "Allemagne"), ("EG", "Égypte"), ("US", "États-Unis")
        ]  # fmt: skip


def test_pages_follow_the_language_setting(analyst_client, settings):
    MeetingFactory(participants=[LeaderFactory(country="RO")], place="Bucarest", country="RO")
    settings.LANGUAGE_CODE = "fr"
    page = analyst_client.get(reverse("timeline"), {"view": "list"}).content.decode()
    assert "Bucarest (Roumanie)" in page
    assert '<option value="RO">Roumanie</option>' in page


def test_statements_name_their_language(analyst_client):
    StatementFactory(text="Relațiile s-au întărit", language="ro")
    page = analyst_client.get(reverse("statements")).content.decode()
    assert _options(page, "st-language") == [
        "Any language", "English", "Romanian", "French", "German", "Spanish", "Italian",
        "Portuguese", "Russian",
    ]  # fmt: skip
    assert " · Romanian" in page


def _options(page: str, select_id: str) -> list[str]:
    select = re.search(rf'<select id="{select_id}".*?</select>', page, re.S).group(0)
    return [html.unescape(name) for name in re.findall(r"<option[^>]*>([^<]*)</option>", select)]


def test_country_filters_list_names_not_codes(kb, analyst_client):
    # The countries of the knowledge base's leaders.
    for url_name, select_id in (("timeline", "filter-country"), ("network", "net-country")):
        page = analyst_client.get(reverse(url_name)).content.decode()
        names = _options(page, select_id)
        assert names[0] == "Any country" and len(names) > 150
        assert [n for n in names if re.fullmatch(r"[A-Z]{2}", n)] == []
        assert names[1:] == [name for _, name in country_options(_values(page, select_id))]
        assert '<option value="RO">Romania</option>' in page
        assert '<option value="KP">North Korea</option>' in page


def _values(page: str, select_id: str) -> list[str]:
    select = re.search(rf'<select id="{select_id}".*?</select>', page, re.S).group(0)
    return [v for v in re.findall(r'<option value="([^"]*)"', select) if v]


def test_pages_name_the_country_of_a_meeting_and_its_participants(analyst_client):
    ro = LeaderFactory(name="Ana Qwertz", country="RO")
    Alias.objects.create(leader=ro, name=ro.name)
    meeting = MeetingFactory(participants=[ro], place="Bucharest", country="RO")
    timeline = analyst_client.get(reverse("timeline"), {"view": "list"}).content.decode()
    assert "Bucharest (Romania)" in timeline
    page = analyst_client.get(meeting.get_absolute_url()).content.decode()
    assert "Bucharest (Romania)" in page and "Ana Qwertz</a> (Romania)" in page
    leader = analyst_client.get(ro.get_absolute_url()).content.decode()
    assert '<span class="muted">(Romania)</span>' in leader
    suggestions = analyst_client.get(reverse("leader_autocomplete"), {"leader": "qwertz"})
    assert suggestions.content.decode().strip() == (
        '<option value="Ana Qwertz">Ana Qwertz (Romania)</option>'
    )


# --- exports say where each meeting was read --------------------------------------------


def _csv(response) -> list[dict]:
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture
def sourced():
    """One meeting read in two articles (oldest first), one imported from a record."""
    first = ArticleFactory(title="Putin meets Kim", url="https://news.example/1")
    second = ArticleFactory(title="Later report", url="https://news.example/2")
    read = MeetingFactory(date=datetime.date(2025, 9, 3), source=first)
    Evidence.objects.filter(meeting=read).update(text="Putin met Kim in Beijing.")
    Evidence.objects.create(meeting=read, article=second, start=5, end=9, text="They met.")
    imported = MeetingFactory(date=datetime.date(2024, 11, 12), source=ArticleFactory())
    Evidence.objects.filter(meeting=imported).update(
        article=None, record="visits-3264", text="President X: Working visit."
    )
    return read, imported, first, second


def test_meetings_csv_names_the_first_source_and_counts_them(analyst_client, sourced):
    read, imported, first, _ = sourced
    rows = _csv(analyst_client.get(reverse("export_meetings", args=["csv"])))
    columns = ["id", "sources", "article_id", "article_title", "article_url", "evidence", "record"]
    assert [[row[c] for c in columns] for row in rows] == [
        [str(read.pk), "2", str(first.pk), "Putin meets Kim", "https://news.example/1",
         "Putin met Kim in Beijing.", ""],
        [str(imported.pk), "1", "", "", "", "President X: Working visit.", "visits-3264"],
    ]  # fmt: skip


def test_meetings_json_lists_every_source(analyst_client, sourced):
    read, imported, first, second = sourced
    response = analyst_client.get(reverse("export_meetings", args=["json"]))
    data = json.loads(b"".join(response.streaming_content))
    assert [(m["id"], m["sources"]) for m in data] == [
        (read.pk, [
            {"article": {"id": first.pk, "title": "Putin meets Kim",
                         "url": "https://news.example/1"},
             "evidence": "Putin met Kim in Beijing.", "record": None},
            {"article": {"id": second.pk, "title": "Later report",
                         "url": "https://news.example/2"},
             "evidence": "They met.", "record": None},
        ]),
        (imported.pk, [
            {"article": None, "evidence": "President X: Working visit.", "record": "visits-3264"}
        ]),
    ]  # fmt: skip


# --- a filter value that is not valid: the page, with the reason beside it, as a 400 ---


@pytest.mark.parametrize(
    ("url_name", "params", "element_id", "message"),
    [
        ("timeline", {"date_from": "garbage"}, "filter-from", "Enter a valid date."),
        ("timeline", {"date_to": "2025-13-45"}, "filter-to", "Enter a valid date."),
        ("timeline", {"kind": "picnic"}, "filter-kind",
         "Select a valid choice. picnic is not one of the available choices."),
        ("timeline", {"country": "ROU"}, "filter-country",
         "Ensure this value has at most 2 characters (it has 3)."),
        ("network", {"date_from": "garbage"}, "net-from", "Enter a valid date."),
        ("statements", {"date_to": "garbage"}, "st-to", "Enter a valid date."),
    ],
)  # fmt: skip
def test_invalid_filter_value_answers_400_with_the_reason_beside_the_filter(
    analyst_client, url_name, params, element_id, message
):
    MeetingFactory()
    response = analyst_client.get(reverse(url_name), params)
    assert response.status_code == 400
    page = response.content.decode()
    assert f'<p class="error" id="{element_id}-error" role="alert">{message}</p>' in page
    field = re.search(rf'<(?:input|select) id="{element_id}"[^>]*>', page).group(0)
    assert f'aria-invalid="true" aria-describedby="{element_id}-error"' in field
    # Nothing is listed as if the filter applied.
    assert "No meetings shown" in page or "No statements shown" in page
    assert '<article class="meeting' not in page


def test_invalid_filter_value_answers_400_to_htmx_too(analyst_client):
    response = analyst_client.get(reverse("timeline"), {"date_from": "garbage"}, headers=HX)
    assert response.status_code == 400
    assert "No meetings shown: a filter's value is not valid" in response.content.decode()


def test_valid_filters_answer_200_without_errors(analyst_client):
    MeetingFactory(date=datetime.date(2025, 1, 2))
    for url_name in ("timeline", "network", "statements"):
        response = analyst_client.get(
            reverse(url_name), {"date_from": "2025-01-01", "date_to": "2025-12-31"}
        )
        assert (response.status_code, 'role="alert"' in response.content.decode()) == (200, False)
