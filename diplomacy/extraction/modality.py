"""Modality of a meeting word: held, or planned, cancelled, denied, asked about.

Reads the tokens around a meeting word and its clause. ``blocked_reason`` gives why a meeting
word does not report a held meeting ("" when it does): negation, future or conditional
mood, wishes, requests, questions, ruled out, German verb-final clauses and particles.
"""

from __future__ import annotations

import re

from diplomacy.extraction import lexicon
from diplomacy.extraction.clauses import INDEFINITE, clause_of, new_predicate, subclauses
from diplomacy.extraction.document import (
    BREAKS,
    Document,
    clause_break,
    mention_covers,
    mentions_ending_before,
    mentions_starting_at,
    sentence_tokens,
)
from diplomacy.extraction.prepare import capitalised
from diplomacy.extraction.words import (
    COORDINATORS,
    FUTURE_RE,
    NEGATIONS,
    PARTICLE_VERBS,
    RELATIVES,
    REQUEST,
    folded_words,
)

OF_ORG = folded_words(lexicon.every("of_organisation"))
_INFINITIVE_MARKERS = lexicon.table("infinitive_markers")
_ATTRIBUTIVE_ENDINGS = lexicon.table("attributive_endings")
_CLAUSE_FINAL_NEGATIONS = lexicon.table("clause_final_negations")


def of_organisation(doc: Document, k: int) -> bool:
    """ "Treffen der Arabischen Liga", "réunion de l'OTAN": the meeting of a body, a
    gathering of many, not a meeting of the leaders named near it."""
    toks = doc.tokens
    if k >= len(toks) or toks[k].norm not in OF_ORG:
        return False
    j = k + 1
    while j < len(toks) and j < k + 3 and toks[j].norm in doc.lx.determiners:
        j += 1
    if j >= len(toks) or j in doc.place_tokens or mention_covers(doc, j):
        return False
    raw = toks[j].raw
    # A name of two capitalised words ("Arabischen Liga") or an acronym ("OTAN").
    two = j + 1 < len(toks) and doc.joined[j] and capitalised(toks[j + 1])
    return (capitalised(toks[j]) and two) or (raw.isalpha() and raw.isupper() and len(raw) >= 3)


def particle_after(doc: Document, i: int, particle: str) -> bool:
    """The separable verb at token i has its particle later in its clause."""
    s = doc.sent_of[i]
    for k in range(i + 1, min(len(doc.tokens), i + 20)):
        if doc.sent_of[k] != s:
            return False
        if doc.tokens[k].norm == particle:
            return True
    return False


def blocked_reason(doc: Document, ti: int, tj: int) -> str:
    """Why a meeting word does not report a meeting that took place: "negated" (not,
    cancelled, ruled out, asked about), "planned" (future, wished for, asked for,
    conditional) or "". A denial wins over a plan: "no plans for a call" is no call."""
    return modality_of(doc, ti, tj)[0]


def modality_of(doc: Document, ti: int, tj: int) -> tuple[str, str]:
    """(``blocked_reason``'s verdict, the rule that gave it): the trace's modality cue."""
    s = doc.sent_of[ti]
    future = FUTURE_RE.get(doc.language)
    if doc.lx.grammar.verb_final:
        found = _de_blocked(doc, ti, tj, s)
        if found:
            return found, "infinitive of purpose before it, or the verb-final clause's end"
    before = _blocked_before(doc, ti, s)
    if before == "negated":
        return before, "a negation before it in its clause"
    if before:
        # "Ein geplantes Treffen … wurde abgesagt": a cancellation after it still wins.
        after = _negated_after(doc, ti, tj)
        if after:
            return after, "cancelled or denied after it"
        return before, "a future, wish or request word before it"
    if _planned_earlier(doc, ti, s, future):
        return "planned", "a future or planning verb earlier in the sentence"
    if found := _blocked_right_after(doc, tj, s):
        return found, "a negation, future or condition right after it"
    if _wish_in_relative_after(doc, tj, s):
        return "planned", "a wish in the relative clause after it"
    if found := _subject_noun_verdict(doc, ti, tj, s):
        return found, "the verb of the sentence it is the subject of"
    if found := _clause_end_verdict(doc, tj, s, future):
        return found, "the end of its clause (future, condition, negation)"
    return "", "no negation, future, wish, request or condition around it"


def _de_blocked(doc: Document, ti: int, tj: int, s: int) -> str:
    """ "um Macron zu treffen": an infinitive is a purpose or an intention; the clause
    end may deny or cancel ("traf Macron nicht", "sagte das Treffen ab")."""
    toks = doc.tokens
    if (
        ti > 0
        and doc.sent_of[ti - 1] == s
        and toks[ti - 1].norm in _INFINITIVE_MARKERS[doc.language]
        and toks[ti].raw[:1].islower()
    ):
        return "planned"
    return _de_clause_end(doc, ti, tj)


def _blocked_before(doc: Document, ti: int, s: int) -> str:
    """Before the word: its own clause, up to ten words back ("no concrete plans for a
    Putin-Trump conversation", "не получал предложений о новой встрече"), and the four
    words right before it whatever the punctuation. "negated" as soon as a negation
    blocks, "planned" if anything else does, else ""."""
    toks, blockers = doc.tokens, doc.lx.blockers
    reason = ""
    k = ti - 1
    open_clause = True
    while k >= 0 and doc.sent_of[k] == s and ti - k <= 10:
        # "l-a invitat la masă și au stat de vorbă": the invitation is another clause.
        open_clause = (
            open_clause
            and not clause_break(doc, k)
            and (toks[k].norm not in COORDINATORS or _joins_names(doc, k))
        )
        if ti - k > 4 and not open_clause:
            break
        norm = toks[k].norm
        if _attribution_verb(doc, k):
            break  # what was said before ", said X after meeting Y" is not the meeting's
        if norm in NEGATIONS and norm in blockers:
            return "negated"
        if (
            norm in blockers
            or norm in REQUEST
            or norm in doc.lx.wishes
            or (open_clause and _sequence_ends(doc, k, doc.lx.future_sequences))
        ):
            reason = "planned"
        k -= 1
    return reason


def _planned_earlier(doc: Document, ti: int, s: int, future: re.Pattern | None) -> bool:
    """Anywhere earlier in the sentence: a future, or in German, whose modal verb stands
    far before the verb at the end ("Scholz will nächste Woche … Putin treffen")."""
    toks = doc.tokens
    wishes = doc.lx.wishes if doc.lx.grammar.verb_final else frozenset()
    futures = doc.lx.future_verbs
    k = ti - 1
    comma_free = True  # no comma yet between token k and the meeting word
    # A future or wish in another clause ("X, who will see Y on Friday, met Z") is that
    # clause's, not the meeting word's.
    clauses = subclauses(doc, s)
    own = clause_of(clauses, toks[ti].start)
    while k >= 0 and doc.sent_of[k] == s:
        norm = toks[k].norm
        if _attribution_verb(doc, k):
            return False  # "…would cooperate, Schröder said after meeting Putin"
        if (
            (norm in futures or norm in wishes)
            and clause_of(clauses, toks[k].start) == own
            # "Vor dem Treffen hatte Scholz …": a capitalised noun is no verb ("treffen").
            and not (
                doc.lx.grammar.capitalised_nouns
                and toks[k].raw[:1].isupper()
                and k > sentence_tokens(doc, s).start
            )
        ):
            return True
        comma_free = comma_free and not clause_break(doc, k)
        if comma_free and norm in doc.lx.wishes and doc.quote_of[k] < 0:
            # "a spus că speră să aibă până la sfârșitul lunii și o întrevedere cu X":
            # the hope reaches the meeting word through its whole clause.
            return True
        if _purpose_before(doc, ti, k):
            return True
        # Lower case only: "Narendra" ends like a French future, but is a name.
        if future and doc.quote_of[k] < 0 and _verb_mood(doc, k, future):
            return True
        k -= 1
    return False


def _attribution_verb(doc: Document, k: int) -> bool:
    """A verb of saying that follows a comma closely (", sagte Schröder nach einem Treffen
    mit Putin", ", a déclaré le chancelier après"): it opens the attribution of what was
    said before it, whose tense and negations are not those of the words after it."""
    if doc.quote_of[k] >= 0 or doc.lx.speech.isdisjoint(doc.forms[k]):
        return False
    lo = sentence_tokens(doc, doc.sent_of[k]).start
    return any(clause_break(doc, j) for j in range(max(lo, k - 5), k))


def _purpose_before(doc: Document, ti: int, k: int) -> bool:
    """ "para conduzir as negociações com Vieira", "to hold talks with": a purpose."""
    toks = doc.tokens
    if k + 1 == ti and toks[k].norm in _PURPOSE and toks[ti].norm in _INFINITIVES:
        return True  # "Macron and Scholz to meet in Paris"
    return (
        ti - k <= 3
        and toks[k].norm in _PURPOSE
        and k + 1 < ti
        and toks[k + 1].norm not in doc.lx.determiners
        and toks[k + 1].raw[:1].islower()
    )


_INFINITIVES = folded_words(lexicon.every("infinitive_meeting_words"))


def _blocked_right_after(doc: Document, tj: int, s: int) -> str:
    """A blocker or a request right after the meeting word."""
    toks = doc.tokens
    for k in range(tj, min(len(toks), tj + 1)):
        if doc.sent_of[k] == s and (toks[k].norm in doc.lx.blockers or toks[k].norm in REQUEST):
            return "negated" if toks[k].norm in NEGATIONS else "planned"
    return ""


def _wish_in_relative_after(doc: Document, tj: int, s: int) -> bool:
    """ "Il faccia a faccia tra X e Y, che la premier spera di ospitare a Roma"."""
    toks = doc.tokens
    for k in range(tj, min(len(toks) - 1, tj + 20)):
        if doc.sent_of[k + 1] != s or doc.quote_of[k] >= 0:
            break
        if clause_break(doc, k):
            return toks[k + 1].norm in RELATIVES and _wish_in_clause(doc, k + 1)
    return False


def _subject_noun_verdict(doc: Document, ti: int, tj: int, s: int) -> str:
    """ "O encontro bilateral com X, que chegou a constar da agenda, acabou cancelado": a
    meeting noun that opens its sentence is the subject of the sentence's last verb.
    So does one after ", а"/", and" ("а отдельной встречи X с Y …, не планируется")."""
    toks = doc.tokens
    lo = sentence_tokens(doc, s).start
    for k in range(ti, max(lo, ti - 4), -1):
        gap = doc.text[toks[k - 1].end : toks[k].start]
        if ";" in gap or (clause_break(doc, k - 1) and toks[k].norm in COORDINATORS):
            lo = k
            break
    prev = toks[ti - 1].norm if ti > lo else ""
    noun = (
        not prev
        or prev in doc.lx.determiners
        or prev in INDEFINITE[doc.language]
        or prev.endswith(_ATTRIBUTIVE_ENDINGS[doc.language])
    )
    if noun and ti - lo <= 2 and all(toks[k].raw[:1].islower() or k == lo for k in range(lo, ti)):
        return _sentence_verb_verdict(doc, tj, s)
    return ""


def _sentence_verb_verdict(doc: Document, tj: int, s: int) -> str:
    """What the rest of the sentence says of a meeting noun that is its subject."""
    toks, blockers, after = doc.tokens, doc.lx.blockers, doc.lx.after_blockers
    relative = False
    for k in range(tj, sentence_tokens(doc, s).stop):
        norm = toks[k].norm
        gap = doc.text[toks[k - 1].end : toks[k].start]
        if ";" in gap or (clause_break(doc, k - 1) and norm in COORDINATORS):
            break  # ", а отдельной встречи … не планируется" is another clause
        if doc.quote_of[k] >= 0:
            continue
        if clause_break(doc, k - 1) or norm in RELATIVES:
            # "…, qui n'avait pas eu lieu depuis 2019,", "I colloqui che X ha avuto con
            # Y non hanno portato a nulla": a relative clause's negation is its own,
            # and what follows it may judge the meeting, not deny it.
            relative = relative or norm in RELATIVES
        if norm in _RULED_OUT or _final_nicht(doc, k):
            return "negated"
        if (
            not relative
            and norm in NEGATIONS
            and norm in blockers
            and norm in _PREDICATE_NEGATIONS
            and k + 1 < len(toks)
            and toks[k + 1].norm not in after
        ):
            return "negated"  # "Встреча … не состоялась", "La reunión no se celebró"
        if norm not in after:
            continue
        if norm in NEGATIONS:
            return "negated"
        if toks[k - 1].norm in NEGATIONS:
            return "planned"
    return ""


def _clause_end_verdict(doc: Document, tj: int, s: int, future: re.Pattern | None) -> str:
    """ "a meeting with Putin was cancelled / is possible": look on to the end of the clause."""
    toks, after = doc.tokens, doc.lx.after_blockers
    k, stop = tj, min(len(toks), tj + 10)
    while k < stop:
        if doc.sent_of[k] != s or doc.quote_of[k] >= 0:
            break
        if new_predicate(doc, k):
            break  # "met X on Tuesday and will see Y on Friday": another predicate
        if _not_yet(doc, k):
            # "A primeira reunião entre X e Y ainda não tem data": not yet, so planned.
            return "planned"
        if toks[k].norm in after or (future and _verb_mood(doc, k, future)):
            return "negated" if toks[k].norm in NEGATIONS else "planned"
        if k + 1 < len(toks) and "," in doc.text[toks[k].end : toks[k + 1].start]:
            if toks[k + 1].norm in RELATIVES and _wish_in_clause(doc, k + 1):
                # "Il faccia a faccia tra X e Y, che la premier spera di ospitare".
                return "planned"
            # "Talks between X and Y, originally set for Tuesday, were postponed": step
            # over an insertion that names nobody to reach the clause's verb.
            end = _insertion_end(doc, k + 1)
            if end is None:
                break
            k, stop = end, min(len(toks), end + 6)
            continue
        k += 1
    return ""


def _not_yet(doc: Document, k: int) -> bool:
    toks = doc.tokens
    return toks[k].norm in NEGATIONS and (
        toks[k - 1].norm in _YET or (k + 1 < len(toks) and toks[k + 1].norm in _YET)
    )


_RULED_OUT = folded_words(lexicon.RULED_OUT)


# Negations of a verb (not of a noun: "no", "kein", "niciun" deny the meeting noun itself).
_PREDICATE_NEGATIONS = folded_words(lexicon.every("predicate_negations"))


def _verb_mood(doc: Document, k: int, mood: re.Pattern) -> bool:
    """Token k is a lower-case future or conditional verb: not a name ("Narendra"), nor
    a noun after its article ("la secretaría", "un portrait")."""
    raw = doc.tokens[k].raw
    if not raw[0].islower() or not mood.match(raw):
        return False
    prev = doc.tokens[k - 1].norm if k > 0 else ""
    return prev not in doc.lx.determiners and prev not in INDEFINITE[doc.language]


def _sequence_ends(doc: Document, k: int, sequences: tuple[tuple[str, ...], ...]) -> bool:
    """One of the word sequences ends at token k ("o să", "is due to")."""
    toks = doc.tokens
    for seq in sequences:
        n = len(seq)
        if (
            k + 1 >= n
            and toks[k].norm == seq[-1]
            and all(toks[k - n + 1 + i].norm == seq[i] for i in range(n - 1))
        ):
            return True
    return False


def _de_clause_end(doc: Document, ti: int, tj: int) -> str:
    """German closes a main clause with "nicht" or a separated particle: "Scholz traf
    Macron nicht", "Scholz sagte das Treffen mit Macron ab", "lud X zu Gesprächen ein"."""
    toks = doc.tokens
    s = doc.sent_of[ti]
    k = tj - 1
    while k + 1 < len(toks) and doc.sent_of[k + 1] == s and not clause_break(doc, k):
        k += 1
        if k - tj > 12:
            return ""
    last = toks[k].norm
    if k >= tj and last in _CLAUSE_FINAL_NEGATIONS[doc.language] and doc.quote_of[k] < 0:
        return "negated"
    if k < tj or last not in PARTICLE_VERBS:
        return ""
    reason, stems = PARTICLE_VERBS[last]
    j = ti - 1
    while j >= 0 and doc.sent_of[j] == s and ti - j <= 12 and not clause_break(doc, j):
        if toks[j].norm.startswith(stems):
            return reason
        j -= 1
    return ""


# German separable particles and participles that close a clause after "nicht".
_CLAUSE_CLOSERS = folded_words(lexicon.every("clause_closers"))


def _final_nicht(doc: Document, k: int) -> bool:
    """German "Zu einer Begegnung kam es nicht;": "nicht" closing its clause negates it."""
    toks = doc.tokens
    if toks[k].norm not in _CLAUSE_FINAL_NEGATIONS[doc.language]:
        return False
    if k + 1 < len(toks) and toks[k + 1].norm in _CLAUSE_CLOSERS:
        return True
    return k + 1 >= len(toks) or doc.sent_of[k + 1] != doc.sent_of[k] or clause_break(doc, k)


_YET = folded_words(lexicon.every("yet"))


_PURPOSE = folded_words(lexicon.every("purpose"))


def _wish_in_clause(doc: Document, k: int) -> bool:
    """A wish verb in the clause starting at token k (up to the next break)."""
    s = doc.sent_of[k]
    for j in range(k, min(len(doc.tokens) - 1, k + 10)):
        if doc.sent_of[j] != s:
            return False
        if doc.tokens[j].norm in doc.lx.wishes:
            return True
        if clause_break(doc, j):
            return False
    return False


def _insertion_end(doc: Document, k: int) -> int | None:
    """The token after a short comma-closed insertion starting at token k that names no
    leader, or None."""
    s = doc.sent_of[k]
    for j in range(k, min(len(doc.tokens) - 1, k + 8)):
        if doc.sent_of[j] != s or mention_covers(doc, j):
            return None
        gap = doc.text[doc.tokens[j].end : doc.tokens[j + 1].start]
        if "," in gap:
            return j + 1
        if not BREAKS.isdisjoint(gap):
            return None
    return None


def _joins_names(doc: Document, k: int) -> bool:
    """The conjunction at token k stands between two leaders ("Poutine et Zelensky"), not
    between two clauses."""
    return bool(mentions_ending_before(doc, k)) and bool(mentions_starting_at(doc, k + 1))


def _negated_after(doc: Document, ti: int, tj: int) -> str:
    s = doc.sent_of[ti]
    for k in range(tj, min(len(doc.tokens), tj + 10)):
        if doc.sent_of[k] != s or doc.quote_of[k] >= 0:
            break
        norm = doc.tokens[k].norm
        if norm in doc.lx.after_blockers and norm in NEGATIONS:
            return "negated"
    return ""
