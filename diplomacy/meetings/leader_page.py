"""A leader's page (offices, who they met and how often, their meetings and statements
per year, the network of their counterparts) and their Atom feed of new meetings. Served
under /leaders/ but meetings' views: they show meetings."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import json_script

from diplomacy.accounts.feed_tokens import feed_token, feed_token_valid
from diplomacy.core.caching import lazy
from diplomacy.leaders.models import Leader
from diplomacy.meetings.filters import MeetingFilter
from diplomacy.meetings.models import Meeting, Statement
from diplomacy.meetings.network import ego_network, graph_json
from diplomacy.meetings.selectors import counterparts, meetings_per_year

EGO_SHOWN = 20  # counterparts in the leader's small network


CHART_WIDTH, CHART_HEIGHT = 600, 120  # the chart's own units (it scales to the page)
CHART_BAR_MAX = 40


def year_chart(counts: dict[int | None, int]) -> dict:
    """Bars of a small meetings-per-year chart, every year from the first to the last
    (years without a meeting are bars of zero), as SVG geometry in the chart's units."""
    years = sorted(year for year in counts if year is not None)
    if not years:
        return {"bars": [], "undated": counts.get(None, 0)}
    span = list(range(years[0], years[-1] + 1))
    most = max(counts[y] for y in years)
    step = CHART_WIDTH / len(span)
    width = min(max(step - 1, 0.5), CHART_BAR_MAX)  # a few years: bars, not blocks
    bars = []
    for index, year in enumerate(span):
        n = counts.get(year, 0)
        height = round(CHART_HEIGHT * n / most, 1)
        bars.append({"year": year, "meetings": n, "x": round(index * step + (step - width) / 2, 1),
                     "width": round(width, 1), "y": round(CHART_HEIGHT - height, 1),
                     "height": height})  # fmt: skip
    return {
        "bars": bars, "undated": counts.get(None, 0), "most": most, "width": CHART_WIDTH,
        "height": CHART_HEIGHT, "first": span[0], "last": span[-1],
    }  # fmt: skip


def leader_detail(request, slug: str):
    leader = get_object_or_404(Leader.objects.prefetch_related("offices", "aliases"), slug=slug)
    # Computed only when the cached part of the page is missing (core/caching.py).
    met = lazy(lambda: counterparts(leader))
    meetings = Meeting.objects.for_timeline().filter(participations__leader=leader)[:20]
    statements = (
        Statement.objects.visible()
        .filter(speaker=leader)
        .select_related("article", "meeting")
        .order_by(F("said_on").desc(nulls_last=True), "-pk")[:20]
    )

    graph = lazy(lambda: graph_json(ego_network(MeetingFilter({}), leader, EGO_SHOWN)))

    token = feed_token(request.user, leader)
    return render(
        request,
        "leaders/leader.html",
        {
            "leader": leader,
            "counterparts": met,
            "meetings": meetings,
            "statements": statements,
            "graph": graph,
            "graph_script": lazy(lambda: json_script(dict(graph), "network-data")),
            "per_year": lazy(lambda: year_chart(meetings_per_year(leader))),
            "feed_url": request.build_absolute_uri(
                reverse("leader_feed", args=[leader.slug]) + f"?token={token}"
            ),
            "feed_days": settings.FEED_TOKEN_DAYS,
        },
    )


@login_not_required
class LeaderFeed(Feed):
    """New meetings of a leader, for feed readers: authorised by a signed token, not a session."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        leader = get_object_or_404(Leader, slug=slug)
        # Unknown, not forbidden: a feed reader shows no difference, a prober learns nothing.
        if not feed_token_valid(request.GET.get("token", ""), leader):
            raise Http404("Unknown feed")
        return leader

    def title(self, leader):
        return f"Meetings of {leader.name}"

    def link(self, leader):
        return leader.get_absolute_url()

    def subtitle(self, leader):
        return f"New meetings of {leader.name} on record"

    def items(self, leader):
        return (
            Meeting.objects.for_timeline()
            .filter(participations__leader=leader)
            .order_by("-pk")[:50]  # creation order, read off the leader's participations
        )

    def item_title(self, meeting):
        names = ", ".join(p.name for p in meeting.participants.all())
        place = f" in {meeting.place}" if meeting.place else ""
        return f"{meeting.date_label}: {names}{place}"

    def item_description(self, meeting):
        return f"{meeting.get_kind_display()} meeting, {meeting.get_status_display().lower()}"

    def item_pubdate(self, meeting):
        return meeting.created_at

    def item_updateddate(self, meeting):
        return meeting.updated_at
