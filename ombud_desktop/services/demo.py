"""Realistic synthetic assessments for demonstrations, tests and benchmarks.

The content is deterministic for a seed: the same seed gives the same entities, loci, answers
and scores (ids and timestamps differ between runs). Each locus is written as one transaction
through the same change log as real answers.
"""

from __future__ import annotations

import io
import random
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from ombud_desktop.domain import register
from ombud_desktop.domain.assessment import ROLE_RESPONDENT, SERVICE_USER
from ombud_desktop.domain.keys import display_key, rating_key, role_key, user_key
from ombud_desktop.instruments.model import (
    DisplayIndicator,
    Instrument,
    RatingIndicator,
    RoleInterviewIndicator,
    ServiceUserIndicator,
    SubItemsIndicator,
)
from ombud_desktop.services.assessments import AssessmentService, role_respondent_id
from ombud_desktop.storage.changes import Edit
from ombud_desktop.storage.evidence import store_evidence_file
from ombud_desktop.storage.workspace import Workspace

# The 34 provinces before the four Papua provinces of 2022 (the demo draws among these, so a
# seed gives the same entities as before the register); names as the register writes them.
PROVINCES = register.load().provinces()[:34]
PLACE_NAMES = [
    "Sukamaju",
    "Tanjung Harapan",
    "Mekarsari",
    "Sumberjaya",
    "Karanganyar",
    "Sidoarjo Baru",
    "Pematang Raya",
    "Batu Gajah",
    "Lubuk Lintang",
    "Teluk Jaya",
    "Muara Enim Hilir",
    "Wonosari Indah",
    "Bukit Tinggi Raya",
    "Sungai Liat",
    "Pulau Besar",
    "Tanah Merah",
    "Gunung Sari",
    "Padang Luas",
    "Kota Baru Timur",
    "Air Tenang",
    "Labuhan Ratu",
    "Sinar Baru",
    "Rantau Panjang",
    "Banyu Urip",
    "Sri Mulya",
]
PROVINCIAL_LOCI = [
    ("dpmptsp", "DPMPTSP Provinsi"),
    ("dinkes", "Dinas Kesehatan Provinsi"),
    ("disdik", "Dinas Pendidikan Provinsi"),
    ("dinsos", "Dinas Sosial Provinsi"),
    ("samsat", "UPT Samsat"),
    ("rsud", "RSUD Provinsi"),
    ("disnaker", "Dinas Tenaga Kerja"),
]
POSITIONS = {
    "R1": "Kepala",
    "R2": "Kepala Bidang Pelayanan",
    "R3": "Pengelola Pengaduan",
    "R4": "Petugas Loket",
}
SEXES = ["Laki-laki", "Perempuan"]
AGES = ["≤ 24", "25–34", "35–44", "45–54", "55–64", "≥ 65"]


@dataclass(frozen=True)
class DemoSummary:
    """What ``ombud demo`` created."""

    entities: int
    assessments: int
    photos: int
    provisional_by_design: int


def generate_demo(
    workspace: Workspace,
    instrument: Instrument,
    *,
    entities: int,
    seed: int,
    year: int = 2024,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Create ``entities`` entities with 7 loci each, fully (or deliberately not) answered."""
    rng = random.Random(seed)
    workspace.keep_instrument(instrument)
    period_id = workspace.ensure_period(year)
    photos = 0
    provisional = 0
    total = entities * 7
    done = 0
    taken: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="ombud-demo-") as scratch:
        for number in range(entities):
            category, name, province = _entity(rng, number, taken)
            entity_id = workspace.ensure_entity(category, name, province)
            entity_quality = rng.betavariate(5, 2)
            for locus_type, locus_name, products in _loci(instrument, category, rng):
                locus_id = workspace.ensure_locus(entity_id, locus_type, locus_name)
                plan = _LocusPlan(rng, instrument, entity_quality)
                provisional += plan.gap is not None
                assessment_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                edits = plan.edits(assessment_id, locus_id, period_id, products, year)
                if year not in instrument.periods:  # the demo says why, as a person must
                    edits.append(Edit("assessment", assessment_id, "instrument_reason",
                                      f"Demo: no shipped instrument declares {year}"))
                if rng.random() < 0.15:
                    edits += _photos(
                        workspace, rng, Path(scratch), plan.photo_targets(), plan.visit
                    )
                    photos += 2
                workspace.write(assessment_id, edits)
                done += 1
                if progress:
                    progress(done, total)
    return DemoSummary(entities, done, photos, provisional)


LOCUS_PARTS = ("ratings", "roles", "display", "users")


def fill_locus(
    service: AssessmentService,
    assessment_id: str,
    *,
    level: int = 3,
    parts: tuple[str, ...] = LOCUS_PARTS,
    users: int = 5,
    names: str = "Responden",
) -> None:
    """Answer a locus through the service, as an assessor would, every answer at ``level``.

    ``parts`` chooses which pages are answered ("ratings": rated indicators and sub-items;
    "roles": the four roles, named ``f"{names} {role}"``, and their interviews; "display":
    two products in every channel; "users": ``users`` service users answering "no" to every
    question), so two co-assessors can share a locus. All four parts complete a locus; the
    assessment's products must name two products for "display".
    """
    instrument = service.instrument_of(assessment_id)
    if "ratings" in parts:
        for _dimension, indicator in instrument.indicators():
            if isinstance(indicator, RatingIndicator):
                service.set_rating(assessment_id, indicator.code, level)
            elif isinstance(indicator, SubItemsIndicator):
                for sub in indicator.sub_items:
                    service.set_rating(assessment_id, sub.code, level)
    if "roles" in parts:
        _fill_roles(service, instrument, assessment_id, level, names)
    if "display" in parts:
        statuses = [s.code for s in instrument.display.statuses]
        status = statuses[round(level * (len(statuses) - 1) / instrument.rating_scale.max)]
        for _dimension, indicator in instrument.indicators():
            if isinstance(indicator, DisplayIndicator):
                for product in (1, 2):
                    for channel in instrument.display.channels:
                        service.set_display(
                            assessment_id, indicator.code, product, channel.code, status
                        )
    if "users" in parts:
        no = instrument.service_users.option_code("no")
        questions = [
            i for _d, i in instrument.indicators() if isinstance(i, ServiceUserIndicator)
        ]
        for number in range(users):
            user = service.add_service_user(
                assessment_id, consent=True, sex=SEXES[number % 2], age_band=AGES[1]
            ).value
            for question in questions:
                service.set_service_user_answer(assessment_id, user, question.code, no)


def _fill_roles(
    service: AssessmentService, instrument: Instrument, aid: str, level: int, names: str
) -> None:
    for role in instrument.roles.items:
        service.set_role(
            aid, role.code, present=True, name=f"{names} {role.code}",
            position=POSITIONS.get(role.code, "Kepala"),
        )
        for _dimension, indicator in instrument.indicators():
            if not isinstance(indicator, RoleInterviewIndicator):
                continue
            if indicator.recall is not None:
                items = indicator.recall.items
                count = round(len(items) * level / instrument.rating_scale.max)
                service.set_recall(aid, role.code, indicator.code,
                                   [item.code for item in items[:count]])
            else:
                service.set_role_rating(aid, role.code, indicator.code, level)


def _entity(rng: random.Random, number: int, taken: set[str]) -> tuple[str, str, str]:
    """Draw an entity of the register (real names and codes); past its end, a made-up one.

    The draws from ``rng`` are the same as before the register, so a seed keeps its answers.
    """
    roll = rng.random()
    category = "kabupaten" if roll < 0.7 else "kota" if roll < 0.9 else "provinsi"
    province = rng.choice(PROVINCES)
    if category == "provinsi":
        candidates = register.entries("provinsi")
        start = PROVINCES.index(province)
        candidates = candidates[start:] + candidates[:start]
    else:
        candidates = register.entries(category, province) + register.entries(category)
    for entry in candidates:
        if entry.code not in taken:
            taken.add(entry.code)
            assert entry.province is not None
            return category, entry.name, entry.province
    base = PLACE_NAMES[number % len(PLACE_NAMES)]
    suffix = f" {number // len(PLACE_NAMES) + 1}" if number >= len(PLACE_NAMES) else ""
    if category == "provinsi":
        return category, f"Provinsi {province}{suffix}", province
    prefix = "Kabupaten" if category == "kabupaten" else "Kota"
    return category, f"{prefix} {base}{suffix}", province


def _loci(
    instrument: Instrument, category: str, rng: random.Random
) -> list[tuple[str, str, list[str]]]:
    templates = instrument.templates_for(category)
    if not templates:
        return [(kind, name, ["Perizinan", "Rekomendasi"]) for kind, name in PROVINCIAL_LOCI]
    out = []
    seen: dict[str, int] = {}
    for entry in templates:
        seen[entry.type] = seen.get(entry.type, 0) + 1
        name = entry.name.id
        if entry.type == "puskesmas":
            name = f"Puskesmas {rng.choice(PLACE_NAMES)} {seen[entry.type]}"
        out.append((entry.type, name, [p.id for p in entry.products]))
    return out


class _LocusPlan:
    """The random answers of one locus, drawn around a quality level."""

    GAPS = ("few_users", "missing_role", "unanswered", "one_product")

    def __init__(self, rng: random.Random, instrument: Instrument, entity_quality: float):
        self.rng = rng
        self.instrument = instrument
        self.quality = min(1.0, max(0.0, rng.gauss(entity_quality, 0.12)))
        self.gap = rng.choice(self.GAPS) if rng.random() < 0.12 else None
        self.top = instrument.rating_scale.max

    def level(self) -> int:
        value = self.rng.gauss(self.quality * self.top, 0.8)
        return int(min(self.top, max(0, round(value))))

    def edits(
        self, aid: str, locus_id: str, period_id: str, products: list[str], year: int
    ) -> list[Edit]:
        rng = self.rng
        visit = date(year, 5, 1) + timedelta(days=rng.randrange(150))
        self.visit = visit.isoformat()
        if self.gap == "one_product":
            products = products[:1]
        edits = [
            Edit("assessment", aid, k, v)
            for k, v in {
                "instrument_id": self.instrument.id,
                "instrument_hash": self.instrument.content_hash,
                "locus_id": locus_id,
                "period_id": period_id,
                "status": "draft",
                "visit_date": visit.isoformat(),
                "team": ["Penilai A", "Penilai B"],
                "products": products,
                "created_at": f"{visit.isoformat()}T01:00:00.000000Z",
            }.items()
        ]
        unanswered = None
        if self.gap == "unanswered":
            rated = [
                i.code for _d, i in self.instrument.indicators() if isinstance(i, RatingIndicator)
            ]
            unanswered = rng.choice(rated)
        roles = [r.code for r in self.instrument.roles.items]
        missing_role = rng.choice(roles) if self.gap == "missing_role" else None
        absent_role = rng.choice(roles) if rng.random() < 0.05 and not missing_role else None
        for role in roles:
            if role == missing_role:
                continue
            rid = role_respondent_id(aid, role)
            present = role != absent_role
            edits += [
                Edit("respondent", rid, k, v)
                for k, v in {
                    "kind": ROLE_RESPONDENT,
                    "role": role,
                    "present": present,
                    "absent_reason": None if present else "Jabatan dirangkap oleh pejabat lain",
                    "position": POSITIONS[role] if present else None,
                    "name": f"Responden {role}" if present else None,
                }.items()
            ]
        for _dimension, indicator in self.instrument.indicators():
            edits += self._indicator(
                aid, indicator, roles, missing_role, absent_role, unanswered, len(products)
            )
        edits += self._service_users(aid, products)
        return edits

    def _indicator(
        self,
        aid: str,
        indicator: Any,
        roles: list[str],
        missing_role: str | None,
        absent_role: str | None,
        unanswered: str | None,
        products: int,
    ) -> list[Edit]:
        rng = self.rng
        if isinstance(indicator, RatingIndicator):
            if indicator.code == unanswered:
                return []
            if indicator.code == "PG03" and rng.random() < 0.1:
                return [Edit("response", rating_key("PG03"), "na_reason", "nihil pengaduan")]
            return [Edit("response", rating_key(indicator.code), "value", self.level())]
        if isinstance(indicator, SubItemsIndicator):
            return [
                Edit("response", rating_key(s.code), "value", self.level())
                for s in indicator.sub_items
            ]
        if isinstance(indicator, RoleInterviewIndicator):
            out = []
            for role in roles:
                if role in (missing_role, absent_role):
                    continue
                if indicator.recall is not None:
                    count = min(
                        len(indicator.recall.items), max(0, round(rng.gauss(self.quality * 12, 3)))
                    )
                    ticks = sorted(i.code for i in rng.sample(indicator.recall.items, count))
                    out.append(Edit("response", role_key(indicator.code, role), "value", ticks))
                else:
                    out.append(
                        Edit("response", role_key(indicator.code, role), "value", self.level())
                    )
            return out
        if isinstance(indicator, DisplayIndicator):
            statuses = [s.code for s in self.instrument.display.statuses]
            out = []
            for product in range(1, products + 1):
                for channel in self.instrument.display.channels:
                    pick = min(
                        len(statuses) - 1,
                        max(0, round(rng.gauss(self.quality * (len(statuses) - 1), 0.7))),
                    )
                    out.append(
                        Edit(
                            "response",
                            display_key(indicator.code, product, channel.code),
                            "value",
                            statuses[pick],
                        )
                    )
            return out
        return []  # service-user questions are answered per user

    def _service_users(self, aid: str, products: list[str]) -> list[Edit]:
        rng = self.rng
        minimum = self.instrument.completeness.service_users.minimum
        target = self.instrument.completeness.service_users.target
        count = rng.randint(1, minimum - 1) if self.gap == "few_users" else rng.randint(10, 20)
        count = min(count, target + 5)
        questions = [
            i for _d, i in self.instrument.indicators() if isinstance(i, ServiceUserIndicator)
        ]
        options = self.instrument.service_users
        yes, no, dont_know = (options.option_code(k) for k in ("yes", "no", "dont_know"))
        edits = []
        for number in range(1, count + 1):
            rid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            callback = rng.random() < 0.4
            edits += [
                Edit("respondent", rid, k, v)
                for k, v in {
                    "kind": SERVICE_USER,
                    "number": number,
                    "consent": True,
                    "callback_consent": callback,
                    "phone": f"08{rng.randrange(10**9, 10**10)}" if callback else None,
                    "product": rng.choice(products) if products else None,
                    "sex": rng.choice(SEXES),
                    "age_band": rng.choice(AGES),
                }.items()
            ]
            for question in questions:
                roll = rng.random()
                answer = (
                    dont_know
                    if roll < 0.08
                    else yes
                    if roll < 0.08 + (1 - self.quality) * 0.35
                    else no
                )
                edits.append(Edit("response", user_key(question.code, rid), "value", answer))
        return edits

    def photo_targets(self) -> list[tuple[str, int | None]]:
        return [("PR01", 1), ("IN13", None)]


def _photos(
    workspace: Workspace,
    rng: random.Random,
    scratch: Path,
    targets: list[tuple[str, int | None]],
    visit: str,
) -> list[Edit]:
    edits = []
    for indicator, product in targets:
        path = scratch / f"foto-{indicator}.jpg"
        path.write_bytes(_photo_bytes(rng, indicator))
        stored = store_evidence_file(path, workspace.evidence_dir)
        eid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        edits += [
            Edit("evidence", eid, k, v)
            for k, v in {
                "sha256": stored.sha256,
                "filename": path.name,
                "media_type": stored.media_type,
                "size": stored.size,
                "taken_at": stored.taken_at or f"{visit}T10:00:00",
                "indicator": indicator,
                "product": product,
            }.items()
        ]
    return edits


def _photo_bytes(rng: random.Random, label: str) -> bytes:
    colour = tuple(rng.randrange(80, 220) for _ in range(3))
    image = Image.new("RGB", (640, 480), colour)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(600), rng.randrange(440)
        draw.rectangle(
            (x, y, x + rng.randrange(20, 200), y + rng.randrange(10, 80)),
            outline=(255, 255, 255),
            width=3,
        )
    draw.text((20, 20), f"Papan informasi {label}", fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()
