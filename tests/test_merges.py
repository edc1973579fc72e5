"""Merging duplicate leaders and meetings, undoing a merge, and reverting a record with
its participants, aliases and offices; the history that says so in words."""

import datetime

import pytest
from django.urls import reverse

from diplomacy.leaders.models import Alias, Leader, Office
from diplomacy.meetings.models import (
    Evidence,
    Meeting,
    Mention,
    PairCount,
    Participation,
    Statement,
)
from diplomacy.meetings.services import meeting_create
from diplomacy.review.models import Merge
from diplomacy.review.services import (
    MergeRefused,
    leader_merge,
    meeting_merge,
    merge_undo,
    record_revert,
)
from tests.factories import ArticleFactory, LeaderFactory, MeetingFactory, StatementFactory
from tests.test_pairs import _rebuilt

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


def _names(leader) -> list[str]:
    return sorted(leader.aliases.values_list("name", flat=True))


def _people(meeting) -> list[str]:
    return sorted(
        Participation.objects.filter(meeting=meeting).values_list("leader__name", flat=True)
    )


def _rows(queryset, *fields) -> set[tuple]:
    return {
        tuple(tuple(v) if isinstance(v, list) else v for v in row)
        for row in queryset.values_list(*fields)
    }


def _snapshot() -> dict:
    """Everything a merge may touch, as plain values."""
    return {
        "leaders": _rows(Leader.objects, "pk", "name", "key", "known", "merged_into"),
        "aliases": _rows(Alias.objects, "pk", "leader", "name", "language"),
        "offices": _rows(Office.objects, "pk", "leader", "title", "role", "start"),
        "participations": _rows(Participation.objects, "pk", "meeting", "leader"),
        "statements": _rows(Statement.objects, "pk", "speaker", "meeting"),
        "mentions": _rows(Mention.objects, "pk", "leader"),
        "evidence": _rows(Evidence.objects, "pk", "meeting"),
        "meetings": _rows(
            Meeting.objects,
            "pk",
            "date",
            "date_precision",
            "place",
            "country",
            "occasion",
            "merged_into",
            "participant_key",
            "edited_fields",
        ),  # fmt: skip
        "pairs": _rows(PairCount.objects, "leader_a", "leader_b", "month", "meetings", "last"),
    }


@pytest.fixture
def nastase():
    """The issue's case: a duplicate whose aliases include its own name, one alias the
    kept leader has too, one differing only in accents and one only in case."""
    keep = LeaderFactory(name="Adrian Nastase", country="RO")
    for name in ("Adrian Nastase", "Năstase"):
        Alias.objects.create(leader=keep, name=name)
    drop = LeaderFactory(name="Prime Minster Adrian Nastase", country="RO", known=False)
    for name in ("Prime Minster Adrian Nastase", "Adrian Năstase", "NASTASE", "A. Nastase"):
        Alias.objects.create(leader=drop, name=name)
    Office.objects.create(leader=keep, title="Prime Minister", role="head_of_government",
                          country="RO", start=datetime.date(2000, 12, 28))  # fmt: skip
    Office.objects.create(leader=drop, title="Prime Minister", role="head_of_government",
                          country="RO", start=datetime.date(2000, 12, 28))  # fmt: skip
    Office.objects.create(leader=drop, title="Speaker", role="official", country="RO",
                          start=datetime.date(2005, 1, 1))  # fmt: skip
    return keep, drop


def test_leader_merge_with_own_name_and_shared_aliases_moves_everything(nastase):
    keep, drop = nastase
    host, guest = LeaderFactory(name="Host"), LeaderFactory(name="Guest")
    alone = MeetingFactory(participants=[drop, host], date=datetime.date(2003, 5, 5))
    both = MeetingFactory(participants=[keep, drop, guest], date=datetime.date(2004, 6, 6))
    said = StatementFactory(speaker=drop, meeting=alone)
    mention = Mention.objects.create(article=ArticleFactory(), leader=drop, start=0, end=7)

    merge = leader_merge(keep=keep, drop=drop, by=None)

    assert _names(keep) == [
        "A. Nastase",
        "Adrian Nastase",
        "Năstase",
        "Prime Minster Adrian Nastase",
    ]
    assert _names(drop) == []
    assert sorted(keep.offices.values_list("title", flat=True)) == ["Prime Minister", "Speaker"]
    assert _people(alone) == ["Adrian Nastase", "Host"]
    assert _people(both) == ["Adrian Nastase", "Guest"]
    assert Statement.objects.get(pk=said.pk).speaker_id == keep.pk
    assert Mention.objects.get(pk=mention.pk).leader_id == keep.pk
    drop.refresh_from_db()
    assert drop.merged_into_id == keep.pk
    assert Meeting.objects.get(pk=both.pk).participant_key == ",".join(
        str(pk) for pk in sorted([keep.pk, guest.pk])
    )
    kept, fresh = _rebuilt()
    assert kept == fresh
    assert merge.kind == "leader"
    assert keep.history.first().history_change_reason == f"merge:{merge.pk}"


def test_leader_merge_through_the_page_with_the_duplicates_own_name(editor_client, nastase):
    keep, drop = nastase
    suggestions = editor_client.get(reverse("leader_autocomplete"), {"leader": "prime minster"})
    assert "Prime Minster Adrian Nastase" in suggestions.content.decode()
    response = editor_client.post(
        reverse("leader_merge", args=[keep.slug]), {"leader": "Prime Minster Adrian Nastase"}
    )
    assert response.status_code == 302
    drop.refresh_from_db()
    assert drop.merged_into_id == keep.pk
    page = editor_client.get(reverse("review_leader", args=[keep.slug])).content.decode()
    assert (
        "merged Prime Minster Adrian Nastase into this one (moved here: 2 aliases, 1 office)"
        in page
    )
    assert "Undo this merge" in page


def test_a_duplicate_with_the_same_name_is_found_by_name(editor_client, kb):
    keep = Leader.objects.get(key="Q23505", name="George H. W. Bush", country="US")
    twin = LeaderFactory(name="George H. W. Bush", country="US", known=False)
    editor_client.post(reverse("leader_merge", args=[keep.slug]), {"leader": "George H. W. Bush"})
    twin.refresh_from_db()
    assert twin.merged_into_id == keep.pk


def test_leader_merge_then_undo_restores_both_exactly(nastase):
    keep, drop = nastase
    keep.known, keep.key = False, None
    keep.save()
    drop.known, drop.key = True, "Q312970"
    drop.save()
    host = LeaderFactory()
    MeetingFactory(participants=[drop, host], date=datetime.date(2003, 5, 5))
    MeetingFactory(participants=[keep, drop, host], date=datetime.date(2003, 6, 6))
    MeetingFactory(participants=[keep, host], date=datetime.date(2002, 1, 1))
    StatementFactory(speaker=drop)
    Mention.objects.create(article=ArticleFactory(), leader=drop, start=0, end=7)
    before = _snapshot()

    merge = leader_merge(keep=keep, drop=drop, by=None)
    keep.refresh_from_db()
    assert (keep.key, keep.known) == ("Q312970", True)
    assert _snapshot() != before
    merge_undo(merge, by=None)

    assert _snapshot() == before
    kept, fresh = _rebuilt()
    assert kept == fresh
    merge.refresh_from_db()
    assert merge.undone


def test_meeting_merge_then_undo_restores_both_exactly():
    a, b, c = LeaderFactory(), LeaderFactory(), LeaderFactory()
    keep = MeetingFactory(participants=[a, b], date=datetime.date(2025, 9, 3), place="")
    drop = MeetingFactory(participants=[b, c], date=datetime.date(2025, 9, 3), place="Beijing")
    MeetingFactory(participants=[a, c], date=datetime.date(2024, 6, 1))
    StatementFactory(speaker=b, meeting=drop)
    before = _snapshot()

    merge = meeting_merge(keep=keep, drop=drop, by=None)
    keep.refresh_from_db()
    assert (keep.place, _people(keep)) == ("Beijing", sorted([a.name, b.name, c.name]))
    merge_undo(merge, by=None)

    assert _snapshot() == before
    kept, fresh = _rebuilt()
    assert kept == fresh


def test_undo_says_why_when_a_later_edit_stands_in_the_way(editor_client):
    keep = MeetingFactory(place="")
    drop = MeetingFactory(place="Beijing")
    merge = meeting_merge(keep=keep, drop=drop, by=None)
    keep.refresh_from_db()
    Meeting.objects.filter(pk=keep.pk).update(place="Shanghai")
    response = editor_client.post(reverse("merge_undo", args=[merge.pk]), follow=True)
    assert (
        f"The place of meeting {keep.pk} was changed since the merge." in response.content.decode()
    )
    drop.refresh_from_db()
    assert drop.merged_into_id == keep.pk
    assert not Merge.objects.get(pk=merge.pk).undone


def test_merge_cycles_are_refused():
    first, second = MeetingFactory(), MeetingFactory()
    meeting_merge(keep=second, drop=first, by=None)
    with pytest.raises(MergeRefused) as refused:
        meeting_merge(keep=first, drop=second, by=None)
    assert str(refused.value) == (
        f"Meeting {first.pk} was itself merged into meeting {second.pk}: merging meeting "
        f"{second.pk} into it would make a cycle. Undo that merge first."
    )
    one, two = LeaderFactory(name="One"), LeaderFactory(name="Two")
    leader_merge(keep=two, drop=one, by=None)
    with pytest.raises(MergeRefused) as refused:
        leader_merge(keep=one, drop=two, by=None)
    assert str(refused.value) == (
        "One was itself merged into Two: merging Two into it would make a cycle. "
        "Undo that merge first."
    )


def test_merge_cycle_through_the_page_is_refused_with_a_message(editor_client):
    first, second = MeetingFactory(), MeetingFactory()
    editor_client.post(reverse("meeting_merge", args=[second.pk, first.pk]))
    response = editor_client.post(reverse("meeting_merge", args=[first.pk, second.pk]), follow=True)
    assert "would make a cycle" in response.content.decode()
    assert Meeting.objects.get(pk=second.pk).merged_into_id is None


def test_meeting_merge_by_search_and_confirmation(editor_client):
    putin = LeaderFactory(name="Vladimir Putin")
    kim = LeaderFactory(name="Kim Jong Un")
    xi = LeaderFactory(name="Xi Jinping")
    keep = MeetingFactory(participants=[putin, kim], date=datetime.date(2025, 9, 3), place="")
    drop = MeetingFactory(participants=[putin, kim], date=datetime.date(2025, 9, 3),
                          place="Beijing")  # fmt: skip
    MeetingFactory(participants=[putin, xi], date=datetime.date(2025, 9, 2))
    MeetingFactory(participants=[putin, kim], date=datetime.date(2024, 6, 19))
    search = reverse("meeting_merge_search", args=[keep.pk])

    found = editor_client.get(search, {"q": "putin kim 2025-09"}, headers=HX)
    assert [m.pk for m in found.context["candidates"]] == [drop.pk]
    assert reverse("meeting_merge", args=[keep.pk, drop.pk]) in found.content.decode()

    confirm = editor_client.get(reverse("meeting_merge", args=[keep.pk, drop.pk]))
    html = confirm.content.decode()
    assert confirm.status_code == 200
    assert "Merge meeting" in html and "Beijing" in html and "Kim Jong Un" in html
    assert Meeting.objects.get(pk=drop.pk).merged_into_id is None  # nothing merged yet

    editor_client.post(reverse("meeting_merge", args=[keep.pk, drop.pk]))
    assert Meeting.objects.get(pk=drop.pk).merged_into_id == keep.pk
    page = editor_client.get(reverse("review_meeting", args=[keep.pk])).content.decode()
    assert (
        "merged Kim Jong Un, Vladimir Putin · 3 September 2025 · Beijing into this one "
        "(moved here: 1 source sentence)"
    ) in page
    assert "Place: — → Beijing" in page
    merge = Merge.objects.get()
    editor_client.post(reverse("merge_undo", args=[merge.pk]))
    assert Meeting.objects.get(pk=drop.pk).merged_into_id is None
    assert Meeting.objects.get(pk=keep.pk).place == ""


def test_search_with_no_words_offers_meetings_with_a_shared_participant(editor_client):
    a, b, c = LeaderFactory(), LeaderFactory(), LeaderFactory()
    keep = MeetingFactory(participants=[a, b])
    shares = MeetingFactory(participants=[b, c])
    MeetingFactory(participants=[c, LeaderFactory()])
    found = editor_client.get(reverse("meeting_merge_search", args=[keep.pk]), headers=HX)
    assert [m.pk for m in found.context["candidates"]] == [shares.pk]


def test_revert_restores_participants(editor_client):
    putin, kim = LeaderFactory(name="Vladimir Putin"), LeaderFactory(name="Kim Jong Un")
    LeaderFactory(name="Xi Jinping")
    meeting = meeting_create([putin, kim], kind="bilateral", date=datetime.date(2025, 9, 3),
                             date_precision="day", place="Beijing")  # fmt: skip
    machine = meeting.history.get().history_id
    editor_client.post(reverse("participant_add", args=[meeting.pk]), {"leader": "Xi Jinping"})
    editor_client.post(reverse("participant_remove", args=[meeting.pk, kim.pk]))
    meeting.refresh_from_db()
    meeting.place = "Moscow"
    meeting.save()

    editor_client.post(reverse("meeting_revert", args=[meeting.pk, machine]), headers=HX)

    meeting.refresh_from_db()
    assert (_people(meeting), meeting.place) == (["Kim Jong Un", "Vladimir Putin"], "Beijing")
    assert meeting.participant_key == ",".join(str(pk) for pk in sorted([putin.pk, kim.pk]))
    kept, fresh = _rebuilt()
    assert kept == fresh
    assert {(a, b) for a, b, *_ in fresh} == {tuple(sorted([putin.pk, kim.pk]))}


def test_revert_to_a_version_in_between_keeps_the_participants_of_then():
    a, b, c, d = (LeaderFactory() for _ in range(4))
    meeting = meeting_create([a, b], kind="bilateral", date=None, date_precision="")
    from diplomacy.meetings.services import meeting_participant_add, meeting_participant_remove

    meeting_participant_add(meeting.pk, c, by=None)
    middle = meeting.history.order_by("-history_id").first().history_id
    meeting_participant_add(meeting.pk, d, by=None)
    meeting_participant_remove(meeting.pk, a.pk, by=None)
    record_revert(Meeting.objects.get(pk=meeting.pk), middle, by=None)
    assert set(meeting.participations.values_list("leader", flat=True)) == {a.pk, b.pk, c.pk}


def test_revert_past_a_merge_is_refused_until_the_merge_is_undone(editor_client):
    keep, drop = MeetingFactory(place="Paris"), MeetingFactory()
    first = keep.history.get().history_id
    merge = meeting_merge(keep=keep, drop=drop, by=None)
    response = editor_client.post(reverse("meeting_revert", args=[keep.pk, first]), headers=HX)
    assert "older than the merge" in response.content.decode()
    assert Meeting.objects.get(pk=drop.pk).merged_into_id == keep.pk
    merge_undo(merge, by=None)
    keep.refresh_from_db()
    record_revert(keep, first, by=None)


def test_leader_revert_restores_aliases_and_offices(editor_client):
    leader = LeaderFactory(name="Old Name")
    Alias.objects.create(leader=leader, name="Old Name")
    first = leader.history.get().history_id
    editor_client.post(reverse("alias_add", args=[leader.slug]), {"alias": "Wrong Alias"})
    editor_client.post(reverse("office_add", args=[leader.slug]),
                       {"title": "President", "role": "head_of_state"})  # fmt: skip
    editor_client.post(reverse("leader_edit", args=[leader.slug]),
                       {"name": "New Name", "country": "RO", "version": 1})  # fmt: skip
    editor_client.post(reverse("leader_revert", args=[leader.slug, first]), headers=HX)
    leader.refresh_from_db()
    assert (leader.name, leader.country, _names(leader)) == ("Old Name", "FR", ["Old Name"])
    assert leader.offices.count() == 0


def test_history_entries_are_readable(editor_client):
    meeting = MeetingFactory(place="Paris", date=datetime.date(2025, 3, 4), kind="bilateral")
    xi = LeaderFactory(name="Xi Jinping")
    data = {"date": "2025-03-04", "date_precision": "month", "place": "Versailles",
            "country": "FR", "kind": "call", "occasion": "", "version": 1}  # fmt: skip
    editor_client.post(reverse("meeting_edit", args=[meeting.pk]), data, headers=HX)
    editor_client.post(reverse("participant_add", args=[meeting.pk]), {"leader": xi.name})
    page = editor_client.get(reverse("review_meeting", args=[meeting.pk])).content.decode()
    page = page[page.index('aria-label="History"') :]
    assert "Date: 4 March 2025 → March 2025" in page
    assert "Place: Paris → Versailles" in page
    assert "Kind: Bilateral → Call" in page
    assert "participant added" in page and "Participants: — → Xi Jinping" in page
    assert "date_precision" not in page and "participant_key" not in page
