"""Phenomena of real articles the engine must generalise over (issue #14), each in the
languages where it occurs, in our own wording."""

import pytest

from tests.extraction.helpers import meetings

MACRON, SCHOLZ = "Emmanuel Macron", "Olaf Scholz"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Emmanuel Macron and Olaf Scholz meet this Tuesday on the first day of a state "
            "visit that lasts until Thursday.",
        ),
        (
            "es",
            "Emmanuel Macron y Olaf Scholz se reúnen este martes durante la primera jornada "
            "de la visita de Estado, que se extenderá hasta el jueves. Macron recibió con "
            "honores a Scholz en el palacio.",
        ),
        (
            "pt",
            "Emmanuel Macron e Olaf Scholz se reúnem nesta terça-feira, no primeiro dia de "
            "uma visita de Estado que vai até quinta-feira. Macron recebeu Scholz no palácio.",
        ),
        (
            "de",
            "Emmanuel Macron und Olaf Scholz treffen sich an diesem Dienstag zum Auftakt "
            "eines Staatsbesuchs, der bis Donnerstag dauert. Macron empfing Scholz im Palast.",
        ),
    ],
)
def test_a_day_after_until_ends_the_visit_and_does_not_date_the_meeting(run, language, text):
    found = run(text, "2025-04-22")
    assert [(m[0], m[1]) for m in meetings(found)] == [(frozenset({MACRON, SCHOLZ}), "2025-04-22")]
