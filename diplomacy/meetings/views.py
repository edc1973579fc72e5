from datetime import date

from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from diplomacy.leaders.models import Leader
from diplomacy.meetings.models import Meeting, Statement

MEETINGS_PER_PAGE = 50


def _cursor(value: str | None) -> tuple[date | None, int] | None:
    """Keyset cursor 'YYYY-MM-DD.id' (or 'none.id' for undated meetings)."""
    if not value or "." not in value:
        return None
    day, _, pk = value.partition(".")
    try:
        return (None if day == "none" else date.fromisoformat(day)), int(pk)
    except ValueError:
        return None


def timeline(request):
    meetings = Meeting.objects.for_timeline()
    leader = None
    if slug := request.GET.get("leader"):
        leader = Leader.objects.filter(slug=slug).first()
        meetings = meetings.with_participant(leader) if leader else meetings.none()
    if cursor := _cursor(request.GET.get("after")):
        day, pk = cursor
        if day is None:
            meetings = meetings.filter(date=None, pk__lt=pk)
        else:
            meetings = meetings.filter(Q(date__lt=day) | Q(date=day, pk__lt=pk) | Q(date=None))
    page = list(meetings[: MEETINGS_PER_PAGE + 1])
    rows, more = page[:MEETINGS_PER_PAGE], len(page) > MEETINGS_PER_PAGE
    last = rows[-1] if rows else None
    context = {
        "meetings": rows,
        "leader": leader,
        "leaders": Leader.objects.with_meetings().only("name", "slug"),
        "next_cursor": f"{last.date or 'none'}.{last.pk}" if more else None,
    }
    if request.htmx and not request.htmx.boosted:
        return render(request, "meetings/timeline.html#timeline-rows", context)
    return render(request, "meetings/timeline.html", context)


def meeting_detail(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.visible().prefetch_related("participants"), pk=pk)
    evidence = meeting.evidence.select_related("article").order_by("article__published", "pk")
    statements = Statement.objects.visible().filter(meeting=meeting).select_related("speaker")
    return render(
        request,
        "meetings/meeting.html",
        {"meeting": meeting, "evidence": evidence, "statements": statements},
    )
