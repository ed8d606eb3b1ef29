"""The self-assessment draft from a hand-built evidence base: what it says,
what it cites, and how it reports gaps; and the DOCX, HTML and Markdown renderings."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser

import docx

from assure.analysis.draft import build_draft, figure_sentence
from assure.analysis.draft_document import Draft
from assure.analysis.evidence import Evidence, EvidenceBase, Figure, SourceInfo
from assure.analysis.sentences import lead_sentences, quotations, whole_sentences
from assure.exporting.docx import BODY_STYLES, GAP_STYLE, write_docx
from assure.exporting.html import render_html
from assure.exporting.markdown import render_markdown
from assure.structure import Comparator, Metric, Passage, StatementLabel
from test_gaps_evidence import BOARD_PACK, SELF_ASSESSMENT, ashworth, passage

CITE = re.compile(r"\[(\d+)\]")


def draft() -> Draft:
    return build_draft(ashworth(), council="Ashworth County Council", today=date(2025, 11, 1))


def statement(d: Draft, ident: str):
    return next(s for t in d.themes for s in t.statements if s.id == ident)


def test_sections_draw_on_the_right_evidence() -> None:
    needs = statement(draft(), "assessing-needs")
    sections = {s.kind: s for s in needs.sections}
    ambition = " ".join(s.text for s in sections["ambition"].sentences)
    assert "21 days" in ambition and "England average" in ambition
    proud = [s.text for s in sections["proud"].sentences]
    assert any("triage every new referral" in t for t in proud)
    # The overdue figure is drafted once, under performance; its passage's
    # improvement point is not repeated, so the next improvement leads.
    assert "31% overdue" in ambition
    improvements = [s.text for s in sections["improvement"].sentences]
    assert improvements == [
        "Social workers told the board that explaining assessment outcomes "
        "in writing still takes too long. Letters are being rewritten in "
        "plain English."
    ]
    assert any("audit programme" in s.text for s in sections["how_we_know"].sentences)
    plans = [s.text for s in sections["plans"].sentences]
    assert plans == [
        "Report overdue review figures to the next meeting. (owner: Director of "
        "Adult Social Care; due: 2025-11-12; status: open)"
    ]
    others = sections["others"].sentences
    assert others[0].quote and others[0].text.startswith("the assessor listened")
    assert any("voluntary sector forum" in s.text for s in others)


def test_a_passage_with_two_statements_is_drafted_where_it_fits_best() -> None:
    base = ashworth()
    both = Evidence(
        50,
        BOARD_PACK,
        Passage(
            70,
            70,
            "Joint visits with the police now start within a day of a concern.",
            page=3,
            stance="strength",
            category="partners",
            qs=(
                StatementLabel("assessing-needs", 0.4, "model"),
                StatementLabel("safeguarding", 0.9, "model"),
            ),
        ),
    )
    drafted = build_draft(replace(base, passages=(*base.passages, both)))

    def texts(ident: str) -> str:
        return " ".join(s.text for sec in statement(drafted, ident).sections for s in sec.sentences)

    assert "Joint visits" in texts("safeguarding")
    assert "Joint visits" not in texts("assessing-needs")


def test_no_sentence_is_drafted_twice() -> None:
    texts = [
        s.text
        for t in draft().themes
        for st in t.statements
        for sec in st.sections
        for s in sec.sentences
    ]
    assert texts and len(texts) == len(set(texts))


def test_every_sentence_cites_a_stored_passage_with_page_and_lines() -> None:
    d = draft()
    base = ashworth()
    spans = {
        (e.document.name, e.passage.page, e.passage.start_line, e.passage.end_line)
        for e in base.passages
    }
    for theme in d.themes:
        for st in theme.statements:
            for section in st.sections:
                for sentence in section.sentences:
                    assert sentence.citations
                    for number in sentence.citations:
                        c = d.citation(number)
                        assert (c.document, c.page, c.start_line, c.end_line) in spans


def test_statement_without_evidence_is_a_gap_not_invented_text() -> None:
    d = draft()
    equity = statement(d, "equity")
    assert equity.gap and "no stored document" in equity.gap
    assert equity.sections == ()
    assert "equity" in d.gaps and "assessing-needs" not in d.gaps
    safeguarding = {s.kind: s for s in statement(d, "safeguarding").sections}
    assert safeguarding["others"].gap and not safeguarding["others"].sentences


def test_sentences_are_whole() -> None:
    text = (
        "continued from the page before. Our carers' hub opened in May. It now has "
        "400 members, e.g. young carers. The second phase will"
    )
    assert whole_sentences(text) == [
        "Our carers' hub opened in May.",
        "It now has 400 members, e.g. young carers.",
    ]
    assert lead_sentences(text, limit=1) == "Our carers' hub opened in May."
    assert whole_sentences("continued from the page before without an end") == []
    assert whole_sentences("She said “we were heard at last.” Then the panel met again.") == [
        "She said “we were heard at last.”",
        "Then the panel met again.",
    ]
    assert whole_sentences('"Staff rang me back within the hour. They were very kind."') == [
        "Staff rang me back within the hour.",
        "They were very kind.",
    ]
    assert quotations('She said "they rang me back the same day, every time" to us.') == [
        "they rang me back the same day, every time"
    ]


def test_headings_titles_bullets_and_lead_ins_are_not_drafted_as_sentences() -> None:
    assert whole_sentences("4.2 HOW DO WE KNOW WHAT WORKS? Our panel meets weekly now.") == [
        "Our panel meets weekly now."
    ]
    assert whole_sentences("Case study: Priya finds work again") == []
    assert whole_sentences("Our Carers Hub Opening Day Event") == []
    assert whole_sentences("The new brokerage team will focus on:") == []
    assert whole_sentences("- Expanding reablement to every locality by spring .") == [
        "Expanding reablement to every locality by spring."
    ]
    assert whole_sentences("**Extra care** housing opened in two towns this year.") == [
        "Extra care housing opened in two towns this year."
    ]


def test_docx_has_headings_toc_and_a_citation_in_every_body_paragraph(tmp_path) -> None:
    path = write_docx(draft(), tmp_path / "draft.docx")
    document = docx.Document(str(path))
    paragraphs = document.paragraphs
    h1 = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    h2 = [p.text for p in paragraphs if p.style.name == "Heading 2"]
    assert h1 == [
        "Working with people",
        "Providing support",
        "Ensuring safety",
        "Leadership",
        "Evidence index",
    ]
    assert len(h2) == 9 and h2[0] == "Assessing needs"
    body = document.element.body.xml
    assert 'TOC \\o "1-3"' in body and 'w:fldCharType="begin"' in body

    table = document.tables[-1]
    index = {row.cells[0].text: row.cells for row in table.rows[1:]}
    base = ashworth()
    stored = {
        (e.document.name, str(e.passage.page), f"{e.passage.start_line}") for e in base.passages
    } | {
        (e.document.name, str(e.passage.page), f"{e.passage.start_line}-{e.passage.end_line}")
        for e in base.passages
    }
    cited = 0
    for p in paragraphs:
        if p.style.name not in BODY_STYLES or not p.text.strip():
            continue
        numbers = CITE.findall(p._p.xml)
        assert numbers, f"uncited paragraph: {p.text!r}"
        for number in numbers:
            cells = index[number]
            assert (cells[1].text, cells[3].text, cells[4].text) in stored
            cited += 1
    assert cited >= 10
    gaps = [p.text for p in paragraphs if p.style.name == GAP_STYLE]
    assert any("no stored document" in g for g in gaps)


def test_stored_self_score_is_shown_under_its_statement(tmp_path) -> None:
    scored = build_draft(ashworth(), self_scores={"safeguarding": (2, "Enquiries start late.")})
    assert statement(scored, "safeguarding").self_score.label == "Some shortfalls"
    document = docx.Document(str(write_docx(scored, tmp_path / "scored.docx")))
    texts = [p.text for p in document.paragraphs if p.style.name == "Self Score"]
    assert texts == ["Our score: 2 (Some shortfalls). Enquiries start late."]


def test_html_is_accessible_and_citations_link_to_the_index() -> None:
    html = render_html(draft())
    assert '<html lang="en-GB">' in html and "<nav" in html and "<main>" in html

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.hrefs: list[str] = []
            self.ids: set[str] = set()
            self.headings: list[str] = []

        def handle_starttag(self, tag, attrs):
            found = dict(attrs)
            if tag == "a" and found.get("href", "").startswith("#"):
                self.hrefs.append(found["href"][1:])
            if found.get("id"):
                self.ids.add(found["id"])
            if tag in ("h1", "h2", "h3", "h4"):
                self.headings.append(tag)

    parser = Links()
    parser.feed(html)
    assert set(parser.hrefs) <= parser.ids
    assert any(h.startswith("ref-") for h in parser.hrefs)
    assert parser.headings[0] == "h1" and parser.headings.count("h1") == 1
    assert parser.headings.count("h3") == 9


def test_markdown_cites_into_the_index() -> None:
    text = render_markdown(draft())
    assert "## Working with people" in text and "### Assessing needs" in text
    numbers = set(re.findall(r"\(#ref-(\d+)\)", text))
    anchors = set(re.findall(r'<a id="ref-(\d+)">', text))
    assert numbers and numbers == anchors


def test_table_rows_and_pointers_to_tables_are_not_sentences() -> None:
    assert whole_sentences("Carers receiving direct payments (%) 74.0 76.8 71.3") == []
    assert whole_sentences("The table below compares our position on the main measures.") == []
    assert whole_sentences("Between 2021 and 2023 the number rose from 1,200 to 1,450.") == [
        "Between 2021 and 2023 the number rose from 1,200 to 1,450."
    ]


def figure_base(*extra: Evidence, figures: tuple[Figure, ...] = ()) -> EvidenceBase:
    return EvidenceBase(documents=(SELF_ASSESSMENT, INDICATORS), passages=extra, figures=figures)


INDICATORS = SourceInfo(9, "Ashworth indicators", "2025-06-30", "other", "indicators.csv")


def test_a_figure_from_a_table_row_is_told_from_its_cells() -> None:
    row = passage(
        40,
        INDICATORS,
        12,
        "Older people still at home 91 days after reablement 84.3 % 2023/24 83.8 82.1 82.9",
        "healthier-lives",
        "outcomes",
        "neutral",
    )
    metric = Metric(
        "84.3",
        84.3,
        "percent",
        12,
        measure="Older people still at home 91 days after reablement",
        period="2023/24",
        comparators=(Comparator("england", 83.8, "England: 83.8"), Comparator("region", 82.1, "")),
    )
    drafted = build_draft(figure_base(row, figures=(Figure(INDICATORS, metric),)))
    ambition = {s.kind: s for s in statement(drafted, "healthier-lives").sections}["ambition"]
    assert [s.text for s in ambition.sentences] == [
        "Older people still at home 91 days after reablement: 84.3% in 2023/24 "
        "(England 83.8%, region 82.1%)."
    ]
    assert drafted.citation(ambition.sentences[0].citations[0]).start_line == 12


def test_the_stated_ambition_leads_and_the_council_is_not_what_others_say() -> None:
    aim = passage(
        50,
        SELF_ASSESSMENT,
        60,
        "Our ambition is that every carer is recognised and assessed in their own right.",
        "assessing-needs",
        "people",
        "strength",
    )
    own_voice = passage(
        51,
        SELF_ASSESSMENT,
        70,
        "We have worked hard on the carers offer and now see more carers each month.",
        "assessing-needs",
        "people",
        "strength",
    )
    healthwatch = passage(
        52,
        BOARD_PACK,
        80,
        "Healthwatch found that most carers felt listened to by the assessment team.",
        "assessing-needs",
        "people",
        "neutral",
    )
    drafted = build_draft(figure_base(aim, own_voice, healthwatch))
    sections = {s.kind: s for s in statement(drafted, "assessing-needs").sections}
    assert sections["ambition"].sentences[0].text.startswith("Our ambition is that every carer")
    others = [s.text for s in sections["others"].sentences]
    assert others == [healthwatch.passage.text]


def test_quoted_names_are_not_what_others_say() -> None:
    assert quotations('Our vision, "Living well, your way, in Northfield", guides us.') == []
    assert quotations("Staff told us they were “proud to work for the council” here.") == [
        "proud to work for the council"
    ]
    assert quotations("“We were treated as partners. That was not always true.”") == [
        "We were treated as partners. That was not always true."
    ]


def test_placeholders_are_never_drafted() -> None:
    assert whole_sentences("TO BE COMPLETED – plans for carers' respite after the refresh.") == []
    assert whole_sentences("We supported XXXX carers in 2023/24 through the new hub.") == []


def test_a_figure_two_documents_repeat_is_drafted_once() -> None:
    own = passage(
        60,
        SELF_ASSESSMENT,
        90,
        "84.3% of older people were still at home 91 days after reablement (England 83.8%).",
        "healthier-lives",
        "outcomes",
        "strength",
    )
    regulator = passage(
        61,
        BOARD_PACK,
        30,
        "National data showed that 84.3% of older people were still at home after "
        "reablement, better than the England average.",
        "healthier-lives",
        "outcomes",
        "neutral",
    )
    figures = tuple(
        Figure(item.document, Metric("84.3%", 84.3, "percent", item.passage.start_line))
        for item in (own, regulator)
    )
    drafted = build_draft(figure_base(own, regulator, figures=figures))
    ambition = {s.kind: s for s in statement(drafted, "healthier-lives").sections}["ambition"]
    assert sum("84.3%" in s.text for s in ambition.sentences) == 1


def test_framework_text_agenda_purposes_signposts_and_data_rows_are_not_evidence() -> None:
    for text in (
        "What people expect: I feel safe, and people listen to what safe means to me.",
        "The local authority commitment: we work with partners to keep people safe.",
        "To note the minutes of the meeting of the Health and Wellbeing Board.",
        "This theme covers how we shape the market and commission services.",
        "DoLS applications awaiting assessment\t241\tapplications\tQ3 2024/25\t150",
        "This plan sets out what we will do in response to the assessment.",
        "Governance, management and sustainability",
    ):
        assert whole_sentences(text) == [], text
    labelled = "Safeguarding: our hub now decides on every concern within a working day."
    assert whole_sentences(labelled) == [labelled]  # a run-in label, not a heading
    layout = "Carers\tOur carers' hub answered more calls this year than ever before."
    assert whole_sentences(layout) != []  # a layout table's prose cell is still prose


def test_a_money_figure_in_millions_reads_as_millions() -> None:
    metric = Metric(
        "2.7",
        2_700_000.0,
        "gbp",
        21,
        measure="Forecast budget variance",
        period="Q3 2024/25",
        comparators=(Comparator("previous", 3_300_000.0, "previous: 3.3"),),
    )
    assert figure_sentence(metric) == (
        "Forecast budget variance: £2.7 million in Q3 2024/25 (previous £3.3 million)."
    )
