"""Report data: plain values built by pure functions from scores, documents and the instrument.

What a report says is decided here, in one language, with every text already chosen; the
renderer (``render.py``) only lays it out. So a test can check a report's content without a PDF.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ombud_desktop.domain.assessment import AssessmentDocument
from ombud_desktop.entity_lines import (
    approved_text,
    change_text,
    previous_of,
    previous_text,
    reasons_of,
    review_mark,
    scope_of,
    scope_text,
    status_text,
)
from ombud_desktop.formatting import MISSING, format_date, format_fixed, format_score
from ombud_desktop.instruments.model import (
    DisplayIndicator,
    GradeScale,
    Instrument,
    RatingIndicator,
    RoleInterviewIndicator,
    ServiceUserIndicator,
    SubItemsIndicator,
)
from ombud_desktop.reports.labels import label
from ombud_desktop.reports.model_lines import model_lines
from ombud_desktop.scoring.entity import EntityScore
from ombud_desktop.scoring.grading import Grade
from ombud_desktop.scoring.locus import LocusScore
from ombud_desktop.words import correction_text, deficiency_text, reason_text

MAX_PHOTOS = 6
QR_PREFIX = "ombud:state"


@dataclass(frozen=True)
class GradeInfo:
    """A grade as printed: letter, zone with its label and colour, and the opinion."""

    grade: str | None
    zone: str
    zone_label: str
    colour: str
    opinion: str
    capped: bool = False


@dataclass(frozen=True)
class DimensionRow:
    """One dimension's score on a report."""

    code: str
    title: str
    weight: float
    score: float | None


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator with its value 0-3 (None when it has none) on a report."""

    code: str
    title: str
    dimension: str
    value: float | None
    not_applicable: bool = False


@dataclass(frozen=True)
class Deficiency:
    """An indicator below the top level, and in plain words what the top level requires."""

    code: str
    title: str
    value: float | None
    fix: str
    detail: str = ""


@dataclass(frozen=True)
class RoleRow:
    """A job role of the interviews: interviewed, absent (with the reason) or not yet."""

    code: str
    title: str
    status: str
    position: str = ""


@dataclass(frozen=True)
class Photo:
    """An evidence photo to show as a thumbnail."""

    path: Path
    caption: str


@dataclass(frozen=True)
class Verification:
    """The state digest that ties a printed page to the signed package of the same state."""

    assessment_id: str
    digest: str
    code: str

    @property
    def qr_payload(self) -> str:
        """Return what the QR code holds: ``ombud:state:<assessment id>:<digest hex>``."""
        return f"{QR_PREFIX}:{self.assessment_id}:{self.digest}"


@dataclass(frozen=True)
class Signatory:
    """Someone who signs: the role printed under the line, and the name if known."""

    role: str
    name: str = ""
    position: str = ""


@dataclass(frozen=True)
class LocusReport:
    """The on-site summary of one locus visit."""

    language: str
    entity: str
    category: str
    province: str
    locus: str
    period: str
    visit_date: str
    team: tuple[str, ...]
    instrument: str
    score: float | None
    grade: GradeInfo | None
    provisional: bool
    open_points: int
    dimensions: tuple[DimensionRow, ...]
    indicators: tuple[IndicatorRow, ...]
    deficiencies: tuple[Deficiency, ...]
    sample_counted: int
    sample_target: int
    sample_minimum: int
    roles: tuple[RoleRow, ...]
    photos: tuple[Photo, ...]
    signatories: tuple[Signatory, ...]
    verification: Verification
    printed_on: str
    # Why the result is provisional, in the report's language (the shared words of reasons).
    open_reasons: tuple[str, ...] = ()
    # Issue 17: "Metodologi sementara: …" when the instrument is a draft, else empty.
    methodology: str = ""


@dataclass(frozen=True)
class LocusLine:
    """One locus on the entity recap."""

    assessment_id: str
    name: str
    score: float | None
    grade: GradeInfo | None
    provisional: bool
    dimensions: dict[str, float | None]
    review: str = ""  # the review mark in words: approved, returned, not reviewed


@dataclass(frozen=True)
class CommonDeficiency:
    """A deficiency found at two or more loci of an entity."""

    code: str
    title: str
    loci: tuple[str, ...]
    fix: str


@dataclass(frozen=True)
class EntityReport:
    """The recap of one entity in one period."""

    language: str
    entity: str
    category: str
    province: str
    period: str
    score: float | None
    mean_of_loci: float | None
    grade: GradeInfo | None
    provisional: bool
    rank: int | None
    rank_total: int
    corrections: tuple[str, ...]
    loci: tuple[LocusLine, ...]
    dimensions: tuple[DimensionRow, ...]  # titles and weights; scores are per locus
    common_deficiencies: tuple[CommonDeficiency, ...]
    printed_on: str
    # Issue 14: said in words beside the score (ombud_desktop/entity_lines.py).
    status: str = ""  # "Final", or "Sementara: 2 dari 7 lokus; konflik terbuka: IN07"
    rank_scope: str = ""  # what the rank is among
    rank_in_province: int | None = None
    approved: str = ""  # "3 dari 7 lokus disetujui"
    previous: str = ""  # "2023: 65.10 (C)", empty without an earlier period
    change: str = ""  # "+3.20 poin dibanding 2023"
    # Issue 17: the parts of a 2025-model score, its inputs, the draft-methodology mark.
    model_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityLine:
    """One entity on the province overview."""

    entity: str
    category: str
    province: str
    score: float | None
    grade: GradeInfo | None
    rank: int | None
    loci: str
    provisional: bool
    status: str = ""  # "Final", or "Sementara: …" with the reasons
    rank_in_province: int | None = None
    approved: str = ""  # "3 dari 7 lokus disetujui"


@dataclass(frozen=True)
class ProvinceReport:
    """The overview of the entities of a province (or of every province) in one period."""

    language: str
    province: str
    period: str
    entities: tuple[EntityLine, ...]
    zone_counts: tuple[tuple[str, str, str, int], ...]  # (zone, label, colour, count)
    grade_counts: tuple[tuple[str, str, int], ...]  # (grade, colour, count)
    ungraded: int
    printed_on: str
    # What the ranks are among, one line per category shown ("Kabupaten: peringkat di antara
    # kabupaten provinsi Banten, Lampung"); the rank among them is printed beside the rank
    # within the province only when the two differ (several provinces, or the whole country).
    rank_scopes: tuple[str, ...] = ()
    wider_rank: bool = False
    # Issue 17: "Metodologi sementara: …" when the period's instrument is a draft.
    methodology: str = ""


# -- shared pieces ----------------------------------------------------------------------------


def grade_info(grade: Grade | None, scale: GradeScale, language: str) -> GradeInfo | None:
    """Return a grade as printed in ``language`` (None when there is no score)."""
    if grade is None:
        return None
    zone = next(z for z in scale.zones if z.code == grade.zone)
    opinion = (grade.opinion_en if language == "en" else grade.opinion_id) or ""
    return GradeInfo(
        grade.grade, zone.code, zone.label.get(language), zone.colour, opinion, grade.capped
    )


def methodology_text(instrument: Instrument, language: str) -> str:
    """Return the provisional-methodology mark of a draft instrument, empty for a final one."""
    if not instrument.is_draft:
        return ""
    return label("methodology_draft", language, instrument=instrument.id)


def category_label(instrument: Instrument, code: str, language: str) -> str:
    """Return the printed name of an entity category (the code when it is unknown)."""
    for category in instrument.entity_categories:
        if category.code == code:
            return category.label.get(language)
    return code


def dimension_rows(instrument: Instrument, score: LocusScore | None, language: str) -> tuple:
    """Return the dimensions with titles, weights and (with ``score``) their scores."""
    return tuple(
        DimensionRow(
            d.code,
            d.title.get(language),
            d.weight,
            score.dimensions[d.code].score if score and d.code in score.dimensions else None,
        )
        for d in instrument.dimensions
    )


def what_a_top_level_requires(instrument: Instrument, code: str, language: str) -> str:
    """Return in plain words what the top level of an indicator requires (from the rubric)."""
    indicator = instrument.find(code)
    top = instrument.rating_scale.max
    if isinstance(indicator, RatingIndicator):
        return indicator.anchors[top].get(language)
    if isinstance(indicator, SubItemsIndicator):
        return " ".join(
            f"{sub.title.get(language)}: {sub.anchors[top].get(language)}"
            for sub in indicator.sub_items
        )
    if isinstance(indicator, RoleInterviewIndicator):
        if indicator.recall is not None:
            needed = next(b.min_count for b in indicator.recall.bands if b.value >= top)
            return deficiency_text("recall", language, n=needed, m=len(indicator.recall.items))
        return deficiency_text(
            "role_question", language, question=indicator.question.get(language)
        )
    if isinstance(indicator, DisplayIndicator):
        return indicator.complete.get(language)
    if isinstance(indicator, ServiceUserIndicator):
        return indicator.question.get(language)
    return ""


def _deficiency(
    instrument: Instrument, document: AssessmentDocument, score: LocusScore, code: str, lang: str
) -> Deficiency:
    indicator = instrument.indicator(code)
    value = score.indicators[code]
    top = instrument.rating_scale.max
    fix = what_a_top_level_requires(instrument, code, lang)
    detail = ""
    if isinstance(indicator, SubItemsIndicator):
        below = [s for s in indicator.sub_items if _below(value.parts.get(s.code), top)]
        fix = " ".join(f"{s.title.get(lang)}: {s.anchors[top].get(lang)}" for s in below) or fix
    elif isinstance(indicator, DisplayIndicator):
        products = [
            f"{document.products[int(part[1:]) - 1]} (P{part[1:]})"
            for part, v in value.parts.items()
            if v is not None and v < top and int(part[1:]) <= len(document.products)
        ]
        if products:
            detail = deficiency_text("products", lang, products=", ".join(products))
    elif isinstance(indicator, RoleInterviewIndicator):
        roles = [f"{role} ({format_value(v, lang)})" for role, v in sorted(value.parts.items())
                 if v is not None and v < top]
        if roles:
            detail = deficiency_text("roles", lang, roles=", ".join(roles))
    elif isinstance(indicator, ServiceUserIndicator):
        yes, no = int(value.parts.get("yes", 0)), int(value.parts.get("no", 0))
        detail = deficiency_text("service_user", lang, yes=yes, n=yes + no)
    return Deficiency(code, indicator.title.get(lang), value.value, fix, detail)


def _below(value: float | None, top: float) -> bool:
    return value is not None and value < top


def format_value(value: float | None, language: str) -> str:
    """Return an indicator value 0-3 as printed: 3, 2,50 / 2.50, 1,67 / 1.67, or –."""
    if value is None:
        return MISSING
    if value == int(value):
        return format_fixed(value, language, 0)
    return format_score(value, language)


def _roles(instrument: Instrument, document: AssessmentDocument, lang: str) -> tuple:
    rows = []
    for role in instrument.roles.items:
        interview = document.roles.get(role.code)
        if interview is None or interview.present is None:
            status = label("not_yet", lang)
        elif interview.present:
            status = label("interviewed", lang)
        else:
            status = label("absent", lang, reason=interview.absent_reason or "–")
        position = (interview.position or "") if interview else ""
        rows.append(RoleRow(role.code, role.title.get(lang), status, position))
    return tuple(rows)


def _photos(
    instrument: Instrument, document: AssessmentDocument, evidence_dir: Path | None, lang: str
) -> tuple:
    if evidence_dir is None:
        return ()
    order = {}
    for number, (_dimension, indicator) in enumerate(instrument.indicators()):
        order[indicator.code] = number
        for sub in getattr(indicator, "sub_items", ()):
            order[sub.code] = number
    photos = [e for e in document.evidence if e.media_type.startswith("image/")]
    # One photo per indicator and product first (the key ones), in instrument order.
    photos.sort(key=lambda e: (order.get(e.indicator or "", 10**6), e.product or 0, e.evidence_id))
    chosen, seen = [], set()
    for evidence in photos:
        key = (evidence.indicator, evidence.product)
        if key in seen:
            continue
        seen.add(key)
        chosen.append(evidence)
    chosen = chosen[:MAX_PHOTOS]
    out = []
    for evidence in chosen:
        found = instrument.find(evidence.indicator) if evidence.indicator else None
        caption = evidence.indicator or evidence.filename
        if found is not None:
            caption = f"{evidence.indicator} {found.title.get(lang)}"
        if evidence.product:
            caption += f" · P{evidence.product}"
        out.append(Photo(evidence_dir / evidence.sha256[:2] / evidence.sha256, caption))
    return tuple(out)


# -- the three reports ------------------------------------------------------------------------


def build_locus_report(
    instrument: Instrument,
    document: AssessmentDocument,
    score: LocusScore,
    *,
    digest: str,
    code: str,
    language: str = "id",
    evidence_dir: Path | None = None,
    printed_on: str = "",
) -> LocusReport:
    """Return the on-site summary of one assessment (photos only with ``evidence_dir``)."""
    lang = language
    indicators = tuple(
        IndicatorRow(
            indicator.code,
            indicator.title.get(lang),
            dimension.code,
            score.indicators[indicator.code].value,
            score.indicators[indicator.code].not_applicable,
        )
        for dimension, indicator in instrument.indicators()
    )
    head = document.roles.get("R1")
    head_name = (head.name or "") if head and head.present else ""
    head_position = (head.position or "") if head and head.present else ""
    signatories = (
        Signatory(label("head_of_unit", lang), head_name, head_position),
        *(Signatory(label("assessor", lang), name) for name in (document.team or [""])),
    )
    return LocusReport(
        language=lang,
        entity=document.entity.get("name", ""),
        category=category_label(instrument, document.entity.get("category", ""), lang),
        province=document.entity.get("province", ""),
        locus=document.locus.get("name", ""),
        period=document.period,
        visit_date=format_date(document.visit_date, lang),
        team=tuple(document.team),
        instrument=f"{instrument.id} ({instrument.version})",
        score=score.score,
        grade=grade_info(score.grade, instrument.grade_scale, lang),
        provisional=score.provisional,
        open_points=len(score.reasons),
        open_reasons=tuple(reason_text(r.code, r.target, r.data, lang) for r in score.reasons),
        dimensions=dimension_rows(instrument, score, lang),
        indicators=indicators,
        deficiencies=tuple(
            _deficiency(instrument, document, score, c, lang) for c in score.deficiencies
        ),
        sample_counted=score.service_users_counted,
        sample_target=score.service_users_target,
        sample_minimum=instrument.completeness.service_users.minimum,
        roles=_roles(instrument, document, lang),
        photos=_photos(instrument, document, evidence_dir, lang),
        signatories=signatories,
        verification=Verification(document.assessment_id, digest, code),
        printed_on=format_date(printed_on, lang) if printed_on else "",
        methodology=methodology_text(instrument, lang),
    )


@dataclass(frozen=True)
class ScoredLocusInput:
    """What the entity recap needs of one locus: its name and its score."""

    name: str
    score: LocusScore
    review: str | None = None  # the assessment's review decision (approved, returned)


def build_entity_report(
    instrument: Instrument,
    entity: EntityScore,
    loci: Sequence[ScoredLocusInput],
    *,
    province: str,
    rank_total: int,
    language: str = "id",
    printed_on: str = "",
    ranked_provinces: Sequence[str] = (),
) -> EntityReport:
    """Return the recap of an entity: its loci, score, grade, rank and common deficiencies.

    ``ranked_provinces``: the provinces of the entities ranked with it (what the rank is
    among, when the entity does not say).
    """
    lang = language
    scale = instrument.grade_scale
    lines = tuple(
        LocusLine(
            locus.score.assessment_id,
            locus.name,
            locus.score.score,
            grade_info(locus.score.grade, scale, lang),
            locus.score.provisional,
            {code: d.score for code, d in locus.score.dimensions.items()},
            review_mark(locus.review, lang),
        )
        for locus in loci
    )
    previous = previous_of(entity)
    found: dict[str, list[str]] = defaultdict(list)
    for locus in loci:
        for code in locus.score.deficiencies:
            found[code].append(locus.name)
    order = {indicator.code: n for n, (_d, indicator) in enumerate(instrument.indicators())}
    common = sorted(
        (code for code, names in found.items() if len(names) >= 2),
        key=lambda code: (-len(found[code]), order.get(code, 0)),
    )
    return EntityReport(
        language=lang,
        entity=entity.entity,
        category=category_label(instrument, entity.category, lang),
        province=province,
        period=entity.period,
        score=entity.score,
        mean_of_loci=entity.mean_of_loci,
        grade=qualified_grade(entity, scale, lang),
        provisional=entity.provisional,
        rank=entity.rank,
        rank_total=rank_total,
        corrections=tuple(
            correction_text(c.kind, c.points, c.cap_grade, c.reason, lang)
            for c in entity.corrections
        ),
        loci=lines,
        dimensions=dimension_rows(instrument, None, lang),
        common_deficiencies=tuple(
            CommonDeficiency(
                code,
                instrument.indicator(code).title.get(lang),
                tuple(found[code]),
                what_a_top_level_requires(instrument, code, lang),
            )
            for code in common
        ),
        printed_on=format_date(printed_on, lang) if printed_on else "",
        status=status_text(entity.provisional, reasons_of(entity), lang),
        rank_scope=scope_text(scope_of(entity), category_label(instrument, entity.category, lang),
                              lang, ranked_provinces),
        rank_in_province=entity.rank_in_province,
        approved=approved_text(entity.loci_approved, entity.loci_planned, entity.loci_total,
                               lang),
        previous=previous_text(previous, lang) if previous else "",
        change=change_text(entity.score, previous, lang) or "",
        model_lines=model_lines(instrument, entity, lang),
    )


def qualified_grade(entity: EntityScore, scale: GradeScale, language: str) -> GradeInfo | None:
    """Return the entity's grade as printed, the opinion with its qualifier when it has one."""
    info = grade_info(entity.grade, scale, language)
    if info is None or not entity.qualifier_id:
        return info
    return replace(info, opinion=entity.opinion(language) or info.opinion)


def build_province_report(
    instrument: Instrument,
    entities: Sequence[EntityScore],
    provinces: dict[str, str],
    *,
    province: str | None,
    period: str,
    language: str = "id",
    printed_on: str = "",
) -> ProvinceReport:
    """Return the overview of the entities of ``province`` (every province when None)."""
    lang = language
    scale = instrument.grade_scale
    chosen = [
        e for e in entities
        if e.period == period and (province is None or provinces.get(e.entity_id) == province)
    ]
    chosen.sort(key=lambda e: (e.category, e.rank is None, e.rank or 0, e.entity))
    ranked_with = _ranked_provinces(entities, provinces, period)
    lines = tuple(
        EntityLine(
            e.entity,
            category_label(instrument, e.category, lang),
            provinces.get(e.entity_id, ""),
            e.score,
            grade_info(e.grade, scale, lang),
            e.rank,
            label("loci_scored", lang, scored=e.loci_scored, total=e.loci_total),
            e.provisional,
            status=status_text(e.provisional, reasons_of(e), lang),
            rank_in_province=_rank_in_province(e, ranked_with[e.category]),
            approved=approved_text(e.loci_approved, e.loci_planned, e.loci_total, lang),
        )
        for e in chosen
    )
    scopes: dict[str, str] = {}
    wider = False
    for e in chosen:
        if e.rank is None:
            continue
        scope = scope_of(e)
        wider = wider or (scope or {}).get("kind") == "national" or len(
            (scope or {}).get("provinces") or ranked_with[e.category]) > 1
        name = category_label(instrument, e.category, lang)
        scopes.setdefault(name, scope_text(scope, name, lang, sorted(ranked_with[e.category])))
    zones = Counter(e.grade.zone for e in chosen if e.grade)
    grades = Counter(e.grade.grade for e in chosen if e.grade)
    colours = {z.code: z.colour for z in scale.zones}
    return ProvinceReport(
        language=lang,
        province=province or label("all_provinces", lang),
        period=period,
        entities=lines,
        zone_counts=tuple(
            (z.code, z.label.get(lang), z.colour, zones.get(z.code, 0)) for z in scale.zones
        ),
        grade_counts=tuple(
            (band.grade or "–", colours[band.zone], grades.get(band.grade, 0))
            for band in scale.bands
        ),
        ungraded=sum(1 for e in chosen if e.grade is None),
        printed_on=format_date(printed_on, lang) if printed_on else "",
        rank_scopes=tuple(f"{name}: {text}" for name, text in scopes.items()),
        wider_rank=wider,
        methodology=methodology_text(instrument, lang),
    )


def _ranked_provinces(
    entities: Sequence[EntityScore], provinces: dict[str, str], period: str
) -> dict[str, set[str]]:
    """Return per category the provinces of the ranked entities of ``period``."""
    out: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        if e.period == period and e.rank is not None:
            out[e.category].add(provinces.get(e.entity_id) or e.province)
    return out


def _rank_in_province(entity: EntityScore, ranked_with: set[str]) -> int | None:
    """Return the rank within the entity's province (its rank when one province is ranked)."""
    if entity.rank_in_province is not None:
        return entity.rank_in_province
    # Ranked among one province only, the rank is the rank within the province.
    return entity.rank if len(ranked_with) == 1 else None


def score_text(value: float | None, language: str) -> str:
    """Return a score as printed in ``language`` (72,32 / 72.32, or – when there is none)."""
    return format_score(value, language)
