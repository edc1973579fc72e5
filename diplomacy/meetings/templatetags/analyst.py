"""Template helpers of the analyst pages: country and language names in the user's language
(CLDR, via babel) instead of bare ISO codes, and a filter's error shown beside it.

    {% load analyst %}
    {{ meeting.country|country_name }}                     Romania (RO, in English)
    {% for code, name in countries|country_options %}      the filter's <option>s, by name
    <input ...{% filter_invalid filters "date_from" "filter-from" %}>
    {% filter_error filters "date_from" "filter-from" %}
"""

import functools
import unicodedata
from collections.abc import Mapping

from babel import Locale, UnknownLocaleError
from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()


@functools.cache
def territory_names(language: str) -> Mapping[str, str]:
    """CLDR's names of countries and territories in a language (English if babel has none)."""
    try:
        return Locale.parse(language, sep="-").territories
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en").territories


def _names() -> Mapping[str, str]:
    return territory_names(get_language() or settings.LANGUAGE_CODE)


@register.filter
def country_name(code) -> str:
    """The name of an ISO 3166-1 alpha-2 code in the active language; a code CLDR does not
    know is shown as it is."""
    if not code:
        return ""
    code = str(code).upper()
    return _names().get(code, code)


@functools.cache
def language_names(language: str) -> Mapping[str, str]:
    """CLDR's names of languages in a language (English if babel has none)."""
    try:
        return Locale.parse(language, sep="-").languages
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en").languages


@register.filter
def language_name(code) -> str:
    """The name of an ISO 639-1 language code in the active language, or the code."""
    if not code:
        return ""
    code = str(code).lower()
    return language_names(get_language() or settings.LANGUAGE_CODE).get(code, code)


def _sort_key(name: str) -> str:
    # "Égypte" among the E's, not after "Zimbabwe".
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@register.filter
def country_options(codes) -> list[tuple[str, str]]:
    """(code, name) of each code, in the alphabetical order of the names."""
    names = _names()
    pairs = [(code, names.get(code.upper(), code)) for code in codes if code]
    return sorted(pairs, key=lambda pair: (_sort_key(pair[1]).casefold(), pair[0]))


def _errors(form, field: str) -> list[str]:
    return list(form.errors.get(field, [])) if form.is_bound else []


@register.simple_tag
def filter_invalid(form, field: str, element_id: str) -> str:
    """The attributes that tie an input to its error message, when its value was refused."""
    if not _errors(form, field):
        return ""
    return format_html(' aria-invalid="true" aria-describedby="{}-error"', element_id)


@register.simple_tag
def filter_error(form, field: str, element_id: str) -> str:
    """The reason a filter's value was refused, beside the filter; nothing when it was not."""
    errors = _errors(form, field)
    if not errors:
        return ""
    return format_html(
        '<p class="error" id="{}-error" role="alert">{}</p>', element_id, " ".join(errors)
    )
