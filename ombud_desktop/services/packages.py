"""Use cases for signed packages, shared by the command line and the GUI."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from ombud_desktop.errors import NotFoundError
from ombud_desktop.packages.export import ExportResult, Signer, export_assessment
from ombud_desktop.packages.format import DEFAULT_MAX_PACKAGE_BYTES, SUFFIX
from ombud_desktop.packages.importer import ImportRefused, Receipt, import_package, verify_package
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.packages.reader import VerifyReport
from ombud_desktop.storage.workspace import Workspace

Progress = Callable[[int, int, str], None]


def _no_progress(_done: int, _total: int, _name: str) -> None:
    return None


class PackageService:
    """Export, verify and import packages for one workspace and one user's keys."""

    def __init__(
        self,
        workspace: Workspace,
        keys: KeyStore,
        *,
        max_bytes: int = DEFAULT_MAX_PACKAGE_BYTES,
    ):
        self.workspace = workspace
        self.keys = keys
        self.max_bytes = max_bytes

    def signer(self, passphrase: str) -> Signer:
        """Unlock the user's signing key (raises KeyError_ for a wrong passphrase)."""
        info = self.keys.signing_key_info()
        profile = self.workspace.profile() or {}
        return Signer(self.keys.signing_key(passphrase), profile.get("name") or info.owner)

    def export(
        self,
        assessment_ids: Iterable[str],
        out_dir: Path,
        passphrase: str,
        *,
        progress: Progress = _no_progress,
    ) -> list[ExportResult]:
        """Write one package per assessment into ``out_dir``."""
        return self.export_signed(
            assessment_ids, out_dir, self.signer(passphrase), progress=progress
        )

    def export_signed(
        self,
        assessment_ids: Iterable[str],
        out_dir: Path,
        signer: Signer,
        *,
        progress: Progress = _no_progress,
    ) -> list[ExportResult]:
        """Write one package per assessment into ``out_dir``, signed by an unlocked signer.

        The GUI unlocks the signing key once per session and keeps the signer; the passphrase
        itself is not kept.
        """
        ids = list(assessment_ids)
        recipient = self.keys.recipient()
        certificates = self.keys.certificates() if self.keys.has_signing_key() else []
        results = []
        for number, assessment_id in enumerate(ids, start=1):
            results.append(
                export_assessment(
                    self.workspace,
                    assessment_id,
                    out_dir,
                    signer,
                    recipient=recipient,
                    certificates=certificates,
                )
            )
            progress(number, len(ids), results[-1].path.name)
        return results

    def verify(self, path: Path) -> VerifyReport:
        """Verify one package against this user's trusted keys."""
        return verify_package(path, self.keys, max_bytes=self.max_bytes)

    def import_one(
        self,
        path: Path,
        *,
        passphrase: str | None = None,
        trust_signer: str | None = None,
        placed: list[Path] | None = None,
    ) -> Receipt:
        """Import one package (raises ImportRefused with the reasons)."""
        return import_package(
            self.workspace,
            path,
            self.keys,
            passphrase=passphrase,
            trust_signer=trust_signer,
            max_bytes=self.max_bytes,
            placed=placed,
        )


def package_files(paths: Iterable[Path]) -> list[Path]:
    """Return the package files named, looking inside folders (sorted, no duplicates).

    Inside a folder every ``.ombx`` entry but a folder is listed, links and pipes included, so
    the reader refuses them by name (it reads regular files only) rather than skipping them.
    A name that is nothing at all (not even a broken link) is the user's mistake:
    :class:`NotFoundError`, before any package is read.
    """
    found: dict[Path, None] = {}
    for path in paths:
        if not os.path.lexists(path):
            raise NotFoundError(
                f"{path}: no such file or folder", code="path_not_found", path=str(path)
            )
        if path.is_dir():
            for item in sorted(path.rglob(f"*{SUFFIX}")):
                if not _is_folder(item):
                    found[item] = None
        else:
            found[path] = None
    return list(found)


def _is_folder(path: Path) -> bool:
    """Return True for a real folder (not a link to one); a link loop is not a folder."""
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return True  # gone since it was listed: nothing to read


__all__ = ["ImportRefused", "PackageService", "package_files"]
