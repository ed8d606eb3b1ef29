"""Which quality statement (or theme) a piece of text names.

Councils and the regulator write the nine statement names in many ways: as a
heading ("7 ASSESSING NEEDS", "Quality Statement 1: Assessing Needs"), as a
run-in label ("Safeguarding:", "Assessing Need -"), behind the theme
("Working with people: Assessing needs", "Theme 1 – QS2"), in capitals, with
"&" for "and", singular for plural. Matching is done on a folded form of the
text (lower case, punctuation dropped, simple plurals singular) against the
framework file's statement names and aliases, so a new alias is a data change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from assure.framework import Framework, load_framework

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
# How themes are named besides the framework's own name (the regulator's
# reports say "How the local authority works with people").
THEME_VARIANTS = {
    "working-with-people": ("how the local authority works with people", "working with people"),
    "providing-support": ("how the local authority provides support",),
    "ensuring-safety": (
        "ensuring safety within the system",
        "how the local authority ensures safety within the system",
        "how the local authority ensures safety",
    ),
    "leadership": ("leadership and workforce", "well led"),
}
# Words that describe a theme in a regulator's or council's own phrasing.
THEME_WORDS = {
    "working-with-people": {"work", "working", "people"},
    "providing-support": {"support", "providing", "provide"},
    "ensuring-safety": {"safety", "safe", "ensuring", "ensure"},
    "leadership": {"leadership", "lead", "led", "leader"},
}
_NUMERAL = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|[a-d])"
_SEP = r"\s*(?:[:.)\-–—|/]\s*)*"
THEME_PREFIX = re.compile(rf"^(?:part|theme)\s+{_NUMERAL}\b{_SEP}", re.IGNORECASE)
STATEMENT_PREFIX = re.compile(
    rf"^(?:quality\s+statement|qs|statement)\s*{_NUMERAL}\b{_SEP}", re.IGNORECASE
)
# "Quality statement: Assessing needs" names the statement without a number.
STATEMENT_LABEL = re.compile(r"^quality\s+statement\s*[:\-–—]\s*", re.IGNORECASE)
OUTLINE_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}|[a-z]\)|[ivx]{1,4}\.)\.?\s+", re.I)
LOOSE_EXTRA_WORDS = 4
MAX_WRAPPED = 80  # longer lines are prose, not the first half of a heading
# A house-style code for a statement, e.g. "T1-QS2" or "QS 2" in a table cell.
CODE = re.compile(r"^t(?:heme)?\s*(\d)\s*[-–.:]?\s*qs\s*(\d)$", re.IGNORECASE)


@lru_cache(maxsize=8192)  # the same headings are folded by every family's reading
def fold(text: str) -> str:
    """Text reduced for comparison: lower case, "&" as "and", punctuation and
    Markdown marks dropped, hyphens inside words closed up, plurals singular.

    >>> fold("EQUITY IN EXPERIENCES & OUTCOMES")
    'equity in experience and outcome'
    """
    text = text.lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", "", text)
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    return " ".join(_singular(word) for word in text.split())


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class Names:
    """The folded names of statements and themes, longest first."""

    statements: tuple[tuple[str, str], ...]  # (folded name, statement id)
    themes: tuple[tuple[str, str], ...]  # (folded name, theme id)
    order: tuple[str, ...]  # statement ids in framework order
    theme_of: dict[str, str]


@cache
def names(framework_id: str | None = None) -> Names:
    framework: Framework = load_framework(framework_id) if framework_id else load_framework()
    statements = {fold(name): s.id for s in framework.statements for name in (s.name, *s.aliases)}
    themes = {fold(t.name): t.id for t in framework.themes}
    for theme_id, variants in THEME_VARIANTS.items():
        themes.update({fold(v): theme_id for v in variants})
    return Names(
        statements=tuple(sorted(statements.items(), key=lambda p: -len(p[0]))),
        themes=tuple(sorted(themes.items(), key=lambda p: -len(p[0]))),
        order=tuple(s.id for s in framework.statements),
        theme_of={s.id: framework.theme_of(s.id).id for s in framework.statements},
    )


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word) or ("abcd".index(word) + 1 if word in "abcd" else None)


def split_theme(text: str) -> tuple[str | None, str]:
    """The theme a heading starts with (by number or name) and the rest of it.

    >>> split_theme("Theme 1 – QS2")
    ('working-with-people', 'QS2')
    """
    known = names()
    themes_in_order = _themes_in_order()
    rest = OUTLINE_NUMBER.sub("", text.strip().lstrip("#*- ").strip(), count=1)
    theme: str | None = None
    if match := THEME_PREFIX.match(rest):
        number = _number(match[1])
        if number and 1 <= number <= len(themes_in_order):
            theme = themes_in_order[number - 1]
        rest = rest[match.end() :]
    folded = fold(rest)
    for name, theme_id in known.themes:
        if folded.startswith(name) and (len(folded) == len(name) or folded[len(name)] == " "):
            if theme is None or theme == theme_id:
                theme = theme_id
                rest = _drop_words(rest, len(name.split()))
            break
    return theme, rest.strip(" :.-–—|")


@cache
def _themes_in_order() -> list[str]:
    """The themes' ids in the order of their statements."""
    known = names()
    return list(dict.fromkeys(known.theme_of[s] for s in known.order))


def _drop_words(text: str, count: int) -> str:
    """``text`` without its first ``count`` words as ``fold`` counts them."""
    words = re.findall(r"[A-Za-z0-9’'&-]+|[^A-Za-z0-9’'&\s-]+", text)
    kept, seen = [], 0
    for word in words:
        if seen < count and fold(word):
            seen += len(fold(word).split())
            continue
        if seen >= count:
            kept.append(word)
    return " ".join(kept)


def match_statement(text: str) -> str | None:
    """The statement id a heading or label names as a whole, else ``None``.

    Accepts numbering, theme prefixes and statement numbers ("QS2",
    "Quality statement 7"); the rest must be a statement's name or alias,
    possibly followed by a separator and more words ("Assessing needs – our
    story" names assessing needs, "Assessing needs is our priority" does not).

    >>> match_statement("7 ASSESSING NEEDS")
    'assessing-needs'
    >>> match_statement("Working with people: Assessing need -")
    'assessing-needs'
    """
    found = _match(text)
    return found[0] if found else None


def loose_statement_match(text: str) -> str | None:
    """The statement a heading opens with, even without a separator after the
    name ("Assessing needs and care planning"): for numbered or styled
    headings only, where the line is known to be a heading. The name must be
    of two or more words and be followed by no more than four others."""
    if found := match_statement(text):
        return found
    if not text or len(text) > 200:
        return None
    _, rest = split_theme(text)
    folded = fold(STATEMENT_LABEL.sub("", rest))
    for name, statement_id in names().statements:
        extra = folded[len(name) :].split() if folded.startswith(name + " ") else None
        if extra and len(name.split()) > 1 and len(extra) <= LOOSE_EXTRA_WORDS:
            return statement_id
    return None


def weak_statement_match(text: str) -> bool:
    """Whether ``text`` names its statement only by a one-word alias that is
    not the statement's name ("Partnership", "Governance"): such headings are
    often sub-headings about the topic rather than the statement's section."""
    found = _match(text)
    return bool(found and not found[1])


@lru_cache(maxsize=65536)
def _match(text: str) -> tuple[str, bool] | None:
    """The statement named and whether it was named strongly (by number, full
    name or an alias of two or more words)."""
    if not text or len(text) > 200:
        return None
    known = names()
    theme, rest = split_theme(text)
    by_number = None
    if (code := CODE.match(rest.strip())) is not None:
        theme_id = _theme_by_index(int(code[1]))
        found = _statement_by_number(int(code[2]), theme_id or theme)
        return (found, True) if found else None
    if match := STATEMENT_PREFIX.match(rest):
        by_number = _statement_by_number(_number(match[1]) or 0, theme)
        rest = rest[match.end() :]
    elif match := STATEMENT_LABEL.match(rest):
        rest = rest[match.end() :]
    folded = fold(rest)
    for name, statement_id in known.statements if folded else ():
        if not folded.startswith(name):
            continue  # neither the name nor the name and more words
        if len(folded) == len(name) or (folded[len(name)] == " " and _separated(rest, name)):
            if by_number and by_number != statement_id:
                break  # the number and the name disagree: trust the number
            return statement_id, by_number is not None or _strong(name, statement_id)
    return (by_number, True) if by_number else None


def _strong(name: str, statement_id: str) -> bool:
    official = fold(load_framework().statement(statement_id).name)
    return len(name.split()) > 1 or name == official


def _separated(original: str, name: str) -> bool:
    """Whether the statement name in ``original`` is followed by a separator."""
    words = len(name.split())
    tail = _drop_words(original, words)
    return bool(re.match(r"^\s*[:.\-–—|(]", tail)) or not tail.strip()


def _theme_by_index(index: int) -> str | None:
    known = names()
    ordered = list(dict.fromkeys(known.theme_of[s] for s in known.order))
    return ordered[index - 1] if 1 <= index <= len(ordered) else None


def _statement_by_number(number: int, theme: str | None) -> str | None:
    """Statement ``number``: counted across the framework, or within ``theme``
    when the global count would fall outside it ("Theme 2 – QS1")."""
    known = names()
    global_id = known.order[number - 1] if 1 <= number <= len(known.order) else None
    if theme is None or (global_id and known.theme_of[global_id] == theme):
        return global_id
    local = [s for s in known.order if known.theme_of[s] == theme]
    return local[number - 1] if 1 <= number <= len(local) else global_id


def is_bare_name(text: str) -> bool:
    """Whether ``text`` is nothing but a statement's or a theme's name, perhaps
    numbered ("8 Governance, management and sustainability"): a heading left
    in running text, where "Safeguarding: we triage ..." is a labelled sentence."""
    folded = fold(OUTLINE_NUMBER.sub("", text.strip(), count=1))
    return folded in _bare_names()


@cache
def _bare_names() -> frozenset[str]:
    known = names()
    return frozenset(name for name, _ in (*known.statements, *known.themes))


def match_theme(text: str) -> str | None:
    """The theme id a heading names ("PART A - WORKING WITH PEOPLE", "Theme 3:
    Ensuring safety", "Theme 4"), when it names no statement, else ``None``."""
    if not text or len(text) > 200:
        return None
    theme, rest = split_theme(text)
    if theme is None or match_statement(text):
        return None
    if not fold(rest):
        return theme
    # "Theme 1: How Ashford works with people" names its theme by number and
    # describes it in the council's own words.
    numbered = THEME_PREFIX.match(OUTLINE_NUMBER.sub("", text.strip().lstrip("#*- "), count=1))
    words = set(fold(rest).split())
    return theme if numbered and words & THEME_WORDS.get(theme, set()) else None


def theme_prefix(text: str) -> tuple[str | None, str]:
    """The theme a heading opens with and what follows it, e.g. a theme-level
    "WORKING WITH PEOPLE THINGS WE ARE PROUD OF" gives the theme and the rest."""
    return split_theme(text)


def begins_statement_name(text: str) -> bool:
    """Whether ``text`` is the first part of a statement's name of two or more
    words, as when a heading wraps onto a second line ("Care provision,
    integration and")."""
    if len(text) > MAX_WRAPPED:
        return False
    bare = OUTLINE_NUMBER.sub("", text.strip().lstrip("#*- ").strip(), count=1)
    folded = fold(STATEMENT_PREFIX.sub("", bare))
    if len(folded.split()) < 2:
        return False
    opening = folded + " "
    return any(name.startswith(opening) for name in _long_statement_names())


@cache
def _long_statement_names() -> tuple[str, ...]:
    """The folded statement names of three words or more, longest first."""
    return tuple(name for name, _ in names().statements if len(name.split()) > 2)


def names_by_number_only(text: str) -> bool:
    """Whether ``text`` is a statement's or theme's number with nothing after
    it ("Quality Statement 2:", "Theme 1 -"), as when a PDF puts the name on
    the next line."""
    bare = OUTLINE_NUMBER.sub("", text.strip().lstrip("#*- ").strip(), count=1)
    match = STATEMENT_PREFIX.match(bare) or THEME_PREFIX.match(bare)
    return match is not None and not fold(bare[match.end() :])


def match_shared_statements(text: str) -> tuple[str, ...]:
    """Two statements named as one ("Safe systems, pathways, transitions and
    safeguarding"): the words split into two statements' names, read without
    their "and"s, since a list run together keeps only its last "and".

    >>> match_shared_statements("Safe systems, pathways, transitions and safeguarding")
    ('safe-systems', 'safeguarding')
    """
    if not text or len(text) > 200:
        return ()
    _, rest = split_theme(text)
    words = fold(STATEMENT_LABEL.sub("", rest)).split()
    by_words = _statements_without_and()
    for cut in range(1, len(words)):
        if words[cut - 1] != "and" and words[cut] != "and":
            continue
        first = by_words.get(_without_and(" ".join(words[:cut])))
        second = by_words.get(_without_and(" ".join(words[cut:])))
        if first and second and first != second:
            return first, second
    return ()


@cache
def _statements_without_and() -> dict[str, str]:
    """Statement ids by their folded names read without "and"."""
    return {_without_and(name): sid for name, sid in names().statements}


def _without_and(folded: str) -> str:
    return " ".join(w for w in folded.split() if w != "and")


def theme_of(statement_id: str) -> str | None:
    return names().theme_of.get(statement_id)


def statement_order(statement_id: str) -> int:
    """Position of a statement in the framework (1-based; 0 if unknown)."""
    order = names().order
    return order.index(statement_id) + 1 if statement_id in order else 0


def statement_ids() -> tuple[str, ...]:
    return names().order


def statement_mentions(text: str) -> list[str]:
    """Statements named anywhere in running text, in order of first mention.

    Only full names and aliases of two or more words count, plus the one-word
    name "Safeguarding" when it stands as a title (capitalised), so that the
    everyday words "prevention" or "learning" do not count as mentions.

    >>> statement_mentions("care provision, integration & continuity; equity in outcomes")
    ['care-provision', 'equity']
    """
    if not text:
        return []
    folded = f" {fold(text)} "
    found: list[tuple[int, str]] = []
    for name, statement_id in names().statements:
        if len(name.split()) < 2:
            continue
        position = folded.find(f" {name} ")
        if position >= 0:
            found.append((position, statement_id))
    if (title := re.search(r"\bSafeguarding\b(?!\s+[a-z])", text)) is not None:
        found.append((len(fold(text[: title.start()])), "safeguarding"))
    first: dict[str, int] = {}
    for position, statement_id in sorted(found):
        first.setdefault(statement_id, position)
    return list(first)


@cache
def name_pattern() -> str:
    """A regular expression (no groups) for any statement's name or alias as
    written in running text, "&" for "and" and any spacing allowed; longest first."""
    framework = load_framework()
    spelled = {name for s in framework.statements for name in (s.name, *s.aliases)}
    words = (
        [r"(?:and|&)" if w.lower() == "and" else re.escape(w) for w in name.split()]
        for name in spelled
    )
    return "|".join(sorted((r"\s+".join(w) for w in words), key=len, reverse=True))
