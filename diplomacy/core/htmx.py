"""One view, two renders: the page, or only its panel for an HTMX request."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_panel(
    request: HttpRequest, template: str, panel: str, context: dict, *, status: int = 200
) -> HttpResponse:
    """The named partial ``panel`` of ``template`` (``{% partialdef panel %}``) when HTMX
    asks (it swaps that part), the whole page otherwise: a plain request, or one whose
    answer carries errors to show with the page around them."""
    htmx = getattr(request, "htmx", None)
    name = f"{template}#{panel}" if htmx and not htmx.boosted else template
    return render(request, name, context, status=status)
