"""English: meeting verbs, roles at the article's date, quote styles, pronouns, non-meetings."""

import pytest

from tests.extraction.helpers import direct, indirect, meetings, planned

BIDEN, XI, TRUMP, PUTIN = "Joe Biden", "Xi Jinping", "Donald Trump", "Vladimir Putin"


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


def test_speaker_unknown_to_the_knowledge_base_after_a_quote(run):
    text = 'Joe Biden met Benjamin Netanyahu on Tuesday. "It went well," said Walter Brennick.'
    result = run(text, "2024-02-01")
    assert (direct(result), [(x.name, x.known) for x in result.leaders]) == (
        [("Walter Brennick", "It went well")],
        [("Joe Biden", True), ("Benjamin Netanyahu", True), ("Walter Brennick", False)],
    )


# --- generalisation: back-references, datelines, planned meetings, receptions ---


def test_the_two_leaders_refers_to_the_pair_just_named(run):
    text = (
        "Joe Biden met Xi Jinping in Lima on Saturday. "
        "The two leaders last met in November 2023 near San Francisco."
    )
    assert [(m[0], m[1], m[4]) for m in meetings(run(text, "2024-11-18"))] == [
        (frozenset({"Joe Biden", "Xi Jinping"}), "2024-11-16", "current"),
        (frozenset({"Joe Biden", "Xi Jinping"}), "2023-11", "past"),
    ]


def test_dateline_date_does_not_override_the_weekday(run):
    text = "LIMA, Nov. 18 — Joe Biden met Xi Jinping in Lima on Saturday."
    assert [m[1] for m in meetings(run(text, "2024-11-18"))] == ["2024-11-16"]


def test_ready_for_a_meeting_is_planned(run):
    result = run("Emmanuel Macron said he was ready for a meeting with Xi Jinping.", "2024-11-20")
    assert (meetings(result), planned(result)) == (
        [],
        [(frozenset({"Emmanuel Macron", "Xi Jinping"}), "2024-11-20")],
    )


def test_no_plans_for_a_call_is_no_meeting_at_all(run):
    result = run("An aide said there were no plans for a Putin-Biden phone call.", "2024-11-20")
    assert (meetings(result), planned(result)) == ([], [])


def test_aide_who_attended_joins_the_meeting(run):
    text = (
        "Keir Starmer met Emmanuel Macron in London on Tuesday. "
        "Foreign Secretary David Lammy also attended the talks."
    )
    assert [m[0] for m in meetings(run(text, "2025-07-09"))] == [
        frozenset({"Keir Starmer", "Emmanuel Macron", "David Lammy"})
    ]


def test_prime_minister_may_is_a_name_not_a_month(run):
    text = "Prime Minister Edwina May met Emmanuel Macron in Paris on Tuesday."
    result = run(text, "2019-01-10")
    assert [sorted(m[0]) for m in meetings(result)] == [["Edwina May", "Emmanuel Macron"]]


def test_he_said_is_the_speaker_not_the_leader_he_was_asked_about(run):
    text = (
        "Asked whether he would seek talks with Donald Trump, Keir Starmer said he had no "
        'such plans. "I will work with whoever wins," he said.'
    )
    result = run(text, "2024-07-11")
    assert (direct(result), meetings(result), planned(result)) == (
        [("Keir Starmer", "I will work with whoever wins")],
        [],
        [],
    )


def test_attending_a_summit_does_not_join_an_earlier_meeting(run):
    text = (
        "Donald Trump met Xi Jinping in Osaka on Saturday. Vladimir Putin also attended the summit."
    )
    assert [m[0] for m in meetings(run(text, "2019-06-30"))] == [
        frozenset({"Donald Trump", "Xi Jinping"})
    ]


def test_ministers_who_took_part_join_the_talks(run):
    text = (
        "Narendra Modi held talks with Keir Starmer in London on Wednesday. "
        "David Lammy and Subrahmanyam Jaishankar also took part in the talks."
    )
    assert [m[0] for m in meetings(run(text, "2025-04-10"))] == [
        frozenset({"Narendra Modi", "Keir Starmer", "David Lammy", "Subrahmanyam Jaishankar"})
    ]


def test_quote_then_told_reporters_is_one_direct_statement(run):
    text = '"We have taken a decisive step," Narendra Modi told reporters after the meeting.'
    result = run(text, "2025-04-10")
    assert (direct(result), indirect(result)) == (
        [("Narendra Modi", "We have taken a decisive step")],
        [],
    )


def test_a_day_after_dates_the_earlier_event(run):
    text = "Joe Biden met Xi Jinping on Monday, a day after he spoke with Emmanuel Macron by phone."
    assert [(m[0], m[1], m[4]) for m in meetings(run(text, "2022-11-15"))] == [
        (frozenset({"Joe Biden", "Xi Jinping"}), "2022-11-14", "current"),
        (frozenset({"Joe Biden", "Emmanuel Macron"}), "2022-11-13", "past"),
    ]


def test_a_day_after_at_the_start_dates_nothing_back(run):
    text = "A day after the vote, Joe Biden met Xi Jinping in Bali on Monday."
    assert [m[1] for m in meetings(run(text, "2022-11-15"))] == ["2022-11-14"]


def test_the_kremlin_as_a_source_is_not_the_venue(run):
    text = (
        "Donald Trump met Mark Rutte on Wednesday. "
        "He did not see Russian officials, and the Kremlin said no contacts were planned."
    )
    assert [m[2] for m in meetings(run(text, "2025-06-25"))] == [None]


def test_subject_before_a_relative_clause_receives_the_guest(run):
    text = (
        "Xi Jinping, who met Vladimir Putin last week, received Narendra Modi in Beijing "
        "on Tuesday."
    )
    assert [(m[0], m[1]) for m in meetings(run(text, "2025-03-05"))] == [
        (frozenset({XI, PUTIN}), "2025-02"),
        (frozenset({XI, "Narendra Modi"}), "2025-03-04"),
    ]


def test_date_of_the_saying_does_not_date_the_meeting(run):
    text = (
        "The meeting between Donald Trump and Vladimir Putin in Alaska lasted three hours, "
        "officials said on Saturday."
    )
    assert [m[1] for m in meetings(run(text, "2025-08-17"))] == ["2025-08-17"]


def test_postponed_after_an_insertion(run):
    text = (
        "Talks between Vladimir Putin and Recep Tayyip Erdogan, originally set for Tuesday, "
        "were postponed."
    )
    result = run(text, "2025-03-05")
    assert (meetings(result), [p[0] for p in planned(result)]) == (
        [],
        [frozenset({PUTIN, "Recep Tayyip Erdogan"})],
    )


def test_the_two_day_summit_is_not_a_pair_of_leaders(run):
    text = (
        "Donald Trump and Vladimir Putin spoke on the phone. "
        "The two-day summit in Brussels ended on Friday."
    )
    assert [m[0] for m in meetings(run(text, "2025-03-05"))] == [frozenset({TRUMP, PUTIN})]


# --- generalisation (own corpus 05–08) ---


def test_date_after_since_does_not_date_the_meeting(run):
    text = (
        "On Friday, Johann Wadephul and David Lammy met Abbas Araghchi in Geneva, the first "
        "contact since Israel began striking Iran on June 13."
    )
    assert [(m[0], m[1]) for m in meetings(run(text, "2025-06-21"))] == [
        (frozenset({"Johann Wadephul", "David Lammy", "Abbas Araghchi"}), "2025-06-20")
    ]


def test_conjoined_guest_stays_with_the_meeting_word(run):
    text = (
        "Emmanuel Macron later held a video call with Ukrainian President Volodymyr Zelensky "
        "and British Prime Minister Keir Starmer to brief them on the conversation."
    )
    assert [(m[0], m[3]) for m in meetings(run(text, "2025-07-01"))] == [
        (frozenset({"Emmanuel Macron", "Volodymyr Zelensky", "Keir Starmer"}), "call")
    ]


def test_passive_agent_is_not_the_subject_of_the_next_verb(run):
    text = (
        "On Wednesday, Donald Trump was received by Vietnamese President Nguyen Phu Trong at "
        "the Presidential Palace and then held talks with Prime Minister Nguyen Xuan Phuc."
    )
    assert sorted(sorted(m[0]) for m in meetings(run(text, "2019-02-28"))) == [
        ["Donald Trump", "Nguyễn Phú Trọng"],
        ["Donald Trump", "Nguyễn Xuân Phúc"],
    ]


# --- quotations over paragraphs, descriptions of the speaker ---


def test_future_in_a_relative_clause_does_not_make_the_main_meeting_planned(run):
    text = "Olaf Scholz, who will see Joe Biden on Friday, met Emmanuel Macron on Tuesday."
    assert [m[0] for m in meetings(run(text, "2023-06-15"))] == [
        frozenset({"Olaf Scholz", "Emmanuel Macron"})
    ]


def test_future_in_a_coordinated_predicate_is_its_own(run):
    text = "Olaf Scholz met Emmanuel Macron on Tuesday and will meet Joe Biden on Friday."
    assert [m[0] for m in meetings(run(text, "2023-06-15"))] == [
        frozenset({"Olaf Scholz", "Emmanuel Macron"})
    ]


def test_object_of_another_verb_is_no_party(run):
    text = "Joe Biden criticised Vladimir Putin after meeting Olaf Scholz on Tuesday."
    assert [m[0] for m in meetings(run(text, "2023-06-15"))] == [frozenset({BIDEN, "Olaf Scholz"})]


def test_subject_of_a_day_after_clause_is_no_party(run):
    text = (
        "Olaf Scholz met Emmanuel Macron on Tuesday, a day after Vladimir Putin accused "
        "the West of lying."
    )
    assert [m[0] for m in meetings(run(text, "2023-06-15"))] == [
        frozenset({"Olaf Scholz", "Emmanuel Macron"})
    ]


def test_those_listed_as_present_are_not_parties_of_a_later_meeting(run):
    text = (
        "At the summit attended by Joe Biden, Olaf Scholz, Emmanuel Macron and Narendra Modi, "
        "Joe Biden held talks with Narendra Modi."
    )
    assert [m[0] for m in meetings(run(text, "2023-06-15"))] == [
        frozenset({BIDEN, "Narendra Modi"})
    ]


# --- meeting kind: reception at the presidential palace, sidelines ---


def test_same_leaders_with_a_minister_the_same_day_are_the_same_meeting(run):
    text = (
        "President Joe Biden received Narendra Modi at the White House on Thursday. Biden and "
        "Secretary of State Antony Blinken then held talks with Modi."
    )
    people = {"Joe Biden", "Narendra Modi", "Antony Blinken"}
    assert meetings(run(text, "2023-06-23")) == [
        (frozenset(people), "2023-06-22", "Washington", "visit", "current")
    ]


def test_the_two_ministers_stand_for_the_pair_just_named(run):
    text = (
        "Foreign Minister Faisal bin Farhan met Hossein Amir-Abdollahian in Beijing on "
        "Thursday. The two ministers spoke by phone on Monday."
    )
    pair = frozenset({"Faisal bin Farhan Al Saud", "Hossein Amir-Abdollahian"})
    assert [(m[0], m[1], m[3]) for m in meetings(run(text, "2023-04-07"))] == [
        (pair, "2023-04-06", "bilateral"),
        (pair, "2023-04-03", "call"),
    ]


# One case per row: the text, its publication date, what is compared (meetings,
# direct or indirect statements) and the whole value expected.
CASES = [
    pytest.param(
        "Joe Biden met Xi Jinping on Wednesday in Geneva to discuss trade.",
        "2023-11-17",
        meetings,
        [(frozenset({BIDEN, XI}), "2023-11-15", "Geneva", "bilateral", "current")],
        id="met_on_weekday_in_city",
    ),
    pytest.param(
        "The US president held talks with Chinese President Xi Jinping in Beijing.",
        "2017-11-09",
        meetings,
        [(frozenset({TRUMP, XI}), "2017-11-09", "Beijing", "bilateral", "current")],
        id="role_and_country_resolve_to_the_holder_on_the_day",
    ),
    pytest.param(
        "Donald Trump spoke by phone with Vladimir Putin on Tuesday.",
        "2025-03-18",
        meetings,
        [(frozenset({TRUMP, PUTIN}), "2025-03-18", None, "call", "current")],
        id="phone_call",
    ),
    pytest.param(
        "Joe Biden met Xi Jinping on Monday in Bali. "
        "The two leaders last met in June 2021 at a summit in Geneva, Biden recalled.",
        "2022-11-14",
        meetings,
        [
            (frozenset({BIDEN, XI}), "2022-11-14", "Bali", "bilateral", "current"),
            (frozenset({BIDEN, XI}), "2021-06", "Geneva", "bilateral", "past"),
        ],
        id="last_month_back_reference_is_past",
    ),
    pytest.param(
        'Joe Biden said, "We have to ensure that competition does not veer into conflict."',
        "2023-11-15",
        direct,
        [(BIDEN, "We have to ensure that competition does not veer into conflict.")],
        id="quote_after_speaker_with_comma",
    ),
    pytest.param(
        "“Turning our back on each other is not an option,” Xi Jinping told reporters.",
        "2023-11-15",
        direct,
        [(XI, "Turning our back on each other is not an option")],
        id="speaker_after_quote",
    ),
    pytest.param(
        "Xi Jinping's aide was silent, but Joe Biden told reporters 'the talks went well'.",
        "2023-11-15",
        direct,
        [(BIDEN, "the talks went well")],
        id="single_quotes_and_apostrophes",
    ),
    pytest.param(
        "Joe Biden arrived in Woodside, California, on Wednesday. "
        '"We value this conversation," he said.',
        "2023-11-15",
        direct,
        [(BIDEN, "We value this conversation")],
        id="speaker_as_pronoun",
    ),
    pytest.param(
        "Vladimir Putin met Donald Trump's envoy Steve Witkoff in Moscow on Thursday.",
        "2025-08-07",
        meetings,
        [(frozenset({PUTIN, "Steve Witkoff"}), "2025-08-07", "Moscow", "bilateral", "current")],
        id="envoy_of_a_leader_is_not_the_leader",
    ),
    pytest.param(
        "Donald Trump urged Xi Jinping in a post to pass his greetings to Vladimir Putin.",
        "2025-09-03",
        meetings,
        [],
        id="two_leaders_named_is_not_a_meeting",
    ),
    pytest.param(
        "Joe Biden will meet Xi Jinping next week on the sidelines of the summit.",
        "2023-11-08",
        meetings,
        [],
        id="future_meeting_is_not_a_meeting",
    ),
    pytest.param(
        "Donald Trump cancelled a planned meeting with Vladimir Putin in Budapest.",
        "2025-10-22",
        meetings,
        [],
        id="cancelled_meeting_is_not_a_meeting",
    ),
    pytest.param(
        "Vladimir Putin, who hosted the summit, met Masoud Pezeshkian on Wednesday.",
        "2024-10-23",
        meetings,
        [(frozenset({PUTIN, "Masoud Pezeshkian"}), "2024-10-23", None, "bilateral", "current")],
        id="relative_clause_does_not_take_the_meeting",
    ),
    pytest.param(
        'Joe Biden met Benjamin Netanyahu. "We are ready," the White House said.',
        "2024-02-01",
        direct,
        [],
        id="institution_as_speaker_is_not_the_last_leader",
    ),
    pytest.param(
        'Sergey Lavrov hosted Toshimitsu Motegi. "An informal dinner was held.\n\n'
        'They spent eight hours together," Atsushi Kaifu said.',
        "2019-12-19",
        direct,
        [("Atsushi Kaifu", "An informal dinner was held.\n\nThey spent eight hours together")],
        id="quote_running_over_two_paragraphs",
    ),
    pytest.param(
        "Narendra Modi and Xi Jinping last met in Bali in November 2022, when they spoke "
        "at a dinner hosted by the Indonesian president.",
        "2024-10-23",
        meetings,
        [(frozenset({"Narendra Modi", XI}), "2022-11", "Bali", "bilateral", "past")],
        id="person_in_a_when_clause_is_not_a_participant",
    ),
    pytest.param(
        "Sergey Lavrov met his Chinese counterpart in Beijing on Tuesday.",
        "2024-04-10",
        meetings,
        [
            (
                frozenset({"Sergey Lavrov", "Wang Yi"}),
                "2024-04-09",
                "Beijing",
                "bilateral",
                "current",
            )
        ],
        id="counterpart_is_the_other_countrys_holder_of_the_same_office",
    ),
    pytest.param(
        "The U.S. president met Xi Jinping in Woodside, California, on Nov. 15, 2023.",
        "2023-11-16",
        meetings,
        [(frozenset({BIDEN, XI}), "2023-11-15", "Woodside", "bilateral", "current")],
        id="abbreviated_month_and_dotted_country",
    ),
    pytest.param(
        "Joe Biden visited the town on Monday. John Smith, a local farmer, was angry. "
        '"This is terrible," he said.',
        "2024-05-01",
        direct,
        [],
        id="pronoun_after_someone_unknown_is_not_the_leader_named_earlier",
    ),
    pytest.param(
        "Biden meets Xi Jinping as tensions rise\n\n"
        "President Joe Biden met Chinese President Xi Jinping on Monday in Bali.\n",
        "2022-11-16",
        meetings,
        [(frozenset({BIDEN, XI}), "2022-11-14", "Bali", "bilateral", "current")],
        id="undated_headline_takes_the_date_of_the_reported_meeting",
    ),
    # --- generalisation: back-references, datelines, planned meetings, receptions ---
    pytest.param(
        "Recep Tayyip Erdogan called on Vladimir Putin and Volodymyr Zelensky to hold talks.",
        "2025-03-13",
        meetings,
        [],
        id="called_on_two_leaders_to_hold_talks",
    ),
    pytest.param(
        "Keir Starmer welcomed Emmanuel Macron to Downing Street on Tuesday.",
        "2025-07-09",
        meetings,
        [
            (
                frozenset({"Keir Starmer", "Emmanuel Macron"}),
                "2025-07-08",
                "London",
                "visit",
                "current",
            )
        ],
        id="welcomed_to_downing_street",
    ),
    pytest.param(
        "Keir Starmer welcomed Emmanuel Macron's decision on Tuesday.",
        "2025-07-09",
        meetings,
        [],
        id="welcomed_a_decision_is_no_reception",
    ),
    pytest.param(
        "Joe Biden and Vladimir Putin held their first summit in Geneva on Wednesday.",
        "2021-06-17",
        meetings,
        [
            (
                frozenset({"Joe Biden", "Vladimir Putin"}),
                "2021-06-16",
                "Geneva",
                "bilateral",
                "current",
            )
        ],
        id="their_first_summit",
    ),
    pytest.param(
        "Keir Starmer said the talks in  been useful for Europe.",
        "2025-07-09",
        indirect,
        [("Keir Starmer", "Keir Starmer said the talks in")],
        id="said_without_that_is_reported_speech",
    ),
    pytest.param(
        "Vladimir Putin received a letter from Kim Jong Un on Tuesday.",
        "2025-03-05",
        meetings,
        [],
        id="receiving_a_letter_is_no_meeting",
    ),
    # --- generalisation (own corpus 05–08) ---
    pytest.param(
        "The Kremlin has said Kim Jong Un is welcome in Russia for a first meeting with "
        "President Vladimir Putin, but no date has been set.",
        "2019-03-01",
        meetings,
        [],
        id="welcome_for_a_meeting_is_not_a_meeting",
    ),
    # --- third round: owners of other meetings, ruling out ---
    pytest.param(
        "Rubio's visit came two days after Richard Grenell, Trump's envoy, met Nicolás Maduro "
        "in Caracas.",
        "2025-02-03",
        meetings,
        [],
        id="owner_of_a_visit_is_not_the_subject_of_a_later_meeting",
    ),
    pytest.param(
        "Marco Rubio told reporters on Sunday, ruling out any meeting with Nicolás Maduro.",
        "2025-02-03",
        meetings,
        [],
        id="ruling_out_a_meeting",
    ),
    # --- quotations over paragraphs, descriptions of the speaker ---
    pytest.param(
        "Jean-Noël Barrot met Abbas Araghchi in Geneva on Friday. Barrot said the talks had "
        "been useful. “There can be no solution by military means.\n\n"
        "“France will remain ready to host such talks,” the French minister added.",
        "2025-06-21",
        direct,
        [
            ("Jean-Noël Barrot", "There can be no solution by military means."),
            ("Jean-Noël Barrot", "France will remain ready to host such talks"),
        ],
        id="quote_over_two_paragraphs_then_description_with_a_country",
    ),
    pytest.param(
        "Emmanuel Macron attended the summit with Olaf Scholz and Joe Biden, but did not "
        "meet Xi Jinping.",
        "2023-06-15",
        meetings,
        [],
        id="attending_a_summit_together_is_not_a_meeting",
    ),
    # --- meeting kind: reception at the presidential palace, sidelines ---
    pytest.param(
        "Emmanuel Macron was received on Thursday by Cyril Ramaphosa at the presidential palace.",
        "2025-03-07",
        meetings,
        [
            (
                frozenset({"Emmanuel Macron", "Cyril Ramaphosa"}),
                "2025-03-06",
                None,
                "visit",
                "current",
            )
        ],
        id="received_at_the_presidential_palace_is_a_visit",
    ),
    pytest.param(
        "Donald Trump held talks with Emmanuel Macron on Tuesday on the sidelines of the summit "
        "in Washington.",
        "2025-03-05",
        meetings,
        [
            (
                frozenset({TRUMP, "Emmanuel Macron"}),
                "2025-03-04",
                "Washington",
                "bilateral",
                "current",
            )
        ],
        id="talks_on_the_sidelines_of_a_summit_are_bilateral",
    ),
    pytest.param(
        "Joe Biden arrived in Paris on Friday for a two-day trip.\n\n"
        "Biden then held talks with Emmanuel Macron at the Elysee.",
        "2024-06-08",
        meetings,
        [(frozenset({"Joe Biden", "Emmanuel Macron"}), "2024-06-07", "Paris", "visit", "past")],
        id="undated_meeting_after_the_lede_takes_the_day_of_the_lede",
    ),
]


@pytest.mark.parametrize(("text", "published", "view", "expected"), CASES)
def test_extracts(run, text, published, view, expected):
    assert view(run(text, published)) == expected
