"""The lines a report prints for the 2025 model: the parts of the score with their shares, the
trust result, the secondary data, and the provisional-methodology mark (METHODOLOGY §7)."""

from __future__ import annotations

from ombud_desktop.instruments.model import Instrument
from ombud_desktop.reports.labels import label
from ombud_desktop.scoring import EntityScore, format_score


def model_lines(instrument: Instrument, entity: EntityScore, language: str) -> tuple[str, ...]:
    """Return the report lines of the instrument's parts and inputs (none for older models)."""
    lines = []
    if instrument.is_draft:
        lines.append(label("methodology_draft", language, instrument=instrument.id))
    for part in entity.parts:
        if part.kind == "group":
            continue
        lines.append(label(
            "score_part", language,
            title=part.title_en if language == "en" else part.title_id,
            share=format_score(part.share * 100),
            value="–" if part.value is None else format_score(part.value),
        ))
    trust = entity.inputs.trust
    if trust is not None:
        lines.append(label("trust_respondents", language, value=format_score(trust.score),
                           respondents=trust.respondents))
    for value in entity.inputs.secondary.values():
        lines.append(label("secondary_value", language, code=value.code,
                           value=format_score(value.value), source=value.source,
                           as_of=value.as_of))
    return tuple(lines)
