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

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from assure.document import CleanText
from assure.parsing.risk.columns import RATING_FIELDS, Column, when_of
from assure.parsing.risk.fields import RiskFields, risk_from_fields
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
    rf"|(?P<likelihood>{WHEN}\b(?:likelihood|probability)\b)"
    rf"|(?P<impact>{WHEN}\b(?:impact|severity)\b)"
    rf"|(?P<score>{WHEN}\b(?:risk\s+)?(?:score|rating)\b|(?:inherent|gross|residual|current|net|target)\s+risk\b)",
    re.IGNORECASE,
)
HEADER_SCAN = 80  # lines of a page within which its header stands
PAGE_TOP = 15  # lines at a page's top where repeated furniture stands
# A line holding only a row's closing figures: a rating first (at most 25), then
# more numbers, products or RAG words.
CLOSING = re.compile(
    r"^(?:\d{1,2}(?:\.\d+)?|\d{1,2}\s*[x×]\s*\d{1,2}(?:\s*=\s*\d{1,3})?)"
    r"(?:\s+(?:[\d.,£%]+|\d{1,2}\s*[x×]\s*\d{1,2}(?:\s*=\s*\d{1,3})?|=|red|amber|green|high|medium|low))*$",
    re.IGNORECASE,
)
REF = re.compile(r"^(?P<ref>(?P<prefix>[A-Z]{1,6})[\s-]?\d{1,3}[a-z]?|\d{1,3})(?=[\s.:)]|$)")
# "CYPE", "ASCH / CYPE", "GET/DCED", "ASCH (PH)": capitals joined by slashes or brackets.
DIRECTORATE = re.compile(r"^[A-Z]{2,}(?:\s*/\s*[A-Z]{2,}|\s*\([A-Z]{2,}\))*(?=\s|$)")
NARROW = 14  # a directorate column's wrapped words
TITLE_WIDTH = 24  # a title column's wrapped lines
SENTENCE_START = frozenset({"The", "A", "An", "This", "If", "Any", "There", "Where", "Local"})
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
    found = []
    for match in HEADINGS.finditer(text):
        name = next(k for k, v in match.groupdict().items() if v)
        when = when_of(match.group(0)) if name in RATING_FIELDS else None
        found.append(Column(name, when, match.group(0)))
    return tuple(found)


def find_header(lines: list[LayoutLine]) -> FlatHeader | None:
    """The first line (with up to three short lines after it) naming a risk
    column and at least three register fields."""
    for index, line in enumerate(lines[: HEADER_SCAN * 3]):
        if "risk" not in line.text.lower():
            continue
        block = " ".join(
            x.text for x in lines[index : index + 4] if x is line or len(x.text) <= TITLE_WIDTH
        )
        columns = header_of(block)
        fields = {c.field for c in columns}
        if (
            len(fields) >= 3
            and fields & {"title", "description"}
            and fields & (RATING_FIELDS | {"owners", "mitigations"})
        ):
            return FlatHeader(line.number, columns)
    return None


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
        and not repeats_header(line, header)
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
    repeated = {t for t, n in seen.items() if n >= max(2, len(tops) // 2) and not CLOSING.match(t)}
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


def repeats_header(line: LayoutLine, header: FlatHeader) -> bool:
    """A header line repeated on a later page (or a part of one)."""
    columns = header_of(line.text)
    return len(columns) >= 3 or (
        bool(columns)
        and len(line.text) <= TITLE_WIDTH
        and not CLOSING.match(line.text)
        and line.text.lower() == columns[0].label.lower()
    )


def rows_by_closing(lines: list[LayoutLine]) -> list[list[LayoutLine]]:
    rows, current = [], []
    for line in lines:
        current.append(line)
        if CLOSING.match(line.text):
            rows.append(current)
            current = []
    return rows


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
    return [lines[a:b] for a, b in pairwise(bounds)]


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
    built: RiskFields, texts: list[str], closing: str | None, header: FlatHeader, width: int
) -> None:
    title, texts = title_of(texts, width)
    built.title = title
    remainder = " ".join(texts)
    if "owners" in header.fields():
        built.owners = owners_in(remainder)
    rate(built, header, remainder, closing)
    built.effects = " ".join(PRODUCT.sub(" ", remainder).split()) or None


def joined_slashes(texts: list[str]) -> list[str]:
    """A line ending in "/" continues on the next ("CYPE /" over "DCED")."""
    out: list[str] = []
    for text in texts:
        if out and out[-1].endswith("/"):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


def title_width(rows: list[list[str]]) -> int:
    """The title column's width: the longest of the short lines its wrapped
    titles leave after their first line (at most ``TITLE_WIDTH``)."""
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


def title_of(texts: list[str], width: int = TITLE_WIDTH) -> tuple[str | None, list[str]]:
    """The title: the first line, with the short lines a narrow column wraps
    onto; a first line running on into the next cell is cut at the column's
    width, before a word that starts a sentence."""
    if not texts:
        return None, texts
    first, rest = texts[0], list(texts[1:])
    if len(first) > width:
        title, after = cut_title(first, width)
        return title, [*after, *rest]
    parts = [first]
    while rest and len(rest[0]) <= width and not rest[0].endswith("."):
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
