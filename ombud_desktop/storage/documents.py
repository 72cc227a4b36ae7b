"""Build assessment documents (what scoring reads) from the workspace's materialised tables."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator
from typing import Any

from ombud_desktop.bulk import paused_gc
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
    service_user_numbers,
)
from ombud_desktop.storage.changes import decode_value
from ombud_desktop.storage.workspace import Workspace

RESPONSE_COLUMNS = (
    "assessment_id",
    "indicator",
    "respondent_id",
    "role",
    "product",
    "channel",
    "value",
    "na_reason",
    "follow_up",
)
RESPONDENT_COLUMNS = (
    "assessment_id",
    "id",
    "kind",
    "role",
    "number",
    "name",
    "position",
    "nip",
    "phone",
    "present",
    "absent_reason",
    "consent",
    "callback_consent",
    "deleted_at",
    *SERVICE_USER_PROFILE,
)
EVIDENCE_COLUMNS = (
    "assessment_id",
    "id",
    "sha256",
    "filename",
    "media_type",
    "size",
    "taken_at",
    "indicator",
    "product",
    "deleted_at",
    "updated_at",
    "taken_offset",
    "latitude",
    "longitude",
)
NOTE_COLUMNS = ("assessment_id", "key", "text")


def load_document(workspace: Workspace, assessment_id: str) -> AssessmentDocument:
    """Return the document of one assessment (raises NotFoundError if it does not exist)."""
    row = workspace.assessment_row(assessment_id)
    return _build(workspace, [row])[0]


def iter_documents(
    workspace: Workspace,
    *,
    batch: int = 400,
    include_deleted: bool = False,
    ids: Collection[str] | None = None,
    period: str | None = None,
) -> Iterator[tuple[dict[str, Any], AssessmentDocument]]:
    """Yield (assessment row, document) for every assessment, in order of assessment id.

    Reads in batches of consecutive ids (one index range scan per table and batch), so a
    national workspace is read in a few seconds without holding it all in memory. ``ids``:
    only these assessments; when they are a minority (one period of a decade), each batch is
    read by its ids, so the other periods' rows between them are never read. ``period``: only
    that period's assessments, read the same way.
    """
    rows = sorted(
        workspace.assessment_rows(include_deleted=include_deleted, period=period), key=_by_id
    )
    total = len(rows) if period is None else workspace.assessment_count()
    if ids is not None:
        rows = [row for row in rows if row["id"] in ids]
    sparse = (ids is not None or period is not None) and 2 * len(rows) < total
    for start in range(0, len(rows), batch):
        chunk = rows[start : start + batch]
        with paused_gc():
            documents = _build(workspace, chunk, sparse=sparse)
        yield from zip(chunk, documents, strict=True)


def _by_id(row: dict[str, Any]) -> str:
    return row["id"]


def _grouped(
    workspace: Workspace, table: str, columns: tuple[str, ...], ids: list[str], sparse: bool
) -> dict[str, list[tuple[Any, ...]]]:
    groups: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    if sparse:  # one statement per 500 ids (a batch of iter_documents is 400 by default)
        records = (
            record
            for start in range(0, len(ids), 500)
            for record in workspace.row_tuples_of(table, columns, ids[start : start + 500])
        )
    else:
        records = iter(workspace.row_tuples(table, columns, ids[0], ids[-1]))
    for record in records:
        groups[record[0]].append(record)
    return groups


def _clustered(workspace: Workspace, ids: list[str]) -> bool:
    """Return True when few other assessments' ids lie between the first and last of ``ids``.

    Ids are time-ordered (UUID version 7): a year's assessments were made, or merged, together,
    so one period of a decade usually spans a run of ids holding nothing else. Then one range
    scan per table beats seeking each id (the demo's ids are random: its years interleave).
    """
    between = workspace.db.execute(
        "SELECT count(*) FROM assessments WHERE id BETWEEN ? AND ?", [ids[0], ids[-1]]
    ).fetchone()[0]
    return between <= 2 * len(ids)


def _build(
    workspace: Workspace, rows: list[dict[str, Any]], *, sparse: bool = False
) -> list[AssessmentDocument]:
    ids = sorted(row["id"] for row in rows)
    if sparse and _clustered(workspace, ids):
        sparse = False  # a range scan; rows of the few others read are left in their groups
    responses = _grouped(workspace, "responses", RESPONSE_COLUMNS, ids, sparse)
    respondents = _grouped(workspace, "respondents", RESPONDENT_COLUMNS, ids, sparse)
    evidence = _grouped(workspace, "evidence", EVIDENCE_COLUMNS, ids, sparse)
    notes = _grouped(workspace, "notes", NOTE_COLUMNS, ids, sparse)
    return [
        _document(
            row,
            respondents.get(row["id"], []),
            responses.get(row["id"], []),
            evidence.get(row["id"], []),
            notes.get(row["id"], []),
        )
        for row in rows
    ]


def _document(
    row: dict[str, Any],
    respondent_rows: list[tuple[Any, ...]],
    response_rows: list[tuple[Any, ...]],
    evidence_rows: list[tuple[Any, ...]],
    note_rows: list[tuple[Any, ...]],
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
        instrument_reason=row.get("instrument_reason"),
        notes={key: text for _a, key, text in note_rows if text},
    )
    users: dict[str, ServiceUser] = {}
    numbers: list[tuple[int | None, str]] = []  # of every service user, deleted ones too
    for r in respondent_rows:
        (
            _a,
            rid,
            kind,
            role,
            number,
            name,
            position,
            nip,
            phone,
            present,
            absent_reason,
            consent,
            callback_consent,
            deleted_at,
            *profile,
        ) = r
        if kind == SERVICE_USER:
            numbers.append((number, rid))
        if deleted_at:
            continue
        if kind == ROLE_RESPONDENT and role:
            doc.roles[role] = RoleInterview(
                role=role,
                respondent_id=rid,
                present=None if present is None else bool(present),
                absent_reason=absent_reason,
                position=position,
                name=name,
                nip=nip,
            )
        elif kind == SERVICE_USER:
            users[rid] = ServiceUser(
                respondent_id=rid,
                consent=bool(consent),
                callback_consent=bool(callback_consent),
                phone=phone,
                **dict(zip(SERVICE_USER_PROFILE, profile, strict=True)),
            )
        elif kind == COMPLAINT_OFFICIAL:
            doc.complaint_officials.append(
                ComplaintOfficial(respondent_id=rid, position=position, name=name)
            )
    doc.complaint_officials.sort(key=lambda o: o.respondent_id)
    for _a, indicator, respondent_id, role, product, channel, raw, na_reason, follow_up in (
        response_rows  # already in key order
    ):
        value = _decode(raw)
        if product is not None:
            if value is not None:
                doc.display.setdefault(indicator, {}).setdefault(product, {})[channel] = value
        elif role is not None:
            interview = doc.roles.setdefault(role, RoleInterview(role=role))
            if isinstance(value, list):
                interview.recall[indicator] = value
            else:
                interview.ratings[indicator] = value
        elif respondent_id is not None:
            user = users.get(respondent_id)
            if user is not None:
                if value is not None:
                    user.answers[indicator] = value
                if follow_up:
                    user.follow_ups[indicator] = follow_up
        elif value is not None or na_reason:
            doc.answers[indicator] = Answer(value, na_reason)
    shown = service_user_numbers(numbers)
    for user in users.values():
        user.number = shown[user.respondent_id]
    doc.service_users = sorted(users.values(), key=lambda u: u.number)
    doc.evidence = [
        EvidenceRef(
            evidence_id=e[1],
            sha256=e[2],
            filename=e[3],
            media_type=e[4],
            size=e[5],
            taken_at=e[6],
            indicator=e[7],
            product=e[8],
            taken_offset=e[11],
            latitude=e[12],
            longitude=e[13],
        )
        for e in sorted(evidence_rows, key=lambda e: (e[10] or "", e[1]))
        if not e[9]
    ]
    return doc


_SCALARS: dict[str, Any] = {}


def _decode(text: str | None) -> Any:
    """Decode a stored JSON value; scalars repeat endlessly ("T", 3), so decode each once."""
    if text is None:
        return None
    if text[:1] in "[{":
        return decode_value(text)  # a fresh object: lists are mutable
    try:
        return _SCALARS[text]
    except KeyError:
        value = decode_value(text)
        if len(_SCALARS) < 10_000:
            _SCALARS[text] = value
        return value
