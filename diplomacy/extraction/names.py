"""Stage 4, names: known leaders by their aliases, and people the knowledge base lacks.

Reads the tokens, the roles and the knowledge base's name index. Adds name mentions to
``doc.mentions`` (full names, later surnames, inflected forms, first names of relatives)
and ``doc.unknown`` (capitalised people not in the knowledge base, with their titles).
"""

from __future__ import annotations

from diplomacy.extraction import lexicon
from diplomacy.extraction.document import Document, Mention, mentions_at, role_rank
from diplomacy.extraction.geo import FAMILY_NAME_FIRST, GIVEN_NAME_FIRST
from diplomacy.extraction.prepare import candidate_tokens, capitalised, sentence_initial
from diplomacy.extraction.text import (
    fold_phrase,
)
from diplomacy.extraction.types import (
    LeaderEntry,
)
from diplomacy.extraction.unknown_people import unknown_people
from diplomacy.extraction.words import (
    POSSESSIVE_CLITICS,
    ROLE_LINKS,
    folded_words,
)


def find_names(doc: Document) -> None:
    toks = doc.tokens
    found = _known_names(doc)
    found.extend(_titled_surnames(doc, found))
    found.extend(unknown_people(doc, found))
    found.extend(_later_surnames(doc, found))
    for i, n, keys, single, inflection in found:
        key = _choose_key(doc, i, keys, single)
        if key is None:
            continue
        start, end = toks[i].start, toks[i + n - 1].end
        doc.mentions.append(
            Mention(
                start,
                end,
                i,
                i + n,
                "name",
                key=key,
                sentence=doc.sent_of[i],
                in_quote=doc.quote_of[i] >= 0,
                inflection=inflection,
            )
        )
    _merge_roles_into_names(doc)
    _roles_to_named_leaders(doc)


def _known_names(doc: Document) -> list[tuple[int, int, list[str], bool, str]]:
    """(first token, length, leader keys, lone surname?, Russian ending) of every alias of
    the knowledge base in the article; full names are noted in ``doc.full_names``."""
    toks, kb = doc.tokens, doc.kb
    found: list[tuple[int, int, list[str], bool, str]] = []
    i = 0
    for start in candidate_tokens(doc, kb.aliases.firsts):
        if start < i:
            continue
        i = start
        n, payloads = kb.aliases.match(toks, i, doc.language, doc.joined, forms=doc.forms)
        if not n:
            i += 1
            continue
        keys = list(dict.fromkeys(p[0] for p in payloads))
        single = all(p[1] for p in payloads)
        if single and (_not_a_lone_surname(doc, i) or _other_given_name(doc, i)):
            i += 1
            continue
        inflection = ""
        last = toks[i + n - 1]
        if doc.lx.grammar.case_inflected_names and all(last.norm != p[2] for p in payloads):
            inflection = _case_ending(last.norm, doc.language)
        found.append((i, n, keys, single, inflection))
        if not single:
            for k in keys:
                doc.full_names.setdefault(k, []).append(toks[i].start)
        i += n
    return found


def _not_a_lone_surname(doc: Document, i: int) -> bool:
    """A lone surname must look like a name and not be part of a longer one."""
    toks, kb = doc.tokens, doc.kb
    nxt = i + 1
    return not capitalised(toks[i]) or (
        nxt < len(toks)
        and doc.joined[i]
        and capitalised(toks[nxt])
        and doc.text[toks[i].end : toks[nxt].start] == " "
        and toks[nxt].norm not in POSSESSIVE_CLITICS
        and not _is_known_word(doc, nxt)
        # "hatte Trump Putin … getroffen": two leaders' surnames side by side.
        and not kb.aliases.match(toks, nxt, doc.language, doc.joined, forms=doc.forms)[0]
    )


def _merge_roles_into_names(doc: Document) -> None:
    """A role right next to a name ("președintele rus Vladimir Putin") is the same person."""
    toks = doc.tokens
    names = [m for m in doc.mentions if m.kind == "name"]
    by_ti = {m.ti: m for m in names}
    by_tj = {m.tj: m for m in names}
    kept = []
    for m in doc.mentions:
        if m.kind == "role":
            # "el secretario de Estado estadounidense, Marco Rubio": a country adjective
            # may stand between the role and the name.
            nxt = m.tj
            while nxt in doc.country_tokens and nxt - m.tj < 2:
                nxt += 1
            end = toks[nxt - 1].end if nxt > m.tj else m.end
            gap_after = doc.text[end : toks[nxt].start] if nxt < len(toks) else ""
            if nxt in by_ti and gap_after.strip() in ("", ",") and not ro_oblique(doc, by_ti[nxt]):
                doc.role_tokens.update(range(m.ti, nxt))
                if not m.key and not m.in_quote:
                    # "La premier Giorgia Meloni": a later bare "la premier" is her too.
                    doc.titled.setdefault(doc.folded[m.start : m.end], (m.start, by_ti[nxt].key))
                continue
            gap_before = doc.text[doc.tokens[m.ti - 1].end : m.start] if m.ti > 0 else ""
            if m.ti in by_tj and gap_before.strip() in ("", ","):
                continue
        kept.append(m)
    doc.mentions = kept


def _roles_to_named_leaders(doc: Document) -> None:
    """ "Le dirigeant espagnol" is the Spanish leader the article has just named
    (Sánchez), not the office holder the role would stand for on its own (the King): a
    head of state or government role goes to the last leader of that country named
    before it, if that leader holds such an office."""
    last: dict[str, str] = {}  # country → its leader named most recently
    for m in sorted(doc.mentions, key=lambda m: m.start):
        if m.kind == "name" and m.key and not m.in_quote:
            last[leader_entry(doc, m.key).country] = m.key
            continue
        if m.kind != "role" or not m.key or not m.country or m.role not in _TOP_ROLES:
            continue
        # "Le dirigeant espagnol" after "Pedro Sánchez": the Spanish leader just named.
        other = last.get(m.country)
        if other is None or other == m.key:
            continue
        office = doc.kb.office_on(other, doc.published)
        if office and office.role in _TOP_ROLES and doc.kb.holds_office(other, doc.published):
            m.key = other


_TOP_ROLES = {"head_of_state", "head_of_government"}


def de_genitive(doc: Document, m: Mention) -> bool:
    """A German name in the genitive: "Putins", "Bidens" (the knowledge base has no -s)."""
    if not doc.lx.grammar.genitive_s or not m.key:
        return False
    norm = doc.tokens[m.tj - 1].norm
    base = fold_phrase(leader_entry(doc, m.key).name)[-1:]
    return bool(base) and norm != base[0] and norm == base[0] + "s"


_OBLIQUE_FIRST_NAME_ENDINGS = lexicon.table("oblique_first_name_endings")


def ro_oblique(doc: Document, m: Mention) -> bool:
    """A Romanian name in the genitive-dative ("i-a transmis șeful statului Maiei Sandu"):
    its first name carries the ending its dictionary form lacks."""
    if not doc.lx.grammar.articled_genitive or not m.key:
        return False
    norm = doc.tokens[m.ti].norm
    base = fold_phrase(leader_entry(doc, m.key).name)[:1]
    if not base or norm == base[0] or len(norm) <= len(base[0]):
        return False
    return norm.startswith(base[0][:-1]) and norm.endswith(
        _OBLIQUE_FIRST_NAME_ENDINGS[doc.language]
    )


def leader_entry(doc: Document, key: str) -> LeaderEntry:
    return doc.unknown.get(key) or doc.kb.leaders[key]


def _later_surnames(doc: Document, found: list) -> list:
    """After "Pedro Sánchez", a bare "Sánchez" is him, whether or not the knowledge
    base lists the surname as an alias; after "Kim Jong Il", a bare "Kim" is him even
    though the knowledge base gives that alias to someone else."""
    local, first_at = _short_forms(doc, found)
    if not local:
        return []
    for x, (i, n, keys, single, inflection) in enumerate(found):
        hit = doc.tokens[i].norm if single and n == 1 else None
        if hit in local and first_at[hit] < i and local[hit] not in keys:
            found[x] = (i, n, [local[hit]], False, inflection)
    covered = {k for i, n, *_ in found for k in range(i, i + n)}
    extra = []
    for k in candidate_tokens(doc, frozenset(local)):
        forms = doc.forms[k]
        if k in covered or not capitalised(doc.tokens[k]):
            continue
        tok = doc.tokens[k]
        hit = next((f for f in forms if f in local and first_at[f] < k), None)
        if hit is None:
            continue
        nxt = k + 1
        if nxt < len(doc.tokens) and doc.joined[k] and capitalised(doc.tokens[nxt]):
            continue
        inflected = doc.lx.grammar.case_inflected_names and tok.norm != hit
        inflection = _case_ending(tok.norm, doc.language) if inflected else ""
        extra.append((k, 1, [local[hit]], False, inflection))
    return extra


def _titled_surnames(doc: Document, found: list) -> list:
    """ "President Bush" (2001), "President Assad" (1990): a title, then a surname the
    knowledge base has no alias for, is the office holder of that day who bears it."""
    covered = {k for i, n, *_ in found for k in range(i, i + n)}
    role_ends = {m.tj for m in doc.mentions if m.kind == "role"}
    toks, titles = doc.tokens, doc.lx.titles
    out = []
    for k in range(1, len(toks)):
        tok = toks[k]
        if k in covered or not capitalised(tok) or not tok.raw.isalpha():
            continue
        if k not in role_ends and toks[k - 1].norm not in titles:
            continue
        if doc.text[toks[k - 1].end : tok.start] != " ":
            continue
        if k + 1 < len(toks) and doc.joined[k] and capitalised(toks[k + 1]):
            continue  # "President George Bush": a full name, not a surname alone
        keys = doc.kb.holders_by_surname(tok.norm, doc.published)
        if len(keys) == 1:
            out.append((k, 1, keys, False, ""))
    return out


def _short_forms(doc: Document, found: list) -> tuple[dict[str, str], dict[str, int]]:
    """The bare surnames (and short first words) of the article's full names: the form,
    the leader it stands for and the token where the full name first appears."""
    local: dict[str, str] = {}
    first_at: dict[str, int] = {}
    given: dict[str, set[str]] = {}
    for i, n, keys, single, _ in found:
        if not single and len(keys) == 1:
            surname = doc.tokens[i + n - 1].norm
            if len(surname) >= 3 and surname not in local:
                local[surname] = keys[0]
                first_at[surname] = i
            given.setdefault(doc.tokens[i].norm, set()).add(keys[0])
            # "Lee Jae-myung", "Moon Jae-in": a family name first, before a hyphenated
            # given name in lower case after the hyphen, is the bare surname used later.
            # "Kim Jong Il", "Hu Jintao": so is the first word of a leader of a country
            # where the family name comes first.
            family = doc.tokens[i].norm
            if len(family) >= 2 and family not in local and _family_first(doc, i, n, keys[0]):
                local[family] = keys[0]
                first_at[family] = i
    # "Marcelo Rebelo de Sousa … Marcelo": a name of three words or more may be cut to
    # its first, when no other leader of the article bears it.
    for i, n, keys, single, _ in found:
        first = doc.tokens[i].norm
        if (
            not single
            and n >= 3
            and len(keys) == 1
            and len(first) >= 4
            and given.get(first) == {keys[0]}
            and first not in local
        ):
            local[first] = keys[0]
            first_at[first] = i
    return local, first_at


def _family_first(doc: Document, i: int, n: int, key: str) -> bool:
    """The first word of the full name at token i is the one used alone later."""
    entry = doc.unknown.get(key) or doc.kb.leaders.get(key)
    if entry is not None and entry.country in FAMILY_NAME_FIRST | GIVEN_NAME_FIRST:
        return True
    if n != 3:
        return False
    a, b = doc.tokens[i + 1], doc.tokens[i + 2]
    return doc.text[a.end : b.start] == "-" and doc.text[b.start].islower()


_HONORIFICS = folded_words(lexicon.every("honorifics"))


def _other_given_name(doc: Document, i: int) -> bool:
    """ "Karina Milei": a first name other than the leader's before his bare surname names
    someone else of the family."""
    k = i - 1
    # German writes every noun capitalised: "Das Treffen Bidens".
    if k < 0 or doc.lx.grammar.capitalised_nouns or sentence_initial(doc, k) or not doc.joined[k]:
        return False
    prev = doc.tokens[k]
    if doc.text[prev.end : doc.tokens[i].start] != " " or not capitalised(prev):
        return False
    return (
        prev.norm.isalpha()
        and len(prev.norm) >= 3
        and prev.norm not in _HONORIFICS
        and prev.norm not in doc.lx.titles
        and k not in doc.country_tokens
        and not _is_known_word(doc, k)
        and k not in doc.place_tokens  # the tokens of every place (places)
        and not any(m.kind in ("role", "demonym") for m in mentions_at(doc, k))
        and not doc.kb.aliases.match(doc.tokens, k, doc.language, doc.joined, forms=doc.forms)[0]
    )


def _is_known_word(doc: Document, i: int) -> bool:
    """A capitalised word after a surname that is not a further name (a verb, a title)."""
    norm = doc.tokens[i].norm
    return norm in doc.lx.speech or norm in ROLE_LINKS


_NAME_CASE_ENDINGS = lexicon.table("name_case_endings")


def _case_ending(norm: str, language: str) -> str:
    """The case ending a name ends with, if any (Russian)."""
    for ending in _NAME_CASE_ENDINGS[language]:
        if norm.endswith(ending):
            return ending
    return ""


def _choose_key(doc: Document, i: int, keys: list[str], single: bool) -> str | None:
    token = doc.tokens[i]
    if not single:
        return keys[0] if len(keys) == 1 else _by_office(doc, keys)
    named = [k for k in keys if k in doc.full_names]
    if len(token.norm) <= 3 and not named:
        # "Xi", "Kim", "Dan" alone: a head of state or government of the day whom no
        # one else in the knowledge base is called, or else only once the full name
        # was used.
        if (
            len(keys) == 1
            and role_rank(doc, keys[0]) <= 1
            and doc.kb.holds_office(keys[0], doc.published)
        ):
            return keys[0]
        return None
    if named:
        if len(named) == 1:
            return named[0]
        # The person whose full name was used last before this point.
        best, best_pos = None, -1
        for k in named:
            before = [p for p in doc.full_names[k] if p <= token.start]
            pos = max(before) if before else -1
            if pos > best_pos:
                best, best_pos = k, pos
        if best is not None:
            return best
        return min(named, key=lambda k: min(doc.full_names[k]))
    if len(keys) == 1:
        return keys[0]
    return _by_office(doc, keys)


def _by_office(doc: Document, keys: list[str]) -> str | None:
    holding = [k for k in keys if doc.kb.holds_office(k, doc.published)]
    return holding[0] if len(holding) == 1 else None
