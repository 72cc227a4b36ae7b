"""Make ``workspace-schema-1.sqlite``: a workspace as schema version 1 left it.

Run once, when schema 2 was added; the file is committed and must not be regenerated, so that
the migration test keeps checking an upgrade from what version 1 really wrote.
"""

import sqlite_utils

from ombud_desktop.storage.migrations import migrate

db = sqlite_utils.Database("workspace-schema-1.sqlite", recreate=True)
db.execute("PRAGMA journal_mode = DELETE")
migrate(db, upto=1)
with db.atomic():
    for sql, params in [
        ("INSERT INTO meta VALUES ('device_id', '00000000-0000-4000-8000-000000000001')", []),
        ("INSERT INTO profile VALUES (1, 'Fixture Assessor', NULL, '2024-08-01T00:00:00Z')", []),
        ("INSERT INTO instruments VALUES ('h1', 'ori-2023', '2023.1', '{}', '2024-08-01')", []),
        ("INSERT INTO entities VALUES ('e1', 'kabupaten', 'Kabupaten Serang', 'Banten', 'x')", []),
        ("INSERT INTO loci VALUES ('l1', 'e1', 'puskesmas', 'Puskesmas Pontang', 'x')", []),
        ("INSERT INTO periods VALUES ('2024', 2024, 'Penilaian 2024')", []),
        ("INSERT INTO assessments (id, instrument_id, instrument_hash, locus_id, period_id, "
         "status) VALUES ('a1', 'ori-2023', 'h1', 'l1', '2024', 'draft')", []),
        ("INSERT INTO responses (assessment_id, key, indicator, value) "
         "VALUES ('a1', 'IN07', 'IN07', '2')", []),
        ("INSERT INTO changes (id, assessment_id, target, row_id, field, value, author, "
         "device_id, at) VALUES ('c1', 'a1', 'response', 'IN07', 'value', '2', "
         "'Fixture Assessor', '00000000-0000-4000-8000-000000000001', '2024-08-01T00:00:00Z')",
         []),
    ]:
        db.execute(sql, params)
db.execute("VACUUM")
db.close()
