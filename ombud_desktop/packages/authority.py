"""Who made each change of a package, and whether they were allowed to (issue 13).

A package of format version 2 carries, per assessment, the signed batches that cover its
changes (``batches/<assessment id>.json``) and in its manifest the certificates of every author
and of its signer. On import, before anything is written:

1. every batch is well formed, names the assessment, verifies under its author's key, and was
   not signed after the package; its author key chains (certificates carried or stored here)
   to a key this workspace trusts, or is trusted by its digits;
2. every change the package carries is listed in such a batch with the digest of the record as
   carried (personal-data changes once they are opened; withheld ones are not imported);
3. every change new here was allowed to its author: review fields, review comments and conflict
   resolutions need ``may_review`` for the entity's province, every other change
   ``may_answer``: so the assessors of the province may close a review comment (a
   ``comment_closing``: their fix is done), never write one. On an approved assessment every
   comment is closed already: a closing arriving then is kept and changes nothing.

A package of version 1 has no batches: its new changes are bound to the package's signer and
checked with the signer's authority. The name shown for anyone is the one this workspace knows
for the key (a certificate, or the name it was trusted under), never text from a change.

Exporting, this workspace signs into one batch per assessment the changes not yet in a batch
(its own, and those that came before batches existed: the exporter answers for them), stores
it, and carries every batch covering the changes it exports, untouched.
"""

from __future__ import annotations

import base64
import contextlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ombud_desktop import strict_json
from ombud_desktop.errors import OmbudError
from ombud_desktop.packages.admission import parse_time
from ombud_desktop.packages.batches import (
    BATCH_PURPOSE,
    Batch,
    BatchError,
    change_digest,
    sign_batch,
)
from ombud_desktop.packages.certificates import (
    ASSESSOR,
    NATIONAL,
    SUPERVISOR,
    Authority,
    Certificate,
    CertificateError,
    Root,
    authority_of,
    installed_revocations,
)
from ombud_desktop.packages.format import (
    BATCHES_FORMAT,
    Manifest,
    Problem,
    assessment_member,
    batches_member,
)
from ombud_desktop.packages.keys import KeyStore, fingerprint, short
from ombud_desktop.storage import custody as store
from ombud_desktop.storage.changes import PERSONAL_FIELDS, Change
from ombud_desktop.storage.imports import known_change_ids
from ombud_desktop.storage.workspace import Workspace

REVIEW_FIELDS = frozenset(
    {
        ("assessment", "review_status"),
        ("assessment", "review_comment"),
        ("assessment", "set_aside_for"),  # deciding which of two duplicates stands
    }
)
REVIEW_TARGETS = frozenset({"review_comment"})
MAX_CERTIFICATES = 1000
# A batch is signed when its package is made; a forwarded one earlier. Clocks drift a little.
SIGNING_TOLERANCE = timedelta(minutes=10)

_REVIEW_RULE = (
    "only a supervisor of the entity's province (or pusat) may approve or return an "
    "assessment, comment on its review, resolve a conflict or set a duplicate aside"
)
_ANSWER_RULE = "only an assessor or supervisor of the entity's province may change its answers"


def batch_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """Return the form of a change record a batch covers.

    An assessment's ``locus_id`` is mapped onto each workspace's own locus on import (the
    locus travels by name in the assessment document), so its value is not part of what the
    author signs: it would differ after forwarding. Neither are the values of personal fields
    (names, NIP, phone numbers): a batch travels readable, and a digest of a name can be tested
    against guesses. Those values travel only encrypted, their integrity kept by the encryption
    (AEAD) and the package signature: their sender vouches for them.
    """
    out = dict(record)
    if out.get("target") == "assessment" and out.get("field") == "locus_id":
        out["value"] = None
    if (out.get("target"), out.get("field")) in PERSONAL_FIELDS:
        out["value"] = None
    return out


def batch_digest(record: Mapping[str, Any]) -> str:
    """Return the digest a batch lists for a change record."""
    return change_digest(batch_record(record))


def is_review(record: Mapping[str, Any]) -> bool:
    """Return True for a change only a reviewer may make (decisions, comments, resolutions).

    Closing a comment (target ``comment_closing``) is not one: the assessor closes it.
    """
    return (
        record["target"] in REVIEW_TARGETS
        or (record["target"], record["field"]) in REVIEW_FIELDS
        or bool(record.get("merges"))
    )


def allowed(authority: Authority, province: str | None, *, review: bool) -> bool:
    """Return True when ``authority`` may make a (review) change in ``province``."""
    if authority.role == SUPERVISOR and not authority.chain and authority.province is None:
        return True  # trusted by its digits as a supervisor, without a province: any
    if review:
        return authority.may_review(province)
    return authority.may_answer(province)


# -- who is trusted --------------------------------------------------------------------------


def roots(keys: KeyStore) -> dict[str, Root]:
    """Return the keys this user trusts by their digits, with the role each was trusted as."""
    out: dict[str, Root] = {}
    for entry in keys.trusted():
        fp = str(entry.get("fingerprint", ""))
        role = entry.get("role") or ASSESSOR  # a key trusted before roles existed
        out[fp] = Root(fp, str(entry.get("name") or ""), str(role), entry.get("province"))
    if keys.has_signing_key():
        info = keys.signing_key_info()
        if keys.is_national():
            out[info.fingerprint] = Root(info.fingerprint, info.owner, NATIONAL)
        else:
            out.setdefault(info.fingerprint, Root(info.fingerprint, info.owner, ASSESSOR))
    return out


def parse_certificates(docs: Iterable[Any]) -> list[Certificate]:
    """Return the certificates among ``docs`` that are well formed (others are left out)."""
    out = []
    for doc in docs:
        with contextlib.suppress(CertificateError, ValueError, TypeError):
            out.append(Certificate.from_json(doc))
    return out


def own_certificates(keys: KeyStore) -> list[dict[str, Any]]:
    """Return this user's installed certificate chain as JSON data ([] when unreadable)."""
    try:
        return [doc for doc in keys.certificates() if isinstance(doc, dict)]
    except OmbudError:  # a damaged certificates file only means no chain
        return []


def identify(keys: KeyStore) -> Callable[[Manifest, str], str | None]:
    """Return the reader's hook: the trusted name of a package's signer, or None."""

    def name_of(manifest: Manifest, signer: str) -> str | None:
        data = manifest.data
        certificates = parse_certificates(_manifest_certificates(data) + own_certificates(keys))
        at = parse_time(data.get("created_at")) or datetime.now(UTC)
        try:
            key = base64.b64decode(manifest.signer_key, validate=True)
        except ValueError:
            return None
        revocations = installed_revocations(keys.revocations())
        authority = authority_of(key, certificates, roots(keys), at=at, revocations=revocations)
        return None if authority is None else authority.name

    return name_of


def _manifest_certificates(data: Mapping[str, Any]) -> list[Any]:
    found = data.get("certificates")
    return list(found) if isinstance(found, list) else []


def read_batches(
    reader: Any, assessment_id: str, version: int, signed_at: datetime
) -> list[tuple[int, Batch | None, Problem | None]] | Problem:
    """Read an assessment's signed batches and check what needs no workspace.

    Their form, assessment, time and each author's signature: done while the package is read
    (on a reading process during a merge). Returns (number, batch, problem) per batch in
    order, the first problem ending the list, or the problem of the member as a whole. Who
    the authors are, and what they may do, is asked of this workspace's keys later
    (``Custody.admit``).
    """
    name = batches_member(assessment_id)
    if reader.declared(name) is None:
        return Problem(
            "batches_missing",
            f"assessment {assessment_id}: the package carries no signed batches for its "
            "changes",
            assessment_member(assessment_id),
        )
    try:
        doc = reader.read_json(name)
    except strict_json.JSONRefused as exc:
        return Problem(exc.code, exc.message, name)
    if (
        not isinstance(doc, dict)
        or set(doc) != {"format", "format_version", "assessment_id", "batches"}
        or doc["format"] != BATCHES_FORMAT
        or doc["format_version"] != version
        or doc["assessment_id"] != assessment_id
        or not isinstance(doc["batches"], list)
    ):
        return Problem("batch_invalid", f"{name}: not the batches of this assessment", name)
    out: list[tuple[int, Batch | None, Problem | None]] = []
    latest = signed_at + SIGNING_TOLERANCE
    for number, entry in enumerate(doc["batches"], 1):
        try:
            batch = Batch.from_json(entry)
        except BatchError as exc:
            return [*out, (number, None, _bad(name, "batch_invalid", f"batch {number}: {exc}"))]
        when = parse_time(batch.signed_at)
        if batch.assessment_id != assessment_id or when is None or when > latest:
            problem = _bad(
                name, "batch_invalid", f"batch {number} is of another assessment or time"
            )
            return [*out, (number, batch, problem)]
        if not batch.signature_valid():
            problem = _bad(
                name,
                "batch_forged",
                f"batch {number} is not signed by the key it names as its author "
                f"({short(batch.author)})",
            )
            return [*out, (number, batch, problem)]
        batch.id  # noqa: B018 - its digest, made here once and carried with the batch
        out.append((number, batch, None))
    return out


def _bad(name: str, code: str, words: str) -> Problem:
    return Problem(code, f"{name}: {words}", name)


# -- import ----------------------------------------------------------------------------------


@dataclass
class Custody:
    """The custody checks of one package being imported, and the bindings they found."""

    workspace: Workspace
    reader: Any  # PackageReader
    manifest: dict[str, Any]
    signer_key: bytes
    keys: KeyStore
    problem: Problem | None = None
    certificates: list[Certificate] = field(default_factory=list)
    carried: list[Certificate] = field(default_factory=list)
    roots: dict[str, Root] = field(default_factory=dict)
    bindings: list[tuple[str, str | None, str | None, str]] = field(default_factory=list)
    batches: dict[str, Batch] = field(default_factory=dict)

    @classmethod
    def open(cls, workspace: Workspace, reader: Any, keys: KeyStore) -> Custody:
        """Gather what this package's checks need: roots, certificates carried and stored."""
        report = reader.report
        manifest = report.manifest.data
        custody = cls(
            workspace,
            reader,
            manifest,
            base64.b64decode(report.manifest.signer_key),
            keys,
            roots=roots(keys),
        )
        if not report.trusted:  # accepted by the user after comparing its digits: trusted now
            signer = report.signer_fingerprint or ""
            custody.roots.setdefault(signer, Root(signer, report.signer_name or "", ASSESSOR))
        docs = _manifest_certificates(manifest)
        if len(docs) > MAX_CERTIFICATES:
            custody.problem = Problem(
                "certificate_invalid",
                f"the manifest carries {len(docs)} certificates (limit {MAX_CERTIFICATES})",
            )
        for number, doc in enumerate(docs[:MAX_CERTIFICATES], 1):
            try:
                custody.carried.append(Certificate.from_json(doc, name=f"certificate {number}"))
            except CertificateError as exc:
                custody.problem = custody.problem or Problem(exc.code, exc.message)
        stored = []
        for text in store.certificate_documents(workspace):
            with contextlib.suppress(ValueError):
                stored.append(json.loads(text))
        custody.certificates = [
            *custody.carried,
            *parse_certificates(stored),
            *parse_certificates(own_certificates(keys)),
        ]
        return custody

    @property
    def version(self) -> int:
        """Return the package's format version."""
        return int(self.manifest["format_version"])

    @property
    def signed_at(self) -> datetime:
        """Return when the package was signed."""
        return parse_time(self.manifest.get("created_at")) or datetime.now(UTC)

    def authority(self, key: bytes, at: datetime) -> Authority | None:
        """Return what ``key`` may do here at ``at`` (None: no chain to a trusted key).

        Certificates on pusat's newest revocation list installed here count for nothing.
        """
        revocations = installed_revocations(self.keys.revocations())
        return authority_of(key, self.certificates, self.roots, at=at, revocations=revocations)

    def signer(self) -> Authority:
        """Return the package signer's authority (a key accepted by its digits: an assessor)."""
        found = self.authority(self.signer_key, self.signed_at)
        if found is not None:
            return found
        return Authority(fingerprint(self.signer_key), "", ASSESSOR, None)

    def admit(self, item: Any, known: set[str] | None = None) -> Problem | None:
        """Check who made each change of one assessment and that they were allowed to.

        ``known``: which of its changes are in the change log here, when already asked.
        """
        if self.problem is not None:
            return self.problem
        document = item.document
        assessment_id = document["assessment_id"]
        records = item.records
        if known is None:
            known = known_change_ids(self.workspace, [r["id"] for r in records])
        province = store.entity_province(self.workspace, assessment_id)
        if province is None:
            province = str(document["entity"].get("province") or "") or None
        if self.version < 2:
            return self._admit_signed_by_sender(item, records, known, province)
        authors, problem = self._batches(item)
        if problem is not None:
            return problem
        # change id -> (the digest a batch lists, that batch's id, author, authority), made
        # once per package and looked up per change. Not keyed by the Batch: hashing a frozen
        # batch hashes every change it lists, once per change (issue 19).
        listed: dict[str, list[tuple[str, str, str, Authority]]] = {}
        for batch, batch_authority in authors.items():
            entry = (batch.id, batch.author, batch_authority)
            for change_id, listed_digest in batch.changes:
                listed.setdefault(change_id, []).append((listed_digest, *entry))
        digests = item.digests or [batch_digest(record) for record in records]
        for record, digest in zip(records, digests, strict=True):
            found = [entry for entry in listed.get(record["id"], ()) if entry[0] == digest]
            if not found:
                words = (
                    "its content is not the content its author signed"
                    if record["id"] in listed
                    else "no batch signed by its author lists it"
                )
                return self._change_problem(
                    "change_unsigned", item, record, f"change {record['id']}: {words}"
                )
            _digest, batch_id, author, authority = found[0]
            self.bindings.append((record["id"], batch_id, author, store.BATCH))
            if record["id"] not in known and not allowed(
                authority, province, review=is_review(record)
            ):
                return self._not_allowed(item, record, authority, province)
        return None

    def _admit_signed_by_sender(
        self, item: Any, records: list[dict[str, Any]], known: set[str], province: str | None
    ) -> Problem | None:
        signer = self.signer()
        own = self.workspace.device_id
        for record in records:
            if record["id"] in known:
                continue
            if not allowed(signer, province, review=is_review(record)):
                return self._not_allowed(item, record, signer, province)
            if record["device_id"] != own:
                self.bindings.append((record["id"], None, signer.fingerprint, store.PACKAGE_SIGNER))
        return None

    def _batches(self, item: Any) -> tuple[dict[Batch, Authority], Problem | None]:
        read = item.batches
        if read is None:  # not read with the package (an older caller): read now
            read = read_batches(self.reader, item.document["assessment_id"], self.version,
                                self.signed_at)
        if isinstance(read, Problem):
            return {}, read
        authors: dict[Batch, Authority] = {}
        name = batches_member(item.document["assessment_id"])
        for number, batch, problem in read:
            if problem is not None or batch is None:  # in the batches' order, as checked
                return {}, problem
            authority = self.authority(batch.author_key, parse_time(batch.signed_at))
            if authority is None:
                return {}, Problem(
                    "batch_author_untrusted",
                    f"{name}: batch {number} was signed by key {short(batch.author)}, which "
                    "neither you trust nor a certificate chain to a key you trust vouches for",
                    name,
                )
            authors[batch] = authority
            self.batches[batch.id] = batch
        return authors, None

    def _change_problem(
        self, code: str, item: Any, record: Mapping[str, Any], words: str
    ) -> Problem:
        document = item.document
        where = f"{document['entity']['name']} / {document['locus']['name']}"
        cell = f"{record['target']}.{record['row_id']}.{record['field']}"
        return Problem(
            code,
            f"assessment {document['assessment_id']} ({where}), cell {cell}: {words}",
            assessment_member(document["assessment_id"]),
        )

    def _not_allowed(
        self,
        item: Any,
        record: Mapping[str, Any],
        authority: Authority,
        province: str | None,
    ) -> Problem:
        who = authority.name or short(authority.fingerprint)
        role = authority.role + (f" of {authority.province}" if authority.province else "")
        rule = _REVIEW_RULE if is_review(record) else _ANSWER_RULE
        return self._change_problem(
            "change_not_allowed",
            item,
            record,
            f"change {record['id']} was made by {who} (key {short(authority.fingerprint)}, "
            f"{role}) for an entity of {province or 'no province'}: {rule}",
        )

    def batch_of(self) -> dict[str, str]:
        """Return change id -> the batch that vouches for it, of the changes admitted so far."""
        found: dict[str, str] = {}
        for change_id, batch_id, _author, basis in self.bindings:
            if basis == store.BATCH and batch_id:
                found.setdefault(change_id, batch_id)
        return found

    def record(self, import_id: str, *, kept: Iterable[str] = ()) -> None:
        """Store the batches and certificates that vouched, and bind each change (in the tx).

        ``import_id``: the import logged for this package. ``kept``: changes appended with their
        batch in their own row (``storage.imports.ArrivingCustody``): not bound again here.
        """
        for batch in self.batches.values():
            store.keep_batch(self.workspace, batch_row(batch))
        store.keep_certificates(self.workspace, (certificate_row(c) for c in self.carried))
        skip = set(kept)
        store.bind(
            self.workspace, [b for b in self.bindings if b[0] not in skip], import_id
        )


def batch_row(batch: Batch) -> dict[str, Any]:
    """Return a batch as ``storage.custody`` keeps it."""
    return {
        "id": batch.id,
        "assessment_id": batch.assessment_id,
        "author_fingerprint": batch.author,
        "author_key": base64.b64encode(batch.author_key).decode("ascii"),
        "signed_at": batch.signed_at,
        "body": batch.signed_bytes()[len(BATCH_PURPOSE) :].decode("utf-8"),
        "signature": base64.b64encode(batch.signature).decode("ascii"),
    }


def batch_from_row(row: Mapping[str, Any]) -> Batch:
    """Return a stored batch."""
    return Batch.from_json({"batch": json.loads(row["body"]), "signature": row["signature"]})


def certificate_row(cert: Certificate) -> dict[str, Any]:
    """Return a certificate as ``storage.custody`` keeps it."""
    return {
        "serial": cert.serial,
        "subject_fingerprint": cert.subject,
        "subject_name": cert.subject_name,
        "issuer_fingerprint": cert.issuer,
        "role": cert.role,
        "province": cert.province,
        "not_before": cert.not_before,
        "not_after": cert.not_after,
        "document": json.dumps(cert.to_json(), ensure_ascii=False, sort_keys=True),
    }


# -- export ----------------------------------------------------------------------------------


def batches_for_export(
    workspace: Workspace,
    assessment_id: str,
    changes: list[Change],
    signer: Ed25519PrivateKey,
    now: datetime,
) -> list[Batch]:
    """Return every batch covering ``changes``, signing (and storing) one for those in none.

    The changes not yet in a batch here (made here, or arrived before batches existed or in a
    package of version 1) are signed by the exporter, once: the batch is stored and bound, so
    exporting again carries the same batch.
    """
    bound = store.custody_of(workspace, (c.id for c in changes))
    loose = [c for c in changes if not (bound.get(c.id) or {}).get("batch_id")]
    batch_ids = {b["batch_id"] for b in bound.values() if b.get("batch_id")}
    batches = [batch_from_row(row) for row in store.batch_rows(workspace, batch_ids)]
    if loose:
        fresh = sign_batch(
            signer, assessment_id, [batch_record(c.to_json()) for c in loose], now=now
        )
        with workspace.db.atomic():
            store.keep_batch(workspace, batch_row(fresh))
            store.bind(
                workspace,
                [(c.id, fresh.id, fresh.author, store.BATCH) for c in loose],
                None,
            )
        batches.append(fresh)
    return sorted(batches, key=lambda b: b.id)


def certificates_for_export(
    workspace: Workspace,
    keys_chain: Iterable[Mapping[str, Any]],
    batches: Iterable[Batch],
    signer_key: bytes,
) -> list[dict[str, Any]]:
    """Return the certificates of every author and of the signer, up their chains."""
    known: dict[str, list[Certificate]] = {}
    stored = []
    for text in store.certificate_documents(workspace):
        with contextlib.suppress(ValueError):
            stored.append(json.loads(text))
    for cert in parse_certificates([*keys_chain, *stored]):
        known.setdefault(cert.subject, []).append(cert)
    wanted = [fingerprint(signer_key), *(b.author for b in batches)]
    chosen: dict[str, Certificate] = {}
    seen: set[str] = set()
    while wanted:
        subject = wanted.pop()
        if subject in seen:
            continue
        seen.add(subject)
        for cert in known.get(subject, []):
            chosen[cert.serial] = cert
            wanted.append(cert.issuer)
    return [chosen[serial].to_json() for serial in sorted(chosen)]


def batches_document(assessment_id: str, batches: Iterable[Batch], version: int) -> dict[str, Any]:
    """Return the ``batches/<assessment id>.json`` member's value."""
    return {
        "format": BATCHES_FORMAT,
        "format_version": version,
        "assessment_id": assessment_id,
        "batches": [b.to_json() for b in batches],
    }
