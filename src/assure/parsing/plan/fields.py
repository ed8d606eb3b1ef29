"""The small fields of an improvement plan: leads, timeframes, status, codes, direction.

Each function reads one cell or one line as councils write it and returns
``None`` or an empty tuple rather than raising on text it cannot read.
"""

from __future__ import annotations

import re

# Regulator recommendation codes: "O12", "O 12", "R3", lists such as "O7/8"; CQC names
# areas for improvement rather than numbering them, so councils number them "AFI 2".
CODE = re.compile(r"(?<![A-Za-z0-9])(AFI|AfI|[OR]) ?(\d{1,2})((?:\s*/\s*\d{1,2})*)(?![\d.%:])")

_QUARTER = r"(?:Q|Qtr\.?\s?|Quarter\s)[1-4]"
_FIN_YEAR = r"(?:20\d\d|\d\d)\s?[/\-–]\s?\d\d(?:\d\d)?"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
TIMEFRAME = re.compile(
    rf"(?:(?:by|from|before|until|during)\s+(?:the\s+)?)?(?:end\s+of\s+)?(?:"
    rf"{_QUARTER}(?:\s?[-–/&]\s?{_QUARTER})?(?:\s+{_FIN_YEAR})?"
    rf"|(?:[0-3]?\d(?:st|nd|rd|th)?\s+)?{_MONTH}\.?\s+20\d\d"
    rf"(?:\s?[-–]\s?{_MONTH}\.?\s+20\d\d)?"
    rf"|{_MONTH}(?:\.?\s+[’']?|-)[1-4]\d(?!\d)"  # "Sept 24", "Mar '25", "Mar-25"
    rf"|20\d\d-[01]\d-[0-3]\d"
    rf"|(?:[0-3]?\d/[01]?\d/(?:20)?\d\d)"
    rf"|{_FIN_YEAR}"
    rf"|ongoing|on-going|on going|immediate(?:ly)?"
    rf")(?![\w/])",
    re.IGNORECASE,
)
QUARTER_HEADER = re.compile(rf"^(?:{_QUARTER}|{_MONTH}|20\d\d)\b", re.IGNORECASE)

STATUS = re.compile(
    r"\b(?:RAG(?: rating| status)?\s*[:\-]?\s*(?:red|amber|green|blue)"
    r"|complete[d]?|on track|off track|in progress|not started|not yet started|delayed"
    r"|overdue|at risk|achieved|closed|superseded|partially (?:complete|met|achieved)"
    r"|on hold|paused|cancell?ed|deferred|not yet due|slipped|behind schedule|embedded"
    r"|red|amber|green)\b",
    re.IGNORECASE,
)

RAG_LETTERS = re.compile(r"^\s*(?:[RAGB]|[RAGB]\s?/\s?[RAG]|BG|AG|RA)\s*$")

ROLE_WORDS = frozenset(
    [
        "head",
        "director",
        "manager",
        "officer",
        "board",
        "council",
        "service",
        "services",
        "team",
        "lead",
        "chair",
        "children",
        "adult",
        "adults",
        "social",
        "care",
        "partnership",
        "committee",
        "group",
        "police",
        "safeguarding",
        "assistant",
        "executive",
        "chief",
        "principal",
        "programme",
        "member",
        "members",
        "cabinet",
        "commissioning",
        "health",
        "strategic",
        "interim",
        "acting",
        "deputy",
        "senior",
        "workforce",
        "quality",
        "performance",
        "all",
        "partner",
        "nurse",
        "worker",
    ]
)
NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O'[A-Z][a-z]+)$"
)
# Words that make a phrase a post of its own, not a qualifier of the post before it:
# "Nadia Brook, Head of Localities" names two things, "Commissioning Manager, Home Care" one.
JOB_TITLE = re.compile(
    r"\b(?:head|director|manager|officer|lead|chair|member|worker|nurse|partner|advis[eo]r"
    r"|co-?ordinator|assistant|executive|councillor|cllr)s?\b",
    re.IGNORECASE,
)
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}s?$")
DASH_SPLIT = re.compile(r"\s+[–—-]\s+|\s*[–—]\s*")

UP = re.compile(
    r"\b(?:increas\w*|ris(?:e|es|ing)|higher|improv\w*|more|grow\w*|greater|up)\b", re.IGNORECASE
)
DOWN = re.compile(
    r"\b(?:reduc\w*|decreas\w*|lower|fewer|less|declin\w*|fall\w*|falls|down|eliminat\w*)\b",
    re.IGNORECASE,
)
KEEP = re.compile(r"\b(?:maintain\w*|sustain\w*|remain\w*|stable|steady)\b", re.IGNORECASE)
EXPLICIT = re.compile(
    r"(?:good performance (?:will|would|is)\s+(?:show|be|mean)\w*\s+(?:this|the \w+|a|an)?\s*"
    r"|(?:is|are)\s+better\b|good is\s+)",
    re.IGNORECASE,
)
BETTER = re.compile(
    r"\b(higher|lower|more|less|fewer|bigger|smaller)\s+is\s+better\b", re.IGNORECASE
)


def recommendation_codes(text: str) -> tuple[str, ...]:
    """Regulator recommendation codes in ``text``, in order, without repeats.

    >>> recommendation_codes("(O3,O4 O5, O7/8)")
    ('O3', 'O4', 'O5', 'O7', 'O8')
    """
    found: list[str] = []
    for match in CODE.finditer(text):
        letter = match.group(1).upper()
        numbers = [match.group(2), *re.findall(r"\d{1,2}", match.group(3) or "")]
        for number in numbers:
            code = f"{letter}{int(number)}"
            if int(number) > 0 and code not in found:
                found.append(code)
    return tuple(found)


def timeframe_of(text: str) -> str | None:
    """The first timeframe written in ``text`` ("Q3 2018/19", "by March 2019"), as written."""
    match = TIMEFRAME.search(text)
    return match.group(0).strip() if match else None


def status_of(text: str) -> str | None:
    """The first progress status in ``text`` ("Complete", "On track", "RAG: Amber"); a
    cell holding only a RAG letter ("G", "A/G", "BG") is that letter as written."""
    if RAG_LETTERS.match(text):
        return text.strip()
    match = STATUS.search(text)
    return match.group(0).strip() if match else None


def looks_like_person(text: str) -> bool:
    tokens = text.split()
    if not 2 <= len(tokens) <= 4:
        return False
    return all(NAME_TOKEN.match(t) for t in tokens) and not any(
        t.lower() in ROLE_WORDS for t in tokens
    )


def _split_run(tokens: list[str]) -> list[str]:
    """Names written one after another without separators: "Ann Lee Tom Cole"."""
    names: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 4 and len(run) % 2 == 0:
            names.extend(" ".join(run[i : i + 2]) for i in range(0, len(run), 2))
        elif run:
            names.append(" ".join(run))
        run.clear()

    for token in tokens:
        if ACRONYM.match(token):
            flush()
            names.append(token)
        else:
            run.append(token)
    flush()
    return names


def qualified_post(commas: list[str]) -> bool:
    """A post and the team or area it covers: "Commissioning Manager, Home Care"."""
    post, *rest = commas
    return (
        len(rest) == 1
        and not looks_like_person(post)
        and len(rest[0].split()) <= 3
        and not JOB_TITLE.search(rest[0])
        and not looks_like_person(rest[0])
    )


def split_leads(text: str, several: bool = False) -> tuple[str, ...]:
    """Lead names or roles in a lead cell or a "Strategic lead:" line.

    Names joined by separators or simply run together are split; a name followed
    by its role ("Ann Lee – Head of Service") keeps the name; a role alone is kept,
    with its qualifier ("Commissioning Manager, Home Care"). Where the label says
    there are ``several`` ("Leads:"), "and" joins two leads, not words of one post.

    >>> split_leads("Ann Lee Tom Cole")
    ('Ann Lee', 'Tom Cole')
    """
    text = text.strip().strip(".;,")
    if not text:
        return ()
    leads: list[str] = []
    separators = r"\s*[;/\n]\s*|\s+&\s+" + (r"|\s+and\s+" if several else "")
    for part in re.split(separators, text):
        part = part.strip(" ,.*")
        if not part:
            continue
        pair = [p.strip() for p in re.split(r"\s+and\s+", part)]
        if len(pair) > 1 and all(looks_like_person(p) for p in pair):
            leads.extend(pair)
            continue
        pieces = [p.strip(" ,") for p in DASH_SPLIT.split(part) if p.strip(" ,")]
        if len(pieces) > 1:
            person = next((p for p in pieces if looks_like_person(p.split(",")[0].strip())), None)
            leads.append(person.split(",")[0].strip() if person else pieces[0])
            continue
        commas = [p.strip() for p in part.split(",") if p.strip()]
        if len(commas) > 1:
            if all(looks_like_person(p) or ACRONYM.match(p) for p in commas):
                leads.extend(commas)
            elif qualified_post(commas):
                leads.append(part)
            else:
                leads.append(commas[0])
            continue
        tokens = part.split()
        if all(NAME_TOKEN.match(t) or ACRONYM.match(t) for t in tokens) and not any(
            t.lower() in ROLE_WORDS for t in tokens
        ):
            leads.extend(_split_run(tokens))
        else:
            leads.append(part)
    return tuple(dict.fromkeys(lead for lead in leads if lead))


def direction_of(text: str) -> str | None:
    """Which way good performance goes for a success measure: "up", "down" or "maintain".

    >>> direction_of("Reduction in placement moves")
    'down'
    """
    if better := BETTER.search(text):
        return "up" if better.group(1).lower() in {"higher", "more", "bigger"} else "down"
    explicit = EXPLICIT.search(text)
    tail = text[explicit.end() :] if explicit else text
    best: tuple[int, str] | None = None
    for pattern, direction in ((UP, "up"), (DOWN, "down"), (KEEP, "maintain")):
        match = pattern.search(tail)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), direction)
    return best[1] if best else None
