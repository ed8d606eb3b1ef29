"""The self-assessment draft as Markdown, citations as ``[n]`` links to the index.

Every text that comes from documents or people (sentences, document names, a
score's rationale, the council's name) is escaped: it shows as the characters
it holds, never as markup, inline HTML or a link, whatever renders the file.
"""

from __future__ import annotations

import re

from assure.analysis.draft_document import Draft, Sentence, StatementDraft

# Characters that open markup anywhere in a line: emphasis, code, links and
# images, inline HTML and entities, table cells, strike-through. CommonMark
# shows any backslash-escaped ASCII punctuation as the character itself.
INLINE_MARKUP = re.compile(r"[\\`*_\[\]<>|~&]")
# What opens a block at a line's start: a heading, quote, list item, rule or
# setext underline, and an ordered list's "1." or "1)".
BLOCK_START = re.compile(r"^(?:[#>+=-]|\d{1,9}(?=[.)]))")
# Line breaks and other control characters would start a block of their own.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def marks(sentence: Sentence) -> str:
    return "".join(f"[\\[{n}\\]](#ref-{n})" for n in sentence.citations)


def render_markdown(draft: Draft) -> str:
    """The draft as one Markdown document: a heading per theme (##) and
    statement (###), its sections (####), then the evidence index as a table."""
    out = [
        f"# {escape(draft.title)}",
        "",
        f"_Drafted {draft.generated} from stored documents. "
        "Every sentence cites its source in the evidence index._",
        "",
    ]
    out += ["## Contents", ""]
    for theme in draft.themes:
        out.append(f"- {theme.name}")
        out += [f"  - {s.name}" for s in theme.statements]
    out.append("")
    for theme in draft.themes:
        out += [f"## {theme.name}", ""]
        for statement in theme.statements:
            out += statement_lines(statement)
    out += [
        "## Evidence index",
        "",
        "| No. | Document | Date | Page | Lines |",
        "|---:|---|---|---:|---|",
    ]
    for c in draft.citations:
        lines = str(c.start_line) if c.start_line == c.end_line else f"{c.start_line}-{c.end_line}"
        out.append(
            f'| <a id="ref-{c.number}"></a>{c.number} | {escape(c.document)} | '
            f"{c.document_date or ''} | {c.page if c.page is not None else ''} | {lines} |"
        )
    return "\n".join(out) + "\n"


def statement_lines(statement: StatementDraft) -> list[str]:
    out = [f"### {statement.name}", "", f"_{statement.description}_", ""]
    if statement.self_score:
        note = statement.self_score
        out += [
            f"**Our score: {note.score} ({note.label})**"
            + (f" {escape(note.rationale)}" if note.rationale else ""),
            "",
        ]
    if statement.gap:
        return [*out, f"> **{escape(statement.gap)}**", ""]
    for section in statement.sections:
        out += [f"#### {escape(section.title)}", ""]
        if section.gap:
            out += [f"> **{escape(section.gap)}**", ""]
        for sentence in section.sentences:
            text = f"“{escape(sentence.text)}”" if sentence.quote else escape(sentence.text)
            bullet = "- " if section.kind == "plans" else ""
            out += [f"{bullet}{text} {marks(sentence)}", ""]
    return out


def escape(text: str) -> str:
    """``text`` as Markdown that shows exactly these characters, on one line:
    ``<img onerror=...>`` reads ``\\<img onerror=...\\>``, a tag no more."""
    text = INLINE_MARKUP.sub(lambda m: "\\" + m.group(0), CONTROL.sub(" ", text).strip())
    if match := BLOCK_START.match(text):
        at = match.end() if match.group(0)[0].isdigit() else 0
        text = text[:at] + "\\" + text[at:]
    return text
