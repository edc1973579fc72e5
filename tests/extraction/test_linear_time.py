"""The lookups that made extraction linear in the text's length (issue 15, defect 4) give
the answers of the scans over the whole document they replaced.

Their speed is measured by `make bench-extract` (bench/extract_speed.py, the curve from
100 KB to 5 MB), not here; the engine's outputs on every corpus article are pinned by
test_refactor_golden.py.
"""

from pathlib import Path

import pytest

from diplomacy.extraction.dates import marker_end
from diplomacy.extraction.document import (
    in_quote,
    mention_covers,
    mentions_at,
    mentions_ending_before,
    mentions_in_sentence,
    mentions_starting_at,
    places_from_token,
    places_starting,
    pronouns_starting,
    quote_ends_between,
    sentence_at,
)
from diplomacy.extraction.language import detect_language
from diplomacy.extraction.names import find_names
from diplomacy.extraction.places import find_places
from diplomacy.extraction.prepare import prepare_document
from diplomacy.extraction.pronouns import find_demonyms_and_pronouns
from diplomacy.extraction.roles import find_roles
from diplomacy.extraction.speakers import _inside_longer
from diplomacy.extraction.text import _QuoteLookup

CORPUS = Path(__file__).resolve().parent / "corpus"


def _joined(language: str, count: int = 6) -> str:
    """Several articles of one language of the test corpus, one after the other."""
    articles = sorted(CORPUS.glob(f"{language}-*.txt"))[:count]
    return "\n\n".join(p.read_text(encoding="utf-8") for p in articles)


def _document(text: str, knowledge_base):
    body = marker_end(text)
    doc = prepare_document(text, body, detect_language(text[body:]), None, knowledge_base)
    find_places(doc)
    doc.indexes.clear()
    find_roles(doc)
    find_names(doc)
    find_demonyms_and_pronouns(doc)
    doc.mentions.sort(key=lambda m: m.start)
    doc.indexes.clear()
    return doc


@pytest.fixture(scope="module", params=["en", "fr", "ro", "ru"])
def doc(request, knowledge_base):
    return _document(_joined(request.param), knowledge_base)


def test_joined_articles_give_a_document_with_quotes_places_and_mentions(doc):
    assert (len(doc.quotes) > 5, len(doc.places) > 5, len(doc.mentions) > 20) == (
        True,
        True,
        True,
    )


def test_quote_lookups_answer_as_a_scan_of_every_quotation(doc):
    lookup = _QuoteLookup(doc.quotes)
    for pos in range(0, len(doc.text) + 1):
        inside = any(a <= pos < b for a, b in doc.quotes)
        assert (in_quote(doc, pos), lookup.covers(pos)) == (inside, inside), pos
    for start in range(0, len(doc.text), 7):
        lo = max(0, start - 40)
        assert quote_ends_between(doc, lo, start) == any(lo <= e <= start for _, e in doc.quotes)


def test_sentence_at_answers_as_a_scan_of_every_sentence(doc):
    for pos in range(0, len(doc.text), 3):
        starts = [s for s, _ in doc.sentences]
        expected = max([0] + [i for i, s in enumerate(starts) if s <= pos])
        assert sentence_at(doc, pos) == expected


def test_mention_lookups_answer_as_a_scan_of_every_mention(doc):
    for k in range(len(doc.tokens) + 1):
        covering = [m for m in doc.mentions if m.ti <= k < m.tj]
        assert mentions_at(doc, k) == covering
        assert mention_covers(doc, k) == bool(covering)
        assert mentions_starting_at(doc, k) == [m for m in doc.mentions if m.ti == k]
        assert mentions_ending_before(doc, k) == [m for m in doc.mentions if m.tj == k]
    for s in range(len(doc.sentences)):
        assert mentions_in_sentence(doc, s) == [m for m in doc.mentions if m.sentence == s]
        a, b = doc.sentences[s]
        assert pronouns_starting(doc, a, b) == [
            m for m in doc.mentions if m.kind == "pronoun" and a <= m.start < b
        ]


def test_mention_lookups_follow_mentions_added_later(doc):
    added = type(doc.mentions[0])(0, 1, 0, 1, "name", key="unknown:x", sentence=0)
    doc.mentions.append(added)
    try:
        assert mentions_at(doc, 0)[-1] is added
        assert mentions_in_sentence(doc, 0)[-1] is added
    finally:
        doc.mentions.pop()
        doc.indexes.clear()


def test_place_lookups_answer_as_a_scan_of_every_place(doc):
    for s, e in doc.sentences:
        assert places_starting(doc, s, e) == [p for p in doc.places if s <= p.start < e]
    for lo in range(0, len(doc.tokens), 5):
        hi = lo + 9
        assert places_from_token(doc, lo, hi) == [p for p in doc.places if lo <= p.ti < hi]


@pytest.mark.parametrize(
    "texts",
    [
        ["a b c", "b", "b c", "", "a b c", "x"],
        ["putin said", "said", "id", "putin said today", "day"],
        ["same", "same"],
        [],
    ],
)
def test_inside_longer_answers_as_comparing_every_pair(texts):
    found = _inside_longer(texts)
    for text in texts:
        assert found[text] == any(len(o) > len(text) and text in o for o in texts), text
