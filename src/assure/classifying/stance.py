"""Stance cues: the phrases councils use when they claim a strength or admit a
gap, as features for a small model blended with the word-based stance head.

A self-assessment says "we are proud", "has fallen", "better than the England
average" of its strengths, and "we need to", "not yet", "the waiting list has
grown", "below the England average" of what it must improve. Word TF-IDF sees
these phrases only as rare bigrams; counted as cues they generalise across
voices.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

SHOULD_SHRINK = (
    r"(?:waiting lists?|waits?|waiting times?|backlogs?|demand|overspend|vacanc(?:y|ies)"
    r"|concerns|complaints|delays?|costs?|agency|turnover|out of area|readmissions)"
)
SHOULD_GROW = (
    r"(?:satisf\w*|proportion|percentage|uptake|take-up|scores?|performance|confidence"
    r"|capacity|recruitment|completed|compliance)"
)
COMPARATOR = r"(?:the\s+)?(?:england|national|regional|comparator|statistical neighbour)"

# (needles, expression): every match contains one of the needles ("|" between
# them) as plain text, so a substring test rules most cues out before the
# expression runs.
STRENGTH_CUES: tuple[tuple[str, str], ...] = (
    ("proud", r"\bproud\b"),
    ("improv", r"\bimprov(?:ed|ing)\b"),
    ("better than", r"\bbetter than\b"),
    ("above", rf"\babove {COMPARATOR}"),
    (
        "fallen|fell|dropped|come down|reduced",
        rf"\b{SHOULD_SHRINK}\b[^.]{{0,40}}\b(?:fallen|fell|dropped|come down|reduced)\b",
    ),
    ("reduced|cut|halved", r"\b(?:reduced|cut|halved)\b"),
    ("success", r"\bsuccess"),
    ("strong", r"\bstrong(?:er)?\b"),
    ("well embedded", r"\bwell embedded\b"),
    ("positive", r"\bpositive"),
    ("achiev", r"\bachiev"),
    ("good or outstanding", r"\bgood or outstanding\b"),
    ("among the best", r"\bamong the best\b"),
    ("welcom", r"\bwelcom"),
    ("prais", r"\bprais"),
    ("ha", r"\bha(?:s|ve) (?:helped|made|led)\b"),
    ("now", r"\bnow\b"),
    ("ha", r"\bha(?:s|ve) (?:introduced|created|launched|delivered|cleared)\b"),
    ("strength", r"\bstrengths?\b"),
)

IMPROVEMENT_CUES: tuple[tuple[str, str], ...] = (
    ("need to", r"\bneed to\b"),
    ("not yet", r"\bnot yet\b"),
    ("not ", r"\bnot (?:always|enough|good enough|consistent)"),
    ("too ", r"\btoo (?:many|long|much|few|slow)\b"),
    ("below", rf"\bbelow {COMPARATOR}"),
    ("worse than", r"\bworse than\b"),
    # Growth is a gap only in what should shrink: "assessments have risen" is not.
    (
        "risen|increased|grown|rose|gone up",
        rf"\b{SHOULD_SHRINK}\b[^.]{{0,40}}\b(?:risen|increased|grown|rose|gone up)\b",
    ),
    ("backlog", r"\bbacklog"),
    ("delay", r"\bdelay"),
    ("wait", r"\bwait(?:ing|s)? (?:too )?long"),
    ("concern", r"\bconcern"),
    ("challeng", r"\bchalleng"),
    ("pressure", r"\bpressure"),
    ("difficult", r"\bdifficult"),
    ("struggl", r"\bstruggl"),
    ("gap", r"\bgaps?\b"),
    ("overspen", r"\boverspen"),
    ("risk", r"\brisks?\b"),
    ("we ", r"\bwe (?:know|recognise|accept)\b"),
    ("slower", r"\bslower\b"),
    ("weak", r"\bweak"),
    (
        "fallen|fell|dropped|declined",
        rf"\b{SHOULD_GROW}\b[^.]{{0,40}}\b(?:fallen|fell|dropped|declined)\b",
    ),
    ("less than", r"\bless than\b"),
    ("we will", r"\bwe will\b"),
    ("priorit", r"\bpriorit"),
    ("improvement plan", r"\bimprovement plan\b"),
    (" not", r"\b(?:have|do|does|is|are) not\b"),
    ("unmet", r"\bunmet\b"),
    ("vacanc", r"\bvacanc"),
    ("fragile", r"\bfragile\b"),
    ("inconsistent", r"\binconsistent\b"),
    ("more to do|further work", r"\bmore to do\b|\bfurther work\b"),
)


def compiled(
    cues: Sequence[tuple[str, str]],
) -> tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]:
    return tuple((tuple(needles.split("|")), re.compile(pattern)) for needles, pattern in cues)


STRENGTH = compiled(STRENGTH_CUES)
IMPROVEMENT = compiled(IMPROVEMENT_CUES)

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
    lower = text.lower()
    return bool(SUCCESS.search(text)) or any(
        any(n in lower for n in needles) and p.search(lower) for needles, p in STRENGTH
    )


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


DIGIT = re.compile(r"\d")

# Share of the cue model in the blended stance probabilities: the best stance
# accuracy leaving one example document out (0.2-0.35 all within a point).
CUE_SHARE = 0.3


def stance_cues(texts: Sequence[str]) -> np.ndarray:
    """A (passages x cues) matrix: each cue present (0/1), then the log counts of
    strength and improvement cues, and whether the passage is figure-heavy."""
    width = len(STRENGTH) + len(IMPROVEMENT)
    found = np.zeros((len(texts), width + 3))
    cues = (*STRENGTH, *IMPROVEMENT)
    for row, text in enumerate(texts):
        text = text.lower()
        hits = [
            1.0 if any(n in text for n in needles) and p.search(text) else 0.0
            for needles, p in cues
        ]
        found[row, :width] = hits
        found[row, width] = np.log1p(sum(hits[: len(STRENGTH)]))
        found[row, width + 1] = np.log1p(sum(hits[len(STRENGTH) :]))
        found[row, width + 2] = float(len(DIGIT.findall(text)) > 3)
    return found
