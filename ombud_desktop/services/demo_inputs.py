"""Demo per-entity inputs of the 2025 model: a public-trust file to import (``ombud trust import``),
and the supervisor's secondary data and products followed (``ombud secondary set``,
``ombud products set``).

The file has the columns the Ombudsman's trust results come in and ``ombud trust import``
reads: ``entity, province, period, score, respondents``. Scores are drawn from their own
random stream, so a seed gives the same file and the field answers stay as they were.

The secondary figures and products followed are recorded by a demo pusat key (a throwaway key
store, so the demo's records have a supervisor's authority as the CLI's would) through the same
:class:`EntityInputService` the CLI and the app use.
"""

from __future__ import annotations

import csv
import io
import random
import secrets
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ombud_desktop.domain.entity_inputs import MAX_SOURCE
from ombud_desktop.files import write_atomically
from ombud_desktop.instruments.model import Instrument
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.services.entity_inputs import EntityInputService
from ombud_desktop.storage.workspace import Workspace

DEMO_SUPERVISOR = "Pusat (demo)"

TRUST_COLUMNS = ("entity", "province", "period", "score", "respondents")


def trust_rows(
    workspace: Workspace, *, year: int, seed: int
) -> list[tuple[str, str, str, str, int]]:
    """Return one made-up trust result per entity assessed in ``year`` (name order)."""
    rng = random.Random(f"trust-{seed}-{year}")
    entities = sorted(
        {
            (row["entity"]["name"], row["entity"]["province"])
            for row in workspace.assessment_rows()
            if row["period"] == str(year)
        }
    )
    return [
        (name, province, str(year), f"{rng.uniform(45, 95):.2f}", rng.randrange(30, 400))
        for name, province in entities
    ]


def write_trust_file(workspace: Workspace, target: Path, *, year: int, seed: int) -> int:
    """Write the demo trust file (UTF-8 CSV, atomically); return the number of entities."""
    rows = trust_rows(workspace, year=year, seed=seed)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(TRUST_COLUMNS)
    writer.writerows(rows)
    write_atomically(target, text.getvalue().encode("utf-8"))
    return len(rows)


@dataclass(frozen=True)
class DemoInputs:
    """What the demo recorded: secondary figures and products-followed records."""

    secondary: int = 0
    products: int = 0


def _entities_of(workspace: Workspace, year: int) -> list[str]:
    return sorted({row["entity"]["name"] for row in workspace.assessment_rows()
                   if row["period"] == str(year)})


def record_demo_inputs(
    workspace: Workspace, instrument: Instrument, *, year: int, seed: int
) -> DemoInputs:
    """Record made-up secondary data and products followed for the entities of ``year``.

    Nothing for an instrument without secondary parts or a qualifier (2022-2024). Most
    entities get every secondary figure, one in four misses its last (so some stay
    provisional for a missing input); about two in three followed up the Ombudsman's products.
    """
    indicators = instrument.score.secondary_indicators() if instrument.score else []
    qualifier = instrument.qualifier is not None
    if not indicators and not qualifier:
        return DemoInputs()
    rng = random.Random(f"inputs-{seed}-{year}")
    as_of = min(date(year, 12, 31), workspace.clock().date()).isoformat()
    secondary = products = 0
    with tempfile.TemporaryDirectory(prefix="ombud-demo-keys-") as folder:
        keys = KeyStore(Path(folder))
        keys.create_signing_key(secrets.token_urlsafe(16), owner=DEMO_SUPERVISOR)
        keys.mark_national()
        service = EntityInputService(workspace, keys)
        with workspace.db.atomic():
            for name in _entities_of(workspace, year):
                chosen = indicators if rng.random() >= 0.25 else indicators[:-1]
                for indicator in chosen:
                    service.set_secondary(name, str(year), indicator.code,
                                          round(rng.uniform(40, 98), 2),
                                          source=f"Demo: {indicator.source_hint.id}"[:MAX_SOURCE],
                                          as_of=as_of)
                    secondary += 1
                if qualifier:
                    followed = rng.random() < 0.65
                    note = "LAHP ditindaklanjuti (demo)" if followed else "Belum (demo)"
                    service.set_products(name, str(year), followed, note)
                    products += 1
    return DemoInputs(secondary, products)
