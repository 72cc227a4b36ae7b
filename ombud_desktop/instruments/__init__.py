"""Instruments: the assessment as versioned data, loaded and validated into typed objects."""

from ombud_desktop.instruments.loader import (
    builtin_grade_scales,
    builtin_instrument,
    builtin_instruments,
    canonical_json,
    content_hash,
    instrument_for_period,
    load_grade_scale_file,
    load_instrument_file,
    parse_instrument_document,
    parse_instrument_text,
)
from ombud_desktop.instruments.model import GradeScale, Instrument

__all__ = [
    "GradeScale",
    "Instrument",
    "builtin_grade_scales",
    "builtin_instrument",
    "builtin_instruments",
    "canonical_json",
    "content_hash",
    "instrument_for_period",
    "load_grade_scale_file",
    "load_instrument_file",
    "parse_instrument_document",
    "parse_instrument_text",
]
