"""Stage 14, reported speech: "Kim a afirmat că …", "According to Motegi, …".

Reads the sentences outside quotations with a reporting verb or an "according to". Adds
indirect statements with their speaker and the reported text (subjunctive and
infinitive complements included).
"""

from __future__ import annotations

from diplomacy.extraction.document import (
    Document,
    clause_break,
    mentions_in_sentence,
    quote_ends_between,
    sentence_at,
    sentence_tokens,
)
from diplomacy.extraction.prepare import candidate_tokens
from diplomacy.extraction.resolution import salient
from diplomacy.extraction.speakers import (
    ACCORDING_TO_HIM,
    SAID_WITHOUT_THAT,
    Said,
    according_to_him_at,
    attribution_subject,
    clause_start,
    description_speaker,
    is_object,
    speaker_of,
    unknown_speaker,
)
from diplomacy.extraction.words import ACCORDING, THIS_SAID

_ACCORDING_TO_HIM_FIRSTS = {p[0] for phrases in ACCORDING_TO_HIM.values() for p in phrases}


def indirect(doc: Document, direct: list[Said]) -> list[Said]:
    """Reported speech: "Kim a afirmat că ...", "According to Motegi, ...", and the
    sentence before "Об этом рассказал X". A sentence that also quotes someone still
    reports speech when its reporting verb stands outside the quotation."""
    out = []
    lx, toks = doc.lx, doc.tokens
    quote_sentences = {sentence_at(doc, q[0]) for q in doc.quotes}
    according = ACCORDING.get(doc.language, ())
    # Only sentences holding a reporting word ("said", "según", "по") can report speech.
    cues = lx.reporting | lx.reports_alone | set(according[:1]) | _ACCORDING_TO_HIM_FIRSTS
    hits = {doc.sent_of[k] for k in candidate_tokens(doc, frozenset(cues))}
    for s in sorted(hits):
        idx = list(sentence_tokens(doc, s))
        key = None
        norms = [toks[k].norm for k in idx]
        # "Об этом рассказал X": X said what the previous sentence says.
        if norms[:1] and norms[0] in THIS_SAID and any(n in lx.speech for n in norms[:3]):
            subject = attribution_subject(doc, s)
            if subject and s - 1 >= 0 and s - 1 not in quote_sentences:
                ps, pe = doc.sentences[s - 1]
                out.append(Said(ps, pe, doc.text[ps:pe], "indirect", subject, s - 1))
            continue
        for pos, k in enumerate(idx):
            if doc.quote_of[k] >= 0:
                continue
            n = norms[pos]
            if according and norms[pos : pos + len(according)] == list(according):
                key = _according_to(doc, s, k + len(according), direct)
                if key:
                    break
            if according_to_him_at(doc, k):
                # "По его словам, …": he is the last leader spoken of.
                key = salient(doc, toks[k].start, s, direct)
                if key:
                    break
            if n in lx.reporting or n in lx.reports_alone:
                if _quote_just_before(doc, k):
                    continue  # '"…," Modi told reporters': the quotation is what he said
                key = _reporting_subject(doc, idx, pos, direct)
                if key:
                    break
        if key:
            ss, se = doc.sentences[s]
            out.append(Said(ss, se, doc.text[ss:se], "indirect", key, s))
    out.extend(_reported_mood(doc, direct, out))
    return out


def _according_to(doc: Document, s: int, k: int, direct: list[Said]) -> str | None:
    """ "según Maduro, …"; "Selon Tina Salama, porte-parole …" (unknown to the
    knowledge base); "Según explicó después, …" (the one just spoken of)."""
    toks = doc.tokens
    after = [
        m
        for m in mentions_in_sentence(doc, s)
        if m.sentence == s and k <= m.ti <= k + 3 and m.kind != "pronoun"
    ]
    if after:
        return speaker_of(doc, after[0], direct)
    if k < len(toks) and doc.sent_of[k] == s and toks[k].norm in doc.lx.reporting:
        return salient(doc, toks[k].start, s, direct)
    return unknown_speaker(doc, k, k + 3, verb_seen=True)


def _reporting_subject(doc: Document, idx: list[int], pos: int, direct: list[Said]) -> str | None:
    """Who reports speech with the verb at idx[pos], if the verb reports any: a
    complement ("a spus că", "erklärte, die USA bräuchten", "a dit vouloir"), or a
    verb that carries its content alone, or a trailing "…, sagte Peskow"."""
    lx, toks = doc.lx, doc.tokens
    k = idx[pos]
    s = doc.sent_of[k]
    n = toks[k].norm
    nxt = idx[pos + 1] if pos + 1 < len(idx) else None
    reported = (
        n in lx.reports_alone
        or _complement_follows(doc, idx, pos)
        or _infinitive_follows(doc, idx, pos)
        or doc.lx.grammar.that_omitted
        and nxt is not None
        and n in SAID_WITHOUT_THAT
        and doc.quote_of[nxt] < 0
        and doc.text[toks[k].end : toks[nxt].start].strip() == ""
        # German: "sagte (Scholz), Europa müsse …" (subjunctive after a comma)
        or doc.lx.grammar.subjunctive_reported_speech
        and _comma_soon(doc, idx[pos:])
    )
    # "Ein Termin stehe noch nicht fest, sagte Kremlsprecher Dmitri Peskow."
    trailing = pos >= 4 and clause_break(doc, k - 1) and not any(doc.quote_of[j] >= 0 for j in idx)
    if not reported and not trailing:
        return None
    before = [
        m
        for m in mentions_in_sentence(doc, s)
        if m.sentence == s
        and m.tj <= k
        and k - m.tj <= 6
        and not m.dependent
        and not m.in_quote
        and not is_object(doc, m)
    ]
    # "Milei, en cambio, mostró …": a name set off by commas before the verb is still
    # its subject, even though a comma stands right before the verb.
    if before and (not trailing or doc.text[before[-1].end : before[-1].end + 1] == ","):
        key = speaker_of(doc, before[-1], direct)
        if key:
            return key
    # "sagte Scholz, …", "…, sagte Kremlsprecher Peskow": the subject follows.
    after = [
        m
        for m in mentions_in_sentence(doc, s)
        if m.sentence == s and k < m.ti <= k + 4 and not m.dependent and not m.in_quote
    ]
    if after:
        key = speaker_of(doc, after[0], direct)
        if key:
            return key
    if trailing or not reported:
        return unknown_speaker(doc, k, k + 6, verb_seen=True)
    # "Secretarul general al ONU, António Guterres, a salutat acordul, dar a spus că …":
    # the sentence's subject, named further back, with no one else named in between.
    first = idx[0]
    subjects = [
        m
        for m in mentions_in_sentence(doc, s)
        if m.sentence == s
        and m.tj <= k
        and not m.in_quote
        and not m.dependent
        and not m.oblique
        and not is_object(doc, m)
    ]
    if (
        subjects
        and subjects[0].ti <= clause_start(doc, s, subjects[0].ti + 1) + 2
        and all(m.key == subjects[0].key for m in subjects)
    ):
        key = speaker_of(doc, subjects[0], direct)
        if key:
            return key
    if not subjects:
        # "El portavoz del Ejecutivo japonés, Yoshimasa Hayashi, explicó que …"
        unknown = unknown_speaker(doc, max(first, k - 10), k + 1, verb_seen=False)
        if unknown:
            return unknown
        # "Le haut représentant a ajouté que …", "Liderul sârb a spus că …"
        start = clause_start(doc, s, k)
        return description_speaker(doc, start, k, toks[k].start, direct)
    return None


def _complement_follows(doc: Document, idx: list[int], pos: int) -> bool:
    """ "that" within a few words after the verb, or right after an aside set off by
    commas ("a jugé, lors de la conférence de presse, que …")."""
    toks, comp = doc.tokens, doc.lx.complementizers
    for step, j in enumerate(idx[pos + 1 : pos + 13]):
        if doc.quote_of[j] >= 0:
            return False
        if toks[j].norm in comp:
            return step < 5 or "," in doc.text[toks[j - 1].end : toks[j].start]
    return False


def _infinitive_follows(doc: Document, idx: list[int], pos: int) -> bool:
    """ "a dit vouloir", "disse esperar", "ha ribadito di essere", "s'est dit prêt"."""
    lx, toks = doc.lx, doc.tokens
    if not lx.infinitive_endings:
        return False
    for j in idx[pos + 1 : pos + 4]:
        t = toks[j]
        if doc.quote_of[j] >= 0 or "," in doc.text[toks[j - 1].end : t.start]:
            return False
        if t.norm in lx.infinitive_links:
            continue
        if t.norm in lx.ready:
            return True
        return len(t.norm) >= 3 and t.raw.islower() and t.norm.endswith(lx.infinitive_endings)
    return False


def _reported_mood(doc: Document, direct: list[Said], found: list[Said]) -> list[Said]:
    """German reported speech goes on in the subjunctive: "„…“, sagte er. Die Alliierten
    hätten sich darauf verständigt, …" is his too, as long as the paragraph lasts."""
    lx = doc.lx
    if not lx.reported_mood:
        return []
    by_sentence = {x._sentence: x._key for x in (*direct, *found)}
    out = []
    for s in range(1, len(doc.sentences)):
        if s in by_sentence or doc.paragraph_of_sentence[s] != doc.paragraph_of_sentence[s - 1]:
            continue
        key = by_sentence.get(s - 1)
        idx = sentence_tokens(doc, s)
        if not key or any(doc.quote_of[k] >= 0 for k in idx):
            continue
        forms = {doc.tokens[k].norm for k in idx}
        if forms & lx.reported_mood and not forms & lx.reporting:
            ss, se = doc.sentences[s]
            out.append(Said(ss, se, doc.text[ss:se], "indirect", key, s))
            by_sentence[s] = key
    return out


def _comma_soon(doc: Document, idx: list[int]) -> bool:
    """A comma within a few words after the speech verb at idx[0], outside quotes."""
    for j in idx[:6]:
        if doc.quote_of[j] >= 0:
            return False
        if j + 1 < len(doc.tokens) and "," in doc.text[doc.tokens[j].end : doc.tokens[j + 1].start]:
            return True
    return False


def _quote_just_before(doc: Document, k: int) -> bool:
    """A quotation closes within a few words before token k, in its sentence."""
    start = doc.tokens[k].start
    s0 = doc.sentences[doc.sent_of[k]][0]
    return quote_ends_between(doc, max(s0, start - 40), start)
