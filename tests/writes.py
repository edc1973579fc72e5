"""Random writes through every path that changes a meeting, for tests that check counts
kept on write (pair counts, month counts) against a recount."""

import random
from datetime import date

from diplomacy.meetings.models import Meeting
from diplomacy.meetings.services import (
    meeting_participant_add,
    meeting_participant_remove,
    meeting_set_status,
    meeting_update,
    revert_to,
)
from diplomacy.review.services import meeting_merge

# The writes, in the order a test's steps go through them.
WRITES = ("date", "status", "add", "remove", "merge", "revert", "kind", "undate")


def random_write(rng: random.Random, write: str, meetings: list[Meeting], people: list) -> None:
    """One write of the given kind on a meeting drawn from ``meetings``."""
    meeting = rng.choice(meetings)
    meeting.refresh_from_db()
    if write == "date":
        day = date(2019 + rng.randrange(4), rng.randint(1, 12), rng.randint(1, 28))
        meeting_update(meeting.pk, version=meeting.version, fields={"date": day}, seen={}, by=None)
    elif write == "status":
        status = rng.choice(["rejected", "verified", "extracted"])
        meeting_set_status(meeting.pk, status, by=None)
    elif write == "add":
        meeting_participant_add(meeting.pk, rng.choice(people), by=None)
    elif write == "remove":
        present = list(meeting.participations.values_list("leader_id", flat=True))
        if len(present) > 2:
            meeting_participant_remove(meeting.pk, rng.choice(present), by=None)
    elif write == "merge":
        other = rng.choice(meetings)
        other.refresh_from_db()
        if other.pk != meeting.pk and not other.merged_into_id and not meeting.merged_into_id:
            meeting_merge(keep=meeting, drop=other, by=None)
    elif write == "revert":
        history = list(meeting.history.values_list("history_id", flat=True))
        revert_to(meeting, rng.choice(history), by=None)
    elif write == "kind":
        fields = {"kind": rng.choice(Meeting.Kind.values), "country": rng.choice(["", "IT"])}
        meeting_update(meeting.pk, version=meeting.version, fields=fields, seen={}, by=None)
    else:
        undated = {"date": None, "date_precision": ""}
        meeting_update(meeting.pk, version=meeting.version, fields=undated, seen={}, by=None)
