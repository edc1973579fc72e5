"""Reads of the articles pages that aggregate: a batch's progress, the feeds' entries."""

from django.db.models import Count, QuerySet

from diplomacy.articles.models import Article, Batch, Feed


def batch_counts(batch: Batch) -> dict[str, int]:
    """How many of a batch's articles are in each status (every status named, 0 if none):
    one grouped query."""
    counts = dict.fromkeys(Article.Status.values, 0)
    counts.update(
        batch.articles.order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return counts


def feeds_with_entry_counts() -> QuerySet[Feed]:
    """Every feed with the number of entries seen in it (``n_entries``), by title."""
    return Feed.objects.annotate(n_entries=Count("entries")).order_by("title", "url")
