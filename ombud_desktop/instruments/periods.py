"""Which model each assessment period uses, as data (``resources/periods/models.yaml``).

2015-2021 the three-zone scale, 2022 ori-2022, 2023-2024 ori-2023, 2025 onward ori-2025: the
map is a shipped file, so a new model for a new year is a file edit, never a code change.
"""

from __future__ import annotations

import functools

from pydantic import Field, model_validator

from ombud_desktop.errors import InstrumentError
from ombud_desktop.instruments.loader import (
    _check_format,
    _parse_yaml,
    _resource_dir,
    _validate,
    builtin_grade_scales,
    builtin_instruments,
)
from ombud_desktop.instruments.loader import instrument_for_period as declared_instrument_for_period
from ombud_desktop.instruments.model import GradeScale, Instrument, Strict

PERIOD_MAP_FORMAT = "ombud-period-models"
MAP_FILE = "models.yaml"


class PeriodModel(Strict):
    """The years ``from``..``to`` (inclusive; no ``to``: onward) and their model."""

    from_year: int = Field(alias="from", ge=1900, le=2200)
    to_year: int | None = Field(default=None, alias="to", ge=1900, le=2200)
    instrument: str | None = None
    grade_scale: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _check(self) -> PeriodModel:
        if (self.instrument is None) == (self.grade_scale is None):
            raise ValueError("give either 'instrument' or 'grade_scale' (exactly one)")
        if self.to_year is not None and self.to_year < self.from_year:
            raise ValueError(f"to: {self.to_year} is before from: {self.from_year}")
        return self

    def holds(self, year: int) -> bool:
        """Return True when ``year`` is in this entry's years."""
        return self.from_year <= year and (self.to_year is None or year <= self.to_year)


class PeriodModels(Strict):
    """The whole map, entries in increasing years without overlap."""

    models: list[PeriodModel] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> PeriodModels:
        for index in range(1, len(self.models)):
            before, entry = self.models[index - 1], self.models[index]
            if before.to_year is None or entry.from_year <= before.to_year:
                raise ValueError(
                    f"models[{index}]: from {entry.from_year} overlaps the entry before it "
                    f"(list the entries in increasing years, each after the previous one's 'to')"
                )
        return self

    def entry_for(self, year: int) -> PeriodModel | None:
        """Return the entry holding ``year`` (None before the first)."""
        return next((entry for entry in self.models if entry.holds(year)), None)


def parse_period_models(text: str, *, name: str) -> PeriodModels:
    """Parse and validate a period map; names must be shipped instruments and scales."""
    document, root = _parse_yaml(text, name)
    if not isinstance(document, dict):
        raise InstrumentError(
            f"{name}: the file must be a YAML mapping at the top level",
            code="instrument_not_mapping", filename=name,
        )
    _check_format(document, name, PERIOD_MAP_FORMAT, root)
    body = {k: v for k, v in document.items() if k not in ("format", "format_version")}
    models: PeriodModels = _validate(PeriodModels, body, name, root)
    instruments = {i.id for i in builtin_instruments()}
    scales = set(builtin_grade_scales())
    for index, entry in enumerate(models.models):
        if entry.instrument is not None and entry.instrument not in instruments:
            raise InstrumentError(
                f"{name}: models[{index}].instrument: {entry.instrument!r} is not a shipped "
                f"instrument ({', '.join(sorted(instruments))})",
                code="instrument_unknown", instrument=entry.instrument,
            )
        if entry.grade_scale is not None and entry.grade_scale not in scales:
            raise InstrumentError(
                f"{name}: models[{index}].grade_scale: {entry.grade_scale!r} is not a known "
                f"grade scale ({', '.join(sorted(scales))})",
                code="unknown_grade_scale", scale=entry.grade_scale,
                known=", ".join(sorted(scales)),
            )
    return models


@functools.cache
def period_models() -> PeriodModels:
    """Return the shipped period map (parsed once)."""
    entry = _resource_dir("periods").joinpath(MAP_FILE)
    return parse_period_models(entry.read_text(encoding="utf-8"), name=MAP_FILE)


def model_instrument(year: int) -> Instrument | None:
    """Return the shipped instrument the map gives ``year`` (None: the map names none)."""
    entry = period_models().entry_for(year)
    if entry is None or entry.instrument is None:
        return None
    return next(i for i in builtin_instruments() if i.id == entry.instrument)


def grade_scale_for_period(year: int) -> GradeScale | None:
    """Return the grade scale of ``year``: its instrument's, or the map's historic scale."""
    entry = period_models().entry_for(year)
    if entry is None:
        return None
    if entry.grade_scale is not None:
        return builtin_grade_scales()[entry.grade_scale]
    instrument = model_instrument(year)
    return instrument.grade_scale if instrument else None


def instrument_for_period(year: int) -> Instrument:
    """Return the shipped instrument for an assessment year: the map's, else as declared.

    A year the map gives no instrument (before 2022) falls back to the instrument whose
    ``periods`` list it, or the newest (the caller then asks for a reason).
    """
    found = model_instrument(year)
    return found if found is not None else declared_instrument_for_period(year)
