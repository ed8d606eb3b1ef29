"""Stance cues: the phrases councils use when they claim a strength or admit a
gap, as features for a small model blended with the word-based stance head.

A self-assessment says "we are proud", "has fallen", "better than the England
average" of its strengths, and "we need to", "not yet", "the waiting list has
grown", "below the England average" of what it must improve. Word TF-IDF sees
these phrases only as rare bigrams; counted as cues they generalise across
voices.

Each cue is a few word patterns (see ``phrases``), found in one pass over a
passage's words with the statement keywords and the category cues.
"""

from __future__ import annotations

from collections.abc import Sequence

# What should shrink (growth is a gap) and what should grow (a fall is a gap).
SHOULD_SHRINK = (
    "waiting list+",
    "wait|waits|backlog+|demand|overspend|vacancy|vacancies|concerns|complaints|delay+"
    "|cost+|agency|turnover|readmissions",
    "waiting time+",
    "out of area",
)
SHOULD_GROW = (
    "satisf*|proportion|percentage|uptake|score+|performance|confidence|capacity"
    "|recruitment|completed|compliance",
    "take up",
)
COMPARATORS = ("england*|national|regional|comparator", "statistical neighbour*")
GAP = "..6"  # "the waiting list for an assessment has fallen": a few words between


def compared(word: str) -> tuple[str, ...]:
    """``word`` before a comparator, with or without "the"."""
    return tuple(f"{word} {the}{c}" for c in COMPARATORS for the in ("", "the "))


def changed(subjects: Sequence[str], *verbs: str) -> tuple[str, ...]:
    """A subject, then within a few words one of the verbs."""
    return tuple(f"{s} {GAP} {v}" for s in subjects for v in verbs)


# (name, patterns) per cue, in feature order.
STRENGTH: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("proud", ("proud",)),
    ("improved", ("improved|improving",)),
    ("better than", ("better than",)),
    ("above a comparator", compared("above")),
    ("fewer", changed(SHOULD_SHRINK, "fallen|fell|dropped|reduced", "come down")),
    ("reduced", ("reduced|cut|halved",)),
    ("success", ("success*",)),
    ("strong", ("strong|stronger",)),
    ("well embedded", ("well embedded",)),
    ("positive", ("positive*",)),
    ("achieved", ("achiev*",)),
    ("good or outstanding", ("good or outstanding",)),
    ("among the best", ("among the best",)),
    ("welcomed", ("welcom*",)),
    ("praised", ("prais*",)),
    ("has helped", ("has|have helped|made|led",)),
    ("now", ("now",)),
    ("has delivered", ("has|have introduced|created|launched|delivered|cleared",)),
    ("strengths", ("strength+",)),
)

IMPROVEMENT: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("need to", ("need to",)),
    ("not yet", ("not yet",)),
    ("not always", ("not always|enough|consistent", "not good enough")),
    ("too many", ("too many|long|much|few|slow",)),
    ("below a comparator", compared("below")),
    ("worse than", ("worse than",)),
    # Growth is a gap only in what should shrink: "assessments have risen" is not.
    ("more", changed(SHOULD_SHRINK, "risen|increased|grown|rose", "gone up")),
    ("backlog", ("backlog*",)),
    ("delay", ("delay*",)),
    ("wait too long", ("wait|waiting|waits long", "wait|waiting|waits too long")),
    ("concern", ("concern*",)),
    ("challenge", ("challeng*",)),
    ("pressure", ("pressure*",)),
    ("difficult", ("difficult*",)),
    ("struggle", ("struggl*",)),
    ("gap", ("gap+",)),
    ("overspend", ("overspen*",)),
    ("risk", ("risk+",)),
    ("we know", ("we know|recognise|accept",)),
    ("slower", ("slower",)),
    ("weak", ("weak*",)),
    ("less", changed(SHOULD_GROW, "fallen|fell|dropped|declined")),
    ("less than", ("less than",)),
    ("we will", ("we will",)),
    ("priority", ("priorit*",)),
    ("improvement plan", ("improvement plan",)),
    ("not", ("have|do|does|is|are not",)),
    ("unmet", ("unmet",)),
    ("vacancy", ("vacanc*",)),
    ("fragile", ("fragile",)),
    ("inconsistent", ("inconsistent",)),
    ("more to do", ("more to do", "further work")),
)

# Share of the cue model in the blended stance probabilities: the best stance
# accuracy leaving one example document out (0.2-0.35 all within a point).
CUE_SHARE = 0.3
