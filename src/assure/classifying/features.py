"""What the classifier reads in a passage, found in one pass over its words.

- Words: counts of the words and word pairs of a public vocabulary, built from
  the framework's statements and the bundled examples (fictional councils'
  text) and never from a council's documents. A model weighs these columns
  only, so whatever it learns from a council's passages, it can hold no word
  of theirs that the vocabulary lacks: no resident's or officer's name.
- Keywords: how many distinct keywords of each statement occur (``keywords``).
- Category and stance cues (``category``, ``stance``).

Keywords and cues are one ``PhraseSet`` matched in the same pass that looks
the words up. Numbers only come out: column numbers and counts. The word
block is a scipy sparse matrix (scipy's sparse product is ten times numpy's
gather-and-sum); scikit-learn is needed only to train.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import pairwise, repeat

import numpy as np
from scipy import sparse

from assure.classifying import category, stance
from assure.classifying.keywords import keyword_set
from assure.classifying.labelled import load_examples
from assure.classifying.phrases import PhraseSet, words_of
from assure.framework import load_framework

FEATURE_VERSION = 1  # raise when what a column means changes


class PairTable:
    """Whole numbers (keys of word pairs) to their place in a list: a hash
    table with open addressing, looked up for many keys at once (twice as
    fast as a binary search over the sorted keys)."""

    MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing

    def __init__(self, keys: Sequence[int]) -> None:
        bits = max(4, (4 * len(keys)).bit_length())  # a quarter full at most
        self.shift = np.uint64(64 - bits)
        self.mask = (1 << bits) - 1
        self.keys = np.full(1 << bits, -1, dtype=np.int64)
        self.places = np.zeros(1 << bits, dtype=np.int64)
        self.probes = 0  # the longest run of occupied slots a key had to pass
        slots = self.slots(np.asarray(keys, dtype=np.int64)).tolist()
        for place, (key, slot) in enumerate(zip(keys, slots, strict=True)):
            probe = 0
            while self.keys[(slot + probe) & self.mask] != -1:
                probe += 1
            self.keys[(slot + probe) & self.mask] = key
            self.places[(slot + probe) & self.mask] = place
            self.probes = max(self.probes, probe)

    def slots(self, keys: np.ndarray) -> np.ndarray:
        return ((keys.astype(np.uint64) * self.MULTIPLIER) >> self.shift).astype(np.int64)

    def places_of(self, keys: np.ndarray) -> np.ndarray:
        """Each key's place, or -1 for a key the table does not hold."""
        found = np.full(len(keys), -1, dtype=np.int64)
        slots = self.slots(keys)
        pending = np.arange(len(keys))
        for probe in range(self.probes + 1):
            at = (slots[pending] + probe) & self.mask
            held = self.keys[at]
            hit = held == keys[pending]
            found[pending[hit]] = self.places[at[hit]]
            pending = pending[~hit & (held != -1)]
            if not len(pending):
                break
        return found


@dataclass(frozen=True)
class Vocabulary:
    """The public vocabulary: word ``w`` is column ``words[w]``; the pair of
    columns ``(a, b)`` is column ``len(words) + i`` where ``pairs[i] == a *
    len(words) + b`` (``pairs`` sorted). ``digest`` names it in a model file."""

    words: dict[bytes, int]
    pairs: np.ndarray
    digest: str

    @property
    def size(self) -> int:
        return len(self.words) + len(self.pairs)

    @cached_property
    def table(self) -> PairTable:
        return PairTable(self.pairs.tolist())

    def pair_columns(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """The columns of the word pairs (``first[i]``, ``second[i]``), -1 where
        the vocabulary lacks the pair."""
        places = self.table.places_of(first * len(self.words) + second)
        return np.where(places >= 0, places + len(self.words), -1)

    @classmethod
    def build(cls, texts: Iterable[str]) -> Vocabulary:
        passages = [words_of(text) for text in texts]
        words = {w: n for n, w in enumerate(sorted({w for p in passages for w in p}))}
        pairs = {words[a] * len(words) + words[b] for p in passages for a, b in pairwise(p)}
        digest = hashlib.sha256(
            b"\n".join([b"%d" % FEATURE_VERSION, *words, *(b"%d" % p for p in sorted(pairs))])
        ).hexdigest()
        return cls(words, np.array(sorted(pairs), dtype=np.int64), digest)


def public_texts(framework_id: str) -> list[str]:
    """The text the vocabulary is built from: the framework's names and
    descriptions, the keyword and cue phrases, and the bundled examples."""
    framework = load_framework(framework_id)
    texts = [theme.name for theme in framework.themes]
    for statement in framework.statements:
        texts += [statement.name, statement.description, *statement.aliases]
    for pattern in feature_reader_patterns(framework_id):
        plain = pattern.replace("*", "").replace("+", "")
        if "|" in plain or ".." in plain:  # words, not the pairs the options would make
            texts += [w for element in plain.split() for w in element.split("|")]
        else:
            texts.append(plain)
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
    """A batch of passages as numbers: ``words`` counts the vocabulary's words
    and word pairs in each passage (passages x columns, sparse); ``keywords``
    is (passages x statements), ``category`` and ``stance`` the cue matrices."""

    words: sparse.csr_matrix
    keywords: np.ndarray
    category: np.ndarray
    stance: np.ndarray

    @property
    def passages(self) -> int:
        return int(self.words.shape[0])

    def tfidf(self, idf: np.ndarray) -> sparse.csr_matrix:
        """The word block: log-scaled counts times ``idf``, each row of unit
        length (columns whose ``idf`` is 0 count for nothing)."""
        found = self.words.copy()
        found.data = (1.0 + np.log(found.data)) * idf[found.indices]
        squares = np.bincount(
            np.repeat(np.arange(self.passages), np.diff(found.indptr)),
            found.data * found.data,
            minlength=self.passages,
        )
        norms = np.sqrt(squares)
        norms[norms == 0] = 1.0
        found.data /= np.repeat(norms, np.diff(found.indptr))
        return found

    def document_frequency(self) -> np.ndarray:
        """In how many passages each column occurs."""
        return np.bincount(self.words.indices, minlength=self.words.shape[1]).astype(np.float64)

    def subset(self, keep: Sequence[int]) -> Features:
        """The passages numbered ``keep``, in that order."""
        chosen = np.asarray(keep, dtype=np.int64)
        return Features(
            self.words[chosen], self.keywords[chosen], self.category[chosen], self.stance[chosen]
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
        chars = np.array(characters, dtype=np.float64).reshape(len(texts), 3)
        hit_row = np.array(hit_rows, dtype=np.int64)
        hit = np.array(hits, dtype=np.int64)
        return Features(
            self.words_found(ids, lengths),
            self.keyword_block(hit_row, hit, len(texts)),
            self.category_block(hit_row, hit, chars),
            self.stance_block(hit_row, hit, chars),
        )

    def words_found(self, ids: list[int], lengths: list[int]) -> sparse.csr_matrix:
        """How often each vocabulary word and word pair occurs in each passage."""
        vocabulary = self.vocabulary
        words = np.array(ids, dtype=np.int64)
        row_of = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        # Pairs of neighbouring words within one passage, both in the vocabulary.
        both = (row_of[:-1] == row_of[1:]) & (words[:-1] >= 0) & (words[1:] >= 0)
        pairs = vocabulary.pair_columns(words[:-1][both], words[1:][both])
        known = pairs >= 0
        single = words >= 0
        rows = np.concatenate([row_of[single], row_of[:-1][both][known]])
        columns = np.concatenate([words[single], pairs[known]])
        found = sparse.csr_matrix(
            (np.ones(len(rows)), (rows, columns)), shape=(len(lengths), vocabulary.size)
        )
        found.sum_duplicates()  # counts, columns sorted within each row
        return found

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


def category_cues(texts: Sequence[str]) -> np.ndarray:
    """A (passages x cues) matrix: the log count of each category cue's
    matches, then whether the passage is figure-heavy."""
    return feature_reader().read(texts).category


def stance_cues(texts: Sequence[str]) -> np.ndarray:
    """A (passages x cues) matrix: each stance cue present (0/1), then the log
    counts of strength and improvement cues, and whether the passage is
    figure-heavy."""
    return feature_reader().read(texts).stance
