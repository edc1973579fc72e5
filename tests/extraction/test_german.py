"""German: „…“ quotes, "traf", role with country adjective."""

from tests.extraction.helpers import direct, meetings


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
