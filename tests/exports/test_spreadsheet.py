"""The spreadsheet export: real workspaces, real files, read back with openpyxl."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from ombud_desktop import words
from ombud_desktop.cli.main import main
from ombud_desktop.errors import ValidationError
from ombud_desktop.exports.spreadsheet import ExportError, export_spreadsheet
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.scoring import score_workspace
from ombud_desktop.storage import Workspace


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """A workspace with 3 demo entities (21 loci) and two corrections."""
    folder = tmp_path_factory.mktemp("demo") / "ws"
    with Workspace.open(folder) as workspace:
        workspace.set_profile("Siti Aminah", None)
        generate_demo(workspace, builtin_instrument("ori-2023"), entities=3, seed=5)
        entities = score_workspace(workspace).entities
        workspace.add_correction(entities[0].entity_id, "2024", "points", 2.5, None,
                                 "Data pengaduan tidak dapat diverifikasi")
        workspace.add_correction(entities[1].entity_id, "2024", "cap", 0.0, "D",
                                 "Rekomendasi Ombudsman diabaikan")
    workspace = Workspace.open(folder)
    yield workspace
    workspace.close()


def sheet_rows(path: Path, title: str) -> list[list[Any]]:
    book = load_workbook(path, read_only=True)
    try:
        rows = [[cell.value for cell in row] for row in book[title].iter_rows()]
    finally:
        book.close()
    # Empty cells at the end of a row are not stored: pad each row to the widest.
    width = max((len(row) for row in rows), default=0)
    return [row + [None] * (width - len(row)) for row in rows]



def as_dicts(rows: list[list[Any]]) -> list[dict[str, Any]]:
    header, *body = rows
    return [dict(zip(header, row, strict=True)) for row in body]


def test_workbook_has_the_four_sheets_with_every_entity_locus_and_service_user(
    demo: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "hasil.xlsx"
    summary = export_spreadsheet(demo, out)
    scores = score_workspace(demo)
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == ["Entitas", "Lokus", "Pengguna layanan", "Instrumen"]
    book.close()
    entities = as_dicts(sheet_rows(out, "Entitas"))
    loci = as_dicts(sheet_rows(out, "Lokus"))
    users = as_dicts(sheet_rows(out, "Pengguna layanan"))
    instrument = as_dicts(sheet_rows(out, "Instrumen"))
    assert len(entities) == len(scores.entities) == 3
    assert len(loci) == len(scores.loci) == 21
    n_users = sum(len(d.service_users) for _r, d in _documents(demo))
    assert len(users) == n_users > 0
    assert len(instrument) == len(builtin_instrument("ori-2023").indicators()) + 2  # PR06a/b
    assert summary.rows == {"entities": 3, "loci": 21, "service-users": n_users,
                            "instrument": len(instrument)}
    # The scores are the scoring's, not recomputed: compare with score_workspace.
    by_id = {e.entity_id: e for e in scores.entities}
    for row in entities:
        expected = by_id[row["ID entitas"]]
        assert row["Nilai"] == pytest.approx(round(expected.score, 2), abs=0.005)
        assert row["Predikat"] == expected.grade.grade
        assert row["Peringkat"] == expected.rank
        assert row["Periode"] == 2024
    loci_by_id = {s.row["id"]: s.result for s in scores.loci}
    for row in loci:
        result = loci_by_id[row["ID penilaian"]]
        assert row["Nilai"] == pytest.approx(result.score, abs=0.005)
        assert row["Sementara"] is result.provisional
        assert row["IN07"] == result.indicators["IN07"].value
        assert row["OUT01"] == pytest.approx(result.indicators["OUT01"].value)
        assert row["Dimensi PR"] == pytest.approx(result.dimensions["PR"].score, abs=0.005)
        if result.provisional:
            assert row["Alasan sementara"] == "; ".join(
                words.reason_text(r.code, r.target, r.data, "id") for r in result.reasons)
            assert row["Jumlah kekurangan"] == len(result.reasons)


def _documents(workspace: Workspace) -> list[Any]:
    from ombud_desktop.storage.documents import iter_documents

    return list(iter_documents(workspace))


def test_numbers_are_numbers_and_flags_are_booleans(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "hasil.xlsx"
    export_spreadsheet(demo, out)
    book = load_workbook(out, read_only=True)
    numeric = {
        "Entitas": ["Periode", "Nilai", "Rata-rata lokus", "Potongan poin", "Peringkat",
                    "Jumlah lokus"],
        "Lokus": ["Periode", "Dimensi IN", "Nilai", "IN01", "PR06", "OUT05", "PG06",
                  "Jumlah kekurangan"],
        "Pengguna layanan": ["Periode", "No."],
        "Instrumen": ["Bobot dimensi", "Bobot"],
    }
    for title, names in numeric.items():
        rows = list(book[title].iter_rows(max_row=6))
        header = [cell.value for cell in rows[0]]
        for name in names:
            cells = [row[header.index(name)] for row in rows[1:]]
            filled = [c for c in cells if c.value is not None]
            assert filled, f"{title}/{name} has no values in the first rows"
            assert all(c.data_type == "n" for c in filled), (title, name)
            assert all(isinstance(c.value, int | float) for c in filled), (title, name)
    lokus = list(book["Lokus"].iter_rows(max_row=3))
    header = [cell.value for cell in lokus[0]]
    assert lokus[1][header.index("Sementara")].data_type == "b"
    assert isinstance(lokus[1][header.index("Tanggal kunjungan")].value, datetime | date)
    book.close()


def test_corrections_are_shown_with_their_reason(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "hasil.xlsx"
    export_spreadsheet(demo, out)
    entities = as_dicts(sheet_rows(out, "Entitas"))
    points = [e for e in entities if e["Potongan poin"]]
    capped = [e for e in entities if e["Batas predikat"]]
    assert len(points) == 1
    assert points[0]["Potongan poin"] == 2.5
    assert points[0]["Nilai"] == pytest.approx(points[0]["Rata-rata lokus"] - 2.5, abs=0.01)
    # The shared words of a correction (the app and the PDF print the same).
    assert points[0]["Koreksi substantif"] == (
        "−2,5 poin: Data pengaduan tidak dapat diverifikasi")
    assert points[0]["Koreksi substantif"] == words.correction_text(
        "points", 2.5, None, "Data pengaduan tidak dapat diverifikasi", "id")
    assert len(capped) == 1
    assert capped[0]["Batas predikat"] == "D"
    assert capped[0]["Koreksi substantif"] == (
        "predikat paling tinggi D: Rekomendasi Ombudsman diabaikan")
    assert capped[0]["Predikat dibatasi"] is (capped[0]["Predikat"] == "D"
                                              and capped[0]["Rata-rata lokus"] >= 54)


def test_english_headers_and_words(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "results.xlsx"
    export_spreadsheet(demo, out, language="en")
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == ["Entities", "Loci", "Service users", "Instrument"]
    book.close()
    entities = as_dicts(sheet_rows(out, "Entities"))
    assert {"Period", "Province", "Entity", "Score", "Grade", "Zone", "Rank",
            "Substantive corrections"} <= set(entities[0])
    assert {e["Zone"] for e in entities} <= {"Green", "Yellow", "Red"}
    users = as_dicts(sheet_rows(out, "Service users"))
    assert {"Sex", "Age", "OUT01", "Consent to interview"} <= set(users[0])
    assert {u["OUT01"] for u in users} <= {"Yes", "No", "Don't know", None}
    loci = as_dicts(sheet_rows(out, "Loci"))
    assert {row["Status"] for row in loci} <= {"Draft", "Complete", "Signed"}


def test_no_personal_data_unless_asked_for(demo: Workspace, tmp_path: Path) -> None:
    phones = {u.phone for _r, d in _documents(demo) for u in d.service_users if u.phone}
    assert phones, "the demo records some phone numbers"
    out = tmp_path / "hasil.xlsx"
    export_spreadsheet(demo, out)
    text = "\n".join(
        str(value)
        for title in ("Entitas", "Lokus", "Pengguna layanan", "Instrumen")
        for row in sheet_rows(out, title)
        for value in row
    )
    assert not any(phone in text for phone in phones)
    assert "Telepon" not in text
    assert "data pribadi" not in text


def test_personal_data_when_asked_for_is_marked(demo: Workspace, tmp_path: Path) -> None:
    phones = {u.phone for _r, d in _documents(demo) for u in d.service_users if u.phone}
    out = tmp_path / "hasil.xlsx"
    summary = export_spreadsheet(demo, out, personal_data=True)
    assert summary.personal_data
    book = load_workbook(out, read_only=True)
    assert book.sheetnames[2] == "Pengguna layanan (data pribadi)"
    book.close()
    note, header, *body = sheet_rows(out, "Pengguna layanan (data pribadi)")
    assert note[0].startswith("DATA PRIBADI")
    assert header[-1] == "Telepon (data pribadi)"
    assert {row[-1] for row in body if row[-1]} == phones


def test_period_filter(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "hasil.xlsx"
    summary = export_spreadsheet(demo, out, period="2023")
    assert summary.rows["entities"] == 0
    assert summary.rows["loci"] == 0
    assert sheet_rows(out, "Entitas")[0][0] == "Periode"  # the header is still there
    summary = export_spreadsheet(demo, out, period="2024")
    assert summary.rows["loci"] == 21


def test_csv_writes_one_table(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "lokus.csv"
    summary = export_spreadsheet(demo, out)
    assert summary.rows == {"loci": 21}
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as UTF-8
    with open(out, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 21
    assert float(rows[0]["Nilai"]) > 0
    assert rows[0]["Sementara"] in {"TRUE", "FALSE"}
    out = tmp_path / "entities.csv"
    summary = export_spreadsheet(demo, out, sheet="entities", language="en", personal_data=True)
    assert not summary.personal_data  # only the service-user table has any
    with open(out, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 3
    assert "Score" in rows[0]


def test_bad_arguments_leave_no_file(demo: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        export_spreadsheet(demo, tmp_path / "x.ods")
    with pytest.raises(ValidationError):
        export_spreadsheet(demo, tmp_path / "x.xlsx", sheet="loci")
    with pytest.raises(ValidationError):
        export_spreadsheet(demo, tmp_path / "x.csv", sheet="nope")
    with pytest.raises(ExportError):
        export_spreadsheet(demo, tmp_path / "missing" / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_export_keeps_the_old_file_and_leaves_no_temporary(
    demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "hasil.xlsx"
    out.write_bytes(b"old")

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("openpyxl.workbook.workbook.Workbook.save", broken)
    # A temporary folder of this test's own: other processes' openpyxl files are not ours.
    own_temp = tmp_path / "temp"
    own_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(own_temp))
    with pytest.raises(ExportError) as caught:
        export_spreadsheet(demo, out, personal_data=True)
    # openpyxl's own temporary files (one per sheet) are gone too.
    assert list(own_temp.iterdir()) == []
    assert caught.value.code == "disk_full"
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hasil.xlsx", "temp"]


def test_control_characters_in_texts_do_not_break_the_workbook(tmp_path: Path) -> None:
    from ombud_desktop.exports.spreadsheet import _XlsxSink
    from ombud_desktop.exports.tables import Column

    out = tmp_path / "x.xlsx"
    sink = _XlsxSink(out)
    writer = sink.table("loci", "Lokus", [Column("a", "A"), Column("b", "B")], None)
    writer.append(["Catatan\x0bdari\x01HP", 2.5])
    writer.append(["baris\nkedua", 3])
    sink.close()
    assert sheet_rows(out, "Lokus") == [["A", "B"], ["CatatandariHP", 2.5], ["baris\nkedua", 3]]


# -- the command ----------------------------------------------------------------------------------


def test_cli_spreadsheet(demo: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                         ) -> None:
    out = tmp_path / "hasil.xlsx"
    code = main(["--workspace", str(demo.root), "spreadsheet", str(out), "--quiet"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.out.startswith(f"Wrote {out}: 3 entities, 21 loci, ")
    assert sheet_rows(out, "Entitas")[0][0] == "Periode"
    code = main(["--workspace", str(demo.root), "spreadsheet", str(out), "--lang", "en",
                 "--period", "2024", "--personal-data", "--quiet"])
    captured = capsys.readouterr()
    assert code == 0
    assert "personal data" in captured.err
    book = load_workbook(out, read_only=True)
    assert book.sheetnames[2] == "Service users (personal data)"
    book.close()
    code = main(["--workspace", str(demo.root), "spreadsheet", str(tmp_path / "x.csv"),
                 "--sheet", "instrument", "--quiet"])
    assert code == 0
    code = main(["--workspace", str(demo.root), "spreadsheet", str(tmp_path / "x.pdf")])
    captured = capsys.readouterr()
    assert code == 2
    assert "must end in .xlsx or .csv" in captured.err
