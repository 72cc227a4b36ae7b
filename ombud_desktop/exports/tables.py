"""The tables of the spreadsheet export: their columns (Indonesian and English) and rows.

Pure functions over scores, documents and instruments: no files, no openpyxl. Each table is a
list of :class:`Column` and rows of plain values (numbers stay numbers, flags are bools, a
missing value is None), so any writer (xlsx, csv) shows the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ombud_desktop.domain.assessment import SERVICE_USER_PROFILE, AssessmentDocument
from ombud_desktop.entity_lines import (
    change_in_points,
    reasons_of,
    scope_of,
    scope_text,
    status_text,
)
from ombud_desktop.instruments.model import Instrument
from ombud_desktop.scoring import EntityScore, LocusScore, round_half_up
from ombud_desktop.words import correction_text, reason_text

LANGUAGES = ("id", "en")
PERSONAL_MARK = {"id": " (data pribadi)", "en": " (personal data)"}
PERSONAL_NOTE = {
    "id": "DATA PRIBADI (UU 27/2022): kolom bertanda “(data pribadi)” berisi nomor telepon "
    "responden. Simpan dan bagikan hanya untuk kendali mutu, lalu hapus.",
    "en": "PERSONAL DATA (UU 27/2022): the columns marked “(personal data)” hold respondents' "
    "phone numbers. Keep and share them only for quality control, then delete them.",
}

# Table keys (also the values of ``ombud spreadsheet --sheet``), in workbook order.
ENTITIES = "entities"
LOCI = "loci"
SERVICE_USERS = "service-users"
INSTRUMENT = "instrument"
TABLES = (ENTITIES, LOCI, SERVICE_USERS, INSTRUMENT)

SHEET_TITLES = {
    ENTITIES: {"id": "Entitas", "en": "Entities"},
    LOCI: {"id": "Lokus", "en": "Loci"},
    SERVICE_USERS: {"id": "Pengguna layanan", "en": "Service users"},
    INSTRUMENT: {"id": "Instrumen", "en": "Instrument"},
}

_WORDS: dict[str, tuple[str, str]] = {
    # key: (Indonesian, English)
    "period": ("Periode", "Period"),
    "province": ("Provinsi", "Province"),
    "category": ("Kategori", "Category"),
    "entity": ("Entitas", "Entity"),
    "entity_id": ("ID entitas", "Entity id"),
    # Issue 17 (the 2025 model): the trust part, the secondary data, the draft methodology.
    "trust": ("Kepercayaan masyarakat", "Public trust"),
    "secondary_data": ("Data sekunder", "Secondary data"),
    "score_parts": ("Bagian nilai", "Score parts"),
    "methodology_draft": ("Metodologi sementara", "Provisional methodology"),
    "score": ("Nilai", "Score"),
    "mean_of_loci": ("Rata-rata lokus", "Mean of loci"),
    "grade": ("Predikat", "Grade"),
    "zone": ("Zona", "Zone"),
    "opinion": ("Opini", "Opinion"),
    "provisional": ("Sementara", "Provisional"),
    "loci_scored": ("Lokus bernilai", "Loci scored"),
    "loci_total": ("Jumlah lokus", "Loci"),
    "provisional_loci": ("Lokus sementara", "Provisional loci"),
    "points": ("Potongan poin", "Points deducted"),
    "cap": ("Batas predikat", "Grade cap"),
    "capped": ("Predikat dibatasi", "Grade capped"),
    "corrections": ("Koreksi substantif", "Substantive corrections"),
    "rank": ("Peringkat", "Rank"),
    "ranked": ("Jumlah dalam kategori", "Entities in category"),
    "rank_scope": ("Peringkat di antara", "Rank among"),
    "rank_in_province": ("Peringkat di provinsi", "Rank in province"),
    "entity_status": ("Status hasil", "Result status"),
    "loci_planned": ("Lokus direncanakan", "Loci planned"),
    "loci_approved": ("Lokus disetujui", "Loci approved"),
    "previous_period": ("Periode sebelumnya", "Previous period"),
    "previous_score": ("Nilai sebelumnya", "Previous score"),
    "previous_grade": ("Predikat sebelumnya", "Previous grade"),
    "change": ("Perubahan (poin)", "Change (points)"),
    "locus": ("Lokus", "Locus"),
    "locus_type": ("Jenis lokus", "Locus type"),
    "status": ("Status", "Status"),
    "instrument": ("Instrumen", "Instrument"),
    "visit_date": ("Tanggal kunjungan", "Visit date"),
    "assessment_id": ("ID penilaian", "Assessment id"),
    "dimension": ("Dimensi {code}", "Dimension {code}"),
    "reasons_count": ("Jumlah kekurangan", "Things missing"),
    "reasons": ("Alasan sementara", "Why provisional"),
    "not_applicable": ("Tidak berlaku", "Not applicable"),
    "users_counted": ("Pengguna layanan dihitung", "Service users counted"),
    "number": ("No.", "No."),
    "respondent_id": ("ID responden", "Respondent id"),
    "consent": ("Setuju diwawancarai", "Consent to interview"),
    "callback_consent": ("Setuju dihubungi kembali", "Consent to call-back"),
    "follow_ups": ("Catatan tindak lanjut", "Follow-up notes"),
    "phone": ("Telepon", "Phone"),
    "version": ("Versi", "Version"),
    "dimension_code": ("Kode dimensi", "Dimension code"),
    "dimension_title": ("Dimensi", "Dimension"),
    "dimension_weight": ("Bobot dimensi", "Dimension weight"),
    "code": ("Kode", "Code"),
    "parent": ("Induk", "Parent"),
    "kind": ("Jenis", "Kind"),
    "weight": ("Bobot", "Weight"),
    "title": ("Judul", "Title"),
    "question": ("Pertanyaan", "Question"),
}

_STATUS = {
    "draft": ("Draf", "Draft"),
    "complete": ("Selesai", "Complete"),
    "signed": ("Ditandatangani", "Signed"),
}

# The kinds of indicators (Instrumen sheet) in words; a kind not listed shows as its code.
_KINDS = {
    "rating": ("Penilaian 0–3", "Rating 0–3"),
    "sub_items": ("Sub-butir", "Sub-items"),
    "sub_item": ("Sub-butir", "Sub-item"),
    "role_interview": ("Wawancara jabatan", "Role interview"),
    "display": ("Pengamatan tampilan produk", "Product display observation"),
    "service_user": ("Wawancara pengguna layanan", "Service-user interview"),
}

# Number formats of the workbook's cells (Excel shows the decimal separator of its reader's
# system: 72,32 in an Indonesian Windows). A score keeps its full value; two decimals show.
SCORE_FORMAT = "0.00"
COUNT_FORMAT = "0"
# Dates as words in the workbook's language (the [$-421] / [$-809] locale tags: Indonesian,
# English (United Kingdom)): "5 Agustus 2024" / "5 August 2024".
DATE_FORMATS = {"id": "[$-421]d mmmm yyyy", "en": "[$-809]d mmmm yyyy"}

def word(key: str, language: str, **values: Any) -> str:
    """Return a column title or phrase of the export in ``language`` ("id" or "en")."""
    text = _WORDS[key][LANGUAGES.index(language)]
    return text.format(**values) if values else text


@dataclass(frozen=True)
class Column:
    """One column of a table: a key (stable, for programs) and its title in the language."""

    key: str
    title: str
    width: int = 12
    personal: bool = False
    number_format: str | None = None  # for numbers and dates in the workbook (not in CSV)


@dataclass
class Table:
    """A table's columns and its rows (an iterator, so big tables stream)."""

    key: str
    title: str
    columns: list[Column]
    rows: Iterable[list[Any]]
    note: str | None = None


def period_value(period: str) -> int | str:
    """Return a period as a number when it is a year ("2024" -> 2024), else as given."""
    return int(period) if period.isdigit() else period


def date_value(text: str | None) -> date | str | None:
    """Return an ISO date text as a date (a date cell in Excel), any other text as given."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return text


def _score(value: float | None) -> float | None:
    return None if value is None else round_half_up(value)


def _zone_label(instrument: Instrument, zone: str | None, language: str) -> str | None:
    for candidate in instrument.grade_scale.zones:
        if candidate.code == zone:
            return candidate.label.get(language)
    return zone


def _category_label(instrument: Instrument, code: str, language: str) -> str:
    for category in instrument.entity_categories:
        if category.code == code:
            return category.label.get(language)
    return code


def status_word(status: str, language: str) -> str:
    """Return an assessment status in words."""
    pair = _STATUS.get(status)
    return pair[LANGUAGES.index(language)] if pair else status


def kind_word(kind: str, language: str) -> str:
    """Return the kind of an indicator in words ("Wawancara jabatan"), or its code if unknown."""
    pair = _KINDS.get(kind)
    return pair[LANGUAGES.index(language)] if pair else kind


def locus_type_label(instrument: Instrument, category: str, code: str | None,
                     language: str) -> str | None:
    """Return the name of a locus type ("Dinas Kesehatan"), or its code when not in a template.

    The entity's category's templates are asked first: a type may be named per category.
    """
    if not code:
        return code
    ordered = [*instrument.templates_for(category),
               *(entry for t in instrument.locus_templates for entry in t.loci)]
    for entry in ordered:
        if entry.type == code:
            return entry.name.get(language)
    return code


def _formats(columns: list[Column], formats: dict[str, str | None]) -> list[Column]:
    """Return ``columns`` with the number format of their key (``formats``), if any."""
    return [replace(c, number_format=formats.get(c.key, c.number_format)) for c in columns]


def _format_of(key: str, language: str) -> str | None:
    """Return the number format of a column key shared by several tables."""
    if key in ("period", "previous_period"):
        return COUNT_FORMAT
    if key in ("visit_date", "profile_service_date"):
        return DATE_FORMATS[language]
    if key in ("score", "mean_of_loci", "previous_score", "change", "points", "dimension_weight",
               "weight") or key.startswith(("dim_", "ind_")):
        return SCORE_FORMAT
    if key in ("rank", "ranked", "rank_in_province", "loci_scored", "loci_total", "loci_planned",
               "loci_approved", "provisional_loci", "reasons_count", "users_counted", "number"):
        return COUNT_FORMAT
    return None


def _with_formats(columns: list[Column], language: str) -> list[Column]:
    return _formats(columns, {c.key: _format_of(c.key, language) for c in columns})


# -- Entitas ------------------------------------------------------------------------------------


def entity_columns(language: str) -> list[Column]:
    """Return the columns of the entities table."""
    w = {
        "entity": 34, "province": 22, "corrections": 40, "entity_id": 38,
        "opinion": 18, "category": 12, "entity_status": 40, "rank_scope": 36,
        "previous_period": 12, "previous_score": 12, "previous_grade": 12,
        "secondary_data": 30, "score_parts": 40,
    }
    keys = (
        "period", "province", "category", "entity", "score", "grade", "zone", "opinion",
        "previous_period", "previous_score", "previous_grade", "change",
        "provisional", "entity_status", "mean_of_loci", "points", "cap", "capped",
        "corrections", "rank", "ranked", "rank_scope", "rank_in_province", "loci_scored",
        "loci_total", "loci_planned", "loci_approved", "provisional_loci", "entity_id",
        "trust", "secondary_data", "score_parts", "methodology_draft",
    )  # fmt: skip
    return _with_formats([Column(k, word(k, language), w.get(k, 11)) for k in keys], language)


def entity_rows(
    entities: list[EntityScore],
    provinces: dict[str, str],
    instruments: dict[str, Instrument],
    language: str,
) -> Iterator[list[Any]]:
    """Yield one row per entity and period (``instruments``/``provinces`` by entity id)."""
    ranked: dict[tuple[str, str], int] = {}
    present: dict[tuple[str, str], set[str]] = {}
    for e in entities:
        if e.rank is not None:
            ranked[(e.category, e.period)] = ranked.get((e.category, e.period), 0) + 1
        present.setdefault((e.category, e.period), set()).add(
            provinces.get(e.entity_id) or e.province
        )
    for e in entities:
        instrument = instruments[e.entity_id]
        caps = [c.cap_grade for c in e.corrections if c.kind == "cap"]
        order = [band.grade for band in instrument.grade_scale.bands]
        category = _category_label(instrument, e.category, language)
        previous = e.previous
        yield [
            period_value(e.period),
            provinces.get(e.entity_id),
            category,
            e.entity,
            _score(e.score),
            e.grade.grade if e.grade else None,
            _zone_label(instrument, e.grade.zone, language) if e.grade else None,
            e.opinion(language),  # with the qualifier ("Tanpa Maladministrasi") when it applies
            period_value(previous.period) if previous else None,
            _score(previous.score) if previous else None,
            previous.grade if previous else None,
            change_in_points(e.score, previous.score) if previous else None,
            e.provisional,
            status_text(e.provisional, reasons_of(e), language),
            _score(e.mean_of_loci),
            sum(c.points for c in e.corrections if c.kind == "points"),
            max(caps, key=lambda g: order.index(g) if g in order else -1) if caps else None,
            bool(e.grade and e.grade.capped),
            "; ".join(
                correction_text(c.kind, c.points, c.cap_grade, c.reason, language)
                for c in e.corrections
            )
            or None,
            e.rank,
            ranked.get((e.category, e.period)),
            scope_text(scope_of(e), category, language, sorted(present[(e.category, e.period)]))
            if e.rank is not None else None,
            e.rank_in_province,
            e.loci_scored,
            e.loci_total,
            e.loci_planned,
            e.loci_approved,
            len(e.provisional_loci),
            e.entity_id,
            *model_cells(e, language),
        ]


def model_cells(e: EntityScore, language: str) -> list[Any]:
    """Return the 2025 model's cells: trust, secondary data, the parts, the draft mark."""
    return [
        _score(e.trust),
        "; ".join(f"{v.code} {_score(v.value)} ({v.source}, {v.as_of})"
                  for v in e.inputs.secondary.values()) or None,
        "; ".join(
            f"{p.title_en if language == 'en' else p.title_id} {_score(p.share * 100)} %: "
            f"{'–' if p.value is None else _score(p.value)}"
            for p in e.parts if p.kind != "group"
        ) or None,
        e.methodology_draft,
    ]


# -- Lokus --------------------------------------------------------------------------------------


def indicator_codes(instruments: Iterable[Instrument]) -> list[str]:
    """Return the indicator codes of some instruments, in file order, each once."""
    codes: dict[str, None] = {}
    for instrument in instruments:
        for _dimension, indicator in instrument.indicators():
            codes.setdefault(indicator.code, None)
    return list(codes)


def dimension_codes(instruments: Iterable[Instrument]) -> list[str]:
    """Return the dimension codes of some instruments, in file order, each once."""
    codes: dict[str, None] = {}
    for instrument in instruments:
        for dimension in instrument.dimensions:
            codes.setdefault(dimension.code, None)
    return list(codes)


def locus_columns(language: str, dimensions: list[str], indicators: list[str]) -> list[Column]:
    """Return the columns of the loci table: who, scores, then one column per indicator."""
    w = {"entity": 30, "locus": 34, "province": 20, "reasons": 50, "assessment_id": 38}
    head = (
        "period", "province", "category", "entity", "locus", "locus_type", "status",
        "instrument", "visit_date",
    )  # fmt: skip
    tail = ("score", "grade", "zone", "provisional", "reasons_count", "reasons",
            "not_applicable", "users_counted", "assessment_id")  # fmt: skip
    columns = [Column(k, word(k, language), w.get(k, 11)) for k in head]
    columns += [Column(f"dim_{c}", word("dimension", language, code=c), 12) for c in dimensions]
    columns += [Column(k, word(k, language), w.get(k, 11)) for k in tail]
    columns += [Column(f"ind_{c}", c, 8) for c in indicators]
    return _with_formats(columns, language)


def locus_row(
    row: dict[str, Any],
    result: LocusScore,
    instrument: Instrument,
    dimensions: list[str],
    indicators: list[str],
    language: str,
) -> list[Any]:
    """Return the row of one scored locus (indicator values at full precision)."""
    entity = row["entity"]
    grade = result.grade
    values = result.indicators
    return [
        period_value(row["period"]),
        entity["province"],
        _category_label(instrument, entity["category"], language),
        entity["name"],
        row["locus"]["name"],
        locus_type_label(instrument, entity["category"], row["locus"]["type"], language),
        status_word(row["status"] or "draft", language),
        row["instrument_id"],
        date_value(row["visit_date"]),
        *(
            _score(result.dimensions[c].score) if c in result.dimensions else None
            for c in dimensions
        ),
        _score(result.score),
        grade.grade if grade else None,
        _zone_label(instrument, grade.zone, language) if grade else None,
        result.provisional,
        len(result.reasons),
        "; ".join(reason_text(r.code, r.target, r.data, language) for r in result.reasons)
        or None,
        " ".join(code for code, v in values.items() if v.not_applicable) or None,
        result.service_users_counted,
        row["id"],
        *(values[c].value if c in values else None for c in indicators),
    ]


# -- Pengguna layanan ---------------------------------------------------------------------------


def question_codes(instruments: Iterable[Instrument]) -> list[str]:
    """Return the codes of the service-user questions of some instruments, each once."""
    codes: dict[str, None] = {}
    for instrument in instruments:
        for _dimension, indicator in instrument.indicators():
            if indicator.kind == "service_user":
                codes.setdefault(indicator.code, None)
    return list(codes)


def service_user_columns(
    language: str, instrument: Instrument, questions: list[str], personal_data: bool
) -> list[Column]:
    """Return the columns of the service-user table (phone only with ``personal_data``)."""
    labels = {
        field["field"]: field.get("label", {}).get(language, field["field"])
        for field in instrument.service_users.profile
        if isinstance(field, dict) and "field" in field
    }
    w = {"entity": 30, "locus": 34, "province": 20, "follow_ups": 40, "assessment_id": 38,
         "respondent_id": 38}  # fmt: skip
    head = ("period", "province", "category", "entity", "locus", "assessment_id", "number",
            "respondent_id", "consent", "callback_consent")  # fmt: skip
    columns = [Column(k, word(k, language), w.get(k, 11)) for k in head]
    columns += [Column(f"profile_{f}", labels.get(f, f), 16) for f in SERVICE_USER_PROFILE]
    columns += [Column(f"answer_{c}", c, 9) for c in questions]
    columns.append(Column("follow_ups", word("follow_ups", language), 40))
    if personal_data:
        title = word("phone", language) + PERSONAL_MARK[language]
        columns.append(Column("phone", title, 22, personal=True))
    return _with_formats(columns, language)


def service_user_rows(
    row: dict[str, Any],
    document: AssessmentDocument,
    instrument: Instrument,
    questions: list[str],
    personal_data: bool,
    language: str,
) -> Iterator[list[Any]]:
    """Yield one row per service user of one assessment (answers in words: Ya, Tidak…)."""
    options = {o.code: o.id if language == "id" else o.en
               for o in instrument.service_users.answer_options}
    profile = _profile_words(instrument, language)
    entity = row["entity"]
    head = [
        period_value(row["period"]),
        entity["province"],
        _category_label(instrument, entity["category"], language),
        entity["name"],
        row["locus"]["name"],
        row["id"],
    ]
    for user in document.service_users:
        out = [
            *head,
            user.number,
            user.respondent_id,
            user.consent,
            user.callback_consent,
            *(
                date_value(user.service_date) if f == "service_date"
                else _profile_value(profile.get(f), getattr(user, f))
                for f in SERVICE_USER_PROFILE
            ),
            *(options.get(user.answers.get(c), user.answers.get(c)) for c in questions),
            "; ".join(f"{code}: {text}" for code, text in user.follow_ups.items()) or None,
        ]
        if personal_data:
            out.append(user.phone)
        yield out


def _profile_words(instrument: Instrument, language: str) -> dict[str, dict[str, str]]:
    """Return per profile field its options' words in ``language``, keyed by the stored text.

    A profile answer is stored as the Indonesian words of its option ("Perempuan"); an English
    workbook shows the option's English words ("Female").
    """
    out: dict[str, dict[str, str]] = {}
    for field in instrument.service_users.profile:
        if not isinstance(field, dict) or not isinstance(field.get("options"), list):
            continue
        out[str(field.get("field"))] = {
            str(option["id"]): str(option.get(language) or option["id"])
            for option in field["options"]
            if isinstance(option, dict) and option.get("id") is not None
        }
    return out


def _profile_value(words: dict[str, str] | None, value: Any) -> Any:
    if words is None or type(value) is not str:
        return value
    return words.get(value, value)


# -- Instrumen ----------------------------------------------------------------------------------


def instrument_columns(language: str) -> list[Column]:
    """Return the columns of the instrument table."""
    w = {"dimension_title": 22, "title": 50, "question": 80, "kind": 15}
    keys = ("instrument", "version", "dimension_code", "dimension_title", "dimension_weight",
            "code", "parent", "kind", "weight", "title", "question")  # fmt: skip
    return _with_formats([Column(k, word(k, language), w.get(k, 10)) for k in keys], language)


def _question(item: Any, language: str) -> str | None:
    for name in ("question", "complete"):
        text = getattr(item, name, None)
        if text is not None:
            return text.get(language)
    return None


def instrument_rows(instruments: Iterable[Instrument], language: str) -> Iterator[list[Any]]:
    """Yield one row per indicator and sub-item of each instrument."""
    for instrument in instruments:
        for dimension, indicator in instrument.indicators():
            head = [
                instrument.id,
                instrument.version,
                dimension.code,
                dimension.title.get(language),
                dimension.weight,
            ]
            yield [
                *head,
                indicator.code,
                None,
                kind_word(indicator.kind, language),
                indicator.weight,
                indicator.title.get(language),
                _question(indicator, language),
            ]
            for sub in getattr(indicator, "sub_items", ()):
                yield [
                    *head,
                    sub.code,
                    indicator.code,
                    kind_word("sub_item", language),
                    None,
                    sub.title.get(language),
                    _question(sub, language),
                ]
