"""French: «guillemets», "se sont entretenus", future forms, role + adjective, Poutine."""

from tests.extraction.helpers import direct, meetings

MACRON, PUTIN, TRUMP = "Emmanuel Macron", "Vladimir Putin", "Donald Trump"


def test_phone_call_this_friday(run):
    text = "Emmanuel Macron et Vladimir Poutine se sont entretenus au téléphone ce vendredi."
    assert meetings(run(text, "2025-07-04")) == [
        (frozenset({MACRON, PUTIN}), "2025-07-04", None, "call", "current")
    ]


def test_reception_at_the_elysee_is_in_paris(run):
    text = "Le président français a reçu jeudi Donald Trump à l'Élysée pour un entretien."
    assert meetings(run(text, "2019-08-23")) == [
        (frozenset({MACRON, TRUMP}), "2019-08-22", "Paris", "visit", "current")
    ]


def test_future_talks_are_not_a_meeting(run):
    text = "Emmanuel Macron s'entretiendra avec Vladimir Poutine en marge du sommet de Pékin."
    assert meetings(run(text, "2025-07-04")) == []


def test_quote_in_guillemets_with_speaker_after(run):
    text = "« Nous voulons la paix », a déclaré Emmanuel Macron devant la presse."
    assert direct(run(text, "2025-07-04")) == [(MACRON, "Nous voulons la paix")]


def test_quote_attributed_to_the_entourage_is_not_the_leader(run):
    text = (
        "L'appel s'est déroulé « dans un bon climat », précise l'entourage du président français."
    )
    assert direct(run(text, "2025-07-04")) == []


def test_question_put_to_a_leader_is_not_a_statement(run):
    text = (
        "Emmanuel Macron était interrogé par un journaliste. A la question « Allez-vous "
        "parler avec Donald Trump ? », le chef de l'Etat a répondu : « Oui, aujourd'hui »."
    )
    assert direct(run(text, "2025-07-04")) == [(MACRON, "Oui, aujourd'hui")]


def test_inverted_pronoun_after_quote(run):
    text = "Emmanuel Macron est arrivé à Berlin. « Nous devons avancer ensemble », a-t-il déclaré."
    assert direct(run(text, "2025-05-07")) == [(MACRON, "Nous devons avancer ensemble")]


def test_passive_reception_by_the_host(run):
    text = (
        "Le Premier ministre indien Narendra Modi a été reçu mardi à l'Élysée par Emmanuel Macron."
    )
    assert meetings(run(text, "2025-02-11")) == [
        (frozenset({"Narendra Modi", MACRON}), "2025-02-11", "Paris", "visit", "current")
    ]
