"""The self-assessment draft as one accessible HTML page.

Semantic headings (h1 title, h2 theme, h3 statement, h4 section), a language,
a contents ``nav``, and citations as links to the evidence index rows.
"""

from __future__ import annotations

import html

from assure.analysis.draft_document import Draft, Sentence, StatementDraft
from assure.exporting.characters import printable

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }
a { color: #1d4f91; }
a:focus { outline: 3px solid #ffbf47; }
.cite { font-size: 0.85em; text-decoration: none; }
.gap { border-left: 4px solid #b3261e; padding: 0.25rem 0.75rem; background: #fdf1f0; }
.score { border-left: 4px solid #1d4f91; padding: 0.25rem 0.75rem; background: #eef3fa; }
.description { color: #4a4a4a; font-style: italic; }
blockquote { margin: 0.5rem 0 0.5rem 1rem; padding-left: 0.75rem; border-left: 3px solid #888; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
""".strip()


def escape(text: str) -> str:
    """Text for HTML: markup characters escaped, characters HTML forbids dropped."""
    return html.escape(printable(text))


def anchor(prefix: str, ident: str) -> str:
    return f"{prefix}-{ident}"


def cites(sentence: Sentence) -> str:
    return "".join(
        f' <a class="cite" href="#ref-{n}" aria-label="source {n}">[{n}]</a>'
        for n in sentence.citations
    )


def render_html(draft: Draft) -> str:
    """The draft as a complete HTML5 document (UTF-8, ``lang="en-GB"``)."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(draft.title)}</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        '<header><h1 id="top">' + escape(draft.title) + "</h1>",
        f"<p>Drafted {escape(draft.generated)} from stored documents. Every sentence cites "
        'its source in the <a href="#evidence-index">evidence index</a>.</p></header>',
        nav(draft),
        "<main>",
    ]
    for theme in draft.themes:
        parts.append(f'<section aria-labelledby="{anchor("theme", theme.id)}">')
        parts.append(f'<h2 id="{anchor("theme", theme.id)}">{escape(theme.name)}</h2>')
        parts += [statement_html(s) for s in theme.statements]
        parts.append("</section>")
    parts += [index_html(draft), "</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def nav(draft: Draft) -> str:
    items = []
    for theme in draft.themes:
        inner = "".join(
            f'<li><a href="#{anchor("qs", s.id)}">{escape(s.name)}</a></li>'
            for s in theme.statements
        )
        items.append(
            f'<li><a href="#{anchor("theme", theme.id)}">{escape(theme.name)}</a>'
            f"<ul>{inner}</ul></li>"
        )
    items.append('<li><a href="#evidence-index">Evidence index</a></li>')
    return (
        '<nav aria-labelledby="contents"><h2 id="contents">Contents</h2><ul>'
        + "".join(items)
        + "</ul></nav>"
    )


def statement_html(statement: StatementDraft) -> str:
    ident = anchor("qs", statement.id)
    parts = [
        f'<section aria-labelledby="{ident}">',
        f'<h3 id="{ident}">{escape(statement.name)}</h3>',
        f'<p class="description">{escape(statement.description)}</p>',
    ]
    if statement.self_score:
        note = statement.self_score
        rationale = f" {escape(note.rationale)}" if note.rationale else ""
        parts.append(
            f'<p class="score"><strong>Our score: {note.score} '
            f"({escape(note.label)})</strong>{rationale}</p>"
        )
    if statement.gap:
        parts.append(f'<p class="gap"><strong>{escape(statement.gap)}</strong></p>')
    for section in statement.sections:
        parts.append(f"<h4>{escape(section.title)}</h4>")
        if section.gap:
            parts.append(f'<p class="gap">{escape(section.gap)}</p>')
        listed = section.kind == "plans" and section.sentences
        if listed:
            parts.append("<ul>")
        for sentence in section.sentences:
            body = escape(sentence.text) + cites(sentence)
            if sentence.quote:
                parts.append(
                    f"<blockquote><p>“{escape(sentence.text)}”{cites(sentence)}</p></blockquote>"
                )
            elif listed:
                parts.append(f"<li>{body}</li>")
            else:
                parts.append(f"<p>{body}</p>")
        if listed:
            parts.append("</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def index_html(draft: Draft) -> str:
    rows = []
    for c in draft.citations:
        lines = str(c.start_line) if c.start_line == c.end_line else f"{c.start_line}–{c.end_line}"
        rows.append(
            f'<tr id="ref-{c.number}"><th scope="row">{c.number}</th><td>{escape(c.document)}</td>'
            f"<td>{escape(c.document_date or '')}</td>"
            f"<td>{'' if c.page is None else c.page}</td><td>{lines}</td></tr>"
        )
    return (
        '<section aria-labelledby="evidence-index"><h2 id="evidence-index">Evidence index</h2>'
        "<table><caption>Sources cited in this draft</caption><thead><tr>"
        '<th scope="col">No.</th><th scope="col">Document</th><th scope="col">Date</th>'
        '<th scope="col">Page</th><th scope="col">Lines</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table></section>"
    )
