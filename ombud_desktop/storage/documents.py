"""Build assessment documents (what scoring reads) from the workspace's materialised tables."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ombud_desktop.domain.assessment import (
    COMPLAINT_OFFICIAL,
    ROLE_RESPONDENT,
    SERVICE_USER,
    SERVICE_USER_PROFILE,
    Answer,
    AssessmentDocument,
    ComplaintOfficial,
    EvidenceRef,
    RoleInterview,
    ServiceUser,
)
from ombud_desktop.storage.workspace import Workspace


def load_document(workspace: Workspace, assessment_id: str) -> AssessmentDocument:
    """Return the document of one assessment (raises NotFoundError if it does not exist)."""
    row = workspace.assessment_row(assessment_id)
    return next(iter(_build(workspace, [row])))


def iter_documents(
    workspace: Workspace, *, batch: int = 400, include_deleted: bool = False
) -> Iterator[tuple[dict[str, Any], AssessmentDocument]]:
    """Yield (assessment row, document) for every assessment, reading in batches."""
    rows = workspace.assessment_rows(include_deleted=include_deleted)
    for start in range(0, len(rows), batch):
        chunk = rows[start : start + batch]
        yield from zip(chunk, _build(workspace, chunk), strict=True)


def _build(workspace: Workspace, rows: list[dict[str, Any]]) -> list[AssessmentDocument]:
    ids = [row["id"] for row in rows]
    respondents: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in workspace.respondent_rows(ids):
        if not r["deleted_at"]:
            respondents[r["assessment_id"]].append(r)
    responses: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in workspace.response_rows(ids):
        responses[r["assessment_id"]].append(r)
    evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in workspace.evidence_rows(ids):
        evidence[r["assessment_id"]].append(r)
    notes: dict[str, dict[str, str]] = defaultdict(dict)
    for r in workspace.note_rows(ids):
        if r["text"]:
            notes[r["assessment_id"]][r["key"]] = r["text"]
    return [
        _document(
            row, respondents[row["id"]], responses[row["id"]], evidence[row["id"]], notes[row["id"]]
        )
        for row in rows
    ]


def _document(
    row: dict[str, Any],
    respondent_rows: list[dict[str, Any]],
    response_rows: list[dict[str, Any]],
    evidence_rows: list[dict[str, Any]],
    notes: dict[str, str],
) -> AssessmentDocument:
    doc = AssessmentDocument(
        assessment_id=row["id"],
        instrument_id=row["instrument_id"] or "",
        instrument_hash=row["instrument_hash"] or "",
        period=row["period"] or "",
        status=row["status"] or "draft",
        entity=row["entity"],
        locus=row["locus"],
        visit_date=row["visit_date"],
        team=row["team"],
        products=row["products"],
        products_reason=row["products_reason"],
        notes=notes,
    )
    users: dict[str, ServiceUser] = {}
    for r in respondent_rows:
        if r["kind"] == ROLE_RESPONDENT and r["role"]:
            doc.roles[r["role"]] = RoleInterview(
                role=r["role"],
                respondent_id=r["id"],
                present=None if r["present"] is None else bool(r["present"]),
                absent_reason=r["absent_reason"],
                position=r["position"],
                name=r["name"],
                nip=r["nip"],
            )
        elif r["kind"] == SERVICE_USER:
            users[r["id"]] = ServiceUser(
                respondent_id=r["id"],
                consent=bool(r["consent"]),
                callback_consent=bool(r["callback_consent"]),
                phone=r["phone"],
                number=r["number"] or 0,
                **{field: r[field] for field in SERVICE_USER_PROFILE},
            )
        elif r["kind"] == COMPLAINT_OFFICIAL:
            doc.complaint_officials.append(
                ComplaintOfficial(respondent_id=r["id"], position=r["position"], name=r["name"])
            )
    for r in response_rows:
        indicator = r["indicator"]
        if r["product"] is not None:
            doc.display.setdefault(indicator, {}).setdefault(r["product"], {})
            if r["value"] is not None:
                doc.display[indicator][r["product"]][r["channel"]] = r["value"]
            if r["na_reason"]:
                doc.answers[indicator] = Answer(None, r["na_reason"])
        elif r["role"] is not None:
            role = doc.roles.setdefault(r["role"], RoleInterview(role=r["role"]))
            if isinstance(r["value"], list):
                role.recall[indicator] = r["value"]
            else:
                role.ratings[indicator] = r["value"]
        elif r["respondent_id"] is not None:
            user = users.get(r["respondent_id"])
            if user is not None:
                if r["value"] is not None:
                    user.answers[indicator] = r["value"]
                if r["follow_up"]:
                    user.follow_ups[indicator] = r["follow_up"]
        elif r["value"] is not None or r["na_reason"]:
            doc.answers[indicator] = Answer(r["value"], r["na_reason"])
    doc.service_users = sorted(users.values(), key=lambda u: (u.number, u.respondent_id))
    doc.evidence = [
        EvidenceRef(
            evidence_id=r["id"],
            sha256=r["sha256"],
            filename=r["filename"],
            media_type=r["media_type"],
            size=r["size"],
            taken_at=r["taken_at"],
            indicator=r["indicator"],
            product=r["product"],
        )
        for r in evidence_rows
    ]
    return doc
