"""English: meeting verbs, roles at the article's date, quote styles, pronouns, non-meetings."""

import pytest

from tests.extraction.helpers import direct, meetings

BIDEN, XI, TRUMP, PUTIN = "Joe Biden", "Xi Jinping", "Donald Trump", "Vladimir Putin"


def test_met_on_weekday_in_city(run):
    text = "Joe Biden met Xi Jinping on Wednesday in Geneva to discuss trade."
    assert meetings(run(text, "2023-11-17")) == [
        (frozenset({BIDEN, XI}), "2023-11-15", "Geneva", "bilateral", "current")
    ]


def test_role_and_country_resolve_to_the_holder_on_the_day(run):
    text = "The US president held talks with Chinese President Xi Jinping in Beijing."
    assert meetings(run(text, "2017-11-09")) == [
        (frozenset({TRUMP, XI}), "2017-11-09", "Beijing", "bilateral", "current")
    ]


def test_phone_call(run):
    text = "Donald Trump spoke by phone with Vladimir Putin on Tuesday."
    assert meetings(run(text, "2025-03-18")) == [
        (frozenset({TRUMP, PUTIN}), "2025-03-18", None, "call", "current")
    ]


def test_last_month_back_reference_is_past(run):
    text = (
        "Joe Biden met Xi Jinping on Monday in Bali. "
        "The two leaders last met in June 2021 at a summit in Geneva, Biden recalled."
    )
    assert meetings(run(text, "2022-11-14")) == [
        (frozenset({BIDEN, XI}), "2022-11-14", "Bali", "bilateral", "current")
    ]


def test_quote_after_speaker_with_comma(run):
    text = 'Joe Biden said, "We have to ensure that competition does not veer into conflict."'
    assert direct(run(text, "2023-11-15")) == [
        (BIDEN, "We have to ensure that competition does not veer into conflict.")
    ]


def test_speaker_after_quote(run):
    text = "“Turning our back on each other is not an option,” Xi Jinping told reporters."
    assert direct(run(text, "2023-11-15")) == [
        (XI, "Turning our back on each other is not an option,")
    ]


def test_single_quotes_and_apostrophes(run):
    text = "Xi Jinping's aide was silent, but Joe Biden told reporters 'the talks went well'."
    assert direct(run(text, "2023-11-15")) == [(BIDEN, "the talks went well")]


def test_speaker_as_pronoun(run):
    text = (
        "Joe Biden arrived in Woodside, California, on Wednesday. "
        '"We value this conversation," he said.'
    )
    assert direct(run(text, "2023-11-15")) == [(BIDEN, "We value this conversation,")]


def test_envoy_of_a_leader_is_not_the_leader(run):
    text = "Vladimir Putin met Donald Trump's envoy Steve Witkoff in Moscow on Thursday."
    assert meetings(run(text, "2025-08-07")) == [
        (frozenset({PUTIN, "Steve Witkoff"}), "2025-08-07", "Moscow", "bilateral", "current")
    ]


def test_two_leaders_named_is_not_a_meeting(run):
    text = "Donald Trump urged Xi Jinping in a post to pass his greetings to Vladimir Putin."
    assert meetings(run(text, "2025-09-03")) == []


def test_future_meeting_is_not_a_meeting(run):
    text = "Joe Biden will meet Xi Jinping next week on the sidelines of the summit."
    assert meetings(run(text, "2023-11-08")) == []


def test_cancelled_meeting_is_not_a_meeting(run):
    text = "Donald Trump cancelled a planned meeting with Vladimir Putin in Budapest."
    assert meetings(run(text, "2025-10-22")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin threatened Ukraine with new strikes after Volodymyr Zelensky's speech.",
        "Donald Trump imposed new sanctions on Venezuela, a day after Nicolas Maduro's speech.",
        "Thousands protested in Paris against Emmanuel Macron and his talks reform.",
        "Joe Biden announced $400 million in military aid for Volodymyr Zelensky's government.",
        "Xi Jinping warned Taiwan as Joe Biden's administration approved an arms sale.",
        "Narendra Modi condemned the attack and said Shehbaz Sharif must act.",
        "Emmanuel Macron and Olaf Scholz clashed over defence spending during a summit.",
        "Donald Trump blamed Volodymyr Zelensky after talks in Riyadh between US officials.",
        "Recep Tayyip Erdogan said he would host talks between Vladimir Putin and Zelensky.",
    ],
)
def test_event_reports_hold_no_meeting(run, text):
    assert meetings(run(text, "2024-05-10")) == []


def test_leader_unknown_to_the_knowledge_base_after_a_title(run):
    text = "Vladimir Putin met Algerian Foreign Minister Ahmed Attaf in Moscow on Monday."
    result = run(text, "2024-03-04")
    assert (
        meetings(result),
        [(x.name, x.country, x.known) for x in result.leaders],
    ) == (
        [(frozenset({PUTIN, "Ahmed Attaf"}), "2024-03-04", "Moscow", "bilateral", "current")],
        [(PUTIN, "RU", True), ("Ahmed Attaf", "DZ", False)],
    )


def test_relative_clause_does_not_take_the_meeting(run):
    text = "Vladimir Putin, who hosted the summit, met Masoud Pezeshkian on Wednesday."
    assert meetings(run(text, "2024-10-23")) == [
        (frozenset({PUTIN, "Masoud Pezeshkian"}), "2024-10-23", None, "bilateral", "current")
    ]


def test_speaker_unknown_to_the_knowledge_base_after_a_quote(run):
    text = 'Joe Biden met Benjamin Netanyahu on Tuesday. "It went well," said John Kirby.'
    result = run(text, "2024-02-01")
    assert (direct(result), [(x.name, x.known) for x in result.leaders]) == (
        [("John Kirby", "It went well,")],
        [("Joe Biden", True), ("Benjamin Netanyahu", True), ("John Kirby", False)],
    )


def test_institution_as_speaker_is_not_the_last_leader(run):
    text = 'Joe Biden met Benjamin Netanyahu. "We are ready," the White House said.'
    assert direct(run(text, "2024-02-01")) == []


def test_quote_running_over_two_paragraphs(run):
    text = (
        'Sergey Lavrov hosted Toshimitsu Motegi. "An informal dinner was held.\n\n'
        'They spent eight hours together," Atsushi Kaifu said.'
    )
    assert direct(run(text, "2019-12-19")) == [
        ("Atsushi Kaifu", "An informal dinner was held.\n\nThey spent eight hours together,")
    ]


def test_person_in_a_when_clause_is_not_a_participant(run):
    text = (
        "Narendra Modi and Xi Jinping last met in Bali in November 2022, when they spoke "
        "at a dinner hosted by the Indonesian president."
    )
    assert meetings(run(text, "2024-10-23")) == [
        (frozenset({"Narendra Modi", XI}), "2022-11", "Bali", "bilateral", "past")
    ]


def test_counterpart_is_the_other_countrys_holder_of_the_same_office(run):
    text = "Sergey Lavrov met his Chinese counterpart in Beijing on Tuesday."
    assert meetings(run(text, "2024-04-10")) == [
        (frozenset({"Sergey Lavrov", "Wang Yi"}), "2024-04-09", "Beijing", "bilateral", "current")
    ]


def test_abbreviated_month_and_dotted_country(run):
    text = "The U.S. president met Xi Jinping in Woodside, California, on Nov. 15, 2023."
    assert meetings(run(text, "2023-11-16")) == [
        (frozenset({BIDEN, XI}), "2023-11-15", "Woodside", "bilateral", "current")
    ]


def test_pronoun_after_someone_unknown_is_not_the_leader_named_earlier(run):
    text = (
        "Joe Biden visited the town on Monday. John Smith, a local farmer, was angry. "
        '"This is terrible," he said.'
    )
    assert direct(run(text, "2024-05-01")) == []


def test_undated_headline_takes_the_date_of_the_reported_meeting(run):
    text = (
        "Biden meets Xi Jinping as tensions rise\n\n"
        "President Joe Biden met Chinese President Xi Jinping on Monday in Bali.\n"
    )
    assert meetings(run(text, "2022-11-16")) == [
        (frozenset({BIDEN, XI}), "2022-11-14", "Bali", "bilateral", "current")
    ]
