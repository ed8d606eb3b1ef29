"""The regulators' frameworks, as data files validated on load, and their scoring rules."""

from assure.framework.model import Framework, QualityStatement, Theme, frameworks, load_framework
from assure.framework.scoring import Score, score_statements

__all__ = [
    "Framework",
    "QualityStatement",
    "Score",
    "Theme",
    "frameworks",
    "load_framework",
    "score_statements",
]
