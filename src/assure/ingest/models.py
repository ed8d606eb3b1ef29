"""Which classifier labels a council's documents, loaded once per job.

A council whose library has been trained (``assure train``) has a model of its
own in the data folder; every other council's documents are labelled by the
model of the bundled examples, which carries no council's words. Loading never
trains: a model that is missing or refused falls back to the bundled one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assure.classifying.labelled import Correction
from assure.classifying.labelling import label_passages
from assure.pipeline import Labeller
from assure.settings import Settings
from assure.structure import ParsedStructure, Passage


@dataclass
class ModelStore:
    """The models of one data folder, each loaded at most once."""

    settings: Settings
    _labellers: dict[str, Labeller] = field(default_factory=dict)

    def labeller(self, council: str | None, corrections: Sequence[Correction] = ()) -> Labeller:
        """Labels passages for ``council`` (``None``: with the bundled model only);
        ``corrections`` (a person's labels, by passage text) win over the model."""
        settings = self.settings
        fixed = tuple(corrections)

        def label(passages: tuple[Passage, ...], structure: ParsedStructure) -> tuple[Passage, ...]:
            return label_passages(passages, structure, settings, fixed)

        return label
