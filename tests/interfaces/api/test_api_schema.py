"""Schemathesis against /api/v1/openapi.json: for every operation, requests
generated from the description (fitting it, and not fitting it), signed in as
an admin so writes are exercised too, on a library of its own. The bar: no
server error, whatever the input."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode

from interfaces.conftest import build

pytestmark = pytest.mark.slow
EXAMPLES = 12  # per operation and mode


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory, trained_models):
    from assure.interfaces.web.app import create_app
    from assure.settings import Settings

    folder = tmp_path_factory.mktemp("fuzz")
    if trained_models is not None:
        shutil.copytree(trained_models, folder / "models")
    lib = build(Settings(data_dir=str(folder), max_file_mb=1.0), folder)
    return create_app(lib.settings), {"Authorization": f"Bearer {lib.token['admin']}"}


def test_no_generated_request_gets_a_server_error(fuzzed):
    app, headers = fuzzed
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app, headers=headers)
    statuses: Counter[int] = Counter()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(mode))
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def exercise(case) -> None:
                response = case.call(headers=headers)
                statuses[response.status_code] += 1
                case.validate_response(response, checks=[not_a_server_error])

            exercise()
    print(
        f"\nschemathesis: {sum(statuses.values())} requests over {len(operations)} operations, "
        f"by status {dict(sorted(statuses.items()))}"
    )
    assert not [code for code in statuses if code >= 500]
