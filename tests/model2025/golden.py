"""The 2022-2024 results as main scored them before the 2025 model (golden data, by hand).

``python -m tests.model2025.golden`` rewrites ``golden-2022-2024.json``; run it only on a
commit whose 2022-2024 scores are known right (it was made on main at 0b570df).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ombud_desktop.instruments import instrument_for_period
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.services.scoring import entity_json, score_workspace
from ombud_desktop.storage.workspace import Workspace

GOLDEN = Path(__file__).with_name("golden-2022-2024.json")
YEARS = (2022, 2023, 2024)


def demo_results(root: Path) -> dict[str, Any]:
    """Return what matters of the scores of a demo workspace of 2022, 2023 and 2024."""
    workspace = Workspace.open(root)
    try:
        workspace.set_profile("Demo", None)
        for year in YEARS:
            generate_demo(workspace, instrument_for_period(year), entities=4, seed=year, year=year)
        scores = score_workspace(workspace)
        loci = sorted(
            (s.row["period"], s.row["entity"]["name"], s.row["locus"]["name"], s.result.score)
            for s in scores.loci
        )
        entities = []
        for entity in scores.entities:
            data = entity_json(entity)
            entities.append({
                key: data[key]
                for key in ("entity", "category", "period", "score", "score_exact", "grade",
                            "zone", "opinion", "provisional", "rank", "loci_scored")
            })
        entities.sort(key=lambda e: (e["period"], e["entity"]))
        return {"loci": [list(locus) for locus in loci], "entities": entities}
    finally:
        workspace.close()


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        GOLDEN.write_text(
            json.dumps(demo_results(Path(folder) / "ws"), indent=1, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
