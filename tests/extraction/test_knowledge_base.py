"""The knowledge base: loading the JSONL file, aliases, and office holders by date."""

import json
import unicodedata
from datetime import date

from diplomacy.extraction import KnowledgeBase, load_leader_entries
from diplomacy.extraction.types import LeaderEntry, Office
from diplomacy.leaders.data import LEADERS_FILE as DEFAULT_LEADERS_PATH


def test_office_holder_on_a_day(knowledge_base):
    holders = [
        knowledge_base.resolve_office_holder("US", "head_of_state", on=date(y, 6, 1)).name
        for y in (2016, 2019, 2022, 2025)
    ]
    assert holders == ["Barack Obama", "Donald Trump", "Joe Biden", "Donald Trump"]


def test_no_holder_outside_known_terms(knowledge_base):
    assert (
        knowledge_base.resolve_office_holder("IT", "head_of_government", date(1990, 1, 1)) is None
    )


def test_load_entries_reads_offices_and_partial_dates(tmp_path):
    path = tmp_path / "leaders.jsonl"
    row = {
        "key": "x-test",
        "name": "Ana Test",
        "country": "RO",
        "aliases": ["Test"],
        "offices": [
            {
                "title": "Prime Minister",
                "role": "head_of_government",
                "country": "RO",
                "start": "2020-03",
                "end": "2021",
            }
        ],
    }
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert load_leader_entries(path) == [
        LeaderEntry(
            key="x-test",
            name="Ana Test",
            country="RO",
            aliases=("Test",),
            offices=(
                Office(
                    "Prime Minister",
                    "head_of_government",
                    "RO",
                    date(2020, 3, 1),
                    date(2021, 12, 31),
                ),
            ),
        )
    ]


def test_data_file_holds_every_person_of_the_dev_annotations():
    names = {e.name for e in load_leader_entries(DEFAULT_LEADERS_PATH)}
    wanted = {
        "Vladimir Putin",
        "Kim Jong Un",
        "Xi Jinping",
        "Donald Trump",
        "Yuri Ushakov",
        "Volodymyr Zelensky",
        "Nicusor Dan",
        "Emmanuel Macron",
        "Klaus Iohannis",
        "Maia Sandu",
        "Natwar Singh",
        "Khurshid Mahmud Kasuri",
        "Manmohan Singh",
        "Sergey Lavrov",
        "Toshimitsu Motegi",
        "Atsushi Kaifu",
        "Joe Biden",
        "Antony Blinken",
        "Luiz Inacio Lula da Silva",
        "Alberto Fernandez",
        "Mia Mottley",
        "Miguel Diaz-Canel",
        "Charles Michel",
        "Qu Dongyu",
        "Steve Witkoff",
        "Jared Kushner",
        "Dmitry Peskov",
        "Giuseppe Conte",
        "Francois Hollande",
        "Barack Obama",
        "Nicolas Maduro",
        "Gustavo Petro",
    }
    # Compared as the scorer compares names: accents and case do not matter.
    assert {_plain(n) for n in wanted} - {_plain(n) for n in names} == set()


def _plain(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in folded if c.isalnum())


def test_knowledge_base_from_entries_matches_a_new_alias(run):
    kb = KnowledgeBase(
        [
            LeaderEntry("q1", "Ana Test", "RO", ("Ana Testescu",), ()),
            LeaderEntry("q2", "Bo Sample", "FR", (), ()),
        ]
    )
    from diplomacy.extraction import extract

    found = extract("Ana Testescu s-a întâlnit cu Bo Sample la Paris.", date(2024, 1, 5), kb)
    assert [m.participants for m in found.meetings] == [["Ana Test", "Bo Sample"]]
