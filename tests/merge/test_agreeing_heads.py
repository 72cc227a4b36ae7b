"""Concurrent edits that set the same value are no conflict; the law is per cell (pure)."""

from __future__ import annotations

from ombud_desktop.merge.plan import Node, in_conflict, plan_merge
from ombud_desktop.storage.changes import canonical_text, encode_value, value_key

CELL = ("response", "IN07", "value")
OTHER = ("response", "IN07", "na_reason")


def _node(change_id: str, value: object, *, at: str, cell=CELL, supersedes=None) -> Node:
    return Node(change_id, cell, supersedes, at, (), value_key(value))


def test_two_heads_of_one_value_agree_and_the_later_is_shown() -> None:
    base = _node("a", 1, at="2024-01-01T00:00:00Z")
    mine = _node("b", 2, at="2024-01-02T00:00:00Z", supersedes="a")
    theirs = _node("c", 2, at="2024-01-03T00:00:00Z", supersedes="a")
    plan = plan_merge([base, mine], [theirs])
    assert plan.new == ["c"]
    assert plan.conflicts == {}
    assert plan.winners == {CELL: "c"}


def test_one_head_that_differs_makes_all_of_them_a_conflict() -> None:
    base = _node("a", 1, at="2024-01-01T00:00:00Z")
    heads = [
        _node(i, v, at=f"2024-01-0{n}T00:00:00Z", supersedes="a")
        for n, (i, v) in enumerate([("b", 2), ("c", 2), ("d", 3)], start=2)
    ]
    plan = plan_merge([base], heads)
    assert plan.conflicts == {CELL: ["b", "c", "d"]}


def test_the_law_is_per_cell() -> None:
    # The same value in another field of the same indicator does not make a cell agree.
    one = _node("a", None, at="2024-01-01T00:00:00Z")
    two = _node("b", None, at="2024-01-01T00:00:00Z", cell=OTHER)
    three = _node("c", "tidak ada layanan", at="2024-01-02T00:00:00Z", cell=OTHER)
    plan = plan_merge([one, two], [three])
    assert plan.conflicts == {OTHER: ["b", "c"]}


def test_values_agree_by_content_not_spelling_and_not_loosely() -> None:
    assert value_key({"a": 1, "b": [2]}) == canonical_text('{"b":[2],"a":1}')
    assert value_key(None) == canonical_text(None) == "null"
    assert value_key("Ya") == canonical_text(encode_value("Ya"))
    # 1, True, "1" and 1.0 are different values: a cell holding them is in conflict.
    keys = {value_key(v) for v in (1, True, "1", 1.0)}
    assert len(keys) == 4


def test_a_node_without_a_known_value_never_agrees() -> None:
    at = "2024-01-01T00:00:00Z"
    assert in_conflict([Node("a", CELL, None, at), Node("b", CELL, None, at)])
    assert not in_conflict([Node("a", CELL, None, at)])
    assert not in_conflict([_node("a", 0, at=at), _node("b", 0, at=at)])
