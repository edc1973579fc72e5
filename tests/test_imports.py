"""Importing the Office of the Historian's visit and travel records."""

import json
from datetime import date
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from diplomacy.leaders.models import Leader
from diplomacy.meetings.imports import IMPORT_CONFIDENCE, country_code, remark_mentions
from diplomacy.meetings.models import Evidence, Meeting
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

DATA = settings.SHARED_DIR / "data"


def _records(name: str, start: str, end: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if start <= json.loads(line)["start_date"] < end]


@pytest.fixture
def recent(tmp_path):
    path = tmp_path / "records.jsonl"
    records = _records("travels_us.jsonl", "2023-04-01", "2023-07-01")
    records += _records("visits_us.jsonl", "2023-04-01", "2023-07-01")
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    return path


def _meeting_of(record_id: str) -> tuple:
    meeting = Evidence.objects.get(record=record_id).meeting
    return (
        sorted(p.name for p in meeting.participants.all()),
        meeting.date.isoformat(),
        meeting.place,
        meeting.country,
        meeting.kind,
    )


def test_travel_remark_names_the_people_met(kb, recent):
    call_command("import_visits", str(recent), stdout=StringIO())
    # "Joseph R. Biden", Dublin, 2023-04-12: "Met with Prime Minister Leo Varadkar and
    # President Michael D. Higgins."
    record = next(
        json.loads(line)
        for line in recent.read_text().splitlines()
        if "Varadkar" in line and "Higgins" in line
    )
    people, day, place, country, kind = _meeting_of(record["id"])
    assert (day, place, country, kind) == ("2023-04-12", "Dublin", "IE", "multilateral")
    assert people == ["Joe Biden", "Leo Varadkar", "Michael D. Higgins"]


def test_visit_is_a_meeting_with_the_president_then(kb, recent):
    call_command("import_visits", str(recent), stdout=StringIO())
    visits = Meeting.objects.filter(external_id__startswith="visits-")
    assert visits.exists()
    for meeting in visits:
        names = {p.name for p in meeting.participants.all()}
        assert "Joe Biden" in names
        assert (meeting.kind, meeting.place, meeting.country) == ("visit", "Washington", "US")


def test_importing_twice_changes_nothing(kb, recent):
    out = StringIO()
    call_command("import_visits", str(recent), stdout=out)
    counts = (Meeting.objects.count(), Evidence.objects.count(), Leader.objects.count())
    again = StringIO()
    call_command("import_visits", str(recent), stdout=again)
    assert (Meeting.objects.count(), Evidence.objects.count(), Leader.objects.count()) == counts
    assert "0 meetings created" in again.getvalue()


def test_people_missing_from_the_knowledge_base_are_created_unverified(kb, tmp_path):
    path = tmp_path / "r.jsonl"
    record = {
        "id": "travels-test-1", "start_date": "2024-05-02", "end_date": "2024-05-02",
        "visitor": "Antony John Blinken", "visitor_role": "Secretary of State",
        "host_country": "Ruritania", "locations": ["Strelsau"], "traveler_role_code": "secretary",
        "description": "Met with Foreign Minister Rudolf Elphberg.",
    }  # fmt: skip
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    call_command("import_visits", str(path), stdout=StringIO())
    people, day, place, _, kind = _meeting_of("travels-test-1")
    assert (people, day, place, kind) == (
        ["Antony Blinken", "Rudolf Elphberg"], "2024-05-02", "Strelsau", "bilateral"
    )  # fmt: skip
    assert Leader.objects.get(name="Rudolf Elphberg").known is False


@pytest.mark.parametrize(
    ("name", "code"),
    [("Korea, South", "KR"), ("Germany", "DE"), ("United States", "US"), ("Atlantis", "")],
)
def test_country_names_of_the_records(name, code):
    assert country_code(name) == code


# --- people resolved at the record's date (issue 12, defect 4) ------------------------


def _import(tmp_path, *records: dict) -> str:
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = StringIO()
    call_command("import_visits", str(path), stdout=out)
    return out.getvalue()


def _visit(record_id: str, start: str, end: str, visitor: str, role: str, country: str,
           description: str) -> dict:  # fmt: skip
    return {
        "id": record_id, "start_date": start, "end_date": end, "visitor": visitor,
        "visitor_role": role, "from_country": country, "host_country": "US", "locations": [],
        "description": description,
    }  # fmt: skip


def _travel(record_id: str, day: str, traveller: str, code: str, country: str, place: str,
            description: str) -> dict:  # fmt: skip
    return {
        "id": record_id, "start_date": day, "end_date": day, "visitor": traveller,
        "visitor_role": "President" if code == "president" else "Secretary of State",
        "from_country": "United States", "host_country": country, "locations": [place],
        "traveler_role_code": code, "description": description,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("remark", "names"),
    [
        ("Came privately. Met with President Bush Mar. 4; flew home Mar. 6.", ["Bush"]),
        ("Conferred with King Hassan Wednesday at the palace.", ["Hassan"]),
        ("Held talks with Premier Zhou Sept. 3 and again on Sept. 5.", ["Zhou"]),
        ("Met with President Carter November 14 at the White House.", ["Carter"]),
        (
            "Met with President Yang and Premier Li. Also spoke at the U.N. Special Session.",
            ["Yang", "Li"],
        ),  # fmt: skip
        ("Talks with Prime Minister Theresa May in London.", ["Theresa May"]),
        (
            "Met with Prime Minister Fernando de la Rua and Foreign Minister Adalberto Giavarini.",
            ["Fernando de la Rua", "Adalberto Giavarini"],
        ),  # fmt: skip
        ("Attended the U.N. Special Session on Disarmament.", []),
    ],
)
def test_remarks_name_only_people_never_dates_or_phrases(remark, names):
    assert [m.name for m in remark_mentions(remark)] == names


def test_a_month_after_a_name_makes_no_person_and_gives_the_meeting_day(kb, tmp_path):
    _import(
        tmp_path,
        _visit(
            "visits-t1",
            "1992-03-02",
            "1992-03-06",
            "Prime Minister Aldo Ferranti",
            "Prime Minister",
            "Italy",
            "Came privately. Met with President Bush Mar. 4; flew home Mar. 6. Also toured "
            "Boston Thurs.",
        ),  # fmt: skip
    )
    people, day, place, country, kind = _meeting_of("visits-t1")
    assert (people, day, place, country, kind) == (
        ["Aldo Ferranti", "George H. W. Bush"], "1992-03-04", "Washington", "US", "visit"
    )  # fmt: skip
    assert not Leader.objects.filter(name__startswith="Bush").exists()
    assert Leader.objects.get(name="Aldo Ferranti").known is False


def test_a_1990_syrian_president_is_hafez_al_assad(kb, tmp_path):
    _import(
        tmp_path,
        _travel("travels-t2", "1990-09-14", "James Addison Baker", "secretary", "Syria",
                "Damascus", "Held talks with Syrian President Assad on the Gulf crisis."),
    )  # fmt: skip
    people, day, place, country, kind = _meeting_of("travels-t2")
    assert (people, day, place, country, kind) == (
        ["Hafez al-Assad", "James A. Baker III"], "1990-09-14", "Damascus", "SY", "bilateral"
    )  # fmt: skip


def test_a_1991_greek_prime_minister_is_not_todays(kb, tmp_path):
    _import(
        tmp_path,
        _travel("travels-t3", "1991-07-19", "George H.W. Bush", "president", "Greece",
                "Athens", "Talks with Prime Minister Mitsotakis; spoke to U.S. sailors."),
    )  # fmt: skip
    people, *_ = _meeting_of("travels-t3")
    assert people == ["George H. W. Bush", "Mitsotakis"]
    greek = Leader.objects.get(name="Mitsotakis")
    assert (greek.known, greek.country) == (False, "GR")
    assert list(greek.offices.values_list("title", "role", "start", "end")) == [
        ("Prime Minister of Greece", "head_of_government", date(1991, 7, 19), date(1991, 7, 19))
    ]


@pytest.mark.parametrize(
    ("day", "host", "remark"),
    [
        ("1962-05-03", "John F. Kennedy", "State visit."),
        ("1989-01-19", "Ronald Reagan", "Private visit."),
        ("1989-01-21", "George H. W. Bush", "Official working visit."),
        ("2010-04-12", "Barack Obama", "Came for the nuclear security summit."),
    ],
)
def test_a_visit_is_hosted_by_the_president_of_its_day(kb, tmp_path, day, host, remark):
    _import(
        tmp_path,
        _visit("visits-t4", day, day, "President Rudolf Elphberg", "President", "Ruritania",
               remark),
    )  # fmt: skip
    people, on, place, _, kind = _meeting_of("visits-t4")
    assert (people, on, place, kind) == (sorted([host, "Rudolf Elphberg"]), day, "Washington",
                                         "visit")  # fmt: skip


def test_a_visit_to_the_secretary_of_state_is_hosted_by_the_secretary(kb, tmp_path):
    _import(
        tmp_path,
        _visit("visits-t5", "1960-07-27", "1960-07-29", "Prime Minister Rudolf Elphberg",
               "Prime Minister", "Ruritania",
               "Met with Secretary of State Herter while in New York for the U.N."),
    )  # fmt: skip
    people, *_ = _meeting_of("visits-t5")
    assert people == ["Christian A. Herter", "Rudolf Elphberg"]


def test_a_secretarys_travel_meets_the_office_holders_of_the_host_country(kb, tmp_path):
    _import(
        tmp_path,
        _travel("travels-t6", "1974-02-26", "Henry A. (Heinz Alfred) Kissinger", "secretary",
                "Syria", "Damascus", "Met with President Assad on disengagement."),
    )  # fmt: skip
    people, *_ = _meeting_of("travels-t6")
    assert people == ["Hafez al-Assad", "Henry Kissinger"]
    assert Leader.objects.filter(known=False).count() == 0


def test_the_command_reports_what_it_could_not_resolve(kb, tmp_path):
    out = _import(
        tmp_path,
        _travel("travels-t7", "1985-05-02", "George Pratt Shultz", "secretary", "Portugal",
                "Lisbon", "Attended a conference of the alliance's ministers."),
        _travel("travels-t3", "1991-07-19", "George H.W. Bush", "president", "Greece",
                "Athens", "Talks with Prime Minister Mitsotakis; spoke to U.S. sailors."),
    )  # fmt: skip
    assert "2 records: 1 meetings created" in out
    assert "1 × no counterpart: the remark names no one met\n      travels-t7 " in out
    assert (
        "1 × created unverified: a person of this name is known, but not in this office at "
        "the date\n      travels-t3 1991-07-19: Prime Minister Mitsotakis (?) -> Mitsotakis (GR)"
    ) in out


def test_imported_meetings_are_marked_and_have_a_confidence_of_their_own(kb, tmp_path):
    _import(
        tmp_path,
        _travel("travels-t6", "1974-02-26", "Henry A. (Heinz Alfred) Kissinger", "secretary",
                "Syria", "Damascus", "Met with President Assad on disengagement."),
        _travel("travels-t3", "1991-07-19", "George H.W. Bush", "president", "Greece",
                "Athens", "Talks with Prime Minister Mitsotakis; spoke to U.S. sailors."),
    )  # fmt: skip
    marks = {
        m.external_id: (m.confidence, list(m.evidence.values_list("record", flat=True)))
        for m in Meeting.objects.all()
    }
    assert marks == {
        "travels-t6": (IMPORT_CONFIDENCE["resolved"], ["travels-t6"]),
        "travels-t3": (IMPORT_CONFIDENCE["unverified"], ["travels-t3"]),
    }
    # Below anything the engine gives what it reads in articles (0.75 and up).
    assert IMPORT_CONFIDENCE == {"resolved": 0.6, "unverified": 0.4}


def test_editors_can_review_imported_meetings_apart_from_articles(kb, tmp_path, editor_client):
    _import(
        tmp_path,
        _travel("travels-t6", "1974-02-26", "Henry A. (Heinz Alfred) Kissinger", "secretary",
                "Syria", "Damascus", "Met with President Assad on disengagement."),
    )  # fmt: skip
    imported = Meeting.objects.get(external_id="travels-t6")
    read = MeetingFactory(confidence=0.8)
    url = reverse("review")
    queue = [m.pk for m in editor_client.get(url).context["items"]]
    assert queue == [imported.pk, read.pk]
    assert [m.pk for m in editor_client.get(url, {"source": "imported"}).context["items"]] == [
        imported.pk
    ]
    assert [m.pk for m in editor_client.get(url, {"source": "articles"}).context["items"]] == [
        read.pk
    ]
    # The queue page offers the choice, showing the one in force.
    page = editor_client.get(url, {"source": "imported"}).content.decode()
    assert '<option value="imported" selected>Imported records only</option>' in page
    assert '<option value="articles">Articles only</option>' in page
