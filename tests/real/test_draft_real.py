"""The draft and stance on real documents: the regulator's expectations are never
quoted as the council's evidence, "areas for improvement" hold shortfalls, and
"what others say" holds others' words. The same rules on invented text are in
tests/test_draft_voices.py; here they meet what councils and the regulator
publish (skipped where the corpus is absent)."""

from __future__ import annotations

import re
from datetime import date

import pytest
import scorecard

from assure.analysis.draft import build_draft
from assure.analysis.draft_document import Draft
from assure.analysis.evidence import Evidence, EvidenceBase, SourceInfo
from assure.analysis.sentences import key, whole_sentences
from assure.analysis.voices import COUNCIL_VOICE
from assure.classifying.stance import stance_of

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

REGULATOR_REPORT = "cqc-north-lincolnshire-assessment-2023.txt"
SELF_ASSESSMENT = "kirklees-asc-self-assessment-2024.txt"
KENT = [
    "real/kent-cabinet-minutes-2025-01-30.pdf",
    "real/kent-cabinet-report-asc-childrens-transfer-2025-01-30.pdf",
    "real/kent-ofsted-ilacs-report-2026-02-02.pdf",
    "real/kent-quarterly-performance-report-2024-25-q3.pdf",
]
# The headings under which the regulator's report prints its framework's
# expectations of each quality statement.
EXPECTATION_HEADING = re.compile(r"^(?:what people expect|the local authority commitment):$", re.I)


@pytest.fixture(scope="module", autouse=True)
def real_corpus():
    if not scorecard.CORPUS.is_dir():
        pytest.skip(f"real corpus not found at {scorecard.CORPUS} (it sits beside the repository)")


def evidence_base(files: list[str]) -> EvidenceBase:
    """The documents as a council's library would hold them, labelled by the
    bundled model (no database: the draft reads an evidence base)."""
    passages = []
    for number, file in enumerate(files, 1):
        doc = scorecard.processed(file)
        info = SourceInfo(number, doc.structure.title, doc.structure.date, str(doc.structure.kind))
        passages.extend(Evidence(number * 100_000 + i, info, p) for i, p in enumerate(doc.passages))
    return EvidenceBase(passages=tuple(passages))


def drafted(files: list[str]) -> Draft:
    return build_draft(evidence_base(files), today=date(2026, 12, 6))


def sentences(draft: Draft, kind: str | None = None) -> list[str]:
    return [
        s.text
        for theme in draft.themes
        for statement in theme.statements
        for section in statement.sections
        if kind is None or section.kind == kind
        for s in section.sentences
    ]


def expectations(file: str) -> list[str]:
    """The lines printed under the expectation headings, read from the file itself."""
    lines = (scorecard.CORPUS / file).read_text(encoding="utf-8").splitlines()
    found, under = [], False
    for line in (x.strip() for x in lines):
        if EXPECTATION_HEADING.match(line):
            under = True
        elif under and line:
            if line.endswith(":") or line.lower().startswith("key findings"):
                under = False
            else:
                found.append(key(line.strip('“”"')))
    return found


def test_a_regulator_report_lends_the_draft_none_of_its_expectations() -> None:
    expected = expectations(REGULATOR_REPORT)
    assert len(expected) >= 9  # at least one per quality statement
    written = [key(s.strip('“”"')) for s in sentences(drafted([REGULATOR_REPORT]))]
    assert written, "the regulator's findings are drafted"
    quoted = [s for s in written for e in expected if e[:60] in s or s[:60] in e]
    assert quoted == []


def test_stance_agrees_with_a_self_assessments_own_headings() -> None:
    """Sentences a council filed under "things we are proud of" or "key areas for
    improvement": where stance_of decides, it decides as the council did."""
    doc = scorecard.processed(SELF_ASSESSMENT)
    right = wrong = 0
    for passage in doc.passages:
        heading = (passage.section or "").lower()
        filed = (
            "improvement"
            if "improvement" in heading
            else "strength"
            if "proud" in heading
            else None
        )
        for sentence in whole_sentences(passage.text) if filed else []:
            decided = stance_of(sentence)
            right += decided == filed
            wrong += decided not in (None, filed)
    assert right >= 40
    assert right / (right + wrong) >= 0.9


def test_areas_for_improvement_from_council_papers_state_shortfalls() -> None:
    """Committee papers and a performance report have no "areas for improvement"
    heading: every sentence drafted there says what falls short in its own words."""
    found = sentences(drafted(KENT), "improvement")
    assert found
    shortfalls = [
        s for s in found if any(stance_of(x) == "improvement" for x in whole_sentences(s))
    ]
    assert len(shortfalls) == len(found)


def test_what_others_say_is_never_the_council_speaking() -> None:
    found = sentences(drafted([*KENT, SELF_ASSESSMENT, REGULATOR_REPORT]), "others")
    assert len(found) >= 20
    assert [s for s in found if COUNCIL_VOICE.match(s)] == []
