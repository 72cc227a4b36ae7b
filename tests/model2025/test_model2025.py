"""The 2025 Opini model as data (issue 17): the new instrument kinds, ori-2025, the period map,
scoring from weighted parts, and 2022-2024 results unchanged."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import pytest

from ombud_desktop.errors import InstrumentError
from ombud_desktop.instruments import (
    builtin_instrument,
    grade_scale_for_period,
    instrument_for_period,
    parse_instrument_text,
)
from ombud_desktop.instruments.periods import parse_period_models
from ombud_desktop.scoring import LocusResult, score_entity
from ombud_desktop.scoring.inputs import EntityInputs, SecondaryValue, TrustResult
from ombud_desktop.services.grading import grade_words
from tests.model2025.golden import GOLDEN, demo_results

ORI_2025 = (
    resources.files("ombud_desktop.resources").joinpath("instruments/ori-2025.yaml").read_text()
)


def inputs(
    trust: float | None = None, secondary: dict[str, float] | None = None,
    products: bool | None = None,
) -> EntityInputs:
    return EntityInputs(
        trust=None if trust is None else TrustResult(trust, 120, "trust.csv sha256:00"),
        secondary=MappingProxyType({
            code: SecondaryValue(code, value, "BPS 2025", "2025-06-30")
            for code, value in (secondary or {}).items()
        }),
        products_followed=products,
    )


def entity(instrument, loci: list[float], given: EntityInputs):
    return score_entity(
        entity_id="e1", entity="Kota Cilegon", category="kota", period="2025",
        loci=[LocusResult(f"a{i}", score, False, locus=f"L{i}") for i, score in enumerate(loci)],
        scale=instrument.grade_scale, rule=instrument.score, inputs=given,
        qualifier=instrument.qualifier, methodology_draft=instrument.is_draft,
    )


# -- the published points ----------------------------------------------------------------------


def test_the_published_points_of_2025() -> None:
    ori = builtin_instrument("ori-2025")
    assert grade_words(65.98, ori, products_followed=True) == (
        "65.98  C  Kuning  Kualitas Sedang Tanpa Maladministrasi  (metodologi sementara)"
    )
    assert grade_words(53.38, ori, products_followed=False).startswith(
        "53.38  D  Merah  Kualitas Rendah  ("
    )
    assert grade_words(53.38, ori, products_followed=True).startswith(
        "53.38  D  Merah  Kualitas Rendah  ("
    )
    assert grade_words(31.99, ori, products_followed=False).startswith("31.99  E  Hitam  ")
    assert grade_words(32.0, ori, products_followed=False).startswith("32.00  D  Merah  ")
    hitam = next(z for z in ori.grade_scale.zones if z.code == "hitam")
    assert hitam.colour == "#212121"
    assert len(ori.grade_scale.zones) == 4


def test_an_entity_scored_with_parts_reaches_the_published_opinion() -> None:
    ori = builtin_instrument("ori-2025")
    secondary = {"OUTS01": 60.0, "OUTS02": 70.0, "OUTS03": 50.0, "OUTS04": 60.0}
    result = entity(ori, [66.0, 64.0], inputs(trust=70.0, secondary=secondary, products=True))
    # dimensions = (75.76 * 65 + 24.24 * 60) / 100 = 63.788; 0.7 * 63.788 + 0.3 * 70 = 65.6516
    assert result.score == pytest.approx(0.7 * (0.7576 * 65 + 0.2424 * 60) + 0.3 * 70)
    assert result.grade.grade == "C"
    assert result.opinion("id") == "Kualitas Sedang Tanpa Maladministrasi"
    assert result.opinion("en") == "Medium quality Without Maladministration"
    assert not result.provisional
    data = result.to_json()
    assert data["trust"] == 70.0
    assert data["qualifier"] == "Tanpa Maladministrasi"
    assert data["methodology"] == "draft"
    parts = {p["code"]: p for p in data["parts"]}
    assert parts["dimensions"]["weight"] == 70.0
    assert parts["trust"]["weight"] == 30.0
    assert parts["OUT"]["value"] == 60.0
    assert parts["OUT"]["parent"] == "dimensions"
    assert parts["field"]["share"] == pytest.approx(0.7 * 0.7576)
    assert {s["code"] for s in data["secondary"]} == set(secondary)


def test_a_missing_trust_value_keeps_the_entity_provisional_and_named() -> None:
    ori = builtin_instrument("ori-2025")
    result = entity(ori, [53.38], inputs(secondary={"OUTS01": 53.38}, products=False))
    assert result.provisional
    assert [(r.code, r.data["input"]) for r in result.reasons] == [
        ("input_missing", "trust"), ("input_missing", "OUTS02"), ("input_missing", "OUTS03"),
        ("input_missing", "OUTS04"),
    ]
    # Left out like a dimension without a score: the parts that have a value make the score.
    assert result.score == pytest.approx(53.38)
    assert result.opinion() == "Kualitas Rendah"
    assert result.to_json()["trust"] is None
    assert result.to_json()["qualifier"] is None


def test_per_locus_and_per_entity_levels_agree_when_every_part_has_a_value() -> None:
    ori = builtin_instrument("ori-2025")
    per_locus = parse_instrument_text(
        ORI_2025.replace("  level: entity\n", "  level: locus\n"), name="copy.yaml"
    )
    given = inputs(trust=40.0, secondary={c: 55.0 for c in ("OUTS01", "OUTS02", "OUTS03",
                                                               "OUTS04")})
    a = entity(ori, [90.0, 50.0, 70.0], given)
    b = entity(per_locus, [90.0, 50.0, 70.0], given)
    assert a.score == pytest.approx(b.score)


def test_changing_a_default_weight_in_a_copy_changes_the_score_and_nothing_in_code() -> None:
    ori = builtin_instrument("ori-2025")
    copy = parse_instrument_text(
        ORI_2025.replace("      weight: 24.24\n", "      weight: 50\n", 1), name="copy.yaml"
    )
    assert copy.content_hash != ori.content_hash
    given = inputs(trust=70.0, secondary={c: 20.0 for c in ("OUTS01", "OUTS02", "OUTS03",
                                                               "OUTS04")})
    before = entity(ori, [80.0], given).score
    after = entity(copy, [80.0], given).score
    assert before == pytest.approx(0.7 * (0.7576 * 80 + 0.2424 * 20) + 0.3 * 70)
    assert after == pytest.approx(0.7 * (75.76 * 80 + 50 * 20) / 125.76 + 0.3 * 70)
    assert after < before


def test_a_final_status_in_the_file_drops_the_provisional_mark() -> None:
    final = parse_instrument_text(
        ORI_2025.replace("methodology_status: draft\n", "methodology_status: final\n"),
        name="copy.yaml",
    )
    assert not final.is_draft
    assert "sementara" not in grade_words(65.98, final, products_followed=True)
    assert builtin_instrument("ori-2025").is_draft
    assert not builtin_instrument("ori-2023").is_draft


# -- every new kind refused with a message naming the place -----------------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    kind: trust\n", "    kind: trusted\n",
         "score.parts[1].kind: must be 'field', 'secondary', 'trust' or 'group'"),
        ("    kind: trust\n", "    kind: field\n",
         "score: parts: give exactly one part of kind 'field'"),
        ("  - code: dimensions\n    kind: group\n", "  - code: dimensions\n    kind: trust\n",
         "score.parts[0]: parts: only a 'group' part has them (this is 'trust')"),
        ("      kind: secondary\n", "      kind: group\n",
         "score.parts[0].parts[1]: indicators: only a 'secondary' part has them"),
        ("        source_hint: {id: Laporan", "        source_hnt: {id: Laporan",
         "score.parts[0].parts[1].indicators[1].source_hint: is required"),
        ("      - code: OUTS02\n", "      - code: OUTS01\n",
         "score.parts[0].parts[1]: secondary indicator code 'OUTS01' appears twice"),
        ("      - code: OUTS02\n", "      - code: IN01\n",
         "score: the secondary indicator code IN01 is also a field indicator's"),
        ("    weight: 30\n", "    weight: 0\n", "score.parts[1].weight: must be a number > 0"),
        ("  level: entity\n", "  level: province\n", "score.level: must be 'entity' or 'locus'"),
        ("  input: products_followed\n", "  input: trust\n",
         "qualifier.input: must be 'products_followed'"),
        ("  grades: [A, B, C]\n", "  grades: [A, B, Z]\n",
         "qualifier.grades: ['Z'] are not grades of the grade scale"),
        ("    colour: '#212121'\n", "    colour: black\n", "grade_scale.zones[3].colour"),
        ("  - code: hitam\n", "  - code: hitan\n",
         "grade_scale: bands: zone 'hitam' is not listed under 'zones'"),
        ("methodology_status: draft\n", "methodology_status: sementara\n",
         "methodology_status: must be 'draft' or 'final'"),
        ("  entities: [Kepolisian Negara Republik Indonesia]\n", "  entities: Kepolisian\n",
         "locus_templates[4].entities: must be a list"),
    ],
)
def test_a_malformed_new_kind_is_refused_naming_the_place(
    old: str, new: str, message: str
) -> None:
    assert old in ORI_2025
    with pytest.raises(InstrumentError) as caught:
        parse_instrument_text(ORI_2025.replace(old, new, 1), name="ori-2025.yaml")
    assert f"ori-2025.yaml: {message}" in str(caught.value)
    assert "(line " in str(caught.value)


# -- periods map to models, as data ------------------------------------------------------------


def test_each_period_gets_its_model() -> None:
    assert [instrument_for_period(y).id for y in (2022, 2023, 2024, 2025, 2026, 2031)] == [
        "ori-2022", "ori-2023", "ori-2023", "ori-2025", "ori-2025", "ori-2025",
    ]
    assert grade_scale_for_period(2019).id == "zones-2015"
    assert grade_scale_for_period(2021).id == "zones-2015"
    assert grade_scale_for_period(2024).id == "ori-2022-grades"
    assert grade_scale_for_period(2025).id == "ori-2025-grades"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("- {from: 2022, to: 2024, instrument: ori-2022}\n- {from: 2023, instrument: ori-2023}\n",
         "models.yaml: models[1]: from 2023 overlaps the entry before it"),
        ("- {from: 2022, instrument: ori-2022, grade_scale: zones-2015}\n",
         "give either 'instrument' or 'grade_scale'"),
        ("- {from: 2025, instrument: ori-2099}\n", "models[0].instrument: 'ori-2099' is not"),
        ("- {from: 2025, to: 2024, instrument: ori-2025}\n", "to: 2024 is before from: 2025"),
    ],
)
def test_a_broken_period_map_is_refused(body: str, message: str) -> None:
    text = f"format: ombud-period-models\nformat_version: 1\nmodels:\n{body}"
    with pytest.raises(InstrumentError) as caught:
        parse_period_models(text, name="models.yaml")
    assert message in str(caught.value)


# -- 2022-2024 unchanged -----------------------------------------------------------------------


def test_2022_to_2024_results_are_unchanged_to_the_last_decimal(tmp_path: Path) -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert demo_results(tmp_path / "ws") == expected


# -- templates of the new sectors, and what screens and reports receive -----------------------


def test_new_sector_templates_follow_the_entity() -> None:
    ori = builtin_instrument("ori-2025")
    land = "Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional"
    assert [t.type for t in ori.templates_for("kementerian", land)] == ["kantah"]
    assert ori.templates_for("kementerian", "Kementerian Keuangan") == []
    police = "Kepolisian Negara Republik Indonesia"
    assert [t.type for t in ori.templates_for("lembaga", police)] == ["polres"]
    assert [t.type for t in ori.templates_for("provinsi")] == ["rsud", "panti_sosial", "sekolah"]
    assert {"rsud", "sekolah"} <= {t.type for t in ori.templates_for("kabupaten")}
    # ori-2023 has no entity-bound templates: its answers are as before.
    assert len(builtin_instrument("ori-2023").templates_for("kota", police)) == 7


def test_results_report_and_spreadsheet_carry_the_parts_and_the_draft_mark(
    tmp_path: Path,
) -> None:
    from ombud_desktop.exports.tables import entity_columns, entity_rows
    from ombud_desktop.reports.model_lines import model_lines
    from ombud_desktop.services.demo import generate_demo
    from ombud_desktop.services.results import load_results
    from ombud_desktop.services.scoring import score_workspace
    from ombud_desktop.storage.workspace import Workspace

    ori = builtin_instrument("ori-2025")
    workspace = Workspace.open(tmp_path / "ws")
    try:
        workspace.set_profile("Demo", None)
        generate_demo(workspace, ori, entities=1, seed=3, year=2025)
        shown = load_results(workspace).entities[0]
        assert shown["methodology_draft"] is True
        assert [p["code"] for p in shown["parts"]] == ["dimensions", "field", "OUT", "trust"]
        assert shown["trust"] is None
        assert shown["qualifier"] is None
        assert {z["code"] for z in load_results(workspace).zones} >= {"hitam"}
        scored = score_workspace(workspace).entities[0]
        lines = model_lines(ori, scored, "id")
        assert lines[0] == "Metodologi sementara: instrumen ori-2025 masih draf."
        assert "Kepercayaan masyarakat (30.00 %): –" in lines
        columns = [c.key for c in entity_columns("id")]
        row = next(entity_rows([scored], {}, {scored.entity_id: ori}, "id"))
        cells = dict(zip(columns, row, strict=True))
        assert cells["methodology_draft"] is True
        assert cells["trust"] is None
        assert "Kepercayaan masyarakat 30" in cells["score_parts"]
    finally:
        workspace.close()
