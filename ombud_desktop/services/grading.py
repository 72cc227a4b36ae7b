"""A figure graded with an instrument's scale, in words (``ombud grade VALUE --instrument ID``)."""

from __future__ import annotations

from ombud_desktop.instruments.model import Instrument
from ombud_desktop.scoring import format_score, grade_for
from ombud_desktop.scoring.inputs import EntityInputs
from ombud_desktop.scoring.parts import qualifier_applies

DRAFT_WORDS = {"id": "metodologi sementara", "en": "provisional methodology"}


def grade_words(
    value: float, instrument: Instrument, *, products_followed: bool, language: str = "id"
) -> str:
    """Return "score  grade  zone  opinion [qualifier]" in words, marked when a draft."""
    result = grade_for(value, instrument.grade_scale)
    zone = next(z for z in instrument.grade_scale.zones if z.code == result.zone)
    opinion = result.opinion_en if language == "en" else result.opinion_id
    inputs = EntityInputs(products_followed=products_followed)
    qualifier = instrument.qualifier
    words = [opinion or ""]
    if qualifier is not None and qualifier_applies(qualifier, inputs, result.grade):
        words.append(qualifier.text.get(language))
    line = (
        f"{format_score(value)}  {result.grade or '-'}  {zone.label.get(language)}  "
        f"{' '.join(w for w in words if w)}"
    ).rstrip()
    if instrument.is_draft:
        line += f"  ({DRAFT_WORDS[language]})"
    return line


def model_summary(instrument: Instrument, language: str = "id") -> list[str]:
    """Return the 2025 model's sections in lines: parts with weights, qualifier, status."""
    lines = []
    if instrument.is_draft:
        lines.append(f"Methodology: draft ({DRAFT_WORDS[language]})")
    if instrument.score is not None:
        lines.append(f"Score parts (level {instrument.score.level}):")

        def walk(parts: list, depth: int) -> None:
            for part in parts:
                lines.append(
                    f"{'  ' * depth}{part.code:<10} {part.kind:<9} w={part.weight:g}  "
                    f"{part.title.get(language)}"
                )
                for indicator in part.indicators:
                    lines.append(
                        f"{'  ' * (depth + 1)}{indicator.code:<10} secondary w={indicator.weight:g}"
                        f"  {indicator.title.get(language)}"
                    )
                walk(part.parts, depth + 1)

        walk(instrument.score.parts, 1)
    if instrument.qualifier is not None:
        q = instrument.qualifier
        grades = ", ".join(q.grades) if q.grades is not None else "any"
        lines.append(
            f"Qualifier: {q.text.get(language)!r} when {q.input} is {str(q.when).lower()} "
            f"(grades {grades})"
        )
    return lines
