"""Labelled passages the classifier learns from, and where they come from.

Three sources, in rising order of trust: the hand-written examples bundled in
``examples/*.jsonl`` (one file per fictional council or document style, so each
file is a "document" for leave-one-document-out evaluation), weak labels from
documents whose own headings name the statement, and people's corrections.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assure.classifying.keywords import normalise_text

EXAMPLES = Path(__file__).parent / "examples"
CATEGORIES = ("people", "staff", "partners", "processes", "outcomes")
STANCES = ("strength", "improvement", "neutral")


@dataclass(frozen=True, slots=True)
class LabelledExample:
    """One passage with its quality statements (possibly none) and, where known,
    its evidence category and stance. ``source`` is ``example``, ``structure``
    or ``user``, or ``context`` for a passage of a real document whose topic is
    unknown (never trained on, only read as a neighbour). ``document`` groups
    examples for leave-one-document-out; ``position`` is the passage's order in
    a real document (``None`` for standalone examples)."""

    text: str
    qs: tuple[str, ...]
    document: str
    source: str = "example"
    category: str | None = None
    stance: str | None = None
    position: int | None = None


@dataclass(frozen=True, slots=True)
class Correction:
    """A person's correction of one passage's labels; it wins over the machine."""

    text: str
    qs: tuple[str, ...]
    category: str | None = None
    stance: str | None = None
    passage_id: int | None = None

    def as_example(self) -> LabelledExample:
        return LabelledExample(
            text=self.text,
            qs=self.qs,
            document=f"correction-{self.passage_id}"
            if self.passage_id is not None
            else "corrections",
            source="user",
            category=self.category,
            stance=self.stance,
        )


def text_key(text: str) -> str:
    """A key that matches a passage's text however its spacing or quotes vary."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:24]


def load_examples(folder: Path = EXAMPLES) -> tuple[LabelledExample, ...]:
    """Every bundled example; the file's stem is its document name.

    Raises ``ValueError`` naming the file and line for a malformed row.
    """
    found: list[LabelledExample] = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                found.append(
                    LabelledExample(
                        text=row["text"],
                        qs=tuple(row.get("qs", ())),
                        document=path.stem,
                        category=row.get("category"),
                        stance=row.get("stance"),
                    )
                )
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path}:{number}: malformed example ({error})") from None
    return tuple(found)


def merge_corrections(
    examples: Iterable[LabelledExample], corrections: Sequence[Correction]
) -> tuple[LabelledExample, ...]:
    """Examples with every corrected passage replaced by its correction.

    A passage is matched on its text, so a correction also overrides the same
    passage's weak label or bundled example.
    """
    corrected = {text_key(c.text) for c in corrections}
    kept = [e for e in examples if text_key(e.text) not in corrected]
    latest: dict[str, Correction] = {}
    for correction in corrections:  # later corrections of the same passage win
        latest[text_key(correction.text)] = correction
    return (*kept, *(c.as_example() for c in latest.values()))


@cache
def bundled_hash(folder: Path = EXAMPLES) -> str:
    """A hash of the bundled example files as installed: a model trained before
    they changed (a new release of assure) is trained again."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.jsonl")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def training_hash(examples: Sequence[LabelledExample]) -> str:
    """A hash of the training data: the model is retrained only when it changes."""
    digest = hashlib.sha256()
    for e in sorted(examples, key=lambda e: (e.document, e.text, e.qs)):
        digest.update(json.dumps([e.text, e.qs, e.category, e.stance, e.source]).encode("utf-8"))
    return digest.hexdigest()
