"""Recording an assessment: validation before writing, consent, locking, trash."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ombud_desktop.domain.assessment import AssessmentDocument
from ombud_desktop.errors import ValidationError
from ombud_desktop.instruments import Instrument
from ombud_desktop.services.assessments import (
    AssessmentService,
    NewAssessment,
    role_respondent_id,
)
from ombud_desktop.services.changes import Changes
from ombud_desktop.storage import Workspace


def answer_everything(service: AssessmentService, instrument: Instrument, aid: str) -> None:
    """Answer a whole locus through the service, as an assessor would."""
    for _dimension, indicator in instrument.indicators():
        if indicator.kind == "rating":
            service.set_rating(aid, indicator.code, 3)
        elif indicator.kind == "sub_items":
            for sub in indicator.sub_items:
                service.set_rating(aid, sub.code, 2)
    for role in ("R1", "R2", "R3", "R4"):
        service.set_role(aid, role, present=True, name=f"Pejabat {role}", position="Kepala")
        service.set_recall(aid, role, "IN01", [f"K{n:02d}" for n in range(1, 11)])
        for code in ("IN02", "IN03", "IN04", "IN05", "IN06"):
            service.set_role_rating(aid, role, code, 3)
    for code in ("PR01", "PR02", "PR03", "PR04", "PR05"):
        for product in (1, 2):
            for channel in ("manual", "electronic"):
                service.set_display(aid, code, product, channel, "complete")
    for _ in range(5):
        user = service.add_service_user(aid, consent=True, product="KTP-el", sex="Perempuan").value
        for code in ("OUT01", "OUT02", "OUT03", "OUT04", "OUT05"):
            service.set_service_user_answer(aid, user, code, "T")


def test_a_fully_answered_locus_scores_as_the_methodology_says(
    service: AssessmentService, instrument: Instrument, assessment_id: str
) -> None:
    answer_everything(service, instrument, assessment_id)
    result = service.score(assessment_id)
    assert not result.provisional, [r.message for r in result.reasons]
    # Only PR06 is below 3 (PR06a = PR06b = 2): PR = 100/3 × (10×3 + 2) / 11.
    pr = 100 / 3 * (10 * 3 + 2) / 11
    assert result.dimensions["PR"].score == pytest.approx(pr)
    expected = (21.85 * 100 + 32.37 * pr + 24.24 * 100 + 21.54 * 100) / 100
    assert result.score == pytest.approx(expected)
    assert result.deficiencies == ["PR06"]


def test_finish_locks_and_reopen_needs_a_reason(
    workspace: Workspace, service: AssessmentService, instrument: Instrument, assessment_id: str
) -> None:
    answer_everything(service, instrument, assessment_id)
    service.finish(assessment_id)
    assert service.document(assessment_id).status == "complete"
    with pytest.raises(ValidationError) as info:
        service.set_rating(assessment_id, "IN07", 0)
    assert info.value.code == "locked"
    with pytest.raises(ValidationError):
        service.reopen(assessment_id, "   ")
    service.reopen(assessment_id, "Koreksi IN07 setelah reviu")
    service.set_rating(assessment_id, "IN07", 0)
    reasons = [c.value for c in workspace.changes(assessment_id) if c.field == "reopen_reason"]
    assert reasons == ["Koreksi IN07 setelah reviu"]


def test_finish_lists_what_is_missing_and_changes_nothing(
    service: AssessmentService, assessment_id: str
) -> None:
    service.set_rating(assessment_id, "IN07", 2)
    with pytest.raises(ValidationError) as info:
        service.finish(assessment_id)
    assert info.value.code == "incomplete"
    codes = {r["code"] for r in info.value.data["reasons"]}
    assert {"indicator_unanswered", "role_missing", "too_few_service_users"} <= codes
    assert service.document(assessment_id).status == "draft"


@pytest.mark.parametrize("value", [4, -1, 2.5, "3", True])
def test_a_level_outside_the_scale_is_refused(
    workspace: Workspace, service: AssessmentService, assessment_id: str, value: object
) -> None:
    before = len(workspace.changes(assessment_id))
    with pytest.raises(ValidationError):
        service.set_rating(assessment_id, "IN07", value)  # type: ignore[arg-type]
    assert len(workspace.changes(assessment_id)) == before


def test_unknown_codes_and_kinds_are_refused(
    service: AssessmentService, assessment_id: str
) -> None:
    with pytest.raises(ValidationError):
        service.set_rating(assessment_id, "IN99", 1)
    with pytest.raises(ValidationError):
        service.set_rating(assessment_id, "IN02", 1)  # a role item, not an assessor rating
    with pytest.raises(ValidationError):
        service.set_display(assessment_id, "PR01", 3, "manual", "complete")  # no product 3
    with pytest.raises(ValidationError):
        service.set_display(assessment_id, "PR01", 1, "radio", "complete")
    with pytest.raises(ValidationError):
        service.set_not_applicable(assessment_id, "PG03", "  ")


def test_service_users_need_consent_and_phone_needs_call_back_consent(
    workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    with pytest.raises(ValidationError) as info:
        service.add_service_user(assessment_id, consent=False, product="KTP-el")
    assert info.value.code == "consent_required"
    with pytest.raises(ValidationError):
        service.add_service_user(assessment_id, consent=True, phone="0812345678")
    user = service.add_service_user(assessment_id, consent=True, callback_consent=True,
                                    phone="0812345678", product="KTP-el", sex="Laki-laki").value
    second = service.add_service_user(assessment_id, consent=True, product="KK").value
    service.set_service_user_answer(assessment_id, user, "OUT02", "Y", follow_up="Rp50.000")
    document = service.document(assessment_id)
    assert [u.number for u in document.service_users] == [1, 2]
    assert document.service_users[0].answers == {"OUT02": "Y"}
    assert document.service_users[0].follow_ups == {"OUT02": "Rp50.000"}
    assert document.service_users[1].respondent_id == second
    with pytest.raises(ValidationError):
        service.set_service_user_answer(assessment_id, user, "OUT02", "Maybe")


def test_role_rules(service: AssessmentService, assessment_id: str) -> None:
    with pytest.raises(ValidationError):
        service.set_role(assessment_id, "R3", present=False)  # no reason
    with pytest.raises(ValidationError) as info:
        service.set_role_rating(assessment_id, "R2", "IN02", 3)  # R2 not recorded yet
    assert info.value.code == "role_not_present"
    rid = service.set_role(assessment_id, "R3", present=False, absent_reason="Dirangkap R2").value
    assert rid == role_respondent_id(assessment_id, "R3")
    service.set_role(assessment_id, "R1", present=True, name="Dr. Ani", position="Kepala")
    assert service.set_recall(assessment_id, "R1", "IN01", ["K01", "K02", "K03"]).value == 1
    with pytest.raises(ValidationError):
        service.set_recall(assessment_id, "R1", "IN01", ["K99"])
    role = service.document(assessment_id).roles
    assert role["R3"].present is False
    assert role["R3"].absent_reason == "Dirangkap R2"
    assert role["R1"].recall == {"IN01": ["K01", "K02", "K03"]}


def test_a_role_interview_records_only_the_fields_that_change(
    workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    def fields_written(**given: object) -> list[str]:
        before = set(workspace.change_ids(assessment_id))
        service.set_role(assessment_id, "R1", **given)  # type: ignore[arg-type]
        return sorted(
            c.field for c in workspace.changes(assessment_id) if c.id not in before
        )

    first = fields_written(present=True, name="Dr. Ani", position="Kepala")
    assert first == ["absent_reason", "kind", "name", "position", "present", "role"]
    assert fields_written(present=True, name="Dr. Ani", position="Kepala") == []
    assert fields_written(present=True, name="Dr. Ani Wijaya", position="Kepala") == ["name"]
    assert fields_written(present=False, absent_reason="Cuti") == ["absent_reason", "present"]
    assert fields_written(present=True) == ["absent_reason", "present"]
    role = service.document(assessment_id).roles["R1"]
    assert (role.present, role.absent_reason, role.name) == (True, None, "Dr. Ani Wijaya")


def test_trash_and_restore(
    workspace: Workspace, service: AssessmentService, assessment_id: str
) -> None:
    service.delete(assessment_id)
    assert workspace.assessment_rows() == []
    with pytest.raises(ValidationError) as info:
        service.set_rating(assessment_id, "IN07", 1)
    assert info.value.code == "deleted"
    service.restore(assessment_id)
    assert [r["id"] for r in workspace.assessment_rows()] == [assessment_id]


def test_the_document_round_trips_through_json_and_hides_personal_data(
    service: AssessmentService, instrument: Instrument, assessment_id: str
) -> None:
    answer_everything(service, instrument, assessment_id)
    service.add_service_user(assessment_id, consent=True, callback_consent=True,
                             phone="08123", product="KK")
    document = service.document(assessment_id)
    full = document.to_json(personal_data=True)
    assert AssessmentDocument.from_json(full) == document
    public = document.to_json()
    text = str(public)
    assert "Pejabat R1" not in text
    assert "08123" not in text
    assert "Pejabat R1" in str(full)


def test_creating_is_one_transaction(tmp_path: Path) -> None:
    """A create that fails at its last write leaves no entity, locus or period behind."""
    from ombud_desktop.errors import StorageError
    from ombud_desktop.instruments import builtin_instrument
    from ombud_desktop.storage import Workspace

    with Workspace.open(tmp_path / "ws") as workspace:  # no profile: the last write refuses
        with pytest.raises(StorageError):
            AssessmentService(workspace).create(
                builtin_instrument("ori-2023"),
                NewAssessment("kota", "Kota Cilegon", "Banten", "Disdukcapil", 2024),
            )
        counts = [
            workspace.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("entities", "loci", "periods", "assessments", "instruments")
        ]
    assert counts == [0, 0, 0, 0, 0]


def test_an_answer_reads_and_scores_the_document_once(
    service: AssessmentService, assessment_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the assessment window runs for an answer: the write, then the state it shows."""
    import ombud_desktop.services.assessments as module

    loads: list[str] = []
    scores: list[str] = []
    real_load, real_score = module.load_document, module.score_locus

    def load(workspace: Any, aid: str) -> Any:
        loads.append(aid)
        return real_load(workspace, aid)

    def score(instrument: Any, document: Any) -> Any:
        scores.append(document.assessment_id)
        return real_score(instrument, document)

    monkeypatch.setattr(module, "load_document", load)
    monkeypatch.setattr(module, "score_locus", score)
    changes = service.set_rating(assessment_id, "IN07", 2)
    state = service.state(assessment_id)
    assert changes == Changes.of([assessment_id])
    assert state.document.answers["IN07"].value == 2
    assert (len(loads), len(scores)) == (1, 1)
