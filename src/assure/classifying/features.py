"""What the classifier reads in a passage, found in one pass over its words.

- Words: counts of the words and word pairs of a public vocabulary, built from
  the framework's statements and the bundled examples (fictional councils'
  text) and never from a council's documents. A model weighs these columns
  only, so whatever it learns from a council's passages, it can hold no word
  of theirs that the vocabulary lacks: no resident's or officer's name.
- Keywords: how many distinct keywords of each statement occur (``keywords``).
- Category and stance cues (``category``, ``stance``).

Keywords and cues are one ``PhraseSet`` matched in the same pass that looks
the words up. Numbers only come out: column numbers and counts.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise, repeat

import numpy as np

from assure.classifying import category, stance
from assure.classifying.keywords import keyword_set
from assure.classifying.labelled import load_examples
from assure.classifying.phrases import PhraseSet, words_of
from assure.framework import load_framework

FEATURE_VERSION = 1  # raise when what a column means changes


@dataclass(frozen=True)
class Vocabulary:
    """The public vocabulary: word ``w`` is column ``words[w]``; the pair of
    columns ``(a, b)`` is column ``len(words) + i`` where ``pairs[i] == a *
    len(words) + b`` (``pairs`` sorted). ``digest`` names it in a model file."""

    words: dict[str, int]
    pairs: np.ndarray
    digest: str

    @property
    def size(self) -> int:
        return len(self.words) + len(self.pairs)

    @classmethod
    def build(cls, texts: Iterable[str]) -> Vocabulary:
        passages = [words_of(text) for text in texts]
        words = {w: n for n, w in enumerate(sorted({w for p in passages for w in p}))}
        pairs = {words[a] * len(words) + words[b] for p in passages for a, b in pairwise(p)}
        digest = hashlib.sha256(
            "\n".join([str(FEATURE_VERSION), *words, *map(str, sorted(pairs))]).encode("utf-8")
        ).hexdigest()
        return cls(words, np.array(sorted(pairs), dtype=np.int64), digest)


def public_texts(framework_id: str) -> list[str]:
    """The text the vocabulary is built from: the framework's names and
    descriptions, the keyword and cue phrases, and the bundled examples."""
    framework = load_framework(framework_id)
    texts = [theme.name for theme in framework.themes]
    for statement in framework.statements:
        texts += [statement.name, statement.description, *statement.aliases]
    texts += [p.replace("*", " ") for p in feature_reader_patterns(framework_id)]
    texts += [e.text for e in load_examples()]
    return texts


@cache
def public_vocabulary(framework_id: str = "cqc-local-authority") -> Vocabulary:
    return Vocabulary.build(public_texts(framework_id))


def feature_reader_patterns(framework_id: str) -> list[str]:
    """Keyword patterns, then category cue patterns, then stance cue patterns."""
    found = list(keyword_set(framework_id).phrases.patterns)
    for _, patterns in category.CATEGORY_CUES:
        found += patterns
    for _, patterns in (*stance.STRENGTH, *stance.IMPROVEMENT):
        found += patterns
    return found


@dataclass(frozen=True)
class Features:
    """A batch of passages as numbers. ``rows``, ``columns`` and ``counts`` are
    the vocabulary's words and pairs found in each passage (sorted by row, then
    column); ``keywords`` is (passages x statements), ``category`` and
    ``stance`` the cue matrices."""

    passages: int
    rows: np.ndarray
    columns: np.ndarray
    counts: np.ndarray
    keywords: np.ndarray
    category: np.ndarray
    stance: np.ndarray

    def tfidf(self, idf: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows, columns and values of the word block: log-scaled counts times
        ``idf``, each row of unit length; columns whose ``idf`` is 0 are dropped."""
        values = (1.0 + np.log(self.counts)) * idf[self.columns]
        kept = values > 0
        rows, columns, values = self.rows[kept], self.columns[kept], values[kept]
        norms = np.sqrt(np.bincount(rows, values * values, minlength=self.passages))
        return rows, columns, values / norms[rows]

    def document_frequency(self, size: int) -> np.ndarray:
        """In how many passages each column occurs."""
        return np.bincount(self.columns, minlength=size).astype(np.float64)

    def subset(self, keep: Sequence[int]) -> Features:
        """The passages numbered ``keep``, in that order."""
        chosen = np.asarray(keep, dtype=np.int64)
        position = np.full(self.passages, -1, dtype=np.int64)
        position[chosen] = np.arange(len(chosen))
        inside = position[self.rows] >= 0
        rows = position[self.rows[inside]]
        order = np.lexsort((self.columns[inside], rows))
        return Features(
            len(chosen),
            rows[order],
            self.columns[inside][order],
            self.counts[inside][order],
            self.keywords[chosen],
            self.category[chosen],
            self.stance[chosen],
        )


class FeatureReader:
    """Reads passages into ``Features``: one tokenisation, one dictionary look-up
    per word and one pass for every keyword and cue."""

    def __init__(self, framework_id: str = "cqc-local-authority") -> None:
        self.vocabulary = public_vocabulary(framework_id)
        keywords = keyword_set(framework_id)
        self.statements = keywords.statements
        patterns = feature_reader_patterns(framework_id)
        self.phrases = PhraseSet(patterns)
        # Each pattern's column in its block: keywords -> statement, cues -> cue.
        kinds: list[int] = []
        columns: list[int] = list(keywords.statement_of)
        kinds += [0] * len(columns)
        for number, (_, found) in enumerate(category.CATEGORY_CUES):
            kinds += [1] * len(found)
            columns += [number] * len(found)
        for number, (_, found) in enumerate((*stance.STRENGTH, *stance.IMPROVEMENT)):
            kinds += [2] * len(found)
            columns += [number] * len(found)
        self.kind_of = np.array(kinds, dtype=np.int64)
        self.column_of = np.array(columns, dtype=np.int64)
        self.category_width = len(category.CATEGORY_CUES)
        self.strengths = len(stance.STRENGTH)
        self.stance_width = len(stance.STRENGTH) + len(stance.IMPROVEMENT)

    def read(self, texts: Sequence[str]) -> Features:
        lookup = self.vocabulary.words.get
        find = self.phrases.find
        ids: list[int] = []
        lengths: list[int] = []
        hit_rows: list[int] = []
        hits: list[int] = []
        characters: list[tuple[int, int, bool]] = []
        for row, text in enumerate(texts):
            words = words_of(text)
            ids.extend(map(lookup, words, repeat(-1)))
            lengths.append(len(words))
            found = find(words)
            hits.extend(found)
            hit_rows.extend(repeat(row, len(found)))
            characters.append(
                (text.count("%"), category.quotations(text), category.digit_heavy(text))
            )
        passages = len(texts)
        rows, columns, counts = self.words_found(ids, lengths)
        chars = np.array(characters, dtype=np.float64).reshape(passages, 3)
        hit_row = np.array(hit_rows, dtype=np.int64)
        hit = np.array(hits, dtype=np.int64)
        return Features(
            passages,
            rows,
            columns,
            counts,
            self.keyword_block(hit_row, hit, passages),
            self.category_block(hit_row, hit, chars),
            self.stance_block(hit_row, hit, chars),
        )

    def words_found(
        self, ids: list[int], lengths: list[int]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Distinct (row, column) pairs of words and word pairs, with counts."""
        vocabulary = self.vocabulary
        words = np.array(ids, dtype=np.int64)
        row_of = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        # Pairs of neighbouring words within one passage, both in the vocabulary.
        same = row_of[:-1] == row_of[1:]
        both = same & (words[:-1] >= 0) & (words[1:] >= 0)
        keys = words[:-1][both] * len(vocabulary.words) + words[1:][both]
        at = np.searchsorted(vocabulary.pairs, keys)
        at[at == len(vocabulary.pairs)] = 0
        known = vocabulary.pairs[at] == keys if len(vocabulary.pairs) else np.zeros(0, bool)
        single = words >= 0
        rows = np.concatenate([row_of[single], row_of[:-1][both][known]])
        columns = np.concatenate([words[single], len(vocabulary.words) + at[known]])
        combined = rows * vocabulary.size + columns
        unique, counts = np.unique(combined, return_counts=True)
        return unique // vocabulary.size, unique % vocabulary.size, counts.astype(np.float64)

    def keyword_block(self, rows: np.ndarray, hits: np.ndarray, passages: int) -> np.ndarray:
        """Distinct keywords of each statement per passage."""
        width = len(self.statements)
        mine = self.kind_of[hits] == 0
        distinct = np.unique(rows[mine] * len(self.kind_of) + hits[mine])
        statement = self.column_of[distinct % len(self.kind_of)]
        found = np.bincount((distinct // len(self.kind_of)) * width + statement, minlength=0)
        found = np.pad(found, (0, passages * width - len(found)))
        return found.reshape(passages, width).astype(np.float64)

    def cue_counts(
        self, rows: np.ndarray, hits: np.ndarray, kind: int, width: int, passages: int
    ) -> np.ndarray:
        mine = self.kind_of[hits] == kind
        found = np.bincount(rows[mine] * width + self.column_of[hits[mine]], minlength=0)
        found = np.pad(found, (0, passages * width - len(found)))
        return found.reshape(passages, width).astype(np.float64)

    def category_block(self, rows: np.ndarray, hits: np.ndarray, chars: np.ndarray) -> np.ndarray:
        """Log count of each category cue, then whether the passage is figure-heavy."""
        passages = len(chars)
        counts = self.cue_counts(rows, hits, 1, self.category_width, passages)
        counts[:, category.PERCENT_CUE] += chars[:, 0]
        counts[:, category.QUOTATION_CUE] += chars[:, 1]
        return np.hstack([np.log1p(counts), chars[:, 2:3]])

    def stance_block(self, rows: np.ndarray, hits: np.ndarray, chars: np.ndarray) -> np.ndarray:
        """Each stance cue present, the log counts of strength and improvement
        cues present, and whether the passage is figure-heavy."""
        passages = len(chars)
        present = self.cue_counts(rows, hits, 2, self.stance_width, passages) > 0
        strengths = present[:, : self.strengths].sum(axis=1, keepdims=True)
        improvements = present[:, self.strengths :].sum(axis=1, keepdims=True)
        return np.hstack(
            [present, np.log1p(strengths), np.log1p(improvements), chars[:, 2:3]]
        ).astype(np.float64)


_readers: dict[str, FeatureReader] = {}
_lock = threading.Lock()


def feature_reader(framework_id: str = "cqc-local-authority") -> FeatureReader:
    """The reader of ``framework_id``, built once per process."""
    with _lock:
        if framework_id not in _readers:
            _readers[framework_id] = FeatureReader(framework_id)
        return _readers[framework_id]
