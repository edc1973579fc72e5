"""Multi-word phrase lookup over folded tokens, with case-ending variants.

A phrase index maps the first folded token of each phrase to the phrases that start
with it; matching tries every variant form of a text token, so inflected forms find
their dictionary entry: Russian "Путина"/"Путиным" → "путин", Romanian "Rusiei" →
"rusia", "Kremlinului" → "kremlin". Endings are only stripped when the rest is long
enough to stay a distinctive stem.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from diplomacy.extraction import lexicon
from diplomacy.extraction.text import Token, is_cyrillic

# (ending, replacement) pairs for Russian nouns, names and adjectives, and Romanian
# genitive/dative and articled forms (the lexicon's case_rules).
_CASE_RULES = lexicon.table("case_rules")
# Cyrillic words are Russian, the only Cyrillic language read.
_CYRILLIC_RULES = _CASE_RULES["ru"]


@lru_cache(maxsize=65536)
def variants(norm: str, language: str) -> tuple[str, ...]:
    """The folded token and its candidate dictionary forms (Russian cases, Romanian
    articled and genitive forms, German genitive -s)."""
    forms = [norm]
    grammar = lexicon.GRAMMAR.get(language)
    if is_cyrillic(norm):
        for ending, repl in _CYRILLIC_RULES:
            if norm.endswith(ending) and len(norm) - len(ending) >= 3:
                forms.append(norm[: -len(ending)] + repl)
    elif grammar is not None and grammar.articled_genitive:
        for ending, repl in _CASE_RULES[language]:
            if norm.endswith(ending) and len(norm) - len(ending) >= 3:
                forms.append(norm[: -len(ending)] + repl)
    elif (
        grammar is not None
        and grammar.genitive_s
        and len(norm) >= 5
        and norm.endswith("s")
        and not norm.endswith("ss")
    ):
        # German genitive: "Bidens", "des Treffens", "des Kremls".
        forms.append(norm[:-1])
    return tuple(dict.fromkeys(forms))


class PhraseIndex:
    """Folded token sequences → payloads; ``match`` finds the longest phrase at a token."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        self.firsts: frozenset[str] = frozenset()

    def add(self, tokens: tuple[str, ...], payload: Any) -> None:
        if tokens:
            self._by_first.setdefault(tokens[0], []).append((tokens, payload))

    def add_all(self, items: Iterable[tuple[tuple[str, ...], Any]]) -> None:
        for tokens, payload in items:
            self.add(tokens, payload)

    def freeze(self) -> None:
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        # Callers test this first: most tokens start no phrase, and a set test is cheaper
        # than a call.
        self.firsts = frozenset(self._by_first)
        # Second level by the second word: a first word such as "president" or "san"
        # starts many phrases, and only those whose second word follows need checking.
        # Each entry keeps its rank in the longest-first order, which decides ties.
        self._index: dict[str, tuple[list, dict[str, list]]] = {}
        for first, entries in self._by_first.items():
            singles: list[tuple[int, Any]] = []
            multi: dict[str, list[tuple[int, tuple[str, ...], Any]]] = {}
            for rank, (phrase, payload) in enumerate(entries):
                if len(phrase) == 1:
                    singles.append((rank, payload))
                else:
                    multi.setdefault(phrase[1], []).append((rank, phrase, payload))
            self._index[first] = (singles, multi)

    def match(
        self,
        tokens: list[Token],
        i: int,
        language: str,
        joined: list[bool],
        exact: bool = False,
        forms: list[tuple[str, ...]] | None = None,
    ) -> tuple[int, list[Any]]:
        """(number of tokens, payloads) of the longest phrase starting at token i.

        ``joined[k]`` says tokens k and k+1 are separated by a space, hyphen or
        apostrophe only: a phrase never runs across a comma or a quotation mark.
        """
        best_len, best = 0, []
        first_forms = _forms_at(tokens, i, language, exact, forms)
        count = len(tokens)
        for form in first_forms:
            entry = self._index.get(form)
            if entry is None:
                continue
            singles, multi = entry
            found: list[tuple[int, int, Any]] = []
            if multi and i + 1 < count and joined[i]:
                seconds = _forms_at(tokens, i + 1, language, exact, forms)
                found = _longer_phrases(
                    multi, seconds, tokens, i, language, joined, exact, best_len
                )
            if singles and best_len <= 1:
                found.extend((1, rank, payload) for rank, payload in singles)
            if len(found) > 1:
                found.sort(key=lambda f: (-f[0], f[1]))
            for n, _, payload in found:
                if n < best_len:
                    continue
                if n > best_len:
                    best_len, best = n, [payload]
                elif payload not in best:
                    best.append(payload)
        return best_len, best


def _forms_at(
    tokens: list[Token],
    k: int,
    language: str,
    exact: bool,
    forms: list[tuple[str, ...]] | None,
) -> tuple[str, ...]:
    """The forms token k may match as: itself only, the precomputed ones, or its variants."""
    if exact:
        return (tokens[k].norm,)
    if forms is not None:
        return forms[k]
    return variants(tokens[k].norm, language)


def _longer_phrases(
    multi: dict[str, list[tuple[int, tuple[str, ...], Any]]],
    seconds: tuple[str, ...],
    tokens: list[Token],
    i: int,
    language: str,
    joined: list[bool],
    exact: bool,
    best_len: int,
) -> list[tuple[int, int, Any]]:
    """(length, rank, payload) of the phrases of two words or more matching at token i
    whose second word is one of ``seconds``, none shorter than ``best_len``."""
    found: list[tuple[int, int, Any]] = []
    count = len(tokens)
    for second in seconds:
        for rank, phrase, payload in multi.get(second, ()):
            n = len(phrase)
            if n < best_len or i + n > count:
                continue
            if n == 2 or all(
                joined[i + k - 1]
                and (
                    phrase[k] == tokens[i + k].norm
                    or not exact
                    and phrase[k] in variants(tokens[i + k].norm, language)
                )
                for k in range(2, n)
            ):
                found.append((n, rank, payload))
    return found
