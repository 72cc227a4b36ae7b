"""`ombud report locus|entity|province`: real workspace, real PDFs, text checked with pypdf."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from ombud_desktop.cli.main import main
from ombud_desktop.formatting import format_score
from ombud_desktop.services.scoring import WorkspaceScores, score_workspace
from ombud_desktop.storage import Workspace


def text_of(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-reports")
    assert main(["--workspace", str(folder), "demo", "--entities", "2", "--seed", "2",
                 "--quiet"]) == 0
    return folder


@pytest.fixture(scope="module")
def scores(folder: Path) -> WorkspaceScores:
    with Workspace.open(folder) as ws:
        return score_workspace(ws)


def test_report_locus_writes_the_summary(folder: Path, scores: WorkspaceScores, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    locus = scores.loci[0]
    out = tmp_path / "ringkasan.pdf"
    code = main(["--workspace", str(folder), "report", "locus", locus.row["id"][:8],
                 "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    assert f"Wrote {out}" in capsys.readouterr().out
    text = text_of(out)
    assert locus.row["entity"]["name"] in text
    assert format_score(locus.result.score, "id") in text
    assert f"Predikat: {locus.result.grade.grade}" in text
    assert "Ringkasan Hasil Penilaian di Lokus" in text


def test_report_locus_in_english_and_reproducible(
    folder: Path, scores: WorkspaceScores, tmp_path: Path
) -> None:
    aid = scores.loci[1].row["id"]
    paths = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    for path in paths:
        assert main(["--workspace", str(folder), "report", "locus", aid, "-o", str(path),
                     "--lang", "en", "--reproducible", "--printed-on", "2024-06-01"]) == 0
    assert paths[0].read_bytes() == paths[1].read_bytes()
    text = text_of(paths[0])
    assert "On-site assessment summary" in text
    assert "Printed 1 June 2024" in text
    assert "Grade:" in text
    assert "What to fix" in text


def test_report_entity_by_name_and_by_id(
    folder: Path, scores: WorkspaceScores, tmp_path: Path
) -> None:
    entity = scores.entities[0]
    by_name, by_id = tmp_path / "name.pdf", tmp_path / "id.pdf"
    assert main(["--workspace", str(folder), "report", "entity", entity.entity,
                 "-o", str(by_name)]) == 0
    assert main(["--workspace", str(folder), "report", "entity", entity.entity_id,
                 "-o", str(by_id), "--period", "2024"]) == 0
    for path in (by_name, by_id):
        text = text_of(path)
        assert entity.entity in text
        assert format_score(entity.score, "id") in text
        assert "Rekapitulasi Penilaian Entitas" in text
        assert f"Peringkat: {entity.rank} dari" in text


def test_report_province(folder: Path, scores: WorkspaceScores, tmp_path: Path) -> None:
    out = tmp_path / "provinsi.pdf"
    assert main(["--workspace", str(folder), "report", "province", "-o", str(out)]) == 0
    text = text_of(out)
    assert "Ikhtisar Penilaian Provinsi" in text
    assert "Semua provinsi" in text
    for entity in scores.entities:
        assert entity.entity in text


def test_report_errors_are_plain_messages(folder: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    assert main(["--workspace", str(folder), "report", "entity", "Kota Tidak Ada",
                 "-o", str(out)]) == 2
    assert "error: no single entity named" in capsys.readouterr().err
    assert main(["--workspace", str(folder), "report", "province", "Atlantis",
                 "-o", str(out)]) == 2
    assert "no assessment in province" in capsys.readouterr().err
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert main(["--workspace", str(folder), "report", "province", "-o",
                 str(blocked / "x.pdf")]) == 2
    assert "cannot be written" in capsys.readouterr().err
    assert not out.exists()
