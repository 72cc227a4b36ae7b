"""Respondents' personal data in a package: to whom it is sealed, opening it, keeping it locked.

Version 3 packages seal it once to several recipients (packages/envelope.py); versions 1 and 2
to one receiving key by HPKE single-shot encryption. Personal data that arrives while the
receiving key is locked is kept sealed in the workspace (``keep``) with what the import's
custody checks found about it, and opened later (packages/sealed.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from ombud_desktop import strict_json
from ombud_desktop.packages import envelope
from ombud_desktop.packages.admission import parse_time
from ombud_desktop.packages.authority import Custody, allowed
from ombud_desktop.packages.export import HPKE
from ombud_desktop.packages.format import ENVELOPE_FROM_VERSION, PERSONAL_INFO, personal_member
from ombud_desktop.storage import custody as custody_store
from ombud_desktop.storage import sealed as sealed_store
from ombud_desktop.storage.workspace import Workspace


@dataclass(frozen=True)
class Sealed:
    """An assessment's personal data as the package carries it, still sealed."""

    package_id: str
    assessment_id: str
    format_version: int
    recipients: list[str]
    data: bytes


def sealed_to(manifest: dict[str, Any]) -> list[str] | None:
    """Return the fingerprints a package's personal data is sealed to (None: malformed)."""
    personal = manifest.get("personal_data")
    if not isinstance(personal, dict):
        return None
    if int(manifest["format_version"]) < ENVELOPE_FROM_VERSION:
        recipient = personal.get("recipient")
        return [recipient] if isinstance(recipient, str) else []
    listed = personal.get("recipients")
    if (
        not isinstance(listed, list)
        or len(listed) > envelope.MAX_RECIPIENTS
        or not all(isinstance(fp, str) for fp in listed)
        or listed != sorted(set(listed))
    ):
        return None
    return listed


def open_sealed(sealed: Sealed, receiving: X25519PrivateKey) -> Any:
    """Open sealed personal data with a receiving key; return its ``changes`` (unchecked JSON).

    Raises envelope.EnvelopeError naming what is wrong (the caller words the refusal).
    """
    package_id, assessment_id = sealed.package_id, sealed.assessment_id
    name = personal_member(assessment_id)
    try:
        if sealed.format_version >= ENVELOPE_FROM_VERSION:
            doc = envelope.read(sealed.data)
            plain = envelope.open_sealed(doc, receiving, package_id, assessment_id)
        else:
            info = PERSONAL_INFO + package_id.encode() + b"/" + assessment_id.encode()
            plain = HPKE.decrypt(sealed.data, receiving, info=info)
        doc = strict_json.loads(plain, what=name)
        return doc["changes"]
    except envelope.EnvelopeError:
        raise
    except strict_json.JSONRefused as exc:
        raise envelope.EnvelopeError(exc.code, exc.message) from None
    except (InvalidTag, ValueError, KeyError, TypeError):
        raise envelope.EnvelopeError(
            "personal_data_invalid",
            "the encrypted personal data cannot be opened with your receiving key",
        ) from None


def vouchers(custody: Custody, item: Any) -> dict[str, Any]:
    """Return what the import's custody checks found for the changes still sealed.

    Version 2 and later: every change a batch of the assessment lists that the package did not
    carry readable, with its digest, batch, author and whether that author may answer here.
    Version 1: the package's signer, and whether it may answer.
    """
    document = item.document
    assessment_id = document["assessment_id"]
    province = custody_store.entity_province(custody.workspace, assessment_id)
    if province is None:
        province = str(document["entity"].get("province") or "") or None
    if custody.version < 2:
        signer = custody.signer()
        return {"signer": signer.fingerprint, "may_answer": allowed(signer, province, review=False)}
    readable = {change.id for change in item.changes}
    listed: dict[str, list[list[Any]]] = {}
    for batch in custody.batches.values():
        if batch.assessment_id != assessment_id:
            continue
        at = parse_time(batch.signed_at)
        authority = custody.authority(batch.author_key, at) if at is not None else None
        may = authority is not None and allowed(authority, province, review=False)
        for change_id, digest in batch.digests().items():
            if change_id not in readable:
                listed.setdefault(change_id, []).append([digest, batch.id, batch.author, may])
    return {"listed": listed}


def keep(
    workspace: Workspace,
    custody: Custody,
    item: Any,
    *,
    file_name: str,
    signer: tuple[str, str],
    signed_at: str,
) -> None:
    """Keep an assessment's locked personal data to open later (inside the import's tx)."""
    sealed: Sealed = item.sealed
    sealed_store.keep_sealed(
        workspace,
        {
            "package_id": sealed.package_id,
            "assessment_id": sealed.assessment_id,
            "signer_fingerprint": signer[0],
            "signer_name": signer[1],
            "file_name": file_name,
            "format_version": sealed.format_version,
            "recipients": sealed.recipients,
            "sealed": sealed.data,
            "signed_at": signed_at,
            "vouchers": vouchers(custody, item),
        },
    )
