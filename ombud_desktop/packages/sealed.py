"""Personal data read later: kept sealed when the key was locked, opened when it is there.

A package imported without the receiving key unlocked (no passphrase given, or skipped)
imports everything else; its sealed personal data is kept in the workspace as the package
carried it (ciphertext only), with what the import's custody checks found about the changes it
may hold: which signed batches list them, and whether their authors may answer. Once the key is
unlocked (``ombud personal unlock``, ``ombud import`` with the passphrase, the app after
unlocking), ``reopen`` opens each and applies it as if it had come with the import: every
record checked as if typed (packages/admission.py), listed in a batch whose author may answer,
merged (held as pending when the assessment is approved). One transaction per package and
assessment; one that does not open or breaks a rule is refused with its reason and changes
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from ombud_desktop.errors import OmbudError
from ombud_desktop.merge.apply import merge_changes
from ombud_desktop.packages import envelope
from ombud_desktop.packages.admission import CellRules, parse_time
from ombud_desktop.packages.authority import batch_digest
from ombud_desktop.packages.importer import _admit, _Incoming, personal_changes
from ombud_desktop.packages.keys import fingerprint
from ombud_desktop.packages.personal import Sealed, open_sealed
from ombud_desktop.storage import custody as custody_store
from ombud_desktop.storage import imports as store
from ombud_desktop.storage import sealed as sealed_store
from ombud_desktop.storage.changes import Change
from ombud_desktop.storage.workspace import Workspace, storage_errors


@dataclass
class Reopened:
    """What opening one kept package's personal data did."""

    package_id: str
    assessment_id: str
    entity: str
    locus: str
    file_name: str
    status: str  # "imported", "refused"
    added: int = 0
    pending: int = 0
    code: str = ""
    message: str = ""

    def to_json(self) -> dict[str, Any]:
        """Return the result as JSON data."""
        return dict(self.__dict__)


def waiting(workspace: Workspace, receiving_fingerprint: str | None = None) -> list[dict[str, Any]]:
    """Return the kept personal data still waiting (for one receiving key, if given).

    Only what identifies each (package, assessment, file, recipients): never its content.
    """
    rows = sealed_store.sealed_rows(workspace)
    return [
        {k: row[k] for k in ("package_id", "assessment_id", "file_name", "signer_name",
                             "recipients", "received_at")}
        for row in rows
        if receiving_fingerprint is None or receiving_fingerprint in row["recipients"]
    ]


def reopen(workspace: Workspace, receiving: X25519PrivateKey) -> list[Reopened]:
    """Open every kept personal data sealed to ``receiving`` and apply it; return what happened."""
    mine = fingerprint(receiving.public_key().public_bytes_raw())
    results = []
    for row in sealed_store.sealed_rows(workspace):
        if mine not in row["recipients"]:
            continue
        results.append(_reopen_one(workspace, row, receiving))
    return results


class _Refused(OmbudError):
    code = "personal_data_invalid"


def _reopen_one(workspace: Workspace, row: dict[str, Any], receiving: X25519PrivateKey) -> Reopened:
    assessment_id = row["assessment_id"]
    try:
        here = workspace.assessment_row(assessment_id)
    except OmbudError:
        here = {"entity": {"name": ""}, "locus": {"name": ""}, "instrument_hash": None}
    result = Reopened(
        row["package_id"],
        assessment_id,
        str(here["entity"].get("name") or ""),
        str(here["locus"].get("name") or ""),
        row["file_name"],
        "imported",
    )
    sealed = Sealed(
        row["package_id"], assessment_id, row["format_version"], row["recipients"], row["sealed"]
    )
    try:
        with storage_errors("opening kept personal data"), workspace.db.atomic():
            if here["instrument_hash"] is None:
                raise _Refused(
                    "the assessment is no longer in this workspace", code="assessment_not_found"
                )
            try:
                changes = personal_changes(open_sealed(sealed, receiving), sealed)
            except envelope.EnvelopeError as exc:
                raise _Refused(exc.message, code=exc.code) from None
            document = {**here, "assessment_id": assessment_id}
            item = _Incoming({"id": assessment_id}, document, changes, "imported")
            rules = CellRules(workspace.instrument(here["instrument_hash"]))
            signed_at = parse_time(row["signed_at"])
            if signed_at is None:
                raise _Refused("the package's time is not a time", code="personal_data_invalid")
            _admit(workspace, Path(row["file_name"]), item, rules, signed_at)
            bindings = _custody(workspace, row, changes)
            result.added, result.pending = _merge(workspace, row, changes)
            import_id = custody_store.latest_import_id(
                workspace, row["package_id"], row["signer_fingerprint"]
            )
            custody_store.bind(workspace, bindings, import_id)
            sealed_store.decide_sealed(workspace, row, sealed_store.OPENED)
    except OmbudError as exc:
        if exc.code in ("storage_error", "disk_full") or exc.code.startswith("workspace_"):
            raise
        problems = exc.data.get("problems") or []
        result.status, result.code = "refused", str(exc.code)
        result.message = str(problems[0]["message"]) if problems else exc.message
        with workspace.db.atomic():
            sealed_store.decide_sealed(workspace, row, sealed_store.REFUSED, result.code)
    return result


def _custody(
    workspace: Workspace, row: dict[str, Any], changes: list[Change]
) -> list[tuple[str, str | None, str | None, str]]:
    """Check each change against what the import's custody checks found; return bindings."""
    found = row["vouchers"]
    known = store.known_change_ids(workspace, [c.id for c in changes])
    bindings: list[tuple[str, str | None, str | None, str]] = []
    for change in changes:
        if "listed" not in found:  # version 1: bound to the package's signer
            if change.id not in known and not found.get("may_answer"):
                raise _Refused(
                    f"change {change.id}: the package's signer may not answer for this "
                    "assessment",
                    code="change_not_allowed",
                )
            if change.device_id != workspace.device_id:
                bindings.append(
                    (change.id, None, str(found.get("signer")), custody_store.PACKAGE_SIGNER)
                )
            continue
        digest = batch_digest(change.to_json())
        entries = [e for e in found["listed"].get(change.id, []) if e[0] == digest]
        if not entries:
            raise _Refused(
                f"change {change.id}: no batch signed by its author lists it",
                code="change_unsigned",
            )
        if change.id not in known and not any(e[3] for e in entries):
            raise _Refused(
                f"change {change.id}: its author may not answer for this assessment",
                code="change_not_allowed",
            )
        chosen = next((e for e in entries if e[3]), entries[0])
        bindings.append((change.id, chosen[1], chosen[2], custody_store.BATCH))
    return bindings


def _merge(workspace: Workspace, row: dict[str, Any], changes: list[Change]) -> tuple[int, int]:
    """Merge opened personal changes; held as pending when the assessment is approved here."""
    assessment_id = row["assessment_id"]
    if store.is_approved(workspace, assessment_id):
        known = store.known_change_ids(workspace, [c.id for c in changes])
        held = [c for c in changes if c.id not in known]
        pending = 0
        if held:
            pending = store.hold_pending(
                workspace,
                assessment_id,
                held,
                package_file=row["file_name"],
                signer_fingerprint=row["signer_fingerprint"],
                signer_name=row["signer_name"],
            )
        return 0, pending
    outcome = merge_changes(workspace, assessment_id, changes, known=True)
    return outcome.added, 0


__all__ = ["Reopened", "reopen", "waiting"]
