"""The use cases over one open workspace: what a job of the app's store thread receives.

The app's windows never see a :class:`Workspace`: they submit jobs that call these use cases on
the store thread, and every use case that writes returns the :class:`Changes` it made, which
the store thread announces to every window. The command line uses the same services directly.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ombud_desktop.services.changes import Changes, Written
from ombud_desktop.services.conflicts import Conflicts, evidence_path
from ombud_desktop.services.drafts import Drafts
from ombud_desktop.storage.workspace import Workspace

if TYPE_CHECKING:
    from ombud_desktop.exports.spreadsheet import ExportSummary
    from ombud_desktop.packages.importer import Receipt
    from ombud_desktop.packages.keys import KeyStore
    from ombud_desktop.services.assessments import AssessmentService
    from ombud_desktop.services.backup import WorkspaceCare
    from ombud_desktop.services.duplicates import Duplicates
    from ombud_desktop.services.entity_inputs import EntityInputService
    from ombud_desktop.services.history import CellHistory
    from ombud_desktop.services.lists import HomeList
    from ombud_desktop.services.merge import MergeReport
    from ombud_desktop.services.packages import PackageService
    from ombud_desktop.services.records import RecordService
    from ombud_desktop.services.reports import BuiltReport, ReportRequest
    from ombud_desktop.services.results import ResultsData
    from ombud_desktop.services.sync import InboxWatcher


def receipt_changes(receipts: list[Receipt]) -> Changes:
    """Return what importing packages changed (from their receipts)."""
    entries = [a for r in receipts for a in r.assessments]
    ids = [a.assessment_id for a in entries if a.status != "already_present"]
    return Changes.of(
        ids,
        conflicts=any(a.status == "conflicts" for a in entries),
        reviews=bool(ids),
        keys=any(r.newly_trusted for r in receipts),
        entities=bool(ids),
        corrections=any(r.records_added for r in receipts),
    )


class Lists:
    """The rows of the app's lists."""

    def __init__(self, workspace: Workspace):
        self.workspace = workspace

    def assessments(
        self, include_deleted: bool, previous: dict[str, dict[str, Any]] | None = None
    ) -> list[dict[str, Any]]:
        """Return the home list's rows, scoring only what changed since ``previous``."""
        from ombud_desktop.services.lists import assessment_rows

        return assessment_rows(self.workspace, include_deleted, previous)

    def home(
        self,
        include_deleted: bool,
        previous: dict[str, dict[str, Any]] | None = None,
        *,
        period: str | None = None,
        every_period: bool = False,
    ) -> HomeList:
        """Return the home list of ``period`` (default: the newest) or of every period."""
        from ombud_desktop.services.lists import home_list

        return home_list(
            self.workspace, include_deleted, previous, period=period, every_period=every_period
        )

    def results(self) -> ResultsData:
        """Return every entity's and locus's score, grade and rank (the results window)."""
        from ombud_desktop.services.results import load_results

        return load_results(self.workspace)

    def assessment(self, assessment_id: str) -> dict[str, Any]:
        """Return one assessment's row: names of its entity, locus and period, status."""
        return self.workspace.assessment_row(assessment_id)

    def count(self) -> int:
        """Return how many assessments the workspace holds (not counting the trash)."""
        return self.workspace.assessment_count(include_deleted=False)


class Review:
    """A supervisor's review of assessments."""

    def __init__(self, workspace: Workspace):
        self.workspace = workspace

    def of(self, assessment_id: str) -> dict[str, Any]:
        """Return an assessment's review: decision, comment, who and when, comments."""
        from ombud_desktop.services.merge import review_of

        return review_of(self.workspace, assessment_id)

    def approve(
        self, assessment_id: str, comment: str | None = None, *, despite_doubts: bool = False
    ) -> Changes:
        """Approve an assessment (refused with its reasons while in conflict or in doubt)."""
        from ombud_desktop.services.merge import approve

        approve(self.workspace, assessment_id, comment, despite_doubts=despite_doubts)
        return Changes.of([assessment_id], reviews=True)

    def return_for_correction(
        self, assessment_id: str, comment: str, indicator_comments: dict[str, str] | None = None
    ) -> Changes:
        """Return an assessment to its assessor with comments (it is reopened)."""
        from ombud_desktop.services.merge import return_for_correction

        return_for_correction(self.workspace, assessment_id, comment, indicator_comments)
        return Changes.of([assessment_id], reviews=True)

    def close_comment(self, comment_id: str, note: str | None = None) -> Changes:
        """Close a review comment (its fix is done), with an optional short answer."""
        from ombud_desktop.services.comments import close_comment

        assessment_id = close_comment(self.workspace, comment_id, note)
        return Changes.of([assessment_id], reviews=True)


class Packages:
    """Export, verify and import packages with one user's keys."""

    def __init__(self, workspace: Workspace, keys: KeyStore):
        from ombud_desktop.services.packages import PackageService

        self.service: PackageService = PackageService(workspace, keys)

    def export_signed(self, assessment_ids: list[str], out_dir: Path, signer: Any) -> list[Any]:
        """Write one signed package per assessment into ``out_dir`` (nothing is stored)."""
        return self.service.export_signed(assessment_ids, out_dir, signer)

    def verify(self, path: Path) -> Any:
        """Verify one package against the trusted keys."""
        return self.service.verify(path)

    def cover_imports(self, place: Any, *, signer: Any = None) -> Any:
        """Return the backup that undoes the imports about to be made (``services.merge``:
        made only when needed, the user's own work since it kept beside it with ``signer``)."""
        from ombud_desktop.services.merge import cover_imports

        return cover_imports(self.service, signer=signer, backup=place)

    def import_one(self, path: Path, *, cover: Any = None, **options: Any) -> Written[Receipt]:
        """Import one package; return its receipt. With ``cover`` (:meth:`cover_imports`) the
        package is kept beside the backup that undoes the import."""
        receipt = self.service.import_one(path, **options)
        if cover is not None:
            cover.keep([receipt])
        return Written(receipt, receipt_changes([receipt]))

    def sealed_for_me(self, paths: list[Path]) -> bool:
        """Return True when a package holds personal data sealed to this user's key."""
        return self.service.sealed_for_me(paths)

    def reopen_personal(
        self, passphrase: str | None = None, *, receiving: Any = None
    ) -> Written[list[Any]]:
        """Open the personal data kept sealed for this user's key (packages/sealed.py)."""
        results = self.service.reopen_personal(passphrase, receiving=receiving)
        opened = [r.assessment_id for r in results if r.status == "imported"]
        return Written(results, Changes.of(opened))

    def sync(
        self, watcher: InboxWatcher, *, passphrase: str | None = None, place: Any = None
    ) -> Written[MergeReport | None]:
        """Import what is ready in the inbox; return the merge report (None: nothing came).

        ``place``: where the backup that undoes the merge goes (default: beside the workspace).
        """
        report = watcher.sync(self.service, passphrase=passphrase, backup=place)
        changes = receipt_changes(report.receipts) if report is not None else Changes()
        return Written(report, changes)


class Services:
    """The use cases over one open workspace (store thread only).

    ``workspace`` is here for the services themselves and for tests; windows never reach it.
    """

    def __init__(self, workspace: Workspace):
        self.workspace = workspace
        self.lists = Lists(workspace)
        self.review = Review(workspace)
        self.conflicts = Conflicts(workspace)
        self.drafts = Drafts(workspace)  # what is being typed (services/drafts.py)

    # These two bring instruments (pydantic), scoring and photos (PIL): made when first used,
    # so the app's first screen (the home list, read from the score cache) waits for neither.

    @cached_property
    def assessments(self) -> AssessmentService:
        """Return the assessment use cases (answers, evidence, finishing)."""
        from ombud_desktop.services.assessments import AssessmentService

        return AssessmentService(self.workspace)

    @cached_property
    def duplicates(self) -> Duplicates:
        """Return the use cases of two assessments of one locus in one period."""
        from ombud_desktop.services.duplicates import Duplicates

        return Duplicates(self.workspace)

    def warm_up(self) -> None:
        """Load what answering needs (instruments, scoring, photos, new ids) ahead of use."""
        from ombud_desktop.storage.workspace import new_id

        _ = self.assessments
        new_id()

    def care(self) -> WorkspaceCare:
        """Return backups and the workspace doctor for this workspace."""
        from ombud_desktop.services.backup import WorkspaceCare

        return WorkspaceCare(self.workspace)

    def packages(self, keys: KeyStore) -> Packages:
        """Return the package use cases with the user's ``keys``."""
        return Packages(self.workspace, keys)

    def records(self, keys: KeyStore | None) -> RecordService:
        """Return the supervisor records (corrections, plans) with the user's ``keys`` (or none)."""
        from ombud_desktop.services.records import RecordService

        return RecordService(self.workspace, keys)

    def entity_inputs(self, keys: KeyStore | None) -> EntityInputService:
        """Return the per-entity inputs (trust, secondary data, products) with the user's keys."""
        from ombud_desktop.services.entity_inputs import EntityInputService

        return EntityInputService(self.workspace, keys)

    # -- the assessor --------------------------------------------------------------------------

    def profile(self) -> dict[str, Any] | None:
        """Return the assessor profile (name, NIP), or None before it is set."""
        return self.workspace.profile()

    def set_profile(self, name: str, nip: str | None = None) -> Changes:
        """Set the assessor profile (the author of every change made here)."""
        self.workspace.set_profile(name, nip)
        return Changes(profile=True)

    def identity(self) -> tuple[str, str]:
        """Return the assessor's name ("–" when unset) and this device's id."""
        profile = self.workspace.profile() or {}
        return profile.get("name", "–"), self.workspace.device_id

    def support_summary(self) -> dict[str, Any]:
        """Return the workspace described by numbers only, for a support bundle."""
        from ombud_desktop.services.support import summary_of

        return summary_of(self.workspace)

    def history(self, assessment_id: str, codes: Collection[str]) -> list[CellHistory]:
        """Return the history of the cells of one page: rows named by ``codes``.

        A row belongs to a code when its id is the code, or either side of its ``@``
        (``IN02@R1`` is on the page of IN02 and of role R1; ``PR01@P1.manual`` on PR01's).
        """
        from ombud_desktop.services.history import assessment_history

        wanted = set(codes)

        def on_page(row_id: str) -> bool:
            head, _, tail = row_id.partition("@")
            return bool({row_id, head, tail} & wanted)

        return [
            c for c in assessment_history(self.workspace, assessment_id) if on_page(c.cell[1])
        ]

    # -- files ---------------------------------------------------------------------------------

    def evidence_path(self, sha256: str) -> Path:
        """Return where the evidence file with this SHA-256 is kept."""
        return evidence_path(self.workspace, sha256)

    def build_report(self, request: ReportRequest) -> BuiltReport:
        """Build a report's data and PDF (nothing is written)."""
        from ombud_desktop.services.reports import build_report

        return build_report(self.workspace, request)

    def export_spreadsheet(self, path: str | Path, **options: Any) -> ExportSummary:
        """Write the results to a spreadsheet file (the workspace is not changed)."""
        from ombud_desktop.exports.spreadsheet import export_spreadsheet

        return export_spreadsheet(self.workspace, path, **options)

    # -- the store thread's own needs ----------------------------------------------------------

    def data_version(self) -> int:
        """Return the database's data version: it moves when another connection commits."""
        return self.workspace.data_version()

    def file_state(self) -> tuple[int, ...]:
        """Return the size and time of the workspace's database files (they move on commits)."""
        return self.workspace.file_state()

    def keep_reader_cache(self) -> None:
        """Keep this (reader) connection's score-cache writes for the writer to store."""
        self.workspace.defer_cache_writes = True

    def take_reader_cache(self) -> list[tuple[Any, ...]]:
        """Return (and forget) the score-cache entries a reader kept."""
        return self.workspace.take_deferred_cache()

    def store_cache(self, entries: list[tuple[Any, ...]]) -> None:
        """Store score-cache entries a reader kept (a cache: nothing the user sees changes)."""
        self.workspace.cache_locus_scores(entries)

    def close(self) -> None:
        """Close the workspace."""
        self.workspace.close()


def open_services(
    path: str | Path, *, create: bool = True, lock: str | None = None
) -> Services:
    """Open the workspace at ``path`` and return its use cases.

    ``lock`` names the program that holds the workspace's lock while it is open (see
    storage/lock.py); None opens without taking it.
    """
    return Services(Workspace.open(path, create=create, lock=lock))
