"""Inspection reports that grade by name: Ofsted's children's services inspections
(the current framework and the older single inspection framework) and joint area
SEND inspections, read with the frameworks in ``assure/framework/data``."""

from assure.parsing.inspection.grades import NamedGrade, graded_share, named_grades

__all__ = ["NamedGrade", "graded_share", "named_grades"]
