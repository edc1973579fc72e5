"""Spanish: "se reunieron este martes", "según X", quotes after "dijo"."""

from tests.extraction.helpers import direct, meetings

MADURO, PETRO = "Nicolas Maduro", "Gustavo Petro"


def test_meeting_this_tuesday_in_caracas(run):
    text = "Nicolás Maduro y Gustavo Petro se reunieron este martes en Caracas."
    assert meetings(run(text, "2022-11-03")) == [
        (frozenset({MADURO, PETRO}), "2022-11-01", "Caracas", "bilateral", "current")
    ]


def test_according_to_introduces_the_quote(run):
    text = 'Según Maduro, el diálogo incluyó "los nuevos pasos hacia la apertura de la frontera".'
    assert direct(run(text, "2022-11-01")) == [
        (MADURO, "los nuevos pasos hacia la apertura de la frontera")
    ]


def test_joint_quote_of_both_presidents_has_no_single_speaker(run):
    text = 'Los presidentes consideran que la selva "está en peligro" y piden una "política común".'
    assert direct(run(text, "2022-11-01")) == []


def test_not_attending_is_not_a_meeting(run):
    text = "Nicolás Maduro no se reunió con Gustavo Petro en Bogotá."
    assert meetings(run(text, "2022-08-08")) == []


def test_meeting_in_the_future_tense_is_not_a_meeting(run):
    text = "La reunión entre Nicolás Maduro y Gustavo Petro se celebrará en Caracas."
    assert meetings(run(text, "2022-10-25")) == []
