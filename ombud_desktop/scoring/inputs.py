"""What an entity's score may take besides its loci: inputs recorded per entity and period.

The 2025 model (METHODOLOGY §7) adds parts that are not field answers: a public-trust survey
result imported from a file, secondary-data indicators the supervisor enters with their
source, and whether the entity followed up the Ombudsman's products (the opinion qualifier).
Storage reads them (:func:`ombud_desktop.storage.entity_inputs.read_entity_inputs`); the
instrument says how (and whether) each one counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class TrustResult:
    """The public-trust survey's result for one entity and period (0–100)."""

    score: float
    respondents: int
    source: str  # the file it was imported from (name and sha256), for the record


@dataclass(frozen=True)
class SecondaryValue:
    """One secondary-data indicator (BPS, KemenPANRB, ...) entered by a supervisor (0–100)."""

    code: str  # the instrument's indicator code
    value: float
    source: str  # where the figure comes from, in the supervisor's words
    as_of: str  # the date of the source (ISO date)
    author: str = ""  # key id of the supervisor who entered it


@dataclass(frozen=True)
class EntityInputs:
    """Every per-entity input of one entity in one period (empty when none is recorded)."""

    trust: TrustResult | None = None
    secondary: Mapping[str, SecondaryValue] = field(default_factory=lambda: MappingProxyType({}))
    products_followed: bool | None = None  # None: not recorded


NO_INPUTS = EntityInputs()
