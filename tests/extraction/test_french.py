"""French: «guillemets», "se sont entretenus", future forms, role + adjective, Poutine."""

import pytest

from tests.extraction.helpers import direct, indirect, meetings, planned

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


# --- generalisation: receptions, "la veille", pronouns, wishes, back-references ---


def test_reception_with_time_place_and_role_before_the_guest(run):
    text = (
        "Le Premier ministre Sébastien Lecornu a reçu lundi à Matignon son homologue "
        "italienne Giorgia Meloni."
    )
    assert meetings(run(text, "2025-11-18")) == [
        (
            frozenset({"Sébastien Lecornu", "Giorgia Meloni"}),
            "2025-11-17",
            "Paris",
            "visit",
            "current",
        )
    ]


def test_la_veille_counts_from_the_meeting_just_reported(run):
    text = (
        "Emmanuel Macron a rencontré lundi Friedrich Merz à Berlin. La veille de cette "
        "rencontre, Jean-Noël Barrot s'était entretenu avec Andrii Sybiha."
    )
    assert [(m[0], m[1]) for m in meetings(run(text, "2025-11-19"))] == [
        (frozenset({"Emmanuel Macron", "Friedrich Merz"}), "2025-11-17"),
        (frozenset({"Jean-Noël Barrot", "Andrii Sybiha"}), "2025-11-16"),
    ]


def test_pronoun_after_a_bare_role_is_that_leader(run):
    text = (
        "Emmanuel Macron a reçu mercredi Friedrich Merz à l'Élysée. Le chancelier a quitté "
        "Paris dans la soirée. Il s'est ensuite entretenu avec Donald Tusk à Varsovie."
    )
    assert [m[0] for m in meetings(run(text, "2025-05-08"))] == [
        frozenset({"Emmanuel Macron", "Friedrich Merz"}),
        frozenset({"Friedrich Merz", "Donald Tusk"}),
    ]


def test_souhaite_organiser_un_sommet_is_planned(run):
    text = "Emmanuel Macron souhaite organiser d'ici l'automne un sommet avec Friedrich Merz."
    result = run(text, "2025-05-08")
    assert (meetings(result), planned(result)) == (
        [],
        [(frozenset({"Emmanuel Macron", "Friedrich Merz"}), "2025-05-08")],
    )


def test_les_deux_dirigeants_back_reference(run):
    text = (
        "Emmanuel Macron a reçu mercredi Friedrich Merz à l'Élysée. "
        "Les deux dirigeants s'étaient déjà rencontrés en janvier à Berlin."
    )
    assert [(m[1], m[2], m[4]) for m in meetings(run(text, "2025-05-08"))] == [
        ("2025-05-07", "Paris", "current"),
        ("2025-01", "Berlin", "past"),
    ]


def test_city_before_ou_is_the_venue(run):
    text = (
        "Friedrich Merz a pris le train pour Varsovie, où il s'est entretenu mercredi "
        "avec Donald Tusk."
    )
    assert [m[2] for m in meetings(run(text, "2025-05-08"))] == ["Warsaw"]


def test_a_repondu_que_is_reported_speech(run):
    text = "Friedrich Merz a répondu que lait « parler d'une seule voix »."
    assert indirect(run(text, "2025-05-08")) == [
        ("Friedrich Merz", "Friedrich Merz a répondu que l")
    ]


def test_quote_of_the_elysee_is_not_the_leaders(run):
    text = (
        "François Hollande a parlé jeudi avec Vladimir Poutine, a annoncé l'Élysée, qui "
        "évoque un échange «franc»."
    )
    assert direct(run(text, "2016-04-08")) == []


def test_country_leader_role_is_the_leader_just_named(run):
    text = (
        "Emmanuel Macron a reçu mercredi Pedro Sánchez à l'Élysée. Le dirigeant espagnol a "
        "affirmé que l'Europe devait s'unir. Il rencontrera le roi Felipe VI en juin."
    )
    assert indirect(run(text, "2025-04-10")) == [
        ("Pedro Sanchez", "Le dirigeant espagnol a affirm")
    ]


def test_se_sont_retrouves(run):
    text = "Emmanuel Macron et Friedrich Merz se sont retrouvés mardi à Berlin."
    assert [(m[0], m[1], m[2]) for m in meetings(run(text, "2025-03-05"))] == [
        (frozenset({"Emmanuel Macron", "Friedrich Merz"}), "2025-03-04", "Berlin")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Recep Tayyip Erdogan s'est dit prêt à accueillir des pourparlers entre Vladimir "
        "Poutine et Volodymyr Zelensky.",
        "Emmanuel Macron a appelé Vladimir Poutine et Volodymyr Zelensky à engager des "
        "négociations.",
        "Emmanuel Macron a démenti avoir rencontré Vladimir Poutine en secret.",
    ],
)
def test_offers_calls_and_denials_are_no_meetings(run, text):
    assert meetings(run(text, "2025-03-05")) == []


def test_conditions_for_a_meeting_are_not_a_meeting(run):
    text = (
        "Emmanuel Macron a jugé que les conditions étaient réunies pour une rencontre entre "
        "Donald Trump et le président iranien Hassan Rohani."
    )
    assert meetings(run(text, "2019-08-26")) == []


# --- third round: passives, venues, infinitives, pairs, conditionals ---


def test_passive_reception_followed_by_a_place_is_a_meeting(run):
    # Folded "à" is not the English article "a": "reçu à l'Élysée" receives a person.
    text = "Javad Zarif avait été reçu à l'Élysée vendredi dernier par le président français."
    assert meetings(run(text, "2019-08-26")) == [
        (frozenset({"Mohammad Javad Zarif", MACRON}), "2019-08-23", "Paris", "visit", "past")
    ]


def test_town_hall_of_a_town_is_the_place(run):
    text = "Mohammad Javad Zarif a été reçu dimanche à la mairie de Biarritz par Emmanuel Macron."
    assert meetings(run(text, "2019-08-26")) == [
        (frozenset({"Mohammad Javad Zarif", MACRON}), "2019-08-25", "Biarritz", "visit", "current")
    ]


def test_role_set_off_by_a_comma_in_a_list_of_hosts(run):
    text = (
        "Mohammad Javad Zarif a été reçu dimanche à Biarritz par Emmanuel Macron et le chef "
        "de la diplomatie française, Jean-Yves Le Drian."
    )
    assert meetings(run(text, "2019-08-26")) == [
        (
            frozenset({"Mohammad Javad Zarif", MACRON, "Jean-Yves Le Drian"}),
            "2019-08-25",
            "Biarritz",
            "visit",
            "current",
        )
    ]


def test_lower_case_adjective_is_not_a_country_name(run):
    # "indien" is French for Indian, "Indien" German for India.
    text = "Ce lundi, Donald Trump a rencontré le Premier ministre indien Narendra Modi."
    assert meetings(run(text, "2019-08-26")) == [
        (frozenset({TRUMP, "Narendra Modi"}), "2019-08-26", None, "bilateral", "current")
    ]


def test_infinitive_after_avant_de_reports_meetings_one_by_one(run):
    text = (
        "Dimanche, Donald Trump a déjeuné avec Boris Johnson, avant de s'entretenir "
        "successivement avec Shinzo Abe et Justin Trudeau."
    )
    assert meetings(run(text, "2019-08-26")) == [
        (frozenset({TRUMP, "Boris Johnson"}), "2019-08-25", None, "bilateral", "current"),
        (frozenset({TRUMP, "Shinzo Abe"}), "2019-08-25", None, "bilateral", "current"),
        (frozenset({TRUMP, "Justin Trudeau"}), "2019-08-25", None, "bilateral", "current"),
    ]


def test_dinner_bringing_leaders_together(run):
    text = (
        "Le sommet s'est ouvert dimanche par un dîner réunissant Emmanuel Macron, "
        "Donald Trump et Angela Merkel."
    )
    assert meetings(run(text, "2019-08-26")) == [
        (frozenset({MACRON, TRUMP, "Angela Merkel"}), "2019-08-25", None, "multilateral", "current")
    ]


def test_the_two_leaders_call_a_third(run):
    text = (
        "Emmanuel Macron a reçu mardi Giorgia Meloni à l'Élysée. Dans la soirée, les deux "
        "dirigeants ont eu un échange téléphonique avec le président ukrainien Volodymyr Zelensky."
    )
    assert meetings(run(text, "2025-06-04"))[1] == (
        frozenset({MACRON, "Giorgia Meloni", "Volodymyr Zelensky"}),
        "2025-06-03",
        None,
        "call",
        "current",
    )


def test_relative_clause_about_the_pair_is_an_earlier_meeting(run):
    text = (
        "Donald Trump a accueilli mardi Emmanuel Macron. Les deux dirigeants, qui avaient dîné "
        "lundi soir avec leurs épouses, se sont entretenus dans le Bureau ovale."
    )
    assert meetings(run(text, "2018-04-25")) == [
        (frozenset({TRUMP, MACRON}), "2018-04-24", "Washington", "visit", "current"),
        (frozenset({TRUMP, MACRON}), "2018-04-23", "Washington", "bilateral", "past"),
    ]


def test_conditional_meeting_is_no_meeting(run):
    text = (
        "Aleksandar Vučić a affirmé qu'il n'aurait rien eu contre une rencontre avec Albin Kurti."
    )
    assert meetings(run(text, "2023-09-15")) == []


def test_two_hosts_receive_two_guests_separately(run):
    text = (
        "Josep Borrell et Miroslav Lajčák ont reçu séparément jeudi à Bruxelles Albin Kurti et "
        "Aleksandar Vučić."
    )
    found = [m[0] for m in meetings(run(text, "2023-09-15"))]
    assert found == [
        frozenset({"Josep Borrell", "Miroslav Lajčák", "Albin Kurti"}),
        frozenset({"Josep Borrell", "Miroslav Lajčák", "Aleksandar Vučić"}),
    ]


def test_videoconference_is_a_call(run):
    text = "Angela Merkel et Xi Jinping ont échangé par visioconférence mercredi."
    assert meetings(run(text, "2020-12-31")) == [
        (frozenset({"Angela Merkel", "Xi Jinping"}), "2020-12-30", None, "call", "current")
    ]


def test_second_quote_in_the_sentence_of_an_attributed_one(run):
    text = (
        "« Nous avons une relation très spéciale », a déclaré Donald Trump, avant de saluer "
        "en son hôte un « homme d'État remarquable »."
    )
    assert direct(run(text, "2018-04-25")) == [
        ("Donald Trump", "Nous avons une relation très spéciale"),
        ("Donald Trump", "homme d'État remarquable"),
    ]


def test_que_after_an_aside_is_reported_speech(run):
    text = (
        "Emmanuel Macron a jugé, lors de la conférence de presse finale, que les conditions "
        "étaient réunies."
    )
    assert indirect(run(text, "2019-08-27")) == [
        ("Emmanuel Macron", "Emmanuel Macron a jugé, lors d")
    ]


def test_a_dit_with_an_infinitive_is_reported_speech(run):
    text = "Charles Michel a dit espérer s'entretenir avec Joe Biden dès janvier."
    assert indirect(run(text, "2020-12-30")) == [
        ("Charles Michel", "Charles Michel a dit espérer s")
    ]


def test_meeting_that_did_not_take_place_is_no_meeting(run):
    text = "La rencontre entre Emmanuel Macron et Olaf Scholz n'a pas eu lieu."
    assert meetings(run(text, "2023-06-15")) == []


# --- meeting kind: a seat named with a building noun ---


def test_talks_at_the_palais_chigi_are_a_visit(run):
    text = "Emmanuel Macron s'est entretenu mardi avec Giorgia Meloni au palais Chigi."
    assert meetings(run(text, "2025-03-05")) == [
        (frozenset({MACRON, "Giorgia Meloni"}), "2025-03-04", "Rome", "visit", "current")
    ]


def test_hosts_receiving_separately_make_bilateral_meetings(run):
    text = (
        "Ursula von der Leyen et Charles Michel ont reçu séparément jeudi à Bruxelles "
        "Volodymyr Zelensky et Maia Sandu."
    )
    hosts = {"Ursula von der Leyen", "Charles Michel"}
    assert meetings(run(text, "2023-09-15")) == [
        (
            frozenset({*hosts, "Volodymyr Zelensky"}),
            "2023-09-14",
            "Brussels",
            "bilateral",
            "current",
        ),
        (frozenset({*hosts, "Maia Sandu"}), "2023-09-14", "Brussels", "bilateral", "current"),
    ]
