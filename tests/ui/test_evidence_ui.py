"""Evidence through the assessment window: photos attach with thumbnails; bad files are refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.assessments import NewAssessment
from ombud_desktop.ui import alerts
from ombud_desktop.ui.assessment_view import AssessmentView
from ombud_desktop.ui.ops import StoreThread
from tests.ui.conftest import call, open_view


def open_new_view(qtbot: Any, store: StoreThread) -> AssessmentView:
    new = NewAssessment(category="kota", entity_name="Kota Cilegon", province="Banten",
                        locus_name="Disdukcapil", period_year=2024, products=("KTP-el", "KK"))
    aid = call(store, lambda s: s.assessments.create(builtin_instrument("ori-2023"), new).value)
    view = open_view(qtbot, store, aid, "en")
    view.show()
    view.show_page("IN13")
    return view


def settle(qtbot: Any, store: StoreThread) -> None:
    store.wait_idle()
    qtbot.waitUntil(lambda: store.pending == 0, timeout=10_000)


def test_a_photo_is_attached_with_a_thumbnail(qtbot: Any, store: StoreThread,
                                              tmp_path: Path) -> None:
    view = open_new_view(qtbot, store)
    photo = tmp_path / "ruang-tunggu.jpg"
    Image.new("RGB", (3000, 2000), (90, 160, 60)).save(photo, "JPEG")
    view.add_evidence([str(photo)], "IN13", None)
    settle(qtbot, store)
    strip = view.pages["IN13"].evidence
    assert strip.list.count() == 1
    qtbot.waitUntil(lambda: not strip.list.item(0).icon().isNull(), timeout=5_000)
    [ref] = view.document.evidence
    assert (ref.indicator, ref.filename, ref.media_type) == ("IN13", photo.name, "image/jpeg")


def test_bad_files_get_a_clear_message_and_change_nothing(
    qtbot: Any, store: StoreThread, tmp_path: Path, monkeypatch: Any
) -> None:
    view = open_new_view(qtbot, store)
    shown: list[str] = []
    monkeypatch.setattr(alerts, "error", lambda parent, message: shown.append(str(message)))
    not_a_photo = tmp_path / "catatan.jpg"
    not_a_photo.write_text("not a photo")
    corrupt = tmp_path / "rusak.jpg"
    Image.new("RGB", (800, 600)).save(corrupt, "JPEG")
    corrupt.write_bytes(corrupt.read_bytes()[:400])
    missing = tmp_path / "hilang.jpg"
    before = call(store, lambda s: len(s.workspace.changes(view.assessment_id)))
    view.add_evidence([str(not_a_photo), str(corrupt), str(missing)], "IN13", None)
    settle(qtbot, store)
    assert len(shown) == 1
    message = shown[0]
    assert "catatan.jpg is not a photo or a PDF document." in message
    assert "rusak.jpg: the photo is damaged and cannot be read." in message
    assert "hilang.jpg: the file was not found." in message
    assert "Attach a photo (JPEG, PNG, HEIC) or a PDF document." in message  # what to do
    assert view.document.evidence == []
    assert call(store, lambda s: len(s.workspace.changes(view.assessment_id))) == before
    evidence_dir = Path(call(store, lambda s: str(s.workspace.evidence_dir)))
    assert [p for p in evidence_dir.rglob("*") if p.is_file()] == []


def test_a_heic_photo_shows_a_thumbnail_its_time_and_place_and_another_day_is_flagged(
    qtbot: Any, store: StoreThread, tmp_path: Path
) -> None:
    from ombud_desktop.ui.widgets.evidence import OTHER_DAY_ROLE
    from tests.photo_files import phone_photo

    new = NewAssessment(category="kota", entity_name="Kota Cilegon", province="Banten",
                        locus_name="Disdukcapil", period_year=2024, products=("KTP-el",),
                        visit_date="2024-08-12")
    aid = call(store, lambda s: s.assessments.create(builtin_instrument("ori-2023"), new).value)
    view = open_view(qtbot, store, aid, "en")
    view.show()
    view.show_page("IN13")
    same_day = phone_photo(tmp_path / "IMG_0001.HEIC", taken="2024:08:12 09:00:00")
    other_day = phone_photo(tmp_path / "IMG_0002.HEIC", taken="2024:08:09 17:30:00")
    view.add_evidence([str(same_day), str(other_day)], "IN13", None)
    settle(qtbot, store)
    strip = view.pages["IN13"].evidence
    assert strip.list.count() == 2
    qtbot.waitUntil(lambda: not strip.list.item(1).icon().isNull(), timeout=5_000)
    first, second = strip.list.item(0), strip.list.item(1)
    assert view.document.visit_date == "2024-08-12"
    assert not first.data(OTHER_DAY_ROLE)
    assert "⚠" not in first.text()
    assert "Taken: 2024-08-12 09:00:00 +07:00" in first.toolTip()
    assert "Position: -6.120000, 106.150000" in first.toolTip()
    assert second.data(OTHER_DAY_ROLE)
    assert second.text().startswith("⚠ Taken 2024-08-09")
    assert "another day than the visit (2024-08-12)" in second.toolTip()
