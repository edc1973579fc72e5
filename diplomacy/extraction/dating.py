"""Stage 9, dating: the date of a meeting and whether it is reported as current or past.

Reads the dates of the trigger's sentence and clause, the sentences before it, the
headline and dateline and the publication date. Gives the meeting's date and precision,
the news date of the article, and dates undated meetings that go on with a dated one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from diplomacy.extraction import lexicon
from diplomacy.extraction.clauses import clause_of, first_word, subclauses
from diplomacy.extraction.dates import DateMention
from diplomacy.extraction.document import (
    Document,
    clause_break,
    dates_in,
    in_quote,
    mentions_in_sentence,
    sentence_at,
    sentence_tokens,
    token_at,
)
from diplomacy.extraction.names import leader_entry
from diplomacy.extraction.resolution import resolve_mention
from diplomacy.extraction.text import (
    fold_phrase,
)
from diplomacy.extraction.trace import note
from diplomacy.extraction.triggers import Trigger
from diplomacy.extraction.types import (
    ExtractedMeeting,
)
from diplomacy.extraction.words import COORDINATORS, EVE, EVENT_NOUNS, RELATIVES, folded_words


def _lede_paragraph(doc: Document) -> int | None:
    """The paragraph of the first sentence that is not a headline."""
    for k, (s, e) in enumerate(doc.sentences):
        if not _headline_like(doc, s, e):
            return doc.paragraph_of_sentence[k]
    return None


def _context_day(doc: Document, sentence: int) -> date | None:
    """The day of the recent event told in the sentence or two before, within the
    paragraph or at the end of the one before it; None when they date nothing or date
    something long past (a back-reference)."""
    if doc.published is None or sentence == 0:
        return None
    para = doc.paragraph_of_sentence[sentence]
    for k in range(sentence - 1, max(-1, sentence - 3), -1):
        other = doc.paragraph_of_sentence[k]
        if other != para and (
            doc.paragraph_of_sentence[k + 1] != para or other != _lede_paragraph(doc)
        ):
            return None  # across paragraphs only the lede's event goes on
        s, e = doc.sentences[k]
        dates = [
            d
            for d in dates_in(doc, s, e)
            if not in_quote_span(doc, d.start)
            and not _since(doc, d)
            and not _until(doc, d)
            and not _dateline_date(doc, s, d)
        ]
        if not dates:
            if other != para:
                return None
            continue
        # "on Friday …, earlier this year": the day, not a looser time of a clause.
        days = [d for d in dates if d.precision == "day"]
        last = days[-1] if days else None
        if last is None or last.future or not 0 <= (doc.published - last.day).days <= 7:
            return None
        return last.day
    return None


_DAY_AFTER = [fold_phrase(p) for p in lexicon.every("day_after")]


_DAY_AFTER_FIRST = {p[0] for p in _DAY_AFTER}


def _day_after_before(doc: Document, t: Trigger, s: int) -> int | None:
    """Offset of ", a day after" before the meeting word in its sentence, if any. Only
    after a comma: "A day after the vote, Biden met Xi" dates the meeting after the vote."""
    span = sentence_tokens(doc, t.sentence)
    norms = [doc.tokens[k].norm for k in range(span.start, t.ti)]
    for i in range(1, len(norms)):
        if norms[i] not in _DAY_AFTER_FIRST or not clause_break(doc, span.start + i - 1):
            continue
        for phrase in _DAY_AFTER:
            if tuple(norms[i : i + len(phrase)]) == phrase:
                return doc.tokens[span.start + i].start
    return None


def middle(day: date, precision: str) -> date:
    """A representative day of a month- or year-precise date."""
    if precision == "month":
        return day.replace(day=15)
    if precision == "year":
        return day.replace(month=7, day=1)
    return day


def meeting_date(doc: Document, t: Trigger, s: int, e: int) -> DateMention | None:
    """The date nearest the meeting word in its clause (asked several times per word)."""
    if t.ti not in doc.when_cache:
        doc.when_cache[t.ti] = _date_of_trigger(doc, t, s, e)
    return doc.when_cache[t.ti]


def _date_of_trigger(doc: Document, t: Trigger, s: int, e: int) -> DateMention | None:
    dates = [
        d for d in dates_in(doc, s, e) if not in_quote_span(doc, d.start) and not _since(doc, d)
    ]
    if not dates:
        return None
    # "visit from Tuesday until Thursday": the span's end dates nothing when a day is named.
    dates = [d for d in dates if not _until(doc, d)] or dates
    anchor = doc.tokens[t.ti].start
    mine_only = [d for d in dates if not _other_clause(doc, anchor, d.start)]
    if not mine_only and _in_when_clause(doc, t):
        # "…a avut loc în august 2019, când Iohannis a fost primit de Trump": the
        # clause's time is that of the main clause it hangs on.
        mine_only = [d for d in dates if d.end <= anchor]
    dates = mine_only
    # A dateline ("KYIV, March 12 —") dates the report; "on Tuesday" in the sentence
    # dates the meeting. A month that qualifies a noun ("the October summit", "Consiliul
    # European din octombrie") yields to a day named for the meeting.
    # "Xi, who met Putin last week, received Modi on Tuesday": the relative clause's date
    # is its own.
    clauses = subclauses(doc, t.sentence)
    mine = clause_of(clauses, anchor)
    dates = [
        d
        for d in dates
        if not _date_of_saying(doc, t, d)
        and (mine != 0 or clause_of(clauses, d.start) == 0 or len(dates) == 1)
    ]
    told = [d for d in dates if not _dateline_date(doc, s, d) and not _attributive(doc, d, t)]
    dates = told or [d for d in dates if not _attributive(doc, d, t)]
    if not dates:
        return None
    return min(dates, key=lambda d: min(abs(d.start - anchor), abs(d.end - anchor)))


_DATELINE_RE = re.compile(r"^[\W\d_]*[A-ZÀ-ÝА-Я][A-ZÀ-ÝА-Я .'’-]*(?:\([^)]*\))?,?\s*$")


# A place in title case, followed by a comma: "Sharm el-Sheikh, 14 oct".
_TITLE_DATELINE_RE = re.compile(r"^\s*[A-ZÀ-ÝА-Я][\w'’-]*(?: [\w'’-]+){0,2},\s*$")


_AGENCY_RE = re.compile(r"^\s*[/(][^/()\n]{2,20}[/)]")


# Prepositions that make a month qualify the noun before it rather than date the event.
OF = set(lexicon.every("of_words"))


def _date_of_saying(doc: Document, t: Trigger, d: DateMention) -> bool:
    """ "…, officials said on Saturday": a date right after a speech verb, past a comma
    after the meeting word, dates the saying, not the meeting."""
    k = token_at(doc, d.start)
    if k <= t.tj or not any(doc.tokens[j].norm in doc.lx.speech for j in range(max(0, k - 2), k)):
        return False
    return any(clause_break(doc, j) for j in range(t.tj, k - 1))


_SINCE = folded_words(lexicon.every("since"))


_WHEN = folded_words(lexicon.every("when"))


_UNTIL = folded_words(lexicon.every("until"))


def _since(doc: Document, d: DateMention) -> bool:
    """ "since Israel began striking Iran on June 13": a starting point, not the event."""
    k = token_at(doc, d.start)
    lo = doc.sentence_token_range[doc.sent_of[k]][0] if k < len(doc.tokens) else 0
    return any(doc.tokens[j].norm in _SINCE for j in range(max(lo, k - 6), k))


def _until(doc: Document, d: DateMention) -> bool:
    """ "que se extenderá hasta el jueves", "bis Donnerstag": the end of a span."""
    k = token_at(doc, d.start)
    lo = doc.sentence_token_range[doc.sent_of[k]][0] if k < len(doc.tokens) else 0
    return any(doc.tokens[j].norm in _UNTIL for j in range(max(lo, k - 2), k))


def _in_when_clause(doc: Document, t: Trigger) -> bool:
    """The meeting word is in a ", when …" or ", who …" clause ("Ha aperto ieri i lavori
    il ministro Tajani, che ha accolto sull'isola Blinken": the time of the main clause)."""
    s = doc.sentences[t.sentence][0]
    at = doc.tokens[t.ti].start
    comma = doc.text.rfind(",", s, at)
    if comma < 0:
        return False
    first = first_word(doc.text[comma : comma + 20])[:1]
    return bool(first) and (first[0] in _WHEN or first[0] in RELATIVES)


def _dateline_date(doc: Document, s: int, d: DateMention) -> bool:
    """The date follows an upper-case place at the start of the sentence and is followed
    by a dash: "PARIS, 8 mai —"."""
    head = doc.text[s : d.start]
    if len(head) > 40 or not (_DATELINE_RE.match(head) or _TITLE_DATELINE_RE.match(head)):
        return False
    # "Sharm el-Sheikh, 14 oct /Agerpres/ -": an agency's name may follow the date.
    tail = _AGENCY_RE.sub("", doc.text[d.end : d.end + 40], count=1).lstrip(" .")
    return tail[:1] in ("—", "–", "-")


def _attributive(doc: Document, d: DateMention, t: Trigger) -> bool:
    """A month after "of" that qualifies another noun than the meeting word or a summit:
    "pregătirea Consiliului European din octombrie" does not date the consultation, while
    "întâlnirea din iunie" dates the meeting."""
    if d.precision == "day":
        return False
    k = token_at(doc, d.start)
    if k < 2 or doc.tokens[k - 1].norm not in OF or not doc.tokens[k].norm.isalpha():
        return False
    head = k - 2
    return not (t.ti <= head < t.tj or doc.tokens[head].norm in EVENT_NOUNS)


def _other_clause(doc: Document, a: int, b: int) -> bool:
    """A comma and a relative pronoun between two offsets: they are in different clauses."""
    lo, hi = min(a, b), max(a, b)
    between = doc.text[lo:hi]
    for piece in between.split(",")[1:]:
        words = first_word(piece[:20])
        if words and (words[0] in RELATIVES or words[0] in COORDINATORS):
            return True
    return False


def in_quote_span(doc: Document, pos: int) -> bool:
    return in_quote(doc, pos)


def is_past(day: date | None, precision: str | None, news_date: date | None) -> bool:
    if day is None or news_date is None:
        return False
    if precision == "day":
        return day < news_date
    if precision == "month":
        return (day.year, day.month) < (news_date.year, news_date.month)
    return day.year < news_date.year


def recent(day: date | None, news_date: date | None) -> bool:
    return day is not None and news_date is not None and 0 <= (news_date - day).days <= 3


def find_news_date(doc: Document, triggers: list[Trigger]) -> date | None:
    """The date of the article's news: that of the first meeting word's sentence.

    An undated headline ("Biden meets Xi") defers to the next meeting sentence. News
    more than two days old at publication is background: then the publication date is
    the news date, and the meeting it was about counts as past.
    """
    for t in triggers:
        s, e = doc.sentences[t.sentence]
        when = meeting_date(doc, t, s, e)
        if when is not None and _dateline_date(doc, s, when):
            when = None  # "WASHINGTON, 18 APR – Quasi due ore di colloquio": the report's
        para = doc.paragraph_of_sentence[t.sentence]
        if when is None and para == doc.paragraph_of_sentence[0] and _headline_like(doc, s, e):
            continue  # a headline, possibly of two sentences ("X, primit de Y. Z a lipsit")
        if when is None and any(
            o.ti > t.ti
            and doc.paragraph_of_sentence[o.sentence] == para
            and meeting_date(doc, o, *doc.sentences[o.sentence])
            for o in triggers
        ):
            # "Visita lampo per Meloni, che ieri è stata ricevuta", "Quasi due ore di
            # colloquio … Ad accogliere la premier è stato ieri Trump": the later word.
            continue
        if when is None or when.future or when.precision != "day" or doc.published is None:
            return doc.published
        return when.day if (doc.published - when.day).days <= 2 else doc.published
    return doc.published


def _headline_like(doc: Document, s: int, e: int) -> bool:
    """A first line without closing punctuation: a headline or a subheading."""
    line_end = doc.text.find("\n", s)
    line = doc.text[s : line_end if line_end >= 0 else len(doc.text)].rstrip()
    if (
        line.endswith(("”", "»", '"', "“"))
        and ":" in line
        and "\n\n" in doc.text[s : s + len(line) + 2]
    ):
        # "Iohannis, primit de Biden: „Parteneriatul … puternic”": a title quoting someone.
        return True
    return e >= s and not line.endswith((".", "!", "?", "…", "”", "»", '"'))


def adopt_dates(doc: Document, found: list[ExtractedMeeting], news_date: date | None) -> None:
    """An undated mention of a meeting ("Biden meets Xi" in a headline) is the dated one
    of the same people reported in the last days."""
    if doc.published is None:
        return
    for m in found:
        if id(m) not in doc.undated:
            continue
        for other in found:
            if (
                other is m
                or other.date_precision != "day"
                or not other.date
                # Dated by the news of the body ("Zeitgleich sprach …") still dates a
                # headline dated only by publication.
                or (id(other) in doc.undated and other.date == m.date)
            ):
                continue
            day = date.fromisoformat(other.date)
            # "Putin and Trump held talks in Alaska" over a report that names their
            # ministers too: the same meeting.
            # A pair out of a gathering of many countries met on its sidelines ("A
            # margine dei lavori Cameron ha avuto un colloquio con Baerbock").
            sideline = other.kind == "multilateral" and len(m.participants) < len(
                other.participants
            )
            if (
                set(other.participants) >= set(m.participants)
                and not sideline
                and 0 <= (doc.published - day).days <= 2
            ):
                m.date, m.date_precision = other.date, "day"
                m.participants = list(other.participants)
                m.reported_as = "past" if is_past(day, "day", news_date) else "current"
                break


def date_from_the_story(doc: Document, found: list[ExtractedMeeting]) -> None:
    """ "X has held talks with Y." then "X told Y on Thursday that …": a meeting dated
    only by the news takes the day of a sentence just after it that names all its
    people, when that day is of the last week."""
    if doc.published is None:
        return
    # Paragraph numbers count blank lines: their rank says which paragraph comes next.
    rank = {p: i for i, p in enumerate(sorted(set(doc.paragraph_of_sentence)))}
    # A sentence that reports a meeting of its own dates that one, not this.
    reporting = {sentence_at(doc, m.evidence[0].start) for m in found if m.evidence}
    for m in found:
        if id(m) not in doc.undated or m.date_precision != "day" or not m.evidence:
            continue
        first = sentence_at(doc, m.evidence[0].start)
        paragraph = rank[doc.paragraph_of_sentence[first]]
        wanted = set(m.participants)
        for s in range(first + 1, min(first + 4, len(doc.sentences))):
            if rank[doc.paragraph_of_sentence[s]] > paragraph + 1 or s in reporting:
                break
            named = {
                leader_entry(doc, key).name
                for x in mentions_in_sentence(doc, s)
                if x.sentence == s and not x.in_quote and (key := resolve_mention(doc, x))
            }
            if not wanted <= named:
                continue
            days = [
                d
                for d in dates_in(doc, *doc.sentences[s])
                if d.precision == "day" and not d.future and 0 <= (doc.published - d.day).days <= 7
            ]
            if len(days) == 1 and days[0].value != m.date:
                m.date = days[0].value
            break


def dated_elsewhere(doc: Document, s: int, e: int) -> bool:
    """The sentence is dated away from the publication (a back-reference)."""
    dates = dates_in(doc, s, e)
    return any(d.past or d.future or (doc.published - d.day).days > 7 for d in dates)


KIND_ORDER = {"call": 0, "visit": 1, "multilateral": 2, "bilateral": 3}


def candidate_date(
    doc: Document, t: Trigger, when: DateMention | None, news_date: date | None
) -> tuple[str | None, str | None, date | None]:
    """(value, precision, day) of a meeting: its own date, the day before the last dated
    event ("the day before"), the day before the event after "a day after", the day of
    the sentence before, the news date, or the publication date."""
    after = _day_after_before(doc, t, doc.sentences[t.sentence][0])
    traced = when is not None and doc.trace is not None
    written = f"«{doc.text[when.start : when.end]}»" if traced else ""
    if when is not None and doc.anchor_day and doc.folded[when.start : when.end] in EVE:
        note(doc, "date_source", f"{written}: the day before the last dated meeting")
        day = doc.anchor_day - timedelta(days=1)
        return day.isoformat(), "day", day
    if after is not None and (when is None or when.start < after) and news_date is not None:
        # "Trump met Zelensky on Wednesday, a day after he spoke by phone with Erdogan":
        # what follows "a day after" happened the day before the sentence's event.
        note(doc, "date_source", "'a day after' another event: the day before that event")
        base = when.day if when is not None and when.precision == "day" else news_date
        day = base - timedelta(days=1)
        return day.isoformat(), "day", day
    if when is not None and when.value:
        note(doc, "date_source", f"{written}, the date nearest the meeting word in its clause")
        return when.value, when.precision, when.day
    if when is not None and doc.published is not None:
        # "in der kommenden Woche": a time to come with no day; dated by publication.
        note(doc, "date_source", f"{written}: a time with no day, dated by publication")
        return doc.published.isoformat(), "day", doc.published
    if (context := _context_day(doc, t.sentence)) is not None:
        # "Den Weg … hatte ein Dreiertreffen am Montagabend freigemacht. Erdoğan kam in
        # Vilnius mit Kristersson zusammen": an undated sentence goes on with the event
        # of the sentence before it.
        note(doc, "date_source", "no date in its sentence: the day of the sentence before")
        return context.isoformat(), "day", context
    if news_date is not None and (t.sentence > 0 or not t.blocked):
        # An undated meeting in the body ("Zeitgleich sprach Macron mit Putin", "Poco
        # dopo…") or in the headline belongs to the day of the article's news, which may
        # be the day before publication.
        note(doc, "date_source", "no date written for it: the day of the article's news")
        return news_date.isoformat(), "day", news_date
    if doc.published is not None:
        note(doc, "date_source", "no date written for it: the publication date")
        return doc.published.isoformat(), "day", doc.published
    note(doc, "date_source", "no date written and no publication date")
    return None, None, None  # no publication date: no time known
