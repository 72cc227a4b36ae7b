"""Entities travel by their register code; names are matched by key; instruments by period.

Real signed packages between two real workspaces; doctored ones are signed again with the
sender's key (tests/packages/doctored.py), so only what they carry is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ombud_desktop.domain import register
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.packages.export import export_assessment
from ombud_desktop.packages.importer import ImportRefused, import_package
from ombud_desktop.packages.registered import entity_problem
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.documents import load_document
from tests.conftest import FakeClock
from tests.packages.conftest import People, snapshot
from tests.packages.doctored import Document, doctor, document_of

ORI_2023 = builtin_instrument("ori-2023")


@pytest.fixture
def second(tmp_path: Path) -> Iterator[Workspace]:
    """The assessor's own workspace, where the packages are made."""
    ws = Workspace.open(tmp_path / "second", clock=FakeClock())
    ws.set_profile("Siti Aminah", "198701012010012001")
    yield ws
    ws.close()


def _made(ws: Workspace, people: People, folder: Path, new: NewAssessment) -> Path:
    aid = AssessmentService(ws).create(ORI_2023, new).value
    return export_assessment(ws, aid, folder, people.signer).path


def _entities(ws: Workspace) -> list[tuple[Any, ...]]:
    return ws.db.execute("SELECT category, name, province, code FROM entities").fetchall()


def test_the_package_carries_the_code_and_the_importer_matches_by_it(
    second: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    # Here the entity exists already, typed before the register with its own spelling.
    supervisor_ws.ensure_entity("kota", "Kota Serang", "Banten")
    supervisor_ws.db.execute("UPDATE entities SET name = 'KOTA SERANG (lama)', match_key = 'x'")
    package = _made(second, people, tmp_path / "out",
                    NewAssessment("kota", "kota serang", "banten", "Disdukcapil", 2024))
    assert document_of(package)["entity"]["code"] == "36.73"
    import_package(supervisor_ws, package, people.supervisor)
    assert _entities(supervisor_ws) == [("kota", "KOTA SERANG (lama)", "Banten", "36.73")]


def test_look_alike_and_respaced_names_from_an_older_package_join_the_entity_here(
    second: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    AssessmentService(supervisor_ws).create(
        ORI_2023, NewAssessment("kota", "Kota Serang", "Banten", "Dinas Sosial", 2024)
    )
    package = _made(second, people, tmp_path / "out",
                    NewAssessment("kota", "Kota Serang", "Banten", "Dinas Sosial", 2024))

    def older_and_look_alike(document: Document) -> None:
        del document["entity"]["code"]  # made before the register
        document["entity"]["name"] = "K\u043eta  S\u0435rang"  # Cyrillic о and е, two spaces
        document["entity"]["province"] = " banten"
        document["locus"]["name"] = "Dinas  So\u0455ial"  # Cyrillic ѕ

    doctored = doctor(package, tmp_path / "doctored" / package.name, people.signer,
                      older_and_look_alike)
    import_package(supervisor_ws, doctored, people.supervisor)
    assert _entities(supervisor_ws) == [("kota", "Kota Serang", "Banten", "36.73")]
    assert supervisor_ws.db.execute("SELECT name FROM loci").fetchall() == [("Dinas Sosial",)]
    assert len(supervisor_ws.assessment_rows()) == 2  # both assessments, one locus


def test_an_unregistered_entity_respaced_elsewhere_is_one_entity(
    second: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    supervisor_ws.ensure_entity("kabupaten", "Kabupaten Uji", "Banten")
    package = _made(second, people, tmp_path / "out",
                    NewAssessment("kabupaten", "kabupaten   UJI", "Banten", "Dinas Sosial", 2024))
    assert document_of(package)["entity"]["code"] is None
    import_package(supervisor_ws, package, people.supervisor)
    assert _entities(supervisor_ws) == [("kabupaten", "Kabupaten Uji", "Banten", None)]


def _refused(package: Path, people: People, ws: Workspace, folder: Path,
             edit: Any) -> ImportRefused:
    doctored = doctor(package, folder / package.name, people.signer, edit)
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as info:
        import_package(ws, doctored, people.supervisor)
    assert snapshot(ws) == before  # nothing changed
    return info.value


def _set_entity(**values: Any) -> Any:
    def edit(document: Document) -> None:
        document["entity"].update(values)

    return edit


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (_set_entity(code="99.99"), "entity_code_unknown"),
        (_set_entity(code=36.73), "entity_code_unknown"),
        (_set_entity(code="18.71"), "entity_code_mismatch"),  # Bandar Lampung, not in Banten
        (_set_entity(code="36.04"), "entity_code_mismatch"),  # a kabupaten, not a kota
        (_set_entity(code=None, name="Kota \u0405\u0435\u0433\u0430\u043d\u0433"),
         "name_foreign_letters"),
        (_set_entity(category="desa"), "member_invalid"),
        (_set_entity(province=["Banten"]), "member_invalid"),
    ],
)
def test_a_package_with_a_wrong_code_or_an_unknown_look_alike_is_refused_whole(
    second: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path,
    edit: Any, code: str,
) -> None:
    package = _made(second, people, tmp_path / "out",
                    NewAssessment("kota", "Kota Serang", "Banten", "Disdukcapil", 2024))
    refused = _refused(package, people, supervisor_ws, tmp_path / "bad", edit)
    assert refused.code == code
    member = f"assessments/{document_of(package)['assessment_id']}.json"
    assert member in str(refused.data["problems"])


def test_an_instrument_outside_its_periods_travels_with_its_reason(
    second: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    reason = "Instrumen 2025 belum terbit"
    package = _made(second, people, tmp_path / "out", NewAssessment(
        "kota", "Kota Cilegon", "Banten", "Disdukcapil", 2025, instrument_reason=reason))
    import_package(supervisor_ws, package, people.supervisor)
    [row] = supervisor_ws.assessment_rows()
    assert row["instrument_reason"] == reason
    assert load_document(supervisor_ws, row["id"]).instrument_reason == reason


def test_an_instrument_outside_its_periods_without_a_reason_is_refused(
    second: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    package = _made(second, people, tmp_path / "out", NewAssessment(
        "kota", "Kota Cilegon", "Banten", "Disdukcapil", 2025, instrument_reason="Uji coba"))

    def without_reason(document: Document) -> None:
        document["changes"] = [
            c for c in document["changes"] if c["field"] != "instrument_reason"
        ]

    refused = _refused(package, people, supervisor_ws, tmp_path / "bad", without_reason)
    assert refused.code == "instrument_period_mismatch"
    assert document_of(package)["assessment_id"] in refused.message + str(refused.data)


_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.text(max_size=300), st.sampled_from(["36.73", "36", "kementerian:kesehatan", "kota"]),
    st.lists(st.text(max_size=5), max_size=2), st.dictionaries(st.text(max_size=3), st.none()),
)


@given(category=_VALUES, name=_VALUES, province=_VALUES, code=_VALUES)
def test_whatever_a_document_says_of_its_entity_the_check_answers_without_raising(
    category: Any, name: Any, province: Any, code: Any
) -> None:
    document = {"entity": {"category": category, "name": name, "province": province,
                           "code": code}}
    problem = entity_problem(document, "assessments/x.json")
    if problem is not None:
        assert problem.member == "assessments/x.json"
    else:  # only a document a workspace can store passes
        assert category in ("kementerian", "lembaga", "provinsi", "kota", "kabupaten")
        assert isinstance(name, str)
        assert isinstance(province, str)
        assert code is None or register.by_code(code) is not None
