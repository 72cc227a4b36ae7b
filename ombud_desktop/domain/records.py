"""Supervisor records of an entity in a period: corrections, their withdrawal, and the plan.

A record is a fact a supervisor (or pusat) states about an entity and period; records are
kept append-only and travel, each signed by its author (packages/records.py). What is in force
is a pure function of the *set* of records, so two workspaces holding the same records agree
whatever order they arrived in:

- the corrections in force are the correction records no withdrawal record names;
- the plan is the plan record latest by ``(at, id)`` (ties on the time fall to the id, which
  every workspace sees alike); without one, the instrument's locus template for the category;
- the period is closed for the entity once any close record exists, and its personal data is
  purged once any purge record exists (a purge needs a close: packages/records.py);
- the entity's inputs of the 2025 model (trust result, each secondary-data indicator by its
  code, products followed) are each the record of that kind (and code) latest by ``(at, id)``:
  a newer record replaces the value, the older ones stay as its history (:func:`latest_inputs`).

A plan is a list of *slots*. A slot names a locus (``name``, with its ``type`` when known) or
only a locus type of the template (``type``, ``name`` None): any locus of that type fills it.
Two slots of one type need two loci of that type.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

CORRECTION = "correction"
WITHDRAWAL = "withdrawal"
PLAN = "plan"
CLOSE = "close"  # the period is closed for the entity: its personal data may be purged
PURGE = "purge"  # the entity's personal data of the period is removed (docs/workspace.md)
TRUST = "trust"  # the public-trust survey's result, imported by a supervisor (issue 17)
SECONDARY = "secondary"  # one secondary-data indicator with its source and date
PRODUCTS = "products"  # whether the entity followed up the Ombudsman's products
INPUT_KINDS = (TRUST, SECONDARY, PRODUCTS)
RECORD_KINDS = (CORRECTION, WITHDRAWAL, PLAN, CLOSE, PURGE, *INPUT_KINDS)

MAX_REASON = 500
MAX_PLAN_SLOTS = 40
MAX_NAME = 200
MAX_TYPE = 40


def tidy(text: str) -> str:
    """Return text in NFC with its runs of white space made one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def same_name(a: str, b: str) -> bool:
    """Return True when two names are the same after tidying, ignoring case."""
    return tidy(a).casefold() == tidy(b).casefold()


@dataclass(frozen=True)
class PlanSlot:
    """One planned locus: a named locus, or any locus of a type."""

    type: str | None
    name: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the slot as JSON data."""
        return {"type": self.type, "name": self.name}


@dataclass(frozen=True)
class EntityRecord:
    """One supervisor record (its signed content; who signed it is kept beside it).

    ``content``: for a correction ``{"kind": "points"|"cap", "points": number, "cap_grade":
    text|None, "reason": text}``; for a withdrawal ``{"record": id, "reason": text}``; for a
    plan ``{"loci": [{"type": ..., "name": ...}, ...]}``.
    """

    id: str
    kind: str
    entity: Mapping[str, Any]
    period: str
    at: str
    author: str
    content: Mapping[str, Any]

    def body(self) -> dict[str, Any]:
        """Return the record as JSON data (what its author signs, with key and time)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "entity": dict(self.entity),
            "period": self.period,
            "at": self.at,
            "author": self.author,
            "content": dict(self.content),
        }

    @property
    def order(self) -> tuple[str, str]:
        """Return the record's place in time (ties broken by id)."""
        return (self.at, self.id)

    def slots(self) -> list[PlanSlot]:
        """Return a plan record's slots."""
        return [PlanSlot(s.get("type"), s.get("name")) for s in self.content.get("loci", [])]


def in_force(records: Iterable[EntityRecord]) -> list[EntityRecord]:
    """Return the correction records no withdrawal names, oldest first."""
    records = list(records)
    withdrawn = {r.content.get("record") for r in records if r.kind == WITHDRAWAL}
    return sorted(
        (r for r in records if r.kind == CORRECTION and r.id not in withdrawn),
        key=lambda r: r.order,
    )


def withdrawals(records: Iterable[EntityRecord]) -> dict[str, EntityRecord]:
    """Return correction id -> the (earliest) withdrawal record naming it."""
    out: dict[str, EntityRecord] = {}
    for record in sorted((r for r in records if r.kind == WITHDRAWAL), key=lambda r: r.order):
        out.setdefault(str(record.content.get("record")), record)
    return out


def current_plan(records: Iterable[EntityRecord]) -> EntityRecord | None:
    """Return the plan record in force: the latest by (time, id), or None."""
    plans = [r for r in records if r.kind == PLAN]
    return max(plans, key=lambda r: r.order) if plans else None


def first_of(records: Iterable[EntityRecord], kind: str) -> EntityRecord | None:
    """Return the earliest record of a kind (by time, then id), or None.

    A close or purge record stands once made: nothing reopens a period or brings personal data
    back, so the earliest is the one that says since when.
    """
    found = [r for r in records if r.kind == kind]
    return min(found, key=lambda r: r.order) if found else None


def latest_inputs(
    records: Iterable[EntityRecord],
) -> tuple[EntityRecord | None, dict[str, EntityRecord], EntityRecord | None]:
    """Return the trust record, the secondary records by code and the products record in force.

    Each is the latest by (time, id) of its kind (secondary: of its code), so the answer is a
    function of the set of records whatever order they arrived in.
    """
    trust: EntityRecord | None = None
    products: EntityRecord | None = None
    secondary: dict[str, EntityRecord] = {}
    for record in records:
        if record.kind == TRUST:
            if trust is None or record.order > trust.order:
                trust = record
        elif record.kind == PRODUCTS:
            if products is None or record.order > products.order:
                products = record
        elif record.kind == SECONDARY:
            code = str(record.content.get("code"))
            known = secondary.get(code)
            if known is None or record.order > known.order:
                secondary[code] = record
    return trust, secondary, products


def correction_key(content: Mapping[str, Any]) -> tuple[str, float, str, str]:
    """Return what makes two corrections the same: kind, value and tidied reason."""
    return (
        str(content.get("kind")),
        float(content.get("points") or 0.0),
        str(content.get("cap_grade") or ""),
        tidy(str(content.get("reason") or "")).casefold(),
    )


@dataclass(frozen=True)
class PlannedLocus:
    """A locus as the plan needs it: its name and type, and whether it is complete."""

    name: str
    type: str | None
    complete: bool


@dataclass(frozen=True)
class SlotFill:
    """A slot of the plan and the locus (if any) that fills it."""

    slot: PlanSlot
    locus: str | None  # the name of the locus matched to it
    complete: bool


def fill_plan(slots: Iterable[PlanSlot], loci: Iterable[PlannedLocus]) -> list[SlotFill]:
    """Match assessed loci to the plan's slots; return each slot with its locus.

    Named slots take the locus of that name first. Type slots then take distinct other loci
    of their type, complete ones first. A locus fills one slot at most (two assessments of one
    locus fill one slot). A slot is complete when a complete assessment of its locus exists.
    """
    slots = list(slots)
    by_name: dict[str, PlannedLocus] = {}
    for locus in loci:
        key = tidy(locus.name).casefold()
        known = by_name.get(key)
        if known is None or (locus.complete and not known.complete):
            by_name[key] = locus
    used: set[str] = set()
    fills: list[SlotFill | None] = [None] * len(slots)
    for index, slot in enumerate(slots):
        if slot.name is not None:
            key = tidy(slot.name).casefold()
            found = by_name.get(key)
            if found is not None and key not in used:
                used.add(key)
                fills[index] = SlotFill(slot, found.name, found.complete)
            else:
                fills[index] = SlotFill(slot, None, False)
    free = sorted(
        (locus for key, locus in by_name.items() if key not in used),
        key=lambda locus: (not locus.complete, tidy(locus.name).casefold()),
    )
    for index, slot in enumerate(slots):
        if fills[index] is not None:
            continue
        match = next((locus for locus in free if locus.type == slot.type), None)
        if match is not None:
            free.remove(match)
            fills[index] = SlotFill(slot, match.name, match.complete)
        else:
            fills[index] = SlotFill(slot, None, False)
    return [fill for fill in fills if fill is not None]
