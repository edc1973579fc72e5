"""Statement clean-up (diplomacy/extraction/statement_cleanup.py), one table per rule.

- A quotation's closing comma, semicolon, colon or dash is the narrating sentence's,
  not the speaker's; a full stop, question mark, exclamation mark or ellipsis is the
  speaker's.
- A narrated sentence that reports nothing but a quotation is not stored a second time
  as an indirect statement; one that reports something of its own is.
- A quotation of one or two words inside a narrated sentence is a fragment (a
  highlight), not a statement; a short answer standing on its own is a statement.
"""

from datetime import date

import pytest

from diplomacy.extraction import to_schema
from diplomacy.extraction.statement_cleanup import tidy_statements
from diplomacy.extraction.types import ExtractedStatement, Extraction

BIDEN, PUTIN, MACRON, SCHOLZ = "Joe Biden", "Vladimir Putin", "Emmanuel Macron", "Olaf Scholz"
IOHANNIS, MELONI, SANCHEZ = "Klaus Iohannis", "Giorgia Meloni", "Pedro Sanchez"

DAY = "2023-11-15"


def _said(extraction: Extraction) -> list[tuple[str, str, str]]:
    return [(s.speaker, s.text, s.kind) for s in extraction.statements]


def _fragments(extraction: Extraction) -> list[tuple[str, str]]:
    return [(s.speaker, s.text) for s in extraction.fragments]


# --------------------------------------------------------------- closing punctuation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English puts the comma inside the closing mark; it still is not what was said.
        ('"We will keep talking to each other," Joe Biden said on Tuesday.',
         [(BIDEN, "We will keep talking to each other", "direct")]),
        # Russian dialogue: "— …, — сказал Путин".
        ("— Мы обсудили все вопросы повестки, — сказал Владимир Путин журналистам.",
         [(PUTIN, "Мы обсудили все вопросы повестки", "direct")]),
        # Romanian and German put the comma outside: nothing to cut.
        ("„Vom lucra împreună pentru securitatea regiunii”, a spus Klaus Iohannis.",
         [(IOHANNIS, "Vom lucra împreună pentru securitatea regiunii", "direct")]),
        ("„Wir werden die Ukraine weiter unterstützen“, sagte Olaf Scholz am Montag.",
         [(SCHOLZ, "Wir werden die Ukraine weiter unterstützen", "direct")]),
        # A full stop inside the marks ends the sentence that was said: it stays.
        ("Olaf Scholz sagte: „Wir werden die Ukraine so lange wie nötig unterstützen.“",
         [(SCHOLZ, "Wir werden die Ukraine so lange wie nötig unterstützen.", "direct")]),
    ],
)  # fmt: skip
def test_closing_punctuation_of_the_narration_is_cut_from_the_quotation(run, text, expected):
    extraction = run(text, DAY)
    assert _said(extraction) == expected
    assert [text[s.start : s.end] for s in extraction.statements] == [t for _, t, _ in expected]


def _one_quotation(text: str) -> Extraction:
    said = ExtractedStatement(BIDEN, text, "direct", 10, 10 + len(text), "en")
    return Extraction(language="en", published=date(2023, 11, 15), statements=[said])


@pytest.mark.parametrize(
    ("quoted", "stored"),
    [
        ("We will talk again soon,", "We will talk again soon"),
        ("We will talk again soon;", "We will talk again soon"),
        ("There is one condition:", "There is one condition"),
        ("We will talk again soon —", "We will talk again soon"),
        ("Are we ready for this?", "Are we ready for this?"),
        ("Long live our friendship!", "Long live our friendship!"),
        ("We will see what comes next…", "We will see what comes next…"),
        ("We will talk again soon.", "We will talk again soon."),
    ],
)
def test_question_exclamation_ellipsis_and_full_stop_are_what_was_said(quoted, stored):
    (said,) = tidy_statements(_one_quotation(quoted)).statements
    assert (said.text, said.start, said.end) == (stored, 10, 10 + len(stored))


# --------------------------------------------------------- indirect around a quotation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The quotation is the whole of what the sentence reports: stored once, as said.
        ("Klaus Iohannis a spus că „vom continua să lucrăm împreună pentru securitatea "
         "regiunii”.",
         [(IOHANNIS, "vom continua să lucrăm împreună pentru securitatea regiunii", "direct")]),
        ('Joe Biden told reporters: "We have made real progress on the hardest questions."',
         [(BIDEN, "We have made real progress on the hardest questions.", "direct")]),
        ("Giorgia Meloni ha detto che “l'Italia farà la sua parte fino alla fine”.",
         [(MELONI, "l'Italia farà la sua parte fino alla fine", "direct")]),
        ("Emmanuel Macron a déclaré que « la France restera aux côtés de ses partenaires ».",
         [(MACRON, "la France restera aux côtés de ses partenaires", "direct")]),
        ("Olaf Scholz sagte: „Wir stehen fest an der Seite unserer Partner.“",
         [(SCHOLZ, "Wir stehen fest an der Seite unserer Partner.", "direct")]),
    ],
)  # fmt: skip
def test_sentence_reporting_only_a_quotation_is_one_direct_statement(run, text, expected):
    assert _said(run(text, DAY)) == expected


@pytest.mark.parametrize(
    ("text", "quotation"),
    [
        # The narration says something the quotation does not: "the Romanians will
        # travel without visas", "he had no objection to a call", "ruled out a trip".
        ("Klaus Iohannis a afirmat că românii vor călători fără vize „în cel mai scurt "
         "timp posibil”.", (IOHANNIS, "în cel mai scurt timp posibil")),
        ('Joe Biden said he had no objection to a call but warned: "Nothing will be signed '
         'this week."', (BIDEN, "Nothing will be signed this week.")),
        ('Pedro Sánchez dijo que su país "es un aliado fiable y leal" y descartó viajar a '
         "Washington.", (SANCHEZ, "es un aliado fiable y leal")),
    ],
)  # fmt: skip
def test_sentence_reporting_more_than_its_quotation_keeps_its_indirect_statement(
    run, text, quotation
):
    speaker, quoted = quotation
    assert _said(run(text, DAY)) == [(speaker, text, "indirect"), (speaker, quoted, "direct")]


def test_a_quotation_of_someone_else_leaves_the_indirect_statement_alone():
    sentence = 'Biden said: "Putin will not win."'
    indirect = ExtractedStatement(BIDEN, sentence, "indirect", 0, len(sentence), "en")
    quoted = ExtractedStatement(PUTIN, "Putin will not win.", "direct", 13, 32, "en")
    extraction = Extraction("en", None, statements=[indirect, quoted])
    assert tidy_statements(extraction).statements == [indirect, quoted]


# --------------------------------------------------------------------------- fragments


@pytest.mark.parametrize(
    ("text", "statements", "fragments"),
    [
        ("Vladimir Putin a lăudat „curajul” soldaților.", [], [(PUTIN, "curajul")]),
        ("Olaf Scholz nannte das Treffen „nützlich“.", [], [(SCHOLZ, "nützlich")]),
        # An elided article stays with its noun: two words.
        ("Emmanuel Macron a dit craindre une « période d'incertitude » pour l'Europe.",
         [(MACRON, "Emmanuel Macron a dit craindre une « période d'incertitude » pour "
                   "l'Europe.", "indirect")],
         [(MACRON, "période d'incertitude")]),
        # The sentence around a fragment is the statement.
        ('Joe Biden said the talks had been "very productive" and would go on.',
         [(BIDEN, 'Joe Biden said the talks had been "very productive" and would go on.',
           "indirect")],
         [(BIDEN, "very productive")]),
        # Three words are a statement.
        ('Joe Biden said the meeting was "good and frank" and that talks would go on.',
         [(BIDEN, 'Joe Biden said the meeting was "good and frank" and that talks would go '
                  'on.', "indirect"), (BIDEN, "good and frank", "direct")],
         []),
    ],
)  # fmt: skip
def test_quotations_of_one_or_two_words_are_fragments_not_statements(
    run, text, statements, fragments
):
    extraction = run(text, DAY)
    assert (_said(extraction), _fragments(extraction)) == (statements, fragments)
    assert {s.kind for s in extraction.fragments} <= {"fragment"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Asked whether he would call Vladimir Putin again, Joe Biden replied: "Not yet."',
         [(BIDEN, "Not yet.", "direct")]),
        ("Întrebat dacă va merge la Kiev, Klaus Iohannis a răspuns: „Da, curând”.",
         [(IOHANNIS, "Da, curând", "direct")]),
        ('Joe Biden met Xi Jinping in Woodside. "Welcome back," Biden told him.',
         [(BIDEN, "Welcome back", "direct")]),
    ],
)  # fmt: skip
def test_a_short_answer_standing_on_its_own_is_a_statement(run, text, expected):
    extraction = run(text, DAY)
    assert (_said(extraction), _fragments(extraction)) == (expected, [])


def test_fragments_are_not_in_the_scored_output(run):
    extraction = run("Vladimir Putin a lăudat „curajul” soldaților.", DAY)
    assert to_schema(extraction, "x.txt")["statements"] == []
    assert _fragments(extraction) == [(PUTIN, "curajul")]
