"""Import a verified package into a workspace: one transaction, all or nothing.

The package is verified completely (signature, trust, every member's hash) before anything is
read for import; each member is hashed again as it is read. The change records are merged
without losing any (``ombud_desktop.merge.apply``); evidence files are placed in the store; the
receipt says per assessment what happened. A refused or failing import leaves the workspace as
it was: the database transaction is rolled back and evidence files it placed are removed.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from ombud_desktop import strict_json
from ombud_desktop.errors import InstrumentError, OmbudError
from ombud_desktop.files import atomic_output, is_disk_full
from ombud_desktop.instruments import parse_instrument_document
from ombud_desktop.merge.apply import describe_conflicts, merge_changes, node_of
from ombud_desktop.merge.plan import MergePlan, plan_merge
from ombud_desktop.packages import authority, envelope, personal
from ombud_desktop.packages import records as entity_records
from ombud_desktop.packages.admission import (
    CellRules,
    Refusal,
    check_change,
    link_problem,
    parse_time,
    respondent_kinds,
)
from ombud_desktop.packages.carried import evidence_problems, instrument_problems
from ombud_desktop.packages.format import (
    ASSESSMENT_FORMAT,
    DEFAULT_MAX_PACKAGE_BYTES,
    ENVELOPE_FROM_VERSION,
    PackageError,
    Problem,
    assessment_member,
    instrument_member,
    personal_member,
)
from ombud_desktop.packages.keys import KeyError_, KeyStore, unb64
from ombud_desktop.packages.reader import PackageReader, VerifyReport
from ombud_desktop.packages.registered import entity_problem, period_problem, unmatched_name
from ombud_desktop.scoring.duplicates import Standing, standings
from ombud_desktop.storage import imports as store
from ombud_desktop.storage import locus_state as duplicates_store
from ombud_desktop.storage import purge as purge_store
from ombud_desktop.storage import sealed as sealed_store
from ombud_desktop.storage.changes import PERSONAL_FIELDS, TARGETS, Change, value_key
from ombud_desktop.storage.workspace import Workspace, storage_errors

CHANGE_KEYS = ("id", "target", "row_id", "field", "author", "device_id", "at")
_FIELDS = {target: spec[2] for target, spec in TARGETS.items()}


# What a package that added nothing to an assessment says of it.
NOTHING_NEW = frozenset({"already_present", "older"})
MAX_HELD = 100_000  # changes held for one approved assessment that a package may carry


@dataclass
class AssessmentReceipt:
    """What one import did to one assessment."""

    assessment_id: str
    entity: str
    locus: str
    period: str
    # "new", "already_present", "older" (every change here already, and newer ones too),
    # "updated", "conflicts", "pending"
    status: str
    added: int = 0
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    personal_data: str = "none"  # imported, withheld, locked, other_recipient, none
    # Changes held because the assessment here is approved: kept, not applied (not scored).
    pending: int = 0
    # Another assessment of the same locus and period, standing beside this one: neither is
    # counted until the supervisor keeps one (``ombud duplicates keep``).
    duplicate_of: str | None = None
    # Personal values removed (change log, held changes) because the period is purged here.
    purged: int = 0

    def to_json(self) -> dict[str, Any]:
        """Return the receipt entry as JSON data."""
        return {
            "assessment_id": self.assessment_id,
            "entity": self.entity,
            "locus": self.locus,
            "period": self.period,
            "status": self.status,
            "added": self.added,
            "conflicts": self.conflicts,
            "personal_data": self.personal_data,
            "pending": self.pending,
            "duplicate_of": self.duplicate_of,
            "purged": self.purged,
        }


@dataclass
class Receipt:
    """The result of importing one package."""

    path: Path
    package_id: str
    signer_name: str
    signer_fingerprint: str
    assessments: list[AssessmentReceipt]
    newly_trusted: bool = False
    earlier_imports: list[dict[str, Any]] = field(default_factory=list)
    # What the sender calls itself, when it is not the name this workspace trusts it under.
    signer_claimed_name: str | None = None
    # Supervisor records (corrections, withdrawals, plans) new here.
    records_added: int = 0

    @property
    def nothing_new(self) -> bool:
        """Return True when the package added nothing (it was imported before, or is older)."""
        return not self.records_added and all(a.status in NOTHING_NEW for a in self.assessments)

    def to_json(self) -> dict[str, Any]:
        """Return the receipt as JSON data (``ombud import --json``)."""
        return {
            "path": str(self.path),
            "package_id": self.package_id,
            "signer": {
                "name": self.signer_name,
                "claimed_name": self.signer_claimed_name,
                "fingerprint": self.signer_fingerprint,
            },
            "nothing_new": self.nothing_new,
            "newly_trusted": self.newly_trusted,
            "earlier_imports": self.earlier_imports,
            "assessments": [a.to_json() for a in self.assessments],
            "records_added": self.records_added,
        }


class ImportRefused(PackageError):
    """The package was refused; ``problems`` lists why. Nothing was changed."""

    code = "import_refused"


@dataclass
class _Incoming:
    """One assessment of the package, parsed and checked, ready to merge.

    What can be checked without the workspace is checked as the package is read (on another
    process during a merge, ``_read_ahead``): the records, their digests, the batches and the
    value of every change as if nothing of the assessment were here. The import uses those
    findings where that holds, and checks again where it does not.
    """

    entry: dict[str, Any]
    document: dict[str, Any]
    changes: list[Change]
    personal: str
    sealed: personal.Sealed | None = None  # personal data locked: kept to open later
    records: list[dict[str, Any]] = field(default_factory=list)  # the changes as records
    digests: list[str] = field(default_factory=list)  # what a batch lists for each record
    # authority.read_batches, or None when not read yet.
    batches: list[tuple[int, Any, Problem | None]] | Problem | None = None
    # The first change that breaks a rule of the instrument ``checked_with`` (None: none
    # does), asked with no respondent and no row of the workspace known; "" when not asked.
    checked_with: str = ""
    refusal: Refusal | None = None
    # The links of the changes checked with no change of the workspace known (set: checked).
    links_alone: tuple[Refusal | None] | None = None
    # The merge planned as if the assessment were new here (its changes but the held ones,
    # every locus id alike, as each maps onto the one locus here); None when not planned.
    plan_alone: MergePlan | None = None
    # Read ahead on a reading process: the changes were sent once, as their records (each
    # change's to_json, in order), and are made again from them (``changes_from_records``).
    sent_as_records: bool = False

    def changes_from_records(self) -> None:
        """Make the changes again from their records, when they were sent as records only."""
        if self.sent_as_records:
            assessment_id = self.document["assessment_id"]
            self.changes = [Change.from_json(assessment_id, r) for r in self.records]
            self.sent_as_records = False


def verify_package(
    path: str | Path, keys: KeyStore, *, max_bytes: int = DEFAULT_MAX_PACKAGE_BYTES
) -> VerifyReport:
    """Verify one package against ``keys``' trusted signers; return the report."""
    with PackageReader(
        path, trusted=keys.is_trusted, max_bytes=max_bytes, identify=authority.identify(keys)
    ) as reader:
        return reader.verify()


@dataclass
class OpenedPackage:
    """A package verified and parsed, its file still open, ready to be applied."""

    path: Path
    reader: PackageReader
    report: VerifyReport
    accept_untrusted: bool
    incoming: list[_Incoming] | None  # None: already imported whole, not parsed

    def close(self) -> None:
        """Close the package file."""
        self.reader.close()


def open_package(
    path: str | Path,
    keys: KeyStore,
    *,
    receiving: X25519PrivateKey | None = None,
    trust_signer: str | None = None,
    max_bytes: int = DEFAULT_MAX_PACKAGE_BYTES,
    imported: Callable[[str, str], bool] | None = None,
) -> OpenedPackage:
    """Verify a package and parse its assessments (no database: safe on another thread).

    Raises ImportRefused. ``imported(package_id, signer_fingerprint)`` may say the package
    was imported whole before: then only its manifest and signature are checked and nothing
    is parsed (``incoming`` is None). The caller closes the result.
    """
    path = Path(path)
    reader = PackageReader(
        path, trusted=keys.is_trusted, max_bytes=max_bytes, identify=authority.identify(keys)
    )
    try:
        if imported is not None:
            # Already imported whole from this signer: the signed manifest says so, and as
            # nothing will be read from the members, they need not be hashed again.
            first = reader.verify(members=False)
            manifest = first.manifest
            if (
                first.ok
                and manifest is not None
                and imported(manifest.package_id, first.signer_fingerprint or "")
            ):
                return OpenedPackage(path, reader, first, False, None)
        report = reader.verify()
        accept_untrusted = (
            report.only_untrusted
            and trust_signer is not None
            and trust_signer.lower() == report.signer_fingerprint
        )
        if not report.ok and not accept_untrusted:
            raise _refused(path, report.problems)
        assert report.manifest is not None
        manifest = report.manifest
        incoming = [
            _read_assessment(reader, manifest.data, e, keys, receiving)
            for e in manifest.assessments
        ]
        for item in incoming:
            _check_alone(reader, manifest.data, item)
        # What the package carries is checked as if it were added here (packages/carried.py).
        problems = evidence_problems(
            reader, manifest.members, (c for i in incoming for c in i.changes)
        )
        if problems:
            raise _refused(path, problems)
    except BaseException:
        reader.close()
        raise
    return OpenedPackage(path, reader, report, accept_untrusted, incoming)


# -- reading ahead on other processes (a merge of many packages) ----------------------------


@dataclass(frozen=True)
class ReadingSetup:
    """What a reading process needs to open packages as ``open_package`` does."""

    keys_folder: str
    receiving: bytes | None  # the unlocked receiving key (raw), to open personal data
    trust_signer: str | None
    max_bytes: int
    imported: frozenset[tuple[str, str]]  # (package id, signer) imported whole before


_READING: tuple[ReadingSetup, KeyStore, X25519PrivateKey | None] | None = None

# A reading process gives way to the merging process, which writes what is read and is the one
# a merge waits for (the readers run ahead of it): with two readers and the writer on two
# cores, a national merge took 44-46 s instead of 48-51 s (issue 19, benchmarks/README.md).
READER_NICENESS = 10


def receiving_bytes(key: X25519PrivateKey) -> bytes:
    """Return an unlocked receiving key as the raw bytes a reading process is started with."""
    return key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def start_reading(setup: ReadingSetup) -> None:
    """Prepare this (reading) process to open packages with ``read_ahead``."""
    global _READING
    receiving = (
        X25519PrivateKey.from_private_bytes(setup.receiving) if setup.receiving else None
    )
    _READING = (setup, KeyStore(setup.keys_folder), receiving)
    with contextlib.suppress(AttributeError, OSError):  # no os.nice on Windows
        os.nice(READER_NICENESS)


def read_ahead(path: Path) -> OpenedPackage:
    """Open (verify, parse, check alone) one package on a reading process; closed after.

    The merging process gets the package back whole, with its file closed: what it reads of
    the file later is opened again and hashed against the verified manifest as it is read.
    """
    if _READING is None:
        raise PackageError("the reading process was not started", code="package_failed")
    setup, keys, receiving = _READING
    try:
        opened = open_package(
            path,
            keys,
            receiving=receiving,
            trust_signer=setup.trust_signer,
            max_bytes=setup.max_bytes,
            imported=lambda package_id, signer: (package_id, signer) in setup.imported,
        )
    except KeyError_ as exc:  # a key file changed while the package was read
        raise PackageError(exc.message, code=exc.code, hint=exc.hint) from None
    opened.close()
    # What travels back is unpickled by the merging process, whose time the merge waits on:
    # what was parsed into what the import uses is not sent twice (the JSON members kept by
    # the reader; the documents' change lists, now the items' changes and records). Anything
    # read later is read from the file again, strictly, hashed against the manifest.
    opened.reader.forget_json(keep=lambda _name: False)
    # The changes travel once, as their records (both were 55-60 kB a package; unpickling the
    # changes took 0.9 ms a package, making them again from the records 0.6 ms).
    for item in opened.incoming or ():
        item.document = {
            key: value
            for key, value in item.document.items()
            if key not in ("changes", "held_changes")
        }
        item.changes, item.sent_as_records = [], True
    return opened


def apply_package(
    workspace: Workspace,
    opened: OpenedPackage,
    keys: KeyStore,
    *,
    placed: list[Path] | None = None,
) -> Receipt:
    """Merge an opened package into the workspace in one transaction; return the receipt."""
    report, path = opened.report, opened.path
    manifest = report.manifest
    assert manifest is not None
    signer = report.signer_fingerprint or ""
    earlier = store.imports_of(workspace, manifest.package_id, signer)
    if earlier and not any(e["locked"] for e in earlier):
        # Imported whole before, and the log never loses a change: nothing can be new.
        return _already_imported(workspace, path, report, earlier)
    if opened.incoming is None:
        raise PackageError(f"{path.name} was not read", code="not_read")
    for item in opened.incoming:
        item.changes_from_records()
    instrument_hash = manifest.data["instrument"]["hash"]
    receipts, records_added = _apply(
        workspace, opened.reader, path, report, instrument_hash, opened.incoming, placed, keys
    )
    if opened.accept_untrusted:
        keys.trust(unb64(manifest.signer_key, what="signer key"), report.signer_name or "")
    return Receipt(
        path=path,
        package_id=manifest.package_id,
        signer_name=report.signer_name or "",
        signer_fingerprint=signer,
        assessments=receipts,
        newly_trusted=opened.accept_untrusted,
        earlier_imports=[{k: e[k] for k in ("file_name", "imported_at")} for e in earlier],
        signer_claimed_name=report.signer_claimed_name,
        records_added=records_added,
    )


def import_package(
    workspace: Workspace,
    path: str | Path,
    keys: KeyStore,
    *,
    passphrase: str | None = None,
    trust_signer: str | None = None,
    max_bytes: int = DEFAULT_MAX_PACKAGE_BYTES,
    placed: list[Path] | None = None,
    receiving: X25519PrivateKey | None = None,
) -> Receipt:
    """Verify and import one package; return the receipt or raise ImportRefused.

    ``trust_signer``: the signer's full fingerprint, given after the user has seen it, to
    accept a package from a key not yet trusted (it is trusted from then on). ``passphrase``
    (or the already unlocked ``receiving`` key) opens encrypted personal data; without it the
    rest is imported and the receipt says the personal data is locked (importing again with
    it adds them). ``placed`` collects the evidence files the import created (for a caller
    that commits several imports together and must remove them if that commit fails).
    """
    if receiving is None:
        receiving = unlock_receiving_key(keys, passphrase)
    opened = open_package(
        path,
        keys,
        receiving=receiving,
        trust_signer=trust_signer,
        max_bytes=max_bytes,
        imported=lambda package_id, signer: store.was_imported(workspace, package_id, signer),
    )
    try:
        return apply_package(workspace, opened, keys, placed=placed)
    finally:
        opened.close()


def _already_imported(
    workspace: Workspace, path: Path, report: VerifyReport, earlier: list[dict[str, Any]]
) -> Receipt:
    manifest = report.manifest
    assert manifest is not None
    documents = {a["assessment_id"]: a for e in earlier for a in e["receipt"]}
    return Receipt(
        path=path,
        package_id=manifest.package_id,
        signer_name=report.signer_name or "",
        signer_fingerprint=report.signer_fingerprint or "",
        assessments=[
            AssessmentReceipt(
                assessment_id=entry["id"],
                entity=documents.get(entry["id"], {}).get("entity", ""),
                locus=documents.get(entry["id"], {}).get("locus", ""),
                period=documents.get(entry["id"], {}).get("period", ""),
                status=_unchanged_status(workspace, entry["id"], entry, None),
                personal_data=documents.get(entry["id"], {}).get("personal_data", "none"),
            )
            for entry in manifest.assessments
        ],
        earlier_imports=[{k: e[k] for k in ("file_name", "imported_at")} for e in earlier],
    )


def _refused(path: Path, problems: list[Problem], hint: str = "") -> ImportRefused:
    first = problems[0]
    hints = {
        "signer_untrusted": "Compare the fingerprint with the assessor (read it aloud), then "
        "trust the key in Pengaturan › Kunci or import with --trust-signer FINGERPRINT.",
        "format_version_unknown": "Update Ombud Desktop to import this package.",
        "not_found": "Check the file name and folder.",
        "unreadable": "Check that the file can be read (permissions, a removed USB stick).",
        "package_too_large": "Raise the size limit (--max-size) if you expect packages this large.",
    }
    return ImportRefused(
        f"{path.name} was refused: {first.message}",
        code=first.code,
        hint=hint
        or hints.get(
            first.code,
            "Ask the assessor to export the package again and send a "
            "new copy. Nothing was imported.",
        ),
        problems=[p.to_json() for p in problems],
    )


def unlock_receiving_key(keys: KeyStore, passphrase: str | None) -> X25519PrivateKey | None:
    """Return the receiving key unlocked with ``passphrase``, or None without one."""
    if passphrase is None or not keys.has_receiving_key():
        return None
    return keys.receiving_key(passphrase)


def _read_json(reader: PackageReader, name: str) -> Any:
    try:
        return reader.read_json(name)
    except strict_json.JSONRefused as exc:
        raise _refused(reader.path, [Problem(exc.code, exc.message, name)]) from None


def _read_assessment(
    reader: PackageReader,
    manifest: dict[str, Any],
    entry: dict[str, Any],
    keys: KeyStore,
    receiving: X25519PrivateKey | None,
) -> _Incoming:
    assessment_id = entry["id"]
    name = assessment_member(assessment_id)
    if reader.declared(name) is None:
        raise _refused(
            reader.path, [Problem("member_missing", f"{name} is not in the package", name)]
        )
    document = _read_json(reader, name)
    problems = _document_problems(document, assessment_id, manifest, name)
    if problems:
        raise _refused(reader.path, problems)
    changes = [Change.from_json(assessment_id, c) for c in document["changes"]]
    # Changes the sender holds for the approved assessment (not in its log): checked and
    # vouched for like the others, held here too (see _merge_assessment).
    changes += [Change.from_json(assessment_id, c) for c in document.get("held_changes", [])]
    personal = entry.get("personal_data", "none")
    kept = None
    if personal == "encrypted":
        personal, opened, kept = _open_personal(reader, manifest, assessment_id, keys, receiving)
        changes.extend(opened)
    return _Incoming(entry, document, changes, personal, kept)


# Instruments read from packages, by the SHA-256 of their member: the same 110 kB instrument
# comes in every package of a national merge, and a reading process parses it once.
_RULES: dict[str, tuple[str, CellRules]] = {}
_RULES_MAX = 16
_RULES_HERE: dict[str, CellRules] = {}  # by content hash, for the workspace's instruments


def _check_alone(reader: PackageReader, manifest: dict[str, Any], item: _Incoming) -> None:
    """Check what needs no workspace of one assessment, and keep the findings on ``item``."""
    item.records = [change.to_json() for change in item.changes]
    item.digests = [authority.batch_digest(record) for record in item.records]
    item.links_alone = (link_problem(item.records, {}),)
    if item.links_alone[0] is None:  # links that stand (no cycle): a plan can be made
        item.plan_alone = _plan_alone(item)
    signed_at = parse_time(manifest.get("created_at"))
    if signed_at is None:
        return  # refused when applied
    assessment_id = item.document["assessment_id"]
    if int(manifest.get("format_version", 0)) >= 2:
        item.batches = authority.read_batches(
            reader, assessment_id, int(manifest["format_version"]), signed_at
        )
    rules = _carried_rules(reader, str(manifest["instrument"]["hash"]))
    if rules is None:
        return
    kinds = respondent_kinds(item.records, {})
    for record in item.records:
        refusal = check_change(
            record,
            assessment_id=assessment_id,
            rules=rules,
            signed_at=signed_at,
            respondents=kinds,
            foreign_rows={},
        )
        if refusal is not None:
            item.refusal = refusal
            break
    item.checked_with = rules.instrument.content_hash


_LOCUS_ALIKE = value_key(None)


def _plan_alone(item: _Incoming) -> MergePlan:
    """Plan merging the assessment's changes (but the held ones) as if nothing were here.

    What ``_merge_assessment`` plans for an assessment new here, where every ``locus_id``
    value is mapped onto the one locus of this workspace: here they are all set alike too, so
    the plan is the same (a plan compares values only to tell agreeing heads apart).
    """
    held = set(item.document.get("held", []))
    nodes = []
    for change in item.changes:
        if change.id in held:
            continue
        node = node_of(change)
        if change.target == "assessment" and change.field == "locus_id":
            node = node._replace(value=_LOCUS_ALIKE)
        nodes.append(node)
    return plan_merge([], nodes)


def _rules_here(instrument: Any) -> CellRules:
    """Return the rules of an instrument of the workspace, made once per instrument's content
    (a merge applies thousands of packages of one instrument)."""
    known = _RULES_HERE.get(instrument.content_hash)
    if known is None:
        if len(_RULES_HERE) >= _RULES_MAX:
            _RULES_HERE.clear()
        known = _RULES_HERE[instrument.content_hash] = CellRules(instrument)
    return known


def _carried_rules(reader: PackageReader, instrument_hash: str) -> CellRules | None:
    """Return the rules of the instrument the package carries (None if it carries none)."""
    name = instrument_member(instrument_hash)
    member = reader.declared(name)
    if member is None:
        return None
    known = _RULES.get(member.sha256)
    if known is not None and known[0] == instrument_hash:
        return known[1]
    try:
        instrument = parse_instrument_document(reader.read_json(name), name=name)
    except (InstrumentError, strict_json.JSONRefused, PackageError):
        return None  # refused when applied, if the workspace needs this copy
    if instrument.content_hash != instrument_hash:
        return None
    if len(_RULES) >= _RULES_MAX:
        _RULES.clear()
    rules = _RULES[member.sha256] = (instrument_hash, CellRules(instrument))
    return rules[1]


def _document_problems(
    document: Any, assessment_id: str, manifest: dict[str, Any], name: str
) -> list[Problem]:
    def bad(message: str) -> list[Problem]:
        return [Problem("member_invalid", f"{name}: {message}", name)]

    if not isinstance(document, dict) or document.get("format") != ASSESSMENT_FORMAT:
        return bad("not an assessment document")
    if document.get("format_version") != manifest["format_version"]:
        return bad(f"unknown document version {document.get('format_version')!r}")
    if document.get("assessment_id") != assessment_id:
        return bad("it belongs to another assessment")
    if document.get("instrument_hash") != manifest["instrument"]["hash"]:
        return bad("its instrument is not the package's instrument")
    for key in ("entity", "locus"):
        if not isinstance(document.get(key), dict) or not document[key].get("name"):
            return bad(f"no {key}")
    if (problem := entity_problem(document, name)) is not None:
        return [problem]
    if not isinstance(document.get("changes"), list):
        return bad("no change list")
    held = document.get("held_changes", [])
    held_ids = document.get("held", [])
    if not isinstance(held, list) or not isinstance(held_ids, list):
        return bad("held changes that are not a list")
    if any(type(i) is not str for i in held_ids) or len(held_ids) > MAX_HELD:
        return bad("held change ids that are not a short list of ids")
    for record in [*document["changes"], *held]:
        problem = _change_problem(record)
        if problem:
            return bad(problem)
        if (record["target"], record["field"]) in PERSONAL_FIELDS:
            return bad("personal data in readable form")
    if not {r["id"] for r in held} <= set(held_ids):
        return bad("a held change the document does not list as held")
    if set(held_ids) & {r["id"] for r in document["changes"]}:
        return bad("a change both in the log and held")
    return []


def _change_problem(record: Any) -> str | None:
    if type(record) is not dict or any(type(record.get(k)) is not str for k in CHANGE_KEYS):
        return "a change record without id, cell, author, device or time"
    target, field_name = record["target"], record["field"]
    if field_name not in _FIELDS.get(target, ()):
        return (
            f"change {record['id']} refers to an unknown field {target}.{field_name} "
            "(made by a newer version of Ombud Desktop?)"
        )
    supersedes = record.get("supersedes")
    if supersedes is not None and type(supersedes) is not str:
        return f"change {record['id']} has a malformed predecessor"
    merges = record.get("merges")
    if merges is not None and (
        type(merges) is not list or any(type(m) is not str for m in merges)
    ):
        return f"change {record['id']} has a malformed list of resolved heads"
    return None


def _open_personal(
    reader: PackageReader,
    manifest: dict[str, Any],
    assessment_id: str,
    keys: KeyStore,
    receiving: X25519PrivateKey | None,
) -> tuple[str, list[Change], personal.Sealed | None]:
    """Open an assessment's personal data with this user's receiving key.

    Returns its status (``imported``, ``locked``, ``other_recipient``), the change records,
    and, when locked, what to keep so it can be opened later without the package file.
    """
    name = personal_member(assessment_id)
    mine = keys.receiving_key_info().fingerprint if keys.has_receiving_key() else None
    package_id = str(manifest["package_id"])
    version = int(manifest["format_version"])
    listed = personal.sealed_to(manifest)
    if listed is None:
        raise _refused(
            reader.path,
            [Problem("manifest_invalid", "personal_data names no valid list of recipients")],
        )
    if mine is None or mine not in listed:
        return "other_recipient", [], None
    if reader.declared(name) is None:
        raise _refused(
            reader.path, [Problem("member_missing", f"{name} is not in the package", name)]
        )
    data = reader.read_member(name)
    try:
        if version >= ENVELOPE_FROM_VERSION:
            doc = envelope.read(data)
            if envelope.recipients(doc) != listed:
                raise envelope.EnvelopeError(
                    "personal_data_invalid",
                    "the sealed personal data lists other recipients than the manifest",
                )
        sealed = personal.Sealed(package_id, assessment_id, version, listed, data)
        if receiving is None:
            return "locked", [], sealed
        return "imported", personal_changes(personal.open_sealed(sealed, receiving), sealed), None
    except envelope.EnvelopeError as exc:
        raise _refused(reader.path, [Problem(exc.code, exc.message, name)]) from None


def personal_changes(records: Any, sealed: personal.Sealed) -> list[Change]:
    """Return opened personal change records as changes, each checked; raise EnvelopeError."""
    if not isinstance(records, list):
        raise envelope.EnvelopeError("personal_data_invalid", "no list of changes")
    for record in records:
        problem = _change_problem(record)
        if problem is None and (record["target"], record["field"]) not in PERSONAL_FIELDS:
            problem = "a non-personal field in the personal data"
        if problem:
            raise envelope.EnvelopeError("personal_data_invalid", problem)
    return [Change.from_json(sealed.assessment_id, r) for r in records]


def _apply(
    workspace: Workspace,
    reader: PackageReader,
    path: Path,
    report: VerifyReport,
    instrument_hash: str,
    incoming: list[_Incoming],
    created: list[Path] | None,
    keys: KeyStore,
) -> tuple[list[AssessmentReceipt], int]:
    """Merge every assessment of the package in one transaction; count the records new here."""
    placed: list[Path] = []
    receipts: list[AssessmentReceipt] = []
    manifest = report.manifest
    assert manifest is not None
    kept_instrument = False
    records = entity_records.Incoming()
    try:
        with storage_errors(f"importing {path.name}"), workspace.db.atomic():
            if not store.has_instrument(workspace, instrument_hash):
                carried = _instrument(reader, instrument_hash)
                problems = instrument_problems(
                    workspace, carried, instrument_member(instrument_hash)
                )
                if problems:  # a doctored copy of an instrument known here
                    raise _refused(path, problems)
                workspace.keep_instrument(carried)
                kept_instrument = True
            rules = _rules_here(workspace.instrument(instrument_hash))
            signed_at = parse_time(manifest.data.get("created_at"))
            if signed_at is None:
                raise _refused(path, [Problem("manifest_invalid", "created_at is not a time")])
            custody = authority.Custody.open(workspace, reader, keys)
            arriving = store.ArrivingCustody(workspace)
            for item in incoming:
                _same_instrument(workspace, reader, item, instrument_hash)
                _registered(workspace, path, item, rules.instrument)
                known = _admit(workspace, path, item, rules, signed_at)
                if (problem := custody.admit(item, known)) is not None:  # who made it, may they
                    raise _refused(path, [problem])
                arriving.batch_of = custody.batch_of()
                who = (report.signer_fingerprint or "", report.signer_name or "")
                receipts.append(
                    _merge_assessment(workspace, reader, item, instrument_hash, who, arriving)
                )
                scale = workspace.instrument(instrument_hash).grade_scale
                problem = entity_records.admit_records(
                    workspace, reader, custody, item, scale, records
                )
                if problem is not None:  # corrections and plans, signed by a supervisor
                    raise _refused(path, [problem])
                _keep_personal(workspace, custody, item, path, who, manifest.package_id)
            _mark_duplicates(workspace, receipts)
            if any(r.status not in NOTHING_NEW for r in receipts) or records.records:
                placed = _place_evidence(workspace, reader, manifest.members)
                store.record_import(
                    workspace,
                    {
                        "id": arriving.import_id,
                        "package_id": manifest.package_id,
                        "file_name": path.name,
                        "signer_fingerprint": report.signer_fingerprint,
                        "signer_name": report.signer_name,
                        "package_created_at": manifest.data.get("created_at"),
                        "receipt": [r.to_json() for r in receipts],
                    },
                )
                custody.record(arriving.import_id, kept=arriving.kept)
                entity_records.keep_records(workspace, records)
            # A purge record that came, or personal data for a period purged here: removed now.
            ids = [r.assessment_id for r in receipts]
            for count in purge_store.purge_arrived(workspace, ids):
                for receipt in receipts:
                    if receipt.assessment_id == count.assessment_id:
                        receipt.purged = count.values + count.pending
    except BaseException:
        for placed_file in placed:
            with contextlib.suppress(OSError):
                placed_file.unlink()
        if kept_instrument:  # its row is rolled back: the cache must not keep it either
            workspace.forget_instrument(instrument_hash)
        raise
    if created is not None:
        created.extend(placed)  # the caller's commit may still fail: it removes them then
    return receipts, len(records.records)


def _keep_personal(
    workspace: Workspace,
    custody: authority.Custody,
    item: _Incoming,
    path: Path,
    who: tuple[str, str],
    package_id: str,
) -> None:
    """Keep locked personal data sealed, to open later; note what opened now."""
    if item.sealed is not None:
        personal.keep(
            workspace,
            custody,
            item,
            file_name=path.name,
            signer=who,
            signed_at=str(custody.manifest.get("created_at")),
        )
    elif item.personal == "imported":
        sealed_store.opened_elsewhere(workspace, package_id, item.document["assessment_id"])


def _instrument(reader: PackageReader, instrument_hash: str) -> Any:
    name = instrument_member(instrument_hash)
    if reader.declared(name) is None:
        raise _refused(
            reader.path,
            [
                Problem(
                    "member_missing",
                    "the package lacks its instrument, which this workspace does not have",
                    name,
                )
            ],
        )
    try:
        instrument = parse_instrument_document(_read_json(reader, name), name=name)
    except InstrumentError as exc:
        raise _refused(reader.path, [Problem("member_invalid", exc.message, name)]) from None
    if instrument.content_hash != instrument_hash:
        raise _refused(
            reader.path,
            [Problem("member_invalid", "the instrument's content does not match its hash", name)],
        )
    return instrument


def _admit(
    workspace: Workspace, path: Path, item: _Incoming, rules: CellRules, signed_at: Any
) -> set[str]:
    """Check every change of one assessment as if it were typed (packages/admission.py).

    Refuses the whole package, naming the assessment, the cell and the rule, when one change
    breaks a rule: its cell, its value, its time, its links, or a row of another assessment.
    """
    assessment_id = item.document["assessment_id"]
    records = item.records
    known_kinds = store.respondent_kinds(workspace, assessment_id)
    foreign: dict[tuple[str, str], str] = {}
    for target in ("respondent", "evidence", "review_comment"):
        ids = [r["row_id"] for r in records if r["target"] == target]
        for row_id, owner in store.row_owners(workspace, target, ids).items():
            foreign[(target, row_id)] = owner
    if not known_kinds and not foreign and item.checked_with == rules.instrument.content_hash:
        # Checked as the package was read, with the same instrument and nothing here that
        # the check would have asked about: the finding stands.
        if item.refusal is not None:
            raise _refused_change(path, item, item.refusal)
    else:
        kinds = respondent_kinds(records, known_kinds)
        for record in records:
            refusal = check_change(
                record,
                assessment_id=assessment_id,
                rules=rules,
                signed_at=signed_at,
                respondents=kinds,
                foreign_rows=foreign,
            )
            if refusal is not None:
                raise _refused_change(path, item, refusal)
    incoming_ids = [r["id"] for r in records]
    linked = {
        link
        for r in records
        for link in (r.get("supersedes"), *r.get("merges", []))
        if link
    }
    stored = store.changes_by_id(workspace, [*incoming_ids, *linked])
    for record in records:
        known = stored.get(record["id"])
        if known is not None and not _same_change(known, record, assessment_id):
            refusal = Refusal(
                "change_id_reused",
                "a change with this id is already here with other content",
                record["id"],
                f"{record['target']}.{record['row_id']}.{record['field']}",
            )
            raise _refused_change(path, item, refusal)
    if not stored and item.links_alone is not None:
        refusal = item.links_alone[0]  # checked as read, with the same (no) changes known
    else:
        cells = {cid: (c.target, c.row_id, c.field) for cid, c in stored.items()}
        refusal = link_problem(records, cells)
    if refusal is not None:
        raise _refused_change(path, item, refusal)
    return {change_id for change_id in incoming_ids if change_id in stored}


def _registered(workspace: Workspace, path: Path, item: _Incoming, instrument: Any) -> None:
    """Refuse a look-alike name nothing here knows, or a new assessment whose instrument does
    not declare its period and that carries no reason (packages/registered.py)."""
    document = item.document
    assessment_id = document["assessment_id"]
    member = assessment_member(assessment_id)
    problem = unmatched_name(workspace, document, member)
    if problem is None and store.assessment_instrument(workspace, assessment_id) is None:
        problem = period_problem(document, instrument, item.changes, member)
    if problem is not None:
        raise _refused(path, [problem])


def _reviewing(change: Change) -> bool:
    """Return True for a change of the review: a decision, a comment, a resolution, a closing.

    A closing of a review comment changes no score, so one never waits after approval: a
    supervisor's package often carries the closings made just before approving.
    """
    return (
        (
            change.target == "assessment"
            and change.field in ("review_status", "review_comment", "set_aside_for")
        )
        or change.target in ("review_comment", "comment_closing")
        or bool(change.merges)
    )


def _same_change(known: Change, record: dict[str, Any], assessment_id: str) -> bool:
    """Return True when a stored change is the one a package carries again under its id."""
    mine = known.to_json()
    if known.target == "assessment" and known.field == "locus_id":
        mine["value"] = record.get("value")  # mapped to this workspace's locus on import
    return known.assessment_id == assessment_id and mine == record


def _refused_change(path: Path, item: _Incoming, refusal: Refusal) -> ImportRefused:
    document = item.document
    where = f"{document['entity']['name']} / {document['locus']['name']}"
    problem = Problem(
        refusal.code,
        f"assessment {document['assessment_id']} ({where}): {refusal.words()}",
        assessment_member(document["assessment_id"]),
    )
    return _refused(path, [problem])


def _same_instrument(
    workspace: Workspace, reader: PackageReader, item: _Incoming, instrument_hash: str
) -> str | None:
    """Refuse an assessment kept here with another instrument; return the hash kept here."""
    document = item.document
    assessment_id = document["assessment_id"]
    here = store.assessment_instrument(workspace, assessment_id)
    if here is not None and here and here != instrument_hash:
        raise _refused(
            reader.path,
            [
                Problem(
                    "instrument_mismatch",
                    f"assessment {assessment_id[:8]} ({document['entity']['name']} / "
                    f"{document['locus']['name']}) was made with instrument {here[:12]}… here, but "
                    f"with {instrument_hash[:12]}… in the package",
                )
            ],
            hint="Both copies must use the same instrument version; nothing was imported.",
        )
    return here


def _merge_assessment(
    workspace: Workspace,
    reader: PackageReader,
    item: _Incoming,
    instrument_hash: str,
    signer: tuple[str, str] = ("", ""),
    custody: store.ArrivingCustody | None = None,
) -> AssessmentReceipt:
    document = item.document
    assessment_id = document["assessment_id"]
    here = _same_instrument(workspace, reader, item, instrument_hash)
    changes = _localised(workspace, document, item.changes)
    # Held at the sender (changes that arrived there after approval): held here too, after the
    # log they came with, unless this copy is not approved (then they are ordinary changes).
    held_there = set(document.get("held", []))
    later = [c for c in changes if c.id in held_there]
    changes = [c for c in changes if c.id not in held_there]
    held: list[Change] = []
    if here is not None:
        # Review decisions first: a package that returns the assessment reopens it for the
        # answers it carries; one that does not leaves an approved assessment approved.
        reviewing = [c for c in changes if _reviewing(c)]
        outcome = merge_changes(
            workspace, assessment_id, reviewing, known=True, custody=custody
        )
        answers = [c for c in changes if not _reviewing(c)]
        if store.is_approved(workspace, assessment_id):
            known_ids = store.known_change_ids(workspace, [c.id for c in answers])
            held = [c for c in answers if c.id not in known_ids]
            answers = [c for c in answers if c.id in known_ids]
        more = merge_changes(workspace, assessment_id, answers, known=True, custody=custody)
        outcome.added += more.added
        outcome.brought.update(more.brought)
    else:
        outcome = merge_changes(
            workspace, assessment_id, changes, known=False, custody=custody, plan=item.plan_alone
        )
    if later:
        known_ids = store.known_change_ids(workspace, [c.id for c in later])
        fresh = [c for c in later if c.id not in known_ids]
        if store.is_approved(workspace, assessment_id):
            held += fresh
        elif fresh:
            more = merge_changes(workspace, assessment_id, fresh, known=True, custody=custody)
            outcome.added += more.added
            outcome.brought.update(more.brought)
    pending = 0
    if held:
        pending = store.hold_pending(
            workspace,
            assessment_id,
            held,
            package_file=reader.path.name,
            signer_fingerprint=signer[0],
            signer_name=signer[1],
        )
    receipt = AssessmentReceipt(
        assessment_id=assessment_id,
        entity=document["entity"]["name"],
        locus=document["locus"]["name"],
        period=str(document.get("period") or ""),
        status="already_present",
        added=outcome.added,
        personal_data=item.personal,
        pending=pending,
    )
    if outcome.added:
        receipt.status = "new" if here is None else ("conflicts" if outcome.brought else "updated")
        receipt.conflicts = describe_conflicts(workspace, outcome.brought)
    elif pending:
        receipt.status = "pending"
    elif here is not None:
        receipt.status = _unchanged_status(
            workspace, assessment_id, item.entry, changes, item.personal
        )
    return receipt


def _mark_duplicates(workspace: Workspace, receipts: list[AssessmentReceipt]) -> None:
    """Name in each receipt another assessment of its locus and period standing beside it."""
    rows = duplicates_store.rows_beside(workspace, [r.assessment_id for r in receipts])
    if not rows:
        return
    found = standings(rows)
    for receipt in receipts:
        receipt.duplicate_of = found.get(receipt.assessment_id, Standing()).duplicate_of


def _unchanged_status(
    workspace: Workspace,
    assessment_id: str,
    entry: dict[str, Any],
    carried: list[Change] | None,
    personal: str = "none",
) -> str:
    """Word a package none of whose changes of an assessment are new here.

    Every change it carries is here. When this workspace also has changes of the assessment
    that the package lacks, the package is older than what is here (a re-delivered copy), not
    merely the same again. ``carried``: the changes read from the package (None when it was
    imported whole before and is not read again; then only the count its manifest declares
    is known, so it is older when more changes are here than it has at all). Personal changes
    count only when the package's personal data was read (``personal``), as a package whose
    personal data is withheld or locked lacks them without being older.
    """
    declared = entry.get("changes")
    if carried is None:  # counted, not read: a no-op merge asks this of every package
        count = store.change_count(workspace, assessment_id)
        return "older" if type(declared) is int and count > declared else "already_present"
    here = workspace.changes(assessment_id)
    if type(declared) is int and len(here) > declared:
        return "older"
    ids = {c.id for c in carried}
    with_personal = personal in ("imported", "none")
    newer = any(
        c.id not in ids and (with_personal or (c.target, c.field) not in PERSONAL_FIELDS)
        for c in here
    )
    return "older" if newer else "already_present"


def _localised(
    workspace: Workspace, document: dict[str, Any], changes: list[Change]
) -> list[Change]:
    """Map the package's entity, locus and period onto this workspace's own records."""
    entity, locus = document["entity"], document["locus"]
    entity_id = workspace.ensure_entity(
        str(entity.get("category", "")),
        str(entity["name"]),
        str(entity.get("province", "")),
        code=_text(entity.get("code")),
        preferred_id=_text(entity.get("id")),
    )
    locus_id = workspace.ensure_locus(
        entity_id, locus.get("type"), str(locus["name"]), preferred_id=_text(locus.get("id"))
    )
    period = str(document.get("period") or "")
    if period.isdigit():
        workspace.ensure_period(int(period))
    out = []
    for change in changes:
        if change.target == "assessment" and change.field == "locus_id":
            change = replace(change, value=locus_id)
        out.append(change)
    return out


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _place_evidence(workspace: Workspace, reader: PackageReader, members: list[Any]) -> list[Path]:
    """Copy the package's evidence files into the store; return the files newly created."""
    placed: list[Path] = []
    for member in members:
        if not member.path.startswith("evidence/"):
            continue
        target = workspace.evidence_dir / member.sha256[:2] / member.sha256
        if target.exists() and target.stat().st_size == member.size:
            continue
        try:
            with atomic_output(target) as stream:
                reader.copy_member(member.path, stream)
        except OSError as exc:
            for done in placed:
                with contextlib.suppress(OSError):
                    done.unlink()
            if is_disk_full(exc):
                raise PackageError(
                    f"importing {reader.path.name}: the disk is full",
                    code="disk_full",
                    hint="Free some space and import again; nothing was imported.",
                ) from None
            raise PackageError(
                f"importing {reader.path.name}: cannot store evidence ({exc.strerror or exc})",
                code="import_write_failed",
                hint="Check that the workspace folder is writable; nothing was imported.",
            ) from None
        placed.append(target)
    return placed


__all__ = [
    "AssessmentReceipt",
    "ImportRefused",
    "OmbudError",
    "Receipt",
    "import_package",
    "verify_package",
]
