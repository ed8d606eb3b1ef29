"""In a real browser (Debian's chromium, driven by Playwright): sign in,
upload, correct a label, update an action and export the draft, with
screenshots of each step (kept in the test's folder, or in
ASSURE_SCREENSHOTS when set). The pages also work with JavaScript off."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from interfaces.conftest import PASSWORD, USERS, api_client
from interfaces.web.browser import chromium, need_chromium, serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def site(sqlite_app):
    need_chromium()
    with serving(sqlite_app) as base, chromium() as browser:
        yield base, browser


@pytest.fixture()
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("ASSURE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def signed_in_page(site, role: str, javascript: bool = True):
    base, browser = site
    context = browser.new_context(
        base_url=base, java_script_enabled=javascript, viewport={"width": 1100, "height": 900}
    )
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto("/documents")
    page.fill("#email", USERS[role][0])
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_url("**/documents")
    page.problems = problems  # type: ignore[attr-defined]
    return page


def test_sign_in_lands_where_you_were_going(site, shots):
    base, browser = site
    page = browser.new_page(base_url=base)
    page.goto("/actions")
    assert "/sign-in" in page.url
    page.screenshot(path=shots / "01-sign-in.png")
    page.fill("#email", USERS["viewer"][0])
    page.fill("#password", "wrong password here")
    page.click("button:has-text('Sign in')")
    assert page.locator(".govuk-error-summary").is_visible()
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_url("**/actions")
    assert page.locator("h1").inner_text() == "Actions"
    page.screenshot(path=shots / "02-actions.png", full_page=True)
    page.close()


def test_upload_is_read_in_the_background_with_progress(site, shots, tmp_path):
    page = signed_in_page(site, "editor")
    note = tmp_path / "carers-board-note.txt"
    note.write_text(
        "Northfield Carers Partnership Board\n\nCarers told us that respite booking is slow.\n"
        "Direct payments for carers rose to 212 in 2024/25.\n",
        encoding="utf-8",
    )
    page.goto("/documents/upload")
    page.set_input_files("#file", str(note))
    page.screenshot(path=shots / "03-upload.png")
    page.click("button:has-text('Upload')")
    page.wait_for_selector("text=Stored", timeout=30_000)  # HTMX polls the progress
    page.screenshot(path=shots / "04-upload-stored.png")
    page.click("text=Open the document")
    assert "Direct payments for carers rose to 212" in page.inner_text(".app-source")
    page.screenshot(path=shots / "05-document.png", full_page=True)
    assert page.problems == []  # no script errors, no CSP violations


def test_a_correction_is_made_in_place_and_kept(site, shots, sqlite_app, sqlite_library):
    page = signed_in_page(site, "editor")
    page.goto("/evidence/safeguarding")
    first = page.locator("li[id^=passage-]").first
    passage_id = int(first.get_attribute("id").removeprefix("passage-"))
    first.locator("summary").click()
    first.locator("select[name=relabel]").select_option("equity")
    first.locator("button:has-text('Save labels')").click()
    swapped = page.locator(f"#passage-{passage_id}")
    swapped.locator("text=equity 100% confirmed").wait_for()
    assert "/evidence/safeguarding" in page.url  # changed in place, no page load
    page.screenshot(path=shots / "06-correction.png")
    api = api_client(sqlite_app, sqlite_library.token["viewer"])
    labels = api.get(f"/api/v1/passages/{passage_id}").json()["qs"]
    assert [(x["id"], x["source"]) for x in labels] == [("equity", "user")]
    assert page.problems == []


def test_an_action_update_changes_its_row(site, shots):
    page = signed_in_page(site, "editor")
    page.goto("/actions?status=open")
    row = page.locator("tr[id^=action-minutes]").first
    row_id = row.get_attribute("id")
    row.locator("select").select_option("done")
    row.locator("button:has-text('Update')").click()
    updated = page.locator(f"#{row_id}")
    updated.locator("option[selected]:has-text('done')").wait_for(state="attached")
    page.screenshot(path=shots / "07-action-updated.png")
    page.goto("/actions?status=done")
    assert page.locator(f"#{row_id}").count() == 1
    assert page.problems == []


def test_the_draft_exports_as_word(site, shots):
    page = signed_in_page(site, "viewer")
    page.goto("/self-assessment")
    page.screenshot(path=shots / "08-self-assessment.png")
    with page.expect_download() as download:
        page.click("text=Draft as Word (.docx)")
    path = download.value.path()
    with zipfile.ZipFile(io.BytesIO(Path(path).read_bytes())) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "Safeguarding" in body and "Northfield Borough Council" in body


def test_pages_work_without_javascript(site, shots):
    page = signed_in_page(site, "editor", javascript=False)
    page.goto("/actions?status=open")
    row = page.locator("tr[id^=action-plan]").first
    key = row.get_attribute("id").removeprefix("action-").replace("-", ":", 1)
    row.locator("input[name=status]").fill("On track")
    row.locator("button:has-text('Update')").click()
    page.wait_for_url(f"**/actions/{key}")
    assert page.locator("input[name=status]").input_value() == "On track"
    page.screenshot(path=shots / "09-no-javascript.png")
