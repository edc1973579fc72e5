"""Phenomena of real articles the engine must generalise over (issue #14), each in the
languages where it occurs, in our own wording."""

import pytest

from tests.extraction.helpers import direct, meetings, planned

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


PUTIN, TRUMP = "Vladimir Putin", "Donald Trump"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Vladimir Putin held a phone call with Donald Trump. The Kremlin aide Yuri Ushakov "
            "told reporters about it.\n\nHe noted that the talks lasted about an hour. Ushakov "
            "added that during the conversation Trump again voiced interest in a ceasefire.",
        ),
        (
            "ru",
            "Владимир Путин провел телефонный разговор с Дональдом Трампом. Об этом сообщил "
            "помощник президента Юрий Ушаков.\n\nОн отметил, что переговоры продлились около "
            "часа. Ушаков добавил, что в ходе беседы Трамп вновь выразил заинтересованность в "
            "прекращении огня.",
        ),
        (
            "ro",
            "Vladimir Putin a avut o convorbire telefonică cu Donald Trump. Anunțul a fost "
            "făcut de consilierul Iuri Ușakov.\n\nEl a precizat că discuția a durat aproximativ "
            "o oră. Ușakov a adăugat că, în timpul convorbirii, Trump și-a exprimat din nou "
            "interesul pentru un armistițiu.",
        ),
        (
            "de",
            "Wladimir Putin hat mit Donald Trump telefoniert. Das teilte der Berater Juri "
            "Uschakow mit.\n\nEr sagte, das Telefonat habe etwa eine Stunde gedauert. Uschakow "
            "fügte hinzu, dass Trump während des Gesprächs erneut Interesse an einer Waffenruhe "
            "bekundet habe.",
        ),
    ],
)
def test_a_spokesman_reporting_a_call_is_not_a_party_to_it(run, language, text):
    found = run(text, "2026-03-09")
    assert [(m[0], m[1], m[3]) for m in meetings(found)] == [
        (frozenset({PUTIN, TRUMP}), "2026-03-09", "call")
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            'Donald Trump may see Vladimir Putin this week. "No meeting was ever confirmed," '
            'said Sarah Sanders, the White House press secretary. "They will be in the same '
            'place," Sarah Sanders added.\n\nThe two leaders held talks in Vietnam on Friday.',
        ),
        (
            "fr",
            "Donald Trump pourrait voir Vladimir Poutine cette semaine. « Aucune rencontre n'a "
            "été confirmée », a lancé Sarah Sanders, porte-parole de la Maison-Blanche. « Ils "
            "seront au même endroit », a affirmé Sarah Sanders.\n\nLes deux dirigeants se sont "
            "entretenus vendredi au Vietnam.",
        ),
    ],
)
def test_the_two_leaders_are_never_a_press_secretary(run, language, text):
    found = run(text, "2017-11-10")
    assert [(m[0], m[1]) for m in meetings(found)] == [(frozenset({PUTIN, TRUMP}), "2017-11-10")]


ZELENSKY, DAN = "Volodymyr Zelensky", "Nicusor Dan"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ro",
            "Președintele ucrainean, Volodimir Zelenski, a fost primit oficial de Nicușor Dan "
            "la Palatul Cotroceni.",
        ),
        (
            "it",
            "Il presidente ucraino, Volodymyr Zelensky, è stato ricevuto ufficialmente da "
            "Nicusor Dan al Palazzo Cotroceni.",
        ),
        (
            "en",
            "Ukrainian President Volodymyr Zelensky was officially received by Nicusor Dan at "
            "the Cotroceni Palace.",
        ),
        (
            "fr",
            "Le président ukrainien, Volodymyr Zelensky, a été reçu officiellement par Nicusor "
            "Dan au palais Cotroceni.",
        ),
    ],
)
def test_an_adverb_between_received_and_its_agent_keeps_the_agent_a_party(run, language, text):
    found = run(text, "2026-03-12")
    assert [(m[0], m[1], m[3]) for m in meetings(found)] == [
        (frozenset({ZELENSKY, DAN}), "2026-03-12", "visit")
    ]


@pytest.mark.parametrize(
    "text",
    [
        'Donald Trump said Monday he "probably" won\'t be meeting with Vladimir Putin in Paris.',
        "Donald Trump didn't meet Vladimir Putin in Paris on Sunday.",
        "Donald Trump said he wouldn’t sit down with Vladimir Putin in Paris.",
    ],
)
def test_a_meeting_negated_by_a_contracted_not_is_no_meeting(run, text):
    found = run(text, "2018-11-05")
    assert meetings(found) == []
    assert found.planned_meetings == []


def test_a_contracted_not_after_the_meeting_leaves_it_held(run):
    found = run(
        "Donald Trump met Vladimir Putin in Paris on Sunday, but they didn't sign.", "2018-11-05"
    )
    assert [(m[0], m[1]) for m in meetings(found)] == [(frozenset({PUTIN, TRUMP}), "2018-11-04")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "The two sides have discussed a brief meeting between Donald Trump and Vladimir "
            "Putin this coming weekend in Paris.",
        ),
        (
            "fr",
            "Les deux parties ont évoqué une brève rencontre entre Donald Trump et Vladimir "
            "Poutine le week-end prochain à Paris.",
        ),
        (
            "de",
            "Beide Seiten sprachen über ein kurzes Treffen zwischen Donald Trump und Wladimir "
            "Putin am kommenden Wochenende in Paris.",
        ),
        (
            "es",
            "Ambas partes hablaron de una breve reunión entre Donald Trump y Vladimir Putin el "
            "próximo fin de semana en París.",
        ),
    ],
)
def test_a_meeting_next_weekend_is_planned(run, language, text):
    found = run(text, "2018-11-05")
    assert meetings(found) == []
    assert [frozenset(m.participants) for m in found.planned_meetings] == [
        frozenset({PUTIN, TRUMP})
    ]


SCHRODER, CHIRAC = "Gerhard Schröder", "Jacques Chirac"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "de",
            "Die Geheimdienste würden zusammenarbeiten, sagte Bundeskanzler Gerhard Schröder "
            "nach einem Treffen mit den Präsidenten Wladimir Putin und Jacques Chirac am "
            "Dienstag in Sotschi.",
        ),
        (
            "en",
            "Intelligence services will cooperate, Chancellor Gerhard Schröder said after a "
            "meeting with Presidents Vladimir Putin and Jacques Chirac on Tuesday in Sochi.",
        ),
        (
            "fr",
            "Les services coopéreront, a déclaré le chancelier Gerhard Schröder après une "
            "rencontre avec les présidents Vladimir Poutine et Jacques Chirac mardi à Sotchi.",
        ),
        (
            "es",
            "Los servicios cooperarán, dijo el canciller Gerhard Schröder tras una reunión con "
            "los presidentes Vladimir Putin y Jacques Chirac el martes en Sochi.",
        ),
    ],
)
def test_the_speaker_after_a_meeting_with_a_list_met_them_all(run, language, text):
    """The future of what was said does not make the meeting after ', said X' planned,
    and X, who met those after 'with', is a party though he reports."""
    found = run(text, "2004-09-01")
    assert [(m[0], m[1], m[3]) for m in meetings(found)] == [
        (frozenset({SCHRODER, PUTIN, CHIRAC}), "2004-08-31", "multilateral")
    ]


def test_a_future_before_the_meeting_word_in_the_same_saying_keeps_it_planned(run):
    found = run("Gerhard Schröder said he will meet Vladimir Putin on Tuesday.", "2004-08-30")
    assert meetings(found) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "de",
            "Man stehe eng an der Seite der Ukraine, sagte Olaf Scholz in einer gemeinsamen "
            "Pressekonferenz mit Emmanuel Macron und Donald Tusk.",
            {SCHOLZ, MACRON, "Donald Tusk"},
        ),
        (
            "en",
            "We stand with Ukraine, Olaf Scholz said at a joint press conference with Emmanuel "
            "Macron and Donald Tusk.",
            {SCHOLZ, MACRON, "Donald Tusk"},
        ),
        (
            "it",
            "Olaf Scholz e Emmanuel Macron hanno tenuto una conferenza stampa congiunta.",
            {SCHOLZ, MACRON},
        ),
        (
            "ru",
            "Олаф Шольц заявил на совместной пресс-конференции с Эммануэлем Макроном, что "
            "Европа едина.",
            {SCHOLZ, MACRON},
        ),
        (
            "ro",
            "Klaus Iohannis și Andrzej Duda au susținut o conferință de presă comună.",
            {"Klaus Iohannis", "Andrzej Duda"},
        ),
    ],
)
def test_a_joint_press_conference_is_a_meeting_of_those_who_held_it(run, language, text, expected):
    found = run(text, "2024-03-15")
    assert [m[0] for m in meetings(found)] == [frozenset(expected)]


@pytest.mark.parametrize(
    "text",
    [
        "Vor dem Dreier-Treffen hatte Olaf Scholz zunächst ein Gespräch mit Emmanuel Macron "
        "geführt.",
        "Vor dem Treffen in Paris hatte Olaf Scholz ein Gespräch mit Emmanuel Macron geführt.",
        "Nach dem Treffen der Minister telefonierte Olaf Scholz mit Emmanuel Macron.",
    ],
)
def test_the_noun_treffen_is_not_the_future_verb_treffen(run, text):
    found = run(text, "2024-03-15")
    assert [(m[0], m[1]) for m in meetings(found)] == [(frozenset({SCHOLZ, MACRON}), "2024-03-15")]


def test_the_verb_treffen_after_a_modal_stays_planned(run):
    found = run("Olaf Scholz will am Freitag Emmanuel Macron treffen.", "2024-03-15")
    assert meetings(found) == []
    assert [frozenset(m.participants) for m in found.planned_meetings] == [
        frozenset({SCHOLZ, MACRON})
    ]


ERDOGAN, MELONI = "Recep Tayyip Erdogan", "Giorgia Meloni"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("it", "La presidente del Consiglio Giorgia Meloni incontra Recep Tayyip Erdogan a Roma."),
        ("es", "Giorgia Meloni se reúne hoy con Recep Tayyip Erdogan en Roma."),
        ("ro", "Giorgia Meloni se întâlnește astăzi cu Recep Tayyip Erdogan la Roma."),
        ("de", "Giorgia Meloni trifft heute in Rom Recep Tayyip Erdogan."),
        ("fr", "Giorgia Meloni s'entretient aujourd'hui avec Recep Tayyip Erdogan à Rome."),
    ],
)
def test_a_meeting_told_in_the_present_tense_is_held_today(run, language, text):
    found = run(text, "2025-08-01")
    assert [(m[0], m[1]) for m in meetings(found)] == [(frozenset({MELONI, ERDOGAN}), "2025-08-01")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("it", "Giorgia Meloni riceve una lettera da Recep Tayyip Erdogan."),
        ("es", "Giorgia Meloni recibe una carta de Recep Tayyip Erdogan."),
        ("en", "Giorgia Meloni receives a letter from Recep Tayyip Erdogan."),
    ],
)
def test_receiving_a_thing_in_the_present_tense_is_no_meeting(run, language, text):
    assert meetings(run(text, "2025-08-01")) == []


# --- Quotations whose speaker is named away from the marks ------------------------------

LULA = "Luiz Inacio Lula da Silva"


@pytest.mark.parametrize(
    ("language", "text", "quote"),
    [
        (
            "en",
            "Olaf Scholz spent the afternoon with farmers in Brandenburg.\n"
            '"We will protect the harvest whatever the weather brings."',
            "We will protect the harvest whatever the weather brings.",
        ),
        (
            "ro",
            "Olaf Scholz a explicat că s-a ocupat de două probleme. "
            '"Am avut de reparat bugetul", "apoi de liniștit coaliția", precum și de '
            "alte lucruri mărunte.",
            "Am avut de reparat bugetul",
        ),
    ],
)
def test_a_quotation_standing_alone_is_the_leader_of_the_sentence_before(
    run, language, text, quote
):
    found = run(text, "2024-05-02")
    assert (SCHOLZ, quote) in direct(found)


def test_a_quotation_opening_a_sentence_attributed_to_an_institution_is_no_leaders(run):
    text = (
        "Pedro Sánchez se reunió el lunes con Emmanuel Macron en París.\n"
        "“Los dos presidentes hablaron de energía y de agricultura”, difundió la "
        "Presidencia en un comunicado."
    )
    assert direct(run(text, "2024-05-06")) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Emmanuel Macron is expected at the summit.\n\n"
            '"Nothing has been agreed for Friday yet" in Brussels, Olaf Scholz said.',
        ),
        (
            "fr",
            "Emmanuel Macron est attendu au sommet.\n\n"
            "« Rien n'est encore décidé pour vendredi, a déclaré Olaf Scholz devant la presse. "
            "Nous verrons demain. »",
        ),
    ],
)
def test_an_attribution_later_in_the_sentence_or_inside_the_marks_names_the_speaker(
    run, language, text
):
    found = run(text, "2024-05-02")
    assert [speaker for speaker, _ in direct(found)] == [SCHOLZ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Lula a reçu la presse à Brasilia. Selon lui, c'est « l'Europe qui bloque tout »."),
        (
            "es",
            "Lula recibió a la prensa en Brasilia. Según él, es «Europa la que lo bloquea todo».",
        ),
        (
            "it",
            "Lula ha ricevuto la stampa a Brasilia. Secondo lui, è «l'Europa che blocca tutto».",
        ),
    ],
)
def test_according_to_him_gives_the_quotation_to_the_leader_last_spoken_of(run, language, text):
    found = run(text, "2024-05-02")
    assert [speaker for speaker, _ in direct(found)] == [LULA]


def test_a_bare_family_name_first_is_the_east_asian_leader_named_in_full_before(run):
    text = (
        "Kim Jong Il received the Japanese prime minister Junichiro Koizumi in Pyongyang. "
        "Kim told his guest the abductions were regrettable.\n"
        '"We want the relations to start again," Kim said.'
    )
    found = run(text, "2002-09-17")
    assert [speaker for speaker, _ in direct(found)] == ["Kim Jong-il"]


# --- An undated lede dated by the story below it --------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Emmanuel Macron has held talks with Olaf Scholz about the budget.\n\n"
            "The Elysee says Macron told Scholz on Tuesday that farm subsidies must stay.",
        ),
        (
            "es",
            "Emmanuel Macron mantuvo conversaciones con Olaf Scholz sobre el presupuesto.\n\n"
            "El Elíseo informó que Macron dijo a Scholz el martes que las ayudas agrícolas "
            "deben mantenerse.",
        ),
    ],
)
def test_an_undated_lede_takes_the_day_of_the_sentence_that_tells_the_talks(run, language, text):
    found = run(text, "2024-05-09")
    assert [(m[0], m[1]) for m in meetings(found)] == [(frozenset({MACRON, SCHOLZ}), "2024-05-07")]


def test_a_later_sentence_reporting_an_earlier_meeting_does_not_date_the_lede(run):
    text = (
        "Emmanuel Macron spoke by phone with Olaf Scholz about the budget.\n\n"
        "Macron had met Scholz in Berlin on Monday."
    )
    found = run(text, "2024-05-09")
    assert sorted((m[1], m[3]) for m in meetings(found)) == [
        ("2024-05-06", "bilateral"),
        ("2024-05-09", "call"),
    ]


def test_a_malaysian_leader_is_called_by_his_first_name_after_his_full_name(run):
    text = (
        "Emmanuel Macron received Malaysian Prime Minister Anwar Ibrahim at the Elysee on "
        "Thursday. Anwar thanked Macron for the welcome."
    )
    found = run(text, "2024-07-05")
    anwar = next(leader for leader in found.leaders if leader.name == "Anwar Ibrahim")
    assert len(anwar.mentions) == 2


# --- Being open to talks is no meeting; a facility is no person -------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Emmanuel Macron said on Monday he was open to talks with Olaf Scholz."),
        ("de", "Emmanuel Macron zeigte sich am Montag offen für ein Gespräch mit Olaf Scholz."),
        ("fr", "Emmanuel Macron s'est dit lundi ouvert à une rencontre avec Olaf Scholz."),
        ("es", "Emmanuel Macron se mostró el lunes abierto a un encuentro con Olaf Scholz."),
        ("it", "Emmanuel Macron si è detto lunedì aperto a un incontro con Olaf Scholz."),
    ],
)
def test_being_open_to_a_meeting_is_not_having_one(run, language, text):
    found = run(text, "2024-05-07")
    assert meetings(found) == []
    assert [p for p, _ in planned(found)] == [frozenset({MACRON, SCHOLZ})]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Emmanuel Macron was welcomed at King Fahd International Airport by Olaf Scholz "
            "on Monday.",
        ),
        (
            "fr",
            "Emmanuel Macron a été accueilli lundi au Roi Fahd Aéroport International par Olaf "
            "Scholz.",
        ),
    ],
)
def test_the_name_of_an_airport_after_a_title_is_no_person(run, language, text):
    found = run(text, "2024-05-07")
    assert sorted(leader.name for leader in found.leaders) == [MACRON, SCHOLZ]


# --- "After talks with X, S met Y": S met X too ------------------------------------------

MELONI = "Giorgia Meloni"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "it",
            "Dopo il colloquio con il presidente francese Emmanuel Macron, il cancelliere "
            "Olaf Scholz incontra anche la premier Giorgia Meloni.",
        ),
        (
            "en",
            "After talks with French President Emmanuel Macron, Chancellor Olaf Scholz also "
            "met Italian Prime Minister Giorgia Meloni.",
        ),
        (
            "fr",
            "Après un entretien avec le président Emmanuel Macron, le chancelier Olaf Scholz "
            "a également rencontré Giorgia Meloni.",
        ),
    ],
)
def test_after_talks_with_one_leader_the_subject_met_both_separately(run, language, text):
    found = run(text, "2024-05-07")
    assert sorted(sorted(m[0]) for m in meetings(found)) == [
        sorted({MACRON, SCHOLZ}),
        sorted({MELONI, SCHOLZ}),
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Olaf Scholz a passé la journée à Berlin. Il se repose : Emmanuel Macron s'est "
            "entretenu vendredi avec Giorgia Meloni.",
        ),
        (
            "en",
            "Olaf Scholz spent the day in Berlin. He is resting; Emmanuel Macron spoke on "
            "Friday with Giorgia Meloni.",
        ),
    ],
)
def test_a_pronoun_before_a_colon_is_not_a_party_of_the_meeting_after_it(run, language, text):
    found = run(text, "2024-05-11")
    assert [m[0] for m in meetings(found)] == [frozenset({MACRON, MELONI})]


# --- People the knowledge base lacks, introduced by a role ------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Los presidentes de Colombia, Ernesto Samper, y de Venezuela, Rafael Caldera, se "
            "reunieron ayer en la frontera. Samper y Caldera hablaron durante seis horas.",
        ),
        (
            "es",
            "El presidente de Colombia, Ernesto Samper, recibió ayer al presidente de "
            "Venezuela, Rafael Caldera.",
        ),
    ],
)
def test_presidents_unknown_to_the_knowledge_base_keep_the_country_of_their_office(
    run, language, text
):
    found = run(text, "1995-03-02")
    assert sorted((leader.name, leader.country) for leader in found.leaders) == [
        ("Ernesto Samper", "CO"),
        ("Rafael Caldera", "VE"),
    ]
    assert [(m[0], m[1]) for m in meetings(found)] == [
        (frozenset({"Ernesto Samper", "Rafael Caldera"}), "1995-03-01")
    ]


def test_title_case_words_of_a_headline_after_a_title_are_no_person(run):
    text = (
        "French, German Foreign Ministers Spent Two Days Together In Paris\n\n"
        "The foreign ministers met in Paris on Monday."
    )
    assert run(text, "2024-05-07").leaders == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "it",
            "Giorgia Meloni ha ricevuto a Palazzo Chigi il cancelliere Olaf Scholz. Presente "
            "all'incontro anche il viceministro degli Affari Esteri e della Cooperazione, "
            "Mario Bianchetti.",
        ),
        (
            "es",
            "Giorgia Meloni recibió en Roma al canciller Olaf Scholz. En la reunión estuvo "
            "presente también el viceministro de Asuntos Exteriores, Mario Bianchetti.",
        ),
    ],
)
def test_a_deputy_minister_present_at_the_meeting_joins_it(run, language, text):
    found = run(text, "2025-01-10")
    assert [m[0] for m in meetings(found)] == [frozenset({MELONI, SCHOLZ, "Mario Bianchetti"})]


# --- A title and a bare surname: the holder of that day ---------------------------------


@pytest.mark.parametrize(
    ("language", "text", "published", "expected"),
    [
        (
            "en",
            "President Bush received Vladimir Putin at his ranch on Wednesday. Bush said the "
            "talks went well.",
            "2001-11-15",
            "George W. Bush",
        ),
        (
            "fr",
            "Le président Bush a reçu mercredi Vladimir Poutine dans son ranch. Bush a salué "
            "des entretiens fructueux.",
            "2001-11-15",
            "George W. Bush",
        ),
        (
            "en",
            "President Bush received Mikhail Gorbachev at Camp David on Saturday.",
            "1990-06-03",
            "George H. W. Bush",
        ),
    ],
)
def test_a_title_and_a_bare_surname_is_the_office_holder_of_the_day(
    run, language, text, published, expected
):
    found = run(text, published)
    bush = [leader for leader in found.leaders if "Bush" in leader.name]
    assert [leader.name for leader in bush] == [expected]


TEMBO, MHANGO = ("Mwila Tembo", "ZM"), ("Chikondi Mhango", "MW")
RUSSIAN_TEMBO, RUSSIAN_MHANGO = ("Мвила Тембо", "ZM"), ("Чиконди Мханго", "MW")


@pytest.mark.parametrize(
    ("language", "text", "people"),
    [
        (
            "en",
            "Zambian President Mwila Tembo received Malawian President Chikondi Mhango in "
            "Lusaka on Tuesday.",
            (TEMBO, MHANGO),
        ),
        (
            "fr",
            "Le président zambien Mwila Tembo a reçu mardi à Lusaka le président malawite "
            "Chikondi Mhango.",
            (TEMBO, MHANGO),
        ),
        (
            "es",
            "El presidente zambiano Mwila Tembo recibió el martes en Lusaka al presidente "
            "malauí Chikondi Mhango.",
            (TEMBO, MHANGO),
        ),
        (
            "it",
            "Il presidente zambiano Mwila Tembo ha ricevuto martedì a Lusaka il presidente "
            "malawiano Chikondi Mhango.",
            (TEMBO, MHANGO),
        ),
        (
            "pt",
            "O presidente zambiano Mwila Tembo recebeu na terça-feira em Lusaka o presidente "
            "malawiano Chikondi Mhango.",
            (TEMBO, MHANGO),
        ),
        (
            "de",
            "Der sambische Präsident Mwila Tembo und der malawische Präsident Chikondi Mhango "
            "trafen sich am Dienstag in Lusaka.",
            (TEMBO, MHANGO),
        ),
        (
            "ro",
            "Președintele zambian Mwila Tembo l-a primit marți la Lusaka pe președintele "
            "malawian Chikondi Mhango.",
            (TEMBO, MHANGO),
        ),
        (
            "ru",
            "Президент Замбии Мвила Тембо принял во вторник в Лусаке малавийского президента "
            "Чиконди Мханго.",
            (RUSSIAN_TEMBO, RUSSIAN_MHANGO),
        ),
    ],
)
def test_a_role_with_a_country_adjective_makes_two_unknown_people_who_met(
    run, language, text, people
):
    # Neither person is in the knowledge base: the adjective beside the role ("zambien",
    # "malawiano", "sambische", "малавийского") gives each a country.
    found = run(text, "2025-03-05")
    assert (
        [m[0] for m in meetings(found)],
        sorted((x.name, x.country, x.known) for x in found.leaders),
    ) == (
        [frozenset(name for name, _ in people)],
        sorted((name, country, False) for name, country in people),
    )


# --- Talks told in the passive, and discussion verbs --------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Energy and trade were among the topics discussed by French President Emmanuel "
            "Macron and his German counterpart Olaf Scholz in Paris on Monday.",
        ),
        (
            "es",
            "La energía y el comercio fueron los temas discutidos por el presidente francés "
            "Emmanuel Macron y el canciller alemán Olaf Scholz el lunes en París.",
        ),
    ],
)
def test_topics_discussed_by_two_leaders_are_a_meeting_of_theirs(run, language, text):
    found = run(text, "2024-05-08")
    assert [(m[0], m[1]) for m in meetings(found)] == [(frozenset({MACRON, SCHOLZ}), "2024-05-06")]


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Macron and Scholz meet in Paris\n\nThe talks lasted two hours.", 1),
        ("Emmanuel Macron will meet Olaf Scholz in Paris next week.", 0),
        ("Emmanuel Macron plans to meet Olaf Scholz in Paris.", 0),
        ("Macron and Scholz to meet in Paris", 0),
    ],
)
def test_a_headline_in_the_present_meets_while_will_and_to_meet_do_not(run, text, held):
    found = run(text, "2024-05-08")
    assert len(meetings(found)) == held


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ro", "Emmanuel Macron și Olaf Scholz au avut luni mai multe întrevederi la Paris."),
        ("ru", "Эммануэль Макрон и Олаф Шольц провели в понедельник несколько встреч в Париже."),
    ],
)
def test_plural_and_case_forms_of_the_meeting_noun_are_meeting_words(run, language, text):
    found = run(text, "2024-05-08")
    assert [(m[0], m[1]) for m in meetings(found)] == [(frozenset({MACRON, SCHOLZ}), "2024-05-06")]


def test_a_straight_opening_mark_closed_by_a_curly_one_ends_the_quotation_there(run):
    text = (
        "Emmanuel Macron is expected in Paris.\n\n"
        '"Nothing has been agreed for Friday yet” in Brussels, Olaf Scholz said. “We will '
        'talk again next week and see where we stand."'
    )
    found = run(text, "2024-05-07")
    assert direct(found) == [
        (SCHOLZ, "Nothing has been agreed for Friday yet"),
        (SCHOLZ, "We will talk again next week and see where we stand."),
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "El presidente Emmanuel Macron suspendió la cumbre prevista en París. Esto, después "
            "de que el parlamento no le permitió al canciller Olaf Scholz viajar a Francia.\n\n"
            "“Tendremos que buscar otra fecha para la reunión”, comentó en la rueda de prensa.",
        ),
        (
            "en",
            "President Emmanuel Macron called off the summit planned in Paris. This came after "
            "parliament refused permission to Chancellor Olaf Scholz to travel to France.\n\n"
            '"We will have to find another date for the meeting," he told reporters.',
        ),
    ],
)
def test_a_pronoun_speaker_skips_a_sentence_whose_leader_is_only_an_object(run, language, text):
    found = run(text, "2022-11-21")
    assert [speaker for speaker, _ in direct(found)] == [MACRON]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "de",
            "Regierungschef Olaf Scholz hatte Emmanuel Macron zuvor eine klare Absage erteilt: "
            "„Für ein solches Treffen fehlen derzeit die gemeinsamen Themen.“",
        ),
    ],
)
def test_the_object_of_the_verb_before_a_colon_does_not_speak(run, language, text):
    found = run(text, "2024-11-15")
    assert [speaker for speaker, _ in direct(found)] == [SCHOLZ]


def test_a_leader_met_before_the_speech_verb_does_not_speak_for_its_subject(run):
    text = (
        "Das Gespräch sei offen gewesen, sagte Scholz am Montag nach einem Treffen mit seinem "
        "französischen Amtskollegen Emmanuel Macron vor Journalisten und fügte an: „Wir "
        "brauchen jetzt mehr Tempo bei der Verteidigung.“"
    )
    found = run(text, "2024-05-07")
    assert [speaker for speaker, _ in direct(found)] == [SCHOLZ]
