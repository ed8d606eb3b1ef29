"""Write an example regulator report as a web page, as a regulator's site serves it.

The body comes from the same source as the PDF (``#`` headings, ``- `` bullets,
tab-separated rows, ``%%`` layout directives ignored); around it sit the site's
navigation and footer, which a reader of real pages has to see past.
"""

from __future__ import annotations

import re
from html import escape

HEADING = re.compile(r"^(#{1,4}) (.+)$")

SITE_TOP = """<header class="site-header">
  <a class="skip-link" href="#main">Skip to main content</a>
  <nav aria-label="Main"><ul>
    <li><a href="/">Home</a></li>
    <li><a href="/local-authorities">Local authority assessments</a></li>
    <li><a href="/search">Find and compare services</a></li>
  </ul></nav>
  <div class="cookie-banner">We use cookies to make our site work and to understand how it is used.
    <button type="button">Accept cookies</button></div>
</header>"""

SITE_BOTTOM = """<footer class="site-footer">
  <p>Contact us | Accessibility | Privacy notice | Cookies</p>
  <p>This is a fictional report about a fictional council, made for testing software.</p>
</footer>"""


def body_html(source: str) -> list[str]:
    """The report's body as HTML lines."""
    out: list[str] = []
    in_list = in_table = False
    for line in source.splitlines():
        if line.startswith("%%"):
            continue
        if in_list and not line.startswith("- "):
            out.append("</ul>")
            in_list = False
        if in_table and "\t" not in line:
            out.append("</tbody></table>")
            in_table = False
        if heading := HEADING.match(line):
            level = len(heading.group(1))
            out.append(f"<h{level}>{escape(heading.group(2))}</h{level}>")
        elif line.startswith("- "):
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"  <li>{escape(line[2:])}</li>")
        elif "\t" in line:
            if not in_table:
                out.append("<table><tbody>")
                in_table = True
            cells = "".join(f"<td>{escape(cell)}</td>" for cell in line.split("\t"))
            out.append(f"  <tr>{cells}</tr>")
        elif line.strip():
            out.append(f"<p>{escape(line)}</p>")
    if in_list:
        out.append("</ul>")
    if in_table:
        out.append("</tbody></table>")
    return out


def report_page(source: str, title: str) -> str:
    """A whole HTML page for the report in ``source``."""
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        "</head>",
        "<body>",
        SITE_TOP,
        '<main id="main">',
        *body_html(source),
        "</main>",
        SITE_BOTTOM,
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"
