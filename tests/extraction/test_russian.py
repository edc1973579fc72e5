"""Russian: case endings (Путина, Путиным, Си Цзиньпином), «ёлочки», "он", genitive envoys."""

from tests.extraction.helpers import direct, meetings

PUTIN, XI = "Vladimir Putin", "Xi Jinping"


def test_instrumental_case_participants(run):
    text = "Владимир Путин встретился с Си Цзиньпином в Пекине во вторник."
    assert meetings(run(text, "2025-09-03")) == [
        (frozenset({PUTIN, XI}), "2025-09-02", "Beijing", "bilateral", "current")
    ]


def test_envoy_of_a_leader_in_genitive_is_not_a_participant(run):
    text = "Путин провел встречу со спецпосланником Трампа Стивеном Уиткоффом в Кремле."
    assert meetings(run(text, "2025-08-06")) == [
        (frozenset({PUTIN, "Steve Witkoff"}), "2025-08-06", "Moscow", "bilateral", "current")
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
