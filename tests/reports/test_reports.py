"""Reports as PDFs: real workspaces, real PDFs, text extracted with pypdf and checked."""

from __future__ import annotations

import io
import shutil
import string
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ombud_desktop import words
from ombud_desktop.errors import ReportError
from ombud_desktop.formatting import format_date, format_score
from ombud_desktop.instruments import Instrument, builtin_instrument
from ombud_desktop.packages.state import assessment_state_digest, verification_code
from ombud_desktop.reports.data import format_value, what_a_top_level_requires
from ombud_desktop.reports.labels import LANGUAGES, keys, label
from ombud_desktop.reports.render import render_entity, render_locus, render_province
from ombud_desktop.services.assessments import AssessmentService
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.reports import (
    ReportRequest,
    build_report,
    entity_report,
    locus_report,
    province_report,
    save_pdf,
)
from ombud_desktop.services.scoring import score_workspace
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.documents import load_document

PRINTED = "2024-06-01"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """Two entities of 7 loci each (seed 1: some provisional, some with photos)."""
    ws = Workspace.open(tmp_path_factory.mktemp("reports") / "ws")
    ws.set_profile("Demo", None)
    generate_demo(ws, builtin_instrument("ori-2023"), entities=2, seed=1)
    yield ws
    ws.close()


def flat(text: str) -> str:
    """Return text with every run of white space as one space (lines wrap in a PDF)."""
    return " ".join(text.split())


def pdf_text(pdf: bytes) -> str:
    return flat("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def locus_with_photos(ws: Workspace) -> str:
    rows = ws.assessment_rows()
    return max(rows, key=lambda r: len(load_document(ws, r["id"]).evidence))["id"]


def locus_where(ws: Workspace, provisional: bool) -> str:
    for scored in score_workspace(ws).loci:
        if scored.result.provisional == provisional:
            return scored.row["id"]
    raise AssertionError(f"the demo has no locus with provisional={provisional}")


# -- the on-site summary ----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_locus_summary_holds_names_scores_grade_indicators_and_deficiencies(
    demo: Workspace, language: str
) -> None:
    aid = locus_with_photos(demo)
    report = locus_report(demo, aid, language=language, printed_on=PRINTED)
    text = pdf_text(render_locus(report))
    document = load_document(demo, aid)
    assert document.entity["name"] in text
    assert flat(document.locus["name"]) in text
    assert format_date(document.visit_date, language) in text
    for name in document.team:
        assert name in text
    assert report.score is not None
    assert report.grade is not None
    assert format_score(report.score, language) in text
    assert f"{label('grade', language)}: {report.grade.grade}" in text
    assert report.grade.opinion in text
    assert report.grade.zone_label in text
    for dimension in report.dimensions:
        assert f"{dimension.code} · {dimension.title}" in text
        assert format_score(dimension.score, language) in text
    for row in report.indicators:
        assert row.code in text
        assert flat(row.title) in text
    assert report.deficiencies, "a demo locus falls short somewhere"
    for item in report.deficiencies:
        assert flat(f"{item.code} {item.title}") in text
        assert flat(item.fix) in text
    assert label("deficiencies", language) in text
    assert label("sample_text", language, counted=report.sample_counted,
                 target=report.sample_target, minimum=report.sample_minimum) in text
    for role in report.roles:
        assert flat(role.title) in text
    assert label("page", language, page=1, pages=pages(render_locus(report))) in text
    if language == "en":
        assert "Opinion" in text
        assert "Signatures" in text
        assert "Head of the unit" in text
    else:
        assert "Opini" in text
        assert "Tanda tangan" in text
        assert "Pimpinan unit" in text


def test_the_deficiencies_are_the_indicators_below_3_with_what_a_3_requires(
    demo: Workspace,
) -> None:
    aid = locus_with_photos(demo)
    report = locus_report(demo, aid, printed_on=PRINTED)
    instrument = demo.instrument(load_document(demo, aid).instrument_hash)
    below = [row.code for row in report.indicators if row.value is not None and row.value < 3]
    assert [d.code for d in report.deficiencies] == below
    in07 = instrument.indicator("IN07")
    assert what_a_top_level_requires(instrument, "IN07", "id") == in07.anchors[3].id
    assert what_a_top_level_requires(instrument, "IN07", "en") == in07.anchors[3].en
    assert what_a_top_level_requires(instrument, "PR01", "id") == \
        instrument.indicator("PR01").complete.id
    assert "10 dari 14" in what_a_top_level_requires(instrument, "IN01", "id")
    assert "PR06a" not in what_a_top_level_requires(instrument, "PR06", "en")
    assert format_value(2.5, "en") == "2.50"
    assert format_value(2.5, "id") == "2,50"
    assert format_value(3.0, "id") == "3"
    assert format_value(None, "id") == "–"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_provisional_summary_says_what_is_missing_in_its_language(
    demo: Workspace, language: str
) -> None:
    aid = locus_where(demo, provisional=True)
    result = score_workspace(demo).loci
    reasons = next(s.result.reasons for s in result if s.row["id"] == aid)
    report = locus_report(demo, aid, language=language, printed_on=PRINTED)
    shared = tuple(words.reason_text(r.code, r.target, r.data, language) for r in reasons)
    assert report.open_reasons == shared
    text = pdf_text(render_locus(report))
    assert label("open_reasons", language) in text
    for reason in shared:
        assert flat(reason) in text
    other = "en" if language == "id" else "id"
    assert words.reason_text(reasons[0].code, reasons[0].target, reasons[0].data, other) not in text


def test_a_complete_summary_lists_nothing_missing(demo: Workspace) -> None:
    report = locus_report(demo, locus_where(demo, provisional=False), printed_on=PRINTED)
    assert report.open_reasons == ()
    assert label("open_reasons", "id") not in pdf_text(render_locus(report))


def test_provisional_is_marked_only_when_it_is(demo: Workspace) -> None:
    for provisional in (True, False):
        aid = locus_where(demo, provisional)
        for language in LANGUAGES:
            text = pdf_text(build_report(
                demo, ReportRequest("locus", aid, language=language, printed_on=PRINTED)).pdf)
            assert (label("provisional", language) in text) is provisional


def test_the_verification_code_is_the_state_digest_and_follows_the_data(
    demo: Workspace, tmp_path: Path
) -> None:
    aid = locus_with_photos(demo)
    digest = assessment_state_digest(demo, aid)
    report = locus_report(demo, aid, printed_on=PRINTED)
    assert report.verification.digest == digest
    assert report.verification.code == verification_code(digest)
    assert report.verification.qr_payload == f"ombud:state:{aid}:{digest}"
    text = pdf_text(render_locus(report))
    assert report.verification.code in text
    assert digest in text  # printed in full under the code, as in the QR code
    # The QR code is drawn on every page.
    pdf = render_locus(report)
    assert pdf.count(b"%PDF") == 1
    assert pages(pdf) >= 1


def test_changing_an_answer_changes_the_code(tmp_path: Path, instrument: Instrument) -> None:
    ws = Workspace.open(tmp_path / "ws")
    try:
        ws.set_profile("Demo", None)
        generate_demo(ws, instrument, entities=1, seed=3)
        aid = ws.assessment_rows()[0]["id"]
        before = locus_report(ws, aid, printed_on=PRINTED).verification.code
        AssessmentService(ws).set_rating(aid, "IN07", 0)
        after = locus_report(ws, aid, printed_on=PRINTED).verification.code
        assert before != after
    finally:
        ws.close()


def test_photo_thumbnails_are_embedded_and_can_be_left_out(demo: Workspace) -> None:
    aid = locus_with_photos(demo)
    evidence = load_document(demo, aid).evidence
    assert evidence, "seed 1 gives this locus photos"
    with_photos = build_report(demo, ReportRequest("locus", aid, printed_on=PRINTED)).pdf
    without = build_report(demo, ReportRequest("locus", aid, photos=False,
                                               printed_on=PRINTED)).pdf
    images = sum(len(page.images) for page in PdfReader(io.BytesIO(with_photos)).pages)
    assert images == len(locus_report(demo, aid).photos) > 0
    assert sum(len(page.images) for page in PdfReader(io.BytesIO(without)).pages) == 0


def test_signature_blocks_name_the_head_of_the_unit_and_the_assessors(demo: Workspace) -> None:
    aid = locus_with_photos(demo)
    document = load_document(demo, aid)
    report = locus_report(demo, aid, printed_on=PRINTED)
    roles = [s.role for s in report.signatories]
    assert roles == ["Pimpinan unit", *(["Penilai"] * len(document.team))]
    text = pdf_text(render_locus(report))
    head = document.roles["R1"]
    if head.present and head.name:
        assert f"Nama: {head.name}" in text
    for name in document.team:
        assert f"Nama: {name}" in text


def test_same_input_gives_the_same_bytes_in_invariant_mode(demo: Workspace) -> None:
    aid = locus_with_photos(demo)
    request = ReportRequest("locus", aid, printed_on=PRINTED)
    first = build_report(demo, request, invariant=True).pdf
    second = build_report(demo, request, invariant=True).pdf
    assert first == second
    entity = demo.assessment_rows()[0]["entity"]["name"]
    a = build_report(demo, ReportRequest("entity", entity, printed_on=PRINTED), invariant=True)
    b = build_report(demo, ReportRequest("entity", entity, printed_on=PRINTED), invariant=True)
    assert a.pdf == b.pdf


def test_the_shipped_font_is_embedded_and_renders_rupiah_plus_minus_and_dashes(
    demo: Workspace,
) -> None:
    aid = locus_with_photos(demo)
    report = locus_report(demo, aid, printed_on=PRINTED)
    odd = "Kota Uji — Rp 5.000 ± 10 % – ‘kutipan’ ≥ 3"
    pdf = render_locus(replace(report, entity=odd))
    assert odd in pdf_text(pdf)
    fonts = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any(f.endswith("+DejaVuSans") for f in fonts), fonts
    assert any(f.endswith("+DejaVuSans-Bold") for f in fonts), fonts
    assert all("DejaVuSans" in f for f in fonts), fonts  # no unembedded Helvetica either
    for font in PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        if "DejaVu" in str(font["/BaseFont"]):
            assert "/FontFile2" in font["/FontDescriptor"].get_object()  # embedded


# -- entity recap and province overview -------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_entity_recap_holds_loci_score_grade_rank_and_common_deficiencies(
    demo: Workspace, language: str
) -> None:
    name = demo.assessment_rows()[0]["entity"]["name"]
    report = entity_report(demo, name, language=language, printed_on=PRINTED)
    text = pdf_text(render_entity(report))
    assert name in text
    assert len(report.loci) == 7
    for locus in report.loci:
        assert flat(locus.name) in text
        assert format_score(locus.score, language) in text
    assert report.grade is not None
    assert format_score(report.score, language) in text
    assert report.grade.opinion in text
    # The rank says what it is among: here the kabupaten of the two provinces in the workspace.
    assert report.rank_scope == words.rank_scope_text(
        "provinces", report.category.lower(), ["Jambi", "Kalimantan Utara"], language)
    assert flat(label("rank_of_scope", language, rank=report.rank, total=report.rank_total,
                      scope=report.rank_scope)) in text
    assert report.common_deficiencies
    for item in report.common_deficiencies:
        assert len(item.loci) >= 2
        assert flat(f"{item.code} {item.title}") in text
        assert label("in_loci", language, n=len(item.loci), total=7) in text
    assert label("compare_dimensions", language) in text
    assert label("no_corrections", language) in text


def test_entity_recap_shows_corrections(tmp_path: Path, instrument: Instrument) -> None:
    ws = Workspace.open(tmp_path / "ws")
    try:
        ws.set_profile("Supervisor", None)
        generate_demo(ws, instrument, entities=2, seed=5)
        entity = ws.assessment_rows()[0]["entity"]
        ws.add_correction(entity["id"], "2024", "points", 2.5, None, "Rekomendasi diabaikan")
        report = entity_report(ws, entity["id"], printed_on=PRINTED)
        assert report.mean_of_loci is not None
        assert report.score is not None
        assert report.score == pytest.approx(max(0.0, report.mean_of_loci - 2.5))
        text = pdf_text(render_entity(report))
        # The shared words of a correction (the app and the spreadsheet show the same).
        assert "−2,5 poin: Rekomendasi diabaikan" in text
        assert words.correction_text("points", 2.5, None, "Rekomendasi diabaikan", "id") in text
        assert format_score(report.mean_of_loci, "id") in text
    finally:
        ws.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_province_overview_lists_entities_and_counts_per_zone(
    demo: Workspace, language: str
) -> None:
    entities = score_workspace(demo).entities
    overview = province_report(demo, language=language, printed_on=PRINTED)
    text = pdf_text(render_province(overview))
    assert len(overview.entities) == len(entities) == 2
    for entity in entities:
        assert entity.entity in text
        assert format_score(entity.score, language) in text
    counted = {code: n for code, _label, _colour, n in overview.zone_counts}
    assert sum(counted.values()) + overview.ungraded == 2
    for entity in entities:
        assert counted[entity.grade.zone] >= 1
    assert label("distribution", language) in text
    assert label("per_zone", language) in text
    one = demo.assessment_rows()[0]["entity"]["province"]
    only = province_report(demo, one.upper(), printed_on=PRINTED)
    assert only.province == one
    assert all(line.province == one for line in only.entities)


def test_unknown_targets_are_user_errors(demo: Workspace) -> None:
    from ombud_desktop.errors import NotFoundError, ValidationError

    with pytest.raises(NotFoundError):
        entity_report(demo, "Kota Tidak Ada")
    with pytest.raises(NotFoundError):
        province_report(demo, "Atlantis")
    with pytest.raises(NotFoundError):
        locus_report(demo, "ffffffff")
    with pytest.raises(ValidationError):
        locus_report(demo, demo.assessment_rows()[0]["id"], language="fr")


# -- writing ----------------------------------------------------------------------------------


def test_save_pdf_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.pdf"
    save_pdf(str(target), b"%PDF-old")
    assert target.read_bytes() == b"%PDF-old"

    def broken(*_args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("ombud_desktop.files.os.replace", broken)
    with pytest.raises(ReportError) as caught:
        save_pdf(str(target), b"%PDF-new")
    assert caught.value.code == "report_write_failed"
    assert target.read_bytes() == b"%PDF-old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_every_label_has_both_languages_with_the_same_placeholders() -> None:
    from ombud_desktop.reports.labels import _LABELS

    def fields(text: str) -> set[str]:
        return {name for _t, name, _f, _c in string.Formatter().parse(text) if name}

    assert set(keys()) == set(_LABELS)
    for key, (indonesian, english) in _LABELS.items():
        assert indonesian.strip(), key
        assert english.strip(), key
        assert fields(indonesian) == fields(english), key


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="needs zbarimg (zbar-tools)")
def test_the_qr_code_on_every_page_reads_back_as_the_state(
    demo: Workspace, tmp_path: Path
) -> None:
    import pypdfium2

    aid = locus_with_photos(demo)
    report = locus_report(demo, aid, printed_on=PRINTED)
    document = pypdfium2.PdfDocument(render_locus(report))
    for index in range(len(document)):
        image = tmp_path / f"page-{index}.png"
        document[index].render(scale=200 / 72).to_pil().save(image)
        result = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True,
                                text=True, check=False, timeout=60)
        assert result.stdout.strip() == report.verification.qr_payload
    document.close()


def test_the_printed_code_matches_the_signed_package_of_the_same_state(
    tmp_path: Path, instrument: Instrument
) -> None:
    import json
    import zipfile

    from ombud_desktop.packages.export import Signer, export_assessment
    from ombud_desktop.packages.format import MANIFEST
    from ombud_desktop.packages.keys import KeyStore

    ws = Workspace.open(tmp_path / "ws")
    try:
        ws.set_profile("Siti Aminah", None)
        generate_demo(ws, instrument, entities=1, seed=4)
        aid = ws.assessment_rows()[0]["id"]
        keys = KeyStore(tmp_path / "keys")
        keys.create_signing_key("kunci asesor 2024", owner="Siti Aminah")
        signer = Signer(keys.signing_key("kunci asesor 2024"), "Siti Aminah")
        printed = locus_report(ws, aid, printed_on=PRINTED).verification
        package = export_assessment(ws, aid, tmp_path / "out", signer)
        with zipfile.ZipFile(package.path) as archive:
            manifest = json.loads(archive.read(MANIFEST))
        (entry,) = manifest["assessments"]
        assert entry["id"] == aid
        assert entry["state_digest"] == printed.digest
        assert verification_code(entry["state_digest"]) == printed.code
        assert printed.qr_payload.endswith(":" + entry["state_digest"])
        # A later answer: the old paper no longer matches the new package.
        AssessmentService(ws).set_rating(aid, "IN07", 0)
        newer = export_assessment(ws, aid, tmp_path / "out2", signer)
        assert newer.state_digest != printed.digest
        assert locus_report(ws, aid).verification.digest == newer.state_digest
    finally:
        ws.close()


def test_a_sub_items_deficiency_names_only_the_parts_below_3(
    tmp_path: Path, instrument: Instrument
) -> None:
    ws = Workspace.open(tmp_path / "ws")
    try:
        ws.set_profile("Demo", None)
        generate_demo(ws, instrument, entities=1, seed=2)
        aid = ws.assessment_rows()[0]["id"]
        service = AssessmentService(ws)
        service.set_rating(aid, "PR06a", 3)
        service.set_rating(aid, "PR06b", 1)
        (pr06,) = [d for d in locus_report(ws, aid).deficiencies if d.code == "PR06"]
        assert pr06.value == 2
        pr06a, pr06b = instrument.indicator("PR06").sub_items
        assert pr06b.anchors[3].id in pr06.fix
        assert pr06a.anchors[3].id not in pr06.fix
    finally:
        ws.close()
