"""The fixed words printed on reports, in Indonesian and English.

Reports are built by the core (no Qt), so their labels are a small table here rather than Qt
translations. Texts about indicators, deficiencies and grades come from the instrument file; the
words of provisional reasons, corrections and what to fix are shared with the app and the
spreadsheet (``ombud_desktop.words``).
"""

from __future__ import annotations

LANGUAGES = ("id", "en")

_LABELS: dict[str, tuple[str, str]] = {
    # key: (Indonesian, English)
    "locus_title": ("Ringkasan Hasil Penilaian di Lokus", "On-site assessment summary"),
    "entity_title": ("Rekapitulasi Penilaian Entitas", "Entity assessment recap"),
    "province_title": ("Ikhtisar Penilaian Provinsi", "Province assessment overview"),
    "all_provinces": ("Semua provinsi", "All provinces"),
    "entity": ("Entitas", "Entity"),
    "category": ("Kategori", "Category"),
    "province": ("Provinsi", "Province"),
    "locus": ("Lokus", "Locus"),
    "loci": ("Lokus", "Loci"),
    "period": ("Periode", "Period"),
    "visit_date": ("Tanggal kunjungan", "Visit date"),
    "team": ("Tim penilai", "Assessment team"),
    "instrument": ("Instrumen", "Instrument"),
    "score": ("Skor", "Score"),
    "locus_score": ("Skor lokus", "Locus score"),
    "entity_score": ("Skor entitas", "Entity score"),
    "mean_of_loci": ("Rata-rata skor lokus", "Mean of the locus scores"),
    "grade": ("Predikat", "Grade"),
    "zone": ("Zona", "Zone"),
    "opinion": ("Opini", "Opinion"),
    "rank": ("Peringkat", "Rank"),
    "rank_of": ("{rank} dari {total} ({category})", "{rank} of {total} ({category})"),
    "dimension": ("Dimensi", "Dimension"),
    "dimensions": ("Skor per dimensi", "Scores by dimension"),
    "weight": ("Bobot", "Weight"),
    "indicators": ("Nilai indikator (0–3)", "Indicator values (0–3)"),
    "code": ("Kode", "Code"),
    "indicator": ("Indikator", "Indicator"),
    "value": ("Nilai", "Value"),
    "not_applicable": ("tidak berlaku", "not applicable"),
    "no_value": ("belum ada nilai", "no value yet"),
    "deficiencies": ("Yang perlu diperbaiki", "What to fix"),
    "no_deficiencies": (
        "Tidak ada: setiap indikator yang dinilai mencapai nilai 3.",
        "Nothing: every indicator with a value reached 3.",
    ),
    "sample": ("Sampel pengguna layanan", "Service-user sample"),
    "sample_text": (
        "{counted} dari target {target} pengguna layanan diwawancarai (minimal {minimum}).",
        "{counted} of the target {target} service users interviewed (at least {minimum}).",
    ),
    "roles": ("Jabatan yang diwawancarai", "Roles interviewed"),
    "role": ("Jabatan", "Role"),
    "position": ("Posisi", "Position"),
    "interviewed": ("diwawancarai", "interviewed"),
    "absent": ("tidak hadir: {reason}", "not present: {reason}"),
    "not_yet": ("belum diwawancarai", "not interviewed yet"),
    "photos": ("Foto bukti", "Evidence photos"),
    "photo_unreadable": (
        "Foto tidak dapat ditampilkan (berkas rusak atau bukan foto)",
        "The photo cannot be shown (the file is damaged or not a photo)",
    ),
    "provisional": ("SEMENTARA", "PROVISIONAL"),
    "open_reasons": ("Yang belum lengkap", "Not complete yet"),
    "provisional_note": (
        "Hasil ini masih sementara: {n} hal belum lengkap. Skor dapat berubah.",
        "This result is provisional: {n} thing(s) are not complete yet. The score may change.",
    ),
    "signatures": ("Tanda tangan", "Signatures"),
    "head_of_unit": ("Pimpinan unit", "Head of the unit"),
    "assessor": ("Penilai", "Assessor"),
    "name": ("Nama", "Name"),
    "date": ("Tanggal", "Date"),
    "sign_statement": (
        "Ringkasan ini telah dibaca dan dijelaskan kepada pimpinan unit.",
        "This summary has been read and explained to the head of the unit.",
    ),
    "page": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "verification": ("Kode verifikasi", "Verification code"),
    "printed": ("Dicetak {date}", "Printed {date}"),
    "corrections": ("Koreksi substantif", "Substantive corrections"),
    "no_corrections": ("Tidak ada.", "None."),
    "compare_dimensions": ("Perbandingan dimensi antar lokus", "Dimensions compared across loci"),
    "common_deficiencies": (
        "Kekurangan yang sama di beberapa lokus",
        "Deficiencies common to several loci",
    ),
    "no_common": ("Tidak ada kekurangan yang sama di dua lokus atau lebih.",
                  "No deficiency is shared by two or more loci."),
    "in_loci": ("{n} dari {total} lokus", "{n} of {total} loci"),
    "entities": ("Entitas", "Entities"),
    "per_zone": ("Jumlah per zona", "Count per zone"),
    "distribution": ("Sebaran predikat", "Grade distribution"),
    "count": ("Jumlah", "Count"),
    "ungraded": ("belum dinilai", "not scored"),
    "status": ("Status", "Status"),
    "loci_scored": ("{scored} dari {total} lokus", "{scored} of {total} loci"),
    "rank_of_scope": ("{rank} dari {total}, {scope}", "{rank} of {total}, {scope}"),
    "rank_in_province": ("Peringkat di provinsi", "Rank in province"),
    "rank_among": ("Peringkat di antara", "Ranks among"),
    "rank_province_note": (
        "Peringkat di provinsi: di antara entitas sekategori dari provinsi yang sama.",
        "Rank in province: among the entities of the same category in the same province.",
    ),
    "previous_period": ("Periode sebelumnya", "Previous period"),
    "review": ("Tinjauan", "Review"),
    "result_status": ("Status hasil", "Result status"),
    # Issue 17: the 2025 model's parts, inputs and draft methodology.
    "methodology_draft": (
        "Metodologi sementara: instrumen {instrument} masih draf.",
        "Provisional methodology: instrument {instrument} is a draft.",
    ),
    "score_part": ("{title} ({share} %): {value}", "{title} ({share} %): {value}"),
    "secondary_value": (
        "Data sekunder {code}: {value} ({source}, {as_of})",
        "Secondary data {code}: {value} ({source}, {as_of})",
    ),
    "trust_respondents": (
        "Kepercayaan masyarakat: {value} ({respondents} responden)",
        "Public trust: {value} ({respondents} respondents)",
    ),
}


def label(key: str, language: str, **values: object) -> str:
    """Return the label ``key`` in ``language`` ("id" or "en"), with ``values`` filled in."""
    indonesian, english = _LABELS[key]
    text = english if language == "en" else indonesian
    return text.format(**values) if values else text


def keys() -> list[str]:
    """Return every label key (for tests)."""
    return list(_LABELS)
