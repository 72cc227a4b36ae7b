"""Demo per-entity inputs of the 2025 model: a public-trust file to import (``ombud trust import``).

The file has the columns the Ombudsman's trust results come in and ``ombud trust import``
reads: ``entity, province, period, score, respondents``. Scores are drawn from their own
random stream, so a seed gives the same file and the field answers stay as they were.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

from ombud_desktop.files import write_atomically
from ombud_desktop.storage.workspace import Workspace

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
