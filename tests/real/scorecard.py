"""The real-document scorecard: what people read in published council documents,
against what assure finds in them.

Each file in ``expected/`` holds the facts of one real document, written by
reading the document before running the parser: its kind, meetings (notice and
minutes, attendance, agenda items, minute items with their decisions and
actions), plans, risks, the regulator's grades, and a sample of figures. This
module compares them field by field with ``assure inspect``'s JSON and counts
each fact as right, missed (expected, not found) or wrong (found, but not as
written, or found where the document holds none).

    .venv/bin/python tests/real/scorecard.py            # per document and field, with totals
    .venv/bin/python tests/real/scorecard.py --details  # and every missed or wrong fact
    .venv/bin/python tests/real/scorecard.py --update-floor

``floor.toml`` records, per document, the fewest right and the most wrong facts
accepted; ``test_scorecard.py`` fails when a change falls below it, and
``--update-floor`` raises the floor to today's results (never lowers it).

The expectation format (TOML, one file per document, all keys optional but
``file`` and ``kind``)::

    file = "real/kent-cabinet-minutes-2025-01-30.pdf"   # under ../shared/corpus
    kind = "committee_pack"
    date = "2025-01-30"

    [[meetings]]
    role = "minutes"                # notice | minutes
    body = "Cabinet"
    date = "2025-01-30"
    time = "10:00"
    venue = "Council Chamber"       # a fragment of the venue
    members = ["..."]               # the membership list of a notice
    present = ["Mr A Person"]       # as written; honorifics are ignored
    apologies = []
    in_attendance = []

    [[meetings.agenda]]
    number = "1"
    title = "Apologies and Substitutes"   # as written (compared loosely)
    pages = [1, 4]                        # omit where the item gives none

    [[meetings.minutes]]
    number = "84"
    title = "..."
    decisions = 1                   # how many decisions the minute records
    actions = [{ owner = "..." }]   # tasks given to someone (owner and due optional:
                                    # a due only where the minutes write one)
    votes = [{ for = 52, against = 0, abstain = 11, carried = true, named = [52, 0, 11] }]
                                    # recorded votes in order; "named" counts the names
                                    # listed under For, Against and Abstain

    [[plans]]
    title = "..."
    [[plans.priorities]]
    number = "1"
    title = "..."
    leads = ["..."]
    actions = 5                     # how many actions the priority lists
    measures = 2

    [[risks]]
    ref = "R1"
    title = "..."
    owners = ["..."]
    effects = "..."                 # a fragment of what the risk would do (contained)
    mitigations = 2                 # how many mitigations or controls it lists
    inherent = { impact = 4, likelihood = 3, score = 12 }
    residual = { impact = 3, likelihood = 2, score = 6 }

    [assessment]
    framework = "ofsted-ilacs"
    rating = "Good"
    grades = { "help-and-protection" = "Good" }

    [[metrics]]                     # a sample of figures a reader would want
    measure = "children in care"    # words the measure should contain
    value = 2100
    unit = "count"
    period = "2024"                 # optional
    target = 95                     # optional: a scorecard row's target, RAG and trend
    rag = "green"
    trend = "up"
    comparators = { england = 54.1, previous = 90 }   # optional: comparator values by kind
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import precision

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected"
FLOOR = HERE / "floor.toml"
CORPUS = HERE.parents[2] / "shared" / "corpus"

HONORIFICS = re.compile(
    r"\b(?:mr|mrs|ms|miss|mx|dr|cllr|councillor|cc|prof|professor|sir|dame|lord|lady|revd|rev)\b\.?",
    re.IGNORECASE,
)


# -- counting ---------------------------------------------------------------------


@dataclass
class Tally:
    """Right, missed and wrong facts, per field name."""

    counts: dict[str, list[int]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(
        self, name: str, right: int = 0, missed: int = 0, wrong: int = 0, note: str = ""
    ) -> None:
        row = self.counts.setdefault(name, [0, 0, 0])
        row[0] += right
        row[1] += missed
        row[2] += wrong
        if note and (missed or wrong):
            self.notes.append(f"{name}: {note}")

    def total(self) -> tuple[int, int, int]:
        return tuple(sum(row[i] for row in self.counts.values()) for i in range(3))  # type: ignore[return-value]

    def merge(self, other: Tally) -> None:
        for name, (r, m, w) in other.counts.items():
            self.add(name, r, m, w)


# -- loose comparison of text as people write it -----------------------------------


def plain(text: Any) -> str:
    """Casefolded words only: quotes, dashes, bold markers and spacing ignored."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    return " ".join(re.findall(r"[a-z0-9£%]+", text.casefold()))


def same_text(expected: Any, found: Any, ratio: float = 0.85) -> bool:
    a, b = plain(expected), plain(found)
    if not a or not b:
        return a == b
    if a == b or (len(a) >= 12 and b.startswith(a)) or (len(b) >= 0.8 * len(a) and a.startswith(b)):
        return True
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= ratio


def contains_text(expected: Any, found: Any) -> bool:
    return bool(plain(expected)) and plain(expected) in plain(found)


def person(name: Any) -> str:
    return plain(HONORIFICS.sub(" ", str(name or "")))


def same_person(expected: Any, found: Any) -> bool:
    a, b = person(expected), person(found)
    if not a or not b:
        return False
    if a == b:
        return True
    # "R Gough" and "Roger Gough": same surname, initials agree
    ea, fb = a.split(), b.split()
    if ea[-1] == fb[-1] and ea[0][0] == fb[0][0]:
        return True
    # a post named among others: "Monitoring Officer" in "the Monitoring Officer in
    # consultation with the Leader" (two words or more: a bare surname never matches so)
    if len(ea) >= 2 and f" {a} " in f" {b} ":
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.9


def same_value(expected: Any, found: Any) -> bool:
    if expected is None or found is None:
        return expected is found
    if isinstance(expected, int | float) and isinstance(found, int | float):
        return abs(expected - found) <= max(1e-9, abs(expected) * 0.005)
    return plain(expected) == plain(found)


# -- comparing one document ---------------------------------------------------------


def score_field(
    tally: Tally,
    name: str,
    expected: Any,
    found: Any,
    compare: Callable[[Any, Any], bool],
    where: str,
) -> None:
    if compare(expected, found):
        tally.add(name, right=1)
    elif found in (None, "", [], {}):
        tally.add(name, missed=1, note=f"{where}: expected {expected!r}, found nothing")
    else:
        tally.add(name, wrong=1, note=f"{where}: expected {expected!r}, found {found!r}")


def score_names(
    tally: Tally, name: str, expected: Sequence[str], found: Sequence[str], where: str
) -> None:
    """Each expected name found is right, each not found missed, each found name
    that is no expected one wrong."""
    left = list(found or [])
    for wanted in expected:
        match = next((f for f in left if same_person(wanted, f)), None)
        if match is None:
            tally.add(name, missed=1, note=f"{where}: {wanted!r} missing")
        else:
            left.remove(match)
            tally.add(name, right=1)
    for extra in left:
        tally.add(name, wrong=1, note=f"{where}: {extra!r} is not one of them")


def score_count(tally: Tally, name: str, expected: int, found: int, where: str) -> None:
    tally.add(
        name,
        right=min(expected, found),
        missed=max(0, expected - found),
        wrong=max(0, found - expected),
        note=f"{where}: expected {expected}, found {found}",
    )


def pair(
    expected: Sequence[Mapping[str, Any]],
    found: Sequence[Mapping[str, Any]],
    key: Callable[[Mapping[str, Any], Mapping[str, Any]], float],
) -> list[tuple[Mapping[str, Any], Mapping[str, Any] | None]]:
    """Each expected item with the found item that suits it best (each used once)."""
    left = list(found)
    pairs: list[tuple[Mapping[str, Any], Mapping[str, Any] | None]] = []
    for item in expected:
        scored = [(key(item, f), i) for i, f in enumerate(left)]
        best = max(scored, default=(0.0, -1), key=lambda s: (s[0], -s[1]))  # ties: the first
        if best[0] > 0:
            pairs.append((item, left.pop(best[1])))
        else:
            pairs.append((item, None))
    return pairs


def numbered(expected: Mapping[str, Any], found: Mapping[str, Any]) -> float:
    """Items match by number where both have one, else by title."""
    if expected.get("number") and found.get("number"):
        return 2.0 if plain(expected["number"]) == plain(found["number"]) else 0.0
    return 1.0 if same_text(expected.get("title"), found.get("title"), 0.7) else 0.0


def fields_missed(
    tally: Tally, item: Mapping[str, Any], prefix: str, names: Iterable[str], where: str
) -> None:
    for name in names:
        value = item.get(name)
        if isinstance(value, list) and name not in ONE_FACT:
            tally.add(f"{prefix}.{name}", missed=len(value), note=f"{where}: {name} not found")
        elif isinstance(value, int) and not isinstance(value, bool) and name in COUNTED:
            tally.add(f"{prefix}.{name}", missed=value, note=f"{where}: {name} not found")
        elif value is not None:
            tally.add(f"{prefix}.{name}", missed=1, note=f"{where}: {name} not found")


COUNTED = {"decisions", "actions", "measures", "mitigations"}
ONE_FACT = {"pages"}  # a list that is one fact: an agenda item's page range


def minute_missed(tally: Tally, minute: Mapping[str, Any], where: str) -> None:
    """Every fact of a minute not found: the same facts a found one is scored on."""
    fields_missed(tally, minute, "minutes", ("number", "title", "decisions", "actions"), where)
    actions = minute.get("actions") or []
    for name, key in (("action_owners", "owner"), ("action_dues", "due")):
        if count := sum(1 for action in actions if action.get(key)):
            tally.add(f"minutes.{name}", missed=count, note=f"{where}: minute not found")
    for vote in minute.get("votes") or []:
        vote_missed(tally, vote, where)


def score_agenda(
    tally: Tally,
    expected: Sequence[Mapping[str, Any]],
    found: Sequence[Mapping[str, Any]],
    where: str,
) -> None:
    for item, match in pair(expected, found, numbered):
        at = f"{where} agenda {item.get('number') or item.get('title')}"
        if match is None:
            fields_missed(tally, item, "agenda", ("number", "title", "pages"), at)
            continue
        tally.add("agenda.number", right=1)
        score_field(tally, "agenda.title", item.get("title"), match.get("title"), same_text, at)
        if "pages" in item:
            found_pages = list(match["pages"]) if match.get("pages") else None
            score_field(
                tally, "agenda.pages", list(item["pages"]), found_pages, lambda a, b: a == b, at
            )
    extra = len(found) - sum(1 for _, m in pair(expected, found, numbered) if m is not None)
    if extra > 0:
        tally.add(
            "agenda.number", wrong=extra, note=f"{where}: {extra} agenda items not in the document"
        )


def score_dues(tally: Tally, expected: Sequence[str], found: Sequence[str], where: str) -> None:
    """Due dates as written ("end of 2018" is found in "by the end of 2018"); a due
    found where the minutes give none is wrong."""
    left = list(found)
    for due in expected:
        match = next((f for f in left if contains_text(due, f) or same_value(due, f)), None)
        if match is None:
            tally.add("minutes.action_dues", missed=1, note=f"{where}: due {due!r} missing")
        else:
            left.remove(match)
            tally.add("minutes.action_dues", right=1)
    for extra in left:
        tally.add("minutes.action_dues", wrong=1, note=f"{where}: due {extra!r} is not written")


VOTE_SIDES = ("for", "against", "abstain")


def vote_key(expected: Mapping[str, Any], found: Mapping[str, Any]) -> float:
    """Votes pair by their counts: the more counts agree, the better."""
    return float(sum(expected.get(s) == found.get(f"{s}_count") for s in VOTE_SIDES))


def vote_missed(tally: Tally, vote: Mapping[str, Any], where: str) -> None:
    """Every fact of a vote not found: the vote, its counts, outcome and name lists."""
    tally.add("votes", missed=1, note=f"{where}: not found")
    counts = sum(1 for side in VOTE_SIDES if side in vote)
    tally.add("vote.counts", missed=counts)
    tally.add("vote.carried", missed=int("carried" in vote))
    tally.add("vote.names", missed=len(vote.get("named") or ()))


def score_votes(
    tally: Tally,
    expected: Sequence[Mapping[str, Any]],
    found: Sequence[Mapping[str, Any]],
    where: str,
) -> None:
    """Recorded votes: each found, its three counts, whether it carried, and how
    many names it lists on each side."""
    pairs = pair(expected, found, vote_key)
    for number, (vote, match) in enumerate(pairs, 1):
        at = f"{where} vote {number}"
        if match is None:
            vote_missed(tally, vote, at)
            continue
        tally.add("votes", right=1)
        for side in VOTE_SIDES:
            if side in vote:
                score_field(
                    tally, "vote.counts", vote[side], match.get(f"{side}_count"), same_value, at
                )
        if "carried" in vote:
            score_field(
                tally,
                "vote.carried",
                vote["carried"],
                match.get("carried"),
                lambda a, b: a is b,
                at,
            )
        for side, named in zip(VOTE_SIDES, vote.get("named") or (), strict=False):
            # one fact per side: the names listed under it, as many as written
            score_field(
                tally,
                "vote.names",
                int(named),
                len(match.get(f"{side}_names") or []),
                lambda a, b: a == b,
                f"{at} {side}",
            )
    extra = len(found) - sum(1 for _, m in pairs if m is not None)
    if extra > 0:
        tally.add("votes", wrong=extra, note=f"{where}: {extra} votes not in the document")


def score_minutes(
    tally: Tally,
    expected: Sequence[Mapping[str, Any]],
    found: Sequence[Mapping[str, Any]],
    where: str,
) -> None:
    pairs = pair(expected, found, numbered)
    for item, match in pairs:
        at = f"{where} minute {item.get('number') or item.get('title')}"
        if match is None:
            minute_missed(tally, item, at)
            continue
        tally.add("minutes.number", right=1)
        score_field(tally, "minutes.title", item.get("title"), match.get("title"), same_text, at)
        score_count(
            tally,
            "minutes.decisions",
            int(item.get("decisions", 0)),
            len(match.get("decisions") or []),
            at,
        )
        wanted = list(item.get("actions") or [])
        got = list(match.get("actions") or [])
        score_count(tally, "minutes.actions", len(wanted), len(got), at)
        owners = [a["owner"] for a in wanted if a.get("owner")]
        if owners:
            score_names(
                tally, "minutes.action_owners", owners, [a.get("owner") or "" for a in got], at
            )
        dues = [a["due"] for a in wanted if a.get("due")]
        found_dues = [a["due"] for a in got if a.get("due")]
        if dues or found_dues:
            score_dues(tally, dues, found_dues, at)
        if item.get("votes") or match.get("votes"):
            score_votes(tally, item.get("votes") or [], match.get("votes") or [], at)
    extra = len(found) - sum(1 for _, m in pairs if m is not None)
    if extra > 0:
        tally.add(
            "minutes.number", wrong=extra, note=f"{where}: {extra} minute items not in the document"
        )
        for item in found:
            if item not in [m for _, m in pairs]:
                tally.add("minutes.decisions", wrong=len(item.get("decisions") or []))


def meeting_key(expected: Mapping[str, Any], found: Mapping[str, Any]) -> float:
    role = expected.get("role")
    found_role = found.get("role")
    if role and found_role and role != found_role:
        return 0.0
    score = 0.5
    if expected.get("date") and expected.get("date") == found.get("date"):
        score += 1.0
    if expected.get("body") and same_text(expected["body"], found.get("body"), 0.7):
        score += 0.5
    return score


def score_meetings(
    tally: Tally,
    expected: Sequence[Mapping[str, Any]],
    found: Sequence[Mapping[str, Any]],
    where: str,
) -> None:
    pairs = pair(expected, found, meeting_key)
    for item, match in pairs:
        at = f"{where} {item.get('role', 'meeting')} {item.get('date', '')}"
        if match is None:
            tally.add("meetings", missed=1, note=f"{at}: meeting not found")
            fields_missed(tally, item, "meeting", ("body", "date", "time", "venue"), at)
            for name in ("members", "present", "apologies", "in_attendance"):
                if item.get(name):
                    tally.add(f"attendance.{name}", missed=len(item[name]), note=f"{at}: not found")
            for agenda in item.get("agenda") or []:
                fields_missed(tally, agenda, "agenda", ("number", "title", "pages"), at)
            for minute in item.get("minutes") or []:
                minute_missed(tally, minute, at)
            continue
        tally.add("meetings", right=1)
        for name, compare in (
            ("body", same_text),
            ("date", same_value),
            ("time", same_value),
            ("venue", contains_text),
        ):
            if name in item:
                score_field(tally, f"meeting.{name}", item[name], match.get(name), compare, at)
        attendance = match.get("attendance") or {}
        for name in ("present", "apologies", "in_attendance"):
            if name in item:
                score_names(tally, f"attendance.{name}", item[name], attendance.get(name) or [], at)
        if "members" in item:
            score_names(
                tally, "attendance.members", item["members"], match.get("members") or [], at
            )
        if "agenda" in item:
            score_agenda(tally, item["agenda"], match.get("agenda") or [], at)
        if "minutes" in item:
            score_minutes(tally, item["minutes"], match.get("minutes") or [], at)
    matched = [m for _, m in pairs if m is not None]
    for extra in found:
        if extra not in matched:
            tally.add(
                "meetings",
                wrong=1,
                note=f"{where}: {extra.get('role')} of {extra.get('body')!r} "
                f"on {extra.get('date')} is not in the document",
            )


def score_plans(
    tally: Tally,
    expected: Sequence[Mapping[str, Any]],
    found: Sequence[Mapping[str, Any]],
    where: str,
) -> None:
    found_priorities = [p for plan in found for p in plan.get("priorities") or []]
    wanted = [p for plan in expected for p in plan.get("priorities") or []]
    for plan in expected:
        if plan.get("title"):
            titles = [f.get("title") for f in found]
            ok = any(same_text(plan["title"], t, 0.7) for t in titles)
            tally.add(
                "plans.title",
                right=int(ok),
                missed=int(not ok and not titles),
                wrong=int(not ok and bool(titles)),
                note=f"{where}: plan {plan['title']!r}, found {titles!r}",
            )
    pairs = pair(wanted, found_priorities, numbered)
    for item, match in pairs:
        at = f"{where} priority {item.get('number') or item.get('title')}"
        if match is None:
            fields_missed(tally, item, "priority", ("title", "leads", "actions", "measures"), at)
            continue
        score_field(tally, "priority.title", item.get("title"), match.get("title"), same_text, at)
        if "leads" in item:
            score_names(tally, "priority.leads", item["leads"], match.get("leads") or [], at)
        if "actions" in item:
            score_count(
                tally, "priority.actions", int(item["actions"]), len(match.get("actions") or []), at
            )
        if "measures" in item:
            score_count(
                tally,
                "priority.measures",
                int(item["measures"]),
                len(match.get("measures") or []),
                at,
            )
    extra = len(found_priorities) - sum(1 for _, m in pairs if m is not None)
    if wanted and extra > 0:
        tally.add(
            "priority.title", wrong=extra, note=f"{where}: {extra} priorities not in the document"
        )


def risk_key(expected: Mapping[str, Any], found: Mapping[str, Any]) -> float:
    if expected.get("ref") and found.get("ref"):
        return 2.0 if plain(expected["ref"]) == plain(found["ref"]) else 0.0
    return 1.0 if same_text(expected.get("title"), found.get("title"), 0.6) else 0.0


def score_risks(
    tally: Tally,
    expected: Sequence[Mapping[str, Any]],
    found: Sequence[Mapping[str, Any]],
    where: str,
) -> None:
    pairs = pair(expected, found, risk_key)
    for item, match in pairs:
        at = f"{where} risk {item.get('ref') or item.get('title')}"
        if match is None:
            tally.add("risks", missed=1, note=f"{at}: not found")
            fields_missed(
                tally,
                item,
                "risk",
                ("title", "owners", "effects", "mitigations", "inherent", "residual"),
                at,
            )
            continue
        tally.add("risks", right=1)
        if "title" in item:
            score_field(
                tally,
                "risk.title",
                item["title"],
                match.get("title"),
                lambda a, b: same_text(a, b, 0.6),
                at,
            )
        if "owners" in item:
            score_names(tally, "risk.owners", item["owners"], match.get("owners") or [], at)
        if "effects" in item:
            score_field(
                tally, "risk.effects", item["effects"], match.get("effects"), contains_text, at
            )
        if "mitigations" in item:
            score_count(
                tally,
                "risk.mitigations",
                int(item["mitigations"]),
                len(match.get("mitigations") or []),
                at,
            )
        for level in ("inherent", "residual"):
            if level in item:
                got = match.get(level) or {}
                for part, value in item[level].items():
                    score_field(
                        tally,
                        f"risk.{level}",
                        value,
                        got.get(part),
                        same_value,
                        f"{at} {level} {part}",
                    )
    extra = len(found) - sum(1 for _, m in pairs if m is not None)
    if extra > 0:
        tally.add("risks", wrong=extra, note=f"{where}: {extra} risks not in the document")


def score_assessment(
    tally: Tally, expected: Mapping[str, Any], found: Mapping[str, Any] | None, where: str
) -> None:
    found = found or {}
    if "framework" in expected:
        score_field(
            tally,
            "assessment.framework",
            expected["framework"],
            found.get("framework"),
            lambda a, b: a == b,
            where,
        )
    if "rating" in expected:
        score_field(
            tally, "assessment.rating", expected["rating"], found.get("rating"), same_text, where
        )
    grades = found.get("grades") or {}
    for area, grade in (expected.get("grades") or {}).items():
        score_field(
            tally, "assessment.grades", grade, grades.get(area), same_text, f"{where} {area}"
        )
    scores = found.get("scores") or {}
    for statement, value in (expected.get("scores") or {}).items():
        score_field(
            tally,
            "assessment.scores",
            value,
            scores.get(statement),
            same_value,
            f"{where} {statement}",
        )


def metric_key(expected: Mapping[str, Any], found: Mapping[str, Any]) -> float:
    if not same_value(expected.get("value"), found.get("value")):
        return 0.0
    if expected.get("unit") in ("percent", "gbp") and found.get("unit") not in (
        None,
        expected["unit"],
    ):
        return 0.0  # 49 people are not 49%: another figure of the same number
    measure = plain(expected.get("measure"))
    text = plain(" ".join(str(found.get(k) or "") for k in ("measure", "text")))
    words = measure.split()
    shared = sum(1 for w in words if w in text.split())
    exact = expected.get("value") == found.get("value")  # 305.54 before 306.5, both "close"
    # a scorecard row's figure before the same figure in the prose beside it
    judged = sum(1 for k in ("target", "rag", "trend") if k in expected and found.get(k))
    return 1.0 + shared / max(1, len(words)) + 0.5 * exact + 0.25 * judged


def score_metrics(
    tally: Tally,
    expected: Sequence[Mapping[str, Any]],
    found: Sequence[Mapping[str, Any]],
    where: str,
) -> None:
    for item, match in pair(expected, found, metric_key):
        at = f"{where} figure {item.get('measure')!r} = {item.get('value')}"
        if match is None:
            tally.add("metrics", missed=1, note=f"{at}: not found")
            continue
        tally.add("metrics", right=1)
        if "measure" in item:
            words = plain(item["measure"]).split()
            got = plain(match.get("measure")).split()
            ok = bool(words) and all(w in got for w in words)
            tally.add(
                "metric.measure",
                right=int(ok),
                wrong=int(not ok),
                note=f"{at}: measure {match.get('measure')!r}",
            )
        for name in ("unit", "period", "target", "rag", "trend"):
            if name in item:
                score_field(
                    tally,
                    f"metric.{name}",
                    item[name],
                    match.get(name),
                    lambda a, b: same_value(a, b) or contains_text(a, b),
                    at,
                )
        for kind, value in (item.get("comparators") or {}).items():
            got = next(
                (c.get("value") for c in match.get("comparators") or [] if c.get("kind") == kind),
                None,
            )
            score_field(tally, "metric.comparators", value, got, same_value, f"{at} {kind}")


def score_document(expected: Mapping[str, Any], found: Mapping[str, Any]) -> Tally:
    tally = Tally()
    where = Path(expected["file"]).name
    score_field(tally, "kind", expected["kind"], found.get("kind"), lambda a, b: a == b, where)
    for name in ("date", "council"):
        if name in expected:
            score_field(
                tally,
                name,
                expected[name],
                found.get(name),
                same_value if name == "date" else same_text,
                where,
            )
    if "meetings" in expected:
        score_meetings(tally, expected["meetings"], found.get("meetings") or [], where)
    if "plans" in expected:
        score_plans(tally, expected["plans"], found.get("plans") or [], where)
    if "risks" in expected:
        score_risks(tally, expected["risks"], found.get("risks") or [], where)
    if "assessment" in expected:
        score_assessment(tally, expected["assessment"], found.get("assessment"), where)
    if "metrics" in expected:
        score_metrics(tally, expected["metrics"], found.get("metrics") or [], where)
    return tally


# -- running ------------------------------------------------------------------------


def expectations() -> list[dict[str, Any]]:
    return [
        tomllib.loads(path.read_text(encoding="utf-8")) | {"_name": path.stem}
        for path in sorted(EXPECTED.glob("*.toml"))
    ]


@cache
def processed(relative: str) -> Any:
    """One corpus file through the pipeline, in process (a ``ParsedDocument``)."""
    from assure.pipeline import process

    return process(CORPUS / relative)


@cache
def inspected(relative: str) -> dict[str, Any]:
    """``assure inspect --json`` of one corpus file, in process."""
    from assure.interfaces.contract import document_json

    return document_json(processed(relative))


def scorecard(names: Iterable[str] | None = None) -> dict[str, Tally]:
    wanted = set(names or ())
    return {
        e["_name"]: score_document(e, inspected(e["file"]))
        for e in expectations()
        if not wanted or e["_name"] in wanted
    }


def floor() -> dict[str, dict[str, int]]:
    return tomllib.loads(FLOOR.read_text(encoding="utf-8")) if FLOOR.exists() else {}


def update_floor(results: Mapping[str, Tally]) -> None:
    old = floor()
    lines = [
        "# The scorecard's floor: per real document, the fewest facts right and the most",
        "# wrong that the tests accept. Raised by `tests/real/scorecard.py --update-floor`.",
    ]
    # documents not scored this time keep their floor
    for name in sorted(set(results) | set(old)):
        before = old.get(name, {})
        if name in results:
            right, _, wrong = results[name].total()
            right = max(right, before.get("right", 0))
            wrong = min(wrong, before.get("wrong", wrong))
        else:
            right, wrong = before["right"], before["wrong"]
        lines += ["", f'["{name}"]', f"right = {right}", f"wrong = {wrong}"]
    FLOOR.write_text("\n".join(lines) + "\n", encoding="utf-8")


def report(results: Mapping[str, Tally], details: bool = False) -> str:
    out: list[str] = []
    grand = Tally()
    for name, tally in results.items():
        right, missed, wrong = tally.total()
        out.append(f"{name}\t{right} right\t{missed} missed\t{wrong} wrong")
        for field_name, (r, m, w) in sorted(tally.counts.items()):
            out.append(f"    {field_name:<28} {r:>5} {m:>5} {w:>5}")
        if details:
            out.extend(f"      - {note}" for note in tally.notes)
        grand.merge(tally)
    out.append("")
    out.append("TOTAL per field                  right missed wrong")
    for field_name, (r, m, w) in sorted(grand.counts.items()):
        out.append(f"    {field_name:<28} {r:>5} {m:>5} {w:>5}")
    right, missed, wrong = grand.total()
    facts = right + missed
    out.append(
        f"TOTAL\t{right} right of {facts} facts ({right / max(1, facts):.1%})"
        f"\t{missed} missed\t{wrong} wrong"
    )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents", nargs="*", help="only these (names of files in expected/)")
    parser.add_argument("--details", action="store_true", help="list every missed and wrong fact")
    parser.add_argument(
        "--update-floor", action="store_true", help="raise floor.toml to today's results"
    )
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"the real corpus is not at {CORPUS}: nothing to score", file=sys.stderr)
        return 2
    results = scorecard(args.documents)
    print(report(results, args.details))
    if not args.documents:
        print(
            precision.report(
                precision.figure_precision(processed),
                precision.conflict_precision(processed),
                args.details,
                [precision.figure_precision(processed, heldout=n) for n in (1, 2)],
            )
        )
    if args.update_floor:
        update_floor(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
