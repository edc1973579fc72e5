"""French: «guillemets», "se sont entretenus", future forms, role + adjective, Poutine."""

import pytest

from tests.extraction.helpers import direct, indirect, meetings, planned

MACRON, PUTIN, TRUMP = "Emmanuel Macron", "Vladimir Putin", "Donald Trump"


# --- generalisation: receptions, "la veille", pronouns, wishes, back-references ---


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


# --- third round: passives, venues, infinitives, pairs, conditionals ---


def test_passive_reception_followed_by_a_place_is_a_meeting(run):
    # Folded "à" is not the English article "a": "reçu à l'Élysée" receives a person.
    text = "Javad Zarif avait été reçu à l'Élysée vendredi dernier par le président français."
    assert meetings(run(text, "2019-08-26")) == [
        (frozenset({"Mohammad Javad Zarif", MACRON}), "2019-08-23", "Paris", "visit", "past")
    ]


def test_lower_case_adjective_is_not_a_country_name(run):
    # "indien" is French for Indian, "Indien" German for India.
    text = "Ce lundi, Donald Trump a rencontré le Premier ministre indien Narendra Modi."
    assert meetings(run(text, "2019-08-26")) == [
        (frozenset({TRUMP, "Narendra Modi"}), "2019-08-26", None, "bilateral", "current")
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


# --- meeting kind: a seat named with a building noun ---


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


# One case per row: the text, its publication date, what is compared (meetings,
# direct or indirect statements) and the whole value expected.
CASES = [
    pytest.param(
        "Emmanuel Macron et Vladimir Poutine se sont entretenus au téléphone ce vendredi.",
        "2025-07-04",
        meetings,
        [(frozenset({MACRON, PUTIN}), "2025-07-04", None, "call", "current")],
        id="phone_call_this_friday",
    ),
    pytest.param(
        "Le président français a reçu jeudi Donald Trump à l'Élysée pour un entretien.",
        "2019-08-23",
        meetings,
        [(frozenset({MACRON, TRUMP}), "2019-08-22", "Paris", "visit", "current")],
        id="reception_at_the_elysee_is_in_paris",
    ),
    pytest.param(
        "Emmanuel Macron s'entretiendra avec Vladimir Poutine en marge du sommet de Pékin.",
        "2025-07-04",
        meetings,
        [],
        id="future_talks_are_not_a_meeting",
    ),
    pytest.param(
        "« Nous voulons la paix », a déclaré Emmanuel Macron devant la presse.",
        "2025-07-04",
        direct,
        [(MACRON, "Nous voulons la paix")],
        id="quote_in_guillemets_with_speaker_after",
    ),
    pytest.param(
        "L'appel s'est déroulé « dans un bon climat », précise l'entourage du président français.",
        "2025-07-04",
        direct,
        [],
        id="quote_attributed_to_the_entourage_is_not_the_leader",
    ),
    pytest.param(
        "Emmanuel Macron était interrogé par un journaliste. A la question « Allez-vous "
        "parler avec Donald Trump ? », le chef de l'Etat a répondu : « Oui, aujourd'hui ».",
        "2025-07-04",
        direct,
        [(MACRON, "Oui, aujourd'hui")],
        id="question_put_to_a_leader_is_not_a_statement",
    ),
    pytest.param(
        "Emmanuel Macron est arrivé à Berlin. « Nous devons avancer ensemble », a-t-il déclaré.",
        "2025-05-07",
        direct,
        [(MACRON, "Nous devons avancer ensemble")],
        id="inverted_pronoun_after_quote",
    ),
    pytest.param(
        "Le Premier ministre indien Narendra Modi a été reçu mardi à l'Élysée par Emmanuel Macron.",
        "2025-02-11",
        meetings,
        [(frozenset({"Narendra Modi", MACRON}), "2025-02-11", "Paris", "visit", "current")],
        id="passive_reception_by_the_host",
    ),
    # --- generalisation: receptions, "la veille", pronouns, wishes, back-references ---
    pytest.param(
        "Le Premier ministre Sébastien Lecornu a reçu lundi à Matignon son homologue "
        "italienne Giorgia Meloni.",
        "2025-11-18",
        meetings,
        [
            (
                frozenset({"Sébastien Lecornu", "Giorgia Meloni"}),
                "2025-11-17",
                "Paris",
                "visit",
                "current",
            )
        ],
        id="reception_with_time_place_and_role_before_the_guest",
    ),
    pytest.param(
        "Friedrich Merz a répondu que lait « parler d'une seule voix ».",
        "2025-05-08",
        indirect,
        [("Friedrich Merz", "Friedrich Merz a répondu que l")],
        id="a_repondu_que_is_reported_speech",
    ),
    pytest.param(
        "François Hollande a parlé jeudi avec Vladimir Poutine, a annoncé l'Élysée, qui "
        "évoque un échange «franc».",
        "2016-04-08",
        direct,
        [],
        id="quote_of_the_elysee_is_not_the_leaders",
    ),
    pytest.param(
        "Emmanuel Macron a reçu mercredi Pedro Sánchez à l'Élysée. Le dirigeant espagnol a "
        "affirmé que l'Europe devait s'unir. Il rencontrera le roi Felipe VI en juin.",
        "2025-04-10",
        indirect,
        [("Pedro Sanchez", "Le dirigeant espagnol a affirm")],
        id="country_leader_role_is_the_leader_just_named",
    ),
    pytest.param(
        "Emmanuel Macron a jugé que les conditions étaient réunies pour une rencontre entre "
        "Donald Trump et le président iranien Hassan Rohani.",
        "2019-08-26",
        meetings,
        [],
        id="conditions_for_a_meeting_are_not_a_meeting",
    ),
    # --- third round: passives, venues, infinitives, pairs, conditionals ---
    pytest.param(
        "Mohammad Javad Zarif a été reçu dimanche à la mairie de Biarritz par Emmanuel Macron.",
        "2019-08-26",
        meetings,
        [
            (
                frozenset({"Mohammad Javad Zarif", MACRON}),
                "2019-08-25",
                "Biarritz",
                "visit",
                "current",
            )
        ],
        id="town_hall_of_a_town_is_the_place",
    ),
    pytest.param(
        "Mohammad Javad Zarif a été reçu dimanche à Biarritz par Emmanuel Macron et le chef "
        "de la diplomatie française, Jean-Yves Le Drian.",
        "2019-08-26",
        meetings,
        [
            (
                frozenset({"Mohammad Javad Zarif", MACRON, "Jean-Yves Le Drian"}),
                "2019-08-25",
                "Biarritz",
                "visit",
                "current",
            )
        ],
        id="role_set_off_by_a_comma_in_a_list_of_hosts",
    ),
    pytest.param(
        "Dimanche, Donald Trump a déjeuné avec Boris Johnson, avant de s'entretenir "
        "successivement avec Shinzo Abe et Justin Trudeau.",
        "2019-08-26",
        meetings,
        [
            (frozenset({TRUMP, "Boris Johnson"}), "2019-08-25", None, "bilateral", "current"),
            (frozenset({TRUMP, "Shinzo Abe"}), "2019-08-25", None, "bilateral", "current"),
            (frozenset({TRUMP, "Justin Trudeau"}), "2019-08-25", None, "bilateral", "current"),
        ],
        id="infinitive_after_avant_de_reports_meetings_one_by_one",
    ),
    pytest.param(
        "Le sommet s'est ouvert dimanche par un dîner réunissant Emmanuel Macron, "
        "Donald Trump et Angela Merkel.",
        "2019-08-26",
        meetings,
        [
            (
                frozenset({MACRON, TRUMP, "Angela Merkel"}),
                "2019-08-25",
                None,
                "multilateral",
                "current",
            )
        ],
        id="dinner_bringing_leaders_together",
    ),
    pytest.param(
        "Donald Trump a accueilli mardi Emmanuel Macron. Les deux dirigeants, qui avaient dîné "
        "lundi soir avec leurs épouses, se sont entretenus dans le Bureau ovale.",
        "2018-04-25",
        meetings,
        [
            (frozenset({TRUMP, MACRON}), "2018-04-24", "Washington", "visit", "current"),
            (frozenset({TRUMP, MACRON}), "2018-04-23", "Washington", "bilateral", "past"),
        ],
        id="relative_clause_about_the_pair_is_an_earlier_meeting",
    ),
    pytest.param(
        "Aleksandar Vučić a affirmé qu'il n'aurait rien eu contre une rencontre avec Albin Kurti.",
        "2023-09-15",
        meetings,
        [],
        id="conditional_meeting_is_no_meeting",
    ),
    pytest.param(
        "Angela Merkel et Xi Jinping ont échangé par visioconférence mercredi.",
        "2020-12-31",
        meetings,
        [(frozenset({"Angela Merkel", "Xi Jinping"}), "2020-12-30", None, "call", "current")],
        id="videoconference_is_a_call",
    ),
    pytest.param(
        "« Nous avons une relation très spéciale », a déclaré Donald Trump, avant de saluer "
        "en son hôte un « homme d'État remarquable ».",
        "2018-04-25",
        direct,
        [
            ("Donald Trump", "Nous avons une relation très spéciale"),
            ("Donald Trump", "homme d'État remarquable"),
        ],
        id="second_quote_in_the_sentence_of_an_attributed_one",
    ),
    pytest.param(
        "Emmanuel Macron a jugé, lors de la conférence de presse finale, que les conditions "
        "étaient réunies.",
        "2019-08-27",
        indirect,
        [("Emmanuel Macron", "Emmanuel Macron a jugé, lors d")],
        id="que_after_an_aside_is_reported_speech",
    ),
    pytest.param(
        "Charles Michel a dit espérer s'entretenir avec Joe Biden dès janvier.",
        "2020-12-30",
        indirect,
        [("Charles Michel", "Charles Michel a dit espérer s")],
        id="a_dit_with_an_infinitive_is_reported_speech",
    ),
    pytest.param(
        "La rencontre entre Emmanuel Macron et Olaf Scholz n'a pas eu lieu.",
        "2023-06-15",
        meetings,
        [],
        id="meeting_that_did_not_take_place_is_no_meeting",
    ),
    # --- meeting kind: a seat named with a building noun ---
    pytest.param(
        "Emmanuel Macron s'est entretenu mardi avec Giorgia Meloni au palais Chigi.",
        "2025-03-05",
        meetings,
        [(frozenset({MACRON, "Giorgia Meloni"}), "2025-03-04", "Rome", "visit", "current")],
        id="talks_at_the_palais_chigi_are_a_visit",
    ),
]


@pytest.mark.parametrize(("text", "published", "view", "expected"), CASES)
def test_extracts(run, text, published, view, expected):
    assert view(run(text, published)) == expected
