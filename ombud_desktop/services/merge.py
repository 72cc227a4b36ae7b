"""Supervisor use cases: merge a team's packages, list and resolve conflicts, review.

Merging imports packages one by one (each verified completely first); for speed, the imports
of up to ``batch`` packages share one commit, each inside its own savepoint, so a refused
package leaves no trace while its neighbours are kept (``ombud_desktop.merge.batch``). The
laws (tested with random histories from three devices in tests/merge/): importing twice
changes nothing, any order of imports gives the same state, and no edit is lost: concurrent
edits of a cell stay side by side as a conflict until someone resolves it, and the
resolution is a change record that travels like any other.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ombud_desktop.domain.keys import response_key_indicator
from ombud_desktop.domain.photos import other_day_facts, other_day_line
from ombud_desktop.errors import NotFoundError, OmbudError, ValidationError
from ombud_desktop.merge.batch import Readers, merge_in_batches
from ombud_desktop.packages.export import Signer
from ombud_desktop.packages.format import PackageError
from ombud_desktop.packages.importer import (
    OpenedPackage,
    ReadingSetup,
    Receipt,
    apply_package,
    open_package,
    read_ahead,
    receiving_bytes,
    start_reading,
    unlock_receiving_key,
)
from ombud_desktop.packages.keys import KeyError_
from ombud_desktop.services.backup import BackupPlace, covering_backup
from ombud_desktop.services.own_work import OwnWork
from ombud_desktop.services.packages import PackageService, package_files
from ombud_desktop.storage import imports as store
from ombud_desktop.storage import kept_packages
from ombud_desktop.storage.changes import PERSONAL_FIELDS, Change, Edit
from ombud_desktop.storage.workspace import Workspace, new_id

logger = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]
KEPT_FOLDER = kept_packages.FOLDER  # where a backup keeps the packages merged after it
REVIEW_APPROVED = "approved"
REVIEW_RETURNED = "returned"

# Below this many packages a merge reads them on one thread: starting a reading process takes
# about half a second, which a handful of packages does not win back.
PROCESSES_FROM = 40
# At most, and no more than processors. Two on two cores: reading a package costs more than
# writing it, and while both readers wait with a package read ahead, the writer has a core.
READING_PROCESSES = 2


@dataclass
class MergeReport:
    """What a merge of many packages did."""

    receipts: list[Receipt] = field(default_factory=list)
    refused: list[tuple[Path, OmbudError]] = field(default_factory=list)
    backup: Path | None = None  # the backup that undoes this merge (with the kept packages)
    backup_made: bool = False  # made by this merge (False: an earlier one served)
    kept: int = 0  # packages of this merge kept beside that backup
    own_work_kept: int = 0  # packages of this device's work since that backup kept beside it
    keep_failed: str | None = None  # why they could not be kept (the next merge backs up)
    reading_processes: int = 0  # processes that read the packages ahead (0: one thread)
    readers_broke: bool = False  # they stopped, and a thread read the rest

    @property
    def counts(self) -> dict[str, int]:
        """Return how many assessments were new, updated, in conflict, present, older or held."""
        counts = dict.fromkeys(
            ("new", "updated", "conflicts", "already_present", "older", "pending"), 0
        )
        for receipt in self.receipts:
            for entry in receipt.assessments:
                counts[entry.status] += 1
        return counts

    @property
    def changes_added(self) -> int:
        """Return the number of change records the merge added."""
        return sum(a.added for r in self.receipts for a in r.assessments)

    def to_json(self) -> dict[str, Any]:
        """Return the report as JSON data (``ombud merge --json``)."""
        return {
            "packages": len(self.receipts) + len(self.refused),
            "imported": len(self.receipts),
            "refused": [
                {"path": str(path), "code": exc.code, "message": exc.message, "hint": exc.hint}
                for path, exc in self.refused
            ],
            "assessments": self.counts,
            "changes_added": self.changes_added,
            "receipts": [r.to_json() for r in self.receipts],
            "backup": {
                "path": str(self.backup) if self.backup else None,
                "made": self.backup_made,
                "packages_kept": self.kept,
                "own_work_kept": self.own_work_kept,
                "keep_failed": self.keep_failed,
            },
        }


def merge_packages(
    service: PackageService,
    paths: Iterable[Path],
    *,
    passphrase: str | None = None,
    trust_signer: str | None = None,
    batch: int = 200,
    progress: Progress | None = None,
    backup: BackupPlace | None = None,
    processes_from: int = PROCESSES_FROM,
    signer: Signer | None = None,
) -> MergeReport:
    """Import every package found under ``paths`` (files or folders); return the report.

    Each package is verified completely and applied in its own savepoint (``merge.batch``):
    a refused one is reported with its code and the others are imported. Raises only when
    the workspace itself fails (a full disk, for example). The workspace is backed up first
    (into ``backup``, default beside it) unless the newest backup there already lets the merge
    be undone (``services.backup.covering_backup``); each package merged is then kept beside
    that backup, so that it and they undo this merge on any later day. Work made on this
    device since that backup is kept beside it as packages signed by ``signer`` (or by the
    signing key ``passphrase`` unlocks), not by a whole backup (``services/own_work.py``).
    """
    files = package_files(paths)
    workspace, keys = service.workspace, service.keys
    cover = (
        cover_imports(service, passphrase=passphrase, signer=signer, backup=backup)
        if files
        else None
    )
    receiving = unlock_receiving_key(keys, passphrase)
    done = store.imported_packages(workspace)

    def open_one(path: Path) -> OpenedPackage:
        try:
            return open_package(
                path,
                keys,
                receiving=receiving,
                trust_signer=trust_signer,
                max_bytes=service.max_bytes,
                imported=lambda package_id, signer: (package_id, signer) in done,
            )
        except KeyError_ as exc:  # a key file changed while the package was read
            raise PackageError(exc.message, code=exc.code, hint=exc.hint) from None

    def apply_one(opened: OpenedPackage, placed: list[Path]) -> Receipt:
        return apply_package(workspace, opened, keys, placed=placed)

    setup = ReadingSetup(
        str(keys.folder),
        None if receiving is None else receiving_bytes(receiving),
        trust_signer,
        service.max_bytes,
        frozenset(done),
    )
    with reading_processes(setup, len(files) >= processes_from) as readers:
        result = merge_in_batches(
            workspace, files, open_one, apply_one, batch=batch, progress=progress,
            readers=readers,
        )
    merged = MergeReport(result.applied, result.refused)
    merged.reading_processes = readers.count if readers else 0
    merged.readers_broke = result.readers_broke
    if cover is not None:
        cover.keep(result.applied)
        merged.backup, merged.backup_made = cover.backup, cover.made
        merged.kept, merged.keep_failed = cover.kept, cover.keep_failed
        merged.own_work_kept = cover.own_work_kept
    return merged


@dataclass
class ImportCover:
    """The backup that undoes imports (a merge, or packages imported one at a time by
    ``ombud import`` and the app's *Impor paket*), and what is kept beside it."""

    backup: Path
    made: bool  # made for these imports (False: an earlier one serves)
    own_work_kept: int = 0  # packages of this device's work since that backup kept beside it
    kept: int = 0  # packages imported now and kept beside it
    keep_failed: str | None = None  # why one could not be kept (the next merge backs up whole)

    def keep(self, receipts: Iterable[Receipt]) -> None:
        """Keep the imported packages beside the backup (a failure is said, not raised)."""
        packages = [(r.path, r.package_id, r.signer_fingerprint) for r in receipts]
        if not packages:
            return
        try:
            self.kept += kept_packages.keep(self.backup, packages)
        except OSError as exc:  # said in the report; the next merge finds them missing
            self.keep_failed = exc.strerror or type(exc).__name__
            logger.warning(
                "imported packages could not be kept beside %s: %s", self.backup, self.keep_failed
            )


def cover_imports(
    service: PackageService,
    *,
    passphrase: str | None = None,
    signer: Signer | None = None,
    backup: BackupPlace | None = None,
) -> ImportCover:
    """Return the backup that lets the imports about to be made be undone, made only when
    needed (``services.backup.covering_backup``), with this device's work since it kept
    beside it when ``signer`` (or the signing key ``passphrase`` unlocks) can sign it.

    Raises StorageError when a backup is needed and cannot be made (nothing is imported then).
    """
    own = OwnWork(service, lambda: signer or _unlocked_signer(service, passphrase))
    base, report = covering_backup(service.workspace, backup, own=own)
    return ImportCover(base.path, report is not None, own.kept)


def _unlocked_signer(service: PackageService, passphrase: str | None) -> Signer | None:
    """Return the user's signer unlocked with ``passphrase``, or None when it cannot be."""
    if passphrase is None or not service.keys.has_signing_key():
        return None
    try:
        return service.signer(passphrase)
    except OmbudError:  # another passphrase, a damaged key file: a whole backup instead
        return None


@contextlib.contextmanager
def reading_processes(
    setup: ReadingSetup, wanted: bool
) -> Iterator[Readers[OpenedPackage] | None]:
    """Yield processes that read packages ahead for a merge when ``wanted`` (else None).

    Verifying and parsing a package, and checking what needs no workspace, is half of a
    merge's work; on other processes it runs beside the writing instead of taking turns with
    it for Python's one lock. They are started fresh (``spawn``: the app's threads are not
    copied into them) and know only the keys folder, the unlocked receiving key, and which
    packages were imported before.
    """
    if not wanted:
        yield None
        return
    processes = max(1, min(READING_PROCESSES, os.cpu_count() or 1))
    pool = ProcessPoolExecutor(
        max_workers=processes,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=start_reading,
        initargs=(setup,),
    )
    try:
        yield Readers(pool, read_ahead, 2 * processes + 1, processes)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# -- conflicts -----------------------------------------------------------------------------


def list_conflicts(workspace: Workspace, assessment_id: str | None = None) -> list[dict[str, Any]]:
    """Return every open conflict with its versions side by side.

    Each version: change id, value (personal data shown only as such), author, device, time,
    and the evidence attached to the cell's indicator.
    """
    rows = store.conflict_rows(workspace, assessment_id)
    if not rows:
        return []
    changes = store.changes_by_id(workspace, [i for r in rows for i in r["heads"]])
    assessments = {
        a["id"]: a
        for a in workspace.assessment_rows(
            ids=sorted({r["assessment_id"] for r in rows}), include_deleted=True
        )
    }
    evidence: dict[str, list[dict[str, Any]]] = {}
    for record in workspace.evidence_rows(sorted(assessments)):
        evidence.setdefault(record["assessment_id"], []).append(record)
    out = []
    for row in rows:
        target, row_id, field_name = row["cell"]
        indicator = response_key_indicator(row_id) if target == "response" else None
        assessment = assessments.get(row["assessment_id"], {})
        personal = (target, field_name) in PERSONAL_FIELDS
        out.append(
            {
                "assessment_id": row["assessment_id"],
                "entity": assessment.get("entity", {}).get("name"),
                "locus": assessment.get("locus", {}).get("name"),
                "cell": {"target": target, "row_id": row_id, "field": field_name},
                "label": store.cell_label(row["cell"]),
                "indicator": indicator,
                "versions": [
                    {
                        "change_id": change_id,
                        "value": "(personal data)" if personal else changes[change_id].value,
                        "author": changes[change_id].author,
                        "device_id": changes[change_id].device_id,
                        "at": changes[change_id].at,
                    }
                    for change_id in row["heads"]
                    if change_id in changes
                ],
                "evidence": [
                    {"evidence_id": e["id"], "sha256": e["sha256"], "filename": e["filename"]}
                    for e in evidence.get(row["assessment_id"], [])
                    if indicator and e["indicator"] == indicator
                ],
            }
        )
    return out


def resolve_conflict(
    workspace: Workspace,
    assessment_id: str,
    cell: tuple[str, str, str],
    *,
    pick: str | None = None,
    value: Any = None,
    use_value: bool = False,
) -> str:
    """Resolve a conflict by picking one version (``pick``) or giving a value; return its id.

    The resolution is a change record that supersedes every head of the cell, so it travels
    in the next package and resolves the conflict wherever it is imported.
    """
    rows = [r for r in store.conflict_rows(workspace, assessment_id) if r["cell"] == cell]
    if not rows:
        raise NotFoundError(
            f"no open conflict in {store.cell_label(cell)} of assessment {assessment_id[:8]}",
            code="no_conflict",
            hint="List them with `ombud conflicts list`.",
        )
    if pick is not None:
        matches = [i for i in rows[0]["heads"] if i.startswith(pick)]
        if len(matches) != 1:
            raise ValidationError(
                f"{pick!r} is not one of the conflicting versions",
                code="not_a_version",
                hint="Use a change id shown by `ombud conflicts list`.",
            )
        value = store.changes_by_id(workspace, matches)[matches[0]].value
    elif not use_value:
        raise ValidationError("say which version to keep, or give a value", code="no_choice")
    changes = workspace.write(assessment_id, [Edit(*cell, value)])
    return changes[0].id


# -- review --------------------------------------------------------------------------------


def approval_doubts(workspace: Workspace, assessment_id: str) -> list[str]:
    """Return why approving this assessment would be in doubt (empty: nothing in doubt).

    Not finished (still a draft), or provisional (what is missing, in words from its score).
    """
    from ombud_desktop.services.assessments import AssessmentService

    row = workspace.assessment_row(assessment_id)
    doubts = []
    if row["status"] == "draft":
        doubts.append("it is not finished (still a draft)")
    result = AssessmentService(workspace).score(assessment_id)
    doubts += [reason.message for reason in result.reasons]
    doubts += [other_day_line(p) for p in other_day_photos_of(workspace, assessment_id)]
    return doubts


def other_day_photos_of(workspace: Workspace, assessment_id: str) -> list[dict[str, Any]]:
    """Return the assessment's photos taken on another day than its visit (domain/photos.py)."""
    from ombud_desktop.storage.documents import load_document

    document = load_document(workspace, assessment_id)
    return other_day_facts(document.evidence, document.visit_date)


def approve(
    workspace: Workspace,
    assessment_id: str,
    comment: str | None = None,
    *,
    despite_doubts: bool = False,
) -> None:
    """Approve an assessment (who and when are the change record's author and time).

    Refused while one of its answers is in open conflict (resolve it first). An assessment
    that is not finished or is provisional is approved only with ``despite_doubts``, after
    the supervisor has seen the reasons (the error carries them).
    """
    workspace.assessment_row(assessment_id)
    open_cells = store.conflict_rows(workspace, assessment_id)
    if open_cells:
        cells = ", ".join(".".join(c["cell"][1:]) for c in open_cells[:5])
        raise ValidationError(
            f"{len(open_cells)} answer(s) are in open conflict: {cells}",
            code="approve_conflicts",
            hint="Resolve the conflicts first (Berkas › Konflik…, or `ombud conflicts list`).",
            count=len(open_cells),
            cells=cells,
        )
    doubts = approval_doubts(workspace, assessment_id)
    if doubts and not despite_doubts:
        raise ValidationError(
            f"the assessment is in doubt: {len(doubts)} reason(s): " + "; ".join(doubts[:5]),
            code="approve_in_doubt",
            hint="Look at the reasons; approve anyway only if they are acceptable "
            "(`--despite-doubts`).",
            count=len(doubts),
            reasons=doubts,
        )
    workspace.write(
        assessment_id,
        [
            Edit("assessment", assessment_id, "review_status", REVIEW_APPROVED),
            Edit("assessment", assessment_id, "review_comment", comment or None),
        ],
    )


def return_for_correction(
    workspace: Workspace,
    assessment_id: str,
    comment: str,
    indicator_comments: dict[str, str] | None = None,
) -> None:
    """Return an assessment to its assessor with comments (general and per indicator).

    The assessment is reopened (status draft, with the comment as the reason), so the
    assessor can correct it after importing the supervisor's package.
    """
    if not comment.strip() and not indicator_comments:
        raise ValidationError(
            "a returned assessment needs a comment",
            code="comment_needed",
            hint="Say what the assessor should correct.",
        )
    from ombud_desktop.services.comments import closings_before_return

    instrument = workspace.instrument(workspace.assessment_row(assessment_id)["instrument_hash"])
    edits = [
        *closings_before_return(workspace, assessment_id),
        Edit("assessment", assessment_id, "review_status", REVIEW_RETURNED),
        Edit("assessment", assessment_id, "review_comment", comment.strip() or None),
        Edit("assessment", assessment_id, "status", "draft"),
        Edit("assessment", assessment_id, "reopen_reason", comment.strip() or None),
    ]
    for code, text in (indicator_comments or {}).items():
        if instrument.find(code) is None:
            raise ValidationError(
                f"{code} is not an indicator of {instrument.id}",
                code="unknown_indicator",
                hint="Use indicator codes such as IN07 or PR01.",
            )
        comment_id = new_id()
        edits += [
            Edit("review_comment", comment_id, "indicator", code),
            Edit("review_comment", comment_id, "text", text.strip()),
        ]
    with workspace.db.atomic():
        workspace.write(assessment_id, edits)
        _merge_held(workspace, assessment_id)


def held_changes(workspace: Workspace, assessment_id: str | None = None) -> list[dict[str, Any]]:
    """Return the changes held because they arrived for an approved assessment."""
    return store.pending_changes(workspace, assessment_id)


def accept_held(workspace: Workspace, assessment_id: str) -> int:
    """Adopt the held changes of an approved assessment: the supervisor writes their values.

    Each held value (the newest per cell) becomes the supervisor's own change, which supersedes
    what the cell shows and travels like any other; the held records stay as what arrived.
    Return how many cells were written.
    """
    held = store.pending_changes(workspace, assessment_id)
    if not held:
        raise ValidationError(
            "this assessment has no changes waiting", code="nothing_pending",
            hint="Changes wait here only when they arrive after the assessment was approved.",
        )
    newest: dict[tuple[str, str, str], dict[str, Any]] = {}
    for item in sorted(held, key=lambda h: (h["record"]["at"], h["change_id"])):
        record = item["record"]
        newest[(record["target"], record["row_id"], record["field"])] = record
    edits = [Edit(t, r, f, record.get("value")) for (t, r, f), record in newest.items()]
    with workspace.db.atomic():
        workspace.write(assessment_id, edits)
        store.settle_pending(workspace, [h["change_id"] for h in held], "adopted")
    return len(edits)


def _merge_held(workspace: Workspace, assessment_id: str) -> None:
    """Make the held changes of a returned assessment ordinary changes (merged as they came)."""
    from ombud_desktop.merge.apply import merge_changes

    held = store.pending_changes(workspace, assessment_id)
    if not held:
        return
    changes = [Change.from_json(assessment_id, h["record"]) for h in held]
    merge_changes(workspace, assessment_id, changes, known=True)
    store.settle_pending(workspace, [h["change_id"] for h in held], "merged")


def review_of(workspace: Workspace, assessment_id: str) -> dict[str, Any]:
    """Return an assessment's review: decision, comment, who and when, and its comments.

    ``comments``: every comment (the general one while returned, and per indicator) with its
    state, open or closed, and who closed it (services/comments.py).
    """
    from ombud_desktop.services.comments import comments_of

    status, comment = store.review_state(workspace, assessment_id)
    decided = [c for c in workspace.changes(assessment_id) if c.field == "review_status"]
    last = decided[-1] if decided else None
    return {
        "assessment_id": assessment_id,
        "status": status,
        "comment": comment,
        "by": last.author if last else None,
        "at": last.at if last else None,
        "comments": [c.to_json() for c in comments_of(workspace, assessment_id)],
        "other_day_photos": other_day_photos_of(workspace, assessment_id),
    }


def review_overview(workspace: Workspace) -> dict[str, dict[str, Any]]:
    """Return, for the assessments list, each reviewed or conflicting assessment's state."""
    return store.review_overview(workspace)


def version_values(workspace: Workspace, change_ids: list[str]) -> dict[str, Any]:
    """Return the values of conflicting versions, personal data included.

    For a supervisor who chose to see them (``list_conflicts`` hides personal values).
    """
    return {i: c.value for i, c in store.changes_by_id(workspace, change_ids).items()}
