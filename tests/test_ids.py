"""Ids shown to people are unique prefixes of their random part, and resolve back."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import uuid6

from ombud_desktop.domain.ids import MIN_SHOWN, matches, random_part, short_ids
from ombud_desktop.errors import NotFoundError
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.storage import Workspace


def test_ids_made_in_the_same_minute_differ_where_shown() -> None:
    ids = [str(uuid6.uuid7()) for _ in range(2000)]
    assert len({i[:8] for i in ids}) < 5  # the old way: the time, the same for all
    shown = short_ids(ids)
    assert len(set(shown.values())) == len(ids)
    assert all(len(s) >= MIN_SHOWN for s in shown.values())
    for record_id, text in shown.items():
        assert matches(record_id, text)
        assert random_part(record_id).startswith(text)


def test_a_clash_in_the_first_digits_is_shown_longer() -> None:
    a = "0190f000-0000-7000-8abc-def012345678"
    b = "0190f000-0000-7000-8abc-def0ffffffff"
    shown = short_ids([a, b])
    assert shown[a] != shown[b]
    assert shown[a].startswith(shown[b][:MIN_SHOWN])
    assert len(shown[a]) == len(shown[b]) == 12  # 11 digits in common, and one more
    other = str(uuid.uuid4())
    assert random_part(other) == other.replace("-", "")


def test_the_workspace_resolves_what_lists_show(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.set_profile("Siti", None)
        service = AssessmentService(workspace)
        ids = [
            service.create(builtin_instrument("ori-2023"), NewAssessment(
                category="kota", entity_name="Kota Serang", province="Banten",
                locus_name=f"Lokus {n}", period_year=2024)).value
            for n in range(5)
        ]
        shown = short_ids(ids)
        for record_id in ids:
            assert workspace.resolve_assessment_id(shown[record_id]) == record_id
            assert workspace.resolve_assessment_id(record_id) == record_id
            assert workspace.resolve_assessment_id(record_id.upper()) == record_id
        with pytest.raises(NotFoundError) as ambiguous:
            workspace.resolve_assessment_id(ids[0][:8])  # the time: the same for all five
        assert ambiguous.value.code == "ambiguous"
        with pytest.raises(NotFoundError):
            workspace.resolve_assessment_id("zzzzzzzz")
        with pytest.raises(NotFoundError):
            workspace.resolve_assessment_id("   ")
