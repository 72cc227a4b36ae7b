"""Make ``workspace-schema-5.sqlite``: a workspace as schema version 5 left it, with imports.

Run once, when schema 6 (custody of changes) was added; the file is committed and must not be
regenerated. It holds an own change (c1), an assessment imported from one signer only (a2: its
changes are bound to that signer) and one imported from two signers (a3: of unknown key).
"""

import json

import sqlite_utils

from ombud_desktop.storage.migrations import migrate

DEVICE = "00000000-0000-4000-8000-000000000001"
db = sqlite_utils.Database("workspace-schema-5.sqlite", recreate=True)
db.execute("PRAGMA journal_mode = DELETE")
migrate(db, upto=5)


def change(cid: str, assessment: str, device: str) -> tuple[str, list[str]]:
    return (
        "INSERT INTO changes (id, assessment_id, target, row_id, field, value, author, "
        "device_id, at) VALUES (?, ?, 'response', 'IN07', 'value', '2', 'Someone', ?, "
        "'2024-08-01T00:00:00Z')",
        [cid, assessment, device],
    )


def imported(iid: str, signer: str, assessment: str) -> tuple[str, list[str]]:
    receipt = json.dumps([{"assessment_id": assessment, "added": 1, "personal_data": "none"}])
    return (
        "INSERT INTO imports VALUES (?, ?, 'p.ombx', ?, 'Sender', NULL, '2024-08-02', ?)",
        [iid, f"package-{iid}", signer, receipt],
    )


with db.atomic():
    for sql, params in [
        (f"INSERT INTO meta VALUES ('device_id', '{DEVICE}')", []),
        ("INSERT INTO profile VALUES (1, 'Fixture Supervisor', NULL, '2024-08-01T00:00:00Z')", []),
        change("c1", "a1", DEVICE),
        change("c2", "a2", "device-of-siti"),
        change("c3", "a2", "device-of-siti"),
        change("c4", "a3", "device-of-andi"),
        imported("i1", "f" * 64, "a2"),
        imported("i2", "e" * 64, "a3"),
        imported("i3", "d" * 64, "a3"),
    ]:
        db.execute(sql, params)
db.execute("VACUUM")
db.close()
