"""Spanish: "se reunieron este martes", "según X", quotes after "dijo"."""

import pytest

from tests.extraction.helpers import direct, indirect, meetings, planned

MADURO, PETRO = "Nicolás Maduro", "Gustavo Petro"


# --- generalisation: negation, back-references, receptions, institutions ---


def test_tampoco_ha_conversado_is_no_meeting(run):
    result = run("Claudia Sheinbaum tampoco ha conversado todavía con Xi Jinping.", "2025-02-05")
    assert (meetings(result), planned(result)) == ([], [])


def test_ambos_mandatarios_back_reference(run):
    text = (
        "Gustavo Petro recibió el martes a Gabriel Boric en Bogotá. "
        "Ambos mandatarios ya habían conversado en enero en Caracas."
    )
    assert [(m[0], m[1], m[2]) for m in meetings(run(text, "2025-02-05"))] == [
        (frozenset({"Gustavo Petro", "Gabriel Boric"}), "2025-02-04", "Bogota"),
        (frozenset({"Gustavo Petro", "Gabriel Boric"}), "2025-01", "Caracas"),
    ]


def test_reception_with_venue_and_role_before_the_guest(run):
    text = (
        "Pedro Sánchez recibió el martes en el Palacio de la Moncloa a su homólogo "
        "portugués, Luís Montenegro."
    )
    assert [(sorted(m[0]), m[1], m[3]) for m in meetings(run(text, "2025-02-05"))] == [
        (["Luís Montenegro", "Pedro Sanchez"], "2025-02-04", "visit")
    ]


def test_ministry_name_is_not_a_person(run):
    text = (
        "El ministro de Asuntos Exteriores, Tomás Valderrey, se reunió con Marco Rubio en Madrid."
    )
    result = run(text, "2025-02-05")
    assert [(x.name, x.known) for x in result.leaders] == [
        ("Tomás Valderrey", False),
        ("Marco Rubio", True),
    ]


def test_ruled_out_meeting_and_colon_quote_of_the_subject(run):
    text = (
        "Claudia Sheinbaum descartó un encuentro en persona con Donald Trump: "
        "“Cuando sea posible, lo haremos”."
    )
    result = run(text, "2025-02-04")
    assert (meetings(result), planned(result), direct(result)) == (
        [],
        [],
        [("Claudia Sheinbaum", "Cuando sea posible, lo haremos")],
    )


def test_se_habian_reunido_and_la_jefa_del_gobierno(run):
    text = (
        "Javier Milei fue recibido el miércoles en Roma por Giorgia Meloni. La jefa del "
        "Gobierno italiano aseguró que ambos países comparten valores. Milei y Meloni ya se "
        "habían reunido en diciembre en Buenos Aires."
    )
    result = run(text, "2025-06-12")
    assert ([m[1] for m in meetings(result)], [s[0] for s in indirect(result)]) == (
        ["2025-06-11", "2024-12"],
        ["Giorgia Meloni"],
    )


def test_sendos_encuentros_are_one_meeting_per_guest(run):
    text = (
        "Al margen de la cumbre, Ursula von der Leyen mantuvo sendos encuentros bilaterales "
        "con Lula y con el anfitrión, Luis Lacalle Pou."
    )
    assert sorted(sorted(m[0]) for m in meetings(run(text, "2024-12-07"))) == [
        ["Luis Lacalle Pou", "Ursula von der Leyen"],
        ["Luiz Inacio Lula da Silva", "Ursula von der Leyen"],
    ]


# --- third round: video calls, conditionals ---


def test_conditional_meeting_is_only_planned(run):
    text = "Javier Milei dijo que se habría reunido con Lula en otras circunstancias."
    extraction = run(text, "2024-11-18")
    assert meetings(extraction) == []
    assert planned(extraction) == [
        (frozenset({"Javier Milei", "Luiz Inacio Lula da Silva"}), "2024-11-18")
    ]


# --- the host after the verb, a relative of a leader present at the meeting ---


def test_other_first_name_before_a_leaders_surname_is_someone_else(run):
    text = (
        "Gustavo Petro recibió el martes en Bogotá a Gabriel Boric. Al encuentro asistieron "
        "también la secretaria general de la Presidencia, Laura Petro, y el canciller, Luis "
        "Gilberto Murillo."
    )
    people = {"Gustavo Petro", "Gabriel Boric", "Laura Petro", "Luis Gilberto Murillo"}
    assert meetings(run(text, "2024-05-08")) == [
        (frozenset(people), "2024-05-07", "Bogota", "visit", "current")
    ]


def test_ambos_dirigentes_back_reference_across_paragraphs_and_korean_surname(run):
    text = (
        "Shigeru Ishiba recibió el sábado en Tokio a Lee Jae-myung.\n\n"
        "Lee elogió la cooperación en seguridad.\n\n"
        "Ambos dirigentes ya se habían reunido en junio en Kananaskis."
    )
    pair = frozenset({"Shigeru Ishiba", "Lee Jae-myung"})
    assert meetings(run(text, "2025-08-24")) == [
        (pair, "2025-08-23", "Tokyo", "visit", "current"),
        (pair, "2025-06", "Kananaskis", "bilateral", "past"),
    ]


# One case per row: the text, its publication date, what is compared (meetings,
# direct or indirect statements) and the whole value expected.
CASES = [
    pytest.param(
        "Nicolás Maduro y Gustavo Petro se reunieron este martes en Caracas.",
        "2022-11-03",
        meetings,
        [(frozenset({MADURO, PETRO}), "2022-11-01", "Caracas", "bilateral", "current")],
        id="meeting_this_tuesday_in_caracas",
    ),
    pytest.param(
        'Según Maduro, el diálogo incluyó "los nuevos pasos hacia la apertura de la frontera".',
        "2022-11-01",
        direct,
        [(MADURO, "los nuevos pasos hacia la apertura de la frontera")],
        id="according_to_introduces_the_quote",
    ),
    pytest.param(
        'Los presidentes consideran que la selva "está en peligro" y piden una "política común".',
        "2022-11-01",
        direct,
        [],
        id="joint_quote_of_both_presidents_has_no_single_speaker",
    ),
    pytest.param(
        "Nicolás Maduro no se reunió con Gustavo Petro en Bogotá.",
        "2022-08-08",
        meetings,
        [],
        id="not_attending_is_not_a_meeting",
    ),
    pytest.param(
        "La reunión entre Nicolás Maduro y Gustavo Petro se celebrará en Caracas.",
        "2022-10-25",
        meetings,
        [],
        id="meeting_in_the_future_tense_is_not_a_meeting",
    ),
    # --- generalisation: negation, back-references, receptions, institutions ---
    pytest.param(
        "Pedro Sánchez dijo que España seguirá apoyando a Ucrania.",
        "2025-02-05",
        indirect,
        [("Pedro Sanchez", "Pedro Sánchez dijo que España ")],
        id="dijo_que_is_reported_speech",
    ),
    pytest.param(
        "Claudia Sheinbaum habló el lunes con Donald Trump. "
        "“Fue una buena conversación”, escribió la mandataria en sus redes.",
        "2025-02-04",
        direct,
        [("Claudia Sheinbaum", "Fue una buena conversación")],
        id="la_mandataria_after_the_quote",
    ),
    pytest.param(
        "Pedro Sánchez se reunió el martes con Emmanuel Macron en Madrid.\n"
        "—Seguiremos trabajando juntos por Europa —dijo Sánchez—.",
        "2025-03-05",
        direct,
        [("Pedro Sanchez", "Seguiremos trabajando juntos por Europa")],
        id="dialogue_dashes_are_a_quotation",
    ),
    pytest.param(
        "El Kremlin negó que Vladimir Putin haya hablado con Donald Trump.",
        "2025-03-05",
        meetings,
        [],
        id="denied_call_is_no_meeting",
    ),
    # --- third round: video calls, conditionals ---
    pytest.param(
        "Los presidentes Lula y Gustavo Petro mantuvieron ayer una videoconferencia.",
        "2024-08-15",
        meetings,
        [(frozenset({"Luiz Inacio Lula da Silva", PETRO}), "2024-08-14", None, "call", "current")],
        id="videoconference_is_a_call",
    ),
    pytest.param(
        "Jens Stoltenberg, por su parte, descartó reunirse con Vladimir Putin mientras dure "
        "la guerra.",
        "2023-03-01",
        indirect,
        [("Jens Stoltenberg", "Jens Stoltenberg, por su parte")],
        id="ruling_out_reports_a_position",
    ),
    pytest.param(
        "“Tuvimos una buena conversación”, escribió Claudia Sheinbaum en sus redes sociales. "
        "Según explicó después en su conferencia matutina, México enviará 10.000 elementos.",
        "2025-02-04",
        indirect,
        [("Claudia Sheinbaum", "Según explicó después en su co")],
        id="segun_with_a_verb_is_the_last_speaker",
    ),
    pytest.param(
        "El portavoz del Ejecutivo japonés, Yoshimasa Hayashi, explicó esta mañana que Tokio "
        "no ha recibido ninguna petición.",
        "2025-08-25",
        indirect,
        [("Yoshimasa Hayashi", "El portavoz del Ejecutivo japo")],
        id="spokesperson_unknown_to_the_knowledge_base_reports",
    ),
    pytest.param(
        "Pedro Sánchez se reunió con Xi Jinping en Pekín. Tras la reunión, el jefe del "
        "Ejecutivo aseguró que España apuesta por “unas relaciones más equilibradas” con China.",
        "2025-04-12",
        direct,
        [("Pedro Sanchez", "unas relaciones más equilibradas")],
        id="jefe_del_ejecutivo_is_the_head_of_government_named_before",
    ),
    pytest.param(
        "Pedro Sánchez invitó a Emmanuel Macron a una reunión en Madrid.",
        "2023-06-15",
        meetings,
        [],
        id="invitation_to_a_meeting_is_no_meeting",
    ),
    pytest.param(
        "Pedro Sánchez se reuniría con Emmanuel Macron el viernes.",
        "2023-06-15",
        meetings,
        [],
        id="conditional_meeting_is_no_meeting",
    ),
    # --- meeting kind: honours make a visit; both sides as subject at a palace do not ---
    pytest.param(
        "Pedro Sánchez fue recibido este jueves con honores militares por el presidente "
        "argentino Javier Milei.",
        "2024-08-30",
        meetings,
        [(frozenset({"Pedro Sanchez", "Javier Milei"}), "2024-08-29", None, "visit", "current")],
        id="received_with_military_honours_is_a_visit",
    ),
    pytest.param(
        "Gustavo Petro y Nicolás Maduro se reunieron este martes en el palacio presidencial "
        "de Miraflores.",
        "2022-11-02",
        meetings,
        [(frozenset({PETRO, MADURO}), "2022-11-01", None, "bilateral", "current")],
        id="both_sides_meeting_at_the_presidential_palace_is_bilateral",
    ),
    # --- the host after the verb, a relative of a leader present at the meeting ---
    pytest.param(
        "Recibió el presidente colombiano, Gustavo Petro, a su homólogo chileno, Gabriel Boric, "
        "este martes en Bogotá.",
        "2024-05-08",
        meetings,
        [
            (
                frozenset({"Gustavo Petro", "Gabriel Boric"}),
                "2024-05-07",
                "Bogota",
                "visit",
                "current",
            )
        ],
        id="host_after_the_verb_and_guest_after_personal_a",
    ),
]


@pytest.mark.parametrize(("text", "published", "view", "expected"), CASES)
def test_extracts(run, text, published, view, expected):
    assert view(run(text, published)) == expected
