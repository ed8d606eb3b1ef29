"""A risk register written as cards: one risk per page or block, each field
under its label ("Risk Ref: CR04", "Risk Owner: Director of Finance",
"Residual risk score: 4 x 3 = 12", "Existing controls" over a list).

A label starts a line, or follows another field on the same line after a colon
(two columns of a card run together). A card starts at a reference or title
label once the card before has one. A rating label says when it rates
("Inherent", "Residual", "Target"); a bare "Likelihood: 4" under a line that is
only "Residual risk" rates at that point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assure.document import CleanText
from assure.normalising.folding import folded
from assure.parsing.per_text import blind
from assure.parsing.risk.columns import Column, when_of
from assure.parsing.risk.fields import RiskFields, risk_from_fields
from assure.parsing.risk.items import bulleted_items
from assure.parsing.risk.layout import layout_lines
from assure.parsing.risk.scores import BARE
from assure.structure import Risk

WHEN = (
    r"(?:(?:inherent|gross|original|initial|residual|current|net|revised|target|pre|post)"
    r"[- ](?:mitigation\s+)?)?"
)
LABELS: tuple[tuple[str, str], ...] = (
    ("ref", r"risk\s+(?:ref(?:erence)?|id|no\.?|number)(?:\s+no\.?)?|ref(?:erence)?(?:\s+no\.?)?"),
    ("title", r"risk\s+(?:title|name)|title"),
    (
        "description",
        r"risk\s+description|description(?:\s+of\s+risk)?|risk\s+event",
    ),
    ("causes", r"causes?|triggers?|sources?\s+of\s+risk"),
    ("effects", r"consequences?|effects?|potential\s+impact|impacts?(?=\s*:\s*[a-z])"),
    (
        "owners",
        r"(?:risk\s+)?owners?|lead\s+officer|responsible\s+officer|accountable\s+officer|risk\s+lead",
    ),
    ("directorate", r"directorate|service\s+area|department"),
    ("likelihood", rf"{WHEN}(?:likelihood|probability)"),
    ("impact", rf"{WHEN}(?:impact|severity)"),
    (
        "score",
        rf"{WHEN}(?:risk\s+)?(?:score|rating|level)|(?:inherent|gross|residual|current|net|target)\s+risk(?:\s+(?:score|rating))?",
    ),
    (
        "mitigations",
        r"(?:existing|current|key)?\s*controls?(?:\s+in\s+place)?|mitigations?|mitigating\s+actions|control\s+measures",
    ),
    (
        "actions",
        r"(?:further|planned|additional|next)\s+(?:actions?|steps)|actions?(?:\s+plan)?(?:\s+required)?",
    ),
    ("progress", r"progress(?:\s+update)?|update|commentary|comments"),
    ("trend", r"direction\s+of\s+travel|trend"),
    ("category", r"(?:risk\s+)?category"),
    ("description", r"the\s+risk|risk"),  # last: "Risk owner" is an owner's label
)
_ALTERNATIVES = "|".join(f"(?P<{name}_{i}>{p})" for i, (name, p) in enumerate(LABELS))
# A label with a colon, opening a line or following another field on it.
LABEL = re.compile(rf"(?:^|(?<=\s))(?P<label>{_ALTERNATIVES})\s*(?::|$)", re.IGNORECASE)
# A label of two or more words opening a line, its value after a space: a card
# laid out as a two-column table ("Risk owner   Director of People").
BARE_LABEL = re.compile(rf"^(?P<label>{_ALTERNATIVES})(?=\s)", re.IGNORECASE)
LABEL_FOLDED = blind(LABEL)  # for lines folded to lower case
BARE_LABEL_FOLDED = blind(BARE_LABEL)
MIN_CARDS = 2


@dataclass(frozen=True, slots=True)
class Labelled:
    field: str
    label: str
    value: str
    line: int


def field_name(match: re.Match[str]) -> str:
    return next(k for k, v in match.groupdict().items() if v and k != "label").rsplit("_", 1)[0]


def labels_on(body: str) -> list[tuple[str, str, str]]:
    """(field, label, value) for each label on a line, or [] if it opens with none."""
    # Found on the folded line, where LABEL and BARE_LABEL find them on ``body``.
    lower = folded(body)
    if ":" in body:
        matches = [
            m for m in LABEL_FOLDED.finditer(lower) if m.start() == 0 or body[m.end() - 1] == ":"
        ]
    else:  # only a label opening the line is kept, and the first found is that one
        matches = [m] if (m := LABEL_FOLDED.match(lower)) else []
    if matches and matches[0].start() == 0:
        found = []
        for position, match in enumerate(matches):
            end = matches[position + 1].start() if position + 1 < len(matches) else len(body)
            label = body[match.start("label") : match.end("label")]
            found.append((field_name(match), label, body[match.end() : end].strip()))
        return found
    bare = BARE_LABEL_FOLDED.match(lower)
    if bare and len((label := body[bare.start("label") : bare.end("label")]).split()) >= 2:
        return [(field_name(bare), label, body[bare.end() :].strip(" :"))]
    return []


def labelled_values(text: CleanText) -> list[Labelled]:
    """Every labelled value in order; a label's value runs on over the lines
    after it until the next label (one line each, so a list keeps its items)."""
    found: list[Labelled] = []
    for line in layout_lines(text):
        body = line.text.strip("*# ")
        labels = labels_on(body)
        if not labels:
            if found and body:
                last = found[-1]
                value = f"{last.value}\n{body}".strip()
                found[-1] = Labelled(last.field, last.label, value, last.line)
            continue
        found.extend(Labelled(f, label, value, line.number) for f, label, value in labels)
    return found


def card_risks(text: CleanText) -> list[Risk]:
    """Every card's risk, where the text holds at least two cards."""
    cards: list[RiskFields] = []
    current: RiskFields | None = None
    when: str | None = None
    for item in labelled_values(text):
        starts = item.field in ("ref", "title") and (
            current is None or (getattr(current, item.field) is not None)
        )
        if starts:
            current = RiskFields(start_line=item.line)
            cards.append(current)
            when = None
        if current is None:
            continue
        current.end_line = item.line
        if item.field in ("likelihood", "impact", "score"):
            label_when = when_of(item.label)
            if item.field == "score" and not item.value and label_when:
                when = label_when  # "Residual risk" heading over its parts
                continue
            effects = item.field == "impact" and not BARE.search(item.value)
            if effects:
                current.add(Column("effects", None, item.label), item.value)
            else:
                current.add(Column(item.field, label_when or when, item.label), item.value)
        elif item.field in ("mitigations", "actions"):
            getattr(current, item.field).extend(bulleted_items(item.value.splitlines()))
        else:
            current.add(Column(item.field, None, item.label), " ".join(item.value.split()))
    rated = [c for c in cards if c.ratings or c.owners]
    if len(rated) < MIN_CARDS:
        return []
    return [risk for card in cards if (risk := risk_from_fields(card)) is not None]
