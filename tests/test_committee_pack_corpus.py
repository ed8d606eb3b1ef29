"""Golden expectations for the real committee pack in the shared corpus.

Every agenda item, minute item and decision of the pack was read by hand;
titles are checked by short fragments, positions by line number.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.document import CleanText
from assure.normalising import normalise
from assure.parsing.committee_pack import PARSER
from assure.reading import read_document
from assure.structure import Meeting, ParsedStructure

PACK = "kirklees-childrens-scrutiny-pack-2018-11.txt"

AGENDA = [  # number, title fragment, pages, start line
    ("1", "Membership of the Committee", None, 72),
    ("2", "Minutes of the Previous Meeting", (1, 6), 76),
    ("3", "Interests", (7, 8), 82),
    ("4", "Admission of the Public", None, 88),
    ("5", "Safeguarding Children Board Annual Report", (9, 44), 92),
    ("6", "10 Point Improvement Plan", (45, 88), 100),
    ("7", "Disability Service Update", (89, 92), 108),
    ("8", "Work Programme", None, 116),
]
MINUTES = [  # number, title fragment, start line, decision lines
    ("1", "Membership", 144, []),
    ("2", "Minutes of the Previous", 148, [150]),  # "were presented and approved"
    ("3", "Interests", 152, []),
    ("4", "Admission of the Public", 156, []),
    ("5", "Monitoring visit", 160, [187]),
    ("6", "Child Sexual Exploitation", 196, [212]),
    ("7", "Strategy for Partnership Working", 221, [257]),
    ("8", "Future Meeting Date", 266, [272]),
]


@pytest.fixture(scope="module")
def text(corpus: Path) -> CleanText:
    return normalise(read_document(corpus / PACK))


@pytest.fixture(scope="module")
def pack(text: CleanText) -> ParsedStructure:
    return PARSER.parse(text)


def meeting(pack: ParsedStructure, role: str) -> Meeting:
    return next(m for m in pack.meetings if m.role == role)


def test_pack_is_recognised_and_other_families_are_not(corpus: Path, text: CleanText) -> None:
    assert PARSER.recognise(text) >= 0.8
    for other in (
        "kirklees-asc-self-assessment-2024.txt",
        "cqc-north-lincolnshire-assessment-2023.txt",
    ):
        assert PARSER.recognise(normalise(read_document(corpus / other))) < 0.3


def test_pack_identity(pack: ParsedStructure) -> None:
    assert pack.council == "Kirklees Council"
    assert pack.date == "2018-11-09"
    assert pack.title is not None and "Children's Scrutiny Panel" in pack.title
    assert [m.role for m in pack.meetings] == ["notice", "minutes"]


def test_notice_of_meeting(pack: ParsedStructure) -> None:
    notice = meeting(pack, "notice")
    assert notice.body == "Children's Scrutiny Panel"
    assert (notice.date, notice.time) == ("2018-11-09", "10:00")
    assert (
        notice.venue is not None
        and "Council Chamber" in notice.venue
        and "Huddersfield" in notice.venue
    )
    assert len(notice.members) == 8
    assert notice.members[0] == "Councillor Cahal Burke"


def test_every_agenda_item(pack: ParsedStructure) -> None:
    agenda = meeting(pack, "notice").agenda
    assert len(agenda) == len(AGENDA)
    for item, (number, fragment, pages, start) in zip(agenda, AGENDA, strict=True):
        assert item.number == number
        assert fragment in item.title, item.title
        assert item.pages == pages, item
        assert item.start_line == start
    contacts = {item.number: item.contact or "" for item in agenda}
    assert "Elaine McShane" in contacts["6"] and "Elaine McShane" in contacts["7"]
    assert "Yolande Myers" in contacts["8"]
    assert contacts["5"].startswith("Sheila Lock")  # "X, Chair, to present"
    assert agenda[4].purpose and "Annual Report" in agenda[4].purpose


def test_minutes_header_and_attendance(pack: ParsedStructure) -> None:
    minutes = meeting(pack, "minutes")
    assert minutes.body == "Children's Scrutiny Panel"
    assert minutes.date == "2018-09-10"
    assert minutes.start_line == 124
    attendance = minutes.attendance
    assert len(attendance.present) == 5  # four councillors and a co-optee
    assert len(attendance.in_attendance) == 4
    assert len(attendance.apologies) == 1
    assert "Councillor Darren O'Donovan" in attendance.apologies
    roles = dict(attendance.roles)
    assert roles["Steve Comb"] == "Head of Corporate Parenting"


def test_every_minute_item_and_decision(pack: ParsedStructure) -> None:
    items = meeting(pack, "minutes").minutes
    assert len(items) == len(MINUTES)
    for item, (number, fragment, start, decisions) in zip(items, MINUTES, strict=True):
        assert item.number == number
        assert fragment in item.title, item.title
        assert item.start_line == start
        assert [d.start_line for d in item.decisions] == decisions
    # The numbered resolutions belong to their decision, not to new minute items.
    assert "4)" in items[4].decisions[0].text
    # The minutes end before the next document in the pack.
    assert items[-1].end_line is not None and items[-1].end_line < 278


def test_running_headers_never_leak(pack: ParsedStructure) -> None:
    for item in meeting(pack, "minutes").minutes:
        assert "10 September 2018" not in item.title
        for decision in item.decisions:
            assert "Panel - 10 September" not in decision.text


def test_documents_in_the_pack(pack: ParsedStructure) -> None:
    top = [(s.kind, s.start_line, s.end_line) for s in pack.sections if s.level == 1]
    assert ("minutes", 124, 274) in top
    assert ("report", 278, 314) in top  # the declaration of interests form
    assert ("report", 318, 1029) in top  # the safeguarding board annual report
    assert ("cover_sheet", 1033, 1138) in top
    assert ("report", 1140, 2230) in top  # the improvement plan behind its cover sheet
    covers = [s for s in pack.sections if s.kind == "cover_sheet"]
    assert [c.start_line for c in covers] == [1033, 2234]
    assert "Disability Service" in covers[1].title
    appendices = [s.start_line for s in pack.sections if s.kind == "appendix"]
    assert appendices == [1008, 1012]
    agenda_sections = [s for s in pack.sections if s.kind == "agenda_item"]
    assert [s.start_line for s in agenda_sections] == [start for *_, start in AGENDA]


def test_cover_sheet_date_that_disagrees_with_the_notice(pack: ParsedStructure) -> None:
    mismatches = [f for f in pack.findings if f.kind == "date_mismatch"]
    assert [(f.start_line, f.other_line) for f in mismatches] == [(2236, 32)]
    assert "2018-11-12" in mismatches[0].message


def test_json_contract_has_both_meetings(corpus: Path) -> None:
    from assure.interfaces.contract import document_json
    from assure.pipeline import normalise as normalise_stage
    from assure.pipeline import parse, process, read

    document = process(corpus / PACK, stages=(read, normalise_stage, parse))
    data = document_json(document)
    assert data["kind"] == "committee_pack"
    bodies = [(m["role"], m["body"], m["date"]) for m in data["meetings"]]
    assert bodies == [
        ("notice", "Children's Scrutiny Panel", "2018-11-09"),
        ("minutes", "Children's Scrutiny Panel", "2018-09-10"),
    ]
    assert data["meetings"][0]["agenda"][4]["pages"] == [9, 44]
    assert data["meetings"][1]["attendance"]["roles"]["Steve Comb"] == "Head of Corporate Parenting"
    assert [f["start_line"] for f in data["findings"] if f["kind"] == "date_mismatch"] == [2236]
