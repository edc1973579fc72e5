"""Publication-date marker, relative dates per language, and language identification."""

from datetime import date

import pytest

from diplomacy.extraction import detect_language, read_date_marker
from diplomacy.extraction.dates import find_dates
from diplomacy.extraction.text import fold_text


@pytest.mark.parametrize(
    "text",
    ["date 2025-09-03\nText.", "  date 2025-09-03 „Relațiile...”", "\ndate 2025-09-03"],
)
def test_date_marker_on_its_own_line_or_before_text(text):
    assert read_date_marker(text) == date(2025, 9, 3)


def test_no_date_marker():
    assert read_date_marker("Putin met Kim. date 2025-09-03") is None


def _dates(text: str, language: str, published: str) -> list[str]:
    folded = fold_text(text)
    return [
        d.value for d in find_dates(folded, 0, len(folded), language, date.fromisoformat(published))
    ]


@pytest.mark.parametrize(
    ("language", "text", "published", "expected"),
    [
        ("ro", "miercuri", "2025-09-05", ["2025-09-03"]),
        ("ro", "în iunie anul trecut", "2025-09-03", ["2024-06"]),
        ("ro", "ieri", "2025-09-03", ["2025-09-02"]),
        ("en", "last June", "2025-09-03", ["2025-06"]),
        ("en", "on Wednesday", "2025-09-03", ["2025-09-03"]),
        ("fr", "ce vendredi", "2016-11-11", ["2016-11-11"]),
        ("es", "este martes", "2022-11-03", ["2022-11-01"]),
        ("it", "lo scorso giugno", "2018-09-01", ["2018-06"]),
        ("pt", "Ontem (23)", "2023-01-24", ["2023-01-23"]),
        ("ru", "С 22 на 23 января", "2026-01-25", ["2026-01-22"]),
        ("de", "am 3. September 2025", "2025-09-05", ["2025-09-03"]),
    ],
)
def test_relative_and_absolute_dates(language, text, published, expected):
    assert _dates(text, language, published) == expected


def test_next_week_is_future():
    folded = fold_text("next week")
    assert [d.future for d in find_dates(folded, 0, 9, "en", date(2025, 1, 1))] == [True]


def test_romanian_luni_as_months_is_not_monday():
    assert _dates("în ultimele luni am lucrat mult", "ro", "2025-09-03") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Putin met Kim in Beijing on Wednesday, the agency said.", "en"),
        ("Putin s-a întâlnit cu Kim la Beijing, a declarat agenția.", "ro"),
        ("Poutine a rencontré Kim à Pékin mercredi, selon l'agence.", "fr"),
        ("Putin traf Kim am Mittwoch in Peking, sagte die Agentur.", "de"),
        ("Putin se reunió con Kim en Pekín el miércoles, dijo la agencia.", "es"),
        ("Putin ha incontrato Kim a Pechino mercoledì, ha detto l'agenzia.", "it"),
        ("Putin se reuniu com Kim em Pequim na quarta-feira, disse a agência.", "pt"),
        ("Путин встретился с Ким Чен Ыном в Пекине в среду.", "ru"),
    ],
)
def test_language_of_one_sentence(text, language):
    assert detect_language(text) == language


def test_article_without_any_date_keeps_meetings_undated(knowledge_base):
    from diplomacy.extraction import extract

    found = extract("Joe Biden met Xi Jinping in Geneva on Wednesday.", None, knowledge_base)
    assert [(m.participants, m.date, m.date_precision) for m in found.meetings] == [
        (["Joe Biden", "Xi Jinping"], None, None)
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "They met last month in Paris."),
        ("ro", "Luna trecută s-au întâlnit la Paris."),
        ("fr", "Le mois dernier, ils se sont vus à Paris."),
        ("de", "Im vergangenen Monat trafen sie sich in Paris."),
        ("es", "El mes pasado se reunieron en París."),
        ("it", "Il mese scorso si sono visti a Parigi."),
        ("pt", "No mês passado se reuniram em Paris."),
        ("ru", "В прошлом месяце они встречались в Париже."),
    ],
)
def test_last_month_in_every_language(language, text):
    folded = fold_text(text)
    found = find_dates(folded, 0, len(folded), language, date(2025, 1, 16))
    assert [(d.value, d.precision, d.past) for d in found] == [("2024-12", "month", True)]


def test_earlier_this_month():
    folded = fold_text("Earlier this month they met in Paris.")
    found = find_dates(folded, 0, len(folded), "en", date(2025, 1, 16))
    assert [(d.value, d.precision, d.past) for d in found] == [("2025-01", "month", True)]
