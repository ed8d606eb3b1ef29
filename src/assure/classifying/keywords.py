"""Domain keywords per quality statement: a baseline classifier and model features.

Each statement's keywords are its name, its aliases from the framework file and
a hand-made list of the words councils and the regulator use when writing about
it. The keyword baseline ranks statements by how many of their keywords a
passage contains; the classifier uses the same counts as extra features.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from assure.framework import load_framework

# Words a council or regulator uses when writing about each statement. Lower case;
# a trailing "*" matches any ending ("assess*" matches "assessment").
EXTRA_KEYWORDS: dict[str, tuple[str, ...]] = {
    "assessing-needs": (
        "assess*",
        "care act assessment",
        "carer's assessment",
        "carers' assessment",
        "waiting list",
        "waiting for",
        "review*",
        "eligib*",
        "support plan*",
        "care and support plan*",
        "direct payment*",
        "financial assessment",
        "charging",
        "strength*-based",
        "strengths based",
        "front door",
        "occupational therap*",
        "personal budget*",
        "self-directed",
        "personal assistant*",
    ),
    "healthier-lives": (
        "prevent*",
        "reablement",
        "early help",
        "early intervention",
        "information and advice",
        "advice",
        "wellbeing",
        "equipment",
        "adaptation*",
        "telecare",
        "assistive technology",
        "technology enabled care",
        "social prescribing",
        "falls",
        "independen*",
        "disabled facilities grant",
        "intermediate care",
        "loneliness",
        "91 days",
    ),
    "equity": (
        "equalit*",
        "inequalit*",
        "equity",
        "divers*",
        "ethnic*",
        "minority",
        "protected characteristic*",
        "seldom heard",
        "hard to reach",
        "barriers",
        "accessible",
        "easy read",
        "interpret*",
        "british sign language",
        "lgbt*",
        "deprivation",
        "deprived",
        "refugee*",
        "traveller*",
        "cultur*",
        "language*",
        "learning disability",
        "digitally excluded",
    ),
    "care-provision": (
        "market",
        "commission*",
        "provider*",
        "home care",
        "domiciliary",
        "care home*",
        "residential",
        "nursing",
        "fee rate*",
        "fee uplift",
        "cost of care",
        "market position statement",
        "market sustainability",
        "supported living",
        "extra care",
        "shared lives",
        "out-of-area",
        "out of area",
        "placement*",
        "hours",
        "day opportunities",
        "brokerage",
        "quality assurance",
        "contract monitoring",
    ),
    "partnerships": (
        "partner*",
        "integrated care board",
        "icb",
        "nhs",
        "voluntary",
        "vcse",
        "community groups",
        "communit*",
        "better care fund",
        "section 75",
        "pooled budget*",
        "health and wellbeing board",
        "healthwatch",
        "housing",
        "carers' centre",
        "joint commissioning",
        "integrat*",
        "place-based",
        "grants",
        "faith groups",
        "charit*",
    ),
    "safe-systems": (
        "discharge*",
        "hospital",
        "transition*",
        "transfer of care",
        "children's services",
        "preparing for adulthood",
        "eighteenth birthday",
        "young people",
        "moving between",
        "provider failure",
        "contingency",
        "business continuity",
        "continuity",
        "closure",
        "pathway*",
        "delayed",
        "delays in hospital",
        "readmission*",
        "home first",
        "discharge to assess",
        "cross-border",
        "section 117",
    ),
    "safeguarding": (
        "safeguard*",
        "abuse",
        "neglect",
        "self-neglect",
        "section 42",
        "s42",
        "enquir*",
        "making safeguarding personal",
        "deprivation of liberty",
        "dols",
        "liberty protection",
        "safeguarding adults board",
        "safeguarding adults review*",
        "sar",
        "mental capacity",
        "best interests",
        "exploitation",
        "domestic abuse",
        "modern slavery",
        "scams",
        "risk*",
    ),
    "governance": (
        "governance",
        "leadership",
        "leader*",
        "budget*",
        "overspend*",
        "savings",
        "financ*",
        "scrutiny",
        "cabinet",
        "member*",
        "councillor*",
        "risk register",
        "performance board",
        "performance framework",
        "dashboard*",
        "workforce",
        "recruit*",
        "retention",
        "vacanc*",
        "agency staff",
        "agency",
        "director",
        "accountab*",
        "strategy",
        "data quality",
        "oversight",
    ),
    "learning": (
        "learning",
        "learn*",
        "improvement",
        "innovat*",
        "pilot*",
        "evaluat*",
        "co-produc*",
        "coproduc*",
        "co-production",
        "feedback",
        "complaint*",
        "compliment*",
        "ombudsman",
        "peer review",
        "peer challenge",
        "lived experience",
        "trial*",
        "research",
        "university",
        "reflective practice",
        "audit*",
        "training",
    ),
}

TOKEN = re.compile(r"[a-z0-9]+")


def normalise_text(text: str) -> str:
    """Lower case, curly quotes straightened, whitespace collapsed."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    return " ".join(text.split())


def tokens_of(text: str) -> list[str]:
    """Words without apostrophes or hyphens: "carers' co-production" is
    ``["carers", "co", "production"]``."""
    return TOKEN.findall(normalise_text(text).replace("'", ""))


@dataclass(frozen=True)
class KeywordIndex:
    """Every keyword of every statement, indexed for one pass over a text's words.

    Single words are looked up in a dict; a trailing ``*`` is a prefix match,
    remembered per word; phrases are found from their leading words.
    """

    statement_of: np.ndarray  # keyword number -> statement column
    exact: dict[str, tuple[int, ...]]
    stems: tuple[tuple[str, int], ...]
    phrases: dict[tuple[str, ...], tuple[tuple[str, bool, int], ...]]
    longest: int

    def matches(self, words: Sequence[str], memo: dict[str, tuple[int, ...]]) -> set[int]:
        found: set[int] = set()
        for position, word in enumerate(words):
            if word not in memo:
                stems = tuple(i for s, i in self.stems if word.startswith(s))
                memo[word] = self.exact.get(word, ()) + stems
            found.update(memo[word])
            for size in range(1, self.longest):
                head = tuple(words[position : position + size])
                if len(head) < size or position + size >= len(words):
                    break
                for last, stem, number in self.phrases.get(head, ()):
                    if matches_word(words[position + size], last, stem):
                        found.add(number)
        return found


def matches_word(word: str, keyword: str, stem: bool) -> bool:
    return word.startswith(keyword) if stem else word in (keyword, keyword + "s", keyword + "es")


@cache
def keyword_index(framework_id: str = "cqc-local-authority") -> KeywordIndex:
    """The index of each statement's name, aliases and extra keywords."""
    statement_of: list[int] = []
    exact: dict[str, list[int]] = {}
    stems: list[tuple[str, int]] = []
    phrases: dict[tuple[str, ...], list[tuple[str, bool, int]]] = {}
    for column, statement in enumerate(load_framework(framework_id).statements):
        words = {statement.name, *statement.aliases, *EXTRA_KEYWORDS.get(statement.id, ())}
        for keyword in sorted(words):
            number = len(statement_of)
            statement_of.append(column)
            stem = keyword.endswith("*")
            parts = tokens_of(keyword)
            if len(parts) == 1 and stem:
                stems.append((parts[0], number))
            elif len(parts) == 1:
                for form in (parts[0], parts[0] + "s", parts[0] + "es"):
                    exact.setdefault(form, []).append(number)
            else:
                phrases.setdefault(tuple(parts[:-1]), []).append((parts[-1], stem, number))
    return KeywordIndex(
        statement_of=np.array(statement_of),
        exact={k: tuple(v) for k, v in exact.items()},
        stems=tuple(stems),
        phrases={k: tuple(v) for k, v in phrases.items()},
        longest=max((len(k) + 1 for k in phrases), default=1),
    )


def statement_ids(framework_id: str = "cqc-local-authority") -> tuple[str, ...]:
    return tuple(s.id for s in load_framework(framework_id).statements)


def keyword_counts(texts: Sequence[str], framework_id: str = "cqc-local-authority") -> np.ndarray:
    """A (passages x statements) matrix: how many distinct keywords of each statement occur."""
    index = keyword_index(framework_id)
    columns = len(statement_ids(framework_id))
    counts = np.zeros((len(texts), columns), dtype=np.float64)
    memo: dict[str, tuple[int, ...]] = {}
    for row, text in enumerate(texts):
        found = index.matches(tokens_of(text), memo)
        if found:
            counts[row] = np.bincount(index.statement_of[list(found)], minlength=columns)
    return counts


class KeywordBaseline:
    """Ranks statements by keyword hits; ties go to the statement seen most in training."""

    def __init__(self, framework_id: str = "cqc-local-authority") -> None:
        self.framework_id = framework_id
        self.statements = statement_ids(framework_id)
        self.prior = np.zeros(len(self.statements))

    def fit(self, label_sets: Sequence[Sequence[str]]) -> KeywordBaseline:
        for labels in label_sets:
            for label in labels:
                if label in self.statements:
                    self.prior[self.statements.index(label)] += 1
        total = self.prior.sum() or 1.0
        self.prior = self.prior / total
        return self

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Keyword counts scaled to 0..1 per passage, with the prior as a tie-break."""
        counts = keyword_counts(texts, self.framework_id)
        peak = counts.max(axis=1, keepdims=True)
        peak[peak == 0] = 1.0
        return counts / peak * 0.99 + self.prior * 0.01
