"""Italian: "ha incontrato", "all'Eliseo", "Lo ha detto" attributing the quote before it."""

from tests.extraction.helpers import direct, meetings

MELONI, MACRON = "Giorgia Meloni", "Emmanuel Macron"


def test_meeting_at_the_elysee(run):
    text = "Giorgia Meloni ha incontrato il presidente francese all'Eliseo martedì."
    assert meetings(run(text, "2023-06-21")) == [
        (frozenset({MELONI, MACRON}), "2023-06-20", "Paris", "bilateral", "current")
    ]


def test_quote_attributed_by_the_next_sentence(run):
    text = '"Abbiamo lavorato bene insieme". Lo ha detto la premier Giorgia Meloni a Parigi.'
    assert direct(run(text, "2023-06-20")) == [(MELONI, "Abbiamo lavorato bene insieme")]


def test_future_summit_is_not_a_meeting(run):
    text = "Giorgia Meloni ed Emmanuel Macron terranno un vertice bilaterale in autunno a Roma."
    assert meetings(run(text, "2023-06-20")) == []


def test_phone_conversation_is_a_call(run):
    text = "Giorgia Meloni ha avuto un colloquio telefonico con il presidente ucraino Zelensky."
    assert meetings(run(text, "2024-03-01")) == [
        (frozenset({MELONI, "Volodymyr Zelensky"}), "2024-03-01", None, "call", "current")
    ]
