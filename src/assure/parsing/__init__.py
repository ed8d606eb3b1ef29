"""Structure parsers, one per document family, chosen through a registry."""

from assure.parsing.registry import FamilyParser, detect_kind, parse_structure, parsers

__all__ = ["FamilyParser", "detect_kind", "parse_structure", "parsers"]
