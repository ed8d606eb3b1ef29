"""A large synthetic evidence base, built through the real storage path.

The text comes from a word-pair (bigram) model of the project's own example
documents (``examples/sources``), so word frequencies and common phrases are
those of council papers: "care" is in about half the passages, "direct
payments" in a few percent. A long tail of made-up names (places, people,
references) gives the rare words a real library has. Documents belong to
several councils, have a kind and a date, sections, one source line per
passage and the classifier's quality-statement labels; each is stored by
``Library.add`` (one transaction per document), as ingestion stores them.

    with Library(settings) as library:
        built = build(library, passages=100_000)
        print(built.passages / built.seconds, "passages/s")
"""

from __future__ import annotations

import hashlib
import itertools
import random
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from assure.document import SourceLine
from assure.storing import Library
from assure.structure import (
    DocumentKind,
    ParsedDocument,
    ParsedStructure,
    Passage,
    Section,
    StatementLabel,
)

SOURCES = Path(__file__).resolve().parents[1] / "examples" / "sources"
COUNCILS = [f"{name} Council" for name in (
    "Ashcombe", "Brackenfield", "Carrowmere", "Dunholme", "Eastmoor",
    "Fellbridge", "Greyhaven", "Holmbury", "Ivydale", "Westvale",
)]  # fmt: skip
KINDS = [k for k in DocumentKind]
STATEMENTS = [
    "assessing-needs", "healthier-lives", "equity", "care-provision", "partnerships",
    "safe-systems", "safeguarding", "governance", "learning",
]  # fmt: skip
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")
SYLLABLES = [
    "ash", "bel", "bor", "brack", "car", "dun", "el", "fen", "gar", "hol", "ing", "kel",
    "lan", "mar", "mer", "nor", "pen", "ros", "stan", "tor", "vale", "wick", "wold", "yar",
]  # fmt: skip
TAIL_WORDS = 60_000  # made-up names: a few in every passage, each rare
PASSAGES_PER_DOCUMENT = (60, 340)
LINES_PER_PAGE = 40


class Vocabulary:
    """A word-pair model of the example documents, and a tail of rare names."""

    def __init__(self, rng: random.Random) -> None:
        words: list[str] = []
        for path in sorted(SOURCES.glob("*")):
            if path.suffix in (".md", ".txt"):
                words += [w.lower() for w in WORD.findall(path.read_text(encoding="utf-8"))]
        self.counts = Counter(words)
        self.starts = words
        following: dict[str, list[str]] = {}
        for first, second in itertools.pairwise(words):
            following.setdefault(first, []).append(second)
        self.following = following
        self.tail = sorted(
            {
                "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
                for _ in range(TAIL_WORDS)
            }
        )
        rng.shuffle(self.tail)

    @staticmethod
    def name(rng: random.Random) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))

    def sentence_words(self, rng: random.Random, count: int) -> list[str]:
        word = rng.choice(self.starts)
        out = [word]
        while len(out) < count:
            word = rng.choice(self.following.get(word) or self.starts)
            out.append(word)
        return out

    def passage(self, rng: random.Random) -> str:
        words = self.sentence_words(rng, rng.randint(18, 70))
        # Rare names: the tail drawn with a skew, so some recur a few hundred
        # times in a million passages and most only a handful.
        for _ in range(rng.randint(0, 3)):
            index = int(len(self.tail) * rng.random() ** 2)
            words.insert(rng.randrange(len(words)), self.tail[index])
        return " ".join(words).capitalize() + "."

    def title(self, rng: random.Random) -> str:
        return " ".join(self.sentence_words(rng, rng.randint(2, 5))).title()


@dataclass(frozen=True, slots=True)
class Built:
    documents: int
    passages: int
    seconds: float


Stored = tuple[ParsedDocument, tuple[SourceLine, ...], str]


def documents(total: int, seed: int = 11) -> Iterator[Stored]:
    """Parsed documents, their source lines and their councils, about
    ``total`` passages in all."""
    rng = random.Random(seed)
    vocabulary = Vocabulary(rng)
    made, number = 0, 0
    while made < total:
        number += 1
        count = min(rng.randint(*PASSAGES_PER_DOCUMENT), total - made)
        yield document(vocabulary, rng, number, count)
        made += count


def document(vocabulary: Vocabulary, rng: random.Random, number: int, count: int) -> Stored:
    title = f"{vocabulary.title(rng)} {number}"
    lines = [SourceLine(1, title, 1, 1)]
    passages: list[Passage] = []
    sections: list[Section] = []
    while len(passages) < count:
        heading = vocabulary.title(rng)
        start = len(lines) + 1
        lines.append(SourceLine(start, heading, page_of(start), 2))
        for _ in range(min(rng.randint(3, 15), count - len(passages))):
            at = len(lines) + 1
            text = vocabulary.passage(rng)
            lines.append(SourceLine(at, text, page_of(at)))
            passages.append(
                Passage(at, at, text, page=page_of(at), section=heading, qs=labels(rng))
            )
        sections.append(Section(heading, 2, "heading", start, len(lines)))
    dated = rng.random() > 0.05
    date = f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    structure = ParsedStructure(
        kind=rng.choice(KINDS),
        title=title,
        date=date if dated else None,
        sections=tuple(sections),
    )
    body = "\n".join(line.text for line in lines)
    parsed = ParsedDocument(
        path=f"/library/{number:07d}.pdf",
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        format="pdf",
        lines=len(lines),
        pages=lines[-1].page,
        structure=structure,
        passages=tuple(passages),
    )
    return parsed, tuple(lines), rng.choice(COUNCILS)


def page_of(line: int) -> int:
    return (line - 1) // LINES_PER_PAGE + 1


def labels(rng: random.Random) -> tuple[StatementLabel, ...]:
    chosen = rng.sample(STATEMENTS, rng.choice((1, 1, 2)))
    return tuple(StatementLabel(s, round(rng.uniform(0.2, 0.95), 3), "model") for s in chosen)


def build(library: Library, passages: int, progress: bool = True) -> Built:
    """Store about ``passages`` passages in ``library``; how many and how fast.
    Documents already stored are passed over, so a build that was cut short
    goes on where it stopped."""
    started = time.perf_counter()
    stored_documents = stored_passages = 0
    for parsed, lines, council in documents(passages):
        if library.add(parsed, council, lines) is None:
            continue
        stored_documents += 1
        stored_passages += len(parsed.passages)
        if progress and stored_documents % 500 == 0:
            rate = stored_passages / (time.perf_counter() - started)
            print(f"  {stored_passages:>9,} passages stored ({rate:,.0f}/s)", flush=True)
    return Built(stored_documents, stored_passages, time.perf_counter() - started)


def stored_passages(library: Library) -> int:
    """How many passages ``library`` holds (a kept library is complete when
    it holds as many as were asked for)."""
    with library.reading() as session:
        return int(session.execute(text("SELECT count(*) FROM passages")).scalar_one())
