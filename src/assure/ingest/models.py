"""Which classifier labels a council's documents, loaded once per job.

A council whose library has been trained (``assure train``) has a model of its
own in the data folder, learnt from the bundled examples, its documents' own
statement sections and its people's corrections; every other council's
documents are labelled by the model of the bundled examples, which carries no
council's words. Loading never trains: a model that is missing or refused falls
back to the bundled one, and says so.

A model file is plain arrays over the public vocabulary (``classifying.artefact``):
no passage text, nothing that runs code when read. A file of the old format
(``.model``, a pickle) is never opened: it is reported, and ``assure train``
or deleting a document removes it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assure.classifying.labelled import Correction
from assure.pipeline import Labeller
from assure.settings import Settings
from assure.structure import ParsedStructure, Passage

if TYPE_CHECKING:
    from assure.classifying import StatementClassifier

MODELS = "models"


def model_path(settings: Settings, council: str) -> Path:
    """Where a council's own model is kept: a readable name and a hash, so two
    councils whose names differ only in punctuation never share a file."""
    slug = re.sub(r"[^a-z0-9]+", "-", council.casefold()).strip("-")[:60] or "council"
    digest = hashlib.sha256(council.encode("utf-8")).hexdigest()[:8]
    return Path(settings.data_dir) / MODELS / f"{slug}-{digest}.npz"


def old_model_paths(settings: Settings, council: str) -> tuple[Path, ...]:
    """Where earlier versions kept a council's model (a pickle that may hold
    passage text): removed whenever the council's model is written or removed."""
    return (model_path(settings, council).with_suffix(".model"),)


@dataclass
class ModelStore:
    """The models of one data folder, each loaded at most once."""

    settings: Settings
    refused: list[str] = field(default_factory=list)  # why a council's model was not used
    _loaded: dict[str, StatementClassifier] = field(default_factory=dict)

    def model(self, council: str | None) -> StatementClassifier:
        """The council's own model, or the bundled one where it has none."""
        from assure.classifying import ModelRefused, bundled_model, load_model

        if council is None:
            return bundled_model()
        if council not in self._loaded:
            path = model_path(self.settings, council)
            try:
                self._loaded[council] = load_model(path) if path.exists() else bundled_model()
            except ModelRefused as error:
                self.refused.append(f"{error}; labelled with the bundled model (run assure train)")
                self._loaded[council] = bundled_model()
            old = [p for p in old_model_paths(self.settings, council) if p.exists()]
            if old and not path.exists():
                self.refused.append(
                    f"{old[0]}: a model of an older format, not read; labelled with the "
                    "bundled model (run assure train, which removes it)"
                )
        return self._loaded[council]

    def forget(self, council: str) -> None:
        """Drop a council's model from memory (it was retrained or removed)."""
        self._loaded.pop(council, None)

    def labeller(self, council: str | None, corrections: Sequence[Correction] = ()) -> Labeller:
        """Labels passages for ``council`` (``None``: with the bundled model);
        ``corrections`` (a person's labels, by passage text) win over the model."""
        from assure.classifying.labelling import label_passages

        model = self.model(council)
        fixed = tuple(corrections)

        def label(passages: tuple[Passage, ...], structure: ParsedStructure) -> tuple[Passage, ...]:
            return label_passages(passages, structure, model, fixed)

        return label
