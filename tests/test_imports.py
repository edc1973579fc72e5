"""Importing the Office of the Historian's visit and travel records."""

import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from diplomacy.leaders.models import Leader
from diplomacy.meetings.imports import country_code
from diplomacy.meetings.models import Evidence, Meeting

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
