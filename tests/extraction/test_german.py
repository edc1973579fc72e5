"""German: „…“ quotes, "traf", role with country adjective."""

import pytest

from tests.extraction.helpers import direct, indirect, meetings, planned

# --- generalisation: German meeting words, planned meetings, reported speech ---


def test_will_treffen_is_a_planned_meeting(run):
    result = run("Merz will Emmanuel Macron in der kommenden Woche in Paris treffen.", "2025-03-05")
    assert (meetings(result), planned(result)) == (
        [],
        [(frozenset({"Friedrich Merz", "Emmanuel Macron"}), "2025-03-05")],
    )


def test_schloss_aus_rules_the_meeting_out(run):
    result = run("Ein Treffen mit Wladimir Putin schloss Friedrich Merz aus.", "2025-04-10")
    assert (meetings(result), planned(result)) == ([], [])


def test_telefoniert_is_a_call(run):
    text = "Friedrich Merz hat am Dienstag mit Emmanuel Macron telefoniert."
    assert [(m[1], m[3]) for m in meetings(run(text, "2025-03-05"))] == [("2025-03-04", "call")]


def test_genitive_name_next_to_the_meeting_word_takes_part(run):
    text = "Das Treffen Bidens mit Abdullah II. fand am Dienstag statt."
    assert [(m[0], m[1]) for m in meetings(run(text, "2023-10-18"))] == [
        (frozenset({"Joe Biden", "Abdullah II"}), "2023-10-17")
    ]


def test_genitive_possessor_is_not_a_participant(run):
    text = "Merz sprach am Dienstag über die Politik Putins und traf danach Emmanuel Macron."
    assert [m[0] for m in meetings(run(text, "2023-10-18"))] == [
        frozenset({"Friedrich Merz", "Emmanuel Macron"})
    ]


def test_planned_then_cancelled_meeting_is_no_meeting(run):
    result = run("Ein geplantes Treffen Bidens mit Abdullah II. wurde abgesagt.", "2023-10-18")
    assert (meetings(result), planned(result)) == ([], [])


# --- generalisation (own corpus 05–08): passives, separable verbs, several meetings ---


def test_passive_reception_with_trailing_auxiliary(run):
    text = (
        "In Peking ist Bundeskanzler Olaf Scholz am Freitag von Staats- und Parteichef "
        "Xi Jinping empfangen worden."
    )
    assert [(m[0], m[1]) for m in meetings(run(text, "2022-11-05"))] == [
        (frozenset({"Olaf Scholz", "Xi Jinping"}), "2022-11-04")
    ]


def test_separable_kam_zusammen_and_weekday_evening(run):
    text = (
        "Am Montagabend kam Recep Tayyip Erdoğan in Vilnius mit dem schwedischen "
        "Ministerpräsidenten Ulf Kristersson zusammen."
    )
    assert [(m[0], m[1]) for m in meetings(run(text, "2023-07-12"))] == [
        (frozenset({"Recep Tayyip Erdogan", "Ulf Kristersson"}), "2023-07-10")
    ]


def test_einzelgespraeche_are_one_meeting_per_pair(run):
    text = (
        "Auch Joe Biden und der britische Premierminister Rishi Sunak trafen Selenskyj "
        "anschließend zu Einzelgesprächen."
    )
    assert sorted(sorted(m[0]) for m in meetings(run(text, "2023-07-12"))) == [
        ["Joe Biden", "Volodymyr Zelensky"],
        ["Rishi Sunak", "Volodymyr Zelensky"],
    ]


def test_article_after_comma_is_not_a_relative_pronoun(run):
    text = (
        "Am Vormittag sind Selenskyj, US-Präsident Joe Biden, der Kanzler Olaf Scholz und "
        "die übrigen Regierungschefs im Nato-Rat zusammengekommen."
    )
    assert [m[0] for m in meetings(run(text, "2023-07-12"))] == [
        frozenset({"Volodymyr Zelensky", "Joe Biden", "Olaf Scholz"})
    ]


def test_lehnt_ab_rules_a_meeting_out(run):
    text = "Ein Treffen mit Wolodymyr Selenskyj lehnt Kremlchef Wladimir Putin bislang ab."
    result = run(text, "2021-12-08")
    assert (meetings(result), planned(result)) == ([], [])


def test_kommende_woche_is_planned(run):
    text = "Ein Treffen zwischen Macron und Donald Trump ist für kommende Woche in Brüssel geplant."
    result = run(text, "2017-05-16")
    assert meetings(result) == []


def test_kremlchef_is_the_russian_president(run):
    text = (
        "US-Präsident Joe Biden und Kremlchef Wladimir Putin haben gestern per Videoschalte "
        "über die Lage beraten."
    )
    assert [(m[0], m[1], m[3]) for m in meetings(run(text, "2021-12-08"))] == [
        (frozenset({"Joe Biden", "Vladimir Putin"}), "2021-12-07", "call")
    ]


# --- third round: meetings that did not happen ---


def test_call_planned_for_a_day_is_only_planned(run):
    text = (
        "Ein für Dienstag vorgesehenes Telefonat Frederiksens mit Keir Starmer kam nicht mehr "
        "zustande."
    )
    extraction = run(text, "2025-03-05")
    assert meetings(extraction) == []
    assert planned(extraction) == [(frozenset({"Mette Frederiksen", "Keir Starmer"}), "2025-03-04")]


def test_separated_particle_cancels_or_invites(run):
    for text in (
        "Olaf Scholz sagte das Treffen mit Emmanuel Macron ab.",
        "Olaf Scholz lud Emmanuel Macron zu einem Treffen nach Berlin ein.",
    ):
        assert meetings(run(text, "2023-06-15")) == [], text


# One case per row: the text, its publication date, what is compared (meetings,
# direct or indirect statements) and the whole value expected.
CASES = [
    pytest.param(
        "Bundeskanzler Friedrich Merz traf am Mittwoch Emmanuel Macron in Berlin.",
        "2025-05-08",
        meetings,
        [
            (
                frozenset({"Friedrich Merz", "Emmanuel Macron"}),
                "2025-05-07",
                "Berlin",
                "bilateral",
                "current",
            )
        ],
        id="met_in_berlin",
    ),
    pytest.param(
        "„Wir stehen an der Seite der Ukraine“, sagte Friedrich Merz.",
        "2025-05-08",
        direct,
        [("Friedrich Merz", "Wir stehen an der Seite der Ukraine")],
        id="german_quotes_speaker_after",
    ),
    pytest.param(
        "Friedrich Merz sprach in Berlin. ‚Wir bleiben standhaft‘, sagte der Kanzler.",
        "2025-05-08",
        direct,
        [("Friedrich Merz", "Wir bleiben standhaft")],
        id="single_low_quotes_and_title_as_speaker",
    ),
    # --- generalisation: German meeting words, planned meetings, reported speech ---
    pytest.param(
        "Bundeskanzler Friedrich Merz ist am Dienstag in Paris mit Emmanuel Macron "
        "zusammengetroffen.",
        "2025-03-05",
        meetings,
        [
            (
                frozenset({"Friedrich Merz", "Emmanuel Macron"}),
                "2025-03-04",
                "Paris",
                "bilateral",
                "current",
            )
        ],
        id="verb_final_zusammengetroffen",
    ),
    pytest.param(
        "Emmanuel Macron hat am Dienstag den polnischen Regierungschef Donald Tusk in Paris "
        "empfangen.",
        "2025-03-05",
        meetings,
        [
            (
                frozenset({"Emmanuel Macron", "Donald Tusk"}),
                "2025-03-04",
                "Paris",
                "visit",
                "current",
            )
        ],
        id="verb_final_reception_hat_empfangen",
    ),
    pytest.param(
        "Am Dienstag sprach Friedrich Merz in Warschau fast drei Stunden lang mit Donald Tusk.",
        "2025-03-05",
        meetings,
        [
            (
                frozenset({"Friedrich Merz", "Donald Tusk"}),
                "2025-03-04",
                "Warsaw",
                "bilateral",
                "current",
            )
        ],
        id="sprach_mit_far_after_the_verb",
    ),
    pytest.param(
        "Friedrich Merz sagte, dass Euroür seine Verteidigung tun müsse.",
        "2025-03-05",
        indirect,
        [("Friedrich Merz", "Friedrich Merz sagte, dass Eur")],
        id="sagte_dass_is_reported_speech",
    ),
    pytest.param(
        "Die Zukunft der Nato stehe in Frage. „Wir müssen jetzt handeln“, sagte Friedrich Merz.",
        "2025-03-05",
        direct,
        [("Friedrich Merz", "Wir müssen jetzt handeln")],
        id="in_frage_does_not_make_the_next_quote_a_question",
    ),
    pytest.param(
        "Schon am Freitag hatte Macron Merz in Paris getroffen.",
        "2025-03-10",
        meetings,
        [
            (
                frozenset({"Friedrich Merz", "Emmanuel Macron"}),
                "2025-03-07",
                "Paris",
                "bilateral",
                "past",
            )
        ],
        id="two_surnames_side_by_side",
    ),
    pytest.param(
        "Erdogan bot an, Gespräche zwischen Putin und Selenskyj in Istanbul auszurichten.",
        "2025-03-05",
        meetings,
        [],
        id="offer_to_host_talks_is_no_meeting",
    ),
    # --- generalisation (own corpus 05–08): passives, separable verbs, several meetings ---
    pytest.param(
        "»Europa wird nur stark sein, wenn wir zusammenstehen«, sagte Angela Merkel.",
        "2017-05-16",
        direct,
        [("Angela Merkel", "Europa wird nur stark sein, wenn wir zusammenstehen")],
        id="reversed_guillemets_are_quotes",
    ),
    pytest.param(
        "Mit Blick auf Taiwan sagte Olaf Scholz, jede Veränderung dürfe nur friedlich erfolgen.",
        "2022-11-05",
        indirect,
        [("Olaf Scholz", "Mit Blick auf Taiwan sagte Ola")],
        id="reported_speech_with_speaker_after_the_verb",
    ),
    pytest.param(
        "Ein Termin stehe noch nicht fest, sagte Kremlsprecher Dmitri Peskow.",
        "2023-07-12",
        indirect,
        [("Dmitry Peskov", "Ein Termin stehe noch nicht fe")],
        id="reported_speech_attributed_at_the_end",
    ),
    # --- third round: meetings that did not happen ---
    pytest.param(
        "Selenskyj und Assad beim selben Gipfel – aber ohne Begegnung",
        "2023-05-20",
        meetings,
        [],
        id="without_a_meeting_is_none",
    ),
    pytest.param(
        "Zu einer Begegnung zwischen Selenskyj und Assad kam es nicht; Assad verfolgte die Rede.",
        "2023-05-20",
        meetings,
        [],
        id="nicht_closing_the_clause_negates_the_meeting",
    ),
    pytest.param(
        "Beim Treffen der Arabischen Liga ist Selenskyj am Freitag aufgetreten, wenige Stunden "
        "nachdem Assad zurückgekehrt war.",
        "2023-05-20",
        meetings,
        [],
        id="meeting_of_an_organisation_is_a_gathering",
    ),
    pytest.param(
        "Am Montag traf Olaf Scholz William Ruto; ein Treffen mit Abdourahamane Tiani hatte "
        "der Kanzler dagegen schon vor der Reise ausgeschlossen.",
        "2023-10-31",
        meetings,
        [(frozenset({"Olaf Scholz", "William Ruto"}), "2023-10-30", None, "bilateral", "current")],
        id="meeting_ruled_out_after_a_semicolon_leaves_the_first_clause",
    ),
    pytest.param(
        "Olaf Scholz besuchte am Montag Ghana. „Wir wollen keine neuen Abhängigkeiten "
        "schaffen“, sagte der SPD-Politiker in Accra.",
        "2023-10-31",
        direct,
        [("Olaf Scholz", "Wir wollen keine neuen Abhängigkeiten schaffen")],
        id="description_after_the_verb_is_the_leader_spoken_of",
    ),
    pytest.param(
        "„Die Ukraine ist der Nato heute so nah wie nie zuvor“, sagte Jens Stoltenberg. "
        "Die Alliierten hätten sich darauf verständigt, auf den Aktionsplan zu verzichten.",
        "2023-07-12",
        indirect,
        [("Jens Stoltenberg", "Die Alliierten hätten sich dar")],
        id="subjunctive_goes_on_reporting_the_last_speaker",
    ),
    pytest.param(
        "Olaf Scholz reiste nach Paris, um Emmanuel Macron zu treffen.",
        "2023-06-15",
        meetings,
        [],
        id="purpose_infinitive_with_zu_is_no_meeting",
    ),
    pytest.param(
        "Olaf Scholz traf Emmanuel Macron nicht.",
        "2023-06-15",
        meetings,
        [],
        id="final_nicht_denies_the_meeting",
    ),
    pytest.param(
        "Olaf Scholz könnte Emmanuel Macron in Brüssel treffen.",
        "2023-06-15",
        meetings,
        [],
        id="konjunktiv_makes_the_meeting_hypothetical",
    ),
    # --- meeting kind: the host's seat, a call given as the means ---
    pytest.param(
        "Bundeskanzler Friedrich Merz ist am Dienstag im Weißen Haus mit Donald Trump "
        "zusammengetroffen.",
        "2025-03-05",
        meetings,
        [
            (
                frozenset({"Friedrich Merz", "Donald Trump"}),
                "2025-03-04",
                "Washington",
                "visit",
                "current",
            )
        ],
        id="meeting_at_the_hosts_seat_is_a_visit",
    ),
    pytest.param(
        "US-Präsident Joe Biden und Kremlchef Wladimir Putin haben gestern zwei Stunden lang "
        "per Videoschalte über die Lage an der Grenze beraten.",
        "2021-12-08",
        meetings,
        [(frozenset({"Joe Biden", "Vladimir Putin"}), "2021-12-07", None, "call", "current")],
        id="per_videoschalte_far_from_the_final_verb_is_a_call",
    ),
    pytest.param(
        "Olaf Scholz traf am Mittwoch Emmanuel Macron in Paris.\n\n"
        "Am Montag begann der Gipfel in Rom. Scholz traf dort Giorgia Meloni.",
        "2023-07-12",
        meetings,
        [
            (
                frozenset({"Olaf Scholz", "Emmanuel Macron"}),
                "2023-07-12",
                "Paris",
                "bilateral",
                "current",
            ),
            (
                frozenset({"Olaf Scholz", "Giorgia Meloni"}),
                "2023-07-10",
                "Rome",
                "bilateral",
                "past",
            ),
        ],
        id="undated_meeting_goes_on_with_the_event_of_the_sentence_before",
    ),
]


@pytest.mark.parametrize(("text", "published", "view", "expected"), CASES)
def test_extracts(run, text, published, view, expected):
    assert view(run(text, published)) == expected
