"""What an import reads for each package does not grow with the years the workspace holds.

Naming duplicates and finding purged assessments read the package's assessments through their
ids and the (locus, period) index (issue 19: read whole for every package, they made a merge
into a decade ten times slower). The answers are those of reading everything; the work, counted
in SQLite's virtual-machine steps (never a time), stays about the same beside eight more years.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ombud_desktop.instruments import Instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.locus_state import locus_period_rows, rows_beside
from ombud_desktop.storage.purge import purged_assessments
from tests.conftest import FakeClock, sqlite_steps


def _years(root: Path, instrument: Instrument, years: tuple[int, ...]) -> Workspace:
    ws = Workspace.open(root, clock=FakeClock())
    ws.set_profile("Siti Aminah", "198701012010012001")
    for year in years:
        generate_demo(ws, instrument, entities=2, seed=year, year=year)
    return ws


def _package_ids(ws: Workspace) -> list[str]:
    """The assessments of one package-sized import of 2024, one of them twice for its locus."""
    rows = ws.assessment_rows(period="2024")
    return [r["id"] for r in rows[:7]]


def test_rows_beside_are_those_of_reading_every_assessment(
    tmp_path: Path, instrument: Instrument
) -> None:
    ws = _years(tmp_path / "ws", instrument, (2023, 2024))
    try:
        ids = _package_ids(ws)
        keys = {(r["locus_id"], r["period_id"]) for r in locus_period_rows(ws) if r["id"] in ids}
        assert rows_beside(ws, ids) == locus_period_rows(ws, keys)
        assert len(rows_beside(ws, ids)) >= len(ids)
        assert rows_beside(ws, []) == []
        assert purged_assessments(ws, ids) == [i for i in purged_assessments(ws) if i in ids]
    finally:
        ws.close()


def test_what_an_import_reads_does_not_grow_with_other_years(
    tmp_path: Path, instrument: Instrument
) -> None:
    one = _years(tmp_path / "one", instrument, (2023, 2024))
    many = _years(tmp_path / "many", instrument, (*range(2016, 2024), 2024))
    try:
        ids_one, ids_many = _package_ids(one), _package_ids(many)
        works: list[Callable[[Workspace, list[str]], object]] = [rows_beside, purged_assessments]
        for work in works:
            small = sqlite_steps(one, lambda w=work: w(one, ids_one))
            large = sqlite_steps(many, lambda w=work: w(many, ids_many))
            # Reading every assessment would take about 4.5 times the work (nine years, two).
            assert large <= 1.5 * small + 5, (work, small, large)
            # what reading them all cost before (the test can fail): far more than that
            whole = sqlite_steps(many, lambda: locus_period_rows(many))
            assert whole > 1.5 * small + 5, (small, whole)
    finally:
        one.close()
        many.close()
