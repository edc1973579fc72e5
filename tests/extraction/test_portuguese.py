"""Portuguese: "se reuniu com", meetings without a named subject, "Ontem (23)"."""

from tests.extraction.helpers import direct, meetings

LULA = "Luiz Inacio Lula da Silva"


def test_yesterday_with_day_in_brackets_is_a_past_meeting(run):
    text = (
        "Lula manteve encontros bilaterais nesta terça-feira (24) em Buenos Aires. "
        "Ontem (23), teve encontro com o presidente do país, Alberto Fernández."
    )
    assert meetings(run(text, "2023-01-24")) == [
        (frozenset({LULA, "Alberto Fernandez"}), "2023-01-23", "Buenos Aires", "bilateral", "past")
    ]


def test_meeting_with_only_the_other_party_named(run):
    text = (
        "Lula está em Buenos Aires para a cúpula. "
        "Outro encontro bilateral do dia ocorreu com o presidente de Cuba, Miguel Díaz-Canel."
    )
    assert meetings(run(text, "2023-01-24")) == [
        (
            frozenset({LULA, "Miguel Diaz-Canel"}),
            "2023-01-24",
            "Buenos Aires",
            "bilateral",
            "current",
        )
    ]


def test_speaker_after_quote_by_role(run):
    text = "Lula falou com jornalistas. “O Brasil voltou”, disse o governante brasileiro."
    assert direct(run(text, "2023-01-24")) == [(LULA, "O Brasil voltou")]
