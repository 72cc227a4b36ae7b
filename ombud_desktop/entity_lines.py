"""An entity's result described in words, the same in the app, the PDFs and the spreadsheet.

Whether it is final or provisional and why ("Sementara: 2 dari 7 lokus; konflik terbuka:
IN07"), how many loci are approved, the previous period with the change in points, and what a
rank is among. Plain values in, text out (no Qt): the entity's reasons as (code, data) pairs,
so a dict of the results window and an ``EntityScore`` are described alike. The words are in
``resources/words/results.yaml`` (sections ``entity_lines`` and ``review_marks``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ombud_desktop.domain.rounding import round_half_up
from ombud_desktop.formatting import format_score
from ombud_desktop.words import entity_reason_text, rank_scope_text, result_words

Reasons = Iterable[tuple[str, Mapping[str, Any]]]
Format = Callable[[float | None], str]


def score_words(value: float | None, language: str) -> str:
    """Return a score with two decimals (a decimal comma in Indonesian), or "–"."""
    return format_score(value, language)


def reasons_of(entity: Any) -> list[tuple[str, dict[str, Any]]]:
    """Return an ``EntityScore``'s reasons as (code, data) pairs."""
    return [(r.code, dict(r.data)) for r in entity.reasons]


def reasons_text(reasons: Reasons, language: str) -> str:
    """Return why an entity is provisional: its reasons in words, joined by "; "."""
    return "; ".join(entity_reason_text(code, data, language) for code, data in reasons)


def status_text(provisional: bool, reasons: Reasons, language: str) -> str:
    """Return "Final", or "Sementara: <the reasons>" (never "final" when provisional)."""
    if not provisional:
        return result_words("entity_lines", "final", language)
    why = reasons_text(reasons, language)
    if not why:
        return result_words("entity_lines", "provisional_plain", language)
    return result_words("entity_lines", "provisional", language, reasons=why)


def approved_text(approved: int, planned: int | None, total: int, language: str) -> str:
    """Return "3 dari 7 lokus disetujui" (out of the planned loci when the plan is known)."""
    return result_words(
        "entity_lines", "loci_approved", language, approved=approved,
        total=total if planned is None else planned,
    )


def review_mark(review: str | None, language: str) -> str:
    """Return a locus's review mark: approved, returned or not reviewed."""
    key = review if review in ("approved", "returned") else "none"
    return result_words("review_marks", key, language)


def change_in_points(score: float | None, previous: float | None) -> float | None:
    """Return the change between two scores as printed (each rounded to 2 decimals first)."""
    if score is None or previous is None:
        return None
    return round_half_up(round_half_up(score) - round_half_up(previous))


def signed_points(change: float | None, language: str, fmt: Format | None = None) -> str:
    """Return a change in points with its sign: "+3,20", "−1,05", "0,00" (– without one)."""
    if change is None:
        return "–"
    sign = "+" if change > 0 else "−" if change < 0 else ""
    return sign + (fmt(abs(change)) if fmt else score_words(abs(change), language))


def previous_text(
    previous: Mapping[str, Any] | None, language: str, fmt: Format | None = None
) -> str:
    """Return "2023: 65,10 (C)" for a previous result ({period, score, grade, provisional})."""
    if previous is None:
        return result_words("entity_lines", "no_previous", language)
    shown = fmt or (lambda value: score_words(value, language))
    key = "previous_provisional" if previous.get("provisional") else "previous"
    return result_words(
        "entity_lines", key, language, period=previous["period"],
        score=shown(previous.get("score")), grade=previous.get("grade") or "–",
    )


def change_text(
    score: float | None, previous: Mapping[str, Any] | None, language: str,
    fmt: Format | None = None,
) -> str | None:
    """Return "+3,20 poin dibanding 2023", or None without a previous score or a score now."""
    if previous is None:
        return None
    change = change_in_points(score, previous.get("score"))
    if change is None:
        return None
    return result_words(
        "entity_lines", "change", language, change=signed_points(change, language, fmt),
        period=previous["period"],
    )


def scope_text(
    scope: Mapping[str, Any] | None, category: str, language: str,
    present: Sequence[str] = (),
) -> str:
    """Return what a rank is among ({kind, category, provinces}), with the category's name.

    Without a scope (scored before scopes existed) a rank is among the category's entities in
    the workspace: those of the provinces ``present``.
    """
    category = category.lower()  # mid-sentence: "peringkat di antara kabupaten provinsi …"
    if scope is None:
        return rank_scope_text("provinces", category, sorted(present), language)
    return rank_scope_text(scope["kind"], category, list(scope.get("provinces") or ()), language)


def rank_text(
    rank: int | None, total: int, scope: Mapping[str, Any] | None, category: str, language: str,
    present: Sequence[str] = (),
) -> str:
    """Return "2 dari 5, peringkat di antara kota provinsi Banten" (– when not ranked)."""
    if rank is None:
        return "–"
    return result_words(
        "entity_lines", "rank", language, rank=rank, total=total,
        scope=scope_text(scope, category, language, present),
    )


def province_rank_text(rank: int | None, province: str, language: str) -> str:
    """Return "1 di provinsi Banten" (– when not ranked)."""
    if rank is None:
        return "–"
    return result_words("entity_lines", "rank_in_province", language, rank=rank,
                        province=province)


def previous_of(entity: Any) -> dict[str, Any] | None:
    """Return an ``EntityScore``'s previous result as plain data (None without one)."""
    previous = entity.previous
    if previous is None:
        return None
    return {"period": previous.period, "score": previous.score, "grade": previous.grade,
            "provisional": previous.provisional}


def scope_of(entity: Any) -> dict[str, Any] | None:
    """Return an ``EntityScore``'s rank scope as plain data (None without one)."""
    return entity.rank_scope.to_json() if entity.rank_scope else None


def join(parts: Sequence[str | None]) -> str:
    """Return the non-empty parts joined by "; "."""
    return "; ".join(p for p in parts if p)
