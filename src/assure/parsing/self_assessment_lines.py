"""What each line of a self-assessment could be: a heading of some kind, a
run-in label, a contents entry, a case study, a call-out or a quote.

The self-assessment parser decides among these candidates; this module only
reads single lines. Vocabulary follows the ADASS/LGA self-assessment template
and the ways councils vary it ("what we are proud of", "our strengths", "what
we do well"; "areas for improvement", "what we need to do better", ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from assure.document import CleanLine
from assure.normalising.folding import folded
from assure.parsing.statements import (
    fold,
    loose_statement_match,
    match_shared_statements,
    match_statement,
    match_theme,
    name_pattern,
    split_theme,
    weak_statement_match,
)

# Tiers: how surely a line is a heading by its form.
FORMAT, NUMBERED, STANDALONE, RUN_IN = 4, 3, 2, 1

SUBSECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "ambition",
        (
            "what is our ambition", "our ambition", "ambition and performance",
            "how are we performing", "how we are performing", "how well are we performing",
            "how well we are performing", "our performance", "performance and ambition",
            "what good look like", "our aspiration", "what we know about our performance",
            "how we are doing", "how are we doing", "where we want to be",
        ),
    ),
    (
        "proud_of",
        (
            "thing we are proud of", "what we are proud of", "we are proud of", "proud of",
            "our strength", "key strength", "strength", "what we do well", "what is working well",
            "what working well", "what we are doing well", "what went well",
            "what is going well", "what are we good at", "what we are good at",
            "what are our strength", "area of strength", "area of good practice",
            "our achievement", "key achievement", "achievement",
        ),
    ),
    (
        "areas_for_improvement",
        (
            "key area for improvement", "area for improvement", "area for development",
            "area for further development", "area to improve", "area of improvement",
            "area to develop", "area of development", "improvement area", "development area",
            "what we need to do better", "what we need to improve", "what could be better",
            "what we could do better", "what we are worried about", "what worry u",
            "where we need to improve", "our challenge", "key challenge", "challenge",
            "risk and challenge", "what need to improve", "even better if",
            "what not working so well", "what is not working well", "what not working well",
            "risk",
        ),
    ),
    (
        "how_we_know",
        (
            "how do we know", "how we know", "what make u confident", "our evidence",
            "how we evidence", "supporting evidence", "evidence", "evidence of impact",
            "evidence and data", "data and evidence", "supporting data",
        ),
    ),
    (
        "plans",
        (
            "what are our plan", "our plan", "next step", "what we are doing next",
            "what we will do", "what we are going to do", "what are we doing about it",
            "what we are doing about it", "future plan", "our priority", "improvement plan",
            "what next", "plan to maintain", "plan for improvement", "priority for",
            "what will we do", "what we are doing to improve", "what are we doing to improve",
            "improvement priority", "next 12 month", "looking ahead", "looking forward",
        ),
    ),
    (
        "what_others_say",
        (
            "what do other say", "what other say", "what people say", "what do people say",
            "what people tell u", "what partner say", "what our partner say", "feedback",
            "people experience", "voice of", "testimonial",
        ),
    ),
)  # fmt: skip
WHAT_X_SAY = re.compile(r"^what (?:do )?(?:\w+ ){0,6}(?:say|tell u|told u|think)\b")
# A subsection's words must open the heading (allowing "Key", "Our", "7.1").
SUBSECTION_REACH = 3
MAX_HEADING_WORDS = 16
PLAIN_HEADING_WORDS = 8
RUN_IN_PROSE_WORDS = 6  # "Label: text" with this many words after is prose, not a heading

CASE_STUDY = re.compile(
    r"^(?:spotlight(?:\s+on)?|case\s+stud(?:y|ies)|case\s+example|practice\s+example|"
    r"good\s+practice\s+example|a\s+day\s+in\s+the\s+life|story|example)\b",
    re.IGNORECASE,
)
STORY = re.compile(r"\b\w+['’]s\W{0,2}\s+(?:story|journey|experience)\b|\bstory\s*$", re.I)
CALL_OUT = re.compile(
    r"^(?:practice\s+point|data\s+point|key\s+fact|key\s+figure|key\s+statistic|"
    r"did\s+you\s+know|fact\s+box|at\s+a\s+glance|in\s+numbers|highlight)\b",
    re.IGNORECASE,
)
OPEN_QUOTE = "\"“‘'«"
PAIRED_QUOTE = {"“": "”", "‘": "’", "«": "»"}
NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$")
CONTENTS_TAIL = re.compile(r"(?:\.{3,}|…+|\s\.\s\.\s\.)\s*\d{0,3}\s*$|\t\s*\d{1,3}\s*$")
BULLET = re.compile(r"^(?:[-•▪◦●○*+>]|\d{1,2}[.)])\s+")
LIST_GLYPH = re.compile(r"^[•▪◦●○]\s+")
RUN_IN_LABEL = re.compile(r"^(?P<label>[^:;.!?]{3,90}?)\s*(?::|\s[-–—]\s|\s[-–—]$)\s*(?P<rest>.*)$")
# A label closed by a full stop, as a bold run-in is ("**Assessing needs.** We ...").
STOP_LABEL = re.compile(r"^(?P<label>[^:;.!?]{3,90}?)\.\s+(?P<rest>[A-Z“\"‘'].*)$")
# A heading's last word that cannot end a sentence: where a heading ("What we
# are proud of") was run into its first sentence, the sentence follows it.
OPEN_END = ("of", "for", "to", "about", "on", "with")
TABLE_LABEL = re.compile(r"^(?:quality statement|statement|qs ?\d?|theme ?\d?.*)$")
# A self-assessed score and direction of travel without the statement's name:
# "3 – good standard Stable", "2 Improving".
SCORE_CELLS = re.compile(
    r"^[1-4]\s*(?:[-–—:]\s*)?(?:(?:evidence\s+shows\s+)?(?:an?\s+)?(?:(?:exceptional|good)"
    r"\s+standard|(?:some|significant)\s+shortfalls)\b|(?:improving|stable|declining|"
    r"deteriorating|worsening)\s*$)",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[a-z0-9)%]\.(?:\s|$)")
SECTION_CELL_WORDS = 60
SENTENCE = re.compile(r"[.!]\s+[A-Z][a-z]|[a-z]{2}\.\s*$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One line read as a possible heading.

    ``rank`` is the depth of its outline number ("7.1" is 2) or its format
    heading level, where it has one.
    """

    line: CleanLine
    title: str
    tier: int
    rank: int | None = None
    statement: str | None = None
    theme: str | None = None
    subsection: str | None = None
    special: str | None = None  # case_study | call_out | quote
    contents: bool = False
    weak: bool = False  # names its statement less surely: a one-word alias, or run-on words
    shared: tuple[str, ...] = ()  # further statements the heading names with ``statement``
    next_line: int | None = None  # the number of the clean line after it

    @property
    def number(self) -> int:
        return self.line.number


def clean(text: str) -> str:
    """A line without Markdown marks, stray bold and bullets' decoration."""
    text = text.replace("**", "").replace("__", "")
    return text.strip().lstrip("#").strip()


@cache
def _folded_subsections() -> tuple[tuple[str, str], ...]:
    pairs = [(fold(p), kind) for kind, phrases in SUBSECTIONS for p in phrases]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def _spaced_subsections() -> tuple[tuple[str, str, str], ...]:
    """``_folded_subsections`` with each phrase also between spaces, as it is looked for."""
    return tuple((phrase, kind, f" {phrase} ") for phrase, kind in _folded_subsections())


@cache
def _subsections_by_first_word() -> dict[str, tuple[int, ...]]:
    """The places in ``_spaced_subsections`` of the phrases opening with each word."""
    found: dict[str, list[int]] = {}
    for place, (phrase, _, _) in enumerate(_spaced_subsections()):
        found.setdefault(phrase.split(" ", 1)[0], []).append(place)
    return {word: tuple(places) for word, places in found.items()}


def _phrases_opening_at(words: list[str]) -> list[tuple[str, str, str]]:
    """``_spaced_subsections`` less the phrases that can open at none of ``words``
    (folded words are single-spaced, so a phrase found opens at a word), in order."""
    by_first_word = _subsections_by_first_word()
    places = sorted({place for word in words for place in by_first_word.get(word, ())})
    phrases = _spaced_subsections()
    return [phrases[place] for place in places]


def subsection_kind(title: str) -> str | None:
    """The template sub-section a heading names, e.g. "7.1.1 THINGS WE ARE
    PROUD OF" is ``proud_of``; ``None`` for other headings."""
    folded = fold(re.sub(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+", "", title))
    words = folded.split()
    if not words or len(words) > MAX_HEADING_WORDS:
        return None
    best: tuple[int, str] | None = None
    padded = f" {folded} "
    for phrase, kind, spaced in _phrases_opening_at(words[: SUBSECTION_REACH + 1]):
        position = padded.find(spaced)
        if position < 0:
            continue
        word_index = padded[:position].count(" ")
        if " " not in phrase and not _bare(words, phrase):
            continue
        if word_index <= SUBSECTION_REACH and (best is None or word_index < best[0]):
            best = (word_index, kind)
    if best is None and WHAT_X_SAY.match(folded):
        return "what_others_say"
    return best[1] if best else None


def _bare(words: list[str], phrase: str) -> bool:
    """A one-word phrase ("evidence", "feedback") names a sub-section only as
    a short heading's last word ("Our evidence"), not in "Evidence library"."""
    return len(words) <= 3 and words[-1] == phrase


def is_contents(line: CleanLine) -> bool:
    """A contents-list entry: a title with dot leaders or a trailing page number cell."""
    text = line.text
    if CONTENTS_TAIL.search(text):
        return True
    if line.table_row:
        cells = [c.strip() for c in text.split("\t") if c.strip()]
        return 1 < len(cells) <= 3 and cells[-1].isdigit() and len(cells[-1]) <= 3
    return False


def _special(title: str) -> str | None:
    if CALL_OUT.match(title):
        return "call_out"
    if CASE_STUDY.match(title) or (len(title.split()) <= 12 and STORY.search(title)):
        return "case_study"
    return None


def is_quote(text: str) -> bool:
    """A line that is a quotation: opens with a quote mark, mostly quoted."""
    text = BULLET.sub("", text).strip()
    if len(text) < 15 or text[0] not in OPEN_QUOTE:
        return False
    mark = PAIRED_QUOTE.get(text[0], text[0])
    closing, last = text.find(mark, 1), text.rfind(mark)
    if closing < 1:
        return len(text) < 600  # a quotation whose closing mark was lost
    # Mostly quoted, or a quotation followed by a short attribution.
    return last > len(text) * 0.6 or (closing >= 12 and len(text) - closing <= 120)


def read_line(line: CleanLine) -> Candidate | None:
    """What ``line`` could be, or ``None`` for plain prose."""
    raw = line.text
    contents = is_contents(line)
    text = clean(
        raw.split("\t")[1] if contents and "\t" in raw.strip() and _numbered_cell(raw) else raw
    )
    text = CONTENTS_TAIL.sub("", text).strip(" .\t") if contents else text
    if line.heading_level and (glyph := LIST_GLYPH.match(text)):
        # A heading that Word numbers as a list item: the reader marks it
        # with a bullet, since the number is not in the text.
        raw = text = text[glyph.end() :]
    if not text or (BULLET.match(raw.strip()) and not contents and not _numbered_statement(text)):
        return _bullet(line, raw)
    if line.heading_level:
        return _heading(line, text, FORMAT, line.heading_level, contents)
    if SCORE_CELLS.match(text):
        return None  # a score table's cells a PDF left on a line of their own
    if line.table_row and not contents:
        return _table_heading(line)
    if match := NUMBERED_HEADING.match(text):
        title = match[2].strip()
        if _heading_like(title):
            return _heading(line, text, NUMBERED, match[1].count(".") + 1, contents)
    if is_quote(raw) and not contents:
        return Candidate(line, text[:120], RUN_IN, special="quote")
    if _standalone(text):
        return _heading(line, text, STANDALONE, None, contents)
    if match := RUN_IN_LABEL.match(text):
        return _run_in(line, match["label"].strip(), text)
    if (match := STOP_LABEL.match(text)) and (c := _run_in(line, match["label"], text)):
        return c if c.statement else None
    return _run_on_subsection(line, text)


def _run_on_subsection(line: CleanLine, text: str) -> Candidate | None:
    """A sub-section heading the line joiner ran into its first sentence
    ("What we are proud of Our single point of contact ...")."""
    words = text.split()
    for count in range(2, min(len(words), SUBSECTION_REACH + 4)):
        head = words[:count]
        if head[-1].lower() not in OPEN_END or not words[count][:1].isupper():
            continue
        title = " ".join(head)
        if (kind := subsection_kind(title)) is not None:
            return Candidate(line, title, RUN_IN, subsection=kind)
    return None


def _table_heading(line: CleanLine) -> Candidate | None:
    """A statement heading set in a table ("Quality statement<tab>Assessing
    needs"), as Word templates often have, or a row that is the statement's
    whole section (its name in the left cell, its text in the right, as in
    templates that set each theme out as a two-column table); rows with
    scores or more cells are data."""
    cells = [clean(c) for c in line.text.split("\t") if c.strip()]
    if not 1 <= len(cells) <= 2:
        return None
    named = [c for c in cells if match_statement(c)]
    others = [c for c in cells if c not in named]
    if len(named) != 1:
        return None
    beside = len(cells) == 2 and named[0] == cells[0] and _section_text(cells[1])
    if not beside and not all(TABLE_LABEL.match(fold(c)) for c in others):
        return None
    statement = match_statement(named[0])
    return Candidate(
        line, named[0], STANDALONE, statement=statement, weak=weak_statement_match(named[0])
    )


def _section_text(cell: str) -> bool:
    """A cell holding a section's prose: several sentences, not a summary's
    description, score or status."""
    return len(cell.split()) >= SECTION_CELL_WORDS and len(SENTENCE_END.findall(cell)) >= 3


def statement_row(
    line: CleanLine, above: CleanLine | None, below: CleanLine | None
) -> Candidate | None:
    """A statement heading set as the one row of a small table under a header
    row ("Quality statement<tab>Our self-assessed score" over "Assessing
    needs<tab>2<tab>Improving"). Where the next row names a statement too, the
    table is a summary of several statements, not a section's heading."""
    if not (line.table_row and above is not None and above.table_row):
        return None
    header = [clean(c) for c in above.text.split("\t") if c.strip()]
    cells = [clean(c) for c in line.text.split("\t") if c.strip()]
    if len(header) < 2 or not TABLE_LABEL.match(fold(header[0])) or match_statement(header[0]):
        return None
    if not 2 <= len(cells) <= len(header) or not (statement := match_statement(cells[0])):
        return None
    if below is not None and below.table_row and match_statement(below.text.split("\t")[0]):
        return None
    return Candidate(
        line, cells[0], STANDALONE, statement=statement, weak=weak_statement_match(cells[0])
    )


@cache
def _scored_name() -> re.Pattern[str]:
    return re.compile(
        rf"(?:^|\s)({name_pattern()})\s+[1-4]\s*[-–—:]\s*(?:evidence\s+shows\s+)?(?:an?\s+)?"
        r"(?:(?:exceptional|good)\s+standard|(?:some|significant)\s+shortfalls)\b",
        re.IGNORECASE,
    )


def _scored_words(text: str) -> bool:
    """Whether ``text`` holds "standard" or "shortfall", folded (see ``folded``):
    every match of ``_scored_name`` does."""
    lowered = folded(text)
    return "standard" in lowered or "shortfall" in lowered


def flattened_statement_row(line: CleanLine) -> Candidate | None:
    """A statement's heading row ("Assessing needs<tab>2 – some shortfalls")
    as a PDF gives it: cells run together with spaces, often joined to the
    table's header row ("Quality statement Our self-assessed score Direction
    of travel Assessing needs 2 – some shortfalls Improving"). The name must
    carry the score's words, and no sentence may come before it."""
    if line.table_row or not _scored_words(line.text):
        return None
    if not (match := _scored_name().search(line.text)):
        return None
    if re.search(r"[.!?]\s", line.text[: match.start(1)]):
        return None
    name = match[1]
    statement = match_statement(name)
    if statement is None:
        return None
    return Candidate(line, name, STANDALONE, statement=statement, weak=weak_statement_match(name))


def _numbered_cell(raw: str) -> bool:
    cells = [c.strip() for c in raw.split("\t")]
    return len(cells) > 1 and bool(re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*\.?", cells[0]))


def _bullet(line: CleanLine, raw: str) -> Candidate | None:
    """A bullet is prose, unless it is a quotation or opens a case study."""
    item = clean(BULLET.sub("", raw.strip()))
    if is_quote(raw):
        return Candidate(line, item[:120], RUN_IN, special="quote")
    if (CASE_STUDY.match(item) or CALL_OUT.match(item)) and len(item.split()) <= MAX_HEADING_WORDS:
        return Candidate(line, item[:120], RUN_IN, special=_special(item))
    return None


def _numbered_statement(text: str) -> bool:
    """ "1. Assessing needs": a numbered line that is exactly a statement's name
    is its heading, where other numbered lines are list items."""
    match = NUMBERED_HEADING.match(text)
    return bool(match and _heading_like(match[2].strip()) and match_statement(match[2].strip()))


def _heading_like(title: str) -> bool:
    return (
        bool(title)
        and not title[0].islower()
        and len(title) <= 150
        and len(title.split()) <= MAX_HEADING_WORDS
        and not SENTENCE.search(title)
    )


def _standalone(text: str) -> bool:
    if not _heading_like(text) or len(text) > 120 or text.endswith((",", ";", ".")):
        return False
    label = RUN_IN_LABEL.match(text)
    prose = label and len(label["rest"].split()) >= RUN_IN_PROSE_WORDS
    return not prose or match_statement(text) is not None


def _heading(
    line: CleanLine, text: str, tier: int, rank: int | None, contents: bool
) -> Candidate | None:
    title = NUMBERED_HEADING.sub(r"\2", text) if tier == NUMBERED else text
    statement = match_statement(title)
    shared = () if statement else match_shared_statements(title)
    statement = statement or (shared[0] if shared else None)
    loose = False
    if statement is None and tier >= NUMBERED and (statement := loose_statement_match(title)):
        loose = True  # "7 ASSESSING NEEDS AND CARE PLANNING": the statement, less surely
    theme = None if statement else match_theme(title)
    subsection = None
    if statement is None and theme is None:
        prefix, rest = split_theme(title)
        subsection = subsection_kind(rest if prefix else title)
        theme = prefix if subsection else None
    special = None if statement or theme or subsection else _special(title)
    if not any((statement, theme, subsection, special)) and tier == STANDALONE:
        # A short plain line may still be a heading the template does not name.
        plain = len(text.split()) <= PLAIN_HEADING_WORDS
        return Candidate(line, text, tier, contents=contents) if plain else None
    weak = bool(statement) and (loose or weak_statement_match(title))
    return Candidate(
        line,
        text,
        tier,
        rank,
        statement,
        theme,
        subsection,
        special,
        contents,
        weak,
        shared=shared[1:],
    )


def _run_in(line: CleanLine, label: str, text: str) -> Candidate | None:
    label = clean(label)
    if statement := match_statement(label):
        weak = weak_statement_match(label)
        return Candidate(line, label, RUN_IN, statement=statement, weak=weak)
    if shared := match_shared_statements(label):
        return Candidate(line, label, RUN_IN, statement=shared[0], shared=shared[1:])
    if kind := subsection_kind(label):
        return Candidate(line, label, RUN_IN, subsection=kind)
    if special := _special(label):
        return Candidate(line, text[:120], RUN_IN, special=special)
    return None
