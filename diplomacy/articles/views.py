from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from diplomacy.articles import services
from diplomacy.articles.forms import UploadForm
from diplomacy.articles.models import Article
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
        },
    )


@permission_required("articles.add_article", raise_exception=True)
def article_upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    duplicate = None
    if request.method == "POST" and form.is_valid():
        found = form.cleaned_data["article"]
        try:
            article = services.article_create(
                text=found.text,
                title=found.title,
                source=found.source,
                url=found.url,
                published=found.published,
                uploaded_by=request.user,
            )
        except services.DuplicateArticle as error:
            duplicate = error.existing
        else:
            messages.success(request, "Article stored; extraction is queued.")
            return redirect(article)
    status = 409 if duplicate else 400 if form.errors else 200
    return render(
        request, "articles/upload.html", {"form": form, "duplicate": duplicate}, status=status
    )


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
