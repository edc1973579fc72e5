from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from diplomacy.articles import services
from diplomacy.articles.forms import FeedForm, UploadForm
from diplomacy.articles.models import Article, Batch, Feed
from diplomacy.articles.reading import UploadItem
from diplomacy.articles.tasks import poll_feed
from diplomacy.meetings.models import Meeting, Statement

ARTICLES_PER_PAGE = 50


def article_list(request):
    articles = Article.objects.for_list()
    before = request.GET.get("before")
    if before and before.isdigit():
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


def _store_many(items, *, user, batch) -> list[Outcome]:
    readable = [item for item in items if not item.error]
    stored = services.articles_create(
        [item.article for item in readable], uploaded_by=user, batch=batch
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
    return outcomes


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
                return render(
                    request, "articles/upload.html",
                    {"form": form, "duplicate": outcome.duplicate}, status=409,
                )  # fmt: skip
            messages.success(request, "Article stored; extraction is queued.")
            return redirect(outcome.article)
        batch = Batch.objects.create(
            created_by=request.user,
            label=", ".join(sorted({i.name.split(":")[0] for i in items}))[:200],
        )
        outcomes = _store_many(items, user=request.user, batch=batch)
        return render(
            request, "articles/upload_result.html", {"batch": batch, "outcomes": outcomes}
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
        return render(
            request, "articles/upload.html", {"form": form, "duplicate": outcome.duplicate},
            status=409,
        )  # fmt: skip
    messages.success(request, "Page fetched and stored; extraction is queued.")
    return redirect(outcome.article)


def batch_detail(request, pk: int):
    batch = get_object_or_404(Batch, pk=pk)
    counts = dict.fromkeys(Article.Status.values, 0)
    counts.update(
        batch.articles.order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
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


def article_detail(request, pk: int):
    article = get_object_or_404(Article.objects.select_related("uploaded_by"), pk=pk)
    context = {"article": article}
    if article.status == Article.Status.DONE:
        context["meetings"] = (
            Meeting.objects.filter(evidence__article=article)
            .distinct()
            .prefetch_related("participants")
            .order_by("date", "pk")
        )
        context["statements"] = (
            Statement.objects.filter(article=article).select_related("speaker").order_by("start")
        )
    if request.htmx:
        return render(request, "articles/detail.html#article-status", context)
    return render(request, "articles/detail.html", context)


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
        transaction.on_commit(lambda: poll_feed.delay(feed.pk))
        messages.success(request, f"Subscribed to {feed}; it is polled now and on a schedule.")
        return redirect("feeds")
    feeds = Feed.objects.annotate(n_entries=Count("entries")).order_by("title", "url")
    status = 400 if form.errors else 200
    return render(request, "articles/feeds.html", {"form": form, "feeds": feeds}, status=status)


@require_POST
@permission_required("articles.change_article", raise_exception=True)
def feed_poll_now(request, pk: int):
    feed = get_object_or_404(Feed, pk=pk)
    transaction.on_commit(lambda: poll_feed.delay(feed.pk))
    messages.success(request, f"{feed} will be polled now.")
    return redirect("feeds")
