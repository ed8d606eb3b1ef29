"""Stance cues: the phrases councils use when they claim a strength or admit a
gap, as features for a small model blended with the word-based stance head.

A self-assessment says "we are proud", "has fallen", "better than the England
average" of its strengths, and "we need to", "not yet", "the waiting list has
grown", "below the England average" of what it must improve. Word TF-IDF sees
these phrases only as rare bigrams; counted as cues they generalise across
voices.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression

COMPARATOR = r"(?:the\s+)?(?:england|national|regional|comparator|statistical neighbour)"

STRENGTH_CUES = (
    r"\bproud\b",
    r"\bimprov(?:ed|ing)\b",
    r"\bbetter than\b",
    rf"\babove {COMPARATOR}",
    r"\bhas fallen\b",
    r"\b(?:reduced|cut|halved)\b",
    r"\bsuccess",
    r"\bstrong(?:er)?\b",
    r"\bwell embedded\b",
    r"\bpositive",
    r"\bachiev",
    r"\bgood or outstanding\b",
    r"\bamong the best\b",
    r"\bwelcom",
    r"\bprais",
    r"\bha(?:s|ve) (?:helped|made|led)\b",
    r"\bnow\b",
    r"\bha(?:s|ve) (?:introduced|created|launched|delivered|cleared)\b",
    r"\bstrengths?\b",
)

IMPROVEMENT_CUES = (
    r"\bneed to\b",
    r"\bnot yet\b",
    r"\bnot (?:always|enough|good enough|consistent)",
    r"\btoo (?:many|long|much|few|slow)\b",
    rf"\bbelow {COMPARATOR}",
    r"\bworse than\b",
    r"\b(?:has|have) (?:risen|increased|grown)\b|\bgrown\b|\brose\b",
    r"\bbacklog",
    r"\bdelay",
    r"\bwait(?:ing|s)? (?:too )?long",
    r"\bconcern",
    r"\bchalleng",
    r"\bpressure",
    r"\bdifficult",
    r"\bstruggl",
    r"\bgaps?\b",
    r"\boverspen",
    r"\brisks?\b",
    r"\bwe (?:know|recognise|accept)\b",
    r"\bslower\b",
    r"\bweak",
    r"\bfell\b|\bfallen to\b",
    r"\bless than\b",
    r"\bwe will\b",
    r"\bpriorit",
    r"\bimprovement plan\b",
    r"\b(?:have|do|does|is|are) not\b",
    r"\bunmet\b",
    r"\bvacanc",
    r"\bfragile\b",
    r"\binconsistent\b",
    r"\bmore to do\b|\bfurther work\b",
)

STRENGTH = tuple(re.compile(p, re.I) for p in STRENGTH_CUES)
IMPROVEMENT = tuple(re.compile(p, re.I) for p in IMPROVEMENT_CUES)
DIGIT = re.compile(r"\d")

# Share of the cue model in the blended stance probabilities: the best stance
# accuracy leaving one example document out (0.2-0.35 all within a point).
CUE_SHARE = 0.3


def stance_cues(texts: Sequence[str]) -> np.ndarray:
    """A (passages x cues) matrix: each cue present (0/1), then the log counts of
    strength and improvement cues, and whether the passage is figure-heavy."""
    width = len(STRENGTH) + len(IMPROVEMENT)
    found = np.zeros((len(texts), width + 3))
    for row, text in enumerate(texts):
        hits = [1.0 if p.search(text) else 0.0 for p in (*STRENGTH, *IMPROVEMENT)]
        found[row, :width] = hits
        found[row, width] = np.log1p(sum(hits[: len(STRENGTH)]))
        found[row, width + 1] = np.log1p(sum(hits[len(STRENGTH) :]))
        found[row, width + 2] = float(len(DIGIT.findall(text)) > 3)
    return found


class CueStance:
    """A logistic regression over the stance cues alone."""

    def __init__(self) -> None:
        self.head = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000)

    def fit(self, texts: Sequence[str], stances: Sequence[str]) -> CueStance:
        self.head.fit(stance_cues(texts), list(stances))
        return self

    def probabilities(self, texts: Sequence[str], classes: Sequence[str]) -> np.ndarray:
        """Probabilities with columns in the order of ``classes`` (zero for unseen ones)."""
        found = self.head.predict_proba(stance_cues(texts))
        known = [str(c) for c in self.head.classes_]
        empty = np.zeros(len(texts))
        columns = [found[:, known.index(c)] if c in known else empty for c in classes]
        return np.column_stack(columns)
