"""Cutting passages into whole sentences and quotations for the draft.

Passages come from extracted text: a paragraph may begin mid-sentence (split
across a page break) or stop mid-sentence (cut at the passage limit). The
draft quotes only whole sentences, so such fragments are dropped.
"""

from __future__ import annotations

import re

from assure.extracting.consistency import PLACEHOLDER
from assure.parsing.statements import is_bare_name

# A sentence ends at . ! or ? (maybe followed by a closing quote or bracket),
# then space, then something that can start a sentence.
BOUNDARY = re.compile(r"([.!?][\"'”’)]*)\s+(?=[\"'“‘(]?[A-Z0-9£])")
# Abbreviations after which a full stop does not end the sentence.
ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|Cllr|No|approx|vs|St)\.$", re.I)
END = re.compile(r"[.!?][\"'”’)]*$")
QUOTE = re.compile(r"[“\"]([^“”\"]{20,400})[”\"]")
MARKUP = re.compile(r"\*\*|__|</?[a-z][a-z0-9]*\s*/?>", re.I)
BULLET = re.compile(r"^\s*(?:[-*•▪◦●·–]|\(?\d{1,2}[.)]|\(?[a-z]\))\s+")
SPACE = re.compile(r"\s+")
SPACE_BEFORE_STOP = re.compile(r"\s+([.,;:!?])")
# A sentence that points at a table or chart the draft does not carry.
POINTS_ELSEWHERE = re.compile(
    r"\b(?:table|chart|graph|diagram|figure)s?\s+(?:below|above|overleaf)\b"
    r"|\b(?:below|above)\s+(?:table|chart|graph)\b",
    re.I,
)
# Sentences that are about the document or the framework, not the council's
# care: the regulator's "What people expect" and "We statements", an agenda
# item's purpose ("To note the minutes..."), a section's signposting.
NOT_EVIDENCE = re.compile(
    r"(?:what people expect|the local authority commitment|(?:we|i)[- ]statements?)\s*:"
    r"|to (?:note|receive|consider|agree|approve|endorse|comment on|remind)\b"
    r"|this (?:theme|section|chapter|part|report|plan|document|self-assessment)"
    r" (?:covers|sets out|describes|summarises|brings together)\b",
    re.I,
)
PROSE_CELL_WORDS = 8
NUMERIC = re.compile(r"[(£]?[-+]?\d[\d,.]*(?:%|[km])?[)]?")
MAX_SENTENCE = 450
# Words that introduce what someone said, looked for just before a quotation.
SPEECH = re.compile(
    r"\b(?:said|says|say|told|tell|telling|describ\w*|comment\w*|felt|feel|feels|reported"
    r"|explain\w*|stated|wrote|added|asked|called it|put it|in (?:their|his|her|our) words"
    r"|according to|quotes?d?)\b",
    re.I,
)
SPEECH_REACH = 80


def clean(text: str) -> str:
    """Text without markdown bold, HTML remnants, a leading list bullet and
    runs of spaces."""
    text = SPACE.sub(" ", MARKUP.sub("", text)).strip()
    return SPACE_BEFORE_STOP.sub(r"\1", BULLET.sub("", text))


def balanced(sentence: str) -> str:
    """The sentence without a quotation mark that opens or closes nothing
    (its partner was left in the neighbouring sentence)."""
    for mark, opening, closing in (('"', '"', '"'), ("“", "“", "”")):
        opens, closes = sentence.count(opening), sentence.count(closing)
        if mark == '"':
            if opens % 2 and sentence.startswith(mark):
                sentence = sentence[1:].lstrip()
            elif opens % 2 and sentence.endswith(mark):
                sentence = sentence[:-1].rstrip()
        elif opens > closes and sentence.startswith(opening):
            sentence = sentence[1:].lstrip()
        elif closes > opens and sentence.endswith(closing):
            sentence = sentence[:-1].rstrip()
    return sentence


def unpunctuated_title(text: str) -> bool:
    """A title such as a case study's name: no full stop, mostly capitalised words."""
    if END.search(text):
        return False
    words = [w for w in text.split() if w[:1].isalpha()]
    if not words or (":" in text and len(words) <= 12):
        return True
    return sum(w[:1].isupper() for w in words) > 0.5 * len(words)


def table_row(text: str) -> bool:
    """A row of a table of figures read as text ("Carers receiving direct
    payments (%) 74.0 76.8 71.3"): without its column headings it says nothing.
    A row whose cells are tab-separated counts unless one cell is prose (a
    layout table holding paragraphs)."""
    if "\t" in text:
        return not any(len(cell.split()) >= PROSE_CELL_WORDS for cell in text.split("\t"))
    run = 0
    for token in text.split():
        run = run + 1 if NUMERIC.fullmatch(token) else 0
        if run == 3:  # prose never sets three bare numbers side by side
            return True
    return False


def heading_like(sentence: str) -> bool:
    """A numbered or capitalised heading that ended up inside a passage."""
    letters = [c for c in sentence if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` in order, fragments included."""
    pieces: list[str] = []
    # clean() leaves no newlines, so one marks where each sentence ends.
    for piece in BOUNDARY.sub("\\1\n", clean(text)).split("\n"):
        if pieces and ABBREVIATIONS.search(pieces[-1]):
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return [p.strip() for p in pieces if p.strip()]


def whole_sentences(text: str) -> list[str]:
    """The whole sentences of ``text``: a leading piece that starts in lower
    case (the tail of a sentence from the page before) and a trailing piece
    without a full stop (a cut-off sentence) are dropped. A passage that is one
    unpunctuated line, such as a list item, is kept as it is."""
    if table_row(text):
        return []
    pieces = split_sentences(text)
    if len(pieces) > 1 and pieces[0][:1].islower():
        pieces = pieces[1:]
    if len(pieces) > 1 and not END.search(pieces[-1]):
        pieces = pieces[:-1]
    if len(pieces) == 1 and (pieces[0][:1].islower() or unpunctuated_title(pieces[0])):
        return []
    return [
        p
        for p in map(balanced, pieces)
        if len(p) <= MAX_SENTENCE
        and len(p.split()) >= 4
        and not heading_like(p)
        and not table_row(p)
        and not POINTS_ELSEWHERE.search(p)
        and not PLACEHOLDER.search(p)  # "TO BE COMPLETED": a gap, never a claim
        and not NOT_EVIDENCE.match(p)
        and not is_bare_name(p)  # a heading left in the text
        and not p.endswith(":")  # a lead-in to a list, nothing on its own
    ]


def lead_sentences(text: str, limit: int = 2, budget: int = 400) -> str | None:
    """Up to ``limit`` whole sentences from the start of ``text`` within
    ``budget`` characters (always at least one), or ``None`` if there is none."""
    chosen: list[str] = []
    for sentence in whole_sentences(text):
        if chosen and (len(chosen) >= limit or sum(map(len, chosen)) + len(sentence) > budget):
            break
        chosen.append(sentence)
    return " ".join(chosen) if chosen else None


def sentence_with(text: str, needle: str) -> str | None:
    """The first whole sentence of ``text`` that contains ``needle``."""
    needle = clean(needle)
    for sentence in whole_sentences(text):
        if needle and needle in sentence:
            return sentence
    return None


def quotations(text: str) -> list[str]:
    """Quoted speech in ``text`` (inside straight or curly double quotes), of
    at least four words: a quote that opens the passage, a whole quoted
    sentence, or words someone is said to have said ('One carer said "...'). A
    quoted name ('Our vision, "Living well, your way"') is not speech."""
    found = []
    for match in QUOTE.finditer(text):
        words = clean(match.group(1)).strip(" ,")
        if len(words.split()) < 4:
            continue
        before = text[max(0, match.start() - SPEECH_REACH) : match.start()]
        opens = not text[: match.start()].strip()
        sentence = words[:1].isupper() and bool(END.search(words))
        if opens or sentence or SPEECH.search(before):
            found.append(words)
    return found


def key(text: str) -> str:
    """What two sentences share when they say the same thing."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
