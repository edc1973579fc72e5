"""Per-language TOML data files (``data/<concern>/<language>.toml``), loaded and checked.

Each concern (the lexicon, dates) declares its fields as ``{key: (kind, scope)}``; every
language file must have every key, with a value of the key's kind, and nothing else. An
optional ``shared.toml`` beside them holds words that hold in every language, for keys
read across languages (scope ``"union"``). Any problem raises ``DataFileError`` naming the
file and the keys, when the engine is imported.

Kinds: ``words`` (a list of words, read as one space-separated string), ``tuple``,
``set``, ``list`` (lists of strings), ``pipe`` (a list of phrases or regex alternatives,
read as one "|"-separated string), ``roles`` (table phrase → [role, implied country or
""]), ``map`` (table word → word), ``particle_verbs`` (table particle → {reason, stems}),
``offsets`` (table phrase → whole number), ``regex`` (a pattern, compiled; "" for none),
``pattern`` (a piece of a pattern, kept as a string), ``pairs`` (a list of [string,
string] pairs).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

LANGUAGES = ("en", "ro", "fr", "de", "es", "it", "pt", "ru")
DATA_DIR = Path(__file__).resolve().parent / "data"

_LIST_KINDS = {"words", "tuple", "set", "list", "pipe"}
_PAIR_KINDS = {"pairs"}
_TABLE_KINDS = {"roles", "map", "particle_verbs", "offsets"}

Fields = dict[str, tuple[str, str]]


class DataFileError(ValueError):
    """A language file is missing, lacks a required key, has an unknown one, or a bad value."""


def _problems(data: dict, fields: Fields, *, shared: bool) -> list[str]:
    problems = []
    if not shared:
        missing = [key for key in fields if key not in data]
        if missing:
            problems.append(f"missing field(s): {', '.join(missing)}")
    unknown = [key for key in data if key not in fields]
    if unknown:
        problems.append(f"unknown field(s): {', '.join(unknown)}")
    for key, value in data.items():
        kind, scope = fields.get(key, ("", ""))
        if shared and scope != "union":
            problems.append(f"{key}: only keys read across languages may be shared")
        elif kind in _LIST_KINDS and not (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        ):
            problems.append(f"{key}: expected a list of strings")
        elif kind in _PAIR_KINDS and not (
            isinstance(value, list)
            and all(
                isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v)
                for v in value
            )
        ):
            problems.append(f"{key}: expected a list of [string, string] pairs")
        elif kind in _TABLE_KINDS and not isinstance(value, dict):
            problems.append(f"{key}: expected a table")
        elif kind in ("regex", "pattern") and not isinstance(value, str):
            problems.append(f'{key}: expected a string (a regular expression, or "")')
    return problems


def _read(path: Path, fields: Fields, *, shared: bool = False) -> dict:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    problems = _problems(data, fields, shared=shared)
    if problems:
        raise DataFileError(f"{path.parent.name} file {path.name}: " + "; ".join(problems))
    return data


class LanguageData:
    """The checked files of one concern: values per language, and unions across languages."""

    def __init__(self, directory: Path, fields: Fields, languages=LANGUAGES):
        self.fields = fields
        self.by_language: dict[str, dict] = {}
        for language in languages:
            path = directory / f"{language}.toml"
            if not path.exists():
                raise DataFileError(
                    f"{directory.name} file {path.name} is missing from {directory}"
                )
            self.by_language[language] = _read(path, fields)
        shared = directory / "shared.toml"
        self.shared = _read(shared, fields, shared=True) if shared.exists() else {}

    def table(self, key: str) -> dict:
        """{language: value} of a key, in language order; regexes compiled, empty ones left out."""
        kind = self.fields[key][0]
        if kind == "regex":
            return {
                language: re.compile(data[key])
                for language, data in self.by_language.items()
                if data[key]
            }
        return {language: convert(kind, data[key]) for language, data in self.by_language.items()}

    def every(self, key: str) -> list:
        """The items of a list key over the shared file and every language, in that order."""
        items = list(self.shared.get(key, ()))
        for data in self.by_language.values():
            items.extend(data[key])
        return items

    def union(self, key: str):
        """A key's value across languages, of the key's kind."""
        kind = self.fields[key][0]
        if kind in _TABLE_KINDS:
            merged = {}
            for data in self.by_language.values():
                merged.update(convert(kind, data[key]))
            return merged
        return convert(kind, self.every(key))


def convert(kind: str, value):
    """A raw TOML value as the engine reads it."""
    if kind == "words":
        return " ".join(value)
    if kind == "tuple":
        return tuple(value)
    if kind == "set":
        return set(value)
    if kind == "list":
        return list(value)
    if kind == "pipe":
        return "|".join(value)
    if kind == "roles":
        return {phrase: (role, country or None) for phrase, (role, country) in value.items()}
    if kind == "particle_verbs":
        return {p: (v["reason"], tuple(v["stems"])) for p, v in value.items()}
    if kind == "pattern":
        return value
    if kind == "pairs":
        return tuple((a, b) for a, b in value)
    return dict(value)  # map, offsets
