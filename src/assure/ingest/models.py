"""Which classifier labels a council's documents, loaded once per job.

A council whose library has been trained (``assure train``) has a model of its
own in the data folder, learnt from the bundled examples, its documents' own
statement sections and its people's corrections; every other council's
documents are labelled by the model of the bundled examples, which carries no
council's words. Loading never trains: a model that is missing or refused falls
back to the bundled one, and says so.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assure.classifying import (
    Correction,
    ModelRefused,
    StatementClassifier,
    bundled_model,
    label_passages,
    load_model,
)
from assure.pipeline import Labeller
from assure.settings import Settings
from assure.structure import ParsedStructure, Passage

MODELS = "models"


def model_path(settings: Settings, council: str) -> Path:
    """Where a council's own model is kept: a readable name and a hash, so two
    councils whose names differ only in punctuation never share a file."""
    slug = re.sub(r"[^a-z0-9]+", "-", council.casefold()).strip("-")[:60] or "council"
    digest = hashlib.sha256(council.encode("utf-8")).hexdigest()[:8]
    return Path(settings.data_dir) / MODELS / f"{slug}-{digest}.model"


@dataclass
class ModelStore:
    """The models of one data folder, each loaded at most once."""

    settings: Settings
    refused: list[str] = field(default_factory=list)  # why a council's model was not used
    _loaded: dict[str, StatementClassifier] = field(default_factory=dict)

    def model(self, council: str | None) -> StatementClassifier:
        """The council's own model, or the bundled one where it has none."""
        if council is None:
            return bundled_model()
        if council not in self._loaded:
            path = model_path(self.settings, council)
            try:
                self._loaded[council] = load_model(path) if path.exists() else bundled_model()
            except ModelRefused as error:
                self.refused.append(f"{error}; labelled with the bundled model (run assure train)")
                self._loaded[council] = bundled_model()
        return self._loaded[council]

    def forget(self, council: str) -> None:
        """Drop a council's model from memory (it was retrained or removed)."""
        self._loaded.pop(council, None)

    def labeller(self, council: str | None, corrections: Sequence[Correction] = ()) -> Labeller:
        """Labels passages for ``council`` (``None``: with the bundled model);
        ``corrections`` (a person's labels, by passage text) win over the model."""
        model = self.model(council)
        fixed = tuple(corrections)

        def label(passages: tuple[Passage, ...], structure: ParsedStructure) -> tuple[Passage, ...]:
            return label_passages(passages, structure, model, fixed)

        return label
