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
