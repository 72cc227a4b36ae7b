"""The workspace: one SQLite database (WAL) plus an evidence folder addressed by SHA-256.

This module and its siblings are the only places that talk SQL. Every write of assessment
content goes through :meth:`Workspace.write`, which appends change records and updates the
materialised tables in one transaction, and returns only after the commit is on disk.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from ombud_desktop import __version__
from ombud_desktop.domain import register
from ombud_desktop.domain.changelog import Node, ordered_heads
from ombud_desktop.domain.ids import matches
from ombud_desktop.domain.names import clean_name, name_key
from ombud_desktop.domain.records import EntityRecord, in_force
from ombud_desktop.errors import NotFoundError, StorageError
from ombud_desktop.paths import default_workspace  # noqa: F401 - re-exported
from ombud_desktop.storage.changes import (
    PERSONAL_FIELDS,
    TARGETS,
    Change,
    Edit,
    decode_value,
    encode_value,
    response_key_parts,
)
from ombud_desktop.storage.checkpoints import Checkpointer
from ombud_desktop.storage.lock import WorkspaceLock
from ombud_desktop.storage.lock import acquire as acquire_lock
from ombud_desktop.storage.migrations import backup_before_migrating, migrate

if TYPE_CHECKING:  # instruments (pydantic) load when one is first read, not at start
    from ombud_desktop.instruments import Instrument

logger = logging.getLogger(__name__)

DATABASE_NAME = "workspace.sqlite"
CACHE_KIB = 64 * 1024
# The WAL is copied back into the database by a thread beside the saves (storage/checkpoints.py);
# a save does it itself only past this many pages (SQLite's automatic checkpoint, kept as a
# safety net: 16 MB of 4 kB pages, where SQLite's default is 1,000). A merge's: past 64 MB.
AUTOCHECKPOINT_PAGES = 1024 * 4
BULK_AUTOCHECKPOINT_PAGES = 16384
# Cells whose last local change Workspace.write remembers (a few hundred bytes each).
WRITTEN_HEADS_KEPT = 20_000
EVIDENCE_DIR = "evidence"
_UNBOUND = (None, None)  # a change appended without a batch: its custody is kept elsewhere

Clock = Callable[[], datetime]
IdFactory = Callable[[], str]


def utc_now() -> datetime:
    """Return the current time in UTC (the default clock)."""
    return datetime.now(UTC)


# The order each assessment table's index gives for free (responses: by key, as stored).
_ROW_ORDERS = {
    "responses": "assessment_id, key",
    "respondents": "assessment_id",
    "evidence": "assessment_id",
    "notes": "assessment_id, key",
}


def new_id() -> str:
    """Return a new time-ordered UUID (version 7) as text: the default id factory.

    Ids made one after another sort together, so appending to the change log touches the end
    of its unique index instead of a random page (random UUIDs made bulk writes of a national
    workspace write ~6 times more pages).
    """
    return str(_uuid7()())


@cache
def _uuid7() -> Callable[[], Any]:
    # uuid6 reads its own version from the installed packages' metadata when imported (about
    # 50 ms): loaded with the first change written, not with the app's first screen.
    import uuid6

    return uuid6.uuid7


def timestamp(moment: datetime) -> str:
    """Return an ISO 8601 UTC timestamp with microseconds, e.g. 2024-08-12T02:03:04.000005Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@contextmanager
def storage_errors(action: str) -> Iterator[None]:
    """Turn SQLite failures into StorageError with a message that says what to do."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        text = str(exc)
        if "disk is full" in text or "database or disk is full" in text:
            raise StorageError(
                f"{action}: the disk is full",
                code="disk_full",
                hint="Free some space on the disk and try again; nothing was changed.",
            ) from None
        if "readonly" in text or "read-only" in text:
            raise StorageError(
                f"{action}: the workspace is read-only",
                code="read_only",
                hint="Check that the workspace folder is writable; nothing was changed.",
            ) from None
        if "locked" in text or "busy" in text:
            raise StorageError(
                f"{action}: the workspace is in use by another program",
                code="busy",
                hint="Close the other Ombud Desktop window or command and try again.",
            ) from None
        raise StorageError(
            f"{action}: {text}", hint="Nothing was changed.",
            code="storage_failed",
        ) from None
    except sqlite3.IntegrityError as exc:
        # A broken rule (a foreign key, a unique id) is refused by SQLite before anything is
        # written: a bug or bad input, not a damaged file.
        raise StorageError(
            f"{action}: refused by the workspace's rules ({exc})",
            code="constraint_failed",
            hint="Nothing was changed. Please report this with the file or steps that led to it.",
        ) from None
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            f"{action}: the workspace database is damaged ({exc})",
            code="workspace_corrupt",
            hint="Restore the workspace from a backup or a package; do not keep writing to it.",
        ) from None


@contextmanager
def bulk_writing(workspace: Workspace) -> Iterator[None]:
    """Give a long run of writes (a merge) a bigger page cache and fewer WAL checkpoints.

    128 MB of cache instead of 64, and a checkpoint every 64 MB of WAL made by the writing
    itself (the checkpoints beside the saves paused): the same durability (every commit is
    still fsynced), less copying back and forth.
    """
    db = workspace.db
    db.execute(f"PRAGMA cache_size = -{2 * CACHE_KIB}")
    db.execute(f"PRAGMA wal_autocheckpoint = {BULK_AUTOCHECKPOINT_PAGES}")
    try:
        with workspace.checkpoints_paused():
            yield
    finally:
        db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        db.execute(f"PRAGMA wal_autocheckpoint = {workspace.autocheckpoint_pages}")


def _no_assessment(shown: str, **data: Any) -> NotFoundError:
    """Return the error for an assessment id (or prefix) this workspace does not hold."""
    return NotFoundError(
        f"no assessment with id {shown}",
        hint="List the assessments with `ombud assessments list`.",
        code="assessment_not_found",
        **data,
    )


# The assessments with their locus and entity, and the order every list shows them in.
_ASSESSMENTS_JOINED = (
    "FROM assessments a JOIN loci l ON l.id = a.locus_id JOIN entities e ON e.id = l.entity_id"
)
_ASSESSMENTS_ORDER = " ORDER BY a.period_id, e.province, e.name, l.name, a.created_at"


def _assessment_filter(
    ids: list[str] | None, include_deleted: bool, period: str | None
) -> tuple[str, list[Any]]:
    """Return the WHERE clause (with a leading space, or empty) and its parameters."""
    where = [] if include_deleted else ["a.deleted_at IS NULL"]
    params: list[Any] = []
    if period is not None:
        where.append("a.period_id = ?")
        params.append(period)
    if ids is not None:
        where.append(f"a.id IN ({', '.join('?' for _ in ids)})")
        params.extend(ids)
    return (" WHERE " + " AND ".join(where) if where else ""), params


class Workspace:
    """A local workspace. Open it with :meth:`open`; close it with :meth:`close`."""

    def __init__(self, root: Path, db: sqlite_utils.Database, clock: Clock, ids: IdFactory):
        self.root = root
        self.db = db
        self.clock = clock
        self.ids = ids
        self.device_id = self._meta("device_id") or ""
        self._instruments: dict[str, Instrument] = {}
        self._lock: WorkspaceLock | None = None  # held while this opener may write
        self._checkpointer: Checkpointer | None = None  # WAL checkpoints beside the saves
        # A second connection of the same process (the app's reader) keeps its score-cache
        # writes here for the writer to store: the app tells its own commits from another
        # program's by making them all on the writer (see ombud_desktop/ui/ops.py).
        self.defer_cache_writes = False
        self._deferred_cache: list[tuple[Any, ...]] = []
        # The change each cell's last local write made: it superseded every head the cell had,
        # so while it is still the cell's newest change it is the cell's only head (see _heads).
        self._written_heads: dict[tuple[str, str, str, str], str] = {}

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        root: str | Path,
        *,
        create: bool = True,
        clock: Clock = utc_now,
        ids: IdFactory = new_id,
        lock: str | None = None,
    ) -> Workspace:
        """Open the workspace in folder ``root``, creating it when ``create`` is true.

        ``lock``: the program that opens it to write ("Ombud Desktop", "ombud import"); this
        process then holds the workspace's lock until :meth:`close` (storage/lock.py), and
        WorkspaceLockedError says who has it when another process does. None for an opener
        that only reads.
        """
        root = Path(root)
        path = root / DATABASE_NAME
        if not path.exists():
            if not create:
                raise StorageError(
                    f"no workspace in {root}",
                    code="workspace_missing",
                    hint="Create one with `ombud init`, or pass the right --workspace folder.",
                )
            try:
                (root / EVIDENCE_DIR).mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(
                    f"cannot create the workspace folder {root}: {exc.strerror}",
                    code="workspace_create_failed",
                    hint="Choose a folder you can write to with --workspace.",
                ) from None
        elif root.is_dir() and not (root / EVIDENCE_DIR).exists():
            (root / EVIDENCE_DIR).mkdir(exist_ok=True)
        # Before the database is touched: opening migrates it, which is a write.
        held = acquire_lock(root, lock) if lock is not None else None
        try:
            workspace = cls._connect(root, path, clock, ids)
        except BaseException:
            if held is not None:
                held.release()
            raise
        workspace._lock = held
        return workspace

    @classmethod
    def _connect(cls, root: Path, path: Path, clock: Clock, ids: IdFactory) -> Workspace:
        with storage_errors(f"opening the workspace {root}"):
            db = sqlite_utils.Database(path, execute_plugins=False)
            try:
                db.execute("PRAGMA busy_timeout = 5000")
                mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode != "wal":
                    logger.warning("journal mode is %s, not wal", mode)
                # FULL: a commit is fsynced before the call returns, so a power cut after
                # an answer was acknowledged cannot lose it.
                db.execute("PRAGMA synchronous = FULL")
                db.execute("PRAGMA foreign_keys = ON")
                # 64 MB of page cache (SQLite's default is 2 MB): a national workspace is
                # ~600 MB, and merging or scoring it touches its indexes all over.
                db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
                backup_before_migrating(db, root)
                migrate(db)
                db.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
            except BaseException:
                db.close()
                raise
        workspace = cls(root, db, clock, ids)
        workspace._checkpointer = Checkpointer(path)
        workspace._checkpointer.start()
        # A workspace dropped without close() (its connection closed by the collector) stops
        # its checkpoints too; asked, not waited for.
        weakref.finalize(workspace, workspace._checkpointer.request_stop)
        if not workspace.device_id:
            workspace._init_meta()
        return workspace

    def _init_meta(self) -> None:
        device = self.ids()
        now = timestamp(self.clock())
        with storage_errors("initialising the workspace"), self.db.atomic():
            for key, value in (
                ("device_id", device),
                ("created_at", now),
                ("created_by_version", __version__),
            ):
                self.db.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", [key, value]
                )
        self.device_id = self._meta("device_id") or device

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    @property
    def autocheckpoint_pages(self) -> int:
        """Return the WAL size (pages) past which a save checkpoints it itself."""
        return AUTOCHECKPOINT_PAGES if self._checkpointer is not None else 1000

    @property
    def background_checkpoints(self) -> int:
        """Return how many checkpoints beside the saves copied the WAL back so far."""
        return self._checkpointer.checkpoints if self._checkpointer is not None else 0

    def checkpoints_paused(self) -> contextlib.AbstractContextManager[None]:
        """Return a block in which no checkpoint is made beside the saves."""
        if self._checkpointer is None:
            return contextlib.nullcontext()
        return self._checkpointer.paused()

    def close(self) -> None:
        """Close the database (checkpointing the WAL), then let go of the lock if held."""
        try:
            if self._checkpointer is not None:
                self._checkpointer.stop()  # before the last connection closes
                self._checkpointer = None
            self.db.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def evidence_dir(self) -> Path:
        """Return the folder where evidence files are stored by SHA-256."""
        return self.root / EVIDENCE_DIR

    def integrity_check(self) -> str:
        """Return SQLite's ``PRAGMA integrity_check`` verdict ("ok" when healthy)."""
        return self.db.execute("PRAGMA integrity_check").fetchone()[0]

    # -- assessor profile ----------------------------------------------------------------------

    @contextmanager
    def transaction(self, action: str) -> Iterator[None]:
        """Run several writes as one transaction: all of them are stored, or none."""
        with storage_errors(action), self.db.atomic():
            yield

    def data_version(self) -> int:
        """Return SQLite's data version: it moves when *another* connection commits."""
        # fetchall, not fetchone: a statement stepped only to its row stays busy and keeps
        # its read snapshot, and the version it reports would never move again.
        return int(self.db.conn.execute("PRAGMA data_version").fetchall()[0][0])

    def file_state(self) -> tuple[int, ...]:
        """Return what moves when another program commits: the WAL file's size and time, and
        which file the database is (one put in its place is noticed).

        Not the database file's size and time: the checkpoints beside this workspace's own
        saves (storage/checkpoints.py) change them; every commit, from here or elsewhere,
        goes to the WAL first.
        """
        state: list[int] = []
        for path, fields in (
            (self.root / DATABASE_NAME, ("st_dev", "st_ino")),
            (self.root / (DATABASE_NAME + "-wal"), ("st_size", "st_mtime_ns")),
        ):
            try:
                found = path.stat()
            except OSError:
                state += [-1, -1]
            else:
                state += [getattr(found, name) for name in fields]
        return tuple(state)

    def set_profile(self, name: str, nip: str | None = None) -> None:
        """Set the assessor profile (the author of every change made here)."""
        with storage_errors("saving the assessor profile"), self.db.atomic():
            self.db.execute(
                "INSERT INTO profile (id, name, nip, updated_at) VALUES (1, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET name = excluded.name, nip = excluded.nip, "
                "updated_at = excluded.updated_at",
                [name, nip, timestamp(self.clock())],
            )

    def profile(self) -> dict[str, Any] | None:
        """Return the assessor profile, or None before ``ombud init``."""
        row = self.db.execute("SELECT name, nip FROM profile WHERE id = 1").fetchone()
        return {"name": row[0], "nip": row[1]} if row else None

    # -- instruments ---------------------------------------------------------------------------

    def keep_instrument(self, instrument: Instrument) -> None:
        """Store the instrument's exact content so assessments are always scored with it."""
        from ombud_desktop.instruments import canonical_json

        with storage_errors("storing the instrument"), self.db.atomic():
            self.db.execute(
                "INSERT OR IGNORE INTO instruments (hash, id, version, document, added_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    instrument.content_hash,
                    instrument.id,
                    instrument.version,
                    canonical_json(instrument.document),
                    timestamp(self.clock()),
                ],
            )
        self._instruments[instrument.content_hash] = instrument

    def forget_instrument(self, content_hash: str) -> None:
        """Drop an instrument from the in-memory cache (its row was rolled back, for example)."""
        self._instruments.pop(content_hash, None)

    def instrument(self, content_hash: str) -> Instrument:
        """Return the instrument with this content hash, as stored in the workspace."""
        if content_hash in self._instruments:
            return self._instruments[content_hash]
        from ombud_desktop.instruments import parse_instrument_document

        row = self.db.execute(
            "SELECT id, document FROM instruments WHERE hash = ?", [content_hash]
        ).fetchone()
        if row is None:
            raise NotFoundError(
                f"instrument {content_hash[:12]}… is not in this workspace",
                hint="Import the package or instrument file it came with.",
                code="instrument_not_in_workspace",
            )
        instrument = parse_instrument_document(json.loads(row[1]), name=f"workspace:{row[0]}")
        if instrument.content_hash != content_hash:
            raise StorageError(
                f"the stored copy of instrument {row[0]} does not match its hash",
                code="workspace_corrupt",
                hint="Restore the workspace from a backup.",
            )
        self._instruments[content_hash] = instrument
        return instrument

    def instrument_text(self, content_hash: str) -> str:
        """Return the stored canonical JSON of an instrument (what its hash is taken over)."""
        row = self.db.execute(
            "SELECT document FROM instruments WHERE hash = ?", [content_hash]
        ).fetchone()
        if row is None:
            raise NotFoundError(
                f"instrument {content_hash[:12]}… is not in this workspace",
                hint="Import the package or instrument file it came with.",
                code="instrument_not_in_workspace",
            )
        return row[0]

    def instruments(self) -> list[dict[str, Any]]:
        """Return the instruments stored in the workspace (id, version, hash)."""
        rows = self.db.execute(
            "SELECT id, version, hash, added_at FROM instruments ORDER BY id, added_at"
        )
        return [dict(zip(("id", "version", "hash", "added_at"), r, strict=True)) for r in rows]

    # -- reference data: entities, loci, periods -----------------------------------------------

    def ensure_entity(
        self,
        category: str,
        name: str,
        province: str,
        *,
        code: str | None = None,
        preferred_id: str | None = None,
    ) -> str:
        """Return the id of the entity, creating it when it is new.

        The entity is the one with the same register code (``code``, or the one the register
        gives its category, name and province); else the one with the same key of category,
        province and name (domain/names.py: case, spacing and look-alike letters ignored). A
        new entity in the register is stored under the register's name and province.
        ``preferred_id``: the id another workspace gave it (an import), used when free.
        """
        entry = register.by_code(code) if code else register.find(category, name, province)
        if entry is not None:
            code, name, province = entry.code, entry.name, entry.province or province
        name, province = clean_name(name), clean_name(province)
        key = register.entity_key(category, name, province)
        found = self.find_entity(category, name, province, code=code)
        if found:
            if code and self.entity_code(found) is None:
                with storage_errors("saving the entity's code"), self.db.atomic():
                    self.db.execute("UPDATE entities SET code = ? WHERE id = ?", [code, found])
            return found
        entity_id = self._free_id("entities", preferred_id)
        with storage_errors("saving the entity"), self.db.atomic():
            self.db.execute(
                "INSERT INTO entities (id, category, name, province, created_at, code, match_key) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [entity_id, category, name, province, timestamp(self.clock()), code, key],
            )
        return entity_id

    def find_entity(
        self, category: str, name: str, province: str, *, code: str | None = None
    ) -> str | None:
        """Return the id of the entity with this code, else with this name's key; else None."""
        row = None
        if code:
            row = self.db.execute(
                "SELECT id FROM entities WHERE code = ? ORDER BY created_at, id LIMIT 1", [code]
            ).fetchone()
        if row is None:
            row = self.db.execute(
                "SELECT id FROM entities WHERE match_key = ? AND category = ? "
                "ORDER BY created_at, id LIMIT 1",
                [register.entity_key(category, name, province), category],
            ).fetchone()
        return row[0] if row else None

    def find_locus(self, entity_id: str, name: str) -> str | None:
        """Return the id of the entity's locus whose name has the key of ``name``, or None."""
        row = self.db.execute(
            "SELECT id FROM loci WHERE entity_id = ? AND name_key = ? "
            "ORDER BY created_at, id LIMIT 1",
            [entity_id, name_key(name)],
        ).fetchone()
        return row[0] if row else None

    def ensure_locus(
        self,
        entity_id: str,
        locus_type: str | None,
        name: str,
        *,
        preferred_id: str | None = None,
    ) -> str:
        """Return the id of the entity's locus with this name, creating it when it is new.

        Names are compared by their key (domain/names.py), so "Puskesmas  Ciruas" and
        "Puskesmas Сiruas" (a Cyrillic С) are the same locus.
        """
        name = clean_name(name)
        key = name_key(name)
        found = self.find_locus(entity_id, name)
        if found:
            return found
        locus_id = self._free_id("loci", preferred_id)
        with storage_errors("saving the locus"), self.db.atomic():
            self.db.execute(
                "INSERT INTO loci (id, entity_id, type, name, created_at, name_key) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [locus_id, entity_id, locus_type, name, timestamp(self.clock()), key],
            )
        return locus_id

    def entity_code(self, entity_id: str) -> str | None:
        """Return the register code of an entity (None: not in the register)."""
        row = self.db.execute("SELECT code FROM entities WHERE id = ?", [entity_id]).fetchone()
        return row[0] if row else None

    def _free_id(self, table: str, preferred: str | None) -> str:
        if preferred:
            taken = self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [preferred])
            if taken.fetchone() is None:
                return preferred
        return self.ids()

    def ensure_period(self, year: int) -> str:
        """Return the id of the assessment period for ``year`` (e.g. "2024")."""
        period_id = str(year)
        if self.db.execute("SELECT 1 FROM periods WHERE id = ?", [period_id]).fetchone():
            return period_id
        with storage_errors("saving the period"), self.db.atomic():
            self.db.execute(
                "INSERT OR IGNORE INTO periods (id, year, label) VALUES (?, ?, ?)",
                [period_id, year, f"Penilaian {year}"],
            )
        return period_id

    # -- the one write path for assessment content ---------------------------------------------

    def write(self, assessment_id: str, edits: Iterable[Edit]) -> list[Change]:
        """Apply ``edits`` to one assessment in one transaction; return the changes logged.

        When this returns, the changes are committed and on disk. If anything fails, nothing
        is written: the workspace stays exactly as it was.
        """
        edits = list(edits)
        for edit in edits:
            edit.check()
        profile = self.profile()
        if profile is None:
            raise StorageError(
                "no assessor profile in this workspace",
                code="no_profile",
                hint='Run `ombud init --name "Your name"` first.',
            )
        if any(
            (e.target, e.field) in PERSONAL_FIELDS and e.value not in (None, "") for e in edits
        ) and self.personal_purged(assessment_id):
            raise StorageError(
                "this period's personal data was purged; names, NIP and phone numbers are no "
                "longer kept",
                code="period_purged",
            )
        at = timestamp(self.clock())
        with storage_errors("saving the answer"), self.db.atomic():
            heads = self._heads(assessment_id, edits)
            changes = []
            resolved = []
            for edit in edits:
                cell = (edit.target, edit.row_id, edit.field)
                cell_heads = heads.get(cell, [])
                change = Change(
                    id=self.ids(),
                    assessment_id=assessment_id,
                    target=edit.target,
                    row_id=edit.row_id,
                    field=edit.field,
                    value=edit.value,
                    author=profile["name"],
                    author_nip=profile["nip"],
                    device_id=self.device_id,
                    at=at,
                    supersedes=cell_heads[0] if cell_heads else None,
                    merges=tuple(cell_heads[1:]),
                )
                if change.merges:
                    resolved.append(cell)
                heads[cell] = [change.id]
                changes.append(change)
            self.append_changes(changes)
            self.apply_changes(assessment_id, changes, at)
            for target, row_id, field in resolved:
                self.db.execute(
                    "DELETE FROM conflicts WHERE assessment_id = ? AND target = ? AND "
                    "row_id = ? AND field = ?",
                    [assessment_id, target, row_id, field],
                )
        if len(self._written_heads) > WRITTEN_HEADS_KEPT:
            self._written_heads.clear()
        for change in changes:  # the last change of a cell is its head
            key = (assessment_id, change.target, change.row_id, change.field)
            self._written_heads[key] = change.id
        return changes

    def personal_purged(self, assessment_id: str) -> bool:
        """Return True when the assessment's period is purged for its entity (storage/purge.py)."""
        row = self.db.execute(
            "SELECT 1 FROM assessments a JOIN loci l ON l.id = a.locus_id "
            "JOIN entity_records r ON r.entity_id = l.entity_id AND r.period_id = a.period_id "
            "WHERE a.id = ? AND r.kind = 'purge' LIMIT 1",
            [assessment_id],
        ).fetchone()
        return row is not None

    def _heads(
        self, assessment_id: str, edits: list[Edit]
    ) -> dict[tuple[str, str, str], list[str]]:
        """Return the heads of each cell the edits touch, the one shown first.

        A cell has one head unless edits from two devices crossed (a conflict); an edit made
        here supersedes all of them, so it resolves the conflict with the value now given.

        A cell this workspace object wrote last needs no reading of its history: the change
        written then superseded every head, and ``seq`` only grows (AUTOINCREMENT: never
        reused, not even after a rollback of a later row), so while that change is still the
        cell's newest it is the cell's only head. A cell edited 300 times is then one index
        step, not 300 rows read; anything that arrived since (a merge, another program) makes
        the check fail and the whole cell is read as before.
        """
        cells = {(e.target, e.row_id, e.field) for e in edits}
        columns = "target, row_id, field, id, supersedes, also_supersedes, at"
        known: dict[tuple[str, str, str], list[str]] = {}
        if len(cells) <= 8:
            for cell in cells:
                written = self._written_heads.get((assessment_id, *cell))
                if written is not None and self._newest_change(assessment_id, cell) == written:
                    known[cell] = [written]
            cells -= known.keys()
        if len(cells) > 8:
            rows = self.db.execute(
                f"SELECT {columns} FROM changes WHERE assessment_id = ?", [assessment_id]
            ).fetchall()
        else:
            rows = []
            for target, row_id, field in cells:
                rows.extend(
                    self.db.execute(
                        f"SELECT {columns} FROM changes WHERE assessment_id = ? AND target = ? "
                        "AND row_id = ? AND field = ?",
                        [assessment_id, target, row_id, field],
                    )
                )
        nodes: dict[tuple[str, str, str], list[Node]] = {}
        for target, row_id, field, change_id, supersedes, merges, changed_at in rows:
            cell = (target, row_id, field)
            nodes.setdefault(cell, []).append(
                Node(change_id, cell, supersedes, changed_at, merges_from_text(merges))
            )
        known.update(
            (cell, [n.id for n in ordered_heads(found)]) for cell, found in nodes.items()
        )
        return known

    def _newest_change(self, assessment_id: str, cell: tuple[str, str, str]) -> str | None:
        """Return the id of the cell's newest change (highest ``seq``), None if it has none."""
        row = self.db.execute(
            "SELECT id FROM changes WHERE assessment_id = ? AND target = ? AND row_id = ? "
            "AND field = ? ORDER BY seq DESC LIMIT 1",
            [assessment_id, *cell],
        ).fetchone()
        return row[0] if row else None

    def append_changes(
        self,
        changes: list[Change],
        custody: Mapping[str, tuple[str, str | None]] | None = None,
    ) -> None:
        """Append change records as they are (ids, authors, devices, times kept).

        ``custody``: change id -> (batch id, import id) for changes that arrive bound to a
        signed batch, kept in their rows (``storage.custody`` reads them). The caller holds
        the transaction (``db.atomic()``), and keeps the materialised rows in step with
        :meth:`apply_changes`.
        """
        bound = custody or {}
        self.db.conn.executemany(
            "INSERT INTO changes (id, assessment_id, target, row_id, field, value, author, "
            "author_nip, device_id, at, supersedes, also_supersedes, batch_id, import_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c.id,
                    c.assessment_id,
                    c.target,
                    c.row_id,
                    c.field,
                    encode_value(c.value),
                    c.author,
                    c.author_nip,
                    c.device_id,
                    c.at,
                    c.supersedes,
                    encode_value(list(c.merges)) if c.merges else None,
                    *bound.get(c.id, _UNBOUND),
                )
                for c in changes
            ],
        )

    def apply_changes(self, assessment_id: str, changes: list[Change], at: str) -> None:
        """Set the materialised rows to these changes' values: one upsert per row.

        A row's fields set together are written in one statement (a new respondent's ten
        fields: one upsert, not ten), rows with the same fields in one ``executemany``, in the
        order the changes come (assessment fields first, for the rows that refer to it). The
        caller holds the transaction (``db.atomic()``).
        """
        rows: dict[tuple[str, str], dict[str, Change]] = {}
        for change in changes:
            rows.setdefault((change.target, change.row_id), {})[change.field] = change
        groups: dict[tuple[str, tuple[str, ...]], list[tuple[str, dict[str, Change]]]] = {}
        for (target, row_id), fields in rows.items():
            groups.setdefault((target, tuple(sorted(fields))), []).append((row_id, fields))
        for (target, names), members in groups.items():
            table, keys, _fields, json_fields = TARGETS[target]
            encoders = [(name, encode_value if name in json_fields else _plain) for name in names]
            columns = ", ".join(names)
            marks = ", ".join("?" * len(names))
            updates = ", ".join(f"{name} = excluded.{name}" for name in names)
            values = [
                (row_id, [encode(fields[name].value) for name, encode in encoders])
                for row_id, fields in members
            ]
            if target == "assessment":
                sql = (
                    f"INSERT INTO assessments (id, {columns}, updated_at) VALUES (?, {marks}, ?) "
                    f"ON CONFLICT(id) DO UPDATE SET {updates}, updated_at = excluded.updated_at"
                )
                params = [(row_id, *encoded, at) for row_id, encoded in values]
            elif target == "response":
                sql = (
                    "INSERT INTO responses (assessment_id, key, indicator, respondent_id, role, "
                    f"product, channel, {columns}, updated_at) "
                    f"VALUES (?, ?, ?, ?, ?, ?, ?, {marks}, ?) "
                    f"ON CONFLICT(assessment_id, key) DO UPDATE SET {updates}, "
                    "updated_at = excluded.updated_at"
                )
                params = []
                for row_id, encoded in values:
                    p = response_key_parts(row_id)
                    params.append(
                        (
                            assessment_id,
                            row_id,
                            p["indicator"],
                            p["respondent_id"],
                            p["role"],
                            p["product"],
                            p["channel"],
                            *encoded,
                            at,
                        )
                    )
            else:
                key = keys[0]
                conflict = "assessment_id, key" if key == "key" else "id"
                sql = (
                    f"INSERT INTO {table} (assessment_id, {key}, {columns}, updated_at) "
                    f"VALUES (?, ?, {marks}, ?) ON CONFLICT({conflict}) DO UPDATE SET "
                    f"{updates}, updated_at = excluded.updated_at"
                )
                params = [(assessment_id, row_id, *encoded, at) for row_id, encoded in values]
            self.db.conn.executemany(sql, params)
        self.db.execute("UPDATE assessments SET updated_at = ? WHERE id = ?", [at, assessment_id])

    # -- reading -------------------------------------------------------------------------------

    def changes(self, assessment_id: str) -> list[Change]:
        """Return the change log of one assessment, oldest first."""
        rows = self.db.execute(
            "SELECT id, assessment_id, target, row_id, field, value, author, author_nip, "
            "device_id, at, supersedes, also_supersedes FROM changes WHERE assessment_id = ? "
            "ORDER BY seq",
            [assessment_id],
        )
        return [change_from_row(r) for r in rows]

    def change_ids(self, assessment_id: str) -> list[str]:
        """Return the ids of an assessment's change records, in local order of arrival."""
        rows = self.db.execute(
            "SELECT id FROM changes WHERE assessment_id = ? ORDER BY seq", [assessment_id]
        )
        return [r[0] for r in rows]

    def assessment_row(self, assessment_id: str) -> dict[str, Any]:
        """Return an assessment's row with its entity, locus and period; raise if unknown."""
        rows = self.assessment_rows(ids=[assessment_id], include_deleted=True)
        if not rows:
            raise _no_assessment(assessment_id)
        return rows[0]

    def edit_state(self, assessment_id: str) -> dict[str, Any]:
        """Return what deciding whether an assessment may be edited needs; raise if unknown.

        One primary-key read (instrument_hash, status, deleted_at, products): an answer's
        checks run on every save, and the joined, sorted :meth:`assessment_row` was a fifth of
        its work.
        """
        row = self.db.execute(
            "SELECT instrument_hash, status, deleted_at, products FROM assessments WHERE id = ?",
            [assessment_id],
        ).fetchone()
        if row is None:
            raise _no_assessment(assessment_id)
        return {
            "id": assessment_id,
            "instrument_hash": row[0],
            "status": row[1],
            "deleted_at": row[2],
            "products": decode_value(row[3]) or [],
        }

    def resolve_assessment_id(self, prefix: str) -> str:
        """Return the full id of the assessment ``prefix`` names.

        ``prefix`` is the start of the id or of its random part (what lists show: see
        domain/ids.py).
        """
        typed = prefix.strip().lower()
        random_typed = typed.replace("-", "")
        found = self.db.execute(
            "SELECT id FROM assessments WHERE id LIKE ? || '%' "
            "OR substr(replace(id, '-', ''), 14) LIKE ? || '%' LIMIT 50",
            [typed, random_typed],
        ).fetchall()
        rows = [row for row in found if typed and matches(row[0], typed)]
        if len(rows) == 1:
            return rows[0][0]
        if not rows:
            raise _no_assessment(prefix, id=prefix)
        raise NotFoundError(
            f"more than one assessment id starts with {prefix}",
            code="ambiguous",
            hint="Give more characters of the id.",
            id=prefix,
        )

    def assessment_rows(
        self,
        *,
        ids: list[str] | None = None,
        include_deleted: bool = False,
        period: str | None = None,
    ) -> list[dict[str, Any]]:
        """Return assessments joined with entity, locus and period, sorted for display.

        ``period``: only that period's (a decade's other years are not read).
        """
        where, params = _assessment_filter(ids, include_deleted, period)
        sql = (
            "SELECT a.id, a.instrument_id, a.instrument_hash, a.period_id, a.status, "
            "a.visit_date, a.team, a.products, a.products_reason, a.deleted_at, a.created_at, "
            "a.updated_at, l.id, l.type, l.name, e.id, e.category, e.name, e.province, e.code, "
            f"a.instrument_reason {_ASSESSMENTS_JOINED}{where}{_ASSESSMENTS_ORDER}"
        )
        out = []
        for r in self.db.execute(sql, params):
            out.append(
                {
                    "id": r[0],
                    "instrument_id": r[1],
                    "instrument_hash": r[2],
                    "period": r[3],
                    "status": r[4],
                    "visit_date": r[5],
                    "team": decode_value(r[6]) or [],
                    "products": decode_value(r[7]) or [],
                    "products_reason": r[8],
                    "deleted_at": r[9],
                    "created_at": r[10],
                    "updated_at": r[11],
                    "locus": {"id": r[12], "type": r[13], "name": r[14]},
                    "entity": {
                        "id": r[15], "category": r[16], "name": r[17], "province": r[18],
                        "code": r[19],
                    },
                    "instrument_reason": r[20],
                }
            )
        return out

    def list_rows(
        self, *, include_deleted: bool = False, period: str | None = None
    ) -> list[tuple[Any, ...]]:
        """Return what the home list shows of each assessment, in ``assessment_rows``' order.

        Tuples (id, entity name, category, province, locus name, locus type, period, status,
        deleted_at, updated_at, instrument hash): no JSON is decoded and no nested row built,
        so a national year's list is read in a fraction of ``assessment_rows``' time.
        """
        where, params = _assessment_filter(None, include_deleted, period)
        return self.db.execute(
            "SELECT a.id, e.name, e.category, e.province, l.name, l.type, a.period_id, "
            f"a.status, a.deleted_at, a.updated_at, a.instrument_hash {_ASSESSMENTS_JOINED}"
            f"{where}{_ASSESSMENTS_ORDER}",
            params,
        ).fetchall()

    def assessment_count(self, *, include_deleted: bool = True) -> int:
        """Return how many assessments the workspace holds (the trash included by default)."""
        where = "" if include_deleted else " WHERE deleted_at IS NULL"
        return self.db.execute(f"SELECT count(*) FROM assessments{where}").fetchone()[0]

    def respondent_rows(self, assessment_ids: list[str]) -> list[dict[str, Any]]:
        """Return the respondents of some assessments (personal fields included)."""
        return self._rows_for("respondents", assessment_ids, "assessment_id, kind, number, id")

    def response_rows(self, assessment_ids: list[str]) -> list[dict[str, Any]]:
        """Return the current responses of some assessments."""
        rows = self._rows_for("responses", assessment_ids, "assessment_id, key")
        for row in rows:
            row["value"] = decode_value(row["value"])
        return rows

    def evidence_rows(self, assessment_ids: list[str]) -> list[dict[str, Any]]:
        """Return the evidence records (not deleted) of some assessments."""
        return [
            r
            for r in self._rows_for("evidence", assessment_ids, "assessment_id, updated_at")
            if not r["deleted_at"]
        ]

    def note_rows(self, assessment_ids: list[str]) -> list[dict[str, Any]]:
        """Return the notes of some assessments."""
        return self._rows_for("notes", assessment_ids, "assessment_id, key")

    def _rows_for(self, table: str, assessment_ids: list[str], order: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        # SQLite limits the number of parameters; read in slices.
        for start in range(0, len(assessment_ids), 500):
            chunk = assessment_ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            cursor = self.db.execute(
                f"SELECT * FROM {table} WHERE assessment_id IN ({marks}) ORDER BY {order}", chunk
            )
            names = [d[0] for d in cursor.description]
            out.extend(dict(zip(names, row, strict=True)) for row in cursor)
        return out

    def row_tuples(
        self, table: str, columns: tuple[str, ...], first_id: str, last_id: str
    ) -> list[tuple[Any, ...]]:
        """Return ``columns`` of the rows of assessments with ids from first_id to last_id.

        The fast path for reading many assessments: one index range scan, plain tuples.
        """
        if table not in _ROW_ORDERS:
            raise ValueError(f"not an assessment table: {table}")
        return self.db.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE assessment_id BETWEEN ? AND ? "
            f"ORDER BY {_ROW_ORDERS[table]}",
            [first_id, last_id],
        ).fetchall()

    def row_tuples_of(
        self, table: str, columns: tuple[str, ...], ids: list[str]
    ) -> list[tuple[Any, ...]]:
        """Return ``columns`` of the rows of these assessments (at most 500 ids), in id order.

        One statement for a batch of scattered ids (one period of a decade whose ids are
        random): SQLite seeks each id in the index; no statement per assessment.
        """
        if table not in _ROW_ORDERS:
            raise ValueError(f"not an assessment table: {table}")
        marks = ", ".join(["?"] * len(ids))
        return self.db.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE assessment_id IN ({marks}) "
            f"ORDER BY {_ROW_ORDERS[table]}",
            list(ids),
        ).fetchall()

    def cached_locus_scores(self) -> dict[str, tuple[str, str, float | None, bool]]:
        """Return the cached locus scores: id -> (updated_at, instrument hash, score, prov.)."""
        rows = self.db.execute(
            "SELECT assessment_id, updated_at, instrument_hash, score, provisional "
            "FROM locus_score_cache"
        )
        return {r[0]: (r[1], r[2], r[3], bool(r[4])) for r in rows}

    def cache_locus_scores(self, entries: list[tuple[Any, ...]]) -> None:
        """Remember locus scores (id, updated_at, instrument hash, score, provisional).

        An entry may go on with what the home list shows (progress, missing, grade, zone; see
        storage/score_cache.py); a short one leaves those unknown. A cache: when the workspace
        is busy or read-only it is skipped, never an error.
        """
        if not entries:
            return
        if self.defer_cache_writes:
            self._deferred_cache.extend(entries)
            return
        try:
            with self.db.atomic():
                self.db.conn.executemany(
                    "INSERT OR REPLACE INTO locus_score_cache (assessment_id, updated_at, "
                    "instrument_hash, score, provisional, progress, missing, grade, zone) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(*e[:4], int(e[4]), *e[5:], *(None,) * (9 - len(e))) for e in entries],
                )
        except sqlite3.OperationalError as exc:
            logger.info("locus score cache not written: %s", exc)

    def take_deferred_cache(self) -> list[tuple[Any, ...]]:
        """Return (and forget) the score-cache entries kept by ``defer_cache_writes``."""
        entries, self._deferred_cache = self._deferred_cache, []
        return entries

    def corrections(self, entity_id: str | None = None) -> list[dict[str, Any]]:
        """Return the substantive corrections in force (not withdrawn), oldest first.

        They are supervisor records (``entity_records``, storage/records.py): the correction
        records of each entity and period that no withdrawal record names.
        """
        sql = "SELECT entity_id, period_id, body FROM entity_records"
        params = [entity_id] if entity_id else []
        groups: dict[tuple[str, str], list[EntityRecord]] = {}
        for entity, period, body in self.db.execute(
            sql + (" WHERE entity_id = ?" if entity_id else ""), params
        ):
            groups.setdefault((entity, period), []).append(EntityRecord(**json.loads(body)))
        out = [
            {
                "id": record.id,
                "entity_id": entity,
                "period_id": period,
                "kind": record.content["kind"],
                "points": float(record.content.get("points") or 0.0),
                "cap_grade": record.content.get("cap_grade"),
                "reason": record.content["reason"],
                "author": record.author,
                "at": record.at,
            }
            for (entity, period), records in groups.items()
            for record in in_force(records)
        ]
        return sorted(out, key=lambda c: (c["at"], c["id"]))

    def add_correction(
        self,
        entity_id: str,
        period_id: str,
        kind: str,
        points: float,
        cap_grade: str | None,
        reason: str,
    ) -> str:
        """Record a substantive correction by this workspace's owner (unsigned until a package
        carries it: storage/records.py); return its id."""
        row = self.db.execute(
            "SELECT id, category, name, province FROM entities WHERE id = ?", [entity_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no entity with id {entity_id}", code="entity_not_found",
                                name=entity_id, found=0)
        record = EntityRecord(
            id=self.ids(),
            kind="correction",
            entity=dict(zip(("id", "category", "name", "province"), row, strict=True)),
            period=str(period_id),
            at=timestamp(self.clock()),
            author=str((self.profile() or {"name": "unknown"})["name"]),
            content={
                "kind": kind,
                "points": float(points or 0.0),
                "cap_grade": cap_grade,
                "reason": reason,
            },
        )
        with storage_errors("saving the correction"), self.db.atomic():
            self.db.execute(
                "INSERT INTO entity_records (id, kind, entity_id, period_id, at, body, "
                "device_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    record.id,
                    record.kind,
                    entity_id,
                    record.period,
                    record.at,
                    json.dumps(record.body(), ensure_ascii=False, sort_keys=True),
                    self.device_id,
                    record.at,
                ],
            )
        return record.id

    def entity_by_name(self, name: str) -> dict[str, Any]:
        """Return the entity whose name (or id, or register code) is ``name``."""
        rows = self.db.execute(
            "SELECT id, category, name, province FROM entities WHERE id = ? OR name = ? "
            "OR code = ?",
            [name, name, name],
        ).fetchall()
        if len(rows) != 1:
            raise NotFoundError(
                f"no single entity named {name!r} ({len(rows)} found)",
                hint="Use the entity id shown by `ombud score --json`.",
                code="entity_not_found", name=name, found=len(rows),
            )
        return dict(zip(("id", "category", "name", "province"), rows[0], strict=True))


def merges_from_text(text: str | None) -> tuple[str, ...]:
    return tuple(decode_value(text)) if text else ()


def change_from_row(r: tuple[Any, ...]) -> Change:
    """Return a Change from a row of (id, assessment_id, target, row_id, field, value, author,
    author_nip, device_id, at, supersedes, also_supersedes)."""
    return Change(
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        decode_value(r[5]),
        r[6],
        r[7],
        r[8],
        r[9],
        r[10],
        merges_from_text(r[11]),
    )


def _plain(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value
