"""Committee document packs: notice of meeting, agenda, minutes, reports.

``PARSER.recognise`` scores how surely a text is a pack from the genre's own
furniture (notice of meeting, agenda items with page ranges, "Present:",
"Apologies", "RESOLVED"); ``PARSER.parse`` returns one notice meeting with its
agenda and members, one meeting per set of minutes, a section per agenda item
and per document in the pack, the plans found inside it, and a finding where
a report's cover sheet gives another meeting date than the notice.

A committee report published on its own (a title block naming the body and
the meeting date, or a cover sheet of fields, then the usual report sections)
is a committee paper too: it gives one meeting with role ``"report"``, the
body and date it was written for, with no agenda and no minutes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from assure.document import CleanText
from assure.parsing.pack.assemble import Pack
from assure.parsing.pack.decisions import is_decision_text
from assure.parsing.pack.lines import pack_lines, tidy
from assure.parsing.pack.minutes_header import MINUTES_OF, PRESENT
from assure.parsing.pack.notice import SUMMONED
from assure.parsing.pack.report import report_cover
from assure.parsing.per_text import FoldedLines, once_per_text
from assure.structure import DocumentKind, ParsedStructure, Plan

PAGE_RANGE = re.compile(
    r"^\(?\s*pages?\s+\d{1,4}\s*[–-]\s*\d{1,4}\s*\)?$|\(pages?\s+\d{1,4}\s*[–-]\s*\d{1,4}\)\s*$",
    re.I,
)
ROUTINE_ITEM = re.compile(
    r"^\d{1,2}\s*[:.]?\s+(?:minutes|apologies|declarations?|membership|interests|exclusion|admission)\b",
    re.I,
)
# Below this furniture score a text may yet be a committee report standing on its own.
AGENDA_HEADING = re.compile(
    r"^(?:a\s?g\s?e\s?n\s?d\s?a|agenda(?:\s+items?)?|agenda\s+item\s*\d{1,2})$", re.I
)
REPORT_BELOW = 0.6
STRONGEST_COVER = 0.7  # the most ``ReportCover.strength`` gives
Signal = tuple[Callable[[str], object], float, int, tuple[str, ...] | None]
SIGNALS: tuple[Signal, ...] = (
    # (test of one tidied line, weight, how many occurrences earn the full weight,
    # words in lower case one of which the test needs, so that lines without any are not tested)
    (
        re.compile(
            r"^(?:notice\s+of\s+(?:a\s+)?meeting|public\s+document\s+pack|summons)\b", re.I
        ).search,
        0.35,
        1,
        ("notice", "pack", "summons"),
    ),
    # (every match opens with its "a")
    (lambda line: line[:1] in ("a", "A") and AGENDA_HEADING.search(line), 0.15, 2, None),
    (
        re.compile(r"\bwill\s+(?:meet|be\s+held)\b.{0,120}\b(?:at|on)\b.{0,40}\d", re.I).search,
        0.2,
        1,
        ("will",),
    ),
    (SUMMONED.search, 0.2, 1, ("attend",)),
    (lambda line: PRESENT.match(line.replace("\t", " ")), 0.25, 1, ("present", "attend")),
    (re.compile(r"^apologies(?:\s+for\s+absence)?\b", re.I).search, 0.12, 1, ("apologies",)),
    (
        re.compile(r"^(?:also\s+|officers\s+)?(?:in\s+attendance|present)\s*(?::|$)", re.I).search,
        0.05,
        1,
        ("attendance", "present"),
    ),
    (lambda line: "\t" not in line and is_decision_text(line), 0.15, 4, None),
    (PAGE_RANGE.search, 0.08, 4, ("page",)),
    (re.compile(r"^\d{1,4}\s*[–-]\s*\d{1,4}$").search, 0.04, 4, ("-", "–")),
    # A row of an agenda table: item number first, page range last.
    (
        re.compile(
            r"^\d{1,2}[a-z]?\.?\t.*\t\(?(?:pages?\s+)?\d{1,4}\s*[–-]\s*\d{1,4}\)?$", re.I
        ).search,
        0.08,
        3,
        ("\t",),
    ),
    (MINUTES_OF.match, 0.12, 1, ("minutes", "notes")),
    (
        re.compile(
            r"\bdeclarations?\s+of\s+(?:pecuniary\s+)?interests?\b|^interests$", re.I
        ).search,
        0.08,
        1,
        ("interest",),
    ),
    (
        re.compile(r"^(?:name\s+of\s+meeting|report\s+to|title\s+of\s+report)\s*:", re.I).search,
        0.08,
        2,
        ("meeting", "report"),
    ),
    (re.compile(r"^(?:contact\s+officer|officer)\s*:", re.I).search, 0.04, 2, ("officer",)),
    (re.compile(r"\bmembers\s+are\b|^membership\b", re.I).search, 0.06, 1, ("member",)),
    (
        ROUTINE_ITEM.search,
        0.08,
        3,
        (
            "minutes",
            "apologies",
            "declaration",
            "membership",
            "interests",
            "exclusion",
            "admission",
        ),
    ),
    # A committee system's front sheet: "UNRESTRICTED ITEMS", "EXEMPT ITEMS".
    (
        re.compile(r"^(?:unrestricted|exempt|restricted|confidential)\s+items?$", re.I).search,
        0.1,
        1,
        ("item",),
    ),
    # A letter to members sending papers: "Dear Member" ... "Agenda Item No".
    (re.compile(r"^dear\s+(?:members?|councillors?)\b", re.I).search, 0.15, 1, ("dear",)),
    (re.compile(r"^agenda\s+item\s+no\.?$", re.I).search, 0.1, 1, ("item",)),
    (
        re.compile(
            r"\bnot\s+available\s+when\s+the\s+(?:main\s+)?agenda\s+was\b"
            r"|\b(?:supplementary|supplemental)\s+(?:agenda|papers|pack)\b",
            re.I,
        ).search,
        0.15,
        1,
        ("available", "supplement"),
    ),
)
COUNCIL = re.compile(
    r"\b(?:(?:London\s+Borough|Royal\s+Borough|City|County|Borough)\s+of\s+[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,2}"
    r"(?:\s+Council)?|[A-Z][a-z]+(?:[\s-](?:upon|on|le|under)?[\s-]?[A-Z][a-z]+){0,2}\s+"
    r"(?:Metropolitan\s+Borough\s+|Metropolitan\s+District\s+|Borough\s+|County\s+|City\s+|District\s+)?Council)\b"
)
COUNCIL_WORDS = ("Council", "Borough", "City", "County")  # every match of COUNCIL holds one
NOT_COUNCIL = re.compile(
    r"^(?:The|This|Our|Each|Every|A|An|Parish|Town|Cabinet|Full|County|City|Borough|District|"
    r"Metropolitan)\s",
    re.I,
)


class CommitteePackParser:
    kind = DocumentKind.COMMITTEE_PACK

    def recognise(self, text: CleanText) -> float:
        """How surely ``text`` is a committee pack, from 0 to 1."""
        try:
            return _score(text)
        except Exception:
            return 0.0

    def ceiling(self, text: CleanText) -> float:
        """At least what ``recognise`` gives, found cheaply (see the registry):
        the pack's furniture, with the strongest cover of a report standing alone."""
        try:
            score = _furniture_score(text)
        except Exception:
            return 1.0
        if score < REPORT_BELOW:
            score += STRONGEST_COVER
        return max(0.0, min(1.0, score))

    def parse(self, text: CleanText) -> ParsedStructure:
        """The pack's meetings, sections, plans and date findings."""
        try:
            return parse_pack(text)
        except Exception:
            return ParsedStructure(kind=self.kind, council=council_of(text))


def _score(text: CleanText) -> float:
    score = _furniture_score(text)
    if score < REPORT_BELOW:
        # A committee report published on its own has little pack furniture
        # but a title block naming the body and the meeting date.
        cover = report_cover(pack_lines(text)[:600])
        if cover is not None:
            score += cover.strength
    return max(0.0, min(1.0, score))


@once_per_text  # the ceiling, then the detector
def _furniture_score(text: CleanText) -> float:
    """What the signals of a pack's furniture add up to."""
    tidied = [tidied for line in text.lines[:6000] if 0 < len(tidied := tidy(line.text)) <= 400]
    view = FoldedLines(tidied)
    score = 0.0
    for test, weight, most, words in SIGNALS:
        count = 0
        for index in range(len(tidied)) if words is None else view.holding(words):
            if test(tidied[index]):
                count += 1
                if count == most:
                    break
        score += weight * count / most
    return score


def parse_pack(text: CleanText) -> ParsedStructure:
    """The pack's structure; ``PARSER.parse`` is this with a safety net."""
    pack = Pack(text)
    meetings = pack.meetings()
    notice = next((m for m in meetings if m.role == "notice"), None)
    first = notice or (meetings[0] if meetings else None)
    date = first.date if first else None
    body = first.body if first else None
    return ParsedStructure(
        kind=DocumentKind.COMMITTEE_PACK,
        title=(pack.report.title if pack.report else None)
        or _title(text, body, notice is not None),
        council=council_of(text),
        date=date,
        sections=tuple(pack.sections(meetings)),
        meetings=tuple(meetings),
        plans=_plans(text),
        findings=tuple(pack.findings()),
    )


def _title(text: CleanText, body: str | None, has_notice: bool) -> str | None:
    if body:
        return f"{body} agenda" if has_notice else f"{body} minutes"
    if text.source.title:
        return text.source.title
    for line in text.lines[:10]:
        tidied = tidy(line.text)
        if 4 <= len(tidied) <= 120:
            return tidied
    return None


def council_of(text: CleanText) -> str | None:
    """The council named most often near the top of the pack ("Kirklees Council")."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for position, line in enumerate(text.lines[:400]):
        tidied = tidy(line.text)
        candidate = tidied.title() if tidied.isupper() else tidied
        if not any(word in candidate for word in COUNCIL_WORDS):
            continue
        for match in COUNCIL.finditer(candidate):
            name = re.sub(r"\s+", " ", match.group(0))
            if NOT_COUNCIL.match(name) or len(name.split()) < 2:
                continue
            counts[name] += 1
            first_seen.setdefault(name, position)
    if not counts:
        return None
    return max(counts, key=lambda name: (counts[name], -first_seen[name]))


def _plans(text: CleanText) -> tuple[Plan, ...]:
    try:
        from assure.parsing.improvement_plan import find_plans
    except ImportError:
        return ()
    try:
        return tuple(find_plans(text))
    except Exception:
        return ()


PARSER = CommitteePackParser()

__all__ = ["PARSER", "CommitteePackParser", "council_of", "parse_pack"]
