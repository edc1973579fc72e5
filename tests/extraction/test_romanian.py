"""Romanian: quotes in „…”, speakers after quotes and as pronouns, roles, demonyms, dates."""

from tests.extraction.helpers import direct, meetings, statements

PUTIN, XI, KIM = "Vladimir Putin", "Xi Jinping", "Kim Jong Un"


def test_quote_after_speaker(run):
    text = "Vladimir Putin a declarat: „Relațiile noastre sunt excelente.”"
    assert direct(run(text, "2025-09-03")) == [(PUTIN, "Relațiile noastre sunt excelente.")]


def test_speaker_after_quote(run):
    text = "„Vom continua dialogul”, a spus Vladimir Putin la Moscova."
    assert direct(run(text, "2025-09-03")) == [(PUTIN, "Vom continua dialogul")]


def test_speaker_as_pronoun(run):
    text = (
        "Vladimir Putin a vorbit cu jurnaliștii. "
        "„Suntem pregătiți pentru negocieri serioase”, a mai spus el."
    )
    assert direct(run(text, "2025-09-03")) == [
        (PUTIN, "Suntem pregătiți pentru negocieri serioase")
    ]


def test_quote_continuing_previous_speaker(run):
    text = "„Nu avem nimic de ascuns”, a spus Vladimir Putin. „Vom publica totul.”"
    assert direct(run(text, "2025-09-03")) == [
        (PUTIN, "Nu avem nimic de ascuns"),
        (PUTIN, "Vom publica totul."),
    ]


def test_name_right_before_quote_is_narration_not_speaker(run):
    text = "Agenția TASS a scris că Putin „a discutat despre economie în detaliu”."
    assert direct(run(text, "2025-09-03")) == []


def test_genitive_lui_is_not_the_speaker(run):
    text = "Un consilier al lui Putin, Iuri Ușakov, a spus: „Totul a decurs normal în capitală.”"
    assert direct(run(text, "2025-09-03")) == [
        ("Yuri Ushakov", "Totul a decurs normal în capitală.")
    ]


def test_indirect_speech(run):
    text = "Kim Jong Un a afirmat că relațiile cu Moscova s-au consolidat."
    assert statements(run(text, "2025-09-03")) == [
        (KIM, "Kim Jong Un a afirmat că relațiile cu Moscova s-au consolidat.", "indirect")
    ]


def test_meeting_with_weekday_and_role_and_capital(run):
    text = (
        "Vladimir Putin s-a întâlnit miercuri cu liderul chinez în capitala chineză, "
        "unde au discutat despre comerț."
    )
    assert meetings(run(text, "2025-09-05")) == [
        (frozenset({PUTIN, XI}), "2025-09-03", "Beijing", "bilateral", "current")
    ]


def test_demonym_stands_for_the_leader_named_before(run):
    text = (
        "Vladimir Putin și Kim Jong Un au sosit la Phenian. "
        "La sfârșit, rusul l-a invitat pe nord-coreean la masă și au stat de vorbă o oră."
    )
    assert meetings(run(text, "2024-06-19")) == [
        (frozenset({PUTIN, KIM}), "2024-06-19", "Pyongyang", "bilateral", "current")
    ]


def test_relative_month_last_year_is_a_past_meeting(run):
    text = (
        "Vladimir Putin a primit-o ieri pe Maia Sandu la Kremlin. "
        "Kim Jong Un a amintit că cele două țări, Rusia și Coreea de Nord, au semnat un acord "
        "în iunie anul trecut, în cadrul unui summit la Phenian."
    )
    result = meetings(run(text, "2025-09-03"))
    assert (frozenset({PUTIN, KIM}), "2024-06", "Pyongyang", "bilateral", "past") in result


def test_two_leaders_named_is_not_a_meeting(run):
    text = "Donald Trump l-a criticat pe Vladimir Putin pentru atacurile asupra Ucrainei."
    assert meetings(run(text, "2025-09-03")) == []


def test_post_addressed_to_a_leader_is_not_a_meeting(run):
    text = (
        "Adresându-se președintelui chinez Xi Jinping într-o postare, Donald Trump a scris "
        "că Vladimir Putin conspiră."
    )
    assert meetings(run(text, "2025-09-03")) == []


def test_future_meeting_is_not_a_meeting(run):
    text = "Donald Trump se va întâlni cu Vladimir Putin săptămâna viitoare la Budapesta."
    assert meetings(run(text, "2025-10-20")) == []


def test_phone_call_on_monday(run):
    text = "Președintele american Donald Trump a vorbit, luni, la telefon cu Vladimir Putin."
    assert meetings(run(text, "2025-05-21")) == [
        (frozenset({"Donald Trump", PUTIN}), "2025-05-19", None, "call", "current")
    ]


def test_role_and_country_in_genitive(run):
    text = "„Mulțumesc pentru invitație”, a spus președintele României."
    assert direct(run(text, "2025-12-09")) == [("Nicusor Dan", "Mulțumesc pentru invitație")]


def test_leader_named_by_his_seat_of_power(run):
    text = "Liderul de la Kremlin a vorbit la telefon cu președintele Donald Trump."
    assert meetings(run(text, "2025-07-03")) == [
        (frozenset({PUTIN, "Donald Trump"}), "2025-07-03", None, "call", "current")
    ]


def test_minister_unknown_to_the_knowledge_base_after_a_role(run):
    text = "Ministrul de externe, Oana Țoiu, s-a întâlnit joi cu Marco Rubio la Washington."
    result = run(text, "2025-07-10")
    assert (meetings(result), [(x.name, x.known) for x in result.leaders]) == (
        [
            (
                frozenset({"Oana Țoiu", "Marco Rubio"}),
                "2025-07-10",
                "Washington",
                "bilateral",
                "current",
            )
        ],
        [("Oana Țoiu", False), ("Marco Rubio", True)],
    )


def test_reception_with_the_guest_named_after_pe(run):
    text = (
        "Președintele Klaus Iohannis l-a primit marți, la Palatul Cotroceni, pe președintele "
        "Poloniei, Andrzej Duda, aflat în vizită oficială în România."
    )
    assert meetings(run(text, "2024-05-14")) == [
        (
            frozenset({"Klaus Iohannis", "Andrzej Duda"}),
            "2024-05-14",
            "Bucharest",
            "visit",
            "current",
        )
    ]


def test_counterpart_with_possessive_and_demonym(run):
    text = "Vladimir Putin s-a întâlnit cu omologul său chinez la Beijing."
    assert meetings(run(text, "2024-05-16")) == [
        (frozenset({PUTIN, XI}), "2024-05-16", "Beijing", "bilateral", "current")
    ]


def test_names_after_a_ministry_complement(run):
    text = (
        "Ministrul Apărării Angel Tîlvăr s-a întâlnit cu secretarul american al Apărării, "
        "Lloyd Austin."
    )
    result = run(text, "2024-05-03")
    assert (meetings(result), [(x.name, x.country, x.known) for x in result.leaders]) == (
        [(frozenset({"Angel Tîlvăr", "Lloyd Austin"}), "2024-05-03", None, "bilateral", "current")],
        [("Angel Tîlvăr", "", False), ("Lloyd Austin", "US", False)],
    )


def test_quote_in_its_own_paragraph_after_a_colon(run):
    text = "Vladimir Putin a declarat:\n„Suntem gata de dialog.”"
    assert direct(run(text, "2025-09-03")) == [(PUTIN, "Suntem gata de dialog.")]
