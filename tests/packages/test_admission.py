"""Every incoming change is checked as if typed: honest logs pass, each forgery is named."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.packages.admission import (
    CellRules,
    check_change,
    link_problem,
    parse_time,
    respondent_kinds,
)
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.storage import Workspace

INSTRUMENT = builtin_instrument("ori-2023")
RULES = CellRules(INSTRUMENT)
LATER = datetime.now(UTC) + timedelta(minutes=1)


@pytest.fixture(scope="module")
def honest(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[dict[str, Any]]]:
    """Return an assessment's id and its whole change log, made through the services."""
    folder: Path = tmp_path_factory.mktemp("ws")
    with Workspace.open(folder) as workspace:
        workspace.set_profile("Siti Aminah", "198001012005012001")
        service = AssessmentService(workspace)
        aid = service.create(
            INSTRUMENT,
            NewAssessment(
                category="kota",
                entity_name="Kota Serang",
                province="Banten",
                locus_name="Disdukcapil",
                period_year=2024,
                team=("Siti",),
                visit_date="2024-08-12",
                products=("KTP", "KK"),
            ),
        ).value
        service.set_rating(aid, "IN07", 3)
        service.set_rating(aid, "PR06a", 1)
        service.set_not_applicable(aid, "IN08", "tidak ada")
        service.set_role(aid, "R1", present=True, name="Budi", position="Kepala", nip="1")
        service.set_role_rating(aid, "R1", "IN02", 2)
        service.set_recall(aid, "R1", "IN01", ["K01", "K02"])
        service.set_display(aid, "PR01", 1, "manual", INSTRUMENT.display.statuses[0].code)
        user = service.add_service_user(aid, consent=True, sex="P").value
        service.set_service_user_answer(aid, user, "OUT01", "Y", follow_up="antre lama")
        service.add_complaint_official(aid, position="Admin")
        service.set_note(aid, "IN07", "papan di lobi")
        service.set_rating(aid, "IN07", 2)
        return aid, [c.to_json() for c in workspace.changes(aid)]


def check_all(aid: str, records: list[dict[str, Any]]) -> list[Any]:
    kinds = respondent_kinds(records, {})
    found = [
        check_change(r, assessment_id=aid, rules=RULES, signed_at=LATER, respondents=kinds)
        for r in records
    ]
    return [f for f in found if f is not None]


def test_every_change_the_services_write_is_admitted(honest: tuple[str, list[Any]]) -> None:
    aid, records = honest
    assert len(records) > 30
    assert check_all(aid, records) == []
    assert link_problem(records, {}) is None


def _first(records: list[dict[str, Any]], **match: Any) -> int:
    return next(i for i, r in enumerate(records) if all(r.get(k) == v for k, v in match.items()))


FORGERIES: list[tuple[str, dict[str, Any], dict[str, Any], str]] = [
    ("rating 99", {"row_id": "IN07", "field": "value"}, {"value": 99}, "change_value"),
    ("rating -1", {"row_id": "IN07", "field": "value"}, {"value": -1}, "change_value"),
    ("rating '3'", {"row_id": "IN07", "field": "value"}, {"value": "3"}, "change_value"),
    ("rating true", {"row_id": "IN07", "field": "value"}, {"value": True}, "change_value"),
    ("rating list", {"row_id": "IN07", "field": "value"}, {"value": [3]}, "change_value"),
    ("rating 1e308", {"row_id": "IN07", "field": "value"}, {"value": 1e308}, "change_value"),
    ("rating 2.5", {"row_id": "IN07", "field": "value"}, {"value": 2.5}, "change_value"),
    ("bad time", {"row_id": "IN07", "field": "value"}, {"at": "zzz-not-a-date"}, "change_time"),
    (
        "year 9999",
        {"row_id": "IN07", "field": "value"},
        {"at": "9999-12-31T23:59:59.000000Z"},
        "change_time",
    ),
    (
        "31 February",
        {"row_id": "IN07", "field": "value"},
        {"at": "2024-02-31T00:00:00Z"},
        "change_time",
    ),
    (
        "local time",
        {"row_id": "IN07", "field": "value"},
        {"at": "2024-02-01T00:00:00+07:00"},
        "change_time",
    ),
    ("status", {"target": "assessment", "field": "status"}, {"value": "approved"}, "change_value"),
    (
        "review status",
        {"target": "assessment", "field": "status"},
        {"field": "review_status", "value": "accepted"},
        "change_value",
    ),
    (
        "other assessment",
        {"target": "assessment", "field": "status"},
        {"row_id": "0190f000-0000-7000-8000-000000000000"},
        "change_value",
    ),
    ("unknown indicator", {"row_id": "IN07", "field": "value"}, {"row_id": "ZZ99"}, "change_value"),
    (
        "unknown role",
        {"row_id": "IN02@R1", "field": "value"},
        {"row_id": "IN02@R9"},
        "change_value",
    ),
    (
        "recall unknown item",
        {"row_id": "IN01@R1", "field": "value"},
        {"value": ["K01", "HACK"]},
        "change_value",
    ),
    (
        "recall twice",
        {"row_id": "IN01@R1", "field": "value"},
        {"value": ["K01", "K01"]},
        "change_value",
    ),
    (
        "display status",
        {"row_id": "PR01@P1.manual", "field": "value"},
        {"value": "shiny"},
        "change_value",
    ),
    (
        "display channel",
        {"row_id": "PR01@P1.manual", "field": "value"},
        {"row_id": "PR01@P1.radio"},
        "change_value",
    ),
    (
        "answer of a stranger",
        {"field": "value", "target": "response"},
        {"row_id": "OUT01@0190f000-0000-7000-8000-00000000abcd", "value": "Y"},
        "change_value",
    ),
    (
        "consent as text",
        {"target": "respondent", "field": "consent"},
        {"value": "yes"},
        "change_value",
    ),
    (
        "respondent kind",
        {"target": "respondent", "field": "kind"},
        {"value": "supervisor"},
        "change_value",
    ),
    ("unknown field", {"row_id": "IN07", "field": "value"}, {"field": "score"}, "change_cell"),
    (
        "unknown target",
        {"row_id": "IN07", "field": "value"},
        {"target": "corrections"},
        "change_cell",
    ),
    ("author missing", {"row_id": "IN07", "field": "value"}, {"author": None}, "change_author"),
    ("id missing", {"row_id": "IN07", "field": "value"}, {"id": ""}, "change_id"),
    ("self link", {"row_id": "IN07", "field": "value"}, {"supersedes": "SELF"}, "change_link"),
    ("note text", {"target": "note"}, {"value": 5}, "change_value"),
    (
        "visit date",
        {"target": "assessment", "field": "visit_date"},
        {"value": "2024-13-01"},
        "change_value",
    ),
]


@pytest.mark.parametrize(
    ("name", "match", "mutation", "code"), FORGERIES, ids=[f[0] for f in FORGERIES]
)
def test_each_forgery_is_refused_with_its_rule(
    honest: tuple[str, list[Any]],
    name: str,
    match: dict[str, Any],
    mutation: dict[str, Any],
    code: str,
) -> None:
    aid, records = honest
    forged = copy.deepcopy(records)
    index = _first(forged, **match)
    changed = {k: (forged[index]["id"] if v == "SELF" else v) for k, v in mutation.items()}
    forged[index].update(changed)
    refusals = check_all(aid, forged)
    assert [r.code for r in refusals] == [code], name
    assert refusals[0].words()


def test_links_that_cycle_or_cross_cells_are_refused(honest: tuple[str, list[Any]]) -> None:
    _aid, records = honest
    ratings = [r for r in records if r["row_id"] == "IN07" and r["field"] == "value"]
    assert len(ratings) == 2
    first, second = copy.deepcopy(ratings)
    first["supersedes"] = second["id"]  # each supersedes the other
    assert second["supersedes"] == first["id"]
    refusal = link_problem([first, second], {})
    assert refusal is not None
    assert "cycle" in refusal.message
    other = copy.deepcopy(records[0])
    other["supersedes"] = ratings[0]["id"]  # an assessment field superseding a rating
    refusal = link_problem([*records, other | {"id": "0190f000-0000-7000-8000-0000000000ff"}], {})
    assert refusal is not None
    assert "another cell" in refusal.message
    reused = copy.deepcopy(records[0]) | {"id": ratings[0]["id"]}
    existing = {r["id"]: (r["target"], r["row_id"], r["field"]) for r in records}
    assert link_problem([reused], existing) is not None


def test_a_row_of_another_assessment_is_refused(honest: tuple[str, list[Any]]) -> None:
    aid, records = honest
    index = _first(records, target="respondent", field="consent")
    row = records[index]["row_id"]
    found = check_change(
        records[index],
        assessment_id=aid,
        rules=RULES,
        signed_at=LATER,
        respondents=respondent_kinds(records, {}),
        foreign_rows={("respondent", row): "someone-else"},
    )
    assert found is not None
    assert found.code == "change_row"


def test_time_stamps_are_strict() -> None:
    assert parse_time("2024-08-12T02:03:04.000005Z") == datetime(
        2024, 8, 12, 2, 3, 4, 5, tzinfo=UTC
    )
    assert parse_time("2024-08-12T02:03:04Z") is not None
    for bad in (
        "2024-08-12",
        "2024-08-12T02:03:04",
        "2024-08-12 02:03:04Z",
        1723428184,
        "２０２４-08-12T02:03:04Z",
        "2024-08-12T25:00:00Z",
        None,
    ):
        assert parse_time(bad) is None, bad


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=10,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    index=st.integers(min_value=0),
    key=st.sampled_from(
        [
            "id",
            "target",
            "row_id",
            "field",
            "value",
            "author",
            "device_id",
            "at",
            "supersedes",
            "merges",
            "author_nip",
        ]
    ),
    value=JSONISH,
)
def test_random_values_never_raise(
    honest: tuple[str, list[Any]], index: int, key: str, value: Any
) -> None:
    aid, records = honest
    record = copy.deepcopy(records[index % len(records)])
    record[key] = value
    kinds = respondent_kinds([record], {})
    found = check_change(record, assessment_id=aid, rules=RULES, signed_at=LATER, respondents=kinds)
    assert found is None or found.code.startswith("change_")
