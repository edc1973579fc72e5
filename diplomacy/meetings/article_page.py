"""An article's page: its ingestion status and, once extracted, the meetings and
statements on record from it. Served under /articles/ but a meetings view: it shows
meetings."""

from django.shortcuts import get_object_or_404, render

from diplomacy.articles.models import Article
from diplomacy.meetings.models import Meeting, ReviewStatus, Statement


def article_detail(request, pk: int):
    article = get_object_or_404(Article.objects.select_related("uploaded_by"), pk=pk)
    context: dict[str, object] = {"article": article}
    if article.status == Article.Status.DONE:
        # Only what is on record: rejected and merged-away meetings, rejected statements
        # are the review queue's business (review/?article=...), not the analyst's.
        context["meetings"] = (
            Meeting.objects.visible()
            .filter(evidence__article=article)
            .distinct()
            .prefetch_related("participants")
            .order_by("date", "pk")
        )
        said = (
            Statement.objects.exclude(status=ReviewStatus.REJECTED)
            .filter(article=article)
            .select_related("speaker")
            .order_by("start")
        )
        fragment = Statement.Kind.FRAGMENT
        context["statements"] = [s for s in said if s.kind != fragment]
        # Quotations of one or two words: highlights of the article, not statements.
        context["highlights"] = [s for s in said if s.kind == fragment]
    if request.htmx:
        return render(request, "articles/detail.html#article-status", context)
    return render(request, "articles/detail.html", context)
