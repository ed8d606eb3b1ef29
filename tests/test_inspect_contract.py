"""`assure inspect --json` keeps DESIGN.md's contract on real documents and on any input."""

from __future__ import annotations

import json
import shutil
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CORPUS_KINDS = {
    "cqc-north-lincolnshire-assessment-2023.txt": "assessment_report",
    "kirklees-asc-self-assessment-2024.txt": "self_assessment",
    "kirklees-childrens-scrutiny-pack-2018-11.txt": "committee_pack",
}
TOP_LEVEL = {
    "kind": str,
    "title": (str, type(None)),
    "council": (str, type(None)),
    "date": (str, type(None)),
    "lines": int,
    "sections": list,
    "meetings": list,
    "plans": list,
    "assessment": (dict, type(None)),
    "metrics": list,
    "passages": list,
}
KINDS = {"self_assessment", "assessment_report", "committee_pack", "improvement_plan", "other"}


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path_factory, monkeypatch, trained_models):
    folder = tmp_path_factory.mktemp("data")
    if trained_models is not None:
        shutil.copytree(trained_models, folder / "models")
    monkeypatch.setenv("ASSURE_DATA_DIR", str(folder))


def check_contract(data: dict, total_lines: int) -> None:
    """Every documented field is present with its type; every line cited is in the file."""
    for key, kind in TOP_LEVEL.items():
        assert isinstance(data[key], kind), key
    assert data["kind"] in KINDS
    assert data["lines"] == total_lines
    cited = [s["start_line"] for s in data["sections"]] + [s["end_line"] for s in data["sections"]]
    cited += [p["start_line"] for p in data["passages"]] + [p["end_line"] for p in data["passages"]]
    cited += [m["start_line"] for m in data["metrics"]]
    for meeting in data["meetings"]:
        assert set(meeting["attendance"]) >= {"present", "apologies", "in_attendance"}
        for item in meeting["agenda"]:
            assert item["pages"] is None or len(item["pages"]) == 2
        for minute in meeting["minutes"]:
            cited.append(minute["start_line"])
            cited += [d["start_line"] for d in minute["decisions"]]
            cited += [a["start_line"] for a in minute["actions"]]
    for plan in data["plans"]:
        for priority in plan["priorities"]:
            cited += [a["start_line"] for a in priority["actions"]]
            for measure in priority["measures"]:
                assert measure["direction"] in {None, "up", "down", "maintain"}
    for passage in data["passages"]:
        for label in passage["qs"]:
            assert 0.0 <= label["confidence"] <= 1.0
    assert all(1 <= line <= max(total_lines, 1) for line in cited)
    if data["assessment"]:
        assert set(data["assessment"]) >= {"scores", "percent", "rating"}


@pytest.mark.parametrize("name", sorted(CORPUS_KINDS))
def test_corpus_document_gives_its_family_and_keeps_the_contract(cli, corpus, name):
    path = corpus / name
    result = cli("inspect", str(path), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["kind"] == CORPUS_KINDS[name]
    check_contract(data, len(path.read_text(encoding="utf-8").split("\n")))


def test_corpus_pdfs_give_valid_json_with_pages(cli, corpus):
    for path in sorted((corpus / "pdf").glob("*.pdf")):
        result = cli("inspect", str(path), "--json")
        assert result.exit_code == 0, f"{path.name}: {result.output}"
        data = json.loads(result.stdout)
        assert data["pages"] and data["pages"] >= 2
        assert all(p["page"] for p in data["passages"]), path.name


def test_a_bad_file_gives_one_line_naming_it(cli, tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    result = cli("inspect", str(path), "--json")
    assert result.exit_code != 0
    assert result.stdout == ""
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and str(path) in message


LINE = st.one_of(
    st.text(max_size=120),
    st.text(alphabet=string.printable, max_size=120),
    st.sampled_from(
        [
            "RESOLVED – that the report be noted.",
            "Present: Councillor A Smith (Chair)",
            "7 ASSESSING NEEDS",
            "Score: 3 - Evidence shows a good standard",
            "Priority 1: Practice\tLead\tQ3 2018/19\tO1,O2",
            "2: Minutes of the Previous Meeting\t1 - 6",
            "Page 4",
            "**Safeguarding:** 21, 000 people (63%) compared with 65% in England",
        ]
    ),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(LINE, max_size=60), junk=st.binary(max_size=200))
def test_any_text_gives_valid_json_and_no_exception(tmp_path_factory, lines, junk):
    from assure.errors import DocumentError
    from assure.interfaces.contract import document_json
    from assure.pipeline import process
    from assure.settings import Settings

    folder = tmp_path_factory.mktemp("any")
    path = folder / "document.txt"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass") + junk)
    try:
        doc = process(path, Settings.from_environment())
    except DocumentError as error:  # empty or binary input: refused with the file named
        assert str(path) in str(error)
        return
    data = json.loads(json.dumps(document_json(doc)))
    check_contract(data, doc.lines)
