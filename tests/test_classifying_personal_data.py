"""Personal data and the classifier: a resident named in a council's document,
whose passage a person corrects, never reaches a file beside the database,
however it might be compressed; deleting or moving the document away rebuilds
or removes the model that learnt from it. On SQLite and PostgreSQL."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import zipfile
import zlib
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest

from assure.ingest.models import model_path
from assure.settings import Settings
from conftest import POSTGRES_URL, postgres_problem, postgres_schema

COUNCIL = "Thornwick Borough Council"
# Invented names, found in no dictionary and in none of the bundled examples.
RESIDENT = "Ysolde Quarrendine"
OFFICER = "Tobiah Merrowfax"
NAMES = ("Quarrendine", "Merrowfax", "Ysolde", "Tobiah")

# A fictional council's self-assessment, written for this test.
SELF_ASSESSMENT = f"""Thornwick Borough Council: adult social care self-assessment 2025

Safeguarding

We completed 1,240 section 42 enquiries this year and 91% of people said they felt safer.

Case study: Mrs {RESIDENT}, 84, lives alone. After a fall her daughter raised concerns about
financial abuse; social worker {OFFICER} made a section 42 enquiry within two days, and
Mrs Quarrendine now manages her own direct payment with the support of her family.

Our safeguarding adults board reviewed its multi-agency training with the police and the NHS.

Assessing needs

People wait on average 21 days for a Care Act assessment, down from 34 days last year.

Carers' assessments rose to 960, and carers told us the new online form is easier to use.
"""


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def data_folder(request, tmp_path: Path, monkeypatch) -> Iterator[Path]:
    """An empty data folder in the environment, its database an SQLite file
    inside it or a PostgreSQL schema of its own."""
    folder = tmp_path / "data"
    monkeypatch.setenv("ASSURE_DATA_DIR", str(folder))
    monkeypatch.setenv("ASSURE_COUNCIL", COUNCIL)
    if request.param == "sqlite":
        yield folder
        return
    problem = postgres_problem()
    if problem:
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL} ({problem})")
    with postgres_schema() as url:
        monkeypatch.setenv("ASSURE_DATABASE_URL", url)
        yield folder


def ingest(cli, folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    result = cli("ingest", str(path), "--council", COUNCIL)
    assert result.exit_code == 0, result.output


def passage_naming(cli, word: str) -> int:
    hits = json.loads(cli("search", word, "--json").stdout)
    assert hits, f"no passage holds {word}"
    return int(hits[0]["passage_id"])


def forms_of(data: bytes, depth: int = 0) -> Iterator[bytes]:
    """``data``, and whatever can be unpacked from it: zip members (an .npz is
    one), gzip, zlib, raw deflate, lzma/xz and bzip2 streams, also a zlib
    stream starting anywhere inside, and those unpacked again."""
    yield data
    if depth > 3 or not data:
        return
    if zipfile.is_zipfile(BytesIO(data)):
        with zipfile.ZipFile(BytesIO(data)) as archive:
            for member in archive.namelist():
                yield from forms_of(archive.read(member), depth + 1)
    openers = (
        gzip.decompress,
        zlib.decompress,
        lambda d: zlib.decompress(d, -15),
        lzma.decompress,
        bz2.decompress,
    )
    for opener in openers:
        try:
            unpacked = opener(data)
        except Exception:  # not that kind of stream
            continue
        yield from forms_of(unpacked, depth + 1)
    for header in (b"\x78\x01", b"\x78\x5e", b"\x78\x9c", b"\x78\xda"):
        start = data.find(header, 1)
        while start != -1:
            try:
                unpacked = zlib.decompressobj().decompress(data[start:])
            except zlib.error:
                unpacked = b""
            yield from forms_of(unpacked, depth + 1)
            start = data.find(header, start + 1)


def files_holding(folder: Path, names: tuple[str, ...]) -> tuple[list[str], int]:
    """Files under ``folder`` (the database's own files apart) where any of
    ``names`` appears in any case, as UTF-8 or UTF-16, in any unpacked form;
    and how many files were read."""
    needles = [
        form
        for name in names
        for text in (name.lower(), name.upper())
        for form in (text.encode(), text.encode("utf-16-le"), text.encode("utf-16-be"))
    ]
    found, read = [], 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name.startswith("assure.db"):  # the database, its journal and WAL
            continue
        read += 1
        for form in forms_of(path.read_bytes()):
            lowered = form.lower()
            if any(needle.lower() in lowered or needle in form for needle in needles):
                found.append(str(path.relative_to(folder)))
                break
    return found, read


def test_a_corrected_passage_naming_a_resident_leaves_no_trace_beside_the_database(
    cli, data_folder: Path, tmp_path: Path
) -> None:
    """A person corrects the passage naming a resident and a social worker, the
    council's model is trained on it, and no file of the data folder holds
    either name, in any case or compression; the model file is among those read."""
    ingest(cli, tmp_path / "documents", "thornwick-self-assessment.txt", SELF_ASSESSMENT)
    passage = passage_naming(cli, "Quarrendine")
    corrected = cli("label", str(passage), "--qs", "safeguarding", "--stance", "strength")
    assert corrected.exit_code == 0, corrected.output
    trained = cli("train")
    assert trained.exit_code == 0 and "trained in" in trained.output, trained.output

    model = model_path(Settings(data_dir=str(data_folder)), COUNCIL)
    assert model.is_file()
    assert json.loads(zipfile.ZipFile(model).read("header.json"))["counts"]["safeguarding"] > 0
    found, read = files_holding(data_folder, NAMES)
    assert read >= 1
    assert found == []


def test_the_search_for_names_finds_them_where_they_are(tmp_path: Path) -> None:
    """The check above finds a name hidden in each way it looks for."""
    name = "Quarrendine"
    zipped = BytesIO()
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inner.txt", f"Mrs {name}".upper())
    hidden = {
        "plain.txt": f"mrs {name.lower()}".encode(),
        "utf16.bin": name.encode("utf-16-le"),
        "gzip.gz": gzip.compress(name.encode()),
        "xz.xz": lzma.compress(name.encode()),
        "bz.bz2": bz2.compress(name.encode()),
        "inside.bin": b"header" + zlib.compress(name.encode() * 3),
        "zipped.npz": zipped.getvalue(),
        "nested.zip.gz": gzip.compress(zipped.getvalue()),
    }
    for file, data in hidden.items():
        (tmp_path / file).write_bytes(data)
    (tmp_path / "clean.txt").write_text("nothing personal here")
    found, read = files_holding(tmp_path, (name,))
    assert sorted(found) == sorted(hidden) and read == len(hidden) + 1


def test_deleting_the_document_removes_the_model_that_learnt_from_it(
    cli, data_folder: Path, tmp_path: Path
) -> None:
    """With nothing of the council left, its model goes; the bundled model
    labels its next documents."""
    ingest(cli, tmp_path / "documents", "thornwick-self-assessment.txt", SELF_ASSESSMENT)
    assert cli("train").exit_code == 0
    model = model_path(Settings(data_dir=str(data_folder)), COUNCIL)
    assert model.is_file()
    removed = cli("delete", "thornwick")
    assert removed.exit_code == 0, removed.output
    assert not model.exists()


def test_deleting_one_document_retrains_the_model_without_it(
    cli, data_folder: Path, tmp_path: Path
) -> None:
    """The council keeps a model, trained on what is left: the same model as
    one trained afresh on the remaining document."""
    other = SELF_ASSESSMENT.replace(f"Case study: Mrs {RESIDENT}", "Case study: Mr B").replace(
        "1,240", "1,310"
    )
    ingest(cli, tmp_path / "documents", "thornwick-self-assessment.txt", SELF_ASSESSMENT)
    ingest(cli, tmp_path / "documents", "thornwick-refresh.txt", other)
    passage = passage_naming(cli, "Quarrendine")
    assert cli("label", str(passage), "--qs", "learning").exit_code == 0
    assert cli("train").exit_code == 0
    model = model_path(Settings(data_dir=str(data_folder)), COUNCIL)
    before = json.loads(zipfile.ZipFile(model).read("header.json"))["data_hash"]

    removed = cli("delete", "thornwick-self-assessment")
    assert removed.exit_code == 0, removed.output
    after = json.loads(zipfile.ZipFile(model).read("header.json"))
    assert after["data_hash"] != before
    assert "training data unchanged" in cli("train").output  # already trained on what is left
    assert files_holding(data_folder, NAMES)[0] == []


def test_moving_the_document_away_rebuilds_the_council_it_left(
    cli, data_folder: Path, tmp_path: Path
) -> None:
    ingest(cli, tmp_path / "documents", "thornwick-self-assessment.txt", SELF_ASSESSMENT)
    assert cli("train").exit_code == 0
    model = model_path(Settings(data_dir=str(data_folder)), COUNCIL)
    assert model.is_file()
    moved = cli("move", "thornwick", "--council", "Elsewhere District Council")
    assert moved.exit_code == 0, moved.output
    assert not model.exists()  # nothing of Thornwick's is left to learn from


def test_an_old_pickled_model_is_removed_by_training(cli, data_folder: Path, tmp_path: Path):
    """A model file of the old format (which may hold passage text) is never
    read, and training the council removes it."""
    ingest(cli, tmp_path / "documents", "thornwick-self-assessment.txt", SELF_ASSESSMENT)
    old = model_path(Settings(data_dir=str(data_folder)), COUNCIL).with_suffix(".model")
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_bytes(b'{"format": 6}\n' + f"Mrs {RESIDENT}".encode())
    assert cli("train").exit_code == 0
    assert not old.exists()
