from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from diplomacy.articles import services
from diplomacy.articles.feeds import feed_poll_enqueue
from diplomacy.articles.forms import ArticleEditForm, FeedForm, UploadForm
from diplomacy.articles.models import Article, Batch, Feed
from diplomacy.articles.reading import UploadItem
from diplomacy.articles.selectors import batch_counts, feeds_with_entry_counts
from diplomacy.extraction import read_date_marker

ARTICLES_PER_PAGE = 50


def article_list(request):
    articles = Article.objects.for_list()
    if before := request.GET.get("before", ""):
        # Only the ASCII ids this page gives out: "²".isdigit() is true, int("²") fails.
        if not (before.isascii() and before.isdigit() and len(before) <= 18):
            return HttpResponseBadRequest(
                "before: not a page this site gave out.", content_type="text/plain"
            )
        articles = articles.filter(pk__lt=int(before))
    page = list(articles.order_by("-id")[: ARTICLES_PER_PAGE + 1])
    return render(
        request,
        "articles/list.html",
        {
            "articles": page[:ARTICLES_PER_PAGE],
            "next_before": page[ARTICLES_PER_PAGE - 1].pk
            if len(page) > ARTICLES_PER_PAGE
            else None,
            "batches": Batch.objects.order_by("-pk")[:5],
        },
    )


@dataclass
class Outcome:
    """What became of one item of an upload."""

    name: str
    article: Article | None = None
    duplicate: Article | None = None
    error: str = ""


def _store(item, *, user, batch) -> Outcome:
    if item.error:
        return Outcome(item.name, error=item.error)
    found = item.article
    try:
        article = services.article_create(
            text=found.text, title=found.title, source=found.source, url=found.url,
            published=found.published, uploaded_by=user, batch=batch,
        )  # fmt: skip
    except services.DuplicateArticle as duplicate:
        return Outcome(item.name, duplicate=duplicate.existing)
    return Outcome(item.name, article=article)


def _store_many(items, *, user, label: str):
    """(the batch, or None when nothing new was stored; an Outcome per item)."""
    readable = [item for item in items if not item.error]
    batch, stored = services.batch_store(
        [item.article for item in readable], uploaded_by=user, label=label
    )
    results = iter(stored)  # one result per readable item, in order
    outcomes = []
    for item in items:
        if item.error:
            outcomes.append(Outcome(item.name, error=item.error))
            continue
        found = next(results)
        if isinstance(found, services.DuplicateArticle):
            outcomes.append(Outcome(item.name, duplicate=found.existing))
        else:
            outcomes.append(Outcome(item.name, article=found))
    return batch, outcomes


@permission_required("articles.add_article", raise_exception=True)
def article_upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data.get("fetch_url"):
            return _fetch_and_store(request, form)
        items = form.cleaned_data["items"]
        if len(items) == 1 and not items[0].error:
            outcome = _store(items[0], user=request.user, batch=None)
            if outcome.duplicate:
                return _duplicate_reply(request, form, outcome.duplicate, items[0].article)
            messages.success(request, "Article stored; extraction is queued.")
            return redirect(outcome.article)
        label = ", ".join(sorted({i.name.split(":")[0] for i in items}))
        batch, outcomes = _store_many(items, user=request.user, label=label)
        undated = sum(1 for o in outcomes if o.article is not None and o.article.published is None)
        return render(
            request,
            "articles/upload_result.html",
            {"batch": batch, "outcomes": outcomes, "undated": undated},
        )
    status = 400 if form.errors else 200
    return render(request, "articles/upload.html", {"form": form}, status=status)


def _fetch_and_store(request, form):
    from diplomacy.articles.fetching import FetchError, fetch_article

    try:
        found = fetch_article(form.cleaned_data["fetch_url"])
    except FetchError as error:
        form.add_error("fetch_url", str(error))
        return render(request, "articles/upload.html", {"form": form}, status=400)
    found.title = form.cleaned_data.get("title") or found.title
    found.source = form.cleaned_data.get("source") or found.source
    found.published = form.cleaned_data.get("published") or found.published
    outcome = _store(UploadItem(found.url, article=found), user=request.user, batch=None)
    if outcome.duplicate:
        return _duplicate_reply(request, form, outcome.duplicate, found)
    messages.success(request, "Page fetched and stored; extraction is queued.")
    return redirect(outcome.article)


def _duplicate_reply(request, form, existing: Article, found):
    """The upload page saying where the text already is, and, when the stored article has
    no publication date and this upload gives one, offering to set it there."""
    given = found.published or read_date_marker(found.text)
    context = {
        "form": form,
        "duplicate": existing,
        "proposed_date": given if existing.published is None else None,
        "other_date": given if existing.published not in (None, given) else None,
    }
    return render(request, "articles/upload.html", context, status=409)


def batch_detail(request, pk: int):
    batch = get_object_or_404(Batch, pk=pk)
    counts = batch_counts(batch)
    failed = batch.articles.filter(status=Article.Status.FAILED).defer("text").order_by("pk")[:200]
    context = {
        "batch": batch,
        "counts": counts,
        "total": sum(counts.values()),
        "finished": counts["queued"] + counts["processing"] == 0,
        "failed": failed,
    }
    if request.htmx:
        return render(request, "articles/batch.html#batch-progress", context)
    return render(request, "articles/batch.html", context)


@require_POST
@permission_required("articles.change_article", raise_exception=True)
def reextract_all(request):
    count = services.articles_reextract_all()
    messages.success(
        request, f"{count} articles queued for extraction again; editors' corrections are kept."
    )
    return redirect("articles")


@permission_required("articles.change_article", raise_exception=True)
def article_edit(request, pk: int):
    """Correct an article's title, source, URL or publication date. Only for those who may
    change articles (admins): a new date extracts the article again."""
    article = get_object_or_404(Article, pk=pk)
    stale, proposed, status = None, None, 200
    if request.method == "POST":
        form = ArticleEditForm(request.POST, article=article)
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in services.EDITABLE_FIELDS}
            try:
                changed = services.article_update(
                    article.pk, version=form.cleaned_data["version"], fields=fields,
                    by=request.user,
                )  # fmt: skip
            except services.ArticleChanged as error:
                # Both versions side by side; the form keeps the admin's values with the
                # new version, so saving again applies them over the other change.
                article, stale = error.current, _differences(error.current, fields)
                data = request.POST.copy()
                data["version"] = str(article.version)
                form, status = ArticleEditForm(data, article=article), 409
            except services.ArticleBusy as error:
                form.add_error(None, str(error))
                status = 409
            else:
                _say_saved(request, changed)
                return redirect("article", article.pk)
        else:
            status = 400
    else:
        form = ArticleEditForm(article=article)
        # Offered by the upload page when a paste of this text gave the missing date.
        proposed = _date_param(request.GET.get("published"))
        if proposed and proposed != article.published:
            form.initial["published"] = proposed
        else:
            proposed = None
    context = {
        "article": article,
        "form": form,
        "stale": stale,
        "proposed": proposed,
        "history": _article_history(article),
    }
    return render(request, "articles/edit.html", context, status=status)


FIELD_LABELS = {
    "title": "Title",
    "source": "Source outlet",
    "url": "URL",
    "published": "Publication date",
}


def _differences(current: Article, mine: dict) -> list[tuple[str, object, object]]:
    return [
        (FIELD_LABELS[name], value, getattr(current, name))
        for name, value in mine.items()
        if getattr(current, name) != value
    ]


def _say_saved(request, changed: list[str]) -> None:
    if not changed:
        messages.info(request, "Nothing changed.")
    elif "published" in changed:
        messages.success(
            request,
            "Saved. The article is extracted again with the new publication date; "
            "editors' corrections of its meetings and statements are kept.",
        )
    else:
        messages.success(request, "Saved.")


def _date_param(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _article_history(article: Article, limit: int = 20) -> list[dict]:
    """The corrections of an article, newest first, each with what it changed."""
    rows = list(article.history.select_related("history_user").order_by("-history_id")[: limit + 1])
    entries = []
    for newer, older in zip(rows[:limit], [*rows[1:], None], strict=False):
        changes = []
        if older is not None:
            changes = [
                (FIELD_LABELS[change.field], change.old, change.new)
                for change in newer.diff_against(older).changes
                if change.field in FIELD_LABELS
            ]
        entries.append(
            {
                "when": newer.history_date,
                "who": newer.history_user,
                "type": newer.get_history_type_display(),
                "changes": changes,
            }
        )
    return entries


@require_POST
@permission_required("articles.change_article", raise_exception=True)
def article_retry(request, pk: int):
    article = get_object_or_404(Article, pk=pk)
    if services.article_retry(article):
        messages.success(request, "Extraction queued again.")
    else:
        messages.info(request, "Only a failed article can be retried.")
    return redirect(article)


@permission_required("articles.add_article", raise_exception=True)
def feed_list(request):
    form = FeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        feed = form.save(commit=False)
        feed.created_by = request.user
        feed.save()
        feed_poll_enqueue(feed.pk)
        messages.success(request, f"Subscribed to {feed}; it is polled now and on a schedule.")
        return redirect("feeds")
    feeds = feeds_with_entry_counts()
    status = 400 if form.errors else 200
    return render(request, "articles/feeds.html", {"form": form, "feeds": feeds}, status=status)


@require_POST
@permission_required("articles.change_article", raise_exception=True)
def feed_poll_now(request, pk: int):
    feed = get_object_or_404(Feed, pk=pk)
    feed_poll_enqueue(feed.pk)
    messages.success(request, f"{feed} will be polled now.")
    return redirect("feeds")
