"""Stage 13, quotes: the speaker of each quotation.

Reads a quotation, its sentence and the statements before it. ``quote_speaker`` gives
the leader who said it: named in the sentence, before or after it, in the paragraph,
or continuing the previous quotation.
"""

from __future__ import annotations

from diplomacy.extraction.document import (
    Document,
    Mention,
    mentions_in_sentence,
    pronouns_starting,
    sentence_at,
    token_at,
    words_outside_quotes,
)
from diplomacy.extraction.pairs import object_of_verb
from diplomacy.extraction.resolution import resolve_mention, salient
from diplomacy.extraction.speakers import (
    Said,
    according_to_him_at,
    after_according,
    attribution_subject,
    clause_start,
    continues_over_paragraphs,
    description_speaker,
    in_relative,
    institution_speaks,
    introduces,
    is_object,
    last_reporting_verb,
    named_subject_after_verb,
    same_clause,
    speaker_of,
    unknown_speaker,
)
from diplomacy.extraction.text import (
    TOKEN_RE,
    fold_phrase,
)
from diplomacy.extraction.trace import note_rule
from diplomacy.extraction.words import QUESTION


def is_question(doc: Document, qs: int) -> bool:
    before = doc.text[max(0, qs - 30) : qs]
    return any(w in QUESTION for w in fold_phrase(before)[-3:])


def quote_speaker(doc: Document, qi: int, sentence: int, said: list[Said]) -> str | None:
    """The leader who said quotation ``qi`` of ``sentence``, or None: named after it,
    before it, or elsewhere (the next paragraph, the next sentence, the speaker before)."""
    text = doc.text
    qs, qe = doc.quotes[qi]
    s = doc.sentences[sentence][0]
    prev_quote_end = doc.quotes[qi - 1][1] if qi > 0 else 0
    cands = [
        m
        for m in mentions_in_sentence(doc, sentence)
        if m.sentence == sentence and not m.in_quote and not m.dependent and m.kind != "pronoun"
    ]
    after_text = text[qe + 1 : qe + 4].lstrip()
    tail = after_text[:1] in (",", "–", "—", "-") or text[qe - 1 : qe] == ","
    if tail:
        decided, key = _speaker_after(doc, qi, sentence, cands, said)
        if decided:
            return key
    lo = max(s, prev_quote_end if tail else s)
    before = [m for m in cands if lo <= m.end <= qs and not m.oblique]
    # "Putin „și-a exprimat poziția”": a name straight before the quote is its
    # grammatical subject in narration, not the author of the words.
    before = [m for m in before if text[m.end : qs - 1].strip() != ""]
    # Quotations of one or two words ("franc", "un ultimatum") are often someone
    # else's words the narration characterises: only the plain attributions below.
    short = len(TOKEN_RE.findall(text[qs:qe])) <= 2
    verb_k = -1 if short else last_reporting_verb(doc, token_at(doc, lo), token_at(doc, qs))
    decided, key = _speaker_before(doc, qi, sentence, before, verb_k, said)
    if decided:
        return key
    return _speaker_elsewhere(doc, qi, sentence, before, cands, short, said)


def _speaker_after(
    doc: Document, qi: int, sentence: int, cands: list[Mention], said: list[Said]
) -> tuple[bool, str | None]:
    """A quotation followed by its attribution ("…», a spus Putin"): (decided, speaker)."""
    toks, lx = doc.tokens, doc.lx
    qs, qe = doc.quotes[qi]
    e = doc.sentences[sentence][1]
    next_quote = doc.quotes[qi + 1][0] if qi + 1 < len(doc.quotes) else len(doc.text)
    stop = min(e, next_quote)
    lo, hi = token_at(doc, qe), token_at(doc, stop)
    # "…», a spus Putin", "“…,” Modi told reporters": a name after the quotation
    # speaks when a speech verb stands beside it, not in any later clause ("«Binhai»,
    # a residence where Xi …").
    after = [
        m
        for m in cands
        if qe <= m.start < stop
        and not m.oblique
        and (
            m.ti <= lo + 2
            or any(toks[k].norm in lx.reporting for k in range(lo, min(m.ti, lo + 4)))
            or any(toks[k].norm in lx.reporting for k in range(m.tj, min(hi, m.tj + 3)))
        )
    ]
    pron = pronouns_starting(doc, qe, stop)
    if after and not (pron and pron[0].start < after[0].start):
        key = speaker_of(doc, after[0], said)
        if key:
            note_rule(doc, "after the quotation: the name beside a speech verb")
            return True, key
    verb_at = next((k for k in range(lo, min(hi, lo + 4)) if toks[k].norm in lx.reporting), -1)
    verb = verb_at >= 0
    if verb and not pron:
        unknown = unknown_speaker(doc, lo, hi, verb_seen=True)
        if unknown:
            note_rule(doc, "after the quotation: a person the knowledge base lacks")
            return True, unknown
    if verb and not pron and named_subject_after_verb(doc, qe, stop):
        # "», sagte der SPD-Politiker", "”, the French minister added": a description
        # of someone named before; "», précise l'entourage" is no one's quote.
        note_rule(doc, "after the quotation: a description of someone named before")
        return True, description_speaker(doc, verb_at + 1, hi, qs, said) or (
            description_speaker(doc, lo, verb_at, qs, said)
        )
    if pron or verb:
        # "Sánchez evitó la polémica: «…», se limitó a decir": the sentence's own
        # subject first, then the one before.
        note_rule(doc, "after the quotation: a pronoun or bare verb, the salient leader")
        return True, salient(doc, qs, sentence) or salient(
            doc, qs, sentence - 1 if sentence else 0, said
        )
    return False, None


def _speaker_before(
    doc: Document, qi: int, sentence: int, before: list[Mention], verb_k: int, said: list[Said]
) -> tuple[bool, str | None]:
    """A quotation after its attribution ("Tajani ha detto: «…»"): (decided, speaker)."""
    qs = doc.quotes[qi][0]
    # "Sheinbaum descartó un encuentro con Trump: «…»": the object of "with" is not the
    # one who speaks.
    subjects = [m for m in before if not is_object(doc, m)]
    # "Tajani ha invitato Kurti a venire «…»", "Lavrov ha bollato la riunione come «…»":
    # the subject of the reporting verb nearest the quotation speaks.
    if verb_k >= 0 and not institution_speaks(doc, verb_k, token_at(doc, qs)):
        pre = [
            m
            for m in subjects
            if m.tj <= verb_k and same_clause(doc, m, verb_k) and not in_relative(doc, m)
        ]
        # "Путин назвал Моди «…», заявив …": a leader who is the object of a verb before
        # the speech verb does not speak; the subject before him does.
        if len(pre) >= 2 and object_of_verb(doc, pre[-1]):
            pre = pre[:-1]
        post = [m for m in subjects if verb_k < m.ti <= verb_k + 3]
        for m in pre[-1:] + post[:1]:
            key = speaker_of(doc, m, said)
            if key:
                note_rule(doc, "before the quotation: the subject of the nearest speech verb")
                return True, key
    if subjects and subjects[-1] is not before[-1] and introduces(doc, before[-1].end, qs):
        note_rule(doc, "before the quotation: the last subject introducing it")
        return True, speaker_of(doc, subjects[-1], said)
    if before and (introduces(doc, before[-1].end, qs) or after_according(doc, before[-1])):
        note_rule(doc, "before the quotation: the last name introducing it or 'according to'")
        # "Peskow hatte Scholz eine Abfuhr erteilt: „…“": the object of the verb does not
        # speak; the subject before it does.
        who = before[-1]
        if len(before) >= 2 and not after_according(doc, who) and object_of_verb(doc, who):
            who = before[-2]
        return True, speaker_of(doc, who, said)
    s = doc.sentences[sentence][0]
    if not before and any(
        according_to_him_at(doc, k) for k in range(token_at(doc, s), token_at(doc, qs))
    ):
        note_rule(doc, "before the quotation: 'according to him', the leader last spoken of")
        return True, salient(doc, qs, sentence, said) or salient(doc, s, sentence - 1, said)
    pron = pronouns_starting(doc, s, qs)
    if pron:
        note_rule(doc, "before the quotation: a pronoun, resolved to its leader")
        return True, resolve_mention(doc, pron[-1], said)
    if before:
        return False, None
    prev_quote_end = doc.quotes[qi - 1][1] if qi > 0 else 0
    lo_t = token_at(doc, max(s, prev_quote_end))
    unknown = unknown_speaker(doc, lo_t, token_at(doc, qs), before_quote=True)
    if unknown:
        note_rule(doc, "before the quotation: a person the knowledge base lacks")
        return True, unknown
    if verb_k >= 0:
        # "Le haut représentant a ajouté que … « … »": a description as the subject.
        start = clause_start(doc, sentence, verb_k)
        key = description_speaker(doc, start, verb_k, qs, said)
        if key:
            note_rule(doc, "before the quotation: a description as the speech verb's subject")
            return True, key
    return False, None


def _speaker_elsewhere(
    doc: Document,
    qi: int,
    sentence: int,
    before: list[Mention],
    cands: list[Mention],
    short: bool,
    said: list[Said],
) -> str | None:
    """No attribution beside the quotation: the next paragraph's, the next sentence's,
    the sentence before ending in ":", or the previous speaker going on."""
    qs = doc.quotes[qi][0]
    if continues_over_paragraphs(doc, qi):
        # An unclosed paragraph of a quotation that the next paragraph goes on with:
        # the speaker is named after its last part.
        nxt = quote_speaker(doc, qi + 1, sentence_at(doc, doc.quotes[qi + 1][0]), said)
        if nxt:
            note_rule(doc, "continued over paragraphs: the speaker of its last part")
            return nxt
    if sentence + 1 < len(doc.sentences) and not before:
        nxt = attribution_subject(doc, sentence + 1)
        if nxt:
            note_rule(doc, "the subject of the next sentence's attribution")
            return nxt
    if sentence > 0 and not before:
        ps, pe = doc.sentences[sentence - 1]
        if doc.text[ps:pe].rstrip().endswith(":"):
            # "Putin a declarat:" then the quotation as its own paragraph.
            note_rule(doc, "the sentence before ends in ':', its salient leader")
            return salient(doc, pe, sentence - 1, said)
    if words_outside_quotes(doc, sentence) <= 2:
        key = _standing_alone(doc, sentence, said)
        if key:
            note_rule(doc, "standing alone: the previous speaker, or the next attribution")
            return key
    opens = not cands and _only_quotations(doc, qi, sentence)
    alone = words_outside_quotes(doc, sentence) <= 2 or opens
    if (
        alone
        and not short
        and sentence > 0
        and _same_or_next_paragraph(doc, sentence - 1, sentence)
    ):
        # "Kim and Koizumi announced a joint statement. «This happened …»": a quotation
        # standing alone after a sentence about a leader is that leader's.
        key = salient(doc, doc.sentences[sentence - 1][1], sentence - 1, said)
        if key:
            note_rule(doc, "standing alone: the subject of the sentence before")
            return key
    key = _named_later(doc, qi, sentence, cands, said)
    if key:
        note_rule(doc, "after the quotation, later in its sentence: a name beside a speech verb")
        return key
    key = _incise(doc, qi, said)
    if key:
        note_rule(doc, "an attribution set inside the quotation marks")
        return key
    # "«…», a déclaré Trump, avant de saluer un « homme d'État remarquable »": a second
    # quotation in the sentence of an attributed one, no one else named in between, is
    # the same speaker's.
    if (
        not short
        and said
        and said[-1]._sentence == sentence
        and said[-1].kind == "direct"
        and not any(said[-1].end <= m.start < qs for m in cands if not is_object(doc, m))
    ):
        note_rule(doc, "a second quotation in the sentence of an attributed one")
        return said[-1]._key
    return None


def _same_or_next_paragraph(doc: Document, a: int, b: int) -> bool:
    return doc.paragraph_of_sentence[a] >= doc.paragraph_of_sentence[b] - 1


def _named_later(
    doc: Document, qi: int, sentence: int, cands: list[Mention], said: list[Said]
) -> str | None:
    """ "«We haven't set anything up yet» in Paris, Trump said": the attribution comes
    after a few words of narration, a name with a speech verb right beside it."""
    toks, lx = doc.tokens, doc.lx
    qe = doc.quotes[qi][1]
    stop = doc.quotes[qi + 1][0] if qi + 1 < len(doc.quotes) else len(doc.text)
    stop = min(stop, doc.sentences[sentence][1])
    for m in cands:
        if not (qe <= m.start < stop) or m.oblique or is_object(doc, m):
            continue
        beside = range(max(m.ti - 2, 0), m.ti)
        after = range(m.tj, min(m.tj + 2, len(toks)))
        if any(toks[k].norm in lx.reporting for k in (*beside, *after)):
            return speaker_of(doc, m, said)
    return None


def _only_quotations(doc: Document, qi: int, sentence: int) -> bool:
    """The sentence opens with the quotation and goes on, if at all, with another one
    ("«…», «…», precum și …"): no narration names who speaks."""
    s, e = doc.sentences[sentence]
    qs, qe = doc.quotes[qi]
    if any(c.isalnum() for c in doc.text[s:qs]):
        return False
    nxt = doc.quotes[qi + 1][0] if qi + 1 < len(doc.quotes) else e
    return not any(c.isalnum() for c in doc.text[qe : min(nxt, e)])


def _incise(doc: Document, qi: int, said: list[Said]) -> str | None:
    """ "« Nous recevons …, a déclaré Dmitry Peskov, porte-parole. D'une manière … »":
    French and Spanish set the attribution between commas inside the marks."""
    toks, lx = doc.tokens, doc.lx
    qs, qe = doc.quotes[qi]
    for m in doc.mentions:
        if m.start >= qe:
            break
        if m.start <= qs or m.kind not in ("name", "role") or m.dependent:
            continue
        lo = max(m.ti - 3, 1)
        verbs = [k for k in range(lo, m.ti) if toks[k].norm in lx.reporting]
        if verbs and "," in doc.text[toks[lo - 1].end : toks[verbs[0]].start]:
            return speaker_of(doc, m, said)
    return None


def _standing_alone(doc: Document, sentence: int, said: list[Said]) -> str | None:
    """A quotation standing alone continues the previous speaker's words..."""
    if (
        said
        and said[-1]._sentence >= sentence - 2
        and doc.paragraph_of_sentence[said[-1]._sentence] >= doc.paragraph_of_sentence[sentence] - 1
    ):
        return said[-1]._key
    # ...or is attributed by the next sentence ("Lo ha detto X", "Об этом сказал X").
    if sentence + 1 < len(doc.sentences):
        return attribution_subject(doc, sentence + 1)
    return None
