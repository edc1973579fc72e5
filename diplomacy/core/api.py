"""What every JSON API view shares: the page size a request asks for and the address
of the next page. Every parameter is validated; a wrong one raises ValidationError, which
core.caching.cached_response answers with 400 and the reason."""

import re

from django.core.exceptions import ValidationError
from django.utils.http import urlencode

API_PAGE = 100
API_MAX_PAGE = 500
DIGITS = re.compile(r"[0-9]{1,18}")


def page_limit(request) -> int:
    raw = request.GET.get("limit", "")
    if not raw:
        return API_PAGE
    if not DIGITS.fullmatch(raw):
        raise ValidationError(f"limit: a whole number from 1 to {API_MAX_PAGE}.")
    return max(1, min(int(raw), API_MAX_PAGE))


def next_page_url(request, values: dict, cursor: str | None) -> str | None:
    """The next page: the validated parameters and the new cursor, nothing else."""
    if cursor is None:
        return None
    params = {k: v for k, v in values.items() if v is not None and k != "cursor"}
    params["cursor"] = cursor
    return request.build_absolute_uri(f"{request.path}?{urlencode(params)}")
