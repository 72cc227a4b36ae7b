"""Supervisor records travelling in packages, each signed by its author (docs/package-format.md).

Every package of an assessment carries, in ``records/<assessment id>.json``, all the records
(corrections, withdrawals, plans, closes, purges, and the 2025 model's trust, secondary and
products inputs: domain/records.py) of the assessment's entity and period:

    signed = {id, kind, entity, period, at, author, content, author_key, signed_at}
    signature = Ed25519(author, RECORD_PURPOSE + rfc8785(signed))

A record made here is signed by the exporter when a package first carries it (as batches of
changes are); forwarding copies records untouched, so pusat checks the supervisor's own
signature. On import every record is checked as if typed, and a bad one refuses the package:
its form and values (points > 0 and at most 100, a cap grade of the instrument's scale, a
reason of sane length, a few well-formed plan slots, inputs as domain/entity_inputs.py checks
them, a source date not after signing), its signature, its times (not after
signing), its author's chain to a key trusted here and role (a supervisor of the entity's
province, or pusat), and its entity and period (the assessment's). A record already here adds
nothing; one whose id is here with other content is refused.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import rfc8785
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ombud_desktop import strict_json
from ombud_desktop.domain.entity_inputs import input_problem, parse_as_of
from ombud_desktop.domain.records import (
    CLOSE,
    CORRECTION,
    INPUT_KINDS,
    MAX_NAME,
    MAX_PLAN_SLOTS,
    MAX_REASON,
    MAX_TYPE,
    PLAN,
    PURGE,
    RECORD_KINDS,
    WITHDRAWAL,
    EntityRecord,
    same_name,
    tidy,
)
from ombud_desktop.instruments.model import GradeScale
from ombud_desktop.packages.admission import parse_time
from ombud_desktop.packages.authority import allowed
from ombud_desktop.packages.batches import signed_by
from ombud_desktop.packages.certificates import stamp
from ombud_desktop.packages.format import Problem
from ombud_desktop.packages.keys import fingerprint, short
from ombud_desktop.storage import records as store
from ombud_desktop.storage.workspace import Workspace, timestamp

RECORD_PURPOSE = b"ombud-desktop/entity-record/v1\x00"
RECORDS_FORMAT = "ombud-package-records"
MAX_RECORDS = 1000
_TOLERANCE = timedelta(minutes=10)  # clocks drift a little (as for batches)
_AS_OF_SLACK = timedelta(days=1)  # a date typed in Indonesia (UTC+7..+9) is ahead of UTC
_PERIOD = re.compile(r"^[0-9]{4}$")
_CORRECTION_KEYS = frozenset({"kind", "points", "cap_grade", "reason"})
_ENTITY_KEYS = frozenset({"id", "category", "name", "province", "code"})
_BODY_KEYS = frozenset(
    {"id", "kind", "entity", "period", "at", "author", "content", "author_key", "signed_at"}
)


class RecordError(ValueError):
    """A record is malformed; the message says which part."""


def records_member(assessment_id: str) -> str:
    """Return the member path of the supervisor records of an assessment's entity and period."""
    return f"records/{assessment_id}.json"


@dataclass(frozen=True)
class SignedRecord:
    """A record with its author's key and signature."""

    record: EntityRecord
    author_key: bytes
    signed_at: str
    signature: bytes = field(repr=False)

    @property
    def author(self) -> str:
        """Return the author key's fingerprint."""
        return fingerprint(self.author_key)

    def signed_body(self) -> dict[str, Any]:
        """Return what the author signs: the record, the author's key and the signing time."""
        return {
            **self.record.body(),
            "author_key": base64.b64encode(self.author_key).decode("ascii"),
            "signed_at": self.signed_at,
        }

    def signed_bytes(self) -> bytes:
        """Return the exact bytes the author signed."""
        return RECORD_PURPOSE + rfc8785.dumps(self.signed_body())

    def signature_valid(self) -> bool:
        """Return True when the author key signed exactly this record."""
        return signed_by(self.author_key, self.signature, self.signed_bytes())

    def to_json(self) -> dict[str, Any]:
        """Return the record as it travels."""
        return {
            "record": self.signed_body(),
            "signature": base64.b64encode(self.signature).decode("ascii"),
        }

    @classmethod
    def from_json(cls, doc: Any) -> SignedRecord:
        """Read a record, checking the form and range of every field (not its signature)."""
        if not isinstance(doc, dict) or set(doc) != {"record", "signature"}:
            raise RecordError("not a supervisor record")
        body = doc["record"]
        if not isinstance(body, dict) or set(body) != _BODY_KEYS:
            raise RecordError("its fields are wrong")
        if not _text(body["id"], 80):
            raise RecordError("it has no id")
        if body["kind"] not in RECORD_KINDS:
            raise RecordError(f"its kind is not one of {', '.join(RECORD_KINDS)}")
        entity = body["entity"]
        if (
            not isinstance(entity, dict)
            or not set(entity) <= _ENTITY_KEYS
            or not all(_text(entity.get(k), MAX_NAME) for k in ("category", "name"))
            or not isinstance(entity.get("province"), str)
            or len(entity["province"]) > MAX_NAME
            or not all(_text(entity[k], 80) for k in ("id", "code") if k in entity)
        ):
            raise RecordError("its entity is malformed")
        if not isinstance(body["period"], str) or not _PERIOD.match(body["period"]):
            raise RecordError("its period is not a year")
        at, signed_at = parse_time(body["at"]), parse_time(body["signed_at"])
        if at is None or signed_at is None:
            raise RecordError("its times are not UTC time stamps")
        if at > signed_at + _TOLERANCE:
            raise RecordError("it was made after it was signed")
        as_of = body["content"].get("as_of") if isinstance(body["content"], dict) else None
        if (
            body["kind"] in INPUT_KINDS
            and as_of is not None
            and (parse_as_of(as_of) or signed_at.date()) > (signed_at + _AS_OF_SLACK).date()
        ):
            raise RecordError("its date is after it was signed")
        if not _text(body["author"], MAX_NAME):
            raise RecordError("it names no author")
        _check_content(body["kind"], body["content"])
        try:
            author_key = base64.b64decode(str(body["author_key"]).encode("ascii"), validate=True)
            Ed25519PublicKey.from_public_bytes(author_key)
            signature = base64.b64decode(str(doc["signature"]).encode("ascii"), validate=True)
        except (ValueError, UnicodeEncodeError):
            raise RecordError("its key or signature is malformed") from None
        if len(signature) != 64:
            raise RecordError("its signature has the wrong length")
        record = EntityRecord(
            id=body["id"],
            kind=body["kind"],
            entity=entity,
            period=body["period"],
            at=body["at"],
            author=body["author"],
            content=body["content"],
        )
        return cls(record, author_key, body["signed_at"], signature)


def _text(value: Any, limit: int) -> bool:
    return isinstance(value, str) and 0 < len(value) <= limit and bool(value.strip())


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_reason(value: Any) -> None:
    if not isinstance(value, str) or not tidy(value) or len(value) > MAX_REASON:
        raise RecordError(f"its reason is empty or longer than {MAX_REASON} characters")


def _check_content(kind: str, content: Any) -> None:
    """Check a record's content as if it were typed (the cap's grade is checked on import)."""
    if kind == CORRECTION:
        if not isinstance(content, dict) or set(content) != _CORRECTION_KEYS:
            raise RecordError("its correction fields are wrong")
        points, cap = content["points"], content["cap_grade"]
        if content["kind"] == "points":
            if not _number(points) or not 0 < points <= 100 or cap is not None:
                raise RecordError("a points correction subtracts more than 0 and at most 100")
        elif content["kind"] == "cap":
            if not _number(points) or points != 0 or not _text(cap, 10):
                raise RecordError("a cap correction names one grade and no points")
        else:
            raise RecordError("a correction deducts points or caps the grade")
        _check_reason(content["reason"])
    elif kind == WITHDRAWAL:
        if not isinstance(content, dict) or set(content) != {"record", "reason"}:
            raise RecordError("its withdrawal fields are wrong")
        if not _text(content["record"], 80):
            raise RecordError("it names no record to withdraw")
        _check_reason(content["reason"])
    elif kind == PLAN:
        if not isinstance(content, dict) or set(content) != {"loci"}:
            raise RecordError("its plan fields are wrong")
        slots = content["loci"]
        if not isinstance(slots, list) or not 0 < len(slots) <= MAX_PLAN_SLOTS:
            raise RecordError(f"a plan has from 1 to {MAX_PLAN_SLOTS} loci")
        for slot in slots:
            if (
                not isinstance(slot, dict)
                or set(slot) != {"type", "name"}
                or (slot["type"] is None and slot["name"] is None)
                or not (slot["type"] is None or _text(slot["type"], MAX_TYPE))
                or not (slot["name"] is None or _text(slot["name"], MAX_NAME))
            ):
                raise RecordError("a locus of the plan is malformed")
    elif kind in (CLOSE, PURGE) and content != {}:
        raise RecordError(f"a {kind} record has no content")
    elif kind in INPUT_KINDS and (problem := input_problem(kind, content)) is not None:
        raise RecordError(problem)


def sign_record(author: Ed25519PrivateKey, record: EntityRecord, *, now: datetime) -> SignedRecord:
    """Sign one record with the author's key."""
    public = author.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    unsigned = SignedRecord(record, public, stamp(now), b"")
    return SignedRecord(record, public, unsigned.signed_at, author.sign(unsigned.signed_bytes()))


def _from_stored(stored: store.StoredRecord) -> SignedRecord:
    assert stored.author_key is not None
    assert stored.signature is not None
    return SignedRecord(
        stored.record,
        base64.b64decode(stored.author_key),
        str(stored.signed_at),
        base64.b64decode(stored.signature),
    )


def records_for_export(
    workspace: Workspace,
    entity_id: str,
    period: str,
    signer: Ed25519PrivateKey,
    now: datetime,
) -> list[SignedRecord]:
    """Return every record of the entity and period, signing (and keeping) those not signed."""
    kept = store.records_of(workspace, entity_id, str(period))
    loose = [s for s in kept if not s.signed]
    fresh = {s.record.id: sign_record(signer, s.record, now=now) for s in loose}
    if fresh:
        with workspace.db.atomic():
            for signed in fresh.values():
                store.keep_signature(
                    workspace,
                    signed.record.id,
                    author_key=base64.b64encode(signed.author_key).decode("ascii"),
                    author_fingerprint=signed.author,
                    signed_at=signed.signed_at,
                    signature=base64.b64encode(signed.signature).decode("ascii"),
                )
    return [fresh.get(s.record.id) or _from_stored(s) for s in kept]


def records_document(assessment_id: str, records: list[SignedRecord], version: int) -> dict:
    """Return the ``records/<assessment id>.json`` member's value."""
    return {
        "format": RECORDS_FORMAT,
        "format_version": version,
        "assessment_id": assessment_id,
        "records": [r.to_json() for r in records],
    }


# -- import ----------------------------------------------------------------------------------


def same_entity(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Return True when two entity descriptions name one entity (by code when both have one)."""
    if a.get("code") and b.get("code"):
        return a["code"] == b["code"]
    keys = ("category", "name", "province")
    return all(same_name(str(a.get(k) or ""), str(b.get(k) or "")) for k in keys)


@dataclass
class Incoming:
    """The records one package brings that are new here, ready to keep."""

    records: list[store.StoredRecord] = field(default_factory=list)


def admit_records(
    workspace: Workspace,
    reader: Any,
    custody: Any,  # packages.authority.Custody
    item: Any,  # importer._Incoming, merged already (its entity is known here)
    scale: GradeScale,
    incoming: Incoming,
) -> Problem | None:
    """Check the records carried for one assessment; add the new ones to ``incoming``."""
    document = item.document
    assessment_id = document["assessment_id"]
    name = records_member(assessment_id)
    if reader.declared(name) is None:
        return None  # a package made before records travelled, or of an entity without any
    try:
        doc = reader.read_json(name)
    except strict_json.JSONRefused as exc:
        return Problem(exc.code, exc.message, name)

    def bad(code: str, words: str) -> Problem:
        return Problem(code, f"{name}: {words}", name)

    if (
        not isinstance(doc, dict)
        or set(doc) != {"format", "format_version", "assessment_id", "records"}
        or doc["format"] != RECORDS_FORMAT
        or doc["format_version"] != custody.version
        or doc["assessment_id"] != assessment_id
        or not isinstance(doc["records"], list)
        or len(doc["records"]) > MAX_RECORDS
    ):
        return bad("record_invalid", "not the supervisor records of this assessment")
    row = workspace.assessment_row(assessment_id)
    entity_id, province = row["entity"]["id"], row["entity"]["province"] or None
    grades = [str(band.grade) for band in scale.bands]
    latest = custody.signed_at + _TOLERANCE
    carried: dict[str, SignedRecord] = {}
    for number, entry in enumerate(doc["records"], 1):
        try:
            signed = SignedRecord.from_json(entry)
        except RecordError as exc:
            return bad("record_invalid", f"record {number}: {exc}")
        record = signed.record
        what = f"record {number} ({record.kind} {record.id[:13]})"
        if not same_entity(record.entity, document["entity"]) or record.period != str(
            document.get("period") or ""
        ):
            return bad("record_invalid", f"{what} is of another entity or period")
        if parse_time(signed.signed_at) > latest:  # type: ignore[operator]
            return bad("record_invalid", f"{what} was signed after the package")
        cap = record.content.get("cap_grade") if record.kind == CORRECTION else None
        if cap is not None and cap not in grades:
            return bad("record_invalid", f"{what}: {cap!r} is not a grade ({', '.join(grades)})")
        if record.id in carried:
            return bad("record_invalid", f"{what} is carried twice")
        if not signed.signature_valid():
            return bad(
                "record_forged",
                f"{what} is not signed by the key it names as its author "
                f"({short(signed.author)})",
            )
        authority = custody.authority(signed.author_key, parse_time(signed.signed_at))
        if authority is None:
            return bad(
                "record_author_untrusted",
                f"{what} was signed by key {short(signed.author)}, which neither you trust "
                "nor a certificate chain to a key you trust vouches for",
            )
        if not allowed(authority, province, review=True):
            who = authority.name or short(authority.fingerprint)
            role = authority.role + (f" of {authority.province}" if authority.province else "")
            return bad(
                "record_not_allowed",
                f"{what} was made by {who} ({role}) for an entity of "
                f"{province or 'no province'}: only a supervisor of the entity's province "
                "(or pusat) may correct a result or plan its loci",
            )
        carried[record.id] = signed
    here = store.records_by_id(
        workspace,
        [*carried, *(s.record.content.get("record", "") for s in carried.values())],
    )
    pending = {r.record.id for r in incoming.records}
    for record_id, signed in carried.items():
        known = here.get(record_id)
        if known is not None:
            if known.record.body() != signed.record.body():
                return bad(
                    "record_id_reused",
                    f"record {record_id[:13]} is here already with other content",
                )
            continue
        if signed.record.kind == WITHDRAWAL:
            target = str(signed.record.content["record"])
            mine = here.get(target)
            found = carried.get(target) or (
                mine if mine is not None and mine.entity_id == entity_id else None
            )
            if found is None or found.record.kind != CORRECTION:
                return bad(
                    "record_invalid",
                    f"withdrawal {record_id[:13]} names no correction of this entity",
                )
        if signed.record.kind == PURGE and not (
            any(s.record.kind == CLOSE for s in carried.values())
            or store.has_kind(workspace, entity_id, signed.record.period, CLOSE)
        ):
            return bad(
                "record_invalid",
                f"purge {record_id[:13]} comes without the closing of its period",
            )
        if record_id in pending:
            continue
        pending.add(record_id)
        incoming.records.append(
            store.StoredRecord(
                signed.record,
                entity_id,
                "",
                timestamp(workspace.clock()),
                base64.b64encode(signed.author_key).decode("ascii"),
                signed.author,
                signed.signed_at,
                base64.b64encode(signed.signature).decode("ascii"),
            )
        )
    return None


def keep_records(workspace: Workspace, incoming: Incoming) -> int:
    """Store the admitted records (inside the import's transaction); return how many."""
    for stored in incoming.records:
        store.keep_record(workspace, stored)
    return len(incoming.records)
