"""Speakers of quotations: attribution subjects, descriptions and unknown people.

Reads the tokens and mentions around a quotation. Gives the leader named as the subject
of the reporting verb, described ("the Russian president"), or a person the knowledge
base lacks, and drops repeated quotations.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from diplomacy.extraction import lexicon
from diplomacy.extraction.document import (
    Document,
    Mention,
    mention_covers,
    mentions_in_sentence,
    places_from_token,
    sentence_tokens,
    token_at,
)
from diplomacy.extraction.names import leader_entry
from diplomacy.extraction.prepare import capitalised, sentence_initial
from diplomacy.extraction.relations import POSSESSOR_OF
from diplomacy.extraction.resolution import NOT_SPEAKER, resolve_mention, salient
from diplomacy.extraction.text import (
    TOKEN_RE,
    Token,
    fold_phrase,
)
from diplomacy.extraction.types import (
    LeaderEntry,
)
from diplomacy.extraction.unknown_people import CALENDAR, NOT_NAME
from diplomacy.extraction.words import ACCORDING_WORDS, RELATIVES, THIS_SAID, WITH, folded_words


@dataclass
class Said:
    start: int
    end: int
    text: str
    kind: str
    _key: str
    _sentence: int


_CLOSING_MARKS = "”“\"»«’‘'"


def continues_over_paragraphs(doc: Document, qi: int) -> bool:
    """The quotation ends at a line end without a closing mark, and the next one opens
    the next paragraph (see ``find_quotes``)."""
    qe = doc.quotes[qi][1]
    if qi + 1 >= len(doc.quotes) or doc.text[qe : qe + 1] in _CLOSING_MARKS:
        return False
    gap = doc.text[qe : doc.quotes[qi + 1][0]]
    return "\n" in gap and not gap.strip(" \t\n\u00a0„“«»‚‘\"'")


def in_relative(doc: Document, m: Mention) -> bool:
    """The mention stands in a relative clause ("Tajani, che aveva ricevuto Dacic, …")."""
    first = sentence_tokens(doc, m.sentence).start
    for j in range(m.ti, max(first, m.ti - 12) - 1, -1):
        if j == first or "," in doc.text[doc.tokens[j - 1].end : doc.tokens[j].start]:
            return j < m.ti and doc.tokens[j].norm in RELATIVES
    return False


def last_reporting_verb(doc: Document, lo: int, hi: int) -> int:
    for k in range(hi - 1, lo - 1, -1):
        if doc.quote_of[k] < 0 and doc.tokens[k].norm in doc.lx.reporting:
            return k
    return -1


def is_object(doc: Document, m: Mention) -> bool:
    """A preposition right before the mention makes it an object ("a Costa", "pe Putin",
    "mit Selenskyj"), also across its title ("con el presidente argentino, Milei")."""
    k = m.ti - 1
    lo = max(0, m.ti - 5)
    while k >= lo and (
        k in doc.role_tokens or k in doc.country_tokens or doc.tokens[k].norm in doc.lx.determiners
    ):
        k -= 1
    if k < 0 or doc.sent_of[k] != m.sentence:
        return False
    word = doc.tokens[k].norm
    return word in doc.lx.object_prepositions or word in WITH


def same_clause(doc: Document, m: Mention, k: int) -> bool:
    """No comma between the mention and token k, unless one right after the mention opens
    an apposition or aside ("Milei, en cambio, mostró …")."""
    if doc.text[m.end : m.end + 1] == ",":
        return True
    return "," not in doc.text[m.end : doc.tokens[k].start]


def clause_start(doc: Document, sentence: int, k: int) -> int:
    """The first token of the clause that holds token k: after the last comma before it
    ("Tras la reunión, el jefe del Ejecutivo aseguró")."""
    first = sentence_tokens(doc, sentence).start
    for j in range(k - 1, first, -1):
        if "," in doc.text[doc.tokens[j - 1].end : doc.tokens[j].start]:
            return j
    return first


def speaker_of(doc: Document, m: Mention, said: list | None = None) -> str | None:
    """The leader a mention stands for as a speaker; a role of a country that the
    knowledge base has no holder for ("liderul sârb") is that country's leader named
    last before it."""
    key = resolve_mention(doc, m, said)
    if key or m.kind != "role" or not m.country:
        return key
    return _last_of_country(doc, m.country, m.start)


def _last_of_country(doc: Document, country: str, before: int) -> str | None:
    key = None
    for m in doc.mentions:
        if m.start >= before:
            break
        if (
            m.key
            and not m.in_quote
            and m.kind == "name"
            and leader_entry(doc, m.key).country == country
        ):
            key = m.key
    return key


def _person_noun(doc: Document, t: Token) -> bool:
    nouns = doc.lx.person_nouns
    if t.norm in nouns or t.norm in doc.lx.titles:
        return True
    # German compounds: "Linkspolitiker", "Regierungschef".
    return doc.lx.grammar.compound_nouns and any(len(n) >= 5 and t.norm.endswith(n) for n in nouns)


def description_speaker(doc: Document, lo: int, hi: int, at: int, said: list) -> str | None:
    """The speaker a description between tokens lo and hi stands for: "der
    SPD-Politiker", "il tycoon", "le locataire de l'Élysée", "the Iranian minister".
    A country in it picks that country's leader named last; otherwise the speaker
    just quoted, or the subject of the sentences before."""
    toks, lx = doc.tokens, doc.lx
    k = lo
    while k < hi and toks[k].norm in lx.determiners:
        k += 1
    if k >= hi or k - lo > 2:
        return None
    country = None
    head = -1
    for p in places_from_token(doc, k, min(hi, k + 6)):
        if p.kind in ("country", "venue"):
            country = p.code
            nxt = toks[p.tj] if p.tj < hi else None
            if (
                p.ti == k
                and p.kind == "country"
                and p.city == "adj"
                and not (nxt and (capitalised(nxt) or _person_noun(doc, nxt)))
            ):
                head = k  # "la alemana", "der Niederländer", not "das chinesische Amt"
            break
    for j in range(k, min(hi, k + 3)):
        if head >= 0:
            break
        if toks[j].norm in lx.relational and j + 1 < hi and toks[j + 1].norm in POSSESSOR_OF:
            return None  # "l'entourage du président": not the president
        if _person_noun(doc, toks[j]):
            head = j
    if head < 0:
        return None
    sentence = doc.sent_of[k]
    if country:
        key = _last_of_country(doc, country, toks[lo].start)
        if key:
            return key
        # A leader the knowledge base does not know has no country to match.
        key = salient(doc, at, sentence)
        return key if key and key.startswith("unknown:") else None
    return salient(doc, at, sentence) or (said[-1]._key if said else None)


def unknown_speaker(
    doc: Document, a: int, b: int, before_quote: bool = False, verb_seen: bool = False
) -> str | None:
    """A first and last name next to a speech verb, unknown to the knowledge base:
    "…,” said John Kirby" / "John Kirby said: “…”". They become ``known: false``.
    With ``verb_seen`` the verb opens the span, and the name may follow a title
    ("», a rétorqué sur X la porte-parole du gouvernement, Yolande Makolo")."""
    toks = doc.tokens
    b = min(b, a + (14 if verb_seen else 10), len(toks))
    run: list[int] = []
    runs: list[list[int]] = []
    for k in range(a, b):
        t = toks[k]
        ok = (
            capitalised(t)
            and t.raw.isalpha()
            and k not in doc.place_tokens
            and t.norm not in NOT_NAME
            and t.norm not in NOT_SPEAKER
            and t.norm not in CALENDAR
            and t.norm not in doc.lx.titles
            and not mention_covers(doc, k)
        )
        if ok and (not run or doc.joined[k - 1] and doc.text[toks[k - 1].end : t.start] == " "):
            run.append(k)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [k] if ok else []
    if len(run) >= 2:
        runs.append(run)
    for run in runs:
        if len(run) > 3:
            continue
        first, last = run[0], run[-1]
        if before_quote and sentence_initial(doc, first) is False and first > a + 6:
            continue
        near = range(a if verb_seen else max(a, first - 2), min(len(toks), last + 4))
        if not any(toks[k].norm in doc.lx.reporting for k in near):
            continue
        name = doc.text[toks[first].start : toks[last].end]
        key = "unknown:" + " ".join(toks[x].norm for x in run)
        if key not in doc.unknown:
            doc.unknown[key] = LeaderEntry(key=key, name=name, country="")
        doc.mentions.append(
            Mention(
                toks[first].start,
                toks[last].end,
                first,
                last + 1,
                "name",
                key=key,
                sentence=doc.sent_of[first],
            )
        )
        return key
    return None


def introduces(doc: Document, a: int, qs: int) -> bool:
    """Between a name and a quotation: a speech verb, or a colon right before it, and no
    institution speaking instead ("…, a annoncé l'Élysée, qui évoque un échange «franc»")."""
    lo, hi = token_at(doc, a), token_at(doc, qs)
    if institution_speaks(doc, lo, hi):
        return False
    # The quotation starts after its opening mark: look before the mark for the colon.
    if doc.text[a:qs].rstrip(" \u00a0\n„“”«»‚‘’\"'")[-1:] == ":":
        return True
    return any(t.norm in doc.lx.speech for t in doc.tokens[lo:hi])


# Auxiliaries after a place that make it the subject of a clause ("che Kiev ha definito").
_AUXILIARIES = folded_words(lexicon.every("auxiliaries"))


def institution_speaks(doc: Document, lo: int, hi: int) -> bool:
    """A seat of power or a country as a subject between the name and the quotation:
    right after a speech verb, or right before an auxiliary."""
    for p in places_from_token(doc, lo, hi):
        if p.locative or (p.kind == "country" and p.city == "adj"):
            continue
        k = p.ti - 1
        while k >= lo and doc.tokens[k].norm in doc.lx.determiners:
            k -= 1
        after_verb = k >= lo and doc.tokens[k].norm in doc.lx.speech
        # Cities and venues only: "Britain had «no better friend»" is reported content.
        before_aux = p.kind != "country" and p.tj < hi and doc.tokens[p.tj].norm in _AUXILIARIES
        if after_verb or before_aux:
            return True
    return False


# "to" → "according": the word a two-word "according to" needs before its last word.
_ACCORDING_HEADS = {last: first for first, last in lexicon.union("according_pairs")}


def after_according(doc: Document, m: Mention) -> bool:
    """ "según Maduro, ...": the source of everything the sentence then quotes."""
    if m.ti <= 0:
        return False
    prev = doc.tokens[m.ti - 1].norm
    return (prev in ACCORDING_WORDS or prev in _ACCORDING_HEADS) and (
        m.ti < 2
        or prev not in _ACCORDING_HEADS
        or doc.tokens[m.ti - 2].norm == _ACCORDING_HEADS[prev]
    )


# "По его словам", "selon lui": according to him (folded token sequences).
ACCORDING_TO_HIM = {
    language: {tuple(fold_phrase(p)) for p in phrases}
    for language, phrases in lexicon.table("according_to_him").items()
}


def according_to_him_at(doc: Document, k: int) -> bool:
    """ "Selon lui, …", "По его словам, …" starts at token k: the source of the
    sentence is the leader last spoken of."""
    toks = doc.tokens
    for phrase in ACCORDING_TO_HIM[doc.language]:
        end = k + len(phrase)
        if end < len(toks) and tuple(t.norm for t in toks[k:end]) == phrase:
            return doc.text[toks[end - 1].end : toks[end].start].strip().startswith(",")
    return False


_AMBIGUOUS_DETERMINERS = lexicon.table("ambiguous_determiners")


def named_subject_after_verb(doc: Document, a: int, b: int) -> bool:
    """ "», précise l'entourage", "”, the White House said": the verb's subject is named
    by a noun phrase, and it is no leader."""
    toks = doc.tokens[token_at(doc, a) : token_at(doc, b)]
    for k, t in enumerate(toks):
        if t.norm in doc.lx.speech:
            return k + 1 < len(toks) and toks[k + 1].norm in doc.lx.determiners
        if t.norm in doc.lx.determiners and t.norm not in _AMBIGUOUS_DETERMINERS[doc.language]:
            return True
    return False


def attribution_subject(doc: Document, sentence: int) -> str | None:
    """ "Lo ha detto X", "Об этом рассказал X": a sentence that attributes the one before."""
    idx = list(sentence_tokens(doc, sentence))
    if not idx or any(doc.quote_of[k] >= 0 for k in idx):
        return None
    first = idx[:4]
    if doc.tokens[first[0]].norm not in THIS_SAID:
        return None
    if not any(doc.tokens[k].norm in doc.lx.speech for k in first):
        return None
    for m in mentions_in_sentence(doc, sentence):
        if m.sentence == sentence and not m.in_quote and not m.dependent and m.kind != "pronoun":
            key = resolve_mention(doc, m)
            if key:
                return key
    return None


def drop_repeats(doc: Document, said: list[Said]) -> list[Said]:
    """A headline that repeats part of a body quotation is not a statement of its own."""
    normed = [" ".join(TOKEN_RE.findall(doc.folded[x.start : x.end])) for x in said]
    headline_end = doc.sentences[0][1] if doc.sentences else 0
    inside_longer = _inside_longer(normed)
    out = []
    for i, x in enumerate(said):
        if normed[i] and inside_longer[normed[i]]:
            continue
        if x.start < headline_end and "\n" in doc.text[x.end : doc.sentences[-1][1]]:
            # A headline quotes the body in short: "Meloni da Trump: «Una delle vere
            # leader del mondo»" for "«… è una delle vere leader del mondo»".
            words = set(TOKEN_RE.findall(doc.folded[x.start : x.end]))
            if any(
                qs >= headline_end
                and len(words & set(TOKEN_RE.findall(doc.folded[qs:qe]))) >= 0.8 * len(words)
                for qs, qe in doc.quotes
            ):
                continue
        out.append(x)
    return out


def _inside_longer(texts: list[str]) -> dict[str, bool]:
    """For each text, whether it is part of a longer one. The distinct texts, longest
    first, joined by NUL (which no text holds): the texts longer than one are a prefix of
    the joined string, searched in place."""
    order = sorted(set(texts), key=len, reverse=True)
    joined = "\0".join(order)
    starts, neg_lengths, at = [], [], 0
    for text in order:
        starts.append(at)
        neg_lengths.append(-len(text))
        at += len(text) + 1
    found = {}
    for text in order:
        n = bisect.bisect_left(neg_lengths, -len(text))  # the first no longer than text
        found[text] = joined.find(text, 0, starts[n] if n < len(order) else 0) >= 0
    return found


# English drops "that": "Zelensky said the two men had discussed …".
SAID_WITHOUT_THAT = folded_words(lexicon.every("said_without_that"))
