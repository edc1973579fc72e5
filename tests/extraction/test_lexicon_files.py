"""The language files of the lexicon: every required key present, and a clear error if not."""

from __future__ import annotations

import shutil

import pytest

from diplomacy.extraction import lexicon
from diplomacy.extraction.datafiles import DataFileError, LanguageData
from diplomacy.extraction.lexicon import DATA_DIR, FIELDS, LANGUAGES


def test_every_language_file_has_every_field():
    files = LanguageData(DATA_DIR, FIELDS)
    assert {language: sorted(data) for language, data in files.by_language.items()} == {
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

    with pytest.raises(DataFileError) as error:
        LanguageData(copy, FIELDS)

    assert str(error.value) == "lexicon file de.toml: missing field(s): meeting_words"


def test_a_language_file_with_an_unknown_field_fails_naming_it(tmp_path):
    copy = tmp_path / "lexicon"
    shutil.copytree(DATA_DIR, copy)
    with (copy / "it.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[meeting_wrods]\n"x" = "y"\n')

    with pytest.raises(DataFileError, match=r"it\.toml: unknown field\(s\): meeting_wrods"):
        LanguageData(copy, FIELDS)


def test_a_missing_language_file_is_named(tmp_path):
    copy = tmp_path / "lexicon"
    shutil.copytree(DATA_DIR, copy)
    (copy / "ru.toml").unlink()

    with pytest.raises(DataFileError, match=r"ru\.toml is missing"):
        LanguageData(copy, FIELDS)


def test_words_read_across_languages_are_the_union_of_the_language_files_and_shared():
    assert lexicon.every("with_words") == [
        w
        for language in LANGUAGES
        for w in LanguageData(DATA_DIR, FIELDS).by_language[language]["with_words"]
    ]
    assert "Pentagon" in lexicon.NOT_SEAT_VENUES.split("|")


def test_a_dates_file_without_a_field_fails_naming_it(tmp_path):
    from diplomacy.extraction import date_words

    copy = tmp_path / "dates"
    shutil.copytree(DATA_DIR.parent / "dates", copy)
    fr = copy / "fr.toml"
    text = fr.read_text(encoding="utf-8")
    start = text.index("\nweekdays = [")
    end = text.index("]", start) + 1
    fr.write_text(text[:start] + text[end:], encoding="utf-8")

    with pytest.raises(DataFileError) as error:
        LanguageData(copy, date_words.FIELDS)

    assert str(error.value) == "dates file fr.toml: missing field(s): weekdays"


def test_a_geo_file_without_a_field_fails_naming_it(tmp_path):
    from diplomacy.extraction import geo

    (tmp_path / "places.toml").write_text(
        (geo.GEO_DIR / "places.toml")
        .read_text(encoding="utf-8")
        .replace("[capitals]", "[kapitals]"),
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as error:
        geo.load_geo_file("places.toml", geo.PLACES_FIELDS, tmp_path)

    assert str(error.value) == "geo file places.toml: missing field(s): capitals"


def test_a_grammar_table_without_a_trait_fails_naming_it():
    traits = dict(LanguageData(DATA_DIR, FIELDS).by_language["de"]["grammar"])
    del traits["verb_final"]

    with pytest.raises(DataFileError) as error:
        lexicon.grammar_of("de", traits)

    assert str(error.value) == "lexicon file de.toml: missing grammar trait(s): verb_final"


def test_grammar_traits_are_read_per_language():
    assert (lexicon.GRAMMAR["de"].verb_final, lexicon.GRAMMAR["de"].with_reach) == (True, 12)
    assert (lexicon.GRAMMAR["fr"].verb_final, lexicon.GRAMMAR["fr"].with_reach) == (False, 5)


def test_an_adjectives_country_without_a_language_fails_naming_it():
    from diplomacy.extraction import geo

    table = {"CL": {lang: "chilen*" for lang in ("en", "fr", "de", "es", "it", "pt", "ru")}}
    table["CL"]["xx"] = "chilean*"
    with pytest.raises(DataFileError) as error:
        geo.check_adjectives(table)

    assert str(error.value) == (
        "geo file adjectives.toml: CL: missing language(s): ro; unknown language(s): xx"
    )


def test_the_adjectives_cover_every_un_member_and_observer_taiwan_and_kosovo():
    from diplomacy.extraction import geo

    codes = {code for _, code, _ in geo.adjective_forms()}
    # Congo-Brazzaville has no form of its own ("Congolese" is DR Congo's).
    assert (len(codes), {"VA", "PS", "TW", "XK", "TV", "SS"} <= codes, "CG" in codes) == (
        196,
        True,
        False,
    )


def test_a_form_of_several_words_is_one_phrase_not_each_of_its_words():
    from diplomacy.extraction import geo

    english = {(form, code) for form, code, lang in geo.adjective_forms() if lang == "en"}
    assert (
        {("North-Korean", "KP"), ("South-Korean", "KR"), ("New-Zealand", "NZ")} <= english,
        [form for form, _ in english if form in ("North", "South", "New", "Korean")],
    ) == (True, [])
