"""Portuguese: "se reuniu com", meetings without a named subject, "Ontem (23)"."""

import pytest

from tests.extraction.helpers import direct, indirect, meetings

LULA = "Luiz Inacio Lula da Silva"


# --- generalisation: passives, back-references, institutions, "Marco" ---


def test_os_dois_presidentes_back_reference(run):
    text = (
        "Lula se reuniu ontem com Joe Biden em Washington. "
        "Os dois presidentes já tinham conversado por telefone em novembro."
    )
    assert [(m[1], m[3], m[4]) for m in meetings(run(text, "2023-02-11"))] == [
        ("2023-02-10", "bilateral", "current"),
        ("2022-11", "call", "past"),
    ]


def test_ministry_name_is_not_a_person_and_marco_is_not_march(run):
    text = "O ministro das Relações Exteriores, Tiago Valadares, falou com Marco Rubio."
    result = run(text, "2023-02-11")
    assert (
        [(x.name, x.known) for x in result.leaders],
        [m[1] for m in meetings(result)],
    ) == ([("Tiago Valadares", False), ("Marco Rubio", True)], ["2023-02-11"])


def test_chamber_name_is_not_a_person(run):
    text = (
        "Gabriel Boric se reuniu com o presidente da Câmara dos Deputados, Vicente Amaral, "
        "em Brasília."
    )
    result = run(text, "2025-04-10")
    assert [(x.name, x.known) for x in result.leaders] == [
        ("Gabriel Boric", True),
        ("Vicente Amaral", False),
    ]


def test_offer_of_a_venue_and_a_denial_are_no_meetings(run):
    offer = (
        "Lula ofereceu o Brasil como sede para negociações entre Vladimir Putin e "
        "Volodymyr Zelensky."
    )
    denial = "O Kremlin negou que Vladimir Putin tenha conversado com Donald Trump."
    assert (meetings(run(offer, "2025-03-05")), meetings(run(denial, "2025-03-05"))) == ([], [])


def test_head_of_government_role_received_by_the_president(run):
    text = (
        "Alexis Tsipras reuniu-se com António Costa. À tarde, o chefe do Governo grego foi "
        "ainda recebido pelo Presidente da República, Marcelo Rebelo de Sousa."
    )
    assert [(m[0], m[1]) for m in meetings(run(text, "2016-06-03"))][-1:] == [
        (frozenset({"Alexis Tsipras", "Marcelo Rebelo de Sousa"}), "2016-06-03")
    ]


# --- meeting kind: honours of a reception ---


def test_long_name_cut_to_its_first_word(run):
    text = (
        "O Presidente Marcelo Rebelo de Sousa foi recebido na terça-feira em Maputo pelo "
        "Presidente Daniel Chapo. Marcelo, que se fez acompanhar pelo ministro Paulo Rangel, "
        "esteve reunido com Chapo durante uma hora."
    )
    people = {"Marcelo Rebelo de Sousa", "Daniel Chapo", "Paulo Rangel"}
    assert meetings(run(text, "2025-06-26")) == [
        (frozenset(people), "2025-06-24", "Maputo", "visit", "current")
    ]


def test_each_leader_after_a_with_of_its_own_is_met_apart(run):
    text = (
        "Lula abriu neste domingo (6) a cúpula no Rio de Janeiro.\n\n"
        "Mais tarde, o petista se encontrou com Cyril Ramaphosa e com Prabowo Subianto."
    )
    lula = "Luiz Inacio Lula da Silva"
    assert meetings(run(text, "2025-07-07")) == [
        (frozenset({lula, "Cyril Ramaphosa"}), "2025-07-06", None, "bilateral", "current"),
        (frozenset({lula, "Prabowo Subianto"}), "2025-07-06", None, "bilateral", "current"),
    ]


# One case per row: the text, its publication date, what is compared (meetings,
# direct or indirect statements) and the whole value expected.
CASES = [
    pytest.param(
        "Lula manteve encontros bilaterais nesta terça-feira (24) em Buenos Aires. "
        "Ontem (23), teve encontro com o presidente do país, Alberto Fernández.",
        "2023-01-24",
        meetings,
        [
            (
                frozenset({LULA, "Alberto Fernandez"}),
                "2023-01-23",
                "Buenos Aires",
                "bilateral",
                "past",
            )
        ],
        id="yesterday_with_day_in_brackets_is_a_past_meeting",
    ),
    pytest.param(
        "Lula está em Buenos Aires para a cúpula. "
        "Outro encontro bilateral do dia ocorreu com o presidente de Cuba, Miguel Díaz-Canel.",
        "2023-01-24",
        meetings,
        [
            (
                frozenset({LULA, "Miguel Diaz-Canel"}),
                "2023-01-24",
                "Buenos Aires",
                "bilateral",
                "current",
            )
        ],
        id="meeting_with_only_the_other_party_named",
    ),
    pytest.param(
        "Lula falou com jornalistas. “O Brasil voltou”, disse o governante brasileiro.",
        "2023-01-24",
        direct,
        [(LULA, "O Brasil voltou")],
        id="speaker_after_quote_by_role",
    ),
    # --- generalisation: passives, back-references, institutions, "Marco" ---
    pytest.param(
        "Lula foi recebido ontem na Casa Branca pelo presidente Joe Biden.",
        "2023-02-11",
        meetings,
        [(frozenset({LULA, "Joe Biden"}), "2023-02-10", "Washington", "visit", "current")],
        id="passive_reception_pelo_presidente",
    ),
    pytest.param(
        "Lula disse que o Brasil quer a paz na Ucrânia.",
        "2023-02-11",
        indirect,
        [(LULA, "Lula disse que o Brasil quer a")],
        id="disse_que_is_reported_speech",
    ),
    pytest.param(
        "Lula recebeu nesta terça-feira, no Palácio do Planalto, o presidente francês "
        "Emmanuel Macron.",
        "2025-03-05",
        meetings,
        [(frozenset({LULA, "Emmanuel Macron"}), "2025-03-04", "Brasilia", "visit", "current")],
        id="reception_with_time_and_venue_between_commas",
    ),
    pytest.param(
        "Donald Trump designou Marco Rubio para conduzir as negociações com o chanceler "
        "Mauro Vieira.",
        "2025-10-07",
        meetings,
        [],
        id="talks_for_a_purpose_are_not_a_meeting",
    ),
    pytest.param(
        "A primeira reunião entre Marco Rubio e Mauro Vieira ainda não tem data.",
        "2025-10-07",
        meetings,
        [],
        id="meeting_without_a_date_yet_is_not_a_meeting",
    ),
    # --- third round: cancellations, possessors, video calls, adjectives ---
    pytest.param(
        "O encontro bilateral com o presidente sul-africano, Cyril Ramaphosa, que chegou a "
        "constar da agenda, acabou cancelado. Lula falou com a imprensa.",
        "2025-07-08",
        meetings,
        [],
        id="meeting_noun_cancelled_after_an_insertion",
    ),
    pytest.param(
        "Lula conversou por telefone com Gustavo Petro sobre o impasse aberto pela reeleição "
        "de Nicolás Maduro.",
        "2024-08-01",
        meetings,
        [(frozenset({LULA, "Gustavo Petro"}), "2024-08-01", None, "call", "current")],
        id="leader_owning_a_thing_is_no_party",
    ),
    pytest.param(
        "Lula e Donald Trump conversaram por videoconferência nesta segunda-feira.",
        "2025-10-07",
        meetings,
        [(frozenset({LULA, "Donald Trump"}), "2025-10-06", None, "call", "current")],
        id="videoconference_is_a_call",
    ),
    pytest.param(
        "O chefe de Estado moçambicano, Daniel Chapo, recebeu Marcelo Rebelo de Sousa. O chefe "
        'de Estado moçambicano afirmou que a independência "foi conquistada com sangue".',
        "2025-06-25",
        direct,
        [("Daniel Chapo", "foi conquistada com sangue")],
        id="country_adjective_names_the_speaker",
    ),
    pytest.param(
        "Questionado sobre a eleição, António Costa disse esperar encontrar-se com Donald "
        "Trump o mais cedo possível.",
        "2024-12-01",
        indirect,
        [("António Costa", "Questionado sobre a eleição, A")],
        id="disse_with_an_infinitive_is_reported_speech",
    ),
    pytest.param(
        'Pedro Sánchez recebeu Luís Montenegro em Madrid. "Somos a prova de que a Península '
        'Ibérica pode ser uma ilha de estabilidade", disse o chefe do Executivo espanhol.',
        "2024-10-23",
        direct,
        [
            (
                "Pedro Sanchez",
                "Somos a prova de que a Península Ibérica pode ser uma ilha de estabilidade",
            )
        ],
        id="description_with_a_country_after_the_quote",
    ),
    pytest.param(
        "Lula convidou Emmanuel Macron para uma reunião em Brasília.",
        "2023-06-15",
        meetings,
        [],
        id="invitation_to_a_meeting_is_no_meeting",
    ),
    pytest.param(
        "Lula se encontraria com Emmanuel Macron em Paris.",
        "2023-06-15",
        meetings,
        [],
        id="conditional_meeting_is_no_meeting",
    ),
    # --- meeting kind: honours of a reception ---
    pytest.param(
        "Lula foi recebido na quinta-feira por Emmanuel Macron com honras militares.",
        "2025-03-07",
        meetings,
        [(frozenset({LULA, "Emmanuel Macron"}), "2025-03-06", None, "visit", "current")],
        id="received_with_military_honours_is_a_visit",
    ),
]


@pytest.mark.parametrize(("text", "published", "view", "expected"), CASES)
def test_extracts(run, text, published, view, expected):
    assert view(run(text, published)) == expected
