"""Russian: case endings (Путина, Путиным, Си Цзиньпином), «ёлочки», "он", genitive envoys."""

from tests.extraction.helpers import direct, indirect, meetings, planned

PUTIN, XI = "Vladimir Putin", "Xi Jinping"


def test_instrumental_case_participants(run):
    text = "Владимир Путин встретился с Си Цзиньпином в Пекине во вторник."
    assert meetings(run(text, "2025-09-03")) == [
        (frozenset({PUTIN, XI}), "2025-09-02", "Beijing", "bilateral", "current")
    ]


def test_envoy_of_a_leader_in_genitive_is_not_a_participant(run):
    text = "Путин провел встречу со спецпосланником Трампа Стивеном Уиткоффом в Кремле."
    assert meetings(run(text, "2025-08-06")) == [
        (frozenset({PUTIN, "Steve Witkoff"}), "2025-08-06", "Moscow", "visit", "current")
    ]


def test_quote_with_pronoun_speaker(run):
    text = "Об этом рассказал Дмитрий Песков. «Переговоры были полезными», – сказал он."
    assert direct(run(text, "2025-08-06")) == [("Dmitry Peskov", "Переговоры были полезными")]


def test_future_meeting_is_not_a_meeting(run):
    text = "Путин встретится с Трампом на следующей неделе."
    assert meetings(run(text, "2025-08-06")) == []


def test_nested_quotes_inside_guillemets(run):
    text = "Владимир Путин заявил: «Мы готовы к диалогу с „западными партнерами“»."
    assert direct(run(text, "2024-06-14")) == [
        (PUTIN, "Мы готовы к диалогу с „западными партнерами“")
    ]


def test_meeting_that_will_take_place_is_not_a_meeting(run):
    assert meetings(run("Встреча Путина и Си Цзиньпина пройдет в Пекине.", "2024-05-03")) == []


# --- generalisation: "встречались", "накануне", negation, presence, "по его словам" ---


def test_vstrechalis_past_meeting(run):
    text = "Путин и Трамп встречались в 2019 году в Осаке."
    assert meetings(run(text, "2025-08-16")) == [
        (frozenset({PUTIN, "Donald Trump"}), "2019", "Osaka", "bilateral", "past")
    ]


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


def test_po_ego_slovam_is_reported_speech(run):
    text = "Путин встретился с Токаевым в среду. По его словам, отношения двух стран развиваются."
    assert indirect(run(text, "2025-11-13")) == [(PUTIN, "По его словам, отношения двух ")]


def test_dialogue_dash_quotation(run):
    text = (
        "Владимир Путин встретился во вторник с Си Цзиньпином.\n"
        "— Мы договорились о многом, — сказал Путин журналистам."
    )
    assert direct(run(text, "2025-03-05")) == [(PUTIN, "Мы договорились о многом")]


def test_place_of_a_planned_meeting_is_not_the_venue(run):
    text = (
        "Лукашенко встретился с Михаилом Мишустиным. "
        "Следующая встреча лидеров может состояться летом в Минске."
    )
    assert [m[2] for m in meetings(run(text, "2025-04-10"))] == [None]


def test_prinimal_reception_last_month(run):
    text = "В прошлом месяце Путин принимал в Кремле Стива Уиткоффа."
    assert meetings(run(text, "2025-05-16")) == [
        (frozenset({PUTIN, "Steve Witkoff"}), "2025-04", "Moscow", "visit", "past")
    ]


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


def test_name_in_quote_marks_is_not_a_statement_of_a_later_leader(run):
    text = "Беседа Си Цзиньпина и Моди, проходившая в резиденции «Биньхай», продлилась почти час."
    assert direct(run(text, "2025-08-31")) == []


def test_imperfective_said_that_is_reported_speech(run):
    text = "Дональд Трамп ранее говорил, что готов лично поговорить с Моди."
    assert indirect(run(text, "2025-08-31")) == [("Donald Trump", "Дональд Трамп ранее говорил, ч")]


def test_tak_prokommentiroval_attributes_the_quote_before(run):
    text = (
        "«Это рамочный, но очень содержательный документ». "
        "Так прокомментировал подписание договора Дмитрий Песков."
    )
    assert direct(run(text, "2025-01-17")) == [
        ("Dmitry Peskov", "Это рамочный, но очень содержательный документ")
    ]


def test_meeting_that_did_not_take_place_is_no_meeting(run):
    text = "Встреча Владимира Путина и Си Цзиньпина не состоялась."
    assert meetings(run(text, "2023-06-15")) == []


def test_postponed_meeting_is_no_meeting(run):
    text = "Встреча Владимира Путина и Си Цзиньпина была отложена."
    assert meetings(run(text, "2023-06-15")) == []


# --- meeting kind: a call given as the means, honours of a reception ---


def test_talks_by_video_link_are_a_call(run):
    text = "Владимир Путин во вторник провёл переговоры с Си Цзиньпином по видеосвязи."
    assert meetings(run(text, "2025-03-05")) == [
        (frozenset({PUTIN, XI}), "2025-03-04", None, "call", "current")
    ]


def test_guard_of_honour_makes_a_visit(run):
    text = (
        "Владимир Путин во вторник провёл переговоры с Си Цзиньпином, которого у Кремля "
        "встретил почётный караул."
    )
    assert meetings(run(text, "2025-03-05")) == [
        (frozenset({PUTIN, XI}), "2025-03-04", "Moscow", "visit", "current")
    ]


# --- passive reception ("был принят"), an undated headline, a summit being prepared ---


def test_undated_headline_takes_the_date_of_the_body(run):
    text = (
        "Путин и Си Цзиньпин обсудили торговлю\n\n"
        "Си Цзиньпин в понедельник был принят в Кремле Владимиром Путиным."
    )
    assert meetings(run(text, "2025-03-05")) == [
        (frozenset({PUTIN, XI}), "2025-03-03", "Moscow", "visit", "current")
    ]


def test_summit_being_prepared_is_no_sidelines(run):
    text = (
        "Министр иностранных дел Сергей Лавров в понедельник был принят в Претории главой МИД "
        "ЮАР Наледи Пандор, с которой обсудил подготовку саммита БРИКС."
    )
    assert meetings(run(text, "2023-01-25")) == [
        (
            frozenset({"Sergey Lavrov", "Naledi Pandor"}),
            "2023-01-23",
            "Pretoria",
            "visit",
            "current",
        )
    ]


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


def test_talks_held_one_by_one_are_one_meeting_each(run):
    text = "Си Цзиньпин по отдельности провёл переговоры с Владимиром Путиным и Нарендрой Моди."
    assert meetings(run(text, "2025-08-31")) == [
        (frozenset({XI, PUTIN}), "2025-08-31", None, "bilateral", "current"),
        (frozenset({XI, "Narendra Modi"}), "2025-08-31", None, "bilateral", "current"),
    ]


def test_weekday_before_took_place_is_this_week(run):
    text = "Во вторник прошли переговоры Владимира Путина и Си Цзиньпина."
    assert meetings(run(text, "2025-01-21")) == [
        (frozenset({PUTIN, XI}), "2025-01-21", None, "bilateral", "current")
    ]
