"""The language files of the lexicon: every required key present, and a clear error if not."""

from __future__ import annotations

import shutil

import pytest

from diplomacy.extraction import lexicon
from diplomacy.extraction.lexicon import DATA_DIR, FIELDS, LANGUAGES, LexiconError, load_lexicon


def test_every_language_file_has_every_field():
    by_language, _shared = load_lexicon(DATA_DIR)
    assert {language: sorted(data) for language, data in by_language.items()} == {
        language: sorted(FIELDS) for language in LANGUAGES
    }


def test_a_language_file_without_a_field_fails_loudly_naming_the_file_and_field(tmp_path):
    copy = tmp_path / "lexicon"
    shutil.copytree(DATA_DIR, copy)
    de = copy / "de.toml"
    text = de.read_text(encoding="utf-8")
    start = text.index("\nmeeting_words = [")
    end = text.index("]", start) + 1
    de.write_text(text[:start] + text[end:], encoding="utf-8")

    with pytest.raises(LexiconError) as error:
        load_lexicon(copy)

    assert str(error.value) == "lexicon file de.toml: missing field(s): meeting_words"


def test_a_language_file_with_an_unknown_field_fails_naming_it(tmp_path):
    copy = tmp_path / "lexicon"
    shutil.copytree(DATA_DIR, copy)
    with (copy / "it.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[meeting_wrods]\n"x" = "y"\n')

    with pytest.raises(LexiconError, match=r"it\.toml: unknown field\(s\): meeting_wrods"):
        load_lexicon(copy)


def test_a_missing_language_file_is_named(tmp_path):
    copy = tmp_path / "lexicon"
    shutil.copytree(DATA_DIR, copy)
    (copy / "ru.toml").unlink()

    with pytest.raises(LexiconError, match=r"ru\.toml is missing"):
        load_lexicon(copy)


def test_words_read_across_languages_are_the_union_of_the_language_files_and_shared():
    assert lexicon.every("with_words") == [
        w for language in LANGUAGES for w in load_lexicon()[0][language]["with_words"]
    ]
    assert "Pentagon" in lexicon.NOT_SEAT_VENUES.split("|")
