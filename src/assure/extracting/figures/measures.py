"""What a figure measures: a short phrase read from its sentence.

The phrase comes from the words after the figure ("42% of people who ..."),
the subject of the clause it ends ("The average wait for an assessment fell
to 28 days"), or the quantity a clause names ("the number of carers assessed
rose to 512"). Some phrases name no measure: a population alone ("of people"),
a place ("Northfield 84.5%"), a pronoun ("this rose to 41%"), an agent ("the council
continued to pay ..." names who, not what) or a filler ("but still 26%"); then
a figure listed with an earlier one ("by 4% and 74% respectively", "which was
£6m more") takes that one's measure, and otherwise has none rather than a
wrong one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assure.extracting.figures.context import (
    ENGLAND,
    ENGLAND_WORDS,
    NEIGHBOUR_WORDS,
    NEIGHBOURS,
    REGION,
    REGION_WORDS,
    without_periods,
)
from assure.extracting.figures.screening import cut, for_folded, has_digit, mentions
from assure.normalising.folding import folded

VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|may|stood|stands|reached|rose|fell|grew"
    r"|increased|decreased|reduced|remained|equates|equated|represents|represented|totalled|totals"
    r"|be|been|being|shows?|showed|continued|continues|received|receives|approved|spent|paid"
    r"|supported|helped|delivered|completed|rises|falls|grows|increases|decreases|drops"
    r"|includes|included|comprises|comprised|peaked|dropped)\b",
    re.IGNORECASE,
)
FOLDED_VERB = for_folded(VERB)
PREPOSITION = re.compile(r"\b(?:of|at|to|by)\b", re.IGNORECASE)
PASSIVE = re.compile(
    r"^\s*(?:was|were|is|are|has been|have been)\s+"
    r"(?:\w+ed|\w+en|spent|paid|made|held|seen|sent)\b",
    re.IGNORECASE,
)
# "people were accessing support" -> "people accessing support"; "they had control" stays.
AUXILIARY = re.compile(
    r"\b(?:were|was|are|is|have|had|has|being|been|be)\s+(?=\w+(?:ing|ed)\b)", re.IGNORECASE
)
# "the number of carers assessed rose to": the quantity a clause names (not the
# verb of a relative clause: "the percentage of people who had reviews")
BEFORE_SUBJECT = re.compile(
    r"\b(?:the\s+)?(?:number|proportion|percentage|rate|total|amount|level|share|count)\s+of\s+"
    r"(?P<what>[^,.;:()]{3,120}?)(?<!\bwho)(?<!\bthat)(?<!\bwhich)"
    r"(?:\s+(?:is|are|was|were|has|have|had|will|would|rose|fell|grew|stood"
    r"|increased|decreased|reduced|remained|expected|predicted|projected)\b|\s+(?:at|to|by)\s*$)",
    re.IGNORECASE,
)
FOLDED_BEFORE_SUBJECT = for_folded(BEFORE_SUBJECT)
NEW_CLAUSE = re.compile(
    r"[;,]\s+(?:and|but|while|whilst|whereas)\s+(?=the\b|its\b|our\b|their\b)", re.I
)
AFTER_OF = re.compile(
    r"^\s*of\s+(?:the\s+|its\s+|our\s+|their\s+|all\s+|total\s+|these\s+|those\s+)*"
    r"(?P<what>[^,.;:()]{2,120})",
    re.IGNORECASE,
)
# "£2 million in loans": what money was spent or given as
IN_AFTER = re.compile(r"^\s*in\s+(?P<what>[a-z][^,.;:()]{2,40})")
PER_AFTER = re.compile(r"^\s*(per\s+(?:head|person|capita|month|week|year|annum|day|\d[\d,]*))\b")
PER_TIME = re.compile(r"^\s*per\s+(?:month|week|year|annum|day)\b")
STOP_PHRASE = re.compile(
    r"\s+(?:(?:which|compared|against|than|while|whereas|as\s+at|as\s+of|during|since|respectively"
    r"|because|but|in\s+20\d\d|for\s+(?:20\d\d|the\s+year))\b"
    r"|and\s+(?:an?\s+)?[\d£]).*$",
    re.IGNORECASE,
)
WHERE_PHRASE = re.compile(
    r"\s+in\s+england(?:\s+and\s+wales)?\b|\s+nationally\b"
    r"|(?:^|\s+)(?:over|in|during|within)\s+the\s+(?:next|last|past|coming|previous)"
    r"\s+(?:\w+\s+)?(?:years?|months?|weeks?|decades?)\b",
    re.IGNORECASE,
)
NOT_AFTER = re.compile(
    r"^(?:due|because|owing|thanks|following|despite|as"
    r"|over|in|during|for|by|from|to|between|within|since|compared|against|than|less"
    r"|higher|lower|above|below|which|and|or|per|a|an|the|this|that|on|at|of|is|are|was|were"
    r"|has|have|had|will|would|each|every|up|down)$",
    re.IGNORECASE,
)
FOLDED_NOT_AFTER = for_folded(NOT_AFTER)
LEADING_FILLER = re.compile(
    r"^(?:(?:the|a|an|its|our|their|this|that|these|those|in|of|and|with|approximately|around"
    r"|about|over|under|almost|nearly|some|total|overall|while|whilst|however|there|which"
    r"|who|what|where|when|this|it|is|was|more|less|on average|but|still|also|only|just"
    r"|then|now|so|today)\s+)+",
    re.IGNORECASE,
)
# The same, read on folded text (see ``tidy``, which cuts each from every phrase).
FOLDED_WHERE_PHRASE = for_folded(WHERE_PHRASE)
FOLDED_STOP_PHRASE = for_folded(STOP_PHRASE)
FOLDED_AUXILIARY = for_folded(AUXILIARY)
FOLDED_LEADING_FILLER = for_folded(LEADING_FILLER)
TRAILING = frozenset(
    ["of", "the", "and", "in", "to", "for", "on", "a", "by", "at", "was", "were", "is", "are",
     "who", "which", "that", "with", "from", "respectively"]
)  # fmt: skip
MAX_MEASURE_WORDS = 12
REACH = 240  # characters before a figure read for its measure
# "4 in 5 (78%) people ...": the measure follows the bracketed figure; "£12m-17m": a range
PARENTHESIS_AFTER = re.compile(r"^\s*\)?\s*(?:\([^()]{0,25}\))?")
RANGE_AFTER = re.compile(r"^\s*(?:-|–|to)\s*£?\d[\d,.]*(?:m|bn|k|%)?")
# Phrases that name no measure on their own.
POPULATION = re.compile(
    r"^(?:among\s+.*"  # "among those aged 80+": whom, not what
    r"|people|persons|adults|children|residents|young people|children and young people"
    r"|service users|carers|those|respondents|pupils|staff|households|families|women|men"
    r"|individuals|cases|them)$",
    re.IGNORECASE,
)
POINTING = re.compile(r"^(?:this|that|these|those|it|they|today|which)\b", re.IGNORECASE)
EMPTY = re.compile(
    r"^(?:averag\w*|compares?|respectively|from|meaning the measure|\w+ing"
    r"|(?:projected|expected|set|forecast|estimated|likely) to (?:rise|fall|increase|decrease|grow)"
    r"|(?:projected|expected|forecast|estimated|put|valued)(?: at| to be| to reach)?"
    r"|due|estimated|estimate|approximately|around|about|circa|reduction|increase|decrease"
    r"|rise|fall|change|difference|gap|total|higher|lower|above|below)$",
    re.IGNORECASE,
)
# "Aggregated from LSOA", "From original source": where data came from, not what it is
# The same, read on folded text: a phrase is asked all three (see ``weak``).
FOLDED_POPULATION = for_folded(POPULATION)
FOLDED_EMPTY = for_folded(EMPTY)
FOLDED_POINTING = for_folded(POINTING)
SOURCE = re.compile(r"^(?:(?:aggregated|derived|calculated|taken|sourced)\s+)?from\b|^sources?\b")
LONE_WORD = frozenset(["from", "to", "at", "by", "with", "of", "in", "on", "for"])
PARENTHETICAL = re.compile(r"\([^()]*\)")
# "projected to rise to 320": the quantity named in the clause before
QUANTITY_OF = re.compile(
    r"\b(?:number|proportion|percentage|rate|share|level)\s+of\s+(?P<what>[^,.;:()]{3,80})",
    re.IGNORECASE,
)
# a phrase ends at punctuation, but not at the commas of a name ("Education, Health, and Care Plan")
PHRASE_END = re.compile(r",(?!\s+(?:and\s+)?[A-Z][a-z])|[.;:()]")
HAVING_AFTER = re.compile(r"^\s*(?:had|have|has)\s+(?:an?\s+|no\s+|their\s+)?[a-z]", re.I)
STATE_AFTER = re.compile(
    r"^\s*(?:are|is|were|was)\s+(?!\d|the\b|a\b|an\b)(?P<what>[a-z][^,.;:()]{2,60})"
)
# "the council continued to pay": an agent, who does the thing, not what is measured
AGENT = re.compile(
    r"^(?:we|it|they|the\s+)?(?:local authority|council|authority|service|team|board|partnership"
    r"|department|directorate|cabinet|committee|(?:[A-Z][\w'’]*\s+){0,3}"
    r"(?:County|Borough|City|District)?\s*Council|[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,3}\s+Board)$"
)
# "RPI which was 12%", "which averages to approximately 58": the clause's noun
WHICH_BEFORE = re.compile(
    r"(?P<what>[\w'’-]+(?:\s+[\w'’-]+){0,3}),?\s+which\s+(?:is|was|are|were|averages?\s+to"
    r"|equates\s+to|stood\s+at)\s+(?:about\s+|around\s+|approximately\s+)?$",
    re.IGNORECASE,
)
# How every match of WHICH_BEFORE ends: a search for it need not try every word before.
WHICH_END = re.compile(
    r"\swhich\s+(?:is|was|are|were|averages?\s+to|equates\s+to|stood\s+at)"
    r"\s+(?:about\s+|around\s+|approximately\s+)?$",
    re.IGNORECASE,
)
OF_WHICH = re.compile(r"\bof\s+(?:which|whom|these|those)\s*$", re.IGNORECASE)
TARGET_BEFORE = re.compile(r"\b(?:the\s+)?(?P<what>(?:floor\s+)?target)\s+(?:of\s+)?$", re.I)
# "an overspend of £23.3m", "savings of £25 million": the noun a figure is "of"
NOUN_OF = re.compile(
    r"(?:^|\b(?:a|an|the|its|their|our)\s+)(?P<what>(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)"
    r"\s+of\s+(?:about\s+|around\s+|approximately\s+|over\s+|almost\s+|nearly\s+|just\s+over\s+)?$"
)
GENERIC_OF = re.compile(
    r"^(?:(?:\w+\s+)?(?:total|number|maximum|minimum|average|rate|level|figure|sum|amount|share"
    r"|proportion|percentage|increase|decrease|reduction|rise|fall|change|cohort|score|value"
    r"|target|aim|one|some|all|most|any|each|both|half|cost|saving|range|majority|region|order"
    r"|excess|vicinity)s?)$"
)
MORE_AFTER = re.compile(r"^(?:more|fewer|additional|extra|further|new)$", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z][\w'’/-]*")
# Words every match of a pattern holds (in any case, but NOUN_OF's): a phrase
# without one is not searched.
WHERE_WORDS = ("england", "nationally", "year", "month", "week", "decade")
QUANTITY_WORDS = (
    "number", "proportion", "percentage", "rate", "total", "amount", "level", "share", "count"
)  # fmt: skip
NOUN_OF_ENDS = ("of", "about", "around", "approximately", "over", "almost", "nearly")


def tidy(phrase: str, most: int = MAX_MEASURE_WORDS) -> str | None:
    phrase = without_periods(phrase)
    if mentions(phrase, *WHERE_WORDS):
        phrase = cut(FOLDED_WHERE_PHRASE, phrase)
    phrase = cut(FOLDED_STOP_PHRASE, phrase.strip(" ,;:-–"))
    if mentions(phrase, "ing", "ed"):
        phrase = cut(FOLDED_AUXILIARY, phrase)
    phrase = cut(FOLDED_LEADING_FILLER, phrase.lstrip(" •▪●◦*-–") + " ").strip(" ,;:-–")
    words = phrase.split()[:most]
    while words and words[-1].lower() in TRAILING:
        words.pop()
    text = " ".join(words)
    return text if len(text) >= 3 and any(c.isalpha() for c in text) else None


# another figure inside a phrase (a rate's base "per 100,000" is part of the name)
CARRIED_FIGURE = re.compile(r"£\s?\d|\d%|(?<!per )(?<!\d)\d{1,3},\d{3}\b")
CHANGE = re.compile(r"^(?:increase|decrease|reduction|rise|fall|drop|change|growth)$", re.I)


@lru_cache(maxsize=4096)  # asked of the same few phrases again and again
def weak(measure: str | None, place: str | None = None) -> bool:
    """Whether a phrase names no measure: a population, a place, a pointer or a filler."""
    if measure is None:
        return True
    bare = measure.strip().lower()
    lowered = folded(bare)
    if (
        FOLDED_POPULATION.match(lowered)
        or FOLDED_EMPTY.match(lowered)
        or FOLDED_POINTING.match(lowered)
        or SOURCE.match(bare)
    ):
        return True
    if place and bare == place.lower():
        return True
    if has_digit(measure) and CARRIED_FIGURE.search(measure):
        return True  # "Northfield peaked at just over 9,000 and dropped": another figure's words
    stripped = measure.strip()
    if not mentions(stripped, *REGION_WORDS, *ENGLAND_WORDS, *NEIGHBOUR_WORDS):
        return False  # most phrases: no place is named
    return bool(
        REGION.fullmatch(stripped) or ENGLAND.fullmatch(stripped) or NEIGHBOURS.fullmatch(stripped)
    )


def past(opening: re.Pattern[str], text: str) -> str:
    """``text`` less what ``opening`` (a pattern anchored at the start) matches there:
    ``opening.sub("", text)``, without a search of every later position."""
    match = opening.match(text)
    return text[match.end() :] if match else text


def measure_of(sentence: str, start: int, end: int, money: bool = False) -> str | None:
    """A short phrase naming what the figure at ``start``..``end`` of ``sentence`` measures."""
    after = past(PARENTHESIS_AFTER, sentence[end : end + 160])
    after = past(PARENTHESIS_AFTER, past(RANGE_AFTER, after))
    before = sentence[max(0, start - REACH) : start]
    if start > REACH:
        before = before.split(" ", 1)[-1]  # from a whole word
    of = AFTER_OF.match(after)
    if of and before.rstrip().endswith("(") and (said := restated(before, of.group("what"))):
        return said  # "lost touch with a quarter (190) of its care leavers"
    if of and (measure := tidy(of.group("what"))):
        if not POPULATION.match(measure) or not (owner := of_before(before)):
            return measure
        return f"{owner} of {measure}"  # "take-up of direct payments of 42% of people"
    if mentions(before, "target") and (target := TARGET_BEFORE.search(before)) is not None:
        return target.group("what")
    # "the number of X rose to 598, and the register had grown to 203": the
    # subject of an earlier clause does not measure a later clause's figure.
    clause = without_asides(before)
    if "," in clause or ";" in clause:
        clause = NEW_CLAUSE.split(clause)[-1]
    subjects = (
        list(FOLDED_BEFORE_SUBJECT.finditer(folded(clause)))
        if mentions(clause, *QUANTITY_WORDS)
        else []
    )
    if subjects and (measure := tidy(clause[slice(*subjects[-1].span("what"))])):
        return measure
    spent = IN_AFTER.match(after) if money else None
    if spent and (measure := tidy(spent.group("what"))):
        return measure
    if (measure := measure_after(past(PER_TIME, after))) is not None:
        if not POPULATION.match(measure) or bracketed(sentence, start, end):
            return measure  # "(40 families)": the bracket's own words
        # "grown to 203 people": the subject says what; "people" alone is the fallback
        subject = measure_before(before)
        return subject if subject and not weak(subject) else measure
    which = (
        WHICH_BEFORE.search(before)
        if mentions(before, "which") and WHICH_END.search(before)
        else None
    )
    if which is not None and not any(c.isdigit() for c in which.group("what")):
        return tidy(VERB.split(which.group("what"))[-1])
    named = NOUN_OF.search(before) if before.rstrip().endswith(NOUN_OF_ENDS) else None
    if named and not GENERIC_OF.match(named.group("what")):
        return tidy(named.group("what"))  # "a projected overspend of £23.3 million"
    return measure_before(before)


def without_asides(text: str) -> str:
    """``text`` with each bracketed aside replaced by a space."""
    return PARENTHETICAL.sub(" ", text) if "(" in text else text


def bracketed(sentence: str, start: int, end: int) -> bool:
    """Whether a figure opens a bracket of its own words: "(40 families)", not "(65%)"."""
    return sentence[:start].rstrip().endswith("(") and not sentence[end:].lstrip().startswith(")")


def measure_after(after: str) -> str | None:
    """The words after a figure that say what it counts: "598 people receiving
    care", "11,090 were completed in time", "330 had an active plan", "2,500 more
    people aged 65", "22 are stable"."""
    words = WORD.findall(after[:80])
    if not words:
        return None
    more = MORE_AFTER.match(words[0])
    first = folded(words[0])
    first_word_ok = not FOLDED_VERB.fullmatch(first) and not FOLDED_NOT_AFTER.match(first)
    if first_word_ok or PASSIVE.match(after) or HAVING_AFTER.match(after):
        phrase = PHRASE_END.split(after, maxsplit=1)[0]
        measure = tidy(phrase)
        if measure and more and not measure.lower().startswith(words[0].lower()):
            measure = f"{words[0]} {measure}"  # "2,500 more people aged 65": "more" stays
        if measure and not (more and " " not in measure):
            return measure
    if (state := STATE_AFTER.match(after)) is not None:
        return tidy(state.group("what"))
    return None


def restated(before: str, of: str) -> str | None:
    """The measure of a figure in brackets after words that say it ("a quarter
    (190) of its care leavers"): what the clause says, of whom."""
    words = before.rstrip()[:-1].rstrip()
    if not words or words[-1].isdigit() or words.endswith("%"):
        return None
    said = clause_subject(re.split(r"[;:()]|,(?!\d{3}\b)", words)[-1] + " of")
    whom = tidy(of)
    return f"{said} of {whom}" if said and whom else None


def of_before(before: str) -> str | None:
    """The quantity a figure is "of" in "a high take-up of direct payments of 42%"."""
    if not before.rstrip().endswith(" of"):
        return None
    clause = re.split(r"[;:()]|,(?!\d{3}\b)", before)[-1]
    verbs = list(VERB.finditer(clause))
    if verbs:
        clause = clause[verbs[-1].end() :]
    return tidy(clause.rstrip()[:-3])


def measure_before(before: str) -> str | None:
    """The subject of the clause that ends at the figure: "The average wait for an
    assessment fell to" gives "average wait for an assessment"; where the subject
    is an agent ("The council continued to pay the provider for"), what it does."""
    if before.rstrip().endswith(":"):
        label = re.split(r"[.;]", before.rstrip()[:-1])[-1]
        return tidy(" ".join(label.split()[-MAX_MEASURE_WORDS:]))
    # asides in brackets are not the clause: "Deaths (under 75 years) from ... have fallen"
    before = without_asides(before)
    # "40,400 people aged over 75": a thousands comma does not end the clause
    clauses = re.split(r"[;:()]|,(?!\d{3}\b)", before)
    last = clauses[-1]
    bare = last.strip().lower()
    if len(clauses) > 1 and (bare in LONE_WORD or EMPTY.match(bare)):
        # "has more than halved, from 31.3", "a low proportion of older residents,
        # projected to rise to 320": the clause before names it
        earlier = clauses[-2]
        quantity = QUANTITY_OF.search(earlier)
        if quantity is not None:
            return tidy(quantity.group("what"))
        if bare in LONE_WORD:
            return clause_subject(earlier)
        # "continued to have the largest overspend, projected at £35.4m": what was projected
        return tidy(
            " ".join(re.split(r"\b(?:of|to|with|by|at|have|has|had)\b", earlier)[-1].split()[-4:])
        )
    return clause_subject(last)


RELATIVE = re.compile(
    r"\b(?:who|which|whom)\s+(?:\w+\s+)?$|\bthat\s+$|\bwhose\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
RELATIVE_WORDS = ("who", "which", "that")  # one is in every match of RELATIVE ("whom", "whose")
POINTER_END = re.compile(r"\b(?:this|that|these|those|it|they)\s*$", re.IGNORECASE)


def main_verb(clause: str) -> re.Match[str] | None:
    """The clause's first verb that is not a relative clause's ("people who had"),
    read on the folded clause (its offsets are the clause's)."""
    lowered = folded(clause)
    if not mentions(clause, *RELATIVE_WORDS):  # most clauses: the first verb is the main one
        return FOLDED_VERB.search(lowered)
    return next(
        (v for v in FOLDED_VERB.finditer(lowered) if not RELATIVE.search(clause[: v.start()])),
        None,
    )


def clause_subject(clause: str) -> str | None:
    verb = main_verb(clause)
    if verb is None and FOLDED_VERB.search(folded(clause)):
        return None  # "which includes approximately": a relative clause names nothing
    if verb is not None:
        raw = clause[: verb.start()]
        if POINTER_END.search(raw):
            return None  # "this has increased to": the earlier figure's measure
        subject = tidy(" ".join(raw.split()[-10:]), 10)
        if subject is None:
            return None
        if not AGENT.match(subject):
            return None if weak(subject) else subject
        predicate = tidy(clause[verb.end() :])
        return predicate if predicate and not weak(predicate) else None
    prepositions = list(PREPOSITION.finditer(clause))
    if prepositions:
        clause = clause[: prepositions[-1].start()]
    measure = tidy(" ".join(clause.split()[-10:]), 10)
    return None if weak(measure) else measure


def per_unit(sentence: str, end: int, measure: str | None) -> str | None:
    """The measure with the unit it is counted per ("£64 per head") where it lacks one."""
    per = PER_AFTER.match(sentence[end : end + 30])
    if measure is None or per is None or per.group(1).lower() in measure.lower():
        return measure
    return f"{measure} {per.group(1)}"


def of_which(sentence: str, start: int) -> bool:
    """Whether a figure counts part of an earlier one: "12,491, of which 11,090 were"."""
    return bool(OF_WHICH.search(sentence[max(0, start - 20) : start]))
