"""Per-entity inputs of the 2025 model: the trust import, secondary data and products followed.

Real workspaces, real files (CSV, and xlsx made with openpyxl), real supervisor certificates.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from ombud_desktop import words
from ombud_desktop.errors import OmbudError, ValidationError
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.entity_inputs import EntityInputService
from ombud_desktop.storage import Workspace
from ombud_desktop.storage import records as store
from ombud_desktop.storage.entity_inputs import read_entity_inputs
from tests.records_keys import assessor_keys, supervisor_keys

HEADER = ["entity", "province", "period", "score", "respondents"]


@pytest.fixture(name="ws")
def _ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "ws")
    workspace.set_profile("Budi Santoso")
    # Kabupaten Bintan and Karimun (Kepulauan Riau), Kabupaten Pacitan (Jawa Timur), 2024.
    generate_demo(workspace, builtin_instrument("ori-2023"), entities=3, seed=7)
    yield workspace
    workspace.close()


@pytest.fixture(name="keys")
def _keys(tmp_path: Path) -> KeyStore:
    return supervisor_keys(tmp_path / "keys", "Kepulauan Riau")


def _ids(ws: Workspace) -> dict[str, str]:
    return {name: entity_id for entity_id, name in ws.db.execute("SELECT id, name FROM entities")}


def _csv(path: Path, rows: list[list[Any]], header: list[str] = HEADER) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _xlsx(path: Path, rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


GOOD = [
    ["Kabupaten Bintan", "Kepulauan Riau", "2024", "65.98", "120"],
    ["21.02", "kepulauan  RIAU", "2024", "70,5", "80"],  # by register code, a comma
]


def _records(ws: Workspace) -> int:
    return len(store.records_of(ws))


def test_a_csv_trust_file_is_imported_and_read_as_inputs(ws: Workspace, keys: KeyStore,
                                                          tmp_path: Path) -> None:
    service = EntityInputService(ws, keys)
    written = service.import_trust(_csv(tmp_path / "trust.csv", GOOD))
    receipt = written.value
    assert [(line.row, line.entity, line.status) for line in receipt.lines] == [
        (2, "Kabupaten Bintan", "new"), (3, "Kabupaten Karimun", "new")]
    assert written.changes.corrections
    inputs = read_entity_inputs(ws)
    ids = _ids(ws)
    bintan = inputs[(ids["Kabupaten Bintan"], "2024")]
    assert bintan.trust is not None
    assert (bintan.trust.score, bintan.trust.respondents) == (65.98, 120)
    assert bintan.trust.source.startswith("trust.csv sha256:")
    karimun = inputs[(ids["Kabupaten Karimun"], "2024")].trust
    assert karimun is not None
    assert (karimun.score, karimun.respondents) == (70.5, 80)
    assert (ids["Kabupaten Pacitan"], "2024") not in inputs
    assert bintan.products_followed is None
    assert dict(bintan.secondary) == {}


def test_an_xlsx_trust_file_with_numbers_in_cells(ws: Workspace, keys: KeyStore,
                                                  tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "trust.xlsx", [
        ["Kab. Bintan", "Kepulauan Riau", 2024, 65.98, 120],
        ["Kabupaten Karimun", None, 2024.0, 53, 75.0],
        [None, None, None, None, None],  # a blank row a spreadsheet leaves is skipped
    ])
    receipt = EntityInputService(ws, keys).import_trust(path).value
    assert receipt.count("new") == 2
    ids = _ids(ws)
    trust = read_entity_inputs(ws)[(ids["Kabupaten Karimun"], "2024")].trust
    assert trust is not None
    assert (trust.score, trust.respondents) == (53.0, 75)


def test_a_re_import_is_idempotent_and_a_new_file_replaces_visibly(
    ws: Workspace, keys: KeyStore, tmp_path: Path
) -> None:
    service = EntityInputService(ws, keys)
    path = _csv(tmp_path / "trust.csv", GOOD)
    service.import_trust(path)
    before = _records(ws)
    again = service.import_trust(path)
    assert [line.status for line in again.value.lines] == ["unchanged", "unchanged"]
    assert not again.changes
    assert _records(ws) == before

    newer = _csv(tmp_path / "trust-2.csv", [
        ["Kabupaten Bintan", "Kepulauan Riau", "2024", "66.5", "130"],
        GOOD[1],
    ])
    receipt = service.import_trust(newer).value
    first = receipt.lines[0]
    assert (first.status, first.old_score, first.old_respondents, first.score) == (
        "replaced", 65.98, 120, 66.5)
    assert receipt.lines[1].status == "unchanged"
    assert receipt.to_json()["replaced"] == 1
    assert _records(ws) == before + 1  # the old record stays, as history
    trust = read_entity_inputs(ws)[(_ids(ws)["Kabupaten Bintan"], "2024")].trust
    assert trust is not None
    assert trust.score == 66.5
    [view] = service.values(kind="trust", entity_name="Kabupaten Bintan")
    assert (view.value, view.replaces) == (66.5, 1)


BAD_ROWS: list[tuple[list[Any], str, str]] = [
    (["Kabupaten Atlantis", "Kepulauan Riau", "2024", "50", "10"], "trust_row_entity_unknown",
     "entity"),
    (["Kabupaten Bintan", "Jawa Barat", "2024", "50", "10"], "trust_row_province_mismatch",
     "province"),
    (["Kabupaten Bintan", "Kepulauan Riau", "1999", "50", "10"], "trust_row_period_unknown",
     "period"),
    (["Kabupaten Bintan", "Kepulauan Riau", "24", "50", "10"], "trust_row_period", "period"),
    (["Kabupaten Bintan", "Kepulauan Riau", "2024", "120", "10"], "trust_row_score", "score"),
    (["Kabupaten Bintan", "Kepulauan Riau", "2024", "-1", "10"], "trust_row_score", "score"),
    (["Kabupaten Bintan", "Kepulauan Riau", "2024", "lima puluh", "10"], "trust_row_score",
     "score"),
    (["Kabupaten Bintan", "Kepulauan Riau", "2024", "50", "0"], "trust_row_respondents",
     "respondents"),
    (["Kabupaten Bintan", "Kepulauan Riau", "2024", "50", "12.5"], "trust_row_respondents",
     "respondents"),
    (["Kabupaten Bintan", "Kepulauan Riau", "2024", "50", "-3"], "trust_row_respondents",
     "respondents"),
    (["", "Kepulauan Riau", "2024", "50", "10"], "trust_row_entity", "entity"),
    (["Kabupaten Karimun", "Kepulauan Riau", "2024", "50", "10"], "trust_row_duplicate",
     "entity"),
    (["Kabupaten Pacitan", "Jawa Timur", "2024", "50", "10"], "trust_row_not_allowed",
     "entity"),
]


@pytest.mark.parametrize(("bad", "code", "column"), BAD_ROWS)
def test_a_bad_row_refuses_the_whole_file_naming_its_row(
    ws: Workspace, keys: KeyStore, tmp_path: Path, bad: list[Any], code: str, column: str
) -> None:
    service = EntityInputService(ws, keys)
    service.import_trust(_csv(tmp_path / "first.csv", GOOD[:1]))
    before = [s.record.body() for s in store.records_of(ws)]
    inputs = read_entity_inputs(ws)
    path = _csv(tmp_path / "bad.csv", [*GOOD, bad])  # the bad one is row 4
    with pytest.raises(ValidationError) as refused:
        service.import_trust(path)
    error = refused.value
    assert error.code == code
    assert error.data["row"] == 4
    assert error.data["column"] == column
    assert f"row 4, column {column}" in error.message
    assert [s.record.body() for s in store.records_of(ws)] == before
    assert read_entity_inputs(ws) == inputs
    # Worded in both languages with the row.
    for language in ("id", "en"):
        text, _hint = words.describe_error(error, language)
        assert "4" in text, (language, text)


@pytest.mark.parametrize(
    ("header", "code"),
    [
        (["entity", "province", "period", "score"], "trust_file_columns"),
        (["entity", "province", "period", "score", "respondents", "notes"], "trust_file_columns"),
        (["entitas", "provinsi", "periode", "nilai", "responden"], "trust_file_columns"),
    ],
)
def test_wrong_columns_refuse_the_file(ws: Workspace, keys: KeyStore, tmp_path: Path,
                                       header: list[str], code: str) -> None:
    path = _csv(tmp_path / "cols.csv", [row[: len(header)] for row in GOOD], header)
    with pytest.raises(ValidationError) as refused:
        EntityInputService(ws, keys).import_trust(path)
    assert refused.value.code == code
    assert _records(ws) == 0


def test_unreadable_files_are_refused_without_a_traceback(ws: Workspace, keys: KeyStore,
                                                          tmp_path: Path) -> None:
    service = EntityInputService(ws, keys)
    cases = {
        "fake.xlsx": b"PK\x03\x04 not really a workbook",
        "latin.csv": "entity,province,period,score,respondents\nKabupaten Bintán,x,2024,1,1\n"
        .encode("latin-1"),
        "trust.txt": b"entity,province,period,score,respondents\n",
        "empty.csv": b"",
        "header-only.csv": b"entity,province,period,score,respondents\n",
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(OmbudError) as refused:
            service.import_trust(path)
        assert refused.value.code in ("trust_file_unreadable", "trust_file_empty"), name
    with pytest.raises(OmbudError) as missing:
        service.import_trust(tmp_path / "nowhere.csv")
    assert missing.value.code == "trust_file_unreadable"
    assert _records(ws) == 0


def test_semicolons_from_an_indonesian_excel_are_read(ws: Workspace, keys: KeyStore,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "semi.csv"
    path.write_text("\ufeffEntity;Province;Period;Score;Respondents\n"
                    "Kabupaten Bintan;Kepulauan Riau;2024;65,98;120\n", encoding="utf-8")
    receipt = EntityInputService(ws, keys).import_trust(path).value
    assert [(line.score, line.respondents) for line in receipt.lines] == [(65.98, 120)]


def test_only_a_supervisor_imports(ws: Workspace, tmp_path: Path) -> None:
    path = _csv(tmp_path / "trust.csv", GOOD)
    for keys in (assessor_keys(tmp_path / "assessor"), None):
        with pytest.raises(ValidationError) as refused:
            EntityInputService(ws, keys).import_trust(path)
        assert refused.value.code == "inputs_supervisor_only"
    other = supervisor_keys(tmp_path / "jatim", "Jawa Timur")
    with pytest.raises(ValidationError) as refused:
        EntityInputService(ws, other).import_trust(path)
    assert refused.value.code == "trust_row_not_allowed"
    assert refused.value.data["row"] == 2
    assert _records(ws) == 0


def test_secondary_data_and_products_followed(ws: Workspace, keys: KeyStore) -> None:
    service = EntityInputService(ws, keys)
    set_ = service.set_secondary
    first = set_("Kabupaten Bintan", "2024", "OUT01", 72.5, source="BPS Kepri 2024",
                 as_of="2024-06-30").value
    assert (first.old, first.new, first.changed) == (None, 72.5, True)
    same = set_("Kabupaten Bintan", "2024", "OUT01", 72.5, source="BPS  Kepri 2024",
                as_of="2024-06-30")
    assert not same.value.changed
    assert not same.changes
    newer = set_("Kabupaten Bintan", "2024", "OUT01", 75, source="BPS Kepri 2024 (revisi)",
                 as_of="2024-09-30").value
    assert (newer.old, newer.new) == (72.5, 75.0)
    set_("Kabupaten Bintan", "2024", "OUT02", 40, source="KemenPANRB", as_of="2024-01-15")
    followed = service.set_products("Kabupaten Bintan", "2024", True, "LAHP ditindaklanjuti")
    assert followed.value.changed
    assert not service.set_products("Kabupaten Bintan", "2024", True,
                                    "LAHP ditindaklanjuti").value.changed
    service.set_products("Kabupaten Bintan", "2024", False, "Rekomendasi belum")
    inputs = read_entity_inputs(ws)[(_ids(ws)["Kabupaten Bintan"], "2024")]
    assert inputs.products_followed is False
    assert {c: (v.value, v.source, v.as_of) for c, v in inputs.secondary.items()} == {
        "OUT01": (75.0, "BPS Kepri 2024 (revisi)", "2024-09-30"),
        "OUT02": (40.0, "KemenPANRB", "2024-01-15"),
    }
    view = service.of_entity(_ids(ws)["Kabupaten Bintan"], "2024")
    assert view.may_edit
    assert [(v.code, v.value, v.replaces) for v in view.secondary] == [
        ("OUT01", 75.0, 1), ("OUT02", 40.0, 0)]
    assert view.products is not None
    assert view.products.value is False
    assert view.products.detail["note"] == "Rekomendasi belum"
    assert view.trust is None


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("OUT01", 120.0, "BPS", "2024-06-30"), "score_out_of_range"),
        (("OUT01", -0.5, "BPS", "2024-06-30"), "score_out_of_range"),
        (("1X", 50.0, "BPS", "2024-06-30"), "secondary_code_invalid"),
        (("OUT01", 50.0, "  ", "2024-06-30"), "secondary_source_needed"),
        (("OUT01", 50.0, "BPS", "30/06/2024"), "secondary_date_invalid"),
        (("OUT01", 50.0, "BPS", "2024-02-30"), "secondary_date_invalid"),
        (("OUT01", 50.0, "BPS", "2999-01-01"), "secondary_date_future"),
        (("OUT01", 50.0, "x" * 400, "2024-06-30"), "input_text_too_long"),
    ],
)
def test_secondary_values_are_checked_as_typed(ws: Workspace, keys: KeyStore,
                                               args: tuple[Any, ...], code: str) -> None:
    indicator, value, source, as_of = args
    with pytest.raises(ValidationError) as refused:
        EntityInputService(ws, keys).set_secondary(
            "Kabupaten Bintan", "2024", indicator, value, source=source, as_of=as_of)
    assert refused.value.code == code
    assert _records(ws) == 0


def test_inputs_are_a_supervisors_of_the_province(ws: Workspace, tmp_path: Path) -> None:
    for keys in (assessor_keys(tmp_path / "a"), supervisor_keys(tmp_path / "j", "Jawa Timur")):
        service = EntityInputService(ws, keys)
        with pytest.raises(ValidationError) as refused:
            service.set_products("Kabupaten Bintan", "2024", True)
        assert refused.value.code == "inputs_supervisor_only"
        with pytest.raises(ValidationError):
            service.set_secondary("Kabupaten Bintan", "2024", "OUT01", 5, source="BPS",
                                  as_of="2024-01-01")
        assert not service.of_entity(_ids(ws)["Kabupaten Bintan"], "2024").may_edit
    assert _records(ws) == 0
    keys = supervisor_keys(tmp_path / "k", "Kepulauan Riau")
    with pytest.raises(ValidationError) as refused:
        EntityInputService(ws, keys).set_products("Kabupaten Bintan", "2023", True)
    assert refused.value.code == "no_assessment_in_period"


def test_every_code_of_the_inputs_has_words_in_both_languages() -> None:
    import re

    root = Path(__file__).parents[2] / "ombud_desktop"
    text = "".join(
        (root / name).read_text(encoding="utf-8")
        for name in ("services/entity_inputs.py", "services/trust_file.py")
    )
    codes = set(re.findall(r'"((?:trust|secondary|inputs?)_[a-z_]+)"', text))
    codes |= {f"trust_row_{c}" for c in HEADER} | {"trust_row_extra"}
    codes -= {"trust_row_"}
    table = words.error_table()
    missing = sorted(c for c in codes if c not in table or set(table[c]) != {"id", "en"})
    assert not missing
    assert "trust_row_entity_unknown" in codes


_cell = st.one_of(
    st.none(), st.text(max_size=30), st.integers(-10, 10**9), st.floats(allow_nan=True),
    st.sampled_from(["Kabupaten Bintan", "21.02", "Kepulauan Riau", "2024", "65,5", "100.0",
                     "120", "0", "=1+1", "\u0000"]),
)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(_cell, min_size=5, max_size=6), min_size=1, max_size=4))
def test_any_xlsx_content_is_imported_whole_or_refused_whole(
    ws: Workspace, keys: KeyStore, tmp_path: Path, rows: list[list[Any]]
) -> None:
    """Whatever the cells hold, the import raises only OmbudError, and a refusal stores nothing;
    what is stored is in range."""
    path = tmp_path / "any.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    try:
        for row in rows:
            sheet.append(row)
        book.save(path)
    except (ValueError, TypeError, IllegalCharacterError):  # openpyxl refuses some itself
        return
    before = _records(ws)
    try:
        receipt = EntityInputService(ws, keys).import_trust(path).value
    except OmbudError:
        assert _records(ws) == before
        return
    for line in receipt.lines:
        assert 0 <= line.score <= 100
        assert line.respondents > 0
