"""Every incoming change checked as if it were typed: the cell, the value, the time, the links.

A package's signature proves the file was not changed on the way; it says nothing about whether
its contents make sense. A trusted but dishonest or broken sender could carry a rating of 99, a
status nobody can set, a time stamp from the year 9999 that wins every later edit, a row of
another assessment, or two changes that supersede each other. This module holds the rules a
change must keep to be admitted, the same rules the services apply when someone types an answer
(services/assessments.py), written as pure functions over one change record and the instrument
the assessment is made with. The importer applies them to every change before anything is
written; a change that breaks one refuses the whole package, with the rule named.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from ombud_desktop.domain.assessment import (
    COMPLAINT_OFFICIAL,
    ROLE_RESPONDENT,
    SERVICE_USER,
    SERVICE_USER_PROFILE,
    STATUSES,
)
from ombud_desktop.domain.limits import TEXT_LIMITS
from ombud_desktop.instruments.model import (
    DisplayIndicator,
    Instrument,
    RatingIndicator,
    RoleInterviewIndicator,
    ServiceUserIndicator,
    SubItem,
)
from ombud_desktop.storage.changes import TARGETS, response_key_parts

# Time stamps a change may carry: ISO 8601 UTC, with or without a fraction of a second.
_STAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?Z\Z", re.ASCII)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z", re.ASCII)
_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_.:-]{0,79}\Z", re.ASCII)
_SHA256 = re.compile(r"[0-9a-f]{64}\Z", re.ASCII)
_OFFSET = re.compile(r"[+-](\d{2}):(\d{2})\Z", re.ASCII)
# A change may be stamped a little after its package was signed: clocks of two laptops differ.
CLOCK_TOLERANCE = timedelta(minutes=10)
EARLIEST = datetime(2015, 1, 1, tzinfo=UTC)  # the first compliance assessments
SHORT_TEXT = 500  # names, positions, reasons shown in one line
LONG_TEXT = 20_000  # notes and comments
MAX_LIST = 200  # products, team members, recall ticks
MAX_NUMBER = 100_000  # service-user numbers, products
REVIEW_STATUSES = ("approved", "returned")
RESPONDENT_KINDS = (ROLE_RESPONDENT, SERVICE_USER, COMPLAINT_OFFICIAL)
MEDIA_TYPES = ("image/jpeg", "image/png", "application/pdf")
MAX_EVIDENCE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Refusal:
    """Why one change cannot be admitted: the rule broken, and the cell it was found in."""

    code: str
    message: str
    change_id: str = ""
    cell: str = ""

    def words(self) -> str:
        """Return the refusal as one line for a receipt."""
        where = f" ({self.cell})" if self.cell else ""
        return f"change {self.change_id or '?'}{where}: {self.message}"


def parse_time(text: Any) -> datetime | None:
    """Return the UTC time of an ISO 8601 ``...Z`` stamp, or None when it is not one."""
    if not isinstance(text, str):
        return None
    # The pattern says which stamps are allowed; the C parser reads one in a twentieth of the
    # time of building it from the matched parts (a national merge reads ~1 M stamps). Both
    # read a fraction of 1-6 digits and the Z alike and refuse an impossible date or time
    # (tests/packages/test_parse_time.py compares them); hour 24, which newer Pythons may read
    # as the next midnight, is refused here as datetime() refuses it.
    if _STAMP.match(text) is None or text[11:13] == "24":
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _text(value: Any, limit: int, *, optional: bool = True) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        return "must be a text"
    if len(value) > limit:
        return f"is longer than {limit} characters"
    if "\x00" in value:
        return "holds a NUL character"
    return None


def _flag(value: Any) -> str | None:
    return None if value is None or type(value) is bool else "must be true, false or empty"


def _stamp_or_none(value: Any) -> str | None:
    if value is None:
        return None
    return None if parse_time(value) is not None else "is not an ISO 8601 UTC time stamp"


def _whole(value: Any, low: int, high: int) -> str | None:
    if value is None:
        return None
    if type(value) is not int or not low <= value <= high:
        return f"must be a whole number from {low} to {high}"
    return None


def _text_list(value: Any, limit: int = SHORT_TEXT) -> str | None:
    if not isinstance(value, list) or len(value) > MAX_LIST:
        return f"must be a list of at most {MAX_LIST} texts"
    for item in value:
        problem = _text(item, limit, optional=False)
        if problem:
            return f"an item {problem}"
    return None


class CellRules:
    """The rules of one instrument: which cells exist and what each may hold."""

    def __init__(self, instrument: Instrument):
        self.instrument = instrument
        scale = instrument.rating_scale
        self.levels = (scale.min, scale.max)
        # Tuples, not sets: a hostile value may be unhashable (a list), and `in` must not raise.
        self.roles = tuple(role.code for role in instrument.roles.items)
        self.channels = tuple(c.code for c in instrument.display.channels)
        self.statuses = tuple(s.code for s in instrument.display.statuses)
        self.answers = tuple(o.code for o in instrument.service_users.answer_options)
        self._found = instrument.codes()  # every code indexed once (Instrument.find)
        # How each code is answered, and a recall item's ticks, asked once per code here and
        # not once per response (the models are frozen).
        self._answered = {code: _answer_kind(found) for code, found in self._found.items()}
        self._recall = {
            code: [item.code for item in found.recall.items]
            for code, found in self._found.items()
            if self._answered[code] == _RECALL
        }

    def find(self, code: str) -> Any:
        """Return the indicator or sub-item with ``code`` (None when the instrument has none)."""
        return self._found.get(code)

    # -- one value -----------------------------------------------------------------------------

    def _level(self, value: Any) -> str | None:
        low, high = self.levels
        if value is None:
            return None
        if type(value) is not int or not low <= value <= high:
            return f"{value!r} is not a level {low}–{high}"
        return None

    def response_value(self, key: str, value: Any, *, respondents: Mapping[str, str]) -> str | None:
        """Check the value of response ``key`` (``IN07``, ``IN02@R1``, ``PR01@P1.manual``...)."""
        parts = response_key_parts(key)
        code = parts["indicator"]
        kind = self._answered.get(code)
        if kind is None:
            return f"{code} is not an indicator of {self.instrument.id}"
        if kind == _LEVEL:
            if key != code:
                return f"{key} is not a cell of {code}"
            return self._level(value)
        if kind in (_ROLE_LEVEL, _RECALL):
            if parts["role"] not in self.roles:
                return f"{key}: no such role"
            if kind == _ROLE_LEVEL:
                return self._level(value)
            known = self._recall[code]
            if value is None:
                return None
            if not isinstance(value, list) or any(
                not isinstance(v, str) or v not in known for v in value
            ):
                return f"{key}: the ticks must be items of {known}"
            if len(set(value)) != len(value):
                return f"{key}: an item is ticked twice"
            return None
        if kind == _DISPLAY:
            product, channel = parts["product"], parts["channel"]
            if channel not in self.channels or product is None or not 1 <= product <= MAX_NUMBER:
                return f"{key}: no such product and channel"
            if value is not None and (not isinstance(value, str) or value not in self.statuses):
                return f"{key}: {value!r} is not a display status"
            return None
        if kind == _SERVICE:
            respondent = parts["respondent_id"]
            if respondents.get(respondent) != SERVICE_USER:
                return f"{key}: the service user is not one of this assessment"
            if value is not None and (not isinstance(value, str) or value not in self.answers):
                return f"{key}: {value!r} is not an answer ({sorted(self.answers)})"
            return None
        return f"{key}: {code} is not answered directly"

    def assessment_field(self, field: str, value: Any) -> str | None:
        """Check the value of one field of the assessment record."""
        if field == "instrument_id":
            return None if value == self.instrument.id else "is not the package's instrument"
        if field == "instrument_hash":
            ok = value == self.instrument.content_hash
            return None if ok else "is not the package's instrument"
        if field in ("locus_id", "period_id"):
            return _text(value, 80, optional=False)
        if field == "status":
            return None if value in STATUSES else f"{value!r} is not a status"
        if field == "review_status":
            return None if value is None or value in REVIEW_STATUSES else "is not a review status"
        if field == "visit_date":
            if value is None:
                return None
            ok = isinstance(value, str) and _DATE.match(value) and _real_date(value)
            return None if ok else "is not a date (YYYY-MM-DD)"
        if field in ("team", "products"):
            # The products as typed in the app (domain/limits.py); team names as before.
            return _text_list(value, TEXT_LIMITS["product"] if field == "products" else SHORT_TEXT)
        if field in ("deleted_at", "created_at"):
            return _stamp_or_none(value)
        if field == "review_comment":
            return _text(value, LONG_TEXT)
        if field == "set_aside_for":  # the id of the duplicate kept in its place
            ok = value is None or (isinstance(value, str) and _ID.match(value) is not None)
            return None if ok else "is not an assessment id"
        return _text(value, TEXT_LIMITS.get(field, SHORT_TEXT))  # products_reason, reopen_reason

    def respondent_field(self, field: str, value: Any) -> str | None:
        """Check the value of one field of a respondent."""
        if field == "kind":
            return None if value in RESPONDENT_KINDS else f"{value!r} is not a kind of respondent"
        if field == "role":
            return None if value is None or value in self.roles else f"{value!r} is not a role"
        if field == "number":
            return _whole(value, 1, MAX_NUMBER)
        if field in ("present", "consent", "callback_consent"):
            return _flag(value)
        if field == "deleted_at":
            return _stamp_or_none(value)
        if field in SERVICE_USER_PROFILE or field in ("name", "position", "nip", "phone"):
            return _text(value, TEXT_LIMITS.get(field, TEXT_LIMITS["name"]))
        return _text(value, TEXT_LIMITS.get(field, LONG_TEXT))  # absent_reason

    def evidence_field(self, field: str, value: Any) -> str | None:
        """Check the value of one field of an evidence record."""
        if field == "sha256":
            ok = isinstance(value, str) and _SHA256.match(value)
            return None if ok else "is not a SHA-256 digest"
        if field == "media_type":
            return None if value in MEDIA_TYPES else f"{value!r} is not a photo or PDF type"
        if field == "size":
            return _whole(value, 0, MAX_EVIDENCE_BYTES)
        if field == "taken_at":  # the camera's own clock, as EXIF gives it: no time zone
            return _camera_time(value)
        if field == "taken_offset":  # that clock's offset from UTC, as EXIF gives it
            return _utc_offset(value)
        if field == "latitude":
            return _degrees(value, 90)
        if field == "longitude":
            return _degrees(value, 180)
        if field == "deleted_at":
            return _stamp_or_none(value)
        if field == "indicator":
            if value is None:
                return None
            ok = isinstance(value, str) and self.find(value) is not None
            return None if ok else f"{value!r} is not an indicator"
        if field == "product":
            return _whole(value, 1, MAX_NUMBER)
        return _text(value, 255)  # filename

    def note_key(self, key: str) -> str | None:
        """Check the key of a note: an indicator's code, or ``general``."""
        if key == "general" or self.find(key.partition("@")[0]) is not None:
            return None
        return f"{key!r} is not an indicator or 'general'"


# How a code of the instrument is answered (CellRules.response_value).
_LEVEL, _ROLE_LEVEL, _RECALL, _DISPLAY, _SERVICE, _NOT_DIRECTLY = (
    "level",
    "role level",
    "recall",
    "display",
    "service user",
    "not directly",
)


def _answer_kind(found: Any) -> str:
    if isinstance(found, RatingIndicator | SubItem):
        return _LEVEL
    if isinstance(found, RoleInterviewIndicator):
        return _ROLE_LEVEL if found.recall is None else _RECALL
    if isinstance(found, DisplayIndicator):
        return _DISPLAY
    if isinstance(found, ServiceUserIndicator):
        return _SERVICE
    return _NOT_DIRECTLY


def _camera_time(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 19:
        try:
            datetime.strptime(value, "%Y-%m-%dT%H:%M:%S")
        except ValueError:
            pass
        else:
            return None if value.isascii() else "is not a date and time"
    return "is not a date and time (YYYY-MM-DDTHH:MM:SS)"


def _utc_offset(value: Any) -> str | None:
    if value is None:
        return None
    match = isinstance(value, str) and _OFFSET.match(value)
    if match and int(match.group(1)) <= 14 and int(match.group(2)) < 60:
        return None
    return "is not an offset from UTC (+HH:MM)"


def _degrees(value: Any, limit: int) -> str | None:
    if value is None:
        return None
    ok = type(value) in (int, float) and math.isfinite(value) and -limit <= value <= limit
    return None if ok else f"must be a number of degrees from -{limit} to {limit}"


def _real_date(text: str) -> bool:
    try:
        datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        return False
    return True


def check_change(
    record: Mapping[str, Any],
    *,
    assessment_id: str,
    rules: CellRules,
    signed_at: datetime,
    respondents: Mapping[str, str],
    foreign_rows: Mapping[tuple[str, str], str] | None = None,
) -> Refusal | None:
    """Return why one change record of ``assessment_id`` cannot be admitted, or None.

    ``respondents`` maps this assessment's respondent ids (known here or created by the same
    package) to their kind; ``foreign_rows`` maps (target, row id) of rows that belong to
    another assessment of this workspace to that assessment: a change may never touch them.
    """
    # Run for every change a merge reads (a million): the common case of each rule is tested
    # inline and the rule's own function is called only to word a problem; the cell is named
    # only in a refusal. The rules, their order and their words are those of the functions.
    get = record.get
    change_id = get("id")
    if not isinstance(change_id, str) or not _ID.match(change_id):
        return Refusal("change_id", "the change id is missing or malformed")
    target, row_id, field = get("target"), get("row_id"), get("field")
    if not isinstance(target, str) or target not in TARGETS:
        return Refusal("change_cell", "the cell is missing or malformed", change_id)
    if not isinstance(row_id, str) or not isinstance(field, str):
        return Refusal("change_cell", "the cell is missing or malformed", change_id)
    if field not in TARGETS[target][2]:
        cell = _cell(target, row_id, field)
        return Refusal("change_cell", f"{target} has no field {field!r}", change_id, cell)
    for key in ("author", "device_id"):
        value = get(key)
        if type(value) is str and len(value) <= SHORT_TEXT and "\x00" not in value:
            continue
        problem = _text(value, SHORT_TEXT, optional=False)
        if problem:
            return Refusal(
                "change_author", f"{key} {problem}", change_id, _cell(target, row_id, field)
            )
    nip = get("author_nip")
    if nip is not None and not (type(nip) is str and len(nip) <= 40 and "\x00" not in nip):
        problem = _text(nip, 40)
        if problem:
            return Refusal(
                "change_author", f"author_nip {problem}", change_id, _cell(target, row_id, field)
            )
    at = parse_time(get("at"))
    if at is None:
        return Refusal(
            "change_time",
            f"{get('at')!r} is not a UTC time stamp",
            change_id,
            _cell(target, row_id, field),
        )
    if at > signed_at + CLOCK_TOLERANCE:
        return Refusal(
            "change_time",
            "it is dated after the package was signed",
            change_id,
            _cell(target, row_id, field),
        )
    if at < EARLIEST:
        return Refusal(
            "change_time",
            "it is dated before any assessment",
            change_id,
            _cell(target, row_id, field),
        )
    supersedes = get("supersedes")
    if supersedes is not None and (not isinstance(supersedes, str) or not _ID.match(supersedes)):
        return Refusal(
            "change_link", "its predecessor is malformed", change_id, _cell(target, row_id, field)
        )
    merges = get("merges", [])
    if (type(merges) is not list or merges) and (  # most changes resolve no heads
        not isinstance(merges, list)
        or len(merges) > MAX_LIST
        or any(not isinstance(m, str) or not _ID.match(m) for m in merges)
    ):
        return Refusal(
            "change_link",
            "its list of resolved heads is malformed",
            change_id,
            _cell(target, row_id, field),
        )
    if change_id == supersedes or change_id in merges:
        return Refusal(
            "change_link", "it supersedes itself", change_id, _cell(target, row_id, field)
        )
    if foreign_rows:
        owner = foreign_rows.get((target, row_id))
        if owner is not None and owner != assessment_id:
            return Refusal(
                "change_row",
                "the row belongs to another assessment",
                change_id,
                _cell(target, row_id, field),
            )
    problem = _row_problem(target, row_id, assessment_id, rules, respondents)
    if problem is None:
        problem = _value_problem(target, row_id, field, get("value"), rules, respondents)
    if problem:
        return Refusal("change_value", problem, change_id, _cell(target, row_id, field))
    return None


def _cell(target: str, row_id: str, field: str) -> str:
    """Return how a refusal names the cell of a change."""
    return f"{target}.{row_id}.{field}"


def _row_problem(
    target: str, row_id: str, assessment_id: str, rules: CellRules, respondents: Mapping[str, str]
) -> str | None:
    if target == "assessment":
        return None if row_id == assessment_id else "the record is another assessment"
    if target == "note":
        return rules.note_key(row_id)
    if target == "response":
        return None if len(row_id) <= 200 else "the response key is too long"
    return None if _ID.match(row_id) else "the row id is malformed"


def _value_problem(
    target: str,
    row_id: str,
    field: str,
    value: Any,
    rules: CellRules,
    respondents: Mapping[str, str],
) -> str | None:
    if target == "response":
        if field == "value":
            return rules.response_value(row_id, value, respondents=respondents)
        return _text(value, TEXT_LIMITS.get(field, LONG_TEXT))  # na_reason, follow_up
    if target == "assessment":
        problem = rules.assessment_field(field, value)
    elif target == "respondent":
        problem = rules.respondent_field(field, value)
    elif target == "evidence":
        problem = rules.evidence_field(field, value)
    elif target == "note":
        problem = _text(value, TEXT_LIMITS["note"])
    elif target == "comment_closing":  # a review comment closed (services/comments.py)
        if field == "comment_id":
            ok = isinstance(value, str) and _ID.match(value)
            problem = None if ok else "comment_id does not name a comment"
        else:  # note
            problem = _text(value, LONG_TEXT)
    else:  # review_comment
        if field == "indicator":
            ok = value is None or (isinstance(value, str) and rules.find(value))
            problem = None if ok else f"{value!r} is not an indicator"
        elif field == "deleted_at":
            problem = _stamp_or_none(value)
        else:
            problem = _text(value, LONG_TEXT)
    return f"{field} {problem}" if problem and not problem.startswith(field) else problem


def respondent_kinds(
    records: Iterable[Mapping[str, Any]], known: Mapping[str, str]
) -> dict[str, str]:
    """Return respondent id -> kind for ``known`` ones plus those the records create."""
    kinds = dict(known)
    for record in records:
        if (
            record.get("target") == "respondent"
            and record.get("field") == "kind"
            and isinstance(record.get("row_id"), str)
            and record.get("value") in RESPONDENT_KINDS
        ):
            kinds.setdefault(record["row_id"], record["value"])
    return kinds


def link_problem(
    records: Iterable[Mapping[str, Any]], cell_of: Mapping[str, tuple[str, str, str]]
) -> Refusal | None:
    """Return why the supersede/merge links of a package cannot stand, or None.

    ``cell_of`` gives the cell of every change already in the workspace. A change may only
    supersede changes of its own cell, and the links may form no cycle (two changes that
    supersede each other would leave the cell with no value).
    """
    cells = dict(cell_of)
    links: dict[str, list[str]] = {}
    for record in records:
        cell = (record["target"], record["row_id"], record["field"])
        if cells.setdefault(record["id"], cell) != cell:
            return Refusal(
                "change_link", "a change id is used for two cells", record["id"], ".".join(cell)
            )
        links[record["id"]] = [
            link for link in (record.get("supersedes"), *record.get("merges", [])) if link
        ]
    def where(change_id: str) -> str:
        return ".".join(cells[change_id])

    for change_id, targets in links.items():
        for link in targets:
            if link in cells and cells[link] != cells[change_id]:
                return Refusal(
                    "change_link",
                    f"it supersedes a change of another cell ({where(link)})",
                    change_id,
                    where(change_id),
                )
    # Cycles can only run through the package's own changes (stored ones link to stored ones).
    state: dict[str, int] = {}
    for start in links:
        if state.get(start):
            continue
        stack = [(start, iter(links[start]))]
        state[start] = 1
        while stack:
            node, pending = stack[-1]
            nxt = next(pending, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif nxt in links:
                if state.get(nxt) == 1:
                    return Refusal("change_link", "its links form a cycle", nxt, where(nxt))
                if not state.get(nxt):
                    state[nxt] = 1
                    stack.append((nxt, iter(links[nxt])))
    return None
