"""Instruments: the assessment as versioned data, loaded and validated into typed objects."""

from ombud_desktop.instruments.loader import (
    builtin_grade_scales,
    builtin_instrument,
    builtin_instruments,
    canonical_json,
    content_hash,
    load_grade_scale_file,
    load_instrument_file,
    parse_instrument_document,
    parse_instrument_text,
)
from ombud_desktop.instruments.model import GradeScale, Instrument
from ombud_desktop.instruments.periods import (
    grade_scale_for_period,
    instrument_for_period,
    period_models,
)

__all__ = [
    "GradeScale",
    "Instrument",
    "builtin_grade_scales",
    "builtin_instrument",
    "builtin_instruments",
    "canonical_json",
    "content_hash",
    "grade_scale_for_period",
    "instrument_for_period",
    "load_grade_scale_file",
    "load_instrument_file",
    "parse_instrument_document",
    "parse_instrument_text",
    "period_models",
]
