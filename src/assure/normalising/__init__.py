"""Normalisation: clean lines that still cite their source lines."""

from __future__ import annotations

from assure.normalising.normalise import normalise

__all__ = ["normalise"]
