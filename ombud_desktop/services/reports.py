"""Report use cases: gather what a report needs from the workspace, build it, write the PDF.

Called by ``ombud report ...`` and by the app's preview dialog (on the store's reader thread).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from ombud_desktop.errors import NotFoundError, ReportError, ValidationError
from ombud_desktop.files import write_atomically
from ombud_desktop.packages.state import assessment_state_digest, verification_code
from ombud_desktop.reports.data import (
    EntityReport,
    LocusReport,
    ProvinceReport,
    ScoredLocusInput,
    build_entity_report,
    build_locus_report,
    build_province_report,
)
from ombud_desktop.reports.labels import LANGUAGES
from ombud_desktop.reports.render import render_entity, render_locus, render_province
from ombud_desktop.scoring import score_locus
from ombud_desktop.services.previous import with_previous
from ombud_desktop.services.scoring import ScoredLocus, ranked_entities
from ombud_desktop.storage.documents import load_document
from ombud_desktop.storage.locus_state import decided_reviews, entity_assessment_ids
from ombud_desktop.storage.workspace import Workspace

ReportKind = Literal["locus", "entity", "province"]


@dataclass(frozen=True)
class ReportRequest:
    """Which report to make: a locus (assessment id), an entity (name or id), a province."""

    kind: ReportKind
    target: str | None = None
    period: str | None = None
    language: str = "id"
    photos: bool = True
    printed_on: str | None = None  # ISO date; today when None


@dataclass(frozen=True)
class BuiltReport:
    """A report rendered to PDF, with the file name to suggest when saving it."""

    pdf: bytes
    filename: str
    title: str


def _today(printed_on: str | None) -> str:
    return printed_on or date.today().isoformat()


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValidationError(
            f"no report language {language!r}", hint="Use id or en.",
            code="unknown_language", language=language,
        )


def locus_report(workspace: Workspace, assessment_id: str, *, language: str = "id",
                 photos: bool = True, printed_on: str | None = None) -> LocusReport:
    """Return the on-site summary data of one assessment (id or a unique prefix)."""
    _check_language(language)
    assessment_id = workspace.resolve_assessment_id(assessment_id)
    document = load_document(workspace, assessment_id)
    instrument = workspace.instrument(document.instrument_hash)
    digest = assessment_state_digest(workspace, assessment_id)
    return build_locus_report(
        instrument, document, score_locus(instrument, document),
        digest=digest, code=verification_code(digest), language=language,
        evidence_dir=workspace.evidence_dir if photos else None,
        printed_on=_today(printed_on),
    )


def _latest_period(periods: set[str], what: str) -> str:
    if not periods:
        raise NotFoundError(
            f"no assessment of {what}", hint="Check the name, or the period.",
            code="no_assessment",
        )
    return max(periods)


def entity_report(workspace: Workspace, name_or_id: str, *, period: str | None = None,
                  language: str = "id", printed_on: str | None = None) -> EntityReport:
    """Return the recap of an entity (by name or id) in ``period`` (default: its latest)."""
    _check_language(language)
    entity = workspace.entity_by_name(name_or_id)
    # This entity's rows only: a decade holds some 42,000 others.
    rows = workspace.assessment_rows(ids=entity_assessment_ids(workspace, entity["id"]))
    period = period or _latest_period({r["period"] for r in rows}, entity["name"])
    # Ranks are within the entity's category over the whole workspace: every entity's score
    # is needed (from the locus score cache); the entity's own loci are scored in full.
    entities = ranked_entities(workspace, period=period)
    found = [e for e in entities if e.entity_id == entity["id"]]
    if not found:
        raise NotFoundError(f"{entity['name']} has no assessment in period {period}",
                            hint="Choose another period with --period.",
                            code="no_assessment_in_period", entity=entity["name"], period=period)
    (score,) = with_previous(
        workspace, found[:1], lambda p, ids: ranked_entities(workspace, period=p, entities=ids)
    )
    reviews = decided_reviews(workspace, (r["id"] for r in rows if r["period"] == period))
    mine = sorted(
        (
            ScoredLocus(r, score_locus(workspace.instrument(r["instrument_hash"]),
                                       load_document(workspace, r["id"])))
            for r in rows
            if r["period"] == period
        ),
        key=lambda s: (s.row["locus"]["name"], s.row["id"]),
    )
    instrument = workspace.instrument(mine[0].row["instrument_hash"])
    ranked = [e for e in entities if e.category == score.category and e.rank is not None]
    return build_entity_report(
        instrument, score,
        [ScoredLocusInput(s.row["locus"]["name"], s.result,
                          reviews.get(s.row["id"])) for s in mine],
        province=entity["province"], rank_total=len(ranked), language=language,
        printed_on=_today(printed_on), ranked_provinces=sorted({e.province for e in ranked}),
    )


def province_report(workspace: Workspace, province: str | None = None, *,
                    period: str | None = None, language: str = "id",
                    printed_on: str | None = None) -> ProvinceReport:
    """Return the overview of a province's entities (every province when None)."""
    _check_language(language)
    rows = workspace.assessment_rows()
    if province is not None:
        known = {r["entity"]["province"] for r in rows}
        matches = [name for name in known if name.casefold() == province.casefold()]
        if not matches:
            raise NotFoundError(f"no assessment in province {province!r}",
                                hint="Give the province as `ombud score --json` shows it.",
                                code="unknown_province", province=province)
        province = matches[0]
        rows = [r for r in rows if r["entity"]["province"] == province]
    period = period or _latest_period({r["period"] for r in rows}, province or "the workspace")
    entities = ranked_entities(workspace, period=period)
    in_period = [r for r in workspace.assessment_rows() if r["period"] == period]
    provinces = {r["entity"]["id"]: r["entity"]["province"] for r in in_period}
    instrument = workspace.instrument(in_period[0]["instrument_hash"])
    return build_province_report(
        instrument, entities, provinces, province=province, period=period,
        language=language, printed_on=_today(printed_on),
    )


def slug(text: str) -> str:
    """Return ``text`` as a safe file-name part ("Kota Cilegon" -> "kota-cilegon")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "laporan"


def build_report(workspace: Workspace, request: ReportRequest, *,
                 invariant: bool = False) -> BuiltReport:
    """Build the requested report and render it to PDF."""
    lang = request.language
    if request.kind == "locus":
        if not request.target:
            raise ValidationError(
                "which assessment?", hint="Give the assessment id.",
                code="assessment_needed",
            )
        report = locus_report(workspace, request.target, language=lang, photos=request.photos,
                              printed_on=request.printed_on)
        return BuiltReport(render_locus(report, invariant=invariant),
                           f"{slug(report.entity)}-{slug(report.locus)}-{report.period}.pdf",
                           f"{report.entity} · {report.locus}")
    if request.kind == "entity":
        if not request.target:
            raise ValidationError(
                "which entity?", hint="Give the entity name or id.",
                code="entity_needed",
            )
        entity = entity_report(workspace, request.target, period=request.period, language=lang,
                               printed_on=request.printed_on)
        return BuiltReport(render_entity(entity, invariant=invariant),
                           f"{slug(entity.entity)}-{entity.period}.pdf", entity.entity)
    if request.kind == "province":
        overview = province_report(workspace, request.target, period=request.period,
                                   language=lang, printed_on=request.printed_on)
        return BuiltReport(render_province(overview, invariant=invariant),
                           f"{slug(overview.province)}-{overview.period}.pdf", overview.province)
    raise ValidationError(
        f"no report kind {request.kind!r}",
        code="unknown_report_kind", kind=request.kind,
    )


def save_pdf(path: str, pdf: bytes) -> None:
    """Write a PDF atomically: the file is the old one or the whole new one, never half."""
    try:
        write_atomically(Path(path), pdf)
    except OSError as exc:
        raise ReportError(
            f"{path}: the PDF cannot be written ({exc.strerror})",
            code="report_write_failed",
            hint="Choose a folder you can write to, with free space; nothing was written.",
            filename=str(path),
        ) from None
