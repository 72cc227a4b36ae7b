"""Drafts keep what is typed without filling the change log; long texts are refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ombud_desktop.domain.limits import NAME_MAX, NOTE_MAX, PHONE_MAX, REASON_MAX
from ombud_desktop.errors import ValidationError
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.assessments import NewAssessment
from ombud_desktop.services.drafts import SERVICE_USER_DRAFT
from ombud_desktop.services.store import Services
from ombud_desktop.storage import Workspace


@pytest.fixture
def services(tmp_path: Path) -> Iterator[tuple[Services, str]]:
    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.set_profile("Siti Aminah", None)
        s = Services(workspace)
        aid = s.assessments.create(
            builtin_instrument("ori-2023"),
            NewAssessment(category="kota", entity_name="Kota Serang", province="Banten",
                          locus_name="Disdukcapil", period_year=2024, products=("KTP",)),
        ).value
        yield s, aid


def change_count(s: Services, aid: str) -> int:
    return len(list(s.workspace.changes(aid)))


def test_keeping_drafts_writes_no_change_and_they_come_back(
    services: tuple[Services, str],
) -> None:
    s, aid = services
    before = change_count(s, aid)
    typed = "Papan informasi di lobi, "
    for end in range(1, len(typed) + 1):  # one draft per keystroke, as a worst case
        s.drafts.keep(aid, {"note:IN07": typed[:end]})
    s.drafts.keep(aid, {SERVICE_USER_DRAFT: '{"consent": true}'})
    assert change_count(s, aid) == before
    assert s.drafts.of(aid) == {"note:IN07": typed, SERVICE_USER_DRAFT: '{"consent": true}'}
    # Neither counted nor scored: the document has no note and no service user.
    document = s.assessments.document(aid)
    assert document.notes == {}
    assert document.service_users == []


def test_a_saved_answer_settles_its_draft_and_only_that(services: tuple[Services, str]) -> None:
    s, aid = services
    s.drafts.keep(aid, {"note:IN07": "papan di lobi ", "role:R1:position": "Kepala Dinas",
                        "products:2": "KK", SERVICE_USER_DRAFT: "{}"})
    s.assessments.set_note(aid, "IN07", "papan di lobi")
    s.assessments.set_role(aid, "R1", present=True, position="Kepala")  # not what was typed
    assert s.drafts.settle(aid, s.assessments.document(aid)) == ["note:IN07"]
    assert s.drafts.of(aid) == {"role:R1:position": "Kepala Dinas", "products:2": "KK",
                                SERVICE_USER_DRAFT: "{}"}
    s.assessments.set_products(aid, ["KTP", "KK"])
    s.assessments.set_role(aid, "R1", present=True, position="Kepala Dinas")
    settled = s.drafts.settle(aid, s.assessments.document(aid))
    assert sorted(settled) == ["products:2", "role:R1:position"]
    assert s.drafts.of(aid) == {SERVICE_USER_DRAFT: "{}"}
    assert s.drafts.drop(aid, [SERVICE_USER_DRAFT]) == 1
    assert s.drafts.of(aid) == {}


def test_a_draft_of_an_unknown_field_or_too_long_is_refused(
    services: tuple[Services, str],
) -> None:
    s, aid = services
    with pytest.raises(ValidationError) as refused:
        s.drafts.keep(aid, {"status": "complete"})
    assert refused.value.code == "unknown_draft_field"
    with pytest.raises(ValidationError) as refused:
        s.drafts.keep(aid, {"role:R1:position": "x" * (NAME_MAX + 1)})
    assert refused.value.code == "text_too_long"
    s.drafts.keep(aid, {"note:IN07": "x" * NOTE_MAX})  # exactly the limit fits
    assert len(s.drafts.of(aid)["note:IN07"]) == NOTE_MAX


@pytest.mark.parametrize(
    ("name", "write"),
    [
        ("note", lambda s, a: s.assessments.set_note(a, "IN07", "x" * (NOTE_MAX + 1))),
        ("position", lambda s, a: s.assessments.set_role(
            a, "R1", present=True, position="x" * (NAME_MAX + 1))),
        ("name", lambda s, a: s.assessments.set_role(
            a, "R1", present=True, name="x" * (NAME_MAX + 1))),
        ("absent_reason", lambda s, a: s.assessments.set_role(
            a, "R1", present=False, absent_reason="x" * (REASON_MAX + 1))),
        ("na_reason", lambda s, a: s.assessments.set_not_applicable(
            a, "IN08", "x" * (REASON_MAX + 1))),
        ("product", lambda s, a: s.assessments.set_products(a, ["x" * (NAME_MAX + 1)])),
        ("products_reason", lambda s, a: s.assessments.set_products(
            a, ["KTP"], "x" * (REASON_MAX + 1))),
        ("phone", lambda s, a: s.assessments.add_service_user(
            a, consent=True, callback_consent=True, phone="1" * (PHONE_MAX + 1))),
        ("position", lambda s, a: s.assessments.add_complaint_official(
            a, position="x" * (NAME_MAX + 1))),
    ],
)
def test_an_over_long_text_is_refused_with_a_code_and_nothing_changes(
    services: tuple[Services, str], name: str, write: object
) -> None:
    s, aid = services
    before = change_count(s, aid)
    with pytest.raises(ValidationError) as refused:
        write(s, aid)  # type: ignore[operator]
    assert refused.value.code == "text_too_long"
    assert refused.value.data["field"] == name
    assert change_count(s, aid) == before


def test_texts_at_the_limit_are_kept(services: tuple[Services, str]) -> None:
    s, aid = services
    s.assessments.set_note(aid, "IN07", "n" * NOTE_MAX)
    s.assessments.set_role(aid, "R1", present=True, name="a" * NAME_MAX, position="b" * NAME_MAX)
    document = s.assessments.document(aid)
    assert len(document.notes["IN07"]) == NOTE_MAX
    assert document.roles["R1"].position == "b" * NAME_MAX
