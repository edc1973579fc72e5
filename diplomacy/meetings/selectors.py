"""Reads of the meetings pages that several of them share, or that aggregate."""

from diplomacy.leaders.models import Leader


def country_choices() -> list[str]:
    """The countries of the filters' choice: those of the leaders on record."""
    return list(
        Leader.objects.exclude(country="")
        .order_by("country")
        .values_list("country", flat=True)
        .distinct()
    )
