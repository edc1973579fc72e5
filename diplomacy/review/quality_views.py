"""The quality page: the engine's figures on the articles editors reviewed, what they
corrected most often, and a preview of re-extraction. Editors and admins only; it reads
and runs the engine, and writes nothing (see review/quality.py)."""

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import render

from diplomacy.review.gold import ArticleRecords, reviewed_articles
from diplomacy.review.quality import (
    editor_corrections,
    engine_version,
    quality_report,
    reextract_preview,
)

can_review = permission_required("meetings.change_meeting", raise_exception=True)


class QualityFilter(forms.Form):
    """The page's GET parameters; a value that does not clean answers 400."""

    scope = forms.ChoiceField(
        required=False,
        choices=[("", "Fully reviewed articles"), ("partial", "Also partly reviewed articles")],
    )
    language = forms.RegexField(required=False, regex=r"\A[a-z]{2,3}\Z")


def _articles(request) -> tuple[dict, list[ArticleRecords], list[ArticleRecords]] | HttpResponse:
    """The cleaned filters, the articles in scope, and every reviewed article (for the
    corrections, which count each reviewed record)."""
    form = QualityFilter(request.GET)
    if not form.is_valid():
        reasons = [f"{name}: {' '.join(map(str, errors))}" for name, errors in form.errors.items()]
        return HttpResponse(" ".join(reasons), status=400, content_type="text/plain; charset=utf-8")
    values = form.cleaned_data
    reviewed = reviewed_articles(partial=True, language=values["language"])
    partial = values["scope"] == "partial"
    in_scope = [r for r in reviewed if partial or r.complete]
    return values, in_scope, reviewed


def _context(values: dict, in_scope: list, reviewed: list) -> dict:
    complete = sum(r.complete for r in reviewed)
    return {
        "scope": values["scope"],
        "language": values["language"],
        "complete": complete,
        "partly": len(reviewed) - complete,
        "articles": len(in_scope),
        "languages": sorted({r.article.language for r in reviewed if r.article.language}),
        "version": engine_version(),
        "preview": None,
    }


@can_review
def quality(request):
    found = _articles(request)
    if isinstance(found, HttpResponse):
        return found
    values, in_scope, reviewed = found
    context = _context(values, in_scope, reviewed)
    context["report"] = quality_report(in_scope)
    context["corrections"] = editor_corrections(reviewed)
    return render(request, "review/quality.html", context)


@can_review
def quality_preview(request):
    """What re-extracting the articles in scope would change, before anything is
    overwritten: the fragment for HTMX, else the page with it."""
    found = _articles(request)
    if isinstance(found, HttpResponse):
        return found
    values, in_scope, reviewed = found
    context = _context(values, in_scope, reviewed)
    context["preview"] = reextract_preview(in_scope)
    if request.htmx:
        return render(request, "review/quality.html#preview", context)
    context["report"] = quality_report(in_scope)
    context["corrections"] = editor_corrections(reviewed)
    return render(request, "review/quality.html", context)
