"""Italian: "ha incontrato", "all'Eliseo", "Lo ha detto" attributing the quote before it."""

import pytest

from tests.extraction.helpers import direct, indirect, meetings, planned

MELONI, MACRON = "Giorgia Meloni", "Emmanuel Macron"


# --- generalisation: passives, people present, back-references, follow-ups ---


def test_passive_reception_by_the_host(run):
    text = "Giorgia Meloni è stata ricevuta ieri da Emmanuel Macron all'Eliseo per una cena."
    assert [(m[0], m[1], m[2]) for m in meetings(run(text, "2025-01-05"))] == [
        (frozenset({"Giorgia Meloni", "Emmanuel Macron"}), "2025-01-04", "Paris")
    ]


def test_ministers_who_took_part_join_the_meeting(run):
    text = (
        "Giorgia Meloni ha incontrato ieri Emmanuel Macron a Parigi. "
        "All'incontro hanno partecipato anche Antonio Tajani e Jean-Noël Barrot."
    )
    assert [m[0] for m in meetings(run(text, "2025-01-05"))] == [
        frozenset({"Giorgia Meloni", "Emmanuel Macron", "Antonio Tajani", "Jean-Noël Barrot"})
    ]


def test_i_due_back_reference(run):
    text = (
        "La presidente del Consiglio Giorgia Meloni ha incontrato ieri il presidente francese "
        "Emmanuel Macron a Parigi, dove i due hanno parlato della guerra. "
        "I due si erano già visti a Roma a novembre, durante una riunione sulla difesa."
    )
    assert [(m[1], m[2]) for m in meetings(run(text, "2025-01-05"))] == [
        ("2025-01-04", "Paris"),
        ("2024-11", "Rome"),
    ]


def test_poco_dopo_keeps_the_day_of_the_news(run):
    text = (
        "Ieri Giorgia Meloni ha incontrato Emmanuel Macron a Parigi. "
        "Poco dopo Meloni ha incontrato anche il cancelliere Friedrich Merz."
    )
    assert [m[1] for m in meetings(run(text, "2025-01-05"))] == ["2025-01-04", "2025-01-04"]


def test_sentito_al_telefono_is_a_call(run):
    text = (
        "Il mese scorso Marco Rubio aveva sentito al telefono il collega francese Jean-Noël Barrot."
    )
    assert [(m[0], m[1], m[3]) for m in meetings(run(text, "2025-05-16"))] == [
        (frozenset({"Marco Rubio", "Jean-Noël Barrot"}), "2025-04", "call")
    ]


# --- third round: clefts, passives of groups, lists, sidelines, bare roles ---

TRUMP, MODI = "Donald Trump", "Narendra Modi"
TAJANI, BLINKEN, BAERBOCK, CAMERON = (
    "Antonio Tajani",
    "Antony Blinken",
    "Annalena Baerbock",
    "David Cameron",
)


def test_talk_on_the_sidelines_is_its_own_meeting(run):
    text = (
        "Ieri Antonio Tajani ha accolto a Capri Antony Blinken, Annalena Baerbock e David "
        "Cameron per il G7. A margine dei lavori, David Cameron ha avuto un colloquio con "
        "Annalena Baerbock."
    )
    assert meetings(run(text, "2024-04-19"))[1] == (
        frozenset({CAMERON, BAERBOCK}),
        "2024-04-18",
        "Capri",
        "bilateral",
        "current",
    )


def test_bare_role_keeps_the_person_it_was_first_given_to(run):
    text = (
        "La premier Giorgia Meloni ha incontrato ieri a Dubai Narendra Modi. Modi ha risposto "
        "su X. In serata la premier ha ricevuto il primo ministro britannico Rishi Sunak."
    )
    assert [m[0] for m in meetings(run(text, "2023-12-02"))] == [
        frozenset({MELONI, MODI}),
        frozenset({MELONI, "Rishi Sunak"}),
    ]


def test_i_due_leader_is_the_pair_not_a_role(run):
    text = (
        "Giorgia Meloni ha incontrato ieri a Dubai Narendra Modi. I due leader si erano visti "
        "lo scorso settembre a Nuova Delhi."
    )
    assert meetings(run(text, "2023-12-02"))[1] == (
        frozenset({MELONI, MODI}),
        "2023-09",
        "New Delhi",
        "bilateral",
        "past",
    )


def test_meeting_not_in_the_calendar_is_only_planned(run):
    text = "Un nuovo faccia a faccia tra Aleksandar Vucic e Albin Kurti non è in calendario."
    extraction = run(text, "2023-09-15")
    assert meetings(extraction) == []
    assert planned(extraction) == [(frozenset({"Aleksandar Vučić", "Albin Kurti"}), "2023-09-15")]


def test_separate_talks_with_each_party(run):
    text = (
        "I colloqui separati che Josep Borrell ha avuto ieri con Albin Kurti e con Aleksandar "
        "Vucic non hanno portato a nulla."
    )
    assert [m[0] for m in meetings(run(text, "2023-09-15"))] == [
        frozenset({"Josep Borrell", "Albin Kurti"}),
        frozenset({"Josep Borrell", "Aleksandar Vučić"}),
    ]


# One case per row: the text, its publication date, what is compared (meetings,
# direct or indirect statements) and the whole value expected.
CASES = [
    pytest.param(
        "Giorgia Meloni ha incontrato il presidente francese all'Eliseo martedì.",
        "2023-06-21",
        meetings,
        [(frozenset({MELONI, MACRON}), "2023-06-20", "Paris", "visit", "current")],
        id="meeting_at_the_elysee",
    ),
    pytest.param(
        '"Abbiamo lavorato bene insieme". Lo ha detto la premier Giorgia Meloni a Parigi.',
        "2023-06-20",
        direct,
        [(MELONI, "Abbiamo lavorato bene insieme")],
        id="quote_attributed_by_the_next_sentence",
    ),
    pytest.param(
        "Giorgia Meloni ed Emmanuel Macron terranno un vertice bilaterale in autunno a Roma.",
        "2023-06-20",
        meetings,
        [],
        id="future_summit_is_not_a_meeting",
    ),
    pytest.param(
        "Giorgia Meloni ha avuto un colloquio telefonico con il presidente ucraino Zelensky.",
        "2024-03-01",
        meetings,
        [(frozenset({MELONI, "Volodymyr Zelensky"}), "2024-03-01", None, "call", "current")],
        id="phone_conversation_is_a_call",
    ),
    # --- generalisation: passives, people present, back-references, follow-ups ---
    pytest.param(
        "Giorgia Meloni ha detto che l'Italia resterà al fianco di Kiev.",
        "2025-01-05",
        indirect,
        [("Giorgia Meloni", "Giorgia Meloni ha detto che l'")],
        id="ha_detto_che_is_reported_speech",
    ),
    pytest.param(
        "Giorgia Meloni è arrivata a Palm Beach per vedere Donald Trump. "
        '"È una leader straordinaria", ha detto il presidente eletto accogliendo la premier.',
        "2025-01-05",
        direct,
        [("Donald Trump", "È una leader straordinaria")],
        id="president_elect_is_the_leader_about_to_take_office",
    ),
    pytest.param(
        'Vladimir Putin ha presentato una proposta che Kiev ha definito "una resa".',
        "2025-06-14",
        direct,
        [],
        id="words_of_a_capital_are_not_the_leaders",
    ),
    pytest.param(
        "Giorgia Meloni ha smentito un incontro con Vladimir Putin.",
        "2025-03-05",
        meetings,
        [],
        id="denied_meeting_is_no_meeting",
    ),
    pytest.param(
        "Il faccia a faccia tra Donald Trump e la presidente della Commissione europea Ursula "
        "von der Leyen, che la premier spera di ospitare a Roma, non ha ancora una data.",
        "2025-04-18",
        meetings,
        [],
        id="meeting_the_premier_hopes_to_host_is_not_a_meeting",
    ),
    # --- third round: clefts, passives of groups, lists, sidelines, bare roles ---
    pytest.param(
        "Ad accogliere la presidente del Consiglio alla Casa Bianca è stato ieri Donald Trump.",
        "2025-04-18",
        meetings,
        [(frozenset({MELONI, TRUMP}), "2025-04-17", "Washington", "visit", "current")],
        id="cleft_reception_ad_accogliere_e_stato",
    ),
    pytest.param(
        "Giorgia Meloni è arrivata a Washington. Con Trump la premier si era già vista a "
        "gennaio a Palm Beach.",
        "2025-04-18",
        meetings,
        [(frozenset({MELONI, TRUMP}), "2025-01", "Palm Beach", "bilateral", "past")],
        id="with_opening_the_sentence_and_bare_role_subject",
    ),
    pytest.param(
        "Mario Draghi, Emmanuel Macron e Olaf Scholz sono stati ricevuti ieri a Kiev dal "
        "presidente ucraino Volodymyr Zelensky.",
        "2022-06-17",
        meetings,
        [
            (
                frozenset({"Mario Draghi", MACRON, "Olaf Scholz", "Volodymyr Zelensky"}),
                "2022-06-16",
                "Kyiv",
                "multilateral",
                "current",
            )
        ],
        id="group_received_in_the_plural_passive",
    ),
    pytest.param(
        "Ha aperto ieri i lavori il ministro Antonio Tajani, che ha accolto a Capri il "
        "segretario di Stato americano Antony Blinken, la ministra tedesca Annalena Baerbock e "
        "il britannico David Cameron.",
        "2024-04-19",
        meetings,
        [
            (
                frozenset({TAJANI, BLINKEN, BAERBOCK, CAMERON}),
                "2024-04-18",
                "Capri",
                "multilateral",
                "current",
            )
        ],
        id="list_of_guests_goes_on_past_the_relative_clause_with_its_date",
    ),
    pytest.param(
        "Antonio Tajani ha incontrato ieri Antony Blinken, ha detto il titolare della Farnesina.",
        "2024-04-19",
        meetings,
        [(frozenset({TAJANI, BLINKEN}), "2024-04-18", None, "bilateral", "current")],
        id="seat_of_power_qualifying_a_person_is_no_place",
    ),
    pytest.param(
        "A margine dei lavori il capo della diplomazia italiana si è incontrato ieri con Blinken.",
        "2024-04-19",
        meetings,
        [(frozenset({TAJANI, BLINKEN}), "2024-04-18", None, "bilateral", "current")],
        id="capo_della_diplomazia_is_the_foreign_minister",
    ),
    pytest.param(
        "WASHINGTON, 18 APR – Due ore di colloquio nello Studio Ovale. Ad accogliere Giorgia "
        "Meloni è stato ieri Donald Trump.",
        "2025-04-18",
        meetings,
        [(frozenset({MELONI, TRUMP}), "2025-04-17", "Washington", "bilateral", "current")],
        id="dateline_date_does_not_date_the_news",
    ),
    pytest.param(
        "Antonio Tajani ha invitato Albin Kurti a venire in Italia «per ascoltare le sue ragioni».",
        "2023-09-15",
        direct,
        [("Antonio Tajani", "per ascoltare le sue ragioni")],
        id="subject_of_the_reporting_verb_not_its_object_speaks",
    ),
    pytest.param(
        "Sergej Lavrov ha bollato la riunione come «un club di nostalgici dell'egemonia».",
        "2024-04-19",
        direct,
        [("Sergey Lavrov", "un club di nostalgici dell'egemonia")],
        id="characterising_verb_introduces_the_quote",
    ),
    pytest.param(
        "Meloni da Trump: «Una delle vere leader del mondo»\n\n"
        "«Ho grande rispetto per lei, è una delle vere leader del mondo», ha detto Donald "
        "Trump ai giornalisti.",
        "2025-04-18",
        direct,
        [("Donald Trump", "Ho grande rispetto per lei, è una delle vere leader del mondo")],
        id="headline_quote_shortening_a_body_quote_is_not_repeated",
    ),
    pytest.param(
        "Giorgia Meloni ha invitato Emmanuel Macron a un incontro a Roma.",
        "2023-06-15",
        meetings,
        [],
        id="invitation_to_a_meeting_is_no_meeting",
    ),
    pytest.param(
        "Giorgia Meloni si incontrerebbe con Emmanuel Macron a Bruxelles.",
        "2023-06-15",
        meetings,
        [],
        id="conditional_meeting_is_no_meeting",
    ),
    # --- meeting kind: a named kind of visit; the sidelines of a summit ---
    pytest.param(
        "Giorgia Meloni ha incontrato ieri Emmanuel Macron, in visita di Stato in Italia.",
        "2025-03-05",
        meetings,
        [(frozenset({MELONI, MACRON}), "2025-03-04", None, "visit", "current")],
        id="on_a_state_visit_is_a_visit",
    ),
    pytest.param(
        "Giorgia Meloni ha ricevuto ieri Emmanuel Macron a Palazzo Chigi, a margine del "
        "vertice sull'Ucraina.",
        "2025-03-05",
        meetings,
        [(frozenset({MELONI, MACRON}), "2025-03-04", "Rome", "bilateral", "current")],
        id="reception_on_the_sidelines_of_a_summit_is_bilateral",
    ),
]


@pytest.mark.parametrize(("text", "published", "view", "expected"), CASES)
def test_extracts(run, text, published, view, expected):
    assert view(run(text, published)) == expected
