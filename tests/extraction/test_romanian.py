"""Romanian: quotes in „…”, speakers after quotes and as pronouns, roles, demonyms, dates."""

import pytest

from tests.extraction.helpers import direct, indirect, meetings, planned, statements

PUTIN, XI, KIM = "Vladimir Putin", "Xi Jinping", "Kim Jong Un"


def test_relative_month_last_year_is_a_past_meeting(run):
    text = (
        "Vladimir Putin a primit-o ieri pe Maia Sandu la Kremlin. "
        "Kim Jong Un a amintit că cele două țări, Rusia și Coreea de Nord, au semnat un acord "
        "în iunie anul trecut, în cadrul unui summit la Phenian."
    )
    result = meetings(run(text, "2025-09-03"))
    assert (frozenset({PUTIN, KIM}), "2024-06", "Pyongyang", "bilateral", "past") in result


def test_minister_unknown_to_the_knowledge_base_after_a_role(run):
    text = "Ministrul de externe, Ilinca Corvinescu, s-a întâlnit joi cu Marco Rubio la Washington."
    result = run(text, "2025-07-10")
    assert (meetings(result), [(x.name, x.known) for x in result.leaders]) == (
        [
            (
                frozenset({"Ilinca Corvinescu", "Marco Rubio"}),
                "2025-07-10",
                "Washington",
                "bilateral",
                "current",
            )
        ],
        [("Ilinca Corvinescu", False), ("Marco Rubio", True)],
    )


def test_names_after_a_ministry_complement(run):
    text = (
        "Ministrul Apărării Angel Tîlvăr s-a întâlnit cu secretarul american al Apărării, "
        "Gordon Haldane."
    )
    result = run(text, "2024-05-03")
    assert (meetings(result), [(x.name, x.country, x.known) for x in result.leaders]) == (
        [
            (
                frozenset({"Angel Tîlvăr", "Gordon Haldane"}),
                "2024-05-03",
                None,
                "bilateral",
                "current",
            )
        ],
        [("Angel Tîlvăr", "", False), ("Gordon Haldane", "US", False)],
    )


# --- generalisation: "dacă", back-references, attributive months, "a discutat" ---


def test_asked_whether_they_talked_is_no_meeting(run):
    text = "Întrebat dacă a avut o discuție cu Donald Trump, Nicușor Dan a spus că nu."
    result = run(text, "2025-06-26")
    assert (meetings(result), planned(result)) == ([], [])


def test_cei_doi_presedinti_back_reference(run):
    text = (
        "Nicușor Dan s-a întâlnit miercuri cu Volodimir Zelenski la Haga. "
        "Cei doi președinți s-au mai văzut în mai la Kiev."
    )
    assert [(m[1], m[2], m[4]) for m in meetings(run(text, "2025-06-26"))] == [
        ("2025-06-25", "The Hague", "current"),
        ("2025-05", "Kyiv", "past"),
    ]


def test_month_of_another_event_does_not_date_the_meeting(run):
    text = (
        "Nicușor Dan a avut luni seară consultări la Cotroceni cu Ilie Bolojan despre "
        "pregătirea Consiliului European din octombrie."
    )
    assert [m[1] for m in meetings(run(text, "2025-09-16"))] == ["2025-09-15"]


def test_a_discutat_cu(run):
    text = "Ilie Bolojan a discutat joi cu Volodimir Zelenski despre securitatea regiunii."
    assert [(m[0], m[1]) for m in meetings(run(text, "2025-02-14"))] == [
        (frozenset({"Ilie Bolojan", "Volodymyr Zelensky"}), "2025-02-13")
    ]


def test_o_zi_dupa_ce_dates_the_earlier_call(run):
    text = (
        "Ilie Bolojan a discutat joi cu Volodimir Zelenski, la o zi după ce Donald Trump a "
        "vorbit la telefon cu Vladimir Putin."
    )
    assert [(m[0], m[1]) for m in meetings(run(text, "2025-02-14"))] == [
        (frozenset({"Ilie Bolojan", "Volodymyr Zelensky"}), "2025-02-13"),
        (frozenset({"Donald Trump", PUTIN}), "2025-02-12"),
    ]


# --- generalisation (own corpus 05–08) ---


def test_met_separately_with_two_leaders_is_two_meetings(run):
    text = (
        "În marja summitului, șeful statului Nicușor Dan s-a întâlnit separat cu președintele "
        "Franței, Emmanuel Macron, și cu cancelarul Germaniei, Friedrich Merz."
    )
    assert sorted(sorted(m[0]) for m in meetings(run(text, "2025-06-27"))) == [
        ["Emmanuel Macron", "Nicusor Dan"],
        ["Friedrich Merz", "Nicusor Dan"],
    ]


def test_when_clause_takes_the_main_clause_date(run):
    text = (
        "Precedenta vizită a avut loc în august 2019, când Klaus Iohannis a fost primit de "
        "Donald Trump."
    )
    assert [(m[0], m[1]) for m in meetings(run(text, "2024-03-08"))] == [
        (frozenset({"Klaus Iohannis", "Donald Trump"}), "2019-08")
    ]


def test_working_lunch_with_is_a_meeting(run):
    text = "Ulterior, Klaus Iohannis a avut un dejun de lucru cu vicepreședinta Kamala Harris."
    assert [m[0] for m in meetings(run(text, "2024-03-08"))] == [
        frozenset({"Klaus Iohannis", "Kamala Harris"})
    ]


def test_leader_in_an_after_clause_is_not_a_party(run):
    text = (
        "Volodimir Zelenski s-a întâlnit joi cu Recep Tayyip Erdogan la Ankara, după ce "
        "Vladimir Putin a refuzat să vină la Istanbul."
    )
    assert [m[0] for m in meetings(run(text, "2025-05-16"))] == [
        frozenset({"Volodymyr Zelensky", "Recep Tayyip Erdogan"})
    ]


def test_topic_after_pentru_is_not_a_party(run):
    text = "Nicușor Dan, la Bruxelles: întâlnire cu Emmanuel Macron, mesaj dur pentru Viktor Orban"
    assert [m[0] for m in meetings(run(text, "2025-06-27"))] == [
        frozenset({"Nicusor Dan", "Emmanuel Macron"})
    ]


# --- third round: pronoun-like words in places, clitics, senders ---


def test_el_inside_a_place_name_is_not_a_pronoun(run):
    text = (
        "Donald Trump a fost primit luni la Sharm el-Sheikh de omologul său egiptean, Abdel "
        "Fattah al-Sisi. Netanyahu nu a venit."
    )
    assert [m[0] for m in meetings(run(text, "2025-10-14"))] == [
        frozenset({"Donald Trump", "Abdel Fattah el-Sisi"})
    ]


# One case per row: the text, its publication date, what is compared (meetings,
# direct or indirect statements) and the whole value expected.
CASES = [
    pytest.param(
        "Vladimir Putin a declarat: „Relațiile noastre sunt excelente.”",
        "2025-09-03",
        direct,
        [(PUTIN, "Relațiile noastre sunt excelente.")],
        id="quote_after_speaker",
    ),
    pytest.param(
        "„Vom continua dialogul”, a spus Vladimir Putin la Moscova.",
        "2025-09-03",
        direct,
        [(PUTIN, "Vom continua dialogul")],
        id="speaker_after_quote",
    ),
    pytest.param(
        "Vladimir Putin a vorbit cu jurnaliștii. "
        "„Suntem pregătiți pentru negocieri serioase”, a mai spus el.",
        "2025-09-03",
        direct,
        [(PUTIN, "Suntem pregătiți pentru negocieri serioase")],
        id="speaker_as_pronoun",
    ),
    pytest.param(
        "„Nu avem nimic de ascuns”, a spus Vladimir Putin. „Vom publica totul.”",
        "2025-09-03",
        direct,
        [
            (PUTIN, "Nu avem nimic de ascuns"),
            (PUTIN, "Vom publica totul."),
        ],
        id="quote_continuing_previous_speaker",
    ),
    pytest.param(
        "Agenția TASS a scris că Putin „a discutat despre economie în detaliu”.",
        "2025-09-03",
        direct,
        [],
        id="name_right_before_quote_is_narration_not_speaker",
    ),
    pytest.param(
        "Un consilier al lui Putin, Iuri Ușakov, a spus: „Totul a decurs normal în capitală.”",
        "2025-09-03",
        direct,
        [("Yuri Ushakov", "Totul a decurs normal în capitală.")],
        id="genitive_lui_is_not_the_speaker",
    ),
    pytest.param(
        "Kim Jong Un a afirmat că relațiile cu Moscova s-au consolidat.",
        "2025-09-03",
        statements,
        [(KIM, "Kim Jong Un a afirmat că relațiile cu Moscova s-au consolidat.", "indirect")],
        id="indirect_speech",
    ),
    pytest.param(
        "Vladimir Putin s-a întâlnit miercuri cu liderul chinez în capitala chineză, "
        "unde au discutat despre comerț.",
        "2025-09-05",
        meetings,
        [(frozenset({PUTIN, XI}), "2025-09-03", "Beijing", "bilateral", "current")],
        id="meeting_with_weekday_and_role_and_capital",
    ),
    pytest.param(
        "Vladimir Putin și Kim Jong Un au sosit la Phenian. "
        "La sfârșit, rusul l-a invitat pe nord-coreean la masă și au stat de vorbă o oră.",
        "2024-06-19",
        meetings,
        [(frozenset({PUTIN, KIM}), "2024-06-19", "Pyongyang", "bilateral", "current")],
        id="demonym_stands_for_the_leader_named_before",
    ),
    pytest.param(
        "Donald Trump l-a criticat pe Vladimir Putin pentru atacurile asupra Ucrainei.",
        "2025-09-03",
        meetings,
        [],
        id="two_leaders_named_is_not_a_meeting",
    ),
    pytest.param(
        "Adresându-se președintelui chinez Xi Jinping într-o postare, Donald Trump a scris "
        "că Vladimir Putin conspiră.",
        "2025-09-03",
        meetings,
        [],
        id="post_addressed_to_a_leader_is_not_a_meeting",
    ),
    pytest.param(
        "Donald Trump se va întâlni cu Vladimir Putin săptămâna viitoare la Budapesta.",
        "2025-10-20",
        meetings,
        [],
        id="future_meeting_is_not_a_meeting",
    ),
    pytest.param(
        "Președintele american Donald Trump a vorbit, luni, la telefon cu Vladimir Putin.",
        "2025-05-21",
        meetings,
        [(frozenset({"Donald Trump", PUTIN}), "2025-05-19", None, "call", "current")],
        id="phone_call_on_monday",
    ),
    pytest.param(
        "„Mulțumesc pentru invitație”, a spus președintele României.",
        "2025-12-09",
        direct,
        [("Nicusor Dan", "Mulțumesc pentru invitație")],
        id="role_and_country_in_genitive",
    ),
    pytest.param(
        "Liderul de la Kremlin a vorbit la telefon cu președintele Donald Trump.",
        "2025-07-03",
        meetings,
        [(frozenset({PUTIN, "Donald Trump"}), "2025-07-03", None, "call", "current")],
        id="leader_named_by_his_seat_of_power",
    ),
    pytest.param(
        "Președintele Klaus Iohannis l-a primit marți, la Palatul Cotroceni, pe președintele "
        "Poloniei, Andrzej Duda, aflat în vizită oficială în România.",
        "2024-05-14",
        meetings,
        [
            (
                frozenset({"Klaus Iohannis", "Andrzej Duda"}),
                "2024-05-14",
                "Bucharest",
                "visit",
                "current",
            )
        ],
        id="reception_with_the_guest_named_after_pe",
    ),
    pytest.param(
        "Vladimir Putin s-a întâlnit cu omologul său chinez la Beijing.",
        "2024-05-16",
        meetings,
        [(frozenset({PUTIN, XI}), "2024-05-16", "Beijing", "bilateral", "current")],
        id="counterpart_with_possessive_and_demonym",
    ),
    pytest.param(
        "Vladimir Putin a declarat:\n„Suntem gata de dialog.”",
        "2025-09-03",
        direct,
        [(PUTIN, "Suntem gata de dialog.")],
        id="quote_in_its_own_paragraph_after_a_colon",
    ),
    # --- generalisation: "dacă", back-references, attributive months, "a discutat" ---
    pytest.param(
        "Maia Sandu a mulțumit pentru sprijinul acordat de România.",
        "2025-02-14",
        indirect,
        [("Maia Sandu", "Maia Sandu a mulțumit pentru s")],
        id="a_multumit_is_reported_speech",
    ),
    pytest.param(
        "„Vom fi mereu alături de Republica Moldova”, i-a transmis șeful statului, "
        "Klaus Iohannis, Maiei Sandu.",
        "2024-10-22",
        direct,
        [("Klaus Iohannis", "Vom fi mereu alături de Republica Moldova")],
        id="dative_addressee_is_not_the_speaker",
    ),
    # --- generalisation (own corpus 05–08) ---
    pytest.param(
        "Ilie Bolojan a spus că speră să aibă până la sfârșitul lunii și o întrevedere cu "
        "cancelarul german Friedrich Merz.",
        "2025-07-16",
        meetings,
        [],
        id="hope_far_before_the_meeting_word_makes_it_planned",
    ),
    # --- third round: pronoun-like words in places, clitics, senders ---
    pytest.param(
        "Săptămâna trecută, Nicușor Dan a primit-o la Palatul Cotroceni pe președinta "
        "Republicii Moldova, Maia Sandu.",
        "2025-06-27",
        meetings,
        [(frozenset({"Nicusor Dan", "Maia Sandu"}), "2025-06", "Bucharest", "visit", "past")],
        id="clitic_o_after_primit_is_not_an_article",
    ),
    pytest.param(
        "Fumio Kishida a primit din partea președintelui Volodimir Zelenski o invitație de a "
        "merge la Kiev.",
        "2023-05-20",
        meetings,
        [],
        id="received_from_a_leader_is_no_meeting",
    ),
    pytest.param(
        "Secretarul general al ONU, António Guterres, a salutat la rândul său acordul, dar a "
        "spus că organizația are nevoie de acces.",
        "2023-11-22",
        indirect,
        [("António Guterres", "Secretarul general al ONU, Ant")],
        id="subject_named_before_an_earlier_verb_reports",
    ),
    pytest.param(
        "Potrivit lui Aleksandar Vucic, Serbia nu a semnat nimic. Liderul sârb a spus că "
        "Belgradul va respecta doar acele prevederi care „nu încalcă Constituția”.",
        "2023-03-19",
        direct,
        [("Aleksandar Vučić", "nu încalcă Constituția")],
        id="role_with_a_country_is_that_countrys_leader_named_before",
    ),
    pytest.param(
        "Klaus Iohannis o să aibă o întrevedere cu Emmanuel Macron.",
        "2023-06-15",
        meetings,
        [],
        id="future_with_o_sa_is_planned",
    ),
    # --- meeting kind: domestic consultation, a visit stated the sentence before ---
    pytest.param(
        "Președintele Nicușor Dan a avut marți consultări la Palatul Cotroceni cu premierul "
        "Ilie Bolojan și cu ministrul de externe Oana Țoiu.",
        "2025-03-05",
        meetings,
        [
            (
                frozenset({"Nicusor Dan", "Ilie Bolojan", "Oana Țoiu"}),
                "2025-03-04",
                "Bucharest",
                "multilateral",
                "current",
            )
        ],
        id="domestic_consultation_of_three_is_multilateral",
    ),
    pytest.param(
        "Nicușor Dan se află într-o vizită de stat în Franța, la invitația lui Emmanuel Macron. "
        "Marți, Dan a avut o întâlnire cu Macron.",
        "2025-03-05",
        meetings,
        [(frozenset({"Nicusor Dan", "Emmanuel Macron"}), "2025-03-04", None, "visit", "current")],
        id="visit_stated_in_the_sentence_before",
    ),
    # --- dates: "luni" after a participle, a dateline in title case with its agency ---
    pytest.param(
        "Președintele Klaus Iohannis a fost primit luni de Maia Sandu la Chișinău.",
        "2025-03-05",
        meetings,
        [
            (
                frozenset({"Klaus Iohannis", "Maia Sandu"}),
                "2025-03-03",
                "Chisinau",
                "visit",
                "current",
            )
        ],
        id="monday_after_a_past_participle",
    ),
    pytest.param(
        "Chișinău, 5 mar /Agerpres/ - Întâlnirea dintre Klaus Iohannis și Maia Sandu a avut "
        "loc ieri la Chișinău.",
        "2025-03-05",
        meetings,
        [
            (
                frozenset({"Klaus Iohannis", "Maia Sandu"}),
                "2025-03-04",
                "Chisinau",
                "bilateral",
                "current",
            )
        ],
        id="title_case_dateline_with_agency_does_not_date_the_meeting",
    ),
]


@pytest.mark.parametrize(("text", "published", "view", "expected"), CASES)
def test_extracts(run, text, published, view, expected):
    assert view(run(text, published)) == expected
