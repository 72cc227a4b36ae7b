"""The state digest of an assessment's change ids (pure): one value naming exactly which it holds.

Kept in the domain so that storage (a backup's manifest) and packages (a package manifest)
compute it with one definition; ``ombud_desktop.packages.state`` re-exports it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import rfc8785

STATE_DIGEST_PURPOSE = "ombud-desktop/assessment-state/v1"


def state_digest(change_ids: Iterable[str]) -> str:
    """Return the hex SHA-256 naming the state made of these change ids (order ignored)."""
    body = rfc8785.dumps({"purpose": STATE_DIGEST_PURPOSE, "changes": sorted(set(change_ids))})
    return hashlib.sha256(body).hexdigest()
