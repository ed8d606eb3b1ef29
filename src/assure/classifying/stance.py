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

import re
from collections.abc import Sequence
from functools import cache

from assure.classifying.phrases import PhraseSet, words_of

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

# Cues that decide a sentence's stance on their own: a shortfall admitted or a
# need stated ("needs to be improved", "is hard to demonstrate", "we are still
# limited in"), or a strength that names the absence of a problem ("there were
# no people waiting", "no backlog"). Used where a sentence must be one or the
# other (the draft's "areas for improvement" and "what we are proud of").
SHORTFALL = re.compile(
    r"\b(?:needs? to be (?:improved|developed|better|further|strengthened|embedded|tested|reviewed)"
    r"|needs? (?:improving|developing|development|strengthening|to improve|to develop|further work)"
    r"|(?:could|should|must) be (?:improved|better|strengthened|more)"
    r"|(?:more|further) (?:work|progress|development) (?:is"
    r"|was|are|were)? ?(?:needed|required|to be made)"
    r"|(?:still )?work to (?:do|be done)|areas? (?:for|of|requiring) (?:improvement|development)"
    r"|not (?:yet|always|consistently|effectively|easily|well|able|sufficiently|enough|good enough)"
    r"|(?:is|are|was|were|remains?) (?:an? )?(?:issue|concern|challenge|problem|risk|gap)s?"
    r"|hard to|difficult to|unable to|lack(?:s|ed|ing)? (?:of )?|(?<!not )limited(?! to)"
    r"|gaps?|barriers?|hampered"
    r"|missed|fell short|below (?:target|the target|floor|the england|the national|average)"
    r"|backlog|too (?:many|long|few|slow|much)|waiting (?:lists?"
    r"|times?) (?:have|has) (?:grown|increased)"
    r"|reliance on|shortages?|vacanc(?:y|ies)|overspend|deficit|pressures?|cliff edge|inconsistent"
    r"|variable|fragile|insufficient|poor|weak(?:ness)?(?:es)?|declin(?:e|ed|ing)|deteriorat\w+"
    r"|reduction of \d[\d.]* percentage points?)\b",
    re.IGNORECASE,
)
SUCCESS = re.compile(
    r"\b(?:there (?:were|was|are|is) no (?:people |one )?(?:waiting|backlog|delays?)|no backlog"
    r"|proud|above (?:the )?(?:england|national|regional"
    r"|target|average)|better than|exceed(?:s|ed|ing)"
    r"|achieved|(?<!be )(?<!been )improved|strong(?:er)?|robust"
    r"|well (?:established|embedded|supported|received|led)"
    r"|effective(?:ly)?|positive(?:ly)?(?! risk)|praised"
    r"|success(?:ful(?:ly)?)?|outstanding|in a timely way"
    r"|has (?:increased|risen) to|good practice)\b",
    re.IGNORECASE,
)


# "removed barriers", "clearing the backlog": a shortfall undone is no shortfall
REMOVED = re.compile(
    r"\b(?:remov|reduc|clos|tackl|address|overcom|clear|eliminat)\w*\s+(?:the\s+|a\s+)?$",
    re.IGNORECASE,
)


def claims_success(text: str) -> bool:
    """Whether a text claims something went well, in words (a success, a
    strength, an improvement made, a comparison it wins)."""
    return bool(SUCCESS.search(text)) or bool(strength_phrases().find(words_of(text)))


def stance_of(text: str) -> str | None:
    """``improvement`` where a text admits a shortfall or states a need more
    than it claims a success, ``strength`` where the reverse, else ``None``.

    >>> stance_of("Access to information needs to be improved.")
    'improvement'
    >>> stance_of("There were no people waiting for assessments.")
    'strength'
    """
    short = sum(1 for m in SHORTFALL.finditer(text) if not REMOVED.search(text[: m.start()]))
    success = len(SUCCESS.findall(text))
    if short > success:
        return "improvement"
    if success > short:
        return "strength"
    return None


@cache
def strength_phrases() -> PhraseSet:
    """The strength cues' patterns, compiled on first use."""
    return PhraseSet(pattern for _, patterns in STRENGTH for pattern in patterns)


# Share of the cue model in the blended stance probabilities: the best stance
# accuracy leaving one example document out (0.2-0.35 all within a point).
CUE_SHARE = 0.3
