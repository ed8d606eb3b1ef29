"""A risk register table after PDF text extraction flattened it.

The header's words survive on one line or a few ("Ref Risk Owner Inherent Risk
Controls Residual Risk"), and each row comes out cell by cell, a narrow cell's
words wrapped onto short lines, cells on one baseline run together. Rows are
told apart in one of two ways:

- by a reference starting each row ("CR01", "SR 4", "12"), where the header's
  first column is the reference;
- by a line holding only the row's closing ratings ("4 x 3 = 12 Amber", "4",
  "3 14.2"), where the header ends with rating columns.

Within a row: a band heading is the risk's group, leading capitals under a
"Directorate" column are its owners, the first narrow cell is its title,
ratings are "a x b = c" products (or the closing numbers) in the header's
order, owners are job titles found in the row, and the rest of the text (the
cause, event and consequence columns, which run together) is its effects.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from assure.document import CleanText
from assure.normalising.folding import folded
from assure.parsing.per_text import blind
from assure.parsing.risk.columns import RATING_FIELDS, Column, when_of
from assure.parsing.risk.fields import RiskFields, risk_from_fields
from assure.parsing.risk.items import bulleted_items
from assure.parsing.risk.layout import LayoutLine, layout_lines, split_group
from assure.parsing.risk.scores import PRODUCT, from_product, number
from assure.structure import Risk, RiskScore

WHEN = r"(?:(?:inherent|gross|original|initial|residual|current|net|revised|target)\s+)?"
HEADINGS = re.compile(
    r"(?P<ref>\brisk\s+(?:ref(?:erence)?|id|no\.?|number)\b|\bref(?:erence)?\b(?:\s+no\.?)?)"
    r"|(?P<title>\brisk\s+(?:title|name)\b|\btitle\b)"
    r"|(?P<causes>\bsource\s*/\s*cause\s+of\s+risk\b|\bcauses?\b|\btriggers?\b)"
    r"|(?P<description>\brisk\s+(?:description|event)\b|\bdescription\b)"
    r"|(?P<effects>\bconsequences?\b|\beffects?\b)"
    r"|(?P<owners>\b(?:risk\s+)?owners?\b|\blead\s+officer\b|\bresponsible\s+officer\b)"
    r"|(?P<directorate>\bdirectorate\b|\bservice\s+area\b|\bdepartment\b)"
    r"|(?P<mitigations>\b(?:existing\s+)?controls?\b(?:\s+in\s+place)?|\bmitigati\w+\b)"
    r"|(?P<actions>\b(?:further|planned|additional)\s+actions?\b|\baction\s+plan\b)"
    r"|(?P<trend>\bdirection\s+of\s+travel\b|\btrend\b|\bDoT\b)"
    r"|(?P<progress>\bprogress(?:\s+update)?\b|\bcommentary\b)"
    rf"|(?P<likelihood>{WHEN}\b(?:likelihood|probability)\b)"
    rf"|(?P<impact>{WHEN}\b(?:impact|severity)\b)"
    rf"|(?P<score>{WHEN}\b(?:risk\s+)?(?:score|rating)\b|(?:inherent|gross|residual|current|net|target)\s+risk\b)",
    re.IGNORECASE,
)
# The same, for a line folded to lower case (see ``folding.folded``).
HEADINGS_FOLDED = blind(re.compile(HEADINGS.pattern.replace("DoT", "dot"), re.IGNORECASE))
# Every match of HEADINGS holds one of these.
HEADING_WORDS = (
    "risk", "ref", "title", "cause", "trigger", "description", "consequence", "effect",
    "owner", "officer", "directorate", "area", "department", "control", "mitigati", "action",
    "travel", "trend", "dot", "progress", "commentary", "likelihood", "probability", "impact",
    "severity", "score", "rating",
)  # fmt: skip
HEADER_SCAN = 80  # lines of a page within which its header stands
PAGE_TOP = 15  # lines at a page's top where repeated furniture stands
REPEATED_SHARE = 0.6  # furniture repeats on most pages; a cell's words on a few
HEADER_LINES = 8  # lines a flattened header wraps onto
MIN_HEADINGS = 3
SHORT_HEADING = 12  # "(1-5)", "x L)", "Exposure": a heading's wrapped words
OWNER_WIDTH = 26  # an owner column's wrapped lines
TINY = 12  # a wide title's last wrapped word or two ("time")
OWNER_AFTER_SENTENCE = re.compile(r"[.!?]\s+(?P<owner>[A-Z][\w&' -]{2,25})$")
# A line holding only a row's closing figures: a rating first (at most 25), then
# more numbers, products or RAG words.
CLOSING = re.compile(
    r"^(?:\d{1,2}(?:\.\d+)?|\d{1,2}\s*[x×]\s*\d{1,2}(?:\s*=\s*\d{1,3})?)"
    r"(?:\s+(?:[\d.,£%]+|\d{1,2}\s*[x×]\s*\d{1,2}(?:\s*=\s*\d{1,3})?|=|red|amber|green|high|medium|low))*$",
    re.IGNORECASE,
)
# A row's reference: "CRR01", "SR 4", "R12a", or a number before a title (not a rating's "4 x 3").
REF = re.compile(
    r"^(?P<ref>(?P<prefix>[A-Z]{1,6})[\s-]?\d{1,3}[a-z]?(?=[\s.:)]|$)|\d{1,3}(?=[.:)]?(?:\s+[A-Z]|$)))"
    r"(?!\s*[x×]\s*\d)"
)
# "CYPE", "ASCH / CYPE", "GET/DCED", "ASCH (PH)": capitals joined by slashes or brackets.
DIRECTORATE = re.compile(r"^[A-Z]{2,}(?:\s*/\s*[A-Z]{2,}|\s*\([A-Z]{2,}\))*(?=\s|$)")
NARROW = 14  # a directorate column's wrapped words
TITLE_WIDTH = 24  # a title column's wrapped lines
SENTENCE_START = frozenset({"The", "A", "An", "This", "If", "Any", "There", "Where", "Local"})
ROLE_START = frozenset(
    {
        "Head", "Director", "Chief", "Senior", "Assistant", "Deputy", "Principal", "Corporate",
        "Executive", "Strategic", "Interim", "Cabinet", "Portfolio", "Service", "Programme",
    }
)  # fmt: skip
ROLE = re.compile(
    r"\b(?:(?:Assistant|Deputy|Executive|Corporate|Strategic|Interim|Service)\s+)*"
    r"(?:Director|Head|Chief\s+Executive|Chief\s+(?:Finance|Operating|Digital|Information)\s+Officer"
    r"|Monitoring\s+Officer|Section\s+151\s+Officer|Manager|Lead)"
    r"(?:\s+(?:of|for)\s+(?:[A-Z][\w&'-]*|and|&)(?:\s+(?:[A-Z][\w&'-]*|and|&|of)){0,5})?"
)


@dataclass(frozen=True, slots=True)
class FlatHeader:
    line: int
    columns: tuple[Column, ...]

    def fields(self) -> list[str]:
        return [c.field for c in self.columns]


def header_of(text: str) -> tuple[Column, ...]:
    """The columns a header's words name, in order. A "Risk" heading of its own
    (not "Risk owner", "Risk score") is the risks' title column."""
    low = folded(text)
    if not any(word in low for word in HEADING_WORDS):
        return ()  # no heading, and no "Risk" either
    found: list[tuple[int, Column]] = []
    taken: list[tuple[int, int]] = []
    # Matched on the folded line, where the same headings stand at the same places.
    for match in HEADINGS_FOLDED.finditer(low):
        name = next(k for k, v in match.groupdict().items() if v)
        heading = text[match.start() : match.end()]
        when = when_of(heading) if name in RATING_FIELDS else None
        found.append((match.start(), Column(name, when, heading)))
        taken.append(match.span())
    if not any(c.field in ("title", "description") for _, c in found):
        for match in re.finditer(r"\bRisks?\b", text):
            if not any(a <= match.start() < b for a, b in taken):
                found.append((match.start(), Column("title", None, match.group(0))))
                break
    return tuple(column for _, column in sorted(found, key=lambda item: item[0]))


def find_header(lines: list[LayoutLine]) -> FlatHeader | None:
    """The first header: a line naming a register column, with the short lines
    its headings wrap onto either side, naming a risk column and at least three
    register fields."""
    scanned = lines[: HEADER_SCAN * 3]
    # A header's block (two lines before its line, HEADER_LINES after) names a
    # risk: only lines near one are searched for headings, the costly part.
    reach = lines[: len(scanned) + HEADER_LINES]
    named = [n for n, line in enumerate(reach) if "risk" in line.text.lower()]
    near = {i for n in named for i in range(n - HEADER_LINES, n + 3)}
    for index, line in enumerate(scanned):
        if index not in near:
            continue
        low = folded(line.text)
        if not any(word in low for word in HEADING_WORDS) or not HEADINGS_FOLDED.search(low):
            continue
        first = index
        while first > 0 and index - first < 2 and len(lines[first - 1].text) <= SHORT_HEADING:
            first -= 1
        block, last = header_block(lines, first, index)
        if "risk" not in block.lower():
            continue
        columns = header_of(block)
        fields = {c.field for c in columns}
        if (
            len(fields) >= 3
            and fields & {"title", "description"}
            and fields & (RATING_FIELDS | {"owners", "mitigations"})
        ):
            return FlatHeader(last, columns)
    return None


def header_block(lines: list[LayoutLine], first: int, index: int) -> tuple[str, int]:
    """The header's text from ``first`` through ``index`` and the lines its
    headings wrap onto after it (short ones, or ones naming more columns), and
    the number of its last line."""
    block = [line.text for line in lines[first : index + 1]]
    last = lines[index].number
    for line in lines[index + 1 : index + 1 + HEADER_LINES]:
        if not (header_of(line.text) or len(line.text) <= SHORT_HEADING) or REF.match(line.text):
            break
        block.append(line.text)
        last = line.number
    return " ".join(block), last


def flattened_risks(text: CleanText) -> list[Risk]:
    lines = layout_lines(text)
    header = find_header(lines)
    if header is None:
        return []
    furniture = page_furniture(lines)
    body = [
        line
        for line in lines
        if line.number > header.line
        and not repeats_header(line)
        and (line.page, line.text) not in furniture
    ]
    fields = header.fields()
    rows = rows_by_ref(body) if fields and fields[0] == "ref" else rows_by_closing(body)
    group: str | None = None
    started: list[tuple[RiskFields, list[str], str | None]] = []
    for row in rows:
        built, texts, closing, group = open_row(row, header, group)
        if built is not None:
            started.append((built, texts, closing))
    width = title_width([texts for _, texts, _ in started])
    for built, texts, closing in started:
        finish_row(built, texts, closing, header, width)
    backfill_groups([built for built, _, _ in started])
    return [risk for built, _, _ in started if (risk := risk_from_fields(built)) is not None]


def page_furniture(lines: list[LayoutLine]) -> set[tuple[int | None, str]]:
    """Lines repeated near the top of most pages (a table header's wrapped
    words, "Likelihood" / "(1-5)"), which normalising keeps once."""
    tops: dict[int | None, list[LayoutLine]] = {}
    for line in lines:
        tops.setdefault(line.page, [])
        if len(tops[line.page]) < PAGE_TOP:
            tops[line.page].append(line)
    if len(tops) < 2:
        return set()
    seen = Counter(text for top in tops.values() for text in {line.text for line in top})
    least = max(2, math.ceil(REPEATED_SHARE * len(tops)))
    repeated = {t for t, n in seen.items() if n >= least and not CLOSING.match(t)}
    return {
        (line.page, line.text) for top in tops.values() for line in top if line.text in repeated
    }


def backfill_groups(rows: list[RiskFields]) -> None:
    """Rows before a register's first band heading take it when the heading
    follows them on the same page (extraction puts a full-width cell last)."""
    first = next((row.group for row in rows if row.group), None)
    if first is None:
        return
    for row in rows:
        if row.group:
            break
        row.group = first


def repeats_header(line: LayoutLine) -> bool:
    """A header line repeated on a later page."""
    return len(header_of(line.text)) >= MIN_HEADINGS


def rows_by_closing(lines: list[LayoutLine]) -> list[list[LayoutLine]]:
    rows, current = [], []
    for line in lines:
        current.append(line)
        if CLOSING.match(line.text):
            rows.append(current)
            current = []
    return rows


def within_pages(row: list[LayoutLine]) -> list[LayoutLine]:
    """A row without the pages after its last rating's (the text after a
    register's last row: a heat map, notes)."""
    rated = [
        i for i, line in enumerate(row) if PRODUCT.search(line.text) or CLOSING.match(line.text)
    ]
    if not rated:
        return row
    page = row[rated[-1]].page
    return [line for line in row if line.page is None or page is None or line.page <= page]


def rows_by_ref(lines: list[LayoutLine]) -> list[list[LayoutLine]]:
    starts = [(i, m) for i, line in enumerate(lines) if (m := REF.match(line.text))]
    prefixes = Counter(m["prefix"] or "" for _, m in starts)
    if not prefixes:
        return []
    prefix, count = prefixes.most_common(1)[0]
    if count < 2:
        return []
    chosen, last = [], -1
    for i, match in starts:
        if (match["prefix"] or "") != prefix:
            continue
        if not prefix:
            value = int(match["ref"])
            if value <= last:
                continue
            last = value
        chosen.append(i)
    bounds = [*chosen, len(lines)]
    return [within_pages(lines[a:b]) for a, b in pairwise(bounds)]


def open_row(
    row: list[LayoutLine], header: FlatHeader, group: str | None
) -> tuple[RiskFields | None, list[str], str | None, str | None]:
    """The row's band, reference, directorate and closing ratings; the text left."""
    fields = header.fields()
    texts = joined_slashes([line.text for line in row])
    while texts and (found := split_group(texts[0]))[0]:
        band, rest = found
        # A band on a line of its own starts a group; one run into a row's first
        # cell is the table's repeated header row and names the group only at first.
        if not rest or group is None:
            group = band
        texts = [rest, *texts[1:]] if rest else texts[1:]
    closing = texts[-1] if texts and CLOSING.match(texts[-1]) else None
    if closing is not None:
        texts = texts[:-1]
    if not texts:
        return None, [], None, group
    built = RiskFields(start_line=row[0].number, end_line=row[-1].number, group=group)
    if fields[0] == "ref" and (match := REF.match(texts[0])):
        built.ref = match["ref"]
        texts[0] = texts[0][match.end() :].strip(" .:)-")
    texts = [t for t in texts if t]
    if "directorate" in fields[:2] and texts:
        built.directorate, texts = directorate_of(texts)
    return built, [t for t in texts if t], closing, group


def finish_row(
    built: RiskFields, texts: list[str], closing: str | None, header: FlatHeader, width: int | None
) -> None:
    """Title, owners, ratings, controls and actions from the row's text, cut at
    its ratings: the header says which columns lie before, between and after them."""
    fields = header.fields()
    segments = rating_segments(texts)
    head = segments[0]
    before = fields[: next((i for i, f in enumerate(fields) if f in RATING_FIELDS), len(fields))]
    owners: list[str] = []
    if "owners" in before and len(segments) > 1:
        owners, head = owner_tail(head)
    title, rest = title_of(head, width)
    built.title = title
    built.owners = split_roles(" ".join(owners)) if owners else built.owners
    built.effects = " ".join(" ".join(rest).split()) or None
    for field, segment in zip(between_ratings(fields), segments[1:], strict=False):
        text = " ".join(segment)
        if field in ("mitigations", "actions"):
            getattr(built, field).extend(bulleted_items(segment, lines_are_items=False))
        elif field == "owners" and not built.owners:
            built.owners = split_roles(text)
        elif field in ("progress", "trend"):
            setattr(built, field, text or None)
    rate(built, header, " ".join(texts), closing)
    if not built.owners and "owners" in fields and not built.directorate:
        built.owners = owners_in(" ".join(texts))


def rating_segments(texts: list[str]) -> list[list[str]]:
    """The row's lines cut at each "a x b = c" rating (which may share a line
    with the cells either side of it)."""
    segments: list[list[str]] = [[]]
    for text in texts:
        position = 0
        for match in PRODUCT.finditer(text):
            if piece := text[position : match.start()].strip():
                segments[-1].append(piece)
            segments.append([])
            position = match.end()
        if piece := text[position:].strip():
            segments[-1].append(piece)
    return segments


def between_ratings(fields: list[str]) -> list[str]:
    """For each rating column in the header, the text column that follows it
    (or "" where another rating or nothing follows)."""
    found = []
    for index, field in enumerate(fields):
        if field in ("score", "impact", "likelihood"):
            following = fields[index + 1] if index + 1 < len(fields) else ""
            found.append(following if following not in RATING_FIELDS else "")
    return found


def owner_tail(head: list[str]) -> tuple[list[str], list[str]]:
    """An owner column's wrapped lines closing the text before the first rating:
    short lines after the description's last sentence."""
    lines = list(head)
    owners: list[str] = []
    while len(lines) > 1 and len(lines[-1]) <= OWNER_WIDTH and not lines[-1].endswith("."):
        owners.insert(0, lines.pop())
    if lines and (match := OWNER_AFTER_SENTENCE.search(lines[-1])):
        # an owner run on from the description: "... available. Chief Executive"
        owners.insert(0, match["owner"])
        lines[-1] = lines[-1][: match.start("owner")].strip()
    return owners, lines


def split_roles(text: str) -> list[str]:
    """Owners run together ("Head of Digital Services Senior Information Risk
    Owner") split where a role's first word follows a name's last."""
    words = text.split()
    names: list[list[str]] = []
    for word in words:
        starts = word in ROLE_START and (not names or names[-1][-1] not in ROLE_START)
        if starts or not names:
            names.append([word])
        else:
            names[-1].append(word)
    return [" ".join(name) for name in names if name]


def joined_slashes(texts: list[str]) -> list[str]:
    """A line ending in "/" continues on the next ("CYPE /" over "DCED")."""
    out: list[str] = []
    for text in texts:
        if out and out[-1].endswith("/"):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


def title_width(rows: list[list[str]]) -> int | None:
    """A narrow title column's width: the longest of the short lines its wrapped
    titles leave after their first line; ``None`` where titles mostly open with
    a line too long for a narrow column."""
    firsts = sorted(len(texts[0]) for texts in rows if texts)
    if not firsts or firsts[len(firsts) // 2] > TITLE_WIDTH:
        return None
    widths = []
    for texts in rows:
        for text in texts[1:]:
            if len(text) > TITLE_WIDTH or text.endswith("."):
                break
            widths.append(len(text))
    return max(widths, default=TITLE_WIDTH)


def directorate_of(texts: list[str]) -> tuple[list[str], list[str]]:
    """Owners from a directorate column: leading capitals ("ASCH / CYPE"), or a
    narrow column's wrapped words ("Non" / "Attributable" / "Costs")."""
    if match := DIRECTORATE.match(texts[0]):
        names = [n.strip() for n in re.split(r"\s*/\s*", match.group(0).strip()) if n.strip()]
        return merged_brackets(names), [texts[0][match.end() :].strip(), *texts[1:]]
    words: list[str] = []
    while texts and len(texts[0]) <= NARROW and len(texts[0].split()) == 1 and len(words) < 4:
        words.append(texts.pop(0))
    return ([" ".join(words)] if words else []), texts


def merged_brackets(names: list[str]) -> list[str]:
    """ "ASCH (PH)" stays one name."""
    out: list[str] = []
    for name in names:
        if out and name.startswith("("):
            out[-1] = f"{out[-1]} {name}"
        else:
            out.append(name)
    return out


def title_of(texts: list[str], width: int | None = None) -> tuple[str | None, list[str]]:
    """The title. In a narrow title column (``width``) it is the first line with
    the short lines its words wrap onto, a first line running on into the next
    cell cut at the column's width before a word that starts a sentence; in a
    wide one, the first line and at most a tiny last wrap."""
    if not texts:
        return None, texts
    first, rest = texts[0], list(texts[1:])
    limit = width or TINY
    if width and len(first) > width:
        title, after = cut_title(first, width)
        return title, [*after, *rest]
    parts = [first]
    while rest and len(rest[0]) <= limit and not rest[0].endswith(".") and rest[0][:1] not in "•-":
        parts.append(rest.pop(0))
    return " ".join(parts), rest


def cut_title(line: str, width: int) -> tuple[str, list[str]]:
    words = line.split()
    taken: list[str] = []
    for word in words:
        if taken and (word in SENTENCE_START or len(" ".join([*taken, word])) > width):
            break
        if taken and word == taken[-1]:
            break  # "Capital Capital project costs": the next cell repeats the word
        taken.append(word)
    return " ".join(taken), [" ".join(words[len(taken) :])]


def owners_in(text: str) -> list[str]:
    return list(dict.fromkeys(m.group(0).strip() for m in ROLE.finditer(text)))


def rate(built: RiskFields, header: FlatHeader, remainder: str, closing: str | None) -> None:
    """Ratings in the header's order: "a x b = c" products in the row, else the
    closing line's numbers, one per rating column."""
    rating_columns = [c for c in header.columns if c.field in RATING_FIELDS]
    if not rating_columns:
        return
    products = [m for m in PRODUCT.finditer(f"{remainder} {closing or ''}")]
    if products:
        whens = [c.when or "inherent" for c in rating_columns if c.field == "score"] or [
            "inherent",
            "residual",
        ]
        label = " ".join(c.label for c in header.columns)
        for when, match in zip([*whens, "target"], products, strict=False):
            built.ratings[when] = from_product(match, label)
        return
    if closing is None:
        return
    numbers = [number(n) for n in re.findall(r"\d+(?:\.\d+)?", closing)]
    for col, value in zip(rating_columns, numbers, strict=False):
        when = col.when or "inherent"
        current = built.ratings.get(when) or RiskScore()
        built.ratings[when] = RiskScore(
            impact=value if col.field == "impact" else current.impact,
            likelihood=value if col.field == "likelihood" else current.likelihood,
            score=value if col.field == "score" else current.score,
        )
