"""The assessment document: everything scoring reads about one locus visit, raw answers included.

This is a plain value object, built by storage from the workspace and serialised by
``ombud assessment show ID --json``. Its JSON shape is documented in
``docs/assessment-document.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

DOCUMENT_FORMAT = "ombud-assessment"
DOCUMENT_FORMAT_VERSION = 1

STATUSES = ("draft", "complete", "signed")
ROLE_RESPONDENT = "role"
COMPLAINT_OFFICIAL = "complaint_official"
SERVICE_USER = "service_user"
RESPONDENT_KINDS = (ROLE_RESPONDENT, COMPLAINT_OFFICIAL, SERVICE_USER)
# The service-user profile fields (RUBRICS §4.3) that the store keeps per respondent.
SERVICE_USER_PROFILE = (
    "product",
    "service_date",
    "stage",
    "channel",
    "on_behalf",
    "sex",
    "age_band",
    "education",
    "occupation",
)


@dataclass(frozen=True)
class Answer:
    """A value given for an indicator or sub-item, or 'not applicable' with a reason."""

    value: Any = None
    na_reason: str | None = None

    @property
    def not_applicable(self) -> bool:
        """Return True when the indicator was marked not applicable with a reason."""
        return bool(self.na_reason)


@dataclass
class RoleInterview:
    """One job role's interview: present and rated, or not present with a reason."""

    role: str
    respondent_id: str | None = None
    present: bool | None = None
    absent_reason: str | None = None
    position: str | None = None
    ratings: dict[str, int | None] = field(default_factory=dict)
    recall: dict[str, list[str]] = field(default_factory=dict)
    name: str | None = None
    nip: str | None = None


@dataclass
class ServiceUser:
    """One interviewed service user: consent, profile and Ya/Tidak/Tidak tahu answers."""

    respondent_id: str
    consent: bool = False
    callback_consent: bool = False
    product: str | None = None
    service_date: str | None = None
    stage: str | None = None
    channel: str | None = None
    on_behalf: str | None = None
    sex: str | None = None
    age_band: str | None = None
    education: str | None = None
    occupation: str | None = None
    answers: dict[str, str] = field(default_factory=dict)
    follow_ups: dict[str, str] = field(default_factory=dict)
    phone: str | None = None
    number: int = 0


def service_user_numbers(given: Iterable[tuple[int | None, str]]) -> dict[str, int]:
    """Return the number each service user is shown with: unique, whatever was merged.

    ``given``: (number given when added, respondent id) of every service user of one
    assessment, those deleted too (so deleting one never renumbers the others). Two laptops
    number the users they add 1, 2, … each, so after a merge a number can repeat. In order of
    (number given, id), ids being time-ordered (the one added first comes first), each keeps
    its number unless one before took it; then it gets the next free one. The rule depends only
    on the set of users, so every workspace that holds them shows the same numbers, in any
    order of imports; where nothing repeats (one laptop), every number is the one given.
    """
    shown: dict[str, int] = {}
    last = 0
    for number, respondent_id in sorted((n or 0, rid) for n, rid in given):
        last = max(number, last + 1)
        shown[respondent_id] = last
    return shown


@dataclass
class ComplaintOfficial:
    """One of the complaint-handling officials interviewed for PG01-PG06."""

    respondent_id: str
    position: str | None = None
    name: str | None = None


@dataclass
class EvidenceRef:
    """An evidence file linked to the assessment."""

    evidence_id: str
    sha256: str
    filename: str
    media_type: str
    size: int
    taken_at: str | None = None
    indicator: str | None = None
    product: int | None = None
    taken_offset: str | None = None  # the camera's offset from UTC ("+07:00")
    latitude: float | None = None  # where the photo was taken (EXIF GPS), decimal degrees
    longitude: float | None = None


@dataclass
class AssessmentDocument:
    """The whole raw content of one assessment, as scoring reads it."""

    assessment_id: str
    instrument_id: str
    instrument_hash: str
    period: str
    status: str = "draft"
    entity: dict[str, Any] = field(default_factory=dict)
    locus: dict[str, Any] = field(default_factory=dict)
    visit_date: str | None = None
    team: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)
    products_reason: str | None = None
    instrument_reason: str | None = None  # why an instrument not declaring the period is used
    answers: dict[str, Answer] = field(default_factory=dict)
    display: dict[str, dict[int, dict[str, str]]] = field(default_factory=dict)
    roles: dict[str, RoleInterview] = field(default_factory=dict)
    service_users: list[ServiceUser] = field(default_factory=list)
    complaint_officials: list[ComplaintOfficial] = field(default_factory=list)
    evidence: list[EvidenceRef] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)

    def to_json(self, *, personal_data: bool = False) -> dict[str, Any]:
        """Return the document as JSON data; names, NIP and phone only with ``personal_data``."""
        data = asdict(self)
        data = {"format": DOCUMENT_FORMAT, "format_version": DOCUMENT_FORMAT_VERSION, **data}
        data["answers"] = {
            code: {"value": a.value, "na_reason": a.na_reason} for code, a in self.answers.items()
        }
        data["display"] = {
            code: {str(product): channels for product, channels in per_product.items()}
            for code, per_product in self.display.items()
        }
        if not personal_data:
            for role in data["roles"].values():
                role.pop("name", None)
                role.pop("nip", None)
            for user in data["service_users"]:
                user.pop("phone", None)
            for official in data["complaint_officials"]:
                official.pop("name", None)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AssessmentDocument:
        """Build a document from :meth:`to_json` output."""
        if data.get("format") != DOCUMENT_FORMAT:
            raise ValueError(f"not an assessment document (format {data.get('format')!r})")
        if data.get("format_version") != DOCUMENT_FORMAT_VERSION:
            raise ValueError(
                f"unsupported assessment document version {data.get('format_version')}"
            )
        # "score" is what `ombud assessment show --json` adds beside the document: not input.
        ignored = ("format", "format_version", "score")
        body = {k: v for k, v in data.items() if k not in ignored}
        body["answers"] = {code: Answer(**a) for code, a in body.get("answers", {}).items()}
        body["display"] = {
            code: {int(product): dict(channels) for product, channels in per_product.items()}
            for code, per_product in body.get("display", {}).items()
        }
        body["roles"] = {code: RoleInterview(**r) for code, r in body.get("roles", {}).items()}
        body["service_users"] = [ServiceUser(**u) for u in body.get("service_users", [])]
        body["complaint_officials"] = [
            ComplaintOfficial(**o) for o in body.get("complaint_officials", [])
        ]
        body["evidence"] = [EvidenceRef(**e) for e in body.get("evidence", [])]
        return cls(**body)
