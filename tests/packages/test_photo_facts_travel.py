"""A photo's time, offset and GPS position travel in its package, and are checked like typed.

A package whose photo claims a latitude of 400, an offset of +99:00 or a capture time of
garbage is refused whole, naming the assessment and the cell; the workspace is unchanged. A
photo taken on another day than the visit is shown to the supervisor (review and approval).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ombud_desktop.cli.main import main
from ombud_desktop.instruments import Instrument
from ombud_desktop.packages.export import export_assessment
from ombud_desktop.packages.importer import ImportRefused, import_package
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.services.merge import approval_doubts, review_of
from ombud_desktop.storage import Workspace
from tests.packages.conftest import SUPERVISOR_PASSPHRASE, People, snapshot
from tests.packages.test_forged_changes import _find, forge
from tests.photo_files import phone_photo


def _photographed(ws: Workspace, instrument: Instrument, tmp_path: Path, taken: str) -> str:
    service = AssessmentService(ws)
    aid = service.create(
        instrument,
        NewAssessment(
            category="kota", entity_name="Kota Serang", province="Banten",
            locus_name="Dinas Kependudukan", period_year=2024, team=("Siti Aminah",),
            visit_date="2024-08-12", products=("KTP-el",),
        ),
    ).value
    service.add_evidence(aid, phone_photo(tmp_path / "IMG_0001.HEIC", taken=taken),
                         indicator="IN13")
    return aid


@pytest.fixture
def photo_package(
    assessor_ws: Workspace, instrument: Instrument, people: People, tmp_path: Path
) -> tuple[str, Path]:
    aid = _photographed(assessor_ws, instrument, tmp_path, "2024:08:10 16:02:11")
    path = export_assessment(assessor_ws, aid, tmp_path / "outbox", people.signer,
                             recipient=people.assessor.recipient()).path
    return aid, path


def test_time_offset_and_position_arrive_with_the_photo(
    photo_package: tuple[str, Path], people: People, supervisor_ws: Workspace
) -> None:
    aid, package = photo_package
    import_package(supervisor_ws, package, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    [row] = supervisor_ws.evidence_rows([aid])
    assert row["taken_at"] == "2024-08-10T16:02:11"
    assert row["taken_offset"] == "+07:00"
    assert (row["latitude"], row["longitude"]) == pytest.approx((-6.12, 106.15))


def test_a_photo_of_another_day_is_shown_to_the_supervisor(
    photo_package: tuple[str, Path], people: People, supervisor_ws: Workspace,
    capsys: pytest.CaptureFixture[str],
) -> None:
    aid, package = photo_package
    import_package(supervisor_ws, package, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    [photo] = review_of(supervisor_ws, aid)["other_day_photos"]
    assert (photo["filename"], photo["taken_at"], photo["visit_date"]) == (
        "IMG_0001.HEIC", "2024-08-10T16:02:11", "2024-08-12"
    )
    assert any("IMG_0001.HEIC" in d and "2024-08-10" in d
               for d in approval_doubts(supervisor_ws, aid))
    supervisor_ws.close()
    capsys.readouterr()
    assert main(["--workspace", str(supervisor_ws.root), "review", "show", aid[:8]]) == 0
    out = capsys.readouterr().out
    assert "Photos taken on another day than the visit: 1" in out
    assert "IMG_0001.HEIC (IN13) was taken on 2024-08-10, not on the visit day 2024-08-12" in out


def test_a_photo_of_the_visit_day_is_not_flagged(
    assessor_ws: Workspace, instrument: Instrument, tmp_path: Path
) -> None:
    aid = _photographed(assessor_ws, instrument, tmp_path, "2024:08:12 23:59:59")
    assert review_of(assessor_ws, aid)["other_day_photos"] == []


def _evidence(field: str, value: Any) -> Any:
    def edit(changes: list[dict[str, Any]]) -> None:
        _find(changes, target="evidence", field=field)["value"] = value

    return edit


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("latitude", 400),
        ("latitude", "-6.12"),
        ("longitude", -180.5),
        ("latitude", True),
        ("taken_offset", "+99:00"),
        ("taken_offset", "WIB"),
        ("taken_at", "garbage"),
        ("taken_at", "2024-02-31T10:00:00"),
    ],
)
def test_a_hostile_photo_record_refuses_the_package_naming_the_place(
    photo_package: tuple[str, Path], people: People, supervisor_ws: Workspace, tmp_path: Path,
    field: str, value: Any,
) -> None:
    _aid, package = photo_package
    bad = forge(package, tmp_path / "bad.ombx", people, _evidence(field, value))
    before = snapshot(supervisor_ws)
    with pytest.raises(ImportRefused) as refused:
        import_package(supervisor_ws, bad, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    assert refused.value.code == "change_value"
    assert "Kota Serang" in refused.value.message
    assert "(evidence." in refused.value.message
    assert f".{field})" in refused.value.message
    assert snapshot(supervisor_ws) == before
