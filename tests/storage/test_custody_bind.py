"""Binding changes to who vouched for them (storage/custody.bind), one statement a change.

A change is bound once; a later binding changes it only when it had no batch and the new one
names a batch. Real SQLite, rows read back.
"""

from __future__ import annotations

from ombud_desktop.storage import custody
from ombud_desktop.storage.workspace import Workspace


def _batch(workspace: Workspace, batch_id: str) -> str:
    custody.keep_batch(
        workspace,
        {
            "id": batch_id,
            "assessment_id": "a1",
            "author_fingerprint": "fp-" + batch_id,
            "author_key": "key",
            "signed_at": "2026-12-03T00:00:00Z",
            "body": "{}",
            "signature": "sig",
        },
    )
    return batch_id


def _rows(workspace: Workspace) -> dict[str, tuple[object, ...]]:
    return {
        row[0]: tuple(row[1:])
        for row in workspace.db.execute(
            "SELECT change_id, batch_id, author_fingerprint, basis, import_id FROM change_custody"
        ).fetchall()
    }


def test_a_change_is_bound_once_and_gains_a_batch_only_when_it_had_none(
    workspace: Workspace,
) -> None:
    b1, b2 = _batch(workspace, "b1"), _batch(workspace, "b2")
    with workspace.db.atomic():
        custody.bind(
            workspace,
            [
                ("c1", None, "signer", custody.PACKAGE_SIGNER),
                ("c2", b1, "fp-b1", custody.BATCH),
                ("c3", None, None, custody.UNKNOWN),
                ("c3", b1, "fp-b1", custody.BATCH),  # same package: the batch wins
                ("c4", b1, "fp-b1", custody.BATCH),
                ("c4", b2, "fp-b2", custody.BATCH),  # the first batch stays
            ],
            "import-1",
        )
    assert _rows(workspace) == {
        "c1": (None, "signer", custody.PACKAGE_SIGNER, "import-1"),
        "c2": (b1, "fp-b1", custody.BATCH, "import-1"),
        "c3": (b1, "fp-b1", custody.BATCH, "import-1"),
        "c4": (b1, "fp-b1", custody.BATCH, "import-1"),
    }
    with workspace.db.atomic():
        custody.bind(
            workspace,
            [
                ("c1", b2, "fp-b2", custody.BATCH),  # had no batch: bound to it now
                ("c2", b2, "fp-b2", custody.BATCH),  # had one: unchanged
                ("c5", None, "other", custody.PACKAGE_SIGNER),  # new
                ("c5", "", "other", custody.BATCH),  # no batch named: nothing to change
            ],
            "import-2",
        )
    assert _rows(workspace) == {
        "c1": (b2, "fp-b2", custody.BATCH, "import-1"),  # the import it first came in stays
        "c2": (b1, "fp-b1", custody.BATCH, "import-1"),
        "c3": (b1, "fp-b1", custody.BATCH, "import-1"),
        "c4": (b1, "fp-b1", custody.BATCH, "import-1"),
        "c5": (None, "other", custody.PACKAGE_SIGNER, "import-2"),
    }
