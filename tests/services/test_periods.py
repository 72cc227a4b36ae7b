"""Purging a closed period while the workspace is open: nothing of it left in the files, even
where SQLite does not zero freed bytes by itself (secure_delete off, as on Windows builds)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.periods import PeriodService
from ombud_desktop.services.scoring import ranked_entities
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.changes import Edit
from tests.conftest import FakeClock


@pytest.fixture
def national(tmp_path: Path) -> KeyStore:
    keys = KeyStore(tmp_path / "keys")
    keys.create_signing_key("kunci pusat 2026", owner="Pusat")
    keys.mark_national()
    return keys


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "ws", clock=FakeClock())
    workspace.set_profile("Pusat")
    workspace.db.execute("PRAGMA secure_delete = OFF")  # old bytes stay unless rewritten
    instrument = builtin_instrument("ori-2023")
    generate_demo(workspace, instrument, entities=1, seed=5, year=2023)
    generate_demo(workspace, instrument, entities=1, seed=3, year=2024)
    yield workspace
    workspace.close()


def _named(ws: Workspace) -> dict[str, set[str]]:
    rows = {r["id"]: str(r["period"]) for r in ws.assessment_rows()}
    out: dict[str, set[str]] = {}
    for number, r in enumerate(ws.respondent_rows(sorted(rows)), 1):
        name = f"Dewi Lestari Nomor{number:04d}"
        ws.write(r["assessment_id"], [Edit("respondent", r["id"], "name", name)])
        out.setdefault(rows[r["assessment_id"]], set()).add(name)
        if r["phone"]:
            out[rows[r["assessment_id"]]].add(r["phone"])
    return out


def _in_files(folder: Path, values: set[str]) -> set[str]:
    blobs = [p.read_bytes() for p in folder.rglob("*") if p.is_file()]
    return {v for v in values if any(v.encode() in blob for blob in blobs)}


def test_a_purge_leaves_nothing_in_the_open_workspaces_files(
    ws: Workspace, national: KeyStore, tmp_path: Path
) -> None:
    personal = _named(ws)
    folder = tmp_path / "ws"
    assert _in_files(folder, personal["2024"]) == personal["2024"]
    before = [(e.entity, e.period, e.score, e.grade, e.provisional) for e in ranked_entities(ws)]
    service = PeriodService(ws, national)
    service.close("2024")
    report = service.purge("2024").value
    assert {a.count.assessment_id for a in report.assessments} == {
        r["id"] for r in ws.assessment_rows() if str(r["period"]) == "2024"
    }
    # The database and its write-ahead log, as they are on disk while it is open.
    assert _in_files(folder, personal["2024"]) == set()
    assert _in_files(folder, personal["2023"]) == personal["2023"]
    after = [(e.entity, e.period, e.score, e.grade, e.provisional) for e in ranked_entities(ws)]
    assert after == before
    names = {r["name"] for r in ws.respondent_rows([r["id"] for r in ws.assessment_rows()])}
    assert personal["2023"] & names
    assert not personal["2024"] & names
