"""Improvement plans: priorities, leads, action tables, success measures, codes.

``find_plans`` finds plans anywhere in a document; the improvement plan family
parser (``assure.parsing.improvement_plan``) and the committee pack parser both
call it.
"""

from assure.parsing.plan.finder import find_plans

__all__ = ["find_plans"]
