"""Per-entity inputs of the 2025 model as stored in the workspace (trust, secondary, products).

Contract for issue 17: the tables and records that hold them come with their migration; until
then no entity has any input.
"""

from __future__ import annotations

from ombud_desktop.scoring.inputs import EntityInputs
from ombud_desktop.storage.workspace import Workspace


def read_entity_inputs(workspace: Workspace) -> dict[tuple[str, str], EntityInputs]:
    """Return the inputs recorded per (entity id, period id); an entity with none is absent."""
    del workspace
    return {}
