"""Domain keywords per quality statement: a baseline classifier and model features.

Each statement's keywords are its name, its aliases from the framework file and
a hand-made list of the words councils and the regulator use when writing about
it. The keyword baseline ranks statements by how many of their keywords a
passage contains; the classifier uses the same counts as extra features, and
the parsers link risks and indicators to statements with them.

Plain Python (no numpy): the parsers use it while reading a document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from assure.classifying.phrases import PhraseSet, words_of
from assure.framework import load_framework

if TYPE_CHECKING:
    import numpy as np

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


def normalise_text(text: str) -> str:
    """Lower case, curly quotes straightened, whitespace collapsed."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    return " ".join(text.split())


def keyword_pattern(keyword: str) -> str:
    """A keyword as a phrase pattern: every word as written but the last, which
    may also be plural, or have any ending where the keyword ends in ``*``."""
    words = [w.decode() for w in words_of(keyword)]
    return " ".join([*words[:-1], words[-1] + ("*" if keyword.endswith("*") else "+")])


@dataclass(frozen=True)
class KeywordSet:
    """Every keyword of every statement, compiled into one ``PhraseSet``;
    ``statement_of`` gives each keyword's statement column."""

    phrases: PhraseSet
    statement_of: tuple[int, ...]
    statements: tuple[str, ...]

    def counts(self, words: Sequence[bytes]) -> list[int]:
        """How many distinct keywords of each statement occur among ``words``."""
        found = [0] * len(self.statements)
        for number in set(self.phrases.find(words)):
            found[self.statement_of[number]] += 1
        return found


@cache
def keyword_set(framework_id: str = "cqc-local-authority") -> KeywordSet:
    """Each statement's name, aliases and extra keywords."""
    patterns: list[str] = []
    statement_of: list[int] = []
    statements = load_framework(framework_id).statements
    for column, statement in enumerate(statements):
        words = {statement.name, *statement.aliases, *EXTRA_KEYWORDS.get(statement.id, ())}
        for keyword in sorted(words):
            patterns.append(keyword_pattern(keyword))
            statement_of.append(column)
    return KeywordSet(PhraseSet(patterns), tuple(statement_of), tuple(s.id for s in statements))


def statement_ids(framework_id: str = "cqc-local-authority") -> tuple[str, ...]:
    return tuple(s.id for s in load_framework(framework_id).statements)


def keyword_hits(text: str, framework_id: str = "cqc-local-authority") -> list[int]:
    """How many distinct keywords of each statement ``text`` holds, columns as
    ``statement_ids``."""
    return keyword_set(framework_id).counts(words_of(text))


def keyword_counts(texts: Sequence[str], framework_id: str = "cqc-local-authority") -> np.ndarray:
    """A (passages x statements) matrix of ``keyword_hits``."""
    import numpy as np

    keywords = keyword_set(framework_id)
    counts = np.zeros((len(texts), len(keywords.statements)), dtype=np.float64)
    for row, text in enumerate(texts):
        counts[row] = keywords.counts(words_of(text))
    return counts
