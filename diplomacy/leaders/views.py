from django.shortcuts import get_object_or_404, render

from diplomacy.leaders.models import Leader
from diplomacy.meetings.models import Meeting, Statement


def leader_detail(request, slug: str):
    leader = get_object_or_404(Leader.objects.prefetch_related("offices", "aliases"), slug=slug)
    meetings = Meeting.objects.for_timeline().with_participant(leader)[:100]
    statements = (
        Statement.objects.visible()
        .filter(speaker=leader)
        .select_related("article")
        .order_by("-said_on", "-pk")[:50]
    )
    return render(
        request,
        "leaders/leader.html",
        {"leader": leader, "meetings": meetings, "statements": statements},
    )
