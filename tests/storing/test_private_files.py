"""The SQLite file and the data folder it makes are readable by their owner
only: they hold the names of residents and staff."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from assure.settings import Settings
from assure.storing import Library


@pytest.fixture()
def open_umask():
    """The usual umask (022), under which files are made readable by everyone."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_data_folder_are_private(tmp_path, open_umask) -> None:
    data = tmp_path / "new" / ".assure"
    with Library(Settings(data_dir=str(data))) as library:
        library.add_council("Eastmoor Council")  # a write: the WAL files now exist
        files = sorted(data.iterdir())
        assert [f.name for f in files] == ["assure.db", "assure.db-shm", "assure.db-wal"]
        assert {f.name: mode(f) for f in files} == dict.fromkeys((f.name for f in files), 0o600)
    assert mode(data) == 0o700


def test_an_existing_database_others_could_read_is_made_private(tmp_path, open_umask) -> None:
    with Library(Settings(data_dir=str(tmp_path))):
        pass
    database = tmp_path / "assure.db"
    database.chmod(0o644)
    with Library(Settings(data_dir=str(tmp_path))) as library:
        library.add_council("Eastmoor Council")
    assert mode(database) == 0o600
    assert all(mode(f) == 0o600 for f in tmp_path.glob("assure.db*"))


def test_a_data_folder_made_by_the_web_app_or_an_upload_is_private(
    tmp_path, open_umask, library, settings
) -> None:
    """With PostgreSQL no SQLite file makes the data folder: whatever makes it
    first (the web app's key, an upload) makes it private, with its parents."""
    from assure.interfaces.web.security import secret_key
    from assure.services import Role, Scope, uploading
    from assure.services.application import Application

    keyed = tmp_path / "keyed" / ".assure"
    secret_key(str(keyed))
    assert (mode(keyed.parent), mode(keyed), mode(keyed / "web-secret-key")) == (0o700,) * 2 + (
        0o600,
    )

    uploaded = tmp_path / "uploaded" / ".assure"
    app = Application(settings.with_(data_dir=str(uploaded)), library)
    editor = Scope(user="editor@example.org", grants={"Eastmoor Council": Role.EDITOR})
    job = uploading.start(app, editor, "Eastmoor Council", "note.txt", b"Carers board\n")
    folders = [uploaded, uploaded / "uploads", uploaded / "uploads" / job.id]
    assert [mode(f) for f in folders] == [0o700] * 3
