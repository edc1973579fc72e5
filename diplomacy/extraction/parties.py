"""Stage 8, parties: which leaders a meeting word links.

Reads a trigger, the mentions of its sentence and their clauses. Assigns people to the
triggers of a sentence and decides whether a mention is a party (attendee) or only
named (a topic, an aide's principal, a sender), and whether a weak meeting word
("talks", "received") really reports a meeting.
"""

from __future__ import annotations

from diplomacy.extraction import lexicon
from diplomacy.extraction.clauses import (
    INDEFINITE,
    clause_of,
    first_word,
    new_predicate,
    subclauses,
)
from diplomacy.extraction.document import (
    BREAKS,
    Document,
    Mention,
    clause_break,
    mention_covers,
    sentence_tokens,
    token_at,
)
from diplomacy.extraction.modality import OF_ORG
from diplomacy.extraction.names import leader_entry
from diplomacy.extraction.pairs import AGENT, conjoined, pair_subject, with_after
from diplomacy.extraction.prepare import capitalised
from diplomacy.extraction.resolution import resolve_mention
from diplomacy.extraction.triggers import Trigger
from diplomacy.extraction.types import (
    ExtractedMeeting,
)
from diplomacy.extraction.words import (
    CONJ,
    PRESENCE_PAIRS,
    RECEIVE,
    RELATIVES,
    ROLE_LINKS,
    WITH,
    folded_words,
)


def attendee(doc: Document, m: Mention, t: Trigger) -> bool:
    """Mention m is in a list governed by a word of presence ("attended by", "in the
    presence of", "participaron") that a comma closes before the meeting word t."""
    toks, lx = doc.tokens, doc.lx
    k = m.ti - 1
    while k >= 0 and doc.sent_of[k] == m.sentence and m.ti - k <= 30:
        norm = toks[k].norm
        if mention_covers(doc, k):
            k -= 1
            continue
        if k in doc.role_tokens or k in doc.country_tokens or norm in CONJ:
            k -= 1
            continue
        if norm in lx.determiners or norm in lx.titles or norm in AGENT or norm in OF_ORG:
            k -= 1
            continue
        if not lx.presence.intersection(doc.forms[k]):
            return False
        return any(clause_break(doc, j) for j in range(m.tj - 1, t.ti))
    return False


def is_not_party(doc: Document, m: Mention) -> bool:
    """ "mesaj dur pentru Orban", "sanctions against Putin": a leader after such a
    preposition is what the news is about, not someone at the meeting."""
    k = m.ti - 1
    while k >= 0 and (
        k in doc.role_tokens or k in doc.country_tokens or doc.tokens[k].norm in doc.lx.determiners
    ):
        k -= 1
    if k >= 0 and doc.tokens[k].norm in _OF_SENDER:
        k -= 1  # "din partea lui", "de la part de", "da parte di": from the leader
    if (
        k >= 1
        and doc.tokens[k].norm in _SENDER
        and doc.tokens[k - 1].norm in _FROM_PART  # not "au luat parte", "preso parte"
        and doc.sent_of[k] == m.sentence
    ):
        return True
    return k >= 0 and doc.tokens[k].norm in doc.lx.not_party and doc.sent_of[k] == m.sentence


# "a primit din partea președintelui Zelenski o invitație": the sender of something.
_SENDER = folded_words(lexicon.every("sender"))


_OF_SENDER = folded_words(lexicon.every("of_sender"))


_FROM_PART = folded_words(lexicon.every("from_part"))


def joins_meeting(doc: Document, s: int, meeting: ExtractedMeeting, people: list[Mention]) -> bool:
    """ "All'incontro hanno partecipato anche X e Y", "с участием … Лаврова": the
    sentence's leaders were present at the meeting just reported; they join it."""
    span = sentence_tokens(doc, s)
    toks = doc.tokens
    if not any(
        doc.lx.presence.intersection(doc.forms[k])
        or (k + 1 < span.stop and (toks[k].norm, toks[k + 1].norm) in PRESENCE_PAIRS)
        for k in span
        if doc.quote_of[k] < 0
    ):
        return False
    if meeting.reported_as != "current":
        return False
    keys = []
    for m in people:
        if m.kind == "pronoun":
            continue
        key = resolve_mention(doc, m)
        if key and key not in keys:
            keys.append(key)
    names = [leader_entry(doc, k).name for k in keys]
    new = [n for n in names if n not in meeting.participants]
    if not new:
        return bool(names)
    meeting.participants = [*meeting.participants, *new]
    doc.involved.extend(k for k in keys if k not in doc.involved)
    return True


def in_empty_relative_clause(doc: Document, t: Trigger, people: list[Mention]) -> bool:
    text = doc.text
    s, e = doc.sentences[t.sentence]
    at = doc.tokens[t.ti].start
    comma = text.rfind(",", s, at)
    if comma < 0:
        return False
    words = first_word(text[comma : comma + 20])
    if not words or words[0] not in RELATIVES:
        return False
    end = text.find(",", at, e)
    end = e if end < 0 else end
    # "Les deux dirigeants, qui avaient dîné lundi …": the clause is about the pair.
    return not any(comma < m.start < end for m in people) and not pair_subject(doc, t)


def assign(doc: Document, people: list[Mention], trigs: list[Trigger]) -> dict[int, list[Mention]]:
    """Each leader mention goes to the nearest meeting word of its sentence, except that
    one introduced by "with" goes to the meeting word that "with" follows ("se reunió ...
    con X, al margen de la cumbre")."""
    assigned: dict[int, list[Mention]] = {id(t): [] for t in trigs}
    if not trigs:
        return assigned
    clauses = subclauses(doc, trigs[0].sentence)
    owners: dict[int, Trigger] = {}
    prev: Mention | None = None
    prev_of = {id(b): a for a, b in zip(people, people[1:], strict=False)}
    for m in people:
        # "with Zelensky and British Prime Minister Keir Starmer": a leader conjoined to
        # the one before goes to the same meeting word, whatever lies nearer.
        if prev is not None and id(prev) in owners and _and_joined(doc, prev, m):
            owners[id(m)] = owners[id(prev)]
            assigned[id(owners[id(m)])].append(m)
            prev = m
            continue
        prev = m
        # Only meeting words of the mention's own clause compete for it; the leader
        # right before ", who ..." also belongs to that relative clause.
        mine = {clause_of(clauses, m.start)}
        after = doc.text[m.end : m.end + 2]
        if after.startswith(","):
            mine.add(clause_of(clauses, m.end + 1))
        local = [t for t in trigs if clause_of(clauses, doc.tokens[t.ti].start) in mine]
        if not local and mine == {0}:
            # "Scholz ist nach Israel gereist und hat dort Netanjahu getroffen": the subject
            # of the sentence is the subject of a predicate coordinated with "and"; so
            # are all its leaders when that predicate names none ("l-a invitat pe X la
            # masă și au stat de vorbă").
            shared = [t for t in trigs if _coordinated(doc, clauses, t)][:1]
            if shared and (
                m is people[0]
                or not any(
                    clause_of(clauses, o.start) == clause_of(clauses, doc.tokens[t.ti].start)
                    for o in people
                    for t in shared
                )
            ):
                local = shared
        if not local:
            # "che ha accolto X, la ministra tedesca Y, il britannico Z e …": the list
            # goes on past the clause that holds its meeting word.
            owner = owners.get(id(prev_of.get(id(m), m)))
            if owner is not None and _listed(doc, prev_of[id(m)], m):
                owners[id(m)] = owner
                assigned[id(owner)].append(m)
            continue
        owner = None
        for k in range(m.ti - 1, max(-1, m.ti - 10), -1):
            if doc.sent_of[k] != m.sentence or any(o.ti <= k < o.tj for o in people if o is not m):
                break
            if doc.tokens[k].norm in WITH:
                before = [t for t in local if t.tj <= k]
                if before:
                    owner = before[-1]
                break
        if owner is None:
            owner = min(local, key=lambda t: _token_distance(t, m))
        owners[id(m)] = owner
        assigned[id(owner)].append(m)
    return assigned


def _coordinated(doc: Document, clauses: list[tuple[int, int]], t: Trigger) -> bool:
    """The meeting word stands in a predicate opened by "and" ("… and met Netanyahu")."""
    c = clause_of(clauses, doc.tokens[t.ti].start)
    if not c:
        return False
    k = token_at(doc, clauses[c - 1][0])
    return k < t.ti and doc.tokens[k].start == clauses[c - 1][0] and new_predicate(doc, k)


def _listed(doc: Document, a: Mention, b: Mention) -> bool:
    """ "X, la ministra tedesca Y": the next item of a list of leaders, a comma or "and"
    and at most a role between, no verb of speech or meeting and no new clause."""
    if b.ti - a.tj > 6 or b.ti <= a.tj:
        return False
    gap = doc.text[a.end : doc.tokens[a.tj].start]
    if gap.strip() != "," and doc.tokens[a.tj].norm not in CONJ:
        return False
    lx = doc.lx
    for k in range(a.tj, b.ti):
        norm = doc.tokens[k].norm
        if (k in doc.place_tokens and k not in doc.country_tokens) or norm in RELATIVES:
            return False
        # Only what introduces a person: "la ministra tedesca", "l'Alto rappresentante Ue".
        if not (
            k in doc.role_tokens
            or k in doc.country_tokens
            or norm in lx.determiners
            or norm in lx.titles
            or norm in CONJ
            or norm in ROLE_LINKS
            or capitalised(doc.tokens[k])
        ):
            return False
        if k > a.tj and not BREAKS.isdisjoint(
            doc.text[doc.tokens[k - 1].end : doc.tokens[k].start].replace(",", "")
        ):
            return False
    return True


def _and_joined(doc: Document, a: Mention, b: Mention) -> bool:
    """ "Zelensky and British Prime Minister Keir Starmer": "and", then at most a role."""
    between = range(a.tj, b.ti)
    # "et le chef de la diplomatie française, Jean-Yves Le Drian": a comma may set the
    # name off from its role.
    last = doc.tokens[b.ti - 1].end if b.ti - 1 > a.tj else a.end
    return (
        len(between) >= 1
        and doc.tokens[a.tj].norm in CONJ
        and "," not in doc.text[a.end : last]
        and doc.text[last : b.start].strip() in ("", ",")
        and all(
            k in doc.role_tokens
            or k in doc.country_tokens
            or doc.tokens[k].norm in doc.lx.determiners
            for k in range(a.tj + 1, b.ti)
        )
    )


def weak_ok(doc: Document, t: Trigger, mentions: list[Mention]) -> bool:
    """A vague meeting word counts with "with" after it, conjoined parties, or, for a
    reception verb, its object right after it ("a reçu jeudi Donald Trump")."""
    if doc.tokens[t.ti].norm in RECEIVE and (receives_a_thing(doc, t) or participle_phrase(doc, t)):
        return False
    if t.event and any(
        doc.lx.presence.intersection(doc.forms[k])
        for k in range(max(sentence_tokens(doc, t.sentence).start, t.ti - 3), t.ti)
    ):
        # "attended the summit with X and Y": they were there together, not in a meeting.
        return False
    w = with_after(doc, t)
    # "with"/"between" must introduce a leader ("talks between US and Russian officials"
    # does not link the leaders named elsewhere in the sentence).
    if w is not None and any(w < m.ti <= w + 8 for m in mentions):
        return True
    # "Con Trump la premier si era già vista a gennaio": "with" opens the sentence, the
    # subject stands between it and the meeting word.
    lo = sentence_tokens(doc, t.sentence).start
    if doc.tokens[lo].norm in WITH and t.ti - lo <= 10:
        inside = [m for m in mentions if lo < m.ti and m.tj <= t.ti]
        if len(inside) >= 2 and inside[0].ti <= lo + 3:
            return True
    # Conjoined parties ("Putin and Kim held talks") do not make a summit a meeting of
    # theirs: "X and Y clashed during a summit" is not one.
    if conjoined(doc, mentions) and (not t.event or _their_event(doc, t)):
        return True
    if not t.event and _agents_after(doc, t, mentions):
        return True
    if doc.tokens[t.ti].norm in RECEIVE:
        if doc.lx.grammar.verb_final and _verb_final(doc, t, mentions):
            return True
        if doc.lx.grammar.personal_a and _subject_then_personal_a(doc, t, mentions):
            return True
        # Time, place and a role may stand between the verb and its object: "recibió el
        # pasado jueves en la Casa de Nariño a su homólogo chileno, Gabriel Boric".
        return any(
            t.tj <= m.ti <= t.tj + 14
            and m.kind != "pronoun"
            and _no_break(doc, t.tj, m.ti)
            and not possessive(doc, m)  # "welcomed Biden's decision" receives nobody
            for m in mentions
        ) and any(m.tj <= t.ti for m in mentions)
    return False


def _agents_after(doc: Document, t: Trigger, mentions: list[Mention]) -> bool:
    """ "the topics discussed by Putin and his Turkish counterpart Erdogan": a passive
    meeting word whose agents, two leaders or more, follow "by" in one clause."""
    if t.tj >= len(doc.tokens) or doc.tokens[t.tj].norm not in AGENT:
        return False
    if doc.tokens[t.ti].norm in RECEIVE:
        return False  # "received by X": the agent is the host alone
    agents = [
        m
        for m in mentions
        if t.tj < m.ti <= t.tj + 14 and m.kind != "pronoun" and _no_break(doc, t.tj, m.ti)
    ]
    return len({m.key or m.start for m in agents}) >= 2


_PERSONAL_A = lexicon.table("personal_a_words")


def _subject_then_personal_a(doc: Document, t: Trigger, mentions: list[Mention]) -> bool:
    """ "Recibió el presidente argentino, Javier Milei, a su homólogo francés, Emmanuel
    Macron": the subject after the verb, then the one received after the personal "a"."""
    stop = min(sentence_tokens(doc, t.sentence).stop, t.tj + 20)
    after = [m for m in mentions if t.tj <= m.ti < stop and m.kind != "pronoun"]
    for k in range(t.tj + 1, stop):
        if doc.tokens[k].norm in _PERSONAL_A[doc.language] and doc.quote_of[k] < 0:
            return any(m.tj <= k for m in after) and any(k < m.ti <= k + 6 for m in after)
    return False


_THEIR = folded_words(lexicon.every("their"))


def _their_event(doc: Document, t: Trigger) -> bool:
    """ "Biden and Putin held their first summit": a gathering of their own is a meeting."""
    lo = sentence_tokens(doc, t.sentence).start
    return any(doc.tokens[k].norm in _THEIR for k in range(max(lo, t.ti - 3), t.ti))


def possessive(doc: Document, m: Mention) -> bool:
    return doc.text[m.end : m.end + 2] in ("'s", "’s")


def _no_break(doc: Document, a: int, b: int) -> bool:
    """No sentence-internal break between a reception verb (token a) and its object
    (token b), when they are far apart."""
    if b - a <= 8:
        return True
    # Commas may enclose the time and place ("recebeu nesta terça-feira, no Palácio do
    # Planalto, o presidente francês"); a speech verb or a stronger stop may not.
    gaps = [doc.text[doc.tokens[k].end : doc.tokens[k + 1].start] for k in range(a, b - 1)]
    if any(c in gap for gap in gaps for c in ";:—–()"):
        return False
    return not any(doc.tokens[k].norm in doc.lx.speech for k in range(a, b))


_PASSIVE_AUX = folded_words(lexicon.every("passive_auxiliaries"))


def participle_phrase(doc: Document, t: Trigger) -> bool:
    """ "a dinner hosted by the Indonesian president": a participle with its agent and no
    auxiliary names no guest."""
    if t.tj >= len(doc.tokens) or doc.tokens[t.tj].norm not in AGENT:
        return False
    lo = sentence_tokens(doc, t.sentence).start
    return not any(doc.tokens[k].norm in _PASSIVE_AUX for k in range(max(lo, t.ti - 3), t.ti))


def receives_a_thing(doc: Document, t: Trigger) -> bool:
    """ "Putin received a letter from Kim": an indefinite object is a thing, unless the
    clause is about a call ("received a phone call from")."""
    if t.tj >= len(doc.tokens) or doc.tokens[t.tj].norm not in INDEFINITE[doc.language]:
        return False
    span = sentence_tokens(doc, t.sentence)
    window = range(t.tj, min(span.stop, t.tj + 4))
    return not any(doc.lx.calls.intersection(doc.forms[k]) for k in window)


_CLAUSE_AUXILIARIES = folded_words(lexicon.every("clause_auxiliaries"))


def _verb_final(doc: Document, t: Trigger, mentions: list[Mention]) -> bool:
    """German perfect tense puts the participle last: "Trump hat am Montag Selenskyj im
    Oval Office empfangen". Two named leaders before it, in its clause, are its subject
    and object."""
    end = t.tj
    # "… von Xi Jinping empfangen worden", "…, nachdem er ihn empfangen hatte".
    while end < len(doc.tokens) and end < t.tj + 2 and doc.tokens[end].norm in _CLAUSE_AUXILIARIES:
        end += 1
    if end < len(doc.tokens) and doc.sent_of[end] == t.sentence and not clause_break(doc, end - 1):
        return False
    before = [m for m in mentions if m.tj <= t.ti and m.kind != "pronoun"]
    if len(before) < 2:
        return False
    return not any(clause_break(doc, k) for k in range(before[0].tj, t.ti))


def _token_distance(t: Trigger, m: Mention) -> int:
    if m.tj <= t.ti:
        return t.ti - m.tj
    if m.ti >= t.tj:
        return m.ti - t.tj
    return 0
