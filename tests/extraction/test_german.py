"""German: „…“ quotes, "traf", role with country adjective."""

from tests.extraction.helpers import direct, indirect, meetings, planned


def test_met_in_berlin(run):
    text = "Bundeskanzler Friedrich Merz traf am Mittwoch Emmanuel Macron in Berlin."
    assert meetings(run(text, "2025-05-08")) == [
        (
            frozenset({"Friedrich Merz", "Emmanuel Macron"}),
            "2025-05-07",
            "Berlin",
            "bilateral",
            "current",
        )
    ]


def test_german_quotes_speaker_after(run):
    text = "„Wir stehen an der Seite der Ukraine“, sagte Friedrich Merz."
    assert direct(run(text, "2025-05-08")) == [
        ("Friedrich Merz", "Wir stehen an der Seite der Ukraine")
    ]


def test_single_low_quotes_and_title_as_speaker(run):
    text = "Friedrich Merz sprach in Berlin. ‚Wir bleiben standhaft‘, sagte der Kanzler."
    assert direct(run(text, "2025-05-08")) == [("Friedrich Merz", "Wir bleiben standhaft")]


# --- generalisation: German meeting words, planned meetings, reported speech ---


def test_verb_final_zusammengetroffen(run):
    text = (
        "Bundeskanzler Friedrich Merz ist am Dienstag in Paris mit Emmanuel Macron "
        "zusammengetroffen."
    )
    assert meetings(run(text, "2025-03-05")) == [
        (
            frozenset({"Friedrich Merz", "Emmanuel Macron"}),
            "2025-03-04",
            "Paris",
            "bilateral",
            "current",
        )
    ]


def test_will_treffen_is_a_planned_meeting(run):
    result = run("Merz will Emmanuel Macron in der kommenden Woche in Paris treffen.", "2025-03-05")
    assert (meetings(result), planned(result)) == (
        [],
        [(frozenset({"Friedrich Merz", "Emmanuel Macron"}), "2025-03-05")],
    )


def test_verb_final_reception_hat_empfangen(run):
    text = (
        "Emmanuel Macron hat am Dienstag den polnischen Regierungschef Donald Tusk in Paris "
        "empfangen."
    )
    assert meetings(run(text, "2025-03-05")) == [
        (frozenset({"Emmanuel Macron", "Donald Tusk"}), "2025-03-04", "Paris", "visit", "current")
    ]


def test_sprach_mit_far_after_the_verb(run):
    text = "Am Dienstag sprach Friedrich Merz in Warschau fast drei Stunden lang mit Donald Tusk."
    assert meetings(run(text, "2025-03-05")) == [
        (
            frozenset({"Friedrich Merz", "Donald Tusk"}),
            "2025-03-04",
            "Warsaw",
            "bilateral",
            "current",
        )
    ]


def test_sagte_dass_is_reported_speech(run):
    text = "Friedrich Merz sagte, dass Euroür seine Verteidigung tun müsse."
    assert indirect(run(text, "2025-03-05")) == [
        ("Friedrich Merz", "Friedrich Merz sagte, dass Eur")
    ]


def test_in_frage_does_not_make_the_next_quote_a_question(run):
    text = "Die Zukunft der Nato stehe in Frage. „Wir müssen jetzt handeln“, sagte Friedrich Merz."
    assert direct(run(text, "2025-03-05")) == [("Friedrich Merz", "Wir müssen jetzt handeln")]


def test_two_surnames_side_by_side(run):
    text = "Schon am Freitag hatte Macron Merz in Paris getroffen."
    assert meetings(run(text, "2025-03-10")) == [
        (
            frozenset({"Friedrich Merz", "Emmanuel Macron"}),
            "2025-03-07",
            "Paris",
            "bilateral",
            "past",
        )
    ]


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


def test_offer_to_host_talks_is_no_meeting(run):
    text = "Erdogan bot an, Gespräche zwischen Putin und Selenskyj in Istanbul auszurichten."
    assert meetings(run(text, "2025-03-05")) == []
