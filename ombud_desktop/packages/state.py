"""The state digest of an assessment: one value that names exactly which changes it holds.

The state of an assessment is the set of its change records (the current-state tables are
replayed from them). Two copies with the same set of change ids have the same content, so the
SHA-256 of the sorted ids names the state: a package manifest carries it per assessment, and a
printed on-site summary shows its short form, so a paper can later be matched to the data.
"""

from __future__ import annotations

import base64

from ombud_desktop.domain.state_digest import STATE_DIGEST_PURPOSE, state_digest
from ombud_desktop.storage.workspace import Workspace

__all__ = ["STATE_DIGEST_PURPOSE", "assessment_state_digest", "state_digest", "verification_code"]


def verification_code(digest_hex: str) -> str:
    """Return the short, readable form of a digest: 16 base32 characters in groups of four.

    80 bits: enough that no two states of a year's work share a code by chance, short
    enough to read aloud or type from a printed page (``K7QM-2XPA-R4TD-9WCE`` style; base32
    has no 0/1/8 to confuse with O/I/B).
    """
    raw = bytes.fromhex(digest_hex)[:10]
    text = base64.b32encode(raw).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def assessment_state_digest(workspace: Workspace, assessment_id: str) -> str:
    """Return the state digest of one assessment as it is in ``workspace`` now."""
    return state_digest(workspace.change_ids(assessment_id))
