"""People as packs list them: membership lists and attendance blocks.

"Councillors Smith (Chair), Jones and Patel" is three people; "Steve Comb,
Head of Corporate Parenting" is one person with a role. Names keep their
honorific ("Councillor A Smith"); the role is split off.
"""

from __future__ import annotations

import re

ROLE_WORDS = re.compile(
    r"\b(?:director|head|officer|manager|chair(?:man|woman|person)?|vice|lead|executive|"
    r"advis[eo]r|clerk|secretary|co-?ordinator|consultant|nurse|commissioner|representative|"
    r"principal|assistant|deputy|governance|portfolio|strategic|service|services|chief|"
    r"inspector|superintendent|healthwatch|nhs|ccg|police|board|team|partnership|trust|"
    r"council|co-?opt(?:ee|ed)|member|observer|substitute|sub|cabinet|practitioner|"
    r"analyst|adviser|scrutiny|democra\w*|solicitor|monitoring|corporate|public\s+health|"
    r"doctor|designated|clinical|safeguarding|detective|constable|sergeant|"
    r"general\s+practitioner|pharmacist|commissioning)\b",
    re.IGNORECASE,
)
HONORIFIC = (
    r"(?:councillors?|cllrs?\.?|mr|mrs|ms|miss|dr|prof(?:essor)?|rev(?:erend)?|revd|sir|dame|"
    r"(?:chief\s+)?(?:superintendent|inspector))"
)
# A list's marker: "•", "-", "▪", and the private-use bullets PDFs extract.
BULLET = re.compile("^[-•*▪●◦\uf0b7\uf0a7\u2023\u2043\u27a2]\\s*")
PLURAL = re.compile(r"^(councillors|cllrs\.?)\s*:?\s+", re.IGNORECASE)
AND_AT_END = re.compile(r"\s+(?:and|&)\s$")
SPLIT = re.compile(r"[(),]")
SPLIT_AND = re.compile(r"[(),]|\s")
LABEL = re.compile(
    r"(?:^|(?<=\s))(?:co-?opted\s+members?|co-?optees?|members?|substitutes?|observers?)\s*:\s*",
    re.IGNORECASE,
)
BRACKETED_ROLE = re.compile(r"\s*\(([^()]{2,80})\)\s*$")
ROLE_THEN_MORE = re.compile(
    r"^(?P<name>[^(),]{3,60}?)\s*\((?P<role>[^()]{2,40})\)\s*,\s*(?P<more>[^(),]*\b(?:leader|director|chair|member|head|officer|portfolio|lead|manager)\b[^()]*)$",
    re.IGNORECASE,
)
DASHED_ROLE = re.compile(r"^(.{3,60}?)\s+[–-]\s+(.{3,120})$")
NAME = re.compile(
    rf"^(?:{HONORIFIC}\s+)?[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|de|van|von|le|la|del|bin|al|O'\w+)){{0,5}}$"
)
FILLER = re.compile(
    r"^(?:and|none|nil|n/?a|no apologies.*|none received|members?|name|role|title)$", re.IGNORECASE
)
# What is left of a label a line break split ("Present – Board Members" over
# "and Substitutes:"): words that name groups of people, never a person.
LABEL_ONLY = re.compile(
    r"^(?:(?:and|&|the|of|board|committee|panel|cabinet|council|voting|non-voting|co-?opted|"
    r"members?|substitutes?|officers?|present|also|in|attendance|councillors?|co-?optees?|"
    r"observers?|others?|virtually|remotely)\b[\s,:]*)+$",
    re.IGNORECASE,
)
# Honours written after a name, which are no part of it: "Mr P Lowther, OBE",
# "Sir Peter Marchant CBE".
POST_NOMINAL = re.compile(
    r"(?:,?\s+|^)(?:OBE|MBE|CBE|KBE|DBE|BEM|QPM|DL|JP|QC|KC|MP|MEP|FRCP|FRCGP|FCA|FRSA)\b\.?",
)


def split_role(entry: str) -> tuple[str, str | None]:
    """``"Steve Comb, Head of Corporate Parenting"`` -> name and role."""
    entry = entry.strip(" .;,:-–\t")
    if match := ROLE_THEN_MORE.match(entry):
        return match["name"].strip(), f"{match['role']}, {match['more']}".strip(" ,")
    if (match := BRACKETED_ROLE.search(entry)) and not _comma_role(entry[: match.start()]):
        # "Councillor Jo Bloggs (Leader of the Council) (Chair)": every bracket is a role.
        roles = [match.group(1).strip()]
        name = entry[: match.start()].strip(" ,")
        while more := BRACKETED_ROLE.search(name):
            roles.insert(0, more.group(1).strip())
            name = name[: more.start()].strip(" ,")
        return name, ", ".join(roles)
    if "\t" in entry:
        cells = [cell.strip() for cell in entry.split("\t") if cell.strip()]
        if len(cells) >= 2:
            return cells[0], ", ".join(cells[1:])
    if "," in entry:
        name, role = entry.split(",", 1)
        if NAME.match(name.strip()) and (ROLE_WORDS.search(role) or len(role.split()) > 4):
            return name.strip(), role.strip(" ,")
    match = DASHED_ROLE.match(entry)
    if match and ROLE_WORDS.search(match.group(2)):
        name, role = match.group(1).strip(), match.group(2).strip()
        if bracket := BRACKETED_ROLE.search(name):
            name, role = name[: bracket.start()].strip(), f"{bracket.group(1)}, {role}"
        if NAME.match(name):
            return name, role
    return entry, None


def _comma_role(text: str) -> bool:
    """Whether ``text`` is "Name, Role", so that a bracket after it belongs
    to the role ("Naomi Kerr, Head of Finance (People)")."""
    name, comma, role = text.partition(",")
    return bool(comma) and bool(NAME.match(name.strip())) and bool(ROLE_WORDS.search(role))


def split_people(text: str) -> list[tuple[str, str | None]]:
    """Every person named in one line of a list, with their role where given."""
    # A label may also sit inside a line that a wrapped-line join ran together.
    text = LABEL.sub(";", BULLET.sub("", text.strip(" .;:\t")))
    if not text.strip("; ") or FILLER.match(text):
        return []
    people: list[tuple[str, str | None]] = []
    # "(Deputy Leader; Finance and Assets)": a semicolon in brackets is in a role;
    # "..., Councillors P Bright, M Cole": the plural opens a list of its own.
    parts = re.split(r";(?![^()]*\))|,\s*(?=(?:Councillors|Cllrs\.?)\s)", text)
    clauses = [column for part in parts for column in _columns(part.strip())]
    for clause in (clause for clause in clauses if clause):
        plural = PLURAL.match(clause)
        if plural:
            clause = clause[plural.end() :]
        found = _listed(clause, bool(plural))
        if found is None:
            found = [split_role(clause)]
        if plural:
            found = [(_councillor(name), role) for name, role in found]
        people.extend(found)
    people = [(without_honours(name), role) for name, role in people]
    return [(name, role) for name, role in people if _plausible(name)]


# Where a second person starts on a line that holds two columns of names run
# together: an honorific after the end of a name or its bracketed role
# ("Councillor A Bell (Chair) Councillor R Singh"), or an initial and surname
# after a role ("O Tasker, Head of Commissioning E Brodie, Governance Officer").
NEXT_COLUMN = re.compile(
    r"(?<=[\w')])\s+(?=(?-i:(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr|Professor)\s+[A-Z]))"
    r"|(?<=[a-z)])\s+(?=[A-Z]\.?\s+[A-Z][\w'-]+,)"
    # "Gwen Tillotson (Healthwatch) Superintendent Ray Collier (Police)": a
    # capitalised word after a bracketed role opens the next person.
    r"|(?<=\))\s+(?=[A-Z][\w'-]+\s)"
)
# The shapes of an officer's role: a few capitalised words, then the post
# ("Director of ...", "Head of ...", "Assistant Director", "Service Manager",
# "Democratic Services Officer", "Principal Social Worker").
ROLE_SHAPE = (
    r"(?:[A-Z][\w'-]*\s+){0,3}?(?:Director|Head|Manager|Officer|Principal|Chief|Lead|Adviser|"
    r"Advisor|Clerk|Consultant|Commissioner|Worker|Practitioner|Analyst|Solicitor|Chair)\b"
)
# Where a PDF ran two "Name, Role" entries into one line, the second name
# starts after the first role: "Gareth Pym, Director of Adult Social Care
# Naomi Kerr, Head of Finance (People)".
NEXT_PERSON_WITH_ROLE = re.compile(
    rf"(?<=[a-z)])\s+(?=(?P<name>(?:(?i:{HONORIFIC})\s+)?[A-Z][a-z][\w'-]*(?:\s+[A-Z]\.?)?"
    rf"\s+[A-Z][\w'-]+),\s+{ROLE_SHAPE})"
)
HAS_ROLE = re.compile(rf",\s+{ROLE_SHAPE}")
# A word after which the next name belongs to the same person or phrase.
KEEP_NEXT = rf"(?:and|&|for|of|by|to|{HONORIFIC})"
INITIAL_NAMES = re.compile(r"^[A-Z]\.?\s+[A-Z][\w'-]+(?:\s+[A-Z]\.?\s+[A-Z][\w'-]+)+$")


def _columns(clause: str) -> list[str]:
    """One line of names that a PDF read across two columns, split per person;
    "Councillors Smith and Jones" and "(substitute for Councillor X)" stay whole."""
    if PLURAL.match(clause) or "\t" in clause:
        return [clause]
    if INITIAL_NAMES.match(clause):
        return re.findall(r"[A-Z]\.?\s+[A-Z][\w'-]+", clause)  # "M Sowerby A Rahman"
    pieces, depth, start = [], 0, 0
    for found in NEXT_COLUMN.finditer(clause):
        depth = clause.count("(", 0, found.start()) - clause.count(")", 0, found.start())
        before = clause[start : found.start()].split()
        if depth == 0 and before and not re.fullmatch(KEEP_NEXT, before[-1], re.IGNORECASE):
            pieces.append(clause[start : found.start()])
            start = found.end()
    pieces.append(clause[start:])
    return [person for piece in pieces for person in _people_with_roles(piece.strip())]


def _people_with_roles(text: str) -> list[str]:
    """ "Name, Role Name, Role" split per person: a role of a known shape
    ends where a capitalised name followed by a comma and another role begins."""
    pieces, start = [], 0
    for found in NEXT_PERSON_WITH_ROLE.finditer(text):
        before = text[start : found.start()]
        named = found["name"].split()
        if HAS_ROLE.search(before) and not any(ROLE_WORDS.fullmatch(word) for word in named):
            pieces.append(before.strip())
            start = found.end()
    pieces.append(text[start:].strip())
    return pieces


def _listed(clause: str, plural: bool) -> list[tuple[str, str | None]] | None:
    """People of a comma or "and" list, or ``None`` when the clause is one person
    whose role follows a comma ("Jo Bloggs, Head of Service")."""
    pieces = [piece.strip() for piece in _split_commas(clause, and_too=True)]
    pieces = [piece for piece in pieces if piece]
    bare = [BRACKETED_ROLE.sub("", piece).strip() for piece in pieces]
    if len(pieces) < 2 or not all(NAME.match(piece) for piece in bare):
        return None
    # "Superintendent Ray Collier" is a rank and a name, not a role; and a piece
    # that opens with a title is a person, whatever the name ("Mrs J Lead", "Mr K Chair").
    unranked = [piece for piece in bare if not re.match(rf"{HONORIFIC}\s", piece, re.IGNORECASE)]
    if not plural and any(ROLE_WORDS.search(piece) for piece in unranked if piece != bare[0]):
        return None
    return [split_role(piece) for piece in pieces]


def _split_commas(text: str, and_too: bool = False) -> list[str]:
    """Pieces between commas (and, with ``and_too``, "and" or "&") outside
    brackets: "Jo Bloggs (Cabinet Member for Children and Families)" is one."""
    pieces, depth, start = [], 0, 0  # the piece so far is text[start:]
    # Only brackets, commas and spaces change anything: other characters just join the piece.
    for found in (SPLIT_AND if and_too else SPLIT).finditer(text):
        char, at = found.group(), found.start()
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            pieces.append(text[start:at])
            start = at + 1
        elif (
            char.isspace()
            and depth == 0
            # AND_AT_END is "and" or "&" and this space, after spaces, ending the piece.
            and (text[max(start, at - 3) : at] == "and" or text[max(start, at - 1) : at] == "&")
            and (joined := AND_AT_END.search(text, start, at + 1))
        ):
            pieces.append(text[start : joined.start()])
            start = at + 1
    pieces.append(text[start:])
    return [piece for piece in pieces if piece.strip()]


def _councillor(name: str) -> str:
    if re.match(HONORIFIC, name, re.IGNORECASE):
        return name
    return f"Councillor {name}"


def _plausible(name: str) -> bool:
    words = name.split()
    return (
        1 <= len(words) <= 8
        and any(c.isalpha() for c in name)
        and not FILLER.match(name)
        and not LABEL_ONLY.match(name)
        and len(name) <= 80
    )


def without_honours(name: str) -> str:
    """A name without the honours written after it: "Mr P Lowther, OBE" -> "Mr P Lowther"."""
    return POST_NOMINAL.sub("", name).strip(" ,")
