"""ombud period close|purge: a closed period's personal data leaves every file of the workspace.

Pusat (the national key) with a demo workspace of two periods; each respondent who has a name
gets one of its own, so a name found in a file belongs to one period only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ombud_desktop.cli.main import main
from ombud_desktop.services.scoring import ranked_entities
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.changes import Edit


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pusat(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Two periods (2023, 2024) of one entity each, and pusat's national key."""
    (tmp_path / "pass").write_text("kunci pusat 2026\n")
    args = ["--workspace", str(tmp_path / "ws"), "--keys", str(tmp_path / "keys")]
    assert main([*args, "init", "--name", "Pusat"]) == 0
    assert main([*args, "keys", "create", "--national", "--passphrase-file",
                 str(tmp_path / "pass")]) == 0
    for year, seed in (("2023", "5"), ("2024", "3")):
        assert main([*args, "demo", "--entities", "1", "--seed", seed, "--year", year,
                     "--quiet"]) == 0
    capsys.readouterr()
    return args


def _personal_by_period(ws_path: Path) -> dict[str, set[str]]:
    """Give every named respondent a name of its own; return each period's names and phones."""
    ws = Workspace.open(ws_path)
    try:
        out: dict[str, set[str]] = {}
        rows = {r["id"]: str(r["period"]) for r in ws.assessment_rows()}
        for number, r in enumerate(ws.respondent_rows(sorted(rows)), 1):
            period = rows[r["assessment_id"]]
            if r["name"]:
                name = f"Sutrisno Wibowo{number:04d}"
                ws.write(r["assessment_id"], [Edit("respondent", r["id"], "name", name)])
                out.setdefault(period, set()).add(name)
            if r["phone"]:
                out.setdefault(period, set()).add(r["phone"])
            if r["nip"]:
                out.setdefault(period, set()).add(r["nip"])
        return out
    finally:
        ws.close()


def _found_in_files(folder: Path, values: set[str]) -> set[str]:
    """Return the values whose UTF-8 bytes are in any file under the folder."""
    blobs = [p.read_bytes() for p in folder.rglob("*") if p.is_file()]
    return {v for v in values if any(v.encode() in blob for blob in blobs)}


def _scores(ws_path: Path) -> list[tuple[object, ...]]:
    ws = Workspace.open(ws_path)
    try:
        return [(e.entity, e.period, e.score, e.provisional) for e in ranked_entities(ws)]
    finally:
        ws.close()


def _log(ws_path: Path) -> list[tuple[str, ...]]:
    ws = Workspace.open(ws_path)
    try:
        return ws.db.execute(
            "SELECT id, assessment_id, target, row_id, field, author, at, supersedes "
            "FROM changes ORDER BY seq"
        ).fetchall()
    finally:
        ws.close()


def test_purge_removes_a_closed_periods_names_and_phones_from_every_file(
    pusat: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws_path = tmp_path / "ws"
    personal = _personal_by_period(ws_path)
    assert len(personal["2024"]) > 20
    assert len(personal["2023"]) > 20
    assert _found_in_files(ws_path, personal["2024"]) == personal["2024"]
    scores, log = _scores(ws_path), _log(ws_path)

    # Purging before closing is refused, and changes nothing.
    code, _, err = run(capsys, *pusat, "period", "purge", "2024")
    assert code == 2
    assert "not closed" in err
    code, out, _ = run(capsys, *pusat, "period", "close", "2024")
    assert code == 0
    assert "1 entities closed now" in out
    code, out, err = run(capsys, *pusat, "period", "purge", "2024", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert [e["outcome"] for e in report["entities"]] == ["purged"]
    assert len(report["assessments"]) == 7
    assert report["removed"]["log_values"] >= len(personal["2024"])
    assert all(a["respondents"] > 0 for a in report["assessments"])

    # No name, NIP or phone of 2024 in any file (the database, its log, anything); 2023's stay.
    assert _found_in_files(ws_path, personal["2024"]) == set()
    assert _found_in_files(ws_path, personal["2023"]) == personal["2023"]
    # Scores, and the change log's structure, are as they were.
    assert _scores(ws_path) == scores
    assert _log(ws_path) == log
    ws = Workspace.open(ws_path)
    try:
        purged = ws.db.execute(
            "SELECT count(*) FROM changes c JOIN assessments a ON a.id = c.assessment_id "
            "WHERE a.period_id = '2024' AND c.target = 'respondent' "
            "AND c.field IN ('name', 'phone', 'nip') AND c.value IS NOT NULL"
        ).fetchone()[0]
        assert purged == 0
        assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # A name typed into the purged period is refused; other answers are not.
        row = next(r for r in ws.respondent_rows([ws.assessment_rows()[-1]["id"]]))
        assert str(ws.assessment_rows(ids=[row["assessment_id"]])[0]["period"]) == "2024"
        from ombud_desktop.errors import StorageError

        with pytest.raises(StorageError) as refused:
            ws.write(row["assessment_id"], [Edit("respondent", row["id"], "name", "Baru")])
        assert refused.value.code == "period_purged"
        ws.write(row["assessment_id"], [Edit("respondent", row["id"], "position", "Kepala")])
    finally:
        ws.close()

    # Again: nothing more to remove, and it says so.
    code, out, _ = run(capsys, *pusat, "period", "purge", "2024")
    assert code == 0
    assert "purged before" in out


def test_an_assessor_may_not_close_a_period(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--workspace", str(tmp_path / "ws"), "--keys", str(tmp_path / "keys")]
    (tmp_path / "pass").write_text("kunci siti 2026\n")
    assert main([*args, "init", "--name", "Siti"]) == 0
    assert main([*args, "keys", "create", "--passphrase-file", str(tmp_path / "pass")]) == 0
    assert main([*args, "demo", "--entities", "1", "--seed", "3", "--quiet"]) == 0
    capsys.readouterr()
    code, _, err = run(capsys, *args, "period", "close", "2024")
    assert code == 2
    assert "Only a supervisor" in err or "only a supervisor" in err
    code, _, err = run(capsys, *args, "period", "close", "1999")
    assert code == 2
    assert "1999" in err
