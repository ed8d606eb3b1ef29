"""Whose words the draft puts where: the regulator's expectations are never the
council's evidence, "areas for improvement" hold only stated shortfalls, and
"what others say" only what others said. Every text here is invented; the same
rules on real documents are in tests/real/test_draft_real.py."""

from __future__ import annotations

from datetime import date

import pytest

from assure.analysis.draft import build_draft
from assure.analysis.evidence import Evidence, EvidenceBase, SourceInfo
from assure.analysis.voices import framework_text, own_quotation, reports_others
from assure.classifying.stance import stance_of
from assure.structure import Passage, StatementLabel

REPORT = SourceInfo(1, "Assessment of Fenwick Vale", "2025-06-01", "assessment_report")
SELF = SourceInfo(2, "Fenwick Vale self-assessment", "2025-03-01", "self_assessment")
PACK = SourceInfo(3, "Cabinet pack", "2025-02-01", "committee_pack")


def item(
    pid: int,
    document: SourceInfo,
    text: str,
    *,
    section: str | None = None,
    stance: str | None = "neutral",
    category: str | None = "processes",
) -> Evidence:
    label = StatementLabel("assessing-needs", 0.9, "model")
    return Evidence(
        pid,
        document,
        Passage(
            pid * 10, pid * 10 + 1, text, page=1, section=section, qs=(label,), stance=stance,
            category=category,
        ),
    )  # fmt: skip


def sections(*items: Evidence) -> dict[str, list[str]]:
    draft = build_draft(EvidenceBase(passages=items), today=date(2025, 7, 1))
    needs = next(s for t in draft.themes for s in t.statements if s.id == "assessing-needs")
    return {s.kind: [x.text for x in s.sentences] for s in needs.sections}


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("“I can get advice about my care and how to stay well.”", "What people expect:"),
        (
            "We support people to stay well and live independently.",
            "The local authority commitment:",
        ),
        ("“I have care that is joined up and everyone works together with me.”", None),
        ("We may not always review all quality statements during every assessment.", None),
    ],
)
def test_the_regulators_expectations_are_not_evidence(text: str, section: str | None) -> None:
    assert framework_text(item(1, REPORT, text, section=section))


def test_a_person_quoted_in_the_first_person_is_evidence() -> None:
    text = "One carer said “I can finally sleep at night now the night sitter comes.”"
    assert not framework_text(item(1, SELF, text))


def test_a_draft_quotes_no_expectation_anywhere() -> None:
    expect = "“I can get advice about my care and how to stay well.”"
    commit = "We support people to stay well."
    found = "People told us their assessments were timely and they felt listened to."
    drafted = sections(
        item(1, REPORT, expect, section="What people expect:"),
        item(2, REPORT, commit, section="The local authority commitment:", stance="strength"),
        item(3, REPORT, found, section="Key findings", stance="strength", category="people"),
    )
    text = " ".join(t for sentences in drafted.values() for t in sentences)
    assert "advice about my care" not in text and "We support people" not in text
    assert any("People told us" in t for t in drafted["others"])


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("Access to advice needs to be improved for carers.", "improvement"),
        ("The feedback loop from enquiries is hard to demonstrate.", "improvement"),
        ("Our data capture is still limited across the directorate.", "improvement"),
        ("There were no people waiting for an assessment in March.", "strength"),
        ("Reviews were completed in a timely way and above the national average.", "strength"),
        ("Our investment has removed barriers to support for young carers.", None),
        ("The panel meets every month.", None),
    ],
)
def test_stance_tells_a_shortfall_from_a_success(sentence: str, stance: str | None) -> None:
    assert stance_of(sentence) == stance


def test_areas_for_improvement_hold_only_stated_shortfalls() -> None:
    gap = "improvement"
    drafted = sections(
        # the model called both an improvement; only one says so
        item(1, PACK, "There were no people waiting for assessments in the teams.", stance=gap),
        item(2, PACK, "The sharing of learning after reviews could be improved.", stance=gap),
        # filed under the council's own heading: its heading decides
        item(
            3,
            SELF,
            "Carers' assessments take place within the month.",
            stance=gap,
            section="Key areas for improvement",
        ),
        # an action to take is a plan
        item(4, PACK, "Develop the front door offer with partners.", stance=gap),
    )
    improvements = " ".join(drafted["improvement"])
    assert "could be improved" in improvements and "within the month" in improvements
    assert "no people waiting" not in improvements and "Develop the front door" not in improvements


def test_what_others_say_is_what_others_said() -> None:
    drafted = sections(
        item(1, SELF, "Our strategy says “People live their best lives with good health.”"),
        item(2, SELF, "A carer told us “the new respite service gave me my weekends back”.",
             category="people"),
        item(3, PACK, "We commissioned a new respite service for carers in the spring.",
             category="partners"),
        item(4, PACK, "Partners described the new referral routes as clearer and quicker.",
             category="partners"),
    )  # fmt: skip
    others = " ".join(drafted["others"])
    assert "weekends back" in others and "Partners described" in others
    assert "best lives" not in others and "We commissioned" not in others


def test_who_said_it() -> None:
    assert reports_others("74% said they felt safe in their homes.")
    assert reports_others("The carers' forum reported shorter waits.")
    assert not reports_others("We reported the figures to the board.")
    assert own_quotation(
        "Our vision is “Living well, your way, every day”.", "Living well, your way, every day"
    )
    assert own_quotation("The plan reads “Act as a good corporate parent to every child”.",
                         "Act as a good corporate parent to every child")  # fmt: skip
