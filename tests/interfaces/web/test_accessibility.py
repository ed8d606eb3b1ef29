"""axe-core (node_modules/axe-core) on every page the app serves, signed in
and signed out, against WCAG 2.0, 2.1 and 2.2 A and AA rules."""

from __future__ import annotations

import pytest

from interfaces.conftest import PASSWORD, USERS
from interfaces.routes import page_routes
from interfaces.web.browser import AXE, chromium, need_chromium, serving
from interfaces.web.test_security import sample_values

pytestmark = [pytest.mark.browser, pytest.mark.slow]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pages_to_check(app, lib) -> list[str]:
    values = sample_values(app, lib)
    paths = []
    for route in page_routes(app, values):
        if route.method == "GET" and "export" not in route.path and "uploads" not in route.path:
            paths.append(route.path)
    return [*paths, "/search?q=direct+payments", "/documents?kind=committee_pack"]


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')'))",
        TAGS,
    )
    return list(found)


def test_every_page_passes_axe(sqlite_app, sqlite_library):
    need_chromium()
    if not AXE.exists():
        pytest.skip("axe-core is not installed (make assets installs it)")
    paths = pages_to_check(sqlite_app, sqlite_library)
    problems: dict[str, list[str]] = {}
    with serving(sqlite_app) as base, chromium() as browser:
        # The check's own script is injected, so this context alone lifts the CSP.
        context = browser.new_context(base_url=base, bypass_csp=True)
        page = context.new_page()
        page.set_content('<html lang="en"><body><main><img src="x.png"></main></body></html>')
        assert any(v.startswith("image-alt") for v in violations(page))  # axe does run
        page.goto("/sign-in")
        problems["/sign-in"] = violations(page)
        page.fill("#email", USERS["admin"][0])
        page.fill("#password", PASSWORD)
        page.click("button:has-text('Sign in')")
        page.wait_for_load_state()
        for path in paths:
            page.goto(path)
            problems[path] = violations(page)
    failing = {path: found for path, found in problems.items() if found}
    print(f"\naxe: {len(problems)} pages, {sum(map(len, failing.values()))} violations")
    assert failing == {}
