"""Entities chosen from the register, names checked as typed, instruments matched to periods.

The app chooses entities from the register (domain/register.py); the command line names them by
code or by name and is refused with the nearest names when the register has no such entity. A
typed name with letters of another script than Latin is refused everywhere (decision in
docs/workspace.md, "Entities and their codes"). An assessment whose instrument does not declare
its year is refused unless a reason is given; the reason is recorded as a change.
"""

from __future__ import annotations

from ombud_desktop.domain import register
from ombud_desktop.domain.names import foreign_letters
from ombud_desktop.domain.register import RegisterEntry
from ombud_desktop.errors import ValidationError
from ombud_desktop.instruments import Instrument, builtin_instruments


def check_typed_name(label: str, text: str) -> None:
    """Refuse a typed name with letters of another script (a Cyrillic "а" in "Kota Serang")."""
    letters = foreign_letters(text)
    if letters:
        shown = ", ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in letters[:5])
        raise ValidationError(
            f"the {label} {text!r} has letters that are not Latin: {shown}",
            hint="Type the name again with Latin letters (a keyboard set to another language "
            "or a pasted text can give look-alike letters).",
            code="name_foreign_letters", label=label, letters=shown,
        )


def registered_entity(
    category: str, name: str | None, province: str | None, code: str | None
) -> RegisterEntry:
    """Return the register entry named by ``code``, or by ``category``, ``name`` and ``province``.

    Refuses an unknown code, a code of another category or province, and a name the register
    does not know (naming the nearest ones).
    """
    if code:
        entry = register.by_code(code.strip())
        if entry is None:
            raise ValidationError(
                f"no entity has the code {code!r} in the register",
                hint="Find the code with `ombud register search NAME`.",
                code="entity_code_unknown", entity_code=code,
            )
        _check_code_agrees(entry, category, province)
        return entry
    if not name or not name.strip():
        raise ValidationError(
            "the entity name is empty", hint="Give the entity name or its code.",
            code="assessment_field_empty",
        )
    check_typed_name("entity name", name)
    entry = register.find(category, name, province)
    if entry is not None:
        return entry
    near = register.load().nearest(category, name, province)
    suggestions = "; ".join(f"{e.name} ({e.code}{', ' + e.province if e.province else ''})"
                            for e in near)
    raise ValidationError(
        f"the register has no {category} named {name!r}"
        + (f" in {province}" if province and category in ("kabupaten", "kota") else ""),
        hint=(f"Did you mean: {suggestions}?" if suggestions else "Check the name and category.")
        + " `ombud register search NAME` lists the register.",
        code="entity_not_in_register", category=category, name=name, suggestions=suggestions,
    )


def _check_code_agrees(entry: RegisterEntry, category: str, province: str | None) -> None:
    wrong_province = (
        province
        and entry.province is not None
        and register.load().province_name(province) != entry.province
    )
    if entry.category != category or wrong_province:
        raise ValidationError(
            f"the code {entry.code} is {entry.name} ({entry.category}"
            f"{', ' + entry.province if entry.province else ''}), not a {category}"
            f"{' in ' + province if province else ''}",
            hint="Give the code of the entity meant, or leave the category and province to it.",
            code="entity_code_mismatch", entity_code=entry.code, entity=entry.name,
        )


def instrument_for_year(year: int, instrument_id: str | None = None) -> Instrument:
    """Return the shipped instrument ``instrument_id``, or the one declaring ``year``."""
    instruments = builtin_instruments()
    if instrument_id:
        for instrument in instruments:
            if instrument.id == instrument_id:
                return instrument
        raise ValidationError(
            f"no instrument with id {instrument_id!r}",
            hint=f"Known instruments: {', '.join(i.id for i in instruments)}.",
            code="instrument_unknown",
        )
    for instrument in instruments:
        if year in instrument.periods:
            return instrument
    raise ValidationError(
        f"no instrument declares the period {year}",
        hint="Choose one with --instrument ID and say why with --instrument-reason TEXT.",
        code="instrument_period_mismatch", instrument="-", year=year, periods="-",
    )


def check_instrument_period(instrument: Instrument, year: int, reason: str | None) -> None:
    """Refuse an instrument that does not declare ``year`` unless a reason is given."""
    if year in instrument.periods or (reason and reason.strip()):
        return
    periods = ", ".join(str(p) for p in instrument.periods) or "-"
    raise ValidationError(
        f"instrument {instrument.id} is meant for {periods}, not for {year}",
        hint="Choose the instrument of the period, or confirm this one with a reason "
        "(recorded with the assessment).",
        code="instrument_period_mismatch", instrument=instrument.id, year=year, periods=periods,
    )
