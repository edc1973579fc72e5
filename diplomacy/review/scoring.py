"""Scoring extraction output against annotations, by the rules of the shared ``score.py``.

The evaluation script (``eval/score.py`` beside the shared corpus) lives outside the
repository, so the product carries its own copy of its matching rules: the quality page
and ``manage.py reextract --dry-run`` score with this module, and
``tests/test_quality.py`` checks that it gives exactly score.py's numbers on the same
annotations and predictions. Change nothing here without changing it there.

- A predicted name stands for an annotated leader when the normalised forms are equal,
  equal one of its two-word mentions, share a surname with given names equal or
  initials of each other, or are at least 80 % similar, with no conflicting country.
- A meeting counts when its set of participants is exactly the annotated set and its
  date starts with the annotated date (``2024-06-18`` matches ``2024-06``); duplicates
  of one meeting count as false positives.
- A direct statement counts when its text starts with (or contains) the first 25
  normalised characters of ``quote_start``; it is correct when its speaker is the
  annotated speaker. ``optional`` statements count neither for nor against.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Iterable

COUNTS = [
    "leaders_gold", "leaders_pred", "leaders_tp", "meet_gold", "meet_pred", "meet_tp",
    "meet_people_tp", "meet_place_gold", "meet_place_tp", "meet_kind_tp", "traps",
    "quote_gold", "quote_pred", "quote_found", "quote_spurious", "speaker_ok",
    "indirect_gold", "indirect_found",
]  # fmt: skip


def norm(text: str | None) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(c if c.isalnum() else " " for c in text.lower())
    return " ".join(text.split())


def initials_match(a: str, b: str) -> bool:
    """'s jaishankar' and 'subrahmanyam jaishankar': one surname, given names equal or
    one an initial of the other."""
    ta, tb = a.split(), b.split()
    if len(ta) < 2 or len(ta) != len(tb) or ta[-1] != tb[-1]:
        return False
    return all(
        x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
        for x, y in zip(ta[:-1], tb[:-1], strict=True)
    )


def same_person(pred_name: str | None, pred_country: str | None, gold: dict) -> bool:
    p = norm(pred_name)
    if not p:
        return False
    names = {norm(gold["name"])} | {
        norm(m) for m in gold.get("mentions", []) if len(norm(m).split()) >= 2
    }
    if p in names:
        return True
    country_ok = (
        not pred_country
        or not gold.get("country")
        or pred_country.upper() == gold["country"].upper()
    )
    if country_ok and any(initials_match(p, n) for n in names):
        return True
    return country_ok and difflib.SequenceMatcher(None, p, norm(gold["name"])).ratio() >= 0.8


def resolve(name: str | None, country: str | None, gold_leaders: list[dict]) -> int | None:
    """Index of the gold leader a predicted name stands for, or None."""
    for i, gold in enumerate(gold_leaders):
        if same_person(name, country, gold):
            return i
    return None


def date_ok(gold_date: str | None, pred_date: str | None) -> bool:
    if not gold_date:
        return True
    return bool(pred_date) and str(pred_date).startswith(gold_date)


def quote_key(text: str | None) -> str:
    return norm(text)[:30]


def _place_name(meeting: dict) -> str:
    place = meeting.get("location") or {}
    return place.get("name", "") if isinstance(place, dict) else str(place)


def _score_meetings(gold: dict, pred: dict, who: Callable, c: dict, note: Callable) -> None:
    leaders = gold.get("leaders", [])
    gold_meetings = gold.get("meetings", [])
    pred_meetings = pred.get("meetings", []) or []
    c["meet_gold"], c["meet_pred"] = len(gold_meetings), len(pred_meetings)
    gold_sets = [
        frozenset(resolve(n, None, leaders) for n in m.get("participants", []))
        for m in gold_meetings
    ]
    pred_sets = [frozenset(who(n) for n in m.get("participants", [])) for m in pred_meetings]
    traps = [
        frozenset(resolve(n, None, leaders) for n in pair) for pair in gold.get("non_meetings", [])
    ]
    traps = [t for t in traps if None not in t]
    c["traps"] = sum(1 for s in pred_sets if any(t <= s for t in traps))
    used_strict, used_people = set(), set()
    for gm, gs in zip(gold_meetings, gold_sets, strict=True):
        for j, ps in enumerate(pred_sets):
            if j not in used_people and ps == gs:
                used_people.add(j)
                c["meet_people_tp"] += 1
                break
        for j, (pm, ps) in enumerate(zip(pred_meetings, pred_sets, strict=True)):
            if j not in used_strict and ps == gs and date_ok(gm.get("date"), pm.get("date")):
                used_strict.add(j)
                c["meet_tp"] += 1
                if gm.get("location"):
                    c["meet_place_gold"] += 1
                    c["meet_place_tp"] += norm(gm["location"].split(",")[0]) in norm(
                        _place_name(pm)
                    )
                if gm.get("kind") and gm["kind"] == pm.get("kind"):
                    c["meet_kind_tp"] += 1
                break
        else:
            note(
                f"  missed meeting   {sorted(gm.get('participants', []))} {gm.get('date')} "
                f"{gm.get('kind')} {gm.get('reported_as', '')}: {gm.get('evidence', '')[:120]}"
            )
    for j, (pm, ps) in enumerate(zip(pred_meetings, pred_sets, strict=True)):
        if j not in used_strict:
            trap = " TRAP" if any(t <= ps for t in traps) else ""
            note(
                f"  spurious meeting{trap} {sorted(pm.get('participants', []))} "
                f"{pm.get('date')} {pm.get('kind')}"
            )


def _score_statements(gold: dict, pred: dict, who: Callable, c: dict, note: Callable) -> None:
    leaders = gold.get("leaders", [])
    statements = pred.get("statements", []) or []
    keys = [quote_key(s.get("text", "")) for s in statements]
    matched: set[int] = set()
    for g in gold.get("statements", []):
        k = quote_key(g.get("quote_start", ""))[:25]
        hits = [
            j
            for j, pk in enumerate(keys)
            if k and (pk.startswith(k) or k in norm(statements[j].get("text", "")))
        ]
        matched.update(hits)
        if g.get("optional"):
            continue
        if g.get("kind") == "indirect":
            c["indirect_gold"] += 1
            c["indirect_found"] += bool(hits)
            continue
        c["quote_gold"] += 1
        if not hits:
            note(f"  missed quote     {g.get('speaker')}: {g.get('quote_start', '')!r}")
            continue
        c["quote_found"] += 1
        want = resolve(g["speaker"], None, leaders)
        if any(who(statements[j].get("speaker", "")) == want for j in hits):
            c["speaker_ok"] += 1
        else:
            said = statements[hits[0]].get("speaker")
            note(f"  wrong speaker    {said} for {g.get('speaker')}: {g.get('quote_start', '')!r}")
    direct = [j for j, s in enumerate(statements) if s.get("kind", "direct") == "direct"]
    c["quote_pred"] = len(direct)
    c["quote_spurious"] = sum(1 for j in direct if j not in matched)
    for j in direct:
        if j not in matched:
            said = statements[j]
            note(f"  spurious quote   {said.get('speaker')}: {said.get('text', '')[:60]!r}")


def score_article(gold: dict, pred: dict, diff: list[str] | None = None) -> dict[str, int]:
    """Counts for one article; with a list as ``diff``, what went wrong is appended to it."""
    note = diff.append if diff is not None else (lambda line: None)
    leaders = gold.get("leaders", [])
    pred_leaders = pred.get("leaders", []) or []
    pred_country = {leader.get("name"): leader.get("country") for leader in pred_leaders}

    def who(name):
        return resolve(name, pred_country.get(name), leaders)

    c = dict.fromkeys(COUNTS, 0)
    pred_ids = {who(leader.get("name")) for leader in pred_leaders}
    c["leaders_gold"] = len(leaders)
    c["leaders_pred"] = len(pred_leaders)
    c["leaders_tp"] = len(set(range(len(leaders))) & (pred_ids - {None}))
    _score_meetings(gold, pred, who, c, note)
    _score_statements(gold, pred, who, c, note)
    return c


def add_counts(counts: Iterable[dict[str, int]]) -> dict[str, int]:
    total = dict.fromkeys(COUNTS, 0)
    for c in counts:
        for key in COUNTS:
            total[key] += c[key]
    return total


def f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ratio(part: int, whole: int, empty):
    return round(part / whole, 3) if whole else empty


def summarize(total: dict[str, int]) -> dict:
    """The figures score.py prints for these totals, under the same names."""
    mp, mr, mf = f1(total["meet_tp"], total["meet_pred"], total["meet_gold"])
    _, _, pf = f1(total["meet_people_tp"], total["meet_pred"], total["meet_gold"])
    lp, lr, lf = f1(total["leaders_tp"], total["leaders_pred"], total["leaders_gold"])
    strict = total["speaker_ok"]
    sp, sr, sf = f1(
        strict, strict + total["quote_spurious"] + (total["quote_found"] - strict),
        total["quote_gold"],
    )  # fmt: skip
    return {
        "meetings_f1": round(mf, 3), "meetings_p": round(mp, 3), "meetings_r": round(mr, 3),
        "meetings_participants_f1": round(pf, 3),
        "meeting_place_acc": _ratio(total["meet_place_tp"], total["meet_place_gold"], 0.0),
        "meeting_kind_acc": _ratio(total["meet_kind_tp"], total["meet_tp"], 0.0),
        "trap_hits": total["traps"],
        "leaders_f1": round(lf, 3), "leaders_p": round(lp, 3), "leaders_r": round(lr, 3),
        "statements_f1": round(sf, 3), "statements_p": round(sp, 3),
        "statements_r": round(sr, 3),
        "quote_recall": _ratio(total["quote_found"], total["quote_gold"], 1.0),
        "speaker_acc": _ratio(strict, total["quote_found"], 0.0),
        "indirect_recall": _ratio(total["indirect_found"], total["indirect_gold"], None),
    }  # fmt: skip
