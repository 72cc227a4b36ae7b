"""Property: a dishonest but trusted assessor's signed package never crashes an import and never
stores a value that could not have been typed.

Hypothesis edits random fields of random change records (a value of any JSON kind, a time, an
id, a link, a cell) of a real package, which is then signed again with the trusted key. The
import either refuses it with a coded error and leaves the workspace exactly as it was, or
imports it, and then every answer it holds is one the app could have recorded: the assessment
still scores within 0-100.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ombud_desktop.errors import OmbudError
from ombud_desktop.packages.importer import import_package
from ombud_desktop.services.assessments import AssessmentService
from ombud_desktop.storage import Workspace
from tests.packages.conftest import SUPERVISOR_PASSPHRASE, People, snapshot
from tests.packages.test_forged_changes import forge

VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**60), 2**60) | st.floats(allow_nan=False)
    | st.text(max_size=12) | st.sampled_from(["Y", "T", "X", "ada", "K01", "approved", "draft"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                max_size=2),
    max_leaves=6,
)
FIELDS = st.sampled_from(
    ["value", "value", "value", "at", "id", "supersedes", "merges", "row_id", "field", "target",
     "author", "device_id"]
)
EDIT = st.tuples(st.integers(min_value=0), FIELDS, VALUES)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=st.lists(EDIT, min_size=1, max_size=3))
def test_a_dishonest_package_is_refused_or_holds_only_typable_values(
    edits: list[tuple[int, str, Any]],
    package: Path,
    people: People,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("example")
    def edit(changes: list[dict[str, Any]]) -> None:
        for index, key, value in edits:
            changes[index % len(changes)][key] = value

    try:
        bad = forge(package, folder / "dishonest.ombx", people, edit)
    except (TypeError, ValueError):
        event("not writable as JSON")
        return  # not even JSON a signer could write
    with Workspace.open(folder / "supervisor") as supervisor_ws:
        supervisor_ws.set_profile("Budi Santoso")
        before = snapshot(supervisor_ws)
        try:
            receipt = import_package(supervisor_ws, bad, people.supervisor,
                                     passphrase=SUPERVISOR_PASSPHRASE)
        except OmbudError as refused:
            event(f"refused: {refused.code}")
            code = refused.code
        else:
            code = ""
        if code:  # refused with a code: nothing of it is stored
            assert snapshot(supervisor_ws) == before
            return
        event("imported")
        service = AssessmentService(supervisor_ws)
        for entry in receipt.assessments:
            result = service.score(entry.assessment_id)
            assert result.score is None or 0 <= result.score <= 100
            json.dumps(service.document(entry.assessment_id).to_json())  # every value is JSON
