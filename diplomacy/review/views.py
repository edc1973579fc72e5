"""Editors' review queue and inline corrections.

Every write goes through a service in `meetings.services` or `leaders.services`,
is checked for permission here on the server, and answers an HTMX request with the
updated fragment (a plain request is redirected back, so it all works without JS).
"""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from diplomacy.leaders import services as leader_services
from diplomacy.leaders.models import Alias, Leader, Office
from diplomacy.meetings import services
from diplomacy.meetings.filters import leader_from_param
from diplomacy.meetings.highlight import highlight
from diplomacy.meetings.models import Meeting, Mention, ReviewStatus, Statement
from diplomacy.review.forms import (
    AliasForm,
    LeaderEditForm,
    LeaderMergeForm,
    MeetingEditForm,
    MergeForm,
    OfficeForm,
    ParticipantAddForm,
    StatementEditForm,
)
from diplomacy.review.history import history_entries, meeting_history

QUEUE_PAGE = 50
MEETING_FIELDS = ["date", "date_precision", "place", "country", "kind", "occasion"]
STATEMENT_FIELDS = ["speaker", "text", "kind", "meeting"]

can_edit_meetings = permission_required("meetings.change_meeting", raise_exception=True)
can_edit_statements = permission_required("meetings.change_statement", raise_exception=True)
can_edit_leaders = permission_required("leaders.change_leader", raise_exception=True)


# --- queue -------------------------------------------------------------------------


def _queue_filters(request, meetings, statements):
    if (article := request.GET.get("article", "").strip()) and article.isdigit():
        meetings = meetings.filter(evidence__article_id=int(article)).distinct()
        statements = statements.filter(article_id=int(article))
    if name := request.GET.get("leader", "").strip():
        leader = leader_from_param(name)
        meetings = meetings.filter(participations__leader=leader) if leader else meetings.none()
        statements = statements.filter(speaker=leader) if leader else statements.none()
    if kind := request.GET.get("kind", "").strip():
        meetings = meetings.filter(kind=kind)
    return meetings, statements


def _after(queryset, cursor: str | None):
    """Keyset pagination over (confidence, id) ascending: lowest confidence first."""
    if not cursor or ":" not in cursor:
        return queryset
    confidence, _, pk = cursor.partition(":")
    try:
        confidence, pk = float(confidence), int(pk)
    except ValueError:
        return queryset
    return queryset.filter(Q(confidence__gt=confidence) | Q(confidence=confidence, pk__gt=pk))


@can_edit_meetings
def review_queue(request):
    showing = "statements" if request.GET.get("type") == "statements" else "meetings"
    meetings, statements = _queue_filters(
        request, Meeting.objects.for_review(), Statement.objects.for_review()
    )
    counts = {"meetings": meetings.count(), "statements": statements.count()}
    if showing == "meetings":
        items = meetings.prefetch_related("participants").order_by("confidence", "pk")
    else:
        items = statements.select_related("speaker", "article").order_by("confidence", "pk")
    page = list(_after(items, request.GET.get("after"))[: QUEUE_PAGE + 1])
    rows, more = page[:QUEUE_PAGE], len(page) > QUEUE_PAGE
    params = request.GET.copy()
    params.pop("after", None)
    context = {
        "showing": showing,
        "items": rows,
        "counts": counts,
        "query": params.urlencode(),
        "next_cursor": f"{rows[-1].confidence}:{rows[-1].pk}" if more else None,
        "kinds": Meeting.Kind.choices,
    }
    if request.htmx and not request.htmx.boosted:
        return render(request, "review/queue.html#queue-items", context)
    return render(request, "review/queue.html", context)


# --- meetings ----------------------------------------------------------------------


def _article_texts(evidence, participants) -> list[dict]:
    """Each source article's full text with its evidence sentences and mentions marked."""
    by_article: dict[int, dict] = {}
    for item in evidence:
        if item.article is None:
            continue
        entry = by_article.setdefault(item.article_id, {"article": item.article, "spans": []})
        entry["spans"].append((item.start, item.end))
    people = [p.pk for p in participants]
    mentions = Mention.objects.filter(article__in=by_article, leader__in=people).values_list(
        "article_id", "start", "end"
    )
    for article_id, start, end in mentions:
        spans = by_article[article_id]["spans"]
        if not any(s <= start < e for s, e in spans):
            spans.append((start, end))
    return [
        {"article": e["article"], "html": highlight(e["article"].text, 0, e["spans"])}
        for e in by_article.values()
    ]


def meeting_panel_context(meeting: Meeting, form=None, stale=None) -> dict:
    participants = list(meeting.participants.all())
    evidence = list(meeting.evidence.select_related("article"))
    return {
        "meeting": meeting,
        "participants": participants,
        "form": form or MeetingEditForm(instance=meeting, initial={"version": meeting.version}),
        "add_form": ParticipantAddForm(),
        "merge_form": MergeForm(),
        "sources": _article_texts(evidence, participants),
        "records": [e for e in evidence if e.article is None],
        "statements": Statement.objects.filter(meeting=meeting).select_related("speaker"),
        "history": meeting_history(meeting),
        "stale": stale,
    }


def _meeting_reply(request, meeting_id: int, form=None, stale=None, status=200):
    meeting = get_object_or_404(Meeting.objects.prefetch_related("participants"), pk=meeting_id)
    if not request.htmx and status == 200:
        return redirect("review_meeting", meeting.pk)
    # HTMX swaps the panel; a plain request with errors gets the whole page with them.
    template = "review/meeting.html#meeting-panel" if request.htmx else "review/meeting.html"
    return render(request, template, meeting_panel_context(meeting, form, stale), status=status)


@can_edit_meetings
def review_meeting(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.prefetch_related("participants"), pk=pk)
    if meeting.merged_into_id:
        messages.info(request, f"Meeting {pk} was merged into this one.")
        return redirect("review_meeting", meeting.merged_into_id)
    template = "review/meeting.html#meeting-panel" if request.htmx else "review/meeting.html"
    return render(request, template, meeting_panel_context(meeting))


def _seen(record, version: int, fields: list[str]) -> dict:
    """The values the editor's form was built from: the history entry of that version."""
    past = record.history.filter(version=version).order_by("-history_id").first()
    source = past.instance if past is not None else record
    return {field: getattr(source, field) for field in fields}


@require_POST
@can_edit_meetings
def meeting_edit(request, pk: int):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = MeetingEditForm(request.POST, instance=Meeting.objects.get(pk=pk))
    if not form.is_valid():
        return _meeting_reply(request, pk, form=form, status=400)
    version = form.cleaned_data["version"]
    fields = {name: form.cleaned_data[name] for name in MEETING_FIELDS}
    try:
        services.meeting_update(
            pk, version=version, fields=fields, seen=_seen(meeting, version, MEETING_FIELDS),
            by=request.user,
        )  # fmt: skip
    except services.StaleEdit as stale:
        return _meeting_reply(request, pk, stale=stale, status=409)
    messages.success(request, "Meeting saved.")
    return _meeting_reply(request, pk)


@require_POST
@can_edit_meetings
def meeting_status(request, pk: int):
    status = request.POST.get("status")
    if status not in (ReviewStatus.VERIFIED, ReviewStatus.REJECTED, ReviewStatus.EXTRACTED):
        return _meeting_reply(request, pk, status=400)
    services.meeting_set_status(pk, status, by=request.user)
    return _meeting_reply(request, pk)


@require_POST
@can_edit_meetings
def participant_add(request, pk: int):
    form = ParticipantAddForm(request.POST)
    if not form.is_valid():
        context = meeting_panel_context(get_object_or_404(Meeting, pk=pk))
        context["add_form"] = form
        template = "review/meeting.html#meeting-panel" if request.htmx else "review/meeting.html"
        return render(request, template, context, status=400)
    services.meeting_participant_add(pk, form.cleaned_data["leader"], by=request.user)
    return _meeting_reply(request, pk)


@require_POST
@can_edit_meetings
def participant_remove(request, pk: int, leader_id: int):
    services.meeting_participant_remove(pk, leader_id, by=request.user)
    return _meeting_reply(request, pk)


@require_POST
@can_edit_meetings
def meeting_merge(request, pk: int):
    form = MergeForm(request.POST)
    keep = get_object_or_404(Meeting, pk=pk)
    if form.is_valid():
        drop = Meeting.objects.filter(pk=form.cleaned_data["other"], merged_into=None).first()
        if drop is None or drop.pk == keep.pk:
            messages.error(request, "Choose another meeting that is still on record.")
        else:
            services.meeting_merge(keep=keep, drop=drop, by=request.user)
            messages.success(request, f"Meeting {drop.pk} merged into this one.")
    return redirect("review_meeting", pk)


@require_POST
@can_edit_meetings
def meeting_revert(request, pk: int, history_id: int):
    meeting = get_object_or_404(Meeting, pk=pk)
    get_object_or_404(meeting.history, history_id=history_id)
    services.revert_to(meeting, history_id, by=request.user)
    messages.success(request, "Reverted to that version.")
    return _meeting_reply(request, pk)


# --- statements --------------------------------------------------------------------


def statement_panel_context(statement: Statement, form=None, stale=None) -> dict:
    meetings = Meeting.objects.filter(evidence__article=statement.article_id).distinct()
    article = statement.article
    return {
        "statement": statement,
        "form": form
        or StatementEditForm(
            instance=statement, meetings=meetings, initial={"version": statement.version}
        ),
        "article_html": highlight(article.text, 0, [(statement.start, statement.end)]),
        "history": history_entries(statement),
        "stale": stale,
    }


def _statement_reply(request, pk: int, form=None, stale=None, status=200):
    statement = get_object_or_404(Statement.objects.select_related("speaker", "article"), pk=pk)
    if not request.htmx and status == 200:
        return redirect("review_statement", pk)
    template = "review/statement.html#statement-panel" if request.htmx else "review/statement.html"
    return render(request, template, statement_panel_context(statement, form, stale), status=status)


@can_edit_statements
def review_statement(request, pk: int):
    statement = get_object_or_404(Statement.objects.select_related("speaker", "article"), pk=pk)
    template = "review/statement.html#statement-panel" if request.htmx else "review/statement.html"
    return render(request, template, statement_panel_context(statement))


@require_POST
@can_edit_statements
def statement_edit(request, pk: int):
    statement = get_object_or_404(Statement, pk=pk)
    meetings = Meeting.objects.filter(evidence__article=statement.article_id).distinct()
    form = StatementEditForm(request.POST, instance=Statement.objects.get(pk=pk), meetings=meetings)
    if not form.is_valid():
        return _statement_reply(request, pk, form=form, status=400)
    version = form.cleaned_data["version"]
    fields = {
        "speaker": form.cleaned_data["speaker_name"],
        "text": form.cleaned_data["text"],
        "kind": form.cleaned_data["kind"],
        "meeting": form.cleaned_data["meeting"],
    }
    try:
        services.statement_update(
            pk, version=version, fields=fields, seen=_seen(statement, version, STATEMENT_FIELDS),
            by=request.user,
        )  # fmt: skip
    except services.StaleEdit as stale:
        return _statement_reply(request, pk, stale=stale, status=409)
    return _statement_reply(request, pk)


@require_POST
@can_edit_statements
def statement_status(request, pk: int):
    status = request.POST.get("status")
    if status not in (ReviewStatus.VERIFIED, ReviewStatus.REJECTED, ReviewStatus.EXTRACTED):
        return _statement_reply(request, pk, status=400)
    services.statement_set_status(pk, status, by=request.user)
    return _statement_reply(request, pk)


@require_POST
@can_edit_statements
def statement_revert(request, pk: int, history_id: int):
    statement = get_object_or_404(Statement, pk=pk)
    get_object_or_404(statement.history, history_id=history_id)
    services.revert_to(statement, history_id, by=request.user)
    return _statement_reply(request, pk)


# --- leaders -----------------------------------------------------------------------


def leader_edit_context(leader: Leader, **forms) -> dict:
    return {
        "leader": leader,
        "edit_form": forms.get("edit_form")
        or LeaderEditForm(
            initial={"name": leader.name, "country": leader.country, "version": leader.version}
        ),
        "alias_form": forms.get("alias_form") or AliasForm(),
        "office_form": forms.get("office_form") or OfficeForm(),
        "merge_form": forms.get("merge_form") or LeaderMergeForm(),
        "aliases": leader.aliases.all(),
        "offices": leader.offices.all(),
        "history": history_entries(leader),
        "stale": forms.get("stale"),
    }


def _leader_reply(request, leader: Leader, status=200, **forms):
    if not request.htmx and status == 200:
        return redirect("review_leader", leader.slug)
    leader.refresh_from_db()
    template = "review/leader.html#leader-panel" if request.htmx else "review/leader.html"
    return render(request, template, leader_edit_context(leader, **forms), status=status)


@can_edit_leaders
def review_leader(request, slug: str):
    leader = get_object_or_404(Leader, slug=slug)
    if leader.merged_into_id:
        return redirect("review_leader", leader.merged_into.slug)
    template = "review/leader.html#leader-panel" if request.htmx else "review/leader.html"
    return render(request, template, leader_edit_context(leader))


@require_POST
@can_edit_leaders
def leader_edit(request, slug: str):
    leader = get_object_or_404(Leader, slug=slug)
    form = LeaderEditForm(request.POST)
    if not form.is_valid():
        return _leader_reply(request, leader, status=400, edit_form=form)
    version = form.cleaned_data["version"]
    fields = {"name": form.cleaned_data["name"], "country": form.cleaned_data["country"]}
    try:
        leader_services.leader_update(
            leader.pk, version=version, fields=fields,
            seen=_seen(leader, version, ["name", "country"]), by=request.user,
        )  # fmt: skip
    except services.StaleEdit as stale:
        return _leader_reply(request, leader, status=409, stale=stale)
    return _leader_reply(request, leader)


@require_POST
@can_edit_leaders
def alias_add(request, slug: str):
    leader = get_object_or_404(Leader, slug=slug)
    form = AliasForm(request.POST)
    if form.is_valid():
        try:
            leader_services.alias_add(
                leader, form.cleaned_data["alias"], form.cleaned_data["language"], by=request.user
            )
        except ValueError as error:
            form.add_error("alias", str(error))
    if form.errors:
        return _leader_reply(request, leader, status=400, alias_form=form)
    return _leader_reply(request, leader)


@require_POST
@can_edit_leaders
def alias_remove(request, slug: str, alias_id: int):
    leader = get_object_or_404(Leader, slug=slug)
    leader_services.alias_remove(
        get_object_or_404(Alias, pk=alias_id, leader=leader), by=request.user
    )
    return _leader_reply(request, leader)


@require_POST
@can_edit_leaders
def office_add(request, slug: str):
    leader = get_object_or_404(Leader, slug=slug)
    form = OfficeForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            leader_services.office_add(
                leader, title=data["title"], role=data["role"],
                country=data["office_country"].upper() or leader.country,
                start=data["start"], end=data["end"], by=request.user,
            )  # fmt: skip
        except ValueError as error:
            form.add_error(None, str(error))
    if form.errors:
        return _leader_reply(request, leader, status=400, office_form=form)
    return _leader_reply(request, leader)


@require_POST
@can_edit_leaders
def office_remove(request, slug: str, office_id: int):
    leader = get_object_or_404(Leader, slug=slug)
    leader_services.office_remove(
        get_object_or_404(Office, pk=office_id, leader=leader), by=request.user
    )
    return _leader_reply(request, leader)


@require_POST
@can_edit_leaders
def leader_merge(request, slug: str):
    keep = get_object_or_404(Leader, slug=slug)
    form = LeaderMergeForm(request.POST)
    if form.is_valid():
        drop = leader_from_param(form.cleaned_data["other"])
        if drop is None or drop.pk == keep.pk or drop.merged_into_id:
            messages.error(request, "Choose another leader who is still on record.")
        else:
            leader_services.leader_merge(keep=keep, drop=drop, by=request.user)
            messages.success(request, f"{drop.name} merged into {keep.name}.")
    return redirect("review_leader", keep.slug)


@require_POST
@can_edit_leaders
def leader_revert(request, slug: str, history_id: int):
    leader = get_object_or_404(Leader, slug=slug)
    get_object_or_404(leader.history, history_id=history_id)
    services.revert_to(leader, history_id, by=request.user)
    return _leader_reply(request, leader)
