"""Named schema migrations. Once released, a migration is never edited: add a new one instead.

``PRAGMA user_version`` holds the number of migrations applied and ``_migrations`` their names.
A workspace whose user_version is higher than the number this build knows was made by a newer
version of the application and is refused.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from ombud_desktop.errors import StorageError
from ombud_desktop.storage.backup import default_backup_folder, make_backup

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    """One schema step: a stable name and the function that applies it."""

    name: str
    apply: Callable[[sqlite_utils.Database], None]


def _run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run SQL statements one by one, inside the caller's transaction.

    ``executescript`` would COMMIT first and so break the migration's atomicity.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement!r}")


def _0001_initial(db: sqlite_utils.Database) -> None:
    _run_script(
        db,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            nip TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE instruments (
            hash TEXT PRIMARY KEY,
            id TEXT NOT NULL,
            version TEXT NOT NULL,
            document TEXT NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            category TEXT NOT NULL,
            name TEXT NOT NULL,
            province TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (category, name, province)
        );
        CREATE TABLE loci (
            id TEXT PRIMARY KEY,
            entity_id TEXT NOT NULL REFERENCES entities(id),
            type TEXT,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (entity_id, name)
        );
        CREATE TABLE periods (id TEXT PRIMARY KEY, year INTEGER NOT NULL, label TEXT);
        -- Materialised current state. The source of truth for assessment content is the
        -- append-only change log below; each write updates both in one transaction.
        CREATE TABLE assessments (
            id TEXT PRIMARY KEY,
            instrument_id TEXT,
            instrument_hash TEXT REFERENCES instruments(hash),
            locus_id TEXT REFERENCES loci(id),
            period_id TEXT REFERENCES periods(id),
            status TEXT CHECK (status IN ('draft', 'complete', 'signed')),
            visit_date TEXT,
            team TEXT,
            products TEXT,
            products_reason TEXT,
            reopen_reason TEXT,
            deleted_at TEXT,
            created_at TEXT,
            updated_at TEXT
        );
        CREATE INDEX assessments_locus ON assessments(locus_id);
        CREATE TABLE respondents (
            id TEXT PRIMARY KEY,
            assessment_id TEXT NOT NULL REFERENCES assessments(id),
            kind TEXT,
            role TEXT,
            number INTEGER,
            name TEXT,
            position TEXT,
            nip TEXT,
            phone TEXT,
            present INTEGER,
            absent_reason TEXT,
            consent INTEGER,
            callback_consent INTEGER,
            product TEXT,
            service_date TEXT,
            stage TEXT,
            channel TEXT,
            on_behalf TEXT,
            sex TEXT,
            age_band TEXT,
            education TEXT,
            occupation TEXT,
            deleted_at TEXT,
            updated_at TEXT
        );
        CREATE INDEX respondents_assessment ON respondents(assessment_id);
        CREATE TABLE responses (
            assessment_id TEXT NOT NULL REFERENCES assessments(id),
            key TEXT NOT NULL,
            indicator TEXT NOT NULL,
            respondent_id TEXT,
            role TEXT,
            product INTEGER,
            channel TEXT,
            value TEXT,
            na_reason TEXT,
            follow_up TEXT,
            updated_at TEXT,
            PRIMARY KEY (assessment_id, key)
        );
        CREATE TABLE evidence (
            id TEXT PRIMARY KEY,
            assessment_id TEXT NOT NULL REFERENCES assessments(id),
            sha256 TEXT,
            filename TEXT,
            media_type TEXT,
            size INTEGER,
            taken_at TEXT,
            indicator TEXT,
            product INTEGER,
            deleted_at TEXT,
            updated_at TEXT
        );
        CREATE INDEX evidence_assessment ON evidence(assessment_id);
        CREATE TABLE notes (
            assessment_id TEXT NOT NULL REFERENCES assessments(id),
            key TEXT NOT NULL,
            text TEXT,
            updated_at TEXT,
            PRIMARY KEY (assessment_id, key)
        );
        CREATE TABLE changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            assessment_id TEXT NOT NULL,
            target TEXT NOT NULL,
            row_id TEXT NOT NULL,
            field TEXT NOT NULL,
            value TEXT,
            author TEXT NOT NULL,
            author_nip TEXT,
            device_id TEXT NOT NULL,
            at TEXT NOT NULL,
            supersedes TEXT
        );
        CREATE INDEX changes_cell ON changes(assessment_id, target, row_id, field, seq);
        CREATE TRIGGER changes_are_never_updated BEFORE UPDATE ON changes
        BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
        CREATE TRIGGER changes_are_never_deleted BEFORE DELETE ON changes
        BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
        """,
    )


def _0002_entity_corrections(db: sqlite_utils.Database) -> None:
    _run_script(
        db,
        """
        CREATE TABLE corrections (
            id TEXT PRIMARY KEY,
            entity_id TEXT NOT NULL REFERENCES entities(id),
            period_id TEXT NOT NULL REFERENCES periods(id),
            kind TEXT NOT NULL CHECK (kind IN ('points', 'cap')),
            points REAL NOT NULL DEFAULT 0,
            cap_grade TEXT,
            reason TEXT NOT NULL,
            author TEXT NOT NULL,
            device_id TEXT NOT NULL,
            at TEXT NOT NULL,
            withdrawn_at TEXT
        );
        CREATE INDEX corrections_entity ON corrections(entity_id, period_id);
        """,
    )


def _0003_package_imports(db: sqlite_utils.Database) -> None:
    _run_script(
        db,
        """
        -- One row per package import that added anything (a repeated import adds nothing).
        CREATE TABLE imports (
            id TEXT PRIMARY KEY,
            package_id TEXT NOT NULL,
            file_name TEXT NOT NULL,
            signer_fingerprint TEXT NOT NULL,
            signer_name TEXT,
            package_created_at TEXT,
            imported_at TEXT NOT NULL,
            receipt TEXT NOT NULL
        );
        CREATE INDEX imports_package ON imports(package_id);
        """,
    )


def _0004_merge_and_review(db: sqlite_utils.Database) -> None:
    _run_script(
        db,
        """
        -- A change that resolves a conflict supersedes every head of its cell: the first in
        -- supersedes, the others here (a JSON list of change ids).
        ALTER TABLE changes ADD COLUMN also_supersedes TEXT;
        -- Cells whose change tree has more than one head: edits made concurrently on two
        -- devices. Derived from the change log (rebuilt per assessment on every import).
        CREATE TABLE conflicts (
            assessment_id TEXT NOT NULL,
            target TEXT NOT NULL,
            row_id TEXT NOT NULL,
            field TEXT NOT NULL,
            heads TEXT NOT NULL,
            detected_at TEXT NOT NULL,
            PRIMARY KEY (assessment_id, target, row_id, field)
        );
        ALTER TABLE assessments ADD COLUMN review_status TEXT;
        ALTER TABLE assessments ADD COLUMN review_comment TEXT;
        CREATE TABLE review_comments (
            id TEXT PRIMARY KEY,
            assessment_id TEXT NOT NULL REFERENCES assessments(id),
            indicator TEXT,
            text TEXT,
            deleted_at TEXT,
            updated_at TEXT
        );
        CREATE INDEX review_comments_assessment ON review_comments(assessment_id);
        """,
    )


def _0005_locus_score_cache(db: sqlite_utils.Database) -> None:
    _run_script(
        db,
        """
        -- Derived, rebuilt at will, never exchanged: each assessment's locus score as of its
        -- updated_at, so ranking a period (an entity recap) need not score every locus again.
        CREATE TABLE locus_score_cache (
            assessment_id TEXT PRIMARY KEY,
            updated_at TEXT NOT NULL,
            instrument_hash TEXT NOT NULL,
            score REAL,
            provisional INTEGER NOT NULL
        );
        """,
    )


def _0006_chain_of_custody(db: sqlite_utils.Database) -> None:
    _run_script(
        db,
        """
        -- Signed batches (packages/batches.py): an author's changes of one assessment, signed
        -- once. Kept as they were signed, so forwarding copies them untouched.
        CREATE TABLE batches (
            id TEXT PRIMARY KEY,
            assessment_id TEXT NOT NULL,
            author_fingerprint TEXT NOT NULL,
            author_key TEXT NOT NULL,
            signed_at TEXT NOT NULL,
            body TEXT NOT NULL,
            signature TEXT NOT NULL,
            stored_at TEXT NOT NULL
        );
        CREATE INDEX batches_assessment ON batches(assessment_id);
        -- Who answers for each change: the batch that binds it to its author's key, or for a
        -- change that came without one, the key that signed its package ('package_signer') or
        -- none known ('unknown'). The change log itself stays append-only; a change made here
        -- and not yet exported has no row ('own').
        CREATE TABLE change_custody (
            change_id TEXT PRIMARY KEY,
            batch_id TEXT REFERENCES batches(id),
            author_fingerprint TEXT,
            basis TEXT NOT NULL CHECK (basis IN ('batch', 'package_signer', 'unknown')),
            import_id TEXT
        );
        CREATE INDEX change_custody_batch ON change_custody(batch_id);
        -- Certificates seen in packages (packages/certificates.py), kept to check later ones.
        CREATE TABLE certificates (
            serial TEXT PRIMARY KEY,
            subject_fingerprint TEXT NOT NULL,
            subject_name TEXT NOT NULL,
            issuer_fingerprint TEXT NOT NULL,
            role TEXT NOT NULL,
            province TEXT,
            not_before TEXT NOT NULL,
            not_after TEXT NOT NULL,
            document TEXT NOT NULL,
            seen_at TEXT NOT NULL
        );
        CREATE INDEX certificates_subject ON certificates(subject_fingerprint);
        """,
    )
    _bind_existing_changes(db)


def _bind_existing_changes(db: sqlite_utils.Database) -> None:
    """Bind the changes that came from elsewhere before batches existed to what is known.

    The imports log names the signer of each package and, in its receipt, the assessments it
    added changes to, but not the changes: a foreign change is bound to the signer when every
    import that added to its assessment was signed by the same key (and to that import when
    there was one), and marked as of unknown key otherwise.
    """
    row = db.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
    device = row[0] if row else ""
    signers: dict[str, set[str]] = {}
    imports: dict[str, set[str]] = {}
    for import_id, signer, receipt in db.execute(
        "SELECT id, signer_fingerprint, receipt FROM imports ORDER BY rowid"
    ).fetchall():
        try:
            entries = json.loads(receipt)
        except ValueError:
            entries = []
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and entry.get("added"):
                signers.setdefault(str(entry.get("assessment_id")), set()).add(signer)
                imports.setdefault(str(entry.get("assessment_id")), set()).add(import_id)
    rows = []
    for change_id, assessment_id in db.execute(
        "SELECT id, assessment_id FROM changes WHERE device_id != ? ORDER BY seq", [device]
    ).fetchall():
        known = signers.get(assessment_id, set())
        if len(known) == 1:
            only = imports[assessment_id]
            import_id = next(iter(only)) if len(only) == 1 else None
            rows.append((change_id, next(iter(known)), "package_signer", import_id))
        else:
            rows.append((change_id, None, "unknown", None))
    db.conn.executemany(
        "INSERT INTO change_custody (change_id, batch_id, author_fingerprint, basis, import_id) "
        "VALUES (?, NULL, ?, ?, ?)",
        rows,
    )


def _0007_pending_changes(db: sqlite_utils.Database) -> None:
    _run_script(
        db,
        """
        -- Changes that arrived for an approved assessment: kept, shown, not applied (not in
        -- the change log, so no score sees them) until the supervisor adopts them or returns
        -- the assessment. state: pending, adopted (the supervisor wrote the value as its own
        -- change), merged (the assessment was returned: they became ordinary changes).
        CREATE TABLE pending_changes (
            change_id TEXT PRIMARY KEY,
            assessment_id TEXT NOT NULL,
            record TEXT NOT NULL,
            package_file TEXT,
            signer_fingerprint TEXT,
            signer_name TEXT,
            received_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'adopted', 'merged')),
            decided_at TEXT
        );
        CREATE INDEX pending_changes_assessment ON pending_changes(assessment_id, state);
        """,
    )


def _0009_entity_records(db: sqlite_utils.Database) -> None:
    """Supervisor records (corrections, withdrawals, plans), append-only; corrections move in.

    Each record keeps its JSON body as its author signs it, this workspace's entity id, and
    the signature once made (a record made here is signed when a package first carries it).
    The local corrections become correction records by the workspace's owner (the table
    ``corrections`` stays, no longer written or read).
    """
    _run_script(
        db,
        """
        CREATE TABLE entity_records (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('correction', 'withdrawal', 'plan')),
            entity_id TEXT NOT NULL REFERENCES entities(id),
            period_id TEXT NOT NULL,
            at TEXT NOT NULL,
            body TEXT NOT NULL,
            device_id TEXT NOT NULL,
            received_at TEXT NOT NULL,
            author_key TEXT,
            author_fingerprint TEXT,
            signed_at TEXT,
            signature TEXT
        );
        CREATE INDEX entity_records_entity ON entity_records(entity_id, period_id);
        CREATE TRIGGER entity_records_are_never_deleted BEFORE DELETE ON entity_records
        BEGIN SELECT RAISE(ABORT, 'supervisor records are append-only'); END;
        CREATE TRIGGER entity_records_change_only_by_signing BEFORE UPDATE ON entity_records
        WHEN OLD.signature IS NOT NULL OR NEW.body IS NOT OLD.body OR NEW.id IS NOT OLD.id
            OR NEW.entity_id IS NOT OLD.entity_id OR NEW.kind IS NOT OLD.kind
        BEGIN SELECT RAISE(ABORT, 'supervisor records are append-only'); END;
        """,
    )
    owner = db.execute("SELECT name FROM profile WHERE id = 1").fetchone()
    author = owner[0] if owner else "unknown"
    rows = db.execute(
        "SELECT c.id, c.kind, c.points, c.cap_grade, c.reason, c.device_id, c.at, "
        "c.withdrawn_at, c.period_id, e.id, e.category, e.name, e.province "
        "FROM corrections c JOIN entities e ON e.id = c.entity_id ORDER BY c.at, c.id"
    ).fetchall()
    for r in rows:
        entity = {"id": r[9], "category": r[10], "name": r[11], "province": r[12]}
        content = {
            "kind": r[1],
            "points": float(r[2] or 0.0),
            "cap_grade": r[3],
            "reason": r[4],
        }
        records = [(r[0], "correction", r[6], content)]
        if r[7]:
            records.append(
                (r[0] + "-w", "withdrawal", r[7], {"record": r[0], "reason": "withdrawn"})
            )
        for record_id, kind, at, data in records:
            body = {
                "id": record_id,
                "kind": kind,
                "entity": entity,
                "period": r[8],
                "at": at,
                "author": author,
                "content": data,
            }
            db.execute(
                "INSERT INTO entity_records (id, kind, entity_id, period_id, at, body, "
                "device_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [record_id, kind, r[9], r[8], at, json.dumps(body, ensure_ascii=False,
                 sort_keys=True), r[5], at],
            )
def _0011_comment_closings(db: sqlite_utils.Database) -> None:
    _run_script(
        db,
        """
        -- A review comment is open until closed: by its assessor's fix or by the supervisor.
        -- Each closing is a row of its own (created once, never edited), so two people closing
        -- the same comment on two laptops add two closings, never a conflict. comment_id names
        -- a review_comments row, or for the general comment the change that wrote it.
        CREATE TABLE comment_closings (
            id TEXT PRIMARY KEY,
            assessment_id TEXT NOT NULL REFERENCES assessments(id),
            comment_id TEXT,
            note TEXT,
            updated_at TEXT
        );
        CREATE INDEX comment_closings_assessment ON comment_closings(assessment_id, comment_id);
        """,
    )


def _0008_entity_codes(db: sqlite_utils.Database) -> None:
    """Entities get their register code and a key of their name; loci a key of theirs.

    The keys are computed with this release's name_key (domain/names.py). Existing look-alike
    duplicates are kept as they are (merging them is a supervisor's decision); new ones are
    no longer made. ``instrument_reason``: why an assessment uses an instrument that does not
    declare its period.
    """
    from ombud_desktop.domain import register
    from ombud_desktop.domain.names import name_key

    _run_script(
        db,
        """
        ALTER TABLE entities ADD COLUMN code TEXT;
        ALTER TABLE entities ADD COLUMN match_key TEXT;
        ALTER TABLE loci ADD COLUMN name_key TEXT;
        ALTER TABLE assessments ADD COLUMN instrument_reason TEXT;
        """,
    )
    rows = db.execute("SELECT id, category, name, province FROM entities").fetchall()
    for entity_id, category, name, province in rows:
        entry = register.find(category, name, province)
        db.execute(
            "UPDATE entities SET code = ?, match_key = ? WHERE id = ?",
            [entry.code if entry else None, register.entity_key(category, name, province),
             entity_id],
        )
    for locus_id, name in db.execute("SELECT id, name FROM loci").fetchall():
        db.execute("UPDATE loci SET name_key = ? WHERE id = ?", [name_key(name), locus_id])
    _run_script(
        db,
        """
        CREATE INDEX entities_code ON entities(code);
        CREATE INDEX entities_match_key ON entities(match_key);
        CREATE INDEX loci_name_key ON loci(entity_id, name_key);
        """,
    )


def _0010_sealed_personal_data(db: sqlite_utils.Database) -> None:
    _run_script(
        db,
        """
        -- Personal data that arrived sealed while the receiving key was locked (or skipped):
        -- kept sealed, exactly as the package carried it, so it can be opened later without
        -- the package file. ``vouchers``: what the import's custody checks found (JSON: the
        -- signed batches listing each change, and whether their authors may answer). state:
        -- waiting, opened (applied), refused (it did not open or broke a rule; ``note``).
        CREATE TABLE sealed_personal (
            package_id TEXT NOT NULL,
            assessment_id TEXT NOT NULL,
            signer_fingerprint TEXT NOT NULL,
            signer_name TEXT,
            file_name TEXT NOT NULL,
            format_version INTEGER NOT NULL,
            recipients TEXT NOT NULL,
            sealed BLOB NOT NULL,
            signed_at TEXT NOT NULL,
            vouchers TEXT NOT NULL,
            received_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'waiting'
                CHECK (state IN ('waiting', 'opened', 'refused')),
            decided_at TEXT,
            note TEXT,
            PRIMARY KEY (package_id, assessment_id, signer_fingerprint)
        );
        CREATE INDEX sealed_personal_state ON sealed_personal(state);
        """,
    )


def _0012_duplicates(db: sqlite_utils.Database) -> None:
    _run_script(
        db,
        """
        -- Two assessments of one locus in one period are duplicates until the supervisor
        -- decides which stands: the other is set aside (a review change of that assessment,
        -- field set_aside_for = the id of the one kept). A set-aside assessment is not scored
        -- into its entity.
        ALTER TABLE assessments ADD COLUMN set_aside_for TEXT;
        CREATE INDEX assessments_locus_period ON assessments(locus_id, period_id);
        """,
    )


def _0014_period_purge(db: sqlite_utils.Database) -> None:
    """Closing a period and purging its personal data (docs/workspace.md "Closing a period").

    Supervisor records gain the kinds ``close`` and ``purge`` (the table is rebuilt, as SQLite
    cannot widen a CHECK). The change log stays append-only, with one exception: the value of
    a personal field (a respondent's name, NIP, phone) may be replaced by SQL NULL, the purge
    marker (a value written as null is the text 'null'), and nothing else of the row changes.
    """
    _run_script(
        db,
        """
        CREATE TABLE entity_records_new (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL
                CHECK (kind IN ('correction', 'withdrawal', 'plan', 'close', 'purge')),
            entity_id TEXT NOT NULL REFERENCES entities(id),
            period_id TEXT NOT NULL,
            at TEXT NOT NULL,
            body TEXT NOT NULL,
            device_id TEXT NOT NULL,
            received_at TEXT NOT NULL,
            author_key TEXT,
            author_fingerprint TEXT,
            signed_at TEXT,
            signature TEXT
        );
        INSERT INTO entity_records_new SELECT id, kind, entity_id, period_id, at, body,
            device_id, received_at, author_key, author_fingerprint, signed_at, signature
            FROM entity_records ORDER BY rowid;
        DROP TABLE entity_records;
        ALTER TABLE entity_records_new RENAME TO entity_records;
        CREATE INDEX entity_records_entity ON entity_records(entity_id, period_id);
        CREATE INDEX entity_records_kind ON entity_records(kind, period_id);
        CREATE TRIGGER entity_records_are_never_deleted BEFORE DELETE ON entity_records
        BEGIN SELECT RAISE(ABORT, 'supervisor records are append-only'); END;
        CREATE TRIGGER entity_records_change_only_by_signing BEFORE UPDATE ON entity_records
        WHEN OLD.signature IS NOT NULL OR NEW.body IS NOT OLD.body OR NEW.id IS NOT OLD.id
            OR NEW.entity_id IS NOT OLD.entity_id OR NEW.kind IS NOT OLD.kind
        BEGIN SELECT RAISE(ABORT, 'supervisor records are append-only'); END;
        DROP TRIGGER changes_are_never_updated;
        CREATE TRIGGER changes_are_never_updated BEFORE UPDATE ON changes
        WHEN NOT (
            NEW.value IS NULL AND OLD.target = 'respondent'
            AND OLD.field IN ('name', 'nip', 'phone')
            AND NEW.seq IS OLD.seq AND NEW.id IS OLD.id
            AND NEW.assessment_id IS OLD.assessment_id AND NEW.target IS OLD.target
            AND NEW.row_id IS OLD.row_id AND NEW.field IS OLD.field
            AND NEW.author IS OLD.author AND NEW.author_nip IS OLD.author_nip
            AND NEW.device_id IS OLD.device_id AND NEW.at IS OLD.at
            AND NEW.supersedes IS OLD.supersedes
            AND NEW.also_supersedes IS OLD.also_supersedes
        )
        BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
        """,
    )


def _0016_photo_facts(db: sqlite_utils.Database) -> None:
    """Keep where and when a photo was taken: the capture time's UTC offset and the GPS position.

    ``taken_at`` (the camera's local time) is there since 0001; ``taken_offset`` is its offset
    from UTC as EXIF gives it (``+07:00``), ``latitude`` and ``longitude`` decimal degrees.
    """
    _run_script(
        db,
        """
        ALTER TABLE evidence ADD COLUMN taken_offset TEXT;
        ALTER TABLE evidence ADD COLUMN latitude REAL;
        ALTER TABLE evidence ADD COLUMN longitude REAL;
        """,
    )


def _0018_entity_inputs(db: sqlite_utils.Database) -> None:
    """Per-entity inputs of the 2025 model as supervisor records (domain/entity_inputs.py).

    Supervisor records gain the kinds ``trust``, ``secondary`` and ``products`` (the table is
    rebuilt with its indexes and triggers, as SQLite cannot widen a CHECK).
    """
    _run_script(
        db,
        """
        CREATE TABLE entity_records_new (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL
                CHECK (kind IN ('correction', 'withdrawal', 'plan', 'close', 'purge',
                                'trust', 'secondary', 'products')),
            entity_id TEXT NOT NULL REFERENCES entities(id),
            period_id TEXT NOT NULL,
            at TEXT NOT NULL,
            body TEXT NOT NULL,
            device_id TEXT NOT NULL,
            received_at TEXT NOT NULL,
            author_key TEXT,
            author_fingerprint TEXT,
            signed_at TEXT,
            signature TEXT
        );
        INSERT INTO entity_records_new SELECT id, kind, entity_id, period_id, at, body,
            device_id, received_at, author_key, author_fingerprint, signed_at, signature
            FROM entity_records ORDER BY rowid;
        DROP TABLE entity_records;
        ALTER TABLE entity_records_new RENAME TO entity_records;
        CREATE INDEX entity_records_entity ON entity_records(entity_id, period_id);
        CREATE INDEX entity_records_kind ON entity_records(kind, period_id);
        CREATE TRIGGER entity_records_are_never_deleted BEFORE DELETE ON entity_records
        BEGIN SELECT RAISE(ABORT, 'supervisor records are append-only'); END;
        CREATE TRIGGER entity_records_change_only_by_signing BEFORE UPDATE ON entity_records
        WHEN OLD.signature IS NOT NULL OR NEW.body IS NOT OLD.body OR NEW.id IS NOT OLD.id
            OR NEW.entity_id IS NOT OLD.entity_id OR NEW.kind IS NOT OLD.kind
        BEGIN SELECT RAISE(ABORT, 'supervisor records are append-only'); END;
        """,
    )


def _0015_drafts(db: sqlite_utils.Database) -> None:
    """Text being typed and a service user half entered, kept until they become answers.

    A draft is not an answer: it is not in the change log, is never scored, never exported in
    a package and never merged (storage/drafts.py). It only brings back, after a crash or a
    language switch, what was typed and not yet saved as an answer.
    """
    _run_script(
        db,
        """
        CREATE TABLE drafts (
            assessment_id TEXT NOT NULL REFERENCES assessments(id),
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            PRIMARY KEY (assessment_id, field)
        );
        """,
    )


def _0019_list_fields_in_score_cache(db: sqlite_utils.Database) -> None:
    """Keep what the home list shows of a locus score in the cache, beside the score.

    Progress, the number of reasons it is provisional, grade and zone: with them the list of
    a national workspace fills from the cache instead of scoring every locus at each start.
    NULL (rows cached before) means "not known": the list scores that assessment once more.
    And an index of assessments by period, so that one period of many years is read alone.
    """
    _run_script(
        db,
        """
        ALTER TABLE locus_score_cache ADD COLUMN progress REAL;
        ALTER TABLE locus_score_cache ADD COLUMN missing INTEGER;
        ALTER TABLE locus_score_cache ADD COLUMN grade TEXT;
        ALTER TABLE locus_score_cache ADD COLUMN zone TEXT;
        -- One period of a decade read without the other nine (scoring, ranking, a recap).
        CREATE INDEX assessments_period ON assessments(period_id);
        """,
    )


def _0020_custody_in_the_change_log(db: sqlite_utils.Database) -> None:
    """Keep the batch that binds an arriving change, and its import, in the change's own row.

    A national merge binds about a million changes as they arrive: a row of their own in
    ``change_custody`` (and its indexes) cost more to write than the changes themselves. A
    change that arrives bound to a signed batch now carries ``batch_id`` and ``import_id`` in
    its row, written once with it; ``change_custody`` keeps the rest (changes made here and
    signed at export, changes bound later, held ones). The author is the batch's. The log stays
    append-only: the two new columns can never be changed either.
    """
    _run_script(
        db,
        """
        ALTER TABLE changes ADD COLUMN batch_id TEXT;
        ALTER TABLE changes ADD COLUMN import_id TEXT;
        -- Read by nothing: custody is asked by change id.
        DROP INDEX change_custody_batch;
        DROP TRIGGER changes_are_never_updated;
        CREATE TRIGGER changes_are_never_updated BEFORE UPDATE ON changes
        WHEN NOT (
            NEW.value IS NULL AND OLD.target = 'respondent'
            AND OLD.field IN ('name', 'nip', 'phone')
            AND NEW.seq IS OLD.seq AND NEW.id IS OLD.id
            AND NEW.assessment_id IS OLD.assessment_id AND NEW.target IS OLD.target
            AND NEW.row_id IS OLD.row_id AND NEW.field IS OLD.field
            AND NEW.author IS OLD.author AND NEW.author_nip IS OLD.author_nip
            AND NEW.device_id IS OLD.device_id AND NEW.at IS OLD.at
            AND NEW.supersedes IS OLD.supersedes
            AND NEW.also_supersedes IS OLD.also_supersedes
            AND NEW.batch_id IS OLD.batch_id AND NEW.import_id IS OLD.import_id
        )
        BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
        """,
    )


MIGRATIONS: list[Migration] = [
    Migration("0001_initial", _0001_initial),
    Migration("0002_entity_corrections", _0002_entity_corrections),
    Migration("0003_package_imports", _0003_package_imports),
    Migration("0004_merge_and_review", _0004_merge_and_review),
    Migration("0005_locus_score_cache", _0005_locus_score_cache),
    Migration("0006_chain_of_custody", _0006_chain_of_custody),
    Migration("0007_pending_changes", _0007_pending_changes),
    Migration("0008_entity_codes", _0008_entity_codes),
    Migration("0009_entity_records", _0009_entity_records),
    Migration("0010_sealed_personal_data", _0010_sealed_personal_data),
    Migration("0011_comment_closings", _0011_comment_closings),
    Migration("0012_duplicates", _0012_duplicates),
    Migration("0014_period_purge", _0014_period_purge),
    Migration("0015_drafts", _0015_drafts),
    Migration("0016_photo_facts", _0016_photo_facts),
    Migration("0018_entity_inputs", _0018_entity_inputs),
    Migration("0019_list_fields_in_score_cache", _0019_list_fields_in_score_cache),
    Migration("0020_custody_in_the_change_log", _0020_custody_in_the_change_log),
]


def schema_version(db: sqlite_utils.Database) -> int:
    """Return the number of migrations applied to ``db``."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def backup_before_migrating(db: sqlite_utils.Database, root: Path) -> Path | None:
    """Back up an existing workspace that has migrations pending; return the backup's folder.

    Into the default backup folder beside the workspace (storage/backup.py). A new workspace
    (version 0) or one up to date is not backed up. Raises StorageError when the backup fails:
    the workspace is then not migrated, and so not opened.
    """
    current = schema_version(db)
    if not 0 < current < len(MIGRATIONS):
        return None
    report = make_backup(root, default_backup_folder(root), reason="before_migration")
    logger.info("backed up the workspace before migrating it: %s", report.backup.path)
    return report.backup.path


def migrate(db: sqlite_utils.Database, *, upto: int | None = None) -> list[str]:
    """Apply pending migrations (each in its own transaction); return the names applied."""
    current = schema_version(db)
    if current > len(MIGRATIONS):
        raise StorageError(
            f"this workspace has schema version {current}, but this version of Ombud Desktop "
            f"knows only up to {len(MIGRATIONS)}: it was made by a newer version",
            code="workspace_too_new",
            hint="Install the newer Ombud Desktop to open it. Nothing in it was changed.",
            found=current,
            known=len(MIGRATIONS),
        )
    if current and "_migrations" in db.table_names():
        applied = [row[0] for row in db.execute("SELECT name FROM _migrations ORDER BY rowid")]
        expected = [m.name for m in MIGRATIONS[: len(applied)]]
        if applied != expected:
            raise StorageError(
                f"this workspace's schema history {applied} does not match this version's "
                f"{expected}",
                code="workspace_schema_mismatch",
                hint="It was made by a different build of Ombud Desktop; nothing was changed.",
            )
    target = len(MIGRATIONS) if upto is None else upto
    done = []
    for number, migration in enumerate(MIGRATIONS[current:target], start=current + 1):
        with db.atomic():
            db.execute(
                "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
            )
            migration.apply(db)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                [migration.name, datetime.now(UTC).isoformat()],
            )
            db.execute(f"PRAGMA user_version = {number}")
        done.append(migration.name)
    return done
