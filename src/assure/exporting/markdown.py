"""The self-assessment draft as Markdown, citations as ``[n]`` links to the index."""

from __future__ import annotations

from assure.analysis.draft_document import Draft, Sentence, StatementDraft


def marks(sentence: Sentence) -> str:
    return "".join(f"[\\[{n}\\]](#ref-{n})" for n in sentence.citations)


def render_markdown(draft: Draft) -> str:
    """The draft as one Markdown document: a heading per theme (##) and
    statement (###), its sections (####), then the evidence index as a table."""
    out = [
        f"# {draft.title}",
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
            + (f" {note.rationale}" if note.rationale else ""),
            "",
        ]
    if statement.gap:
        return [*out, f"> **{statement.gap}**", ""]
    for section in statement.sections:
        out += [f"#### {section.title}", ""]
        if section.gap:
            out += [f"> **{section.gap}**", ""]
        for sentence in section.sentences:
            text = f"“{escape(sentence.text)}”" if sentence.quote else escape(sentence.text)
            bullet = "- " if section.kind == "plans" else ""
            out += [f"{bullet}{text} {marks(sentence)}", ""]
    return out


def escape(text: str) -> str:
    return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
