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
    r"analyst|adviser|scrutiny|democra\w*|solicitor|monitoring|corporate|public\s+health)\b",
    re.IGNORECASE,
)
HONORIFIC = r"(?:councillors?|cllrs?\.?|mr|mrs|ms|miss|dr|prof(?:essor)?|rev(?:erend)?|sir|dame)"
PLURAL = re.compile(r"^(councillors|cllrs\.?)\s+", re.IGNORECASE)
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


def split_role(entry: str) -> tuple[str, str | None]:
    """``"Steve Comb, Head of Corporate Parenting"`` -> name and role."""
    entry = entry.strip(" .;,:-–\t")
    if match := ROLE_THEN_MORE.match(entry):
        return match["name"].strip(), f"{match['role']}, {match['more']}".strip(" ,")
    if match := BRACKETED_ROLE.search(entry):
        return entry[: match.start()].strip(" ,"), match.group(1).strip()
    if "\t" in entry:
        cells = [cell.strip() for cell in entry.split("\t") if cell.strip()]
        if len(cells) >= 2:
            return cells[0], ", ".join(cells[1:])
    if "," in entry:
        name, role = entry.split(",", 1)
        if NAME.match(name.strip()) and (ROLE_WORDS.search(role) or len(role.split()) > 4):
            return name.strip(), role.strip(" ,")
    match = DASHED_ROLE.match(entry)
    if match and NAME.match(match.group(1)) and ROLE_WORDS.search(match.group(2)):
        return match.group(1).strip(), match.group(2).strip()
    return entry, None


def split_people(text: str) -> list[tuple[str, str | None]]:
    """Every person named in one line of a list, with their role where given."""
    text = text.strip(" .;:\t")
    if not text or FILLER.match(text):
        return []
    plural = PLURAL.match(text)
    if plural:
        text = text[plural.end() :]
    people: list[tuple[str, str | None]] = []
    for clause in (part for part in text.split(";") if part.strip()):
        name, role = split_role(clause)
        if role and not plural and not _is_list(clause):
            people.append((name, role))
            continue
        for part in re.split(r"\s+and\s+|\s+&\s+", clause):
            if part.strip():
                people.extend(_people_in(part, bool(plural)))
    if plural:
        people = [(_councillor(name), role) for name, role in people]
    return [(name, role) for name, role in people if _plausible(name)]


def _people_in(part: str, listed: bool) -> list[tuple[str, str | None]]:
    pieces = [piece.strip() for piece in _split_commas(part)]
    # Commas separate people when every piece is itself a name (or a name with a
    # bracketed role); otherwise the comma introduces a role.
    bare = [BRACKETED_ROLE.sub("", piece).strip() for piece in pieces]
    all_names = len(pieces) > 1 and all(NAME.match(piece) for piece in bare)
    if all_names and (listed or not any(ROLE_WORDS.search(piece) for piece in bare[1:])):
        return [split_role(piece) for piece in pieces]
    return [split_role(part)]


def _is_list(text: str) -> bool:
    pieces = [BRACKETED_ROLE.sub("", piece).strip() for piece in re.split(r",|\s+and\s+", text)]
    return len(pieces) > 1 and all(
        NAME.match(piece) and not ROLE_WORDS.search(piece) for piece in pieces
    )


def _split_commas(text: str) -> list[str]:
    pieces, depth, current = [], 0, ""
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            pieces.append(current)
            current = ""
        else:
            current += char
    pieces.append(current)
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
        and len(name) <= 80
    )
