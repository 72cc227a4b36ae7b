"""The faster check_change refuses exactly what it refused before, with the same words.

Records are made from honest ones of every kind of cell, then any field is replaced with what a
dishonest sender could write; the verdict (code, message, change, cell) must be the one of the
form kept in admission_before.py.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.packages.admission import CellRules, check_change
from tests.packages import admission_before

INSTRUMENT = builtin_instrument("ori-2023")
RULES = CellRules(INSTRUMENT)
SIGNED = datetime(2026, 12, 3, 16, 0, tzinfo=UTC)
AID = "a1"

_CODES = sorted(
    {ind.code for _d, ind in INSTRUMENT.indicators()}
    | {sub.code for _d, ind in INSTRUMENT.indicators() for sub in getattr(ind, "sub_items", ())}
)
_ROLES = [role.code for role in INSTRUMENT.roles.items]
_CHANNELS = [c.code for c in INSTRUMENT.display.channels]
_STATUSES = [s.code for s in INSTRUMENT.display.statuses]
_ANSWERS = [o.code for o in INSTRUMENT.service_users.answer_options]
_RECALL = sorted(
    {
        item.code
        for _d, ind in INSTRUMENT.indicators()
        if getattr(ind, "recall", None)
        for item in ind.recall.items
    }
)

_SUFFIX = st.sampled_from(
    [
        "",
        "@R1",
        "@R2",
        "@R9",
        "@Rx",
        "@P1.manual",
        "@P0.manual",
        "@P100001.manual",
        "@P2.x",
        "@u1",
        "@r1",
        "@nobody",
        "@",
        "@P",
        "@P1",
        "@P1.",
    ]
    + [f"@{r}" for r in _ROLES]
    + [f"@P3.{c}" for c in _CHANNELS]
)
_RESPONSE_KEYS = st.builds(
    lambda c, s: c + s, st.sampled_from([*_CODES, "XX01", "general"]), _SUFFIX
) | st.text(max_size=8)
_STAMPS = st.sampled_from(
    [
        "2026-12-03T15:53:07.805455Z",
        "2026-12-03T16:09:59Z",
        "2026-12-03T16:10:00.000001Z",
        "2014-12-31T23:59:59Z",
        "2015-01-01T00:00:00Z",
        "2026-02-30T00:00:00Z",
        "2026-12-03",
        "2026-12-03T15:53:07+00:00",
        "",
    ]
)
_IDS = st.sampled_from(["c1", "c2", "a1", "u1", "r1", "e1", "bad id", "", "x" * 81, "-c"])
_ANY = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 5)
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=6)
    | st.just("a\x00b")
    | st.just("x" * 501)
    | _IDS
    | st.sampled_from([*_STATUSES, *_ANSWERS, *_RECALL, *_CODES, *_ROLES]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=2)
    ),
    max_leaves=6,
)

_BASE = {
    "id": "c1",
    "assessment_id": AID,
    "author": "Siti",
    "author_nip": None,
    "device_id": "d1",
    "at": "2026-12-03T15:53:07.805455Z",
    "supersedes": None,
}
_HONEST = [
    {"target": "assessment", "row_id": AID, "field": "status", "value": "draft"},
    {"target": "assessment", "row_id": AID, "field": "team", "value": ["Siti"]},
    {"target": "assessment", "row_id": AID, "field": "visit_date", "value": "2024-08-12"},
    {"target": "respondent", "row_id": "u1", "field": "kind", "value": "service_user"},
    {"target": "respondent", "row_id": "u1", "field": "number", "value": 3},
    {"target": "respondent", "row_id": "r1", "field": "present", "value": True},
    {"target": "response", "row_id": "IN07", "field": "value", "value": 2},
    {"target": "response", "row_id": "IN02@R1", "field": "value", "value": 1},
    {"target": "response", "row_id": "IN01@R1", "field": "value", "value": ["K01"]},
    {"target": "response", "row_id": "PR01@P1.manual", "field": "value", "value": _STATUSES[0]},
    {"target": "response", "row_id": "OUT01@u1", "field": "value", "value": _ANSWERS[0]},
    {"target": "response", "row_id": "IN08", "field": "na_reason", "value": "tidak ada"},
    {"target": "evidence", "row_id": "e1", "field": "taken_offset", "value": "+07:00"},
    {"target": "evidence", "row_id": "e1", "field": "indicator", "value": "IN07"},
    {"target": "note", "row_id": "IN07", "field": "text", "value": "papan"},
    {"target": "review_comment", "row_id": "k1", "field": "indicator", "value": "IN07"},
    {"target": "comment_closing", "row_id": "k2", "field": "comment_id", "value": "k1"},
]
_FIELDS = [
    "id",
    "target",
    "row_id",
    "field",
    "value",
    "author",
    "author_nip",
    "device_id",
    "at",
    "supersedes",
    "merges",
]


def _hostile(key: str) -> st.SearchStrategy[Any]:
    special = {
        "at": _STAMPS,
        "row_id": _RESPONSE_KEYS | _IDS,
        "target": st.sampled_from(["response", "respondent", "nowhere", "evidence"]),
        "field": st.sampled_from(["value", "kind", "text", "nothing", "number", "deleted_at"]),
        "merges": st.lists(_IDS, max_size=3) | st.just(["x"] * 201),
    }.get(key)
    return _ANY if special is None else special | _ANY


_EDITS = st.lists(
    st.sampled_from(_FIELDS).flatmap(lambda key: st.tuples(st.just(key), _hostile(key))),
    max_size=3,
)


@settings(max_examples=3000)
@given(
    base=st.sampled_from(_HONEST),
    edits=_EDITS,
    dropped=st.lists(st.sampled_from(_FIELDS), max_size=2),
    foreign=st.sampled_from([None, {}, {("respondent", "u1"): "a2"}, {("evidence", "e1"): AID}]),
)
def test_same_verdict_as_before(
    base: dict[str, Any], edits: list[tuple[str, Any]], dropped: list[str], foreign: Any
) -> None:
    record = {**_BASE, **base, **dict(edits)}
    for key in dropped:
        record.pop(key, None)
    respondents = {"u1": "service_user", "r1": "role_respondent"}
    args = {
        "assessment_id": AID,
        "rules": RULES,
        "signed_at": SIGNED,
        "respondents": respondents,
        "foreign_rows": foreign,
    }
    assert check_change(record, **args) == admission_before.check_change(record, **args)


def test_every_honest_record_passes_both() -> None:
    respondents = {"u1": "service_user", "r1": "role_respondent"}
    for base in _HONEST:
        record = {**_BASE, **base}
        args = {
            "assessment_id": AID,
            "rules": RULES,
            "signed_at": SIGNED,
            "respondents": respondents,
        }
        assert check_change(record, **args) is None, base
        assert admission_before.check_change(record, **args) is None, base
