"""Russian: case endings (Путина, Путиным, Си Цзиньпином), «ёлочки», "он", genitive envoys."""

import pytest

from tests.extraction.helpers import direct, indirect, meetings, planned

PUTIN, XI = "Vladimir Putin", "Xi Jinping"


# --- generalisation: "встречались", "накануне", negation, presence, "по его словам" ---


def test_nakanune_counts_from_the_talks_just_reported(run):
    text = (
        "Путин провел переговоры с Токаевым в Кремле в среду. "
        "Накануне Токаев встретился с Михаилом Мишустиным."
    )
    assert [(m[0], m[1]) for m in meetings(run(text, "2025-11-13"))] == [
        (frozenset({PUTIN, "Kassym-Jomart Tokayev"}), "2025-11-12"),
        (frozenset({"Kassym-Jomart Tokayev", "Mikhail Mishustin"}), "2025-11-11"),
    ]


def test_no_offers_of_a_meeting_is_no_meeting(run):
    result = run("Кремль пока не получал предложений о встрече с Дональдом Трампом.", "2025-11-13")
    assert (meetings(result), planned(result)) == ([], [])


def test_minister_taking_part_joins_the_talks(run):
    text = (
        "Путин провел переговоры с Токаевым в Кремле в среду. "
        "Переговоры прошли с участием Сергея Лаврова."
    )
    assert [m[0] for m in meetings(run(text, "2025-11-13"))] == [
        frozenset({PUTIN, "Kassym-Jomart Tokayev", "Sergey Lavrov"})
    ]


def test_expected_to_discuss_is_planned(run):
    result = run(
        "С Дональдом Трампом Путин, как ожидается, обсудит итоги переговоров.", "2025-11-13"
    )
    assert (meetings(result), planned(result)) == (
        [],
        [(frozenset({PUTIN, "Donald Trump"}), "2025-11-13")],
    )


def test_place_of_a_planned_meeting_is_not_the_venue(run):
    text = (
        "Лукашенко встретился с Михаилом Мишустиным. "
        "Следующая встреча лидеров может состояться летом в Минске."
    )
    assert [m[2] for m in meetings(run(text, "2025-04-10"))] == [None]


def test_separate_meetings_with_two_leaders(run):
    text = (
        "Накануне Владимир Путин провёл отдельные встречи с Эрдоганом и с президентом Ирана "
        "Масудом Пезешкианом."
    )
    assert sorted(sorted(m[0]) for m in meetings(run(text, "2024-10-25"))) == [
        ["Masoud Pezeshkian", "Vladimir Putin"],
        ["Recep Tayyip Erdogan", "Vladimir Putin"],
    ]


# --- third round: planned meetings, relative pronouns in the oblique cases ---


def test_not_planned_in_a_clause_after_a(run):
    text = (
        "Переговоры Путина с Си Цзиньпином прошли в среду, а отдельной встречи Мадуро с Лулой, "
        "по данным источника, не планируется."
    )
    extraction = run(text, "2025-05-08")
    assert meetings(extraction) == [
        (frozenset({PUTIN, XI}), "2025-05-07", None, "bilateral", "current")
    ]
    assert planned(extraction) == [
        (frozenset({"Nicolás Maduro", "Luiz Inacio Lula da Silva"}), "2025-05-08")
    ]


def test_leader_after_a_relative_clause_in_the_accusative_does_not_join_it(run):
    # "которого" opens a clause of its own: Modi, in the main clause, met nobody here.
    text = (
        "Шахбаз Шариф, которого Си Цзиньпин принял в воскресенье, будет присутствовать в одном "
        "зале с Нарендрой Моди."
    )
    assert meetings(run(text, "2025-09-01")) == []


def test_scheduled_meeting_is_only_planned(run):
    text = "У Сергея Лаврова запланирована встреча с Сирилом Рамафосой."
    extraction = run(text, "2025-08-21")
    assert meetings(extraction) == []
    assert planned(extraction) == [(frozenset({"Sergey Lavrov", "Cyril Ramaphosa"}), "2025-08-21")]


# --- passive reception ("был принят"), an undated headline, a summit being prepared ---


def test_ministers_who_joined_the_leaders_join_their_meeting(run):
    text = (
        "Путин и Эрдоган провели переговоры в Сочи в понедельник.\n\n"
        "Сначала лидеры беседовали один на один, затем к ним присоединились министры "
        "Сергей Лавров и Хакан Фидан."
    )
    people = {PUTIN, "Recep Tayyip Erdogan", "Sergey Lavrov", "Hakan Fidan"}
    assert meetings(run(text, "2023-09-05")) == [
        (frozenset(people), "2023-09-04", "Sochi", "bilateral", "current")
    ]


# One case per row: the text, its publication date, what is compared (meetings,
# direct or indirect statements) and the whole value expected.
CASES = [
    pytest.param(
        "Владимир Путин встретился с Си Цзиньпином в Пекине во вторник.",
        "2025-09-03",
        meetings,
        [(frozenset({PUTIN, XI}), "2025-09-02", "Beijing", "bilateral", "current")],
        id="instrumental_case_participants",
    ),
    pytest.param(
        "Путин провел встречу со спецпосланником Трампа Стивеном Уиткоффом в Кремле.",
        "2025-08-06",
        meetings,
        [(frozenset({PUTIN, "Steve Witkoff"}), "2025-08-06", "Moscow", "visit", "current")],
        id="envoy_of_a_leader_in_genitive_is_not_a_participant",
    ),
    pytest.param(
        "Об этом рассказал Дмитрий Песков. «Переговоры были полезными», – сказал он.",
        "2025-08-06",
        direct,
        [("Dmitry Peskov", "Переговоры были полезными")],
        id="quote_with_pronoun_speaker",
    ),
    pytest.param(
        "Путин встретится с Трампом на следующей неделе.",
        "2025-08-06",
        meetings,
        [],
        id="future_meeting_is_not_a_meeting",
    ),
    pytest.param(
        "Владимир Путин заявил: «Мы готовы к диалогу с „западными партнерами“».",
        "2024-06-14",
        direct,
        [(PUTIN, "Мы готовы к диалогу с „западными партнерами“")],
        id="nested_quotes_inside_guillemets",
    ),
    pytest.param(
        "Встреча Путина и Си Цзиньпина пройдет в Пекине.",
        "2024-05-03",
        meetings,
        [],
        id="meeting_that_will_take_place_is_not_a_meeting",
    ),
    # --- generalisation: "встречались", "накануне", negation, presence, "по его словам" ---
    pytest.param(
        "Путин и Трамп встречались в 2019 году в Осаке.",
        "2025-08-16",
        meetings,
        [(frozenset({PUTIN, "Donald Trump"}), "2019", "Osaka", "bilateral", "past")],
        id="vstrechalis_past_meeting",
    ),
    pytest.param(
        "Путин встретился с Токаевым в среду. По его словам, отношения двух стран развиваются.",
        "2025-11-13",
        indirect,
        [(PUTIN, "По его словам, отношения двух ")],
        id="po_ego_slovam_is_reported_speech",
    ),
    pytest.param(
        "Владимир Путин встретился во вторник с Си Цзиньпином.\n"
        "— Мы договорились о многом, — сказал Путин журналистам.",
        "2025-03-05",
        direct,
        [(PUTIN, "Мы договорились о многом")],
        id="dialogue_dash_quotation",
    ),
    pytest.param(
        "В прошлом месяце Путин принимал в Кремле Стива Уиткоффа.",
        "2025-05-16",
        meetings,
        [(frozenset({PUTIN, "Steve Witkoff"}), "2025-04", "Moscow", "visit", "past")],
        id="prinimal_reception_last_month",
    ),
    # --- third round: planned meetings, relative pronouns in the oblique cases ---
    pytest.param(
        "Беседа Си Цзиньпина и Моди, проходившая в резиденции «Биньхай», продлилась почти час.",
        "2025-08-31",
        direct,
        [],
        id="name_in_quote_marks_is_not_a_statement_of_a_later_leader",
    ),
    pytest.param(
        "Дональд Трамп ранее говорил, что готов лично поговорить с Моди.",
        "2025-08-31",
        indirect,
        [("Donald Trump", "Дональд Трамп ранее говорил, ч")],
        id="imperfective_said_that_is_reported_speech",
    ),
    pytest.param(
        "«Это рамочный, но очень содержательный документ». "
        "Так прокомментировал подписание договора Дмитрий Песков.",
        "2025-01-17",
        direct,
        [("Dmitry Peskov", "Это рамочный, но очень содержательный документ")],
        id="tak_prokommentiroval_attributes_the_quote_before",
    ),
    pytest.param(
        "Встреча Владимира Путина и Си Цзиньпина не состоялась.",
        "2023-06-15",
        meetings,
        [],
        id="meeting_that_did_not_take_place_is_no_meeting",
    ),
    pytest.param(
        "Встреча Владимира Путина и Си Цзиньпина была отложена.",
        "2023-06-15",
        meetings,
        [],
        id="postponed_meeting_is_no_meeting",
    ),
    # --- meeting kind: a call given as the means, honours of a reception ---
    pytest.param(
        "Владимир Путин во вторник провёл переговоры с Си Цзиньпином по видеосвязи.",
        "2025-03-05",
        meetings,
        [(frozenset({PUTIN, XI}), "2025-03-04", None, "call", "current")],
        id="talks_by_video_link_are_a_call",
    ),
    pytest.param(
        "Владимир Путин во вторник провёл переговоры с Си Цзиньпином, которого у Кремля "
        "встретил почётный караул.",
        "2025-03-05",
        meetings,
        [(frozenset({PUTIN, XI}), "2025-03-04", "Moscow", "visit", "current")],
        id="guard_of_honour_makes_a_visit",
    ),
    # --- passive reception ("был принят"), an undated headline, a summit being prepared ---
    pytest.param(
        "Путин и Си Цзиньпин обсудили торговлю\n\n"
        "Си Цзиньпин в понедельник был принят в Кремле Владимиром Путиным.",
        "2025-03-05",
        meetings,
        [(frozenset({PUTIN, XI}), "2025-03-03", "Moscow", "visit", "current")],
        id="undated_headline_takes_the_date_of_the_body",
    ),
    pytest.param(
        "Министр иностранных дел Сергей Лавров в понедельник был принят в Претории главой МИД "
        "ЮАР Наледи Пандор, с которой обсудил подготовку саммита БРИКС.",
        "2023-01-25",
        meetings,
        [
            (
                frozenset({"Sergey Lavrov", "Naledi Pandor"}),
                "2023-01-23",
                "Pretoria",
                "visit",
                "current",
            )
        ],
        id="summit_being_prepared_is_no_sidelines",
    ),
    pytest.param(
        "Си Цзиньпин по отдельности провёл переговоры с Владимиром Путиным и Нарендрой Моди.",
        "2025-08-31",
        meetings,
        [
            (frozenset({XI, PUTIN}), "2025-08-31", None, "bilateral", "current"),
            (frozenset({XI, "Narendra Modi"}), "2025-08-31", None, "bilateral", "current"),
        ],
        id="talks_held_one_by_one_are_one_meeting_each",
    ),
    pytest.param(
        "Во вторник прошли переговоры Владимира Путина и Си Цзиньпина.",
        "2025-01-21",
        meetings,
        [(frozenset({PUTIN, XI}), "2025-01-21", None, "bilateral", "current")],
        id="weekday_before_took_place_is_this_week",
    ),
]


@pytest.mark.parametrize(("text", "published", "view", "expected"), CASES)
def test_extracts(run, text, published, view, expected):
    assert view(run(text, published)) == expected
