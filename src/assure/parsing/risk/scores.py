"""Risk ratings as registers write them.

"4x3=12", "4 x 3 = 12", "I4 x L3", "L3 I4 12", "12 (4x3)", "12 High", "Red 16",
"Impact 4, Likelihood 3, Score 12", or the parts in separate columns. Which of
the two factors is the impact follows the label ("L x I"); without one, the
register is taken to write impact x likelihood, as most do.
"""

from __future__ import annotations

import re

from assure.structure import RiskScore

NUMBER = r"(\d{1,3}(?:\.\d+)?)"
TIMES = r"\s*[x×*]\s*"
# "4x3=12", "4 x 3", "(4x3)", "I4 x L3", "L3xI4 = 12"
PRODUCT = re.compile(
    rf"(?<![\w.])(?P<p1>[IL])?\s*{NUMBER}{TIMES}(?P<p2>[IL])?\s*{NUMBER}(?:\s*=\s*{NUMBER})?(?![\w.])",
    re.IGNORECASE,
)
LABELLED = re.compile(
    rf"\b(?P<label>impact|severity|consequence|likelihood|probability|score|rating|total)"
    rf"\s*(?:score|rating)?\s*[:=\-–]?\s*{NUMBER}(?![\d.])",
    re.IGNORECASE,
)
LETTERED = re.compile(rf"(?<![\w])(?P<letter>[IL])\s*[:=]?\s*{NUMBER}(?![\w.])")
BARE = re.compile(rf"(?<![\w.£$%-]){NUMBER}(?![\w.%£]|\.\d)")
RAG = re.compile(r"\b(red|amber|green|high|medium|low|very\s+high|very\s+low|critical)\b", re.I)
SCORE_CELL = re.compile(
    rf"^\s*(?:(?:red|amber|green|high|medium|low|critical|very\s+high|very\s+low)\b[\s:,()\-–]*)?"
    rf"(?:\(?{NUMBER}{TIMES}{NUMBER}(?:\s*=\s*{NUMBER})?\)?|{NUMBER})?"
    rf"[\s:,()\-–]*(?:(?:red|amber|green|high|medium|low|critical|very\s+high|very\s+low)\b)?"
    rf"\s*(?:\(\s*{NUMBER}\s*\))?\s*$",
    re.IGNORECASE,
)
IMPACT_WORDS = ("impact", "severity", "consequence")
LIKELIHOOD_WORDS = ("likelihood", "probability")


def likelihood_first(label: str) -> bool:
    """Whether a label writes likelihood before impact ("L x I", "Likelihood x Impact")."""
    folded = label.lower()
    positions = []
    for words, letter in ((LIKELIHOOD_WORDS, "l"), (IMPACT_WORDS, "i")):
        found = [folded.find(w) for w in words if w in folded]
        if not found and (match := re.search(rf"\b{letter}\b", folded)):
            found = [match.start()]
        positions.append(min(found) if found else -1)
    likelihood, impact = positions
    return likelihood >= 0 and (impact < 0 or likelihood < impact)


def number(text: str) -> float:
    value = float(text)
    return int(value) if value.is_integer() else value


def product_score(text: str, label: str = "") -> RiskScore | None:
    """The first "a x b (= c)" rating in ``text``; ``label`` says the order."""
    match = PRODUCT.search(text)
    return None if match is None else from_product(match, label)


def from_product(match: re.Match[str], label: str = "") -> RiskScore:
    """The rating a ``PRODUCT`` match writes; ``label`` says the order."""
    first, second = number(match[2]), number(match[4])
    letters = (match["p1"] or "").upper(), (match["p2"] or "").upper()
    flipped = letters[0] == "L" or (not any(letters) and likelihood_first(label))
    impact, likelihood = (second, first) if flipped else (first, second)
    score = number(match[5]) if match[5] else None
    if score is None:
        score = impact * likelihood
    return RiskScore(impact=impact, likelihood=likelihood, score=score)


def labelled_score(text: str) -> RiskScore | None:
    """ "Impact 4, Likelihood 3, Score 12" or "I4 L3" in running text."""
    parts: dict[str, float] = {}
    for match in LABELLED.finditer(text):
        word = match["label"].lower()
        key = (
            "impact"
            if word in IMPACT_WORDS
            else "likelihood"
            if word in LIKELIHOOD_WORDS
            else "score"
        )
        parts.setdefault(key, number(match[2]))
    for match in LETTERED.finditer(text):
        key = "impact" if match["letter"].upper() == "I" else "likelihood"
        parts.setdefault(key, number(match[2]))
    if not parts or (set(parts) == {"score"} and len(text) > 40):
        return None
    return RiskScore(
        impact=parts.get("impact"), likelihood=parts.get("likelihood"), score=parts.get("score")
    )


def score_in(text: str, label: str = "") -> RiskScore | None:
    """The rating a cell or a labelled line gives, in any of the usual forms."""
    if found := product_score(text, label):
        return found
    if found := labelled_score(text):
        return found
    cell = text.strip()
    if SCORE_CELL.match(cell) and (numbers := BARE.findall(cell)):
        return RiskScore(score=number(numbers[-1]))
    return None


def is_score_cell(text: str) -> bool:
    """A cell or line that holds only a rating: numbers, "4x3=12", a RAG word."""
    cell = text.strip()
    return (
        bool(cell)
        and bool(SCORE_CELL.match(cell))
        and bool(re.search(r"\d|red|amber|green", cell, re.I))
    )


def with_part(score: RiskScore | None, part: str, value: float) -> RiskScore:
    """``score`` with one more part filled in (a register's separate columns)."""
    parts: dict[str, float | None] = {"impact": None, "likelihood": None, "score": None}
    if score is not None:
        parts.update(impact=score.impact, likelihood=score.likelihood, score=score.score)
    parts[part] = value
    return RiskScore(impact=parts["impact"], likelihood=parts["likelihood"], score=parts["score"])


def completed(score: RiskScore | None) -> RiskScore | None:
    """A score with impact and likelihood but no total gets their product."""
    if score is None or score == RiskScore():
        return None
    if score.score is None and score.impact is not None and score.likelihood is not None:
        return RiskScore(score.impact, score.likelihood, score.impact * score.likelihood)
    return score
