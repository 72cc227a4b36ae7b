"""Use cases for recording an assessment, shared by the command line and the GUI.

Each method checks its input against the assessment's instrument first, then writes through
:meth:`Workspace.write`: one call, one transaction, on disk when it returns. A refused input
raises :class:`ValidationError` and changes nothing. Every method that writes returns the
:class:`Changes` it made (or a :class:`Written` answer that carries them).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

from ombud_desktop.domain.assessment import (
    COMPLAINT_OFFICIAL,
    ROLE_RESPONDENT,
    SERVICE_USER,
    SERVICE_USER_PROFILE,
    AssessmentDocument,
    service_user_numbers,
)
from ombud_desktop.domain.keys import display_key, rating_key, role_key, user_key
from ombud_desktop.domain.limits import too_long
from ombud_desktop.domain.names import clean_name
from ombud_desktop.errors import ValidationError
from ombud_desktop.instruments.model import (
    CATEGORIES,
    DisplayIndicator,
    Instrument,
    RatingIndicator,
    RoleInterviewIndicator,
    ServiceUserIndicator,
    SubItem,
)
from ombud_desktop.scoring import LocusScore, score_locus
from ombud_desktop.services.changes import Changes, Written
from ombud_desktop.services.entities import (
    check_instrument_period,
    check_typed_name,
    registered_entity,
)
from ombud_desktop.storage.changes import Edit
from ombud_desktop.storage.documents import load_document
from ombud_desktop.storage.evidence import DEFAULT_MAX_BYTES, DEFAULT_MAX_EDGE, store_evidence_file
from ombud_desktop.storage.workspace import Workspace, timestamp

_ROLE_NAMESPACE = uuid.UUID("6f1d9e0c-8a53-4c1e-9a51-3f0f2b7d4e11")


def role_respondent_id(assessment_id: str, role: str) -> str:
    """Return the fixed respondent id of a role at an assessment.

    The id is derived, not random, so two devices recording the same role of the same
    assessment edit the same record, and a merge sees their edits side by side.
    """
    return str(uuid.uuid5(_ROLE_NAMESPACE, f"{assessment_id}/{role}"))


class AssessmentState(NamedTuple):
    """One assessment as a window shows it: its document and its live score."""

    document: AssessmentDocument
    score: LocusScore


@dataclass(frozen=True)
class NewAssessment:
    """What the "New assessment" wizard (or ``ombud`` scripts) supply."""

    category: str
    entity_name: str
    province: str
    locus_name: str
    period_year: int
    locus_type: str | None = None
    team: tuple[str, ...] = ()
    visit_date: str | None = None
    products: tuple[str, ...] = ()
    entity_code: str | None = None  # the register's code; then name and province may be empty
    instrument_reason: str | None = None  # why an instrument not declaring the year is used


def _with_register(new: NewAssessment) -> NewAssessment:
    """Fill the name and province from the register when the entity is given by its code."""
    if not new.entity_code:
        return new
    entry = registered_entity(new.category, None, new.province or None, new.entity_code)
    return replace(
        new,
        entity_code=entry.code,
        entity_name=entry.name,
        province=entry.province or new.province,
    )


def _cleaned(new: NewAssessment) -> NewAssessment:
    """Return the names as they are stored: trimmed, inner runs of spaces made one (names.py).

    The app and ``ombud assessment new`` then give the same names for the same typing.
    """
    return replace(
        new,
        entity_name=clean_name(new.entity_name),
        province=clean_name(new.province),
        locus_name=clean_name(new.locus_name),
        team=tuple(name for name in (clean_name(t) for t in new.team) if name),
        products=tuple(name for name in (clean_name(p) for p in new.products) if name),
    )


class AssessmentService:
    """Record and read assessments in one workspace."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        max_edge: int = DEFAULT_MAX_EDGE,
        max_evidence_bytes: int = DEFAULT_MAX_BYTES,
    ):
        self.workspace = workspace
        self.max_edge = max_edge
        self.max_evidence_bytes = max_evidence_bytes

    # -- creating --------------------------------------------------------------------------

    def create(self, instrument: Instrument, new: NewAssessment) -> Written[str]:
        """Create a draft assessment made with ``instrument`` in one transaction; return its id.

        The instrument, entity, locus, period and assessment are stored together: a failure
        anywhere leaves no entity or locus behind without its assessment.
        """
        if new.category not in CATEGORIES:
            raise ValidationError(
                f"unknown entity category {new.category!r}",
                hint=f"Use one of: {', '.join(CATEGORIES)}.",
                code="unknown_category", category=new.category,
            )
        new = _cleaned(_with_register(new))
        for label, value in (
            ("entity name", new.entity_name),
            ("province", new.province),
            ("locus name", new.locus_name),
        ):
            if not value or not value.strip():
                raise ValidationError(
                    f"the {label} is empty", hint=f"Give the {label}.",
                    code="assessment_field_empty",
                )
            check_typed_name(label, value)
        check_instrument_period(instrument, new.period_year, new.instrument_reason)
        declared = new.period_year in instrument.periods
        ws = self.workspace
        with ws.transaction("creating the assessment"):
            ws.keep_instrument(instrument)
            entity_id = ws.ensure_entity(
                new.category, new.entity_name.strip(), new.province.strip(), code=new.entity_code
            )
            locus_id = ws.ensure_locus(entity_id, new.locus_type, new.locus_name.strip())
            period_id = ws.ensure_period(new.period_year)
            assessment_id = ws.ids()
            fields = {
                "instrument_id": instrument.id,
                "instrument_hash": instrument.content_hash,
                "locus_id": locus_id,
                "period_id": period_id,
                "status": "draft",
                "visit_date": new.visit_date,
                "team": list(new.team),
                "products": list(new.products),
                "created_at": timestamp(ws.clock()),
            }
            if not declared:
                fields["instrument_reason"] = (new.instrument_reason or "").strip()
            ws.write(
                assessment_id,
                [Edit("assessment", assessment_id, k, v) for k, v in fields.items()],
            )
        return Written(assessment_id, Changes.of([assessment_id], entities=True))

    # -- reading ---------------------------------------------------------------------------

    def document(self, assessment_id: str) -> AssessmentDocument:
        """Return the assessment document (raw answers)."""
        return load_document(self.workspace, assessment_id)

    def instrument_of(self, assessment_id: str) -> Instrument:
        """Return the exact instrument the assessment was made with."""
        row = self.workspace.assessment_row(assessment_id)
        return self.workspace.instrument(row["instrument_hash"])

    def score(self, assessment_id: str) -> LocusScore:
        """Return the live score of one assessment."""
        return self.state(assessment_id).score

    def state(self, assessment_id: str) -> AssessmentState:
        """Return the document and its live score, reading and scoring the document once."""
        document = self.document(assessment_id)
        score = score_locus(self.workspace.instrument(document.instrument_hash), document)
        return AssessmentState(document, score)

    # -- answering -------------------------------------------------------------------------

    def set_rating(self, assessment_id: str, code: str, value: int | None) -> Changes:
        """Rate an assessor-rated indicator or a sub-item (PR06a) 0-3; None clears it."""
        instrument, _row = self._editable(assessment_id)
        indicator = _find_rated(instrument, code)
        if indicator is None:
            raise ValidationError(
                f"{code} is not rated directly by the assessor",
                hint="Role items, display and service-user questions have their own commands.",
                code="not_rated_directly", indicator=code,
            )
        self._check_level(instrument, code, value)
        return self._write(assessment_id, [Edit("response", rating_key(code), "value", value)])

    def set_not_applicable(self, assessment_id: str, code: str, reason: str | None) -> Changes:
        """Mark an indicator (or sub-item) not applicable with a reason; None reason clears it."""
        instrument, _row = self._editable(assessment_id)
        if instrument.find(code) is None:
            raise ValidationError(
                f"{code} is not an indicator of {instrument.id}",
                code="unknown_indicator", indicator=code,
            )
        if reason is not None and not reason.strip():
            raise ValidationError(
                "'not applicable' needs a written reason",
                hint="Say why the indicator does not apply at this locus.",
                code="na_reason_needed", indicator=code,
            )
        check_length("na_reason", reason)
        return self._write(
            assessment_id,
            [Edit("response", rating_key(code), "na_reason", reason.strip() if reason else None)],
        )

    def set_role(
        self,
        assessment_id: str,
        role: str,
        *,
        present: bool,
        absent_reason: str | None = None,
        name: str | None = None,
        position: str | None = None,
        nip: str | None = None,
    ) -> Written[str]:
        """Record a role's respondent, or that the role is not present at the unit (with why)."""
        instrument, _row = self._editable(assessment_id)
        if role not in {r.code for r in instrument.roles.items}:
            raise ValidationError(
                f"unknown role {role!r}", hint="Roles are R1, R2, R3 and R4.",
                code="unknown_role", role=role,
            )
        if not present and not (absent_reason and absent_reason.strip()):
            raise ValidationError(
                f"{role}: 'not present at this unit' needs a reason",
                hint="Say why the role does not exist or was not available.",
                code="absent_reason_needed", role=role,
            )
        for field, text in (
            ("name", name), ("position", position), ("nip", nip), ("absent_reason", absent_reason)
        ):
            check_length(field, text)
        respondent = role_respondent_id(assessment_id, role)
        values: dict[str, Any] = {
            "kind": ROLE_RESPONDENT,
            "role": role,
            "present": present,
            "absent_reason": None if present else absent_reason.strip(),  # type: ignore[union-attr]
        }
        if name is not None:
            values["name"] = name
        if position is not None:
            values["position"] = position
        if nip is not None:
            values["nip"] = nip
        # Only the fields that change: a field written again with its value would meet the
        # same field written on another laptop as a concurrent edit in a merge.
        now = next(
            (r for r in self.workspace.respondent_rows([assessment_id]) if r["id"] == respondent),
            {},
        )
        edits = [
            Edit("respondent", respondent, k, v)
            for k, v in values.items()
            if k not in now or now[k] != v  # a stored flag is 1 or 0: 1 == True
        ]
        changes = self._write(assessment_id, edits) if edits else Changes()
        return Written(respondent, changes)

    def set_role_rating(
        self, assessment_id: str, role: str, code: str, value: int | None
    ) -> Changes:
        """Rate one role on a role-interview item (IN02-IN06) 0-3."""
        instrument, _row = self._editable(assessment_id)
        indicator = self._role_indicator(instrument, code)
        if indicator.recall is not None:
            raise ValidationError(
                f"{code} is scored by free recall: tick the items named instead",
                code="recall_indicator", indicator=code,
            )
        self._check_role_present(assessment_id, role)
        self._check_level(instrument, code, value)
        return self._write(
            assessment_id, [Edit("response", role_key(code, role), "value", value)]
        )

    def set_recall(
        self, assessment_id: str, role: str, code: str, ticked: list[str]
    ) -> Written[float]:
        """Record which items a role named unprompted (IN01); return the derived value."""
        instrument, _row = self._editable(assessment_id)
        indicator = self._role_indicator(instrument, code)
        if indicator.recall is None:
            raise ValidationError(
                f"{code} is rated 0-3, not by free recall",
                code="not_recall_indicator", indicator=code,
            )
        known = [item.code for item in indicator.recall.items]
        unknown = sorted(set(ticked) - set(known))
        if unknown:
            raise ValidationError(
                f"{code}: unknown items {unknown}", hint=f"Items: {known}.",
                code="unknown_recall_items", indicator=code, items=", ".join(unknown),
            )
        self._check_role_present(assessment_id, role)
        ticks = [c for c in known if c in set(ticked)]
        changes = self._write(
            assessment_id, [Edit("response", role_key(code, role), "value", ticks)]
        )
        return Written(indicator.recall.value_for(len(ticks)), changes)

    def set_products(
        self, assessment_id: str, products: list[str], reason: str | None = None
    ) -> Changes:
        """Name the products observed (and why fewer than the instrument asks, if so)."""
        instrument, _row = self._editable(assessment_id)
        cleaned = [p.strip() for p in products if p and p.strip()]
        for product in cleaned:
            check_length("product", product)
        check_length("products_reason", reason)
        edits = [Edit("assessment", assessment_id, "products", cleaned)]
        wanted = instrument.completeness.products_per_locus
        edits.append(
            Edit(
                "assessment",
                assessment_id,
                "products_reason",
                reason.strip() if reason and len(cleaned) < wanted else None,
            )
        )
        return self._write(assessment_id, edits)

    def set_display(
        self, assessment_id: str, code: str, product: int, channel: str, status: str | None
    ) -> Changes:
        """Record how a component shows for one product in one channel."""
        instrument, row = self._editable(assessment_id)
        _expect(instrument, code, DisplayIndicator, "a display indicator (PR01-PR05)")
        if not 1 <= product <= len(row["products"]):
            raise ValidationError(
                f"there is no product {product}", hint="Name the products first (`set_products`).",
                code="unknown_product", product=product,
            )
        channels = [c.code for c in instrument.display.channels]
        statuses = [s.code for s in instrument.display.statuses]
        if channel not in channels:
            raise ValidationError(
                f"unknown channel {channel!r}", hint=f"Channels: {channels}.",
                code="unknown_channel", channel=channel,
            )
        if status is not None and status not in statuses:
            raise ValidationError(
                f"unknown status {status!r}", hint=f"Statuses: {statuses}.",
                code="unknown_display_status", status=status,
            )
        return self._write(
            assessment_id, [Edit("response", display_key(code, product, channel), "value", status)]
        )

    def add_service_user(
        self,
        assessment_id: str,
        *,
        consent: bool,
        callback_consent: bool = False,
        phone: str | None = None,
        **profile: Any,
    ) -> Written[str]:
        """Add a service user; consent is required. Return the respondent id."""
        self._editable(assessment_id)
        if not consent:
            raise ValidationError(
                "a service user can be recorded only after consent",
                code="consent_required",
                hint="Read the consent text; if the person refuses, record nothing.",
            )
        unknown = set(profile) - set(SERVICE_USER_PROFILE)
        if unknown:
            raise ValidationError(
                f"unknown profile fields {sorted(unknown)}",
                code="unknown_profile_fields", fields=", ".join(sorted(unknown)),
            )
        if phone and not callback_consent:
            raise ValidationError(
                "a phone number is kept only with consent to be called back",
                hint="Tick the call-back consent, or leave the phone empty.",
                code="phone_needs_callback_consent",
            )
        check_length("phone", phone)
        for field, value in profile.items():
            check_length(field, value if isinstance(value, str) else None)
        respondent = self.workspace.ids()
        # After the last number shown (merged users renumbered), so the new one keeps its own.
        shown = service_user_numbers(
            (r["number"], r["id"])
            for r in self.workspace.respondent_rows([assessment_id])
            if r["kind"] == SERVICE_USER
        )
        number = 1 + max(shown.values(), default=0)
        values = {
            "kind": SERVICE_USER,
            "number": number,
            "consent": True,
            "callback_consent": callback_consent,
            "phone": phone or None,
            **profile,
        }
        changes = self._write(
            assessment_id, [Edit("respondent", respondent, k, v) for k, v in values.items()]
        )
        return Written(respondent, changes)

    def set_service_user_answer(
        self,
        assessment_id: str,
        respondent_id: str,
        code: str,
        answer: str | None,
        follow_up: str | None = None,
    ) -> Changes:
        """Record a service user's Ya / Tidak / Tidak tahu answer to one question."""
        instrument, _row = self._editable(assessment_id)
        _expect(instrument, code, ServiceUserIndicator, "a service-user question (OUT01-OUT05)")
        codes = [o.code for o in instrument.service_users.answer_options]
        if answer is not None and answer not in codes:
            raise ValidationError(
                f"unknown answer {answer!r}", hint=f"Answers: {codes}.",
                code="unknown_answer", answer=answer,
            )
        users = {
            r["id"]: r
            for r in self.workspace.respondent_rows([assessment_id])
            if r["kind"] == SERVICE_USER and not r["deleted_at"]
        }
        if respondent_id not in users:
            raise ValidationError(
                f"no service user {respondent_id} in this assessment",
                code="unknown_service_user",
            )
        if not users[respondent_id]["consent"]:
            raise ValidationError("no answers without consent", code="consent_required")
        check_length("follow_up", follow_up)
        key = user_key(code, respondent_id)
        edits = [Edit("response", key, "value", answer)]
        if follow_up is not None:
            edits.append(Edit("response", key, "follow_up", follow_up))
        return self._write(assessment_id, edits)

    def add_complaint_official(
        self, assessment_id: str, *, position: str, name: str | None = None
    ) -> Written[str]:
        """Record one of the complaint-handling officials interviewed."""
        self._editable(assessment_id)
        check_length("position", position)
        check_length("name", name)
        respondent = self.workspace.ids()
        values = {"kind": COMPLAINT_OFFICIAL, "position": position, "name": name}
        changes = self._write(
            assessment_id, [Edit("respondent", respondent, k, v) for k, v in values.items()]
        )
        return Written(respondent, changes)

    def set_note(self, assessment_id: str, key: str, text: str) -> Changes:
        """Keep a free-text note for an indicator (or "general")."""
        self._editable(assessment_id)
        check_length("note", text)
        return self._write(assessment_id, [Edit("note", key, "text", text)])

    def add_evidence(
        self,
        assessment_id: str,
        path: str | Path,
        *,
        indicator: str | None = None,
        product: int | None = None,
    ) -> Written[str]:
        """Attach a photo or document; photos are downscaled. Return the evidence id."""
        instrument, _row = self._editable(assessment_id)
        if indicator is not None and instrument.find(indicator) is None:
            raise ValidationError(
                f"{indicator} is not an indicator of {instrument.id}",
                code="unknown_indicator", indicator=indicator,
            )
        stored = store_evidence_file(
            path,
            self.workspace.evidence_dir,
            max_edge=self.max_edge,
            max_bytes=self.max_evidence_bytes,
        )
        evidence_id = self.workspace.ids()
        values = {
            "sha256": stored.sha256,
            "filename": Path(path).name,
            "media_type": stored.media_type,
            "size": stored.size,
            "taken_at": stored.taken_at,
            "indicator": indicator,
            "product": product,
        }
        # Where and when the camera says it was taken: written only when it says so.
        facts = stored.facts
        for name in ("taken_offset", "latitude", "longitude"):
            if getattr(facts, name) is not None:
                values[name] = getattr(facts, name)
        try:
            changes = self._write(
                assessment_id, [Edit("evidence", evidence_id, k, v) for k, v in values.items()]
            )
        except BaseException:
            if stored.created:
                stored.path.unlink(missing_ok=True)
            raise
        return Written(evidence_id, changes)

    # -- status ------------------------------------------------------------------------------

    def finish(self, assessment_id: str) -> Written[LocusScore]:
        """Mark the assessment complete if the completeness rules hold; else say what is missing."""
        self._editable(assessment_id)
        result = self.score(assessment_id)
        if result.reasons:
            raise ValidationError(
                f"the assessment is not complete: {len(result.reasons)} thing(s) missing",
                code="incomplete",
                hint="; ".join(r.message for r in result.reasons[:10]),
                reasons=[r.to_json() for r in result.reasons],
            )
        changes = self._write(
            assessment_id, [Edit("assessment", assessment_id, "status", "complete")]
        )
        return Written(result, changes)

    def reopen(self, assessment_id: str, reason: str) -> Changes:
        """Unlock a complete assessment; the reason is recorded."""
        row = self.workspace.assessment_row(assessment_id)
        if row["status"] == "draft":
            raise ValidationError("the assessment is already open for editing", code="already_open")
        if not reason or not reason.strip():
            raise ValidationError(
                "reopening needs a reason", hint="Say why it must be changed.",
                code="reopen_reason_needed",
            )
        check_length("reopen_reason", reason)
        return self._write(
            assessment_id,
            [
                Edit("assessment", assessment_id, "reopen_reason", reason.strip()),
                Edit("assessment", assessment_id, "status", "draft"),
            ],
        )

    def delete(self, assessment_id: str) -> Changes:
        """Move an assessment to the trash (it can be restored)."""
        self.workspace.assessment_row(assessment_id)
        return self._write(
            assessment_id,
            [Edit("assessment", assessment_id, "deleted_at", timestamp(self.workspace.clock()))],
        )

    def restore(self, assessment_id: str) -> Changes:
        """Bring an assessment back from the trash."""
        self.workspace.assessment_row(assessment_id)
        return self._write(assessment_id, [Edit("assessment", assessment_id, "deleted_at", None)])

    def _write(self, assessment_id: str, edits: list[Edit]) -> Changes:
        self.workspace.write(assessment_id, edits)
        return Changes.of([assessment_id])

    # -- checks --------------------------------------------------------------------------------

    def _editable(self, assessment_id: str) -> tuple[Instrument, dict[str, Any]]:
        """Return the instrument and edit state of a draft; raise when it may not be edited."""
        row = self.workspace.edit_state(assessment_id)
        if row["deleted_at"]:
            raise ValidationError(
                "the assessment is in the trash", code="deleted", hint="Restore it first."
            )
        if row["status"] != "draft":
            raise ValidationError(
                f"the assessment is {row['status']} and locked",
                code="locked",
                hint="Reopen it (with a reason) to change it.",
            )
        return self.workspace.instrument(row["instrument_hash"]), row

    def _check_level(self, instrument: Instrument, code: str, value: int | None) -> None:
        scale = instrument.rating_scale
        if value is None:
            return
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not (scale.min <= value <= scale.max)
        ):
            raise ValidationError(
                f"{code}: {value!r} is not a level {scale.min}-{scale.max}",
                hint=f"Choose a whole number from {scale.min} to {scale.max}.",
                code="invalid_level", indicator=code, value=value, low=scale.min, high=scale.max,
            )

    def _role_indicator(self, instrument: Instrument, code: str) -> RoleInterviewIndicator:
        return _expect(
            instrument, code, RoleInterviewIndicator, "a role-interview item (IN01-IN06)"
        )

    def _check_role_present(self, assessment_id: str, role: str) -> None:
        respondent = role_respondent_id(assessment_id, role)
        rows = [r for r in self.workspace.respondent_rows([assessment_id]) if r["id"] == respondent]
        if not rows or not rows[0]["present"]:
            raise ValidationError(
                f"{role} has not been recorded as interviewed",
                code="role_not_present",
                hint="Record the respondent of the role first (or it is marked not present).",
            )


def check_length(field: str, text: str | None) -> None:
    """Refuse a typed text longer than its field's limit (domain/limits.py)."""
    limit = too_long(field, text)
    if limit is not None:
        raise ValidationError(
            f"{field}: {len(text or '')} characters, longer than the {limit} allowed",
            hint=f"Shorten it to at most {limit} characters.",
            code="text_too_long", field=field, limit=limit, length=len(text or ""),
        )


def _find_rated(instrument: Instrument, code: str) -> Any:
    """Return the assessor-rated indicator or sub-item with ``code``, or None."""
    found = instrument.find(code)
    return found if isinstance(found, RatingIndicator | SubItem) else None


def _expect(instrument: Instrument, code: str, kind: type, what: str) -> Any:
    found = instrument.find(code)
    if not isinstance(found, kind):
        raise ValidationError(f"{code} is not {what}", code="wrong_indicator_kind", indicator=code)
    return found
