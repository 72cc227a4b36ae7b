"""Use cases for signed packages, shared by the command line and the GUI."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from ombud_desktop.errors import NotFoundError
from ombud_desktop.packages import sealed
from ombud_desktop.packages.export import ExportResult, Signer, export_assessment
from ombud_desktop.packages.format import DEFAULT_MAX_PACKAGE_BYTES, SUFFIX
from ombud_desktop.packages.importer import ImportRefused, Receipt, import_package, verify_package
from ombud_desktop.packages.keys import KeyError_, KeyStore
from ombud_desktop.packages.reader import VerifyReport
from ombud_desktop.packages.team import export_recipients
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
        forward: bool = False,
    ) -> list[ExportResult]:
        """Write one package per assessment into ``out_dir`` (``forward``: for pusat too)."""
        return self.export_signed(
            assessment_ids, out_dir, self.signer(passphrase), progress=progress, forward=forward
        )

    def export_signed(
        self,
        assessment_ids: Iterable[str],
        out_dir: Path,
        signer: Signer,
        *,
        progress: Progress = _no_progress,
        forward: bool = False,
    ) -> list[ExportResult]:
        """Write one package per assessment into ``out_dir``, signed by an unlocked signer.

        The GUI unlocks the signing key once per session and keeps the signer; the passphrase
        itself is not kept. Personal data is sealed to oneself, the supervisor, the team and
        the assessment's authors whose keys are known, and with ``forward`` to pusat too
        (packages/team.py).
        """
        ids = list(assessment_ids)
        certificates = self.keys.certificates() if self.keys.has_signing_key() else []
        results = []
        for number, assessment_id in enumerate(ids, start=1):
            results.append(
                export_assessment(
                    self.workspace,
                    assessment_id,
                    out_dir,
                    signer,
                    recipients=export_recipients(
                        self.workspace, self.keys, assessment_id, forward=forward
                    ),
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
        receiving: X25519PrivateKey | None = None,
    ) -> Receipt:
        """Import one package (raises ImportRefused with the reasons).

        ``receiving``: the receiving key, already unlocked this session (else ``passphrase``).
        """
        return import_package(
            self.workspace,
            path,
            self.keys,
            passphrase=passphrase,
            trust_signer=trust_signer,
            max_bytes=self.max_bytes,
            placed=placed,
            receiving=receiving,
        )

    def sealed_for_me(self, paths: Iterable[Path]) -> bool:
        """Return True when one of the packages holds personal data sealed to this user's key.

        Only then is the passphrase worth asking for. Reads each manifest and checks its
        signature (not its members); a package that cannot be read says no here, and is
        refused by its import with the reason.
        """
        from ombud_desktop.packages.personal import sealed_to
        from ombud_desktop.packages.reader import PackageReader

        if not self.keys.has_receiving_key():
            return False
        mine = self.keys.receiving_key_info().fingerprint
        for path in paths:
            try:
                with PackageReader(path, max_bytes=self.max_bytes) as reader:
                    manifest = reader.verify(members=False).manifest
                listed = sealed_to(manifest.data) if manifest is not None else None
            except Exception:  # a broken file is refused by its import, with the reason
                continue
            if listed and mine in listed:
                return True
        return False


    def waiting_personal(self) -> list[dict[str, Any]]:
        """Return the personal data kept sealed for this user's receiving key, not yet opened."""
        if not self.keys.has_receiving_key():
            return []
        return sealed.waiting(self.workspace, self.keys.receiving_key_info().fingerprint)

    def reopen_personal(
        self, passphrase: str | None = None, *, receiving: X25519PrivateKey | None = None
    ) -> list[sealed.Reopened]:
        """Open the personal data kept sealed for this user's key and apply it (each whole).

        Raises KeyError_ for a missing receiving key or a wrong passphrase; returns what
        each kept package's personal data did (imported, or refused with the reason).
        """
        if receiving is None:
            if passphrase is None:
                raise KeyError_(
                    "a passphrase is needed to open the personal data",
                    code="passphrase_needed",
                    hint="Give the passphrase of your receiving key.",
                )
            receiving = self.keys.receiving_key(passphrase)
        return sealed.reopen(self.workspace, receiving)


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
                # A sync tool's dot-folders (.stversions, .trash) hold old or deleted copies.
                hidden = any(p.startswith(".") for p in item.relative_to(path).parts[:-1])
                if not hidden and not _is_folder(item):
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
