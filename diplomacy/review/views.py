"""Editors' review queue and inline corrections.

Every write goes through a service in `meetings.services`, `leaders.services` or
`review.services` (merges, their undo, reverts), is checked for permission here on the
server, and answers an HTMX request with the updated fragment (a plain request is
redirected back, so it all works without JS).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from diplomacy.core.editing import StaleEdit
from diplomacy.core.htmx import render_panel
from diplomacy.leaders import services as leader_services
from diplomacy.leaders.models import Alias, Leader, Office
from diplomacy.meetings import services
from diplomacy.meetings.highlight import highlight
from diplomacy.meetings.models import Meeting, Mention, ReviewStatus, Statement
from diplomacy.review import services as review_services
from diplomacy.review.conflicts import stale_conflict
from diplomacy.review.forms import (
    AliasForm,
    LeaderEditForm,
    LeaderMergeForm,
    MeetingEditForm,
    MeetingSearchForm,
    OfficeForm,
    ParticipantAddForm,
    QueueFilter,
    StatementEditForm,
)
from diplomacy.review.history import history_entries, leader_history, meeting_history
from diplomacy.review.models import Merge
from diplomacy.review.selectors import merge_candidates, queue_after, queue_filtered

QUEUE_PAGE = 50
MEETING_FIELDS = ["date", "date_precision", "place", "country", "kind", "occasion"]
STATEMENT_FIELDS = ["speaker", "text", "kind", "meeting"]

can_edit_meetings = permission_required("meetings.change_meeting", raise_exception=True)
can_edit_statements = permission_required("meetings.change_statement", raise_exception=True)
can_edit_leaders = permission_required("leaders.change_leader", raise_exception=True)


# --- answering an edit: the same for meetings, statements and leaders ---------------


@dataclass(frozen=True)
class RecordPanel:
    """The review page of one kind of record, as its edit views answer."""

    template: str
    partial: str  # the page's {% partialdef %} that HTMX swaps
    page: str  # the URL name of the record's review page
    url_field: str  # what that URL takes: "pk" or "slug"
    # The record as its panel reads it, and the panel's context from it (the forms and
    # the conflict to show back as keywords).
    queryset: Callable[[], QuerySet]
    context: Callable[..., dict]

    @property
    def panel(self) -> tuple[str, str]:
        return self.template, self.partial


def _reply(request, kind: RecordPanel, pk: int, status: int = 200, **shown) -> HttpResponse:
    """After an edit: a plain request that succeeded goes back to the review page; HTMX
    gets the panel, errors included (base.html's htmx-config swaps 400 and 409), and a
    plain request with errors the whole page with them."""
    record = get_object_or_404(kind.queryset(), pk=pk)
    if not request.htmx and status == 200:
        return redirect(kind.page, getattr(record, kind.url_field))
    return render_panel(request, *kind.panel, kind.context(record, **shown), status=status)


def _set_status(request, kind: RecordPanel, pk: int, set_status) -> HttpResponse:
    """Verify, reject or reopen a record with its service ``set_status(pk, status, by=)``."""
    status = request.POST.get("status")
    if status not in (ReviewStatus.VERIFIED, ReviewStatus.REJECTED, ReviewStatus.EXTRACTED):
        return _reply(request, kind, pk, status=400)
    get_object_or_404(kind.queryset().model, pk=pk)
    set_status(pk, status, by=request.user)
    return _reply(request, kind, pk)


def _revert(request, kind: RecordPanel, record, history_id: int) -> HttpResponse:
    """Revert, or show why not: in the panel for HTMX, as a message otherwise."""
    get_object_or_404(record.history, history_id=history_id)
    try:
        review_services.record_revert(record, history_id, by=request.user)
    except review_services.MergeRefused as refused:
        if request.htmx:
            context = kind.context(get_object_or_404(kind.queryset(), pk=record.pk))
            context["history_error"] = str(refused)
            return render_panel(request, *kind.panel, context)
        messages.error(request, str(refused))
    else:
        messages.success(request, "Reverted to that version.")
    return _reply(request, kind, record.pk)


# --- queue -------------------------------------------------------------------------


def _bad_parameters(form) -> HttpResponse:
    """400 naming each parameter that did not clean and why."""
    reasons = [f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()]
    return HttpResponse(" ".join(reasons), status=400, content_type="text/plain; charset=utf-8")


@can_edit_meetings
def review_queue(request):
    form = QueueFilter(request.GET)
    if not form.is_valid():
        return _bad_parameters(form)
    values = form.cleaned_data
    showing = values["type"] or "meetings"
    meetings, statements = queue_filtered(
        values, Meeting.objects.for_review(), Statement.objects.for_review()
    )
    counts = {"meetings": meetings.count(), "statements": statements.count()}
    if showing == "meetings":
        items = meetings.prefetch_related("participants").order_by("confidence", "pk")
    else:
        items = statements.select_related("speaker", "article").order_by("confidence", "pk")
    page = list(queue_after(items, values["after"])[: QUEUE_PAGE + 1])
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
        entry = by_article.setdefault(
            item.article_id, {"article": item.article, "spans": [], "traces": []}
        )
        entry["spans"].append((item.start, item.end))
        entry["traces"].extend(item.trace)  # why the machine read a meeting there
    people = [p.pk for p in participants]
    mentions = Mention.objects.filter(article__in=by_article, leader__in=people).values_list(
        "article_id", "start", "end"
    )
    for article_id, start, end in mentions:
        spans = by_article[article_id]["spans"]
        if not any(s <= start < e for s, e in spans):
            spans.append((start, end))
    return [
        {
            "article": e["article"],
            "html": highlight(e["article"].text, 0, e["spans"]),
            "traces": e["traces"],
        }
        for e in by_article.values()
    ]


def meeting_panel_context(meeting: Meeting, form=None, stale=None, add_form=None) -> dict:
    participants = list(meeting.participants.all())
    evidence = list(meeting.evidence.select_related("article"))
    return {
        "meeting": meeting,
        "participants": participants,
        "form": form or MeetingEditForm(instance=meeting, initial={"version": meeting.version}),
        "add_form": add_form or ParticipantAddForm(),
        "merge_form": MeetingSearchForm(),
        "sources": _article_texts(evidence, participants),
        "records": [e for e in evidence if e.article is None],
        "statements": Statement.objects.filter(meeting=meeting).select_related("speaker"),
        "history": meeting_history(meeting),
        "stale": stale,
    }


@can_edit_meetings
def review_meeting(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.prefetch_related("participants"), pk=pk)
    if meeting.merged_into_id:
        messages.info(request, f"Meeting {pk} was merged into this one.")
        return redirect("review_meeting", meeting.merged_into_id)
    return render_panel(request, *MEETING.panel, meeting_panel_context(meeting))


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
        return _reply(request, MEETING, pk, form=form, status=400)
    version = form.cleaned_data["version"]
    fields = {name: form.cleaned_data[name] for name in MEETING_FIELDS}
    seen = _seen(meeting, version, MEETING_FIELDS)
    try:
        services.meeting_update(pk, version=version, fields=fields, seen=seen, by=request.user)
    except StaleEdit as stale:
        conflict = stale_conflict(
            form, stale, seen, fields={name: name for name in MEETING_FIELDS},
            action=request.path, target="#meeting-panel",
        )  # fmt: skip
        return _reply(request, MEETING, pk, stale=conflict, status=409)
    messages.success(request, "Meeting saved.")
    return _reply(request, MEETING, pk)


@require_POST
@can_edit_meetings
def meeting_status(request, pk: int):
    return _set_status(request, MEETING, pk, services.meeting_set_status)


@require_POST
@can_edit_meetings
def participant_add(request, pk: int):
    get_object_or_404(Meeting, pk=pk)
    form = ParticipantAddForm(request.POST)
    if not form.is_valid():
        return _reply(request, MEETING, pk, add_form=form, status=400)
    services.meeting_participant_add(pk, form.cleaned_data["leader"], by=request.user)
    return _reply(request, MEETING, pk)


@require_POST
@can_edit_meetings
def participant_remove(request, pk: int, leader_id: int):
    get_object_or_404(Meeting, pk=pk)
    # A leader no longer taking part (a second click) is not an error; an unknown one is.
    get_object_or_404(Leader, pk=leader_id)
    services.meeting_participant_remove(pk, leader_id, by=request.user)
    return _reply(request, MEETING, pk)


# --- merges and reverts ------------------------------------------------------------
# A merge is searched for, compared side by side and confirmed; every merge can be undone
# from the history of the record that stayed (review/services.py keeps what it moved).


@can_edit_meetings
def meeting_merge_search(request, pk: int):
    keep = get_object_or_404(Meeting.objects.prefetch_related("participants"), pk=pk)
    form = MeetingSearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    if request.htmx:
        context = {"meeting": keep, "candidates": merge_candidates(keep, query), "searched": True}
        return render(request, "review/meeting.html#merge-candidates", context)
    context = meeting_panel_context(keep)
    context.update(candidates=merge_candidates(keep, query), searched=True, query=query)
    return render(request, "review/meeting.html", context)


def _side(meeting: Meeting) -> dict:
    evidence = list(meeting.evidence.select_related("article"))
    return {
        "meeting": meeting,
        "participants": sorted(meeting.participants.all(), key=lambda p: p.name),
        "evidence": evidence,
        "statements": meeting.statements.count(),
    }


@can_edit_meetings
def meeting_merge(request, pk: int, other: int):
    """GET: both meetings side by side, to confirm; POST: merge `other` into `pk`."""
    keep = get_object_or_404(Meeting, pk=pk)
    drop = get_object_or_404(Meeting, pk=other)
    if request.method == "POST":
        try:
            review_services.meeting_merge(keep=keep, drop=drop, by=request.user)
        except review_services.MergeRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request, f"Meeting {drop.pk} merged into this one. Undo it from the history below."
            )
        return redirect("review_meeting", keep.pk)
    problem = None
    if drop.pk == keep.pk:
        problem = "A meeting cannot be merged into itself."
    elif drop.merged_into_id:
        problem = f"Meeting {drop.pk} was already merged into meeting {drop.merged_into_id}."
    elif keep.merged_into_id:
        problem = (
            f"Meeting {keep.pk} was itself merged into meeting {keep.merged_into_id}: merging "
            f"meeting {drop.pk} into it would make a cycle."
        )
    if problem:
        messages.error(request, problem)
        return redirect("review_meeting", keep.pk)
    return render(request, "review/merge_confirm.html", {"keep": _side(keep), "drop": _side(drop)})


@require_POST
def merge_undo(request, pk: int):
    merge = get_object_or_404(Merge, pk=pk)
    leaders = merge.kind == Merge.Kind.LEADER
    if not request.user.has_perm("leaders.change_leader" if leaders else "meetings.change_meeting"):
        raise PermissionDenied
    try:
        review_services.merge_undo(merge, by=request.user)
    except review_services.MergeRefused as refused:
        messages.error(request, str(refused))
    else:
        label = merge.moved.get("drop_label", merge.drop_id)
        messages.success(request, f"Merge undone: {label} is on record again.")
    if leaders:
        return redirect("review_leader", get_object_or_404(Leader, pk=merge.keep_id).slug)
    return redirect("review_meeting", merge.keep_id)


@require_POST
@can_edit_meetings
def meeting_revert(request, pk: int, history_id: int):
    return _revert(request, MEETING, get_object_or_404(Meeting, pk=pk), history_id)


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


@can_edit_statements
def review_statement(request, pk: int):
    statement = get_object_or_404(Statement.objects.select_related("speaker", "article"), pk=pk)
    return render_panel(request, *STATEMENT.panel, statement_panel_context(statement))


@require_POST
@can_edit_statements
def statement_edit(request, pk: int):
    statement = get_object_or_404(Statement, pk=pk)
    meetings = Meeting.objects.filter(evidence__article=statement.article_id).distinct()
    form = StatementEditForm(request.POST, instance=Statement.objects.get(pk=pk), meetings=meetings)
    if not form.is_valid():
        return _reply(request, STATEMENT, pk, form=form, status=400)
    version = form.cleaned_data["version"]
    fields = {
        "speaker": form.cleaned_data["speaker_name"],
        "text": form.cleaned_data["text"],
        "kind": form.cleaned_data["kind"],
        "meeting": form.cleaned_data["meeting"],
    }
    seen = _seen(statement, version, STATEMENT_FIELDS)
    try:
        services.statement_update(pk, version=version, fields=fields, seen=seen, by=request.user)
    except StaleEdit as stale:
        names = {"speaker": "speaker_name", "text": "text", "kind": "kind", "meeting": "meeting"}
        conflict = stale_conflict(
            form, stale, seen, fields=names, action=request.path, target="#statement-panel"
        )
        return _reply(request, STATEMENT, pk, stale=conflict, status=409)
    return _reply(request, STATEMENT, pk)


@require_POST
@can_edit_statements
def statement_status(request, pk: int):
    return _set_status(request, STATEMENT, pk, services.statement_set_status)


@require_POST
@can_edit_statements
def statement_revert(request, pk: int, history_id: int):
    return _revert(request, STATEMENT, get_object_or_404(Statement, pk=pk), history_id)


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
        "history": leader_history(leader),
        "stale": forms.get("stale"),
    }


@can_edit_leaders
def review_leader(request, slug: str):
    leader = get_object_or_404(Leader, slug=slug)
    if leader.merged_into_id:
        return redirect("review_leader", leader.merged_into.slug)
    return render_panel(request, *LEADER.panel, leader_edit_context(leader))


@require_POST
@can_edit_leaders
def leader_edit(request, slug: str):
    leader = get_object_or_404(Leader, slug=slug)
    form = LeaderEditForm(request.POST)
    if not form.is_valid():
        return _reply(request, LEADER, leader.pk, status=400, edit_form=form)
    version = form.cleaned_data["version"]
    fields = {"name": form.cleaned_data["name"], "country": form.cleaned_data["country"]}
    seen = _seen(leader, version, ["name", "country"])
    try:
        review_services.leader_edit(
            leader.pk, version=version, fields=fields, seen=seen, by=request.user
        )
    except StaleEdit as stale:
        conflict = stale_conflict(
            form, stale, seen, fields={"name": "name", "country": "country"},
            action=request.path, target="#leader-panel",
        )  # fmt: skip
        return _reply(request, LEADER, leader.pk, status=409, stale=conflict)
    return _reply(request, LEADER, leader.pk)


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
        return _reply(request, LEADER, leader.pk, status=400, alias_form=form)
    return _reply(request, LEADER, leader.pk)


@require_POST
@can_edit_leaders
def alias_remove(request, slug: str, alias_id: int):
    leader = get_object_or_404(Leader, slug=slug)
    leader_services.alias_remove(
        get_object_or_404(Alias, pk=alias_id, leader=leader), by=request.user
    )
    return _reply(request, LEADER, leader.pk)


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
        return _reply(request, LEADER, leader.pk, status=400, office_form=form)
    return _reply(request, LEADER, leader.pk)


@require_POST
@can_edit_leaders
def office_remove(request, slug: str, office_id: int):
    leader = get_object_or_404(Leader, slug=slug)
    leader_services.office_remove(
        get_object_or_404(Office, pk=office_id, leader=leader), by=request.user
    )
    return _reply(request, LEADER, leader.pk)


@require_POST
@can_edit_leaders
def leader_merge(request, slug: str):
    keep = get_object_or_404(Leader, slug=slug)
    form = LeaderMergeForm(request.POST, keep=keep)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("leader", ["Choose a leader."])))
        return redirect("review_leader", keep.slug)
    drop = form.cleaned_data["leader"]
    try:
        review_services.leader_merge(keep=keep, drop=drop, by=request.user)
    except review_services.MergeRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request, f"{drop.name} merged into {keep.name}. Undo it from the history below."
        )
    return redirect("review_leader", keep.slug)


@require_POST
@can_edit_leaders
def leader_revert(request, slug: str, history_id: int):
    return _revert(request, LEADER, get_object_or_404(Leader, slug=slug), history_id)


MEETING = RecordPanel(
    "review/meeting.html", "meeting-panel", "review_meeting", "pk",
    lambda: Meeting.objects.prefetch_related("participants"), meeting_panel_context,
)  # fmt: skip
STATEMENT = RecordPanel(
    "review/statement.html", "statement-panel", "review_statement", "pk",
    lambda: Statement.objects.select_related("speaker", "article"), statement_panel_context,
)  # fmt: skip
LEADER = RecordPanel(
    "review/leader.html", "leader-panel", "review_leader", "slug",
    Leader.objects.all, leader_edit_context,
)  # fmt: skip
