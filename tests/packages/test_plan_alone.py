"""The merge planned on a reading process is the one the merging process would make.

For an assessment new here, ``_merge_assessment`` maps every ``locus_id`` value onto the one
locus of this workspace and plans the changes that are not held; the reading process plans
before knowing that locus, with every locus id set alike. Same new changes, winners and
conflicts, over random histories of concurrent edits (hypothesis).
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from ombud_desktop.merge.apply import node_of
from ombud_desktop.merge.plan import plan_merge
from ombud_desktop.packages.importer import _Incoming, _plan_alone
from ombud_desktop.storage.changes import Change

ASSESSMENT = "0190a0a0-0000-7000-8000-000000000001"
CELLS = [
    ("assessment", ASSESSMENT, "locus_id"),
    ("response", "IN07", "value"),
    ("note", "IN07", "text"),
]

step = st.tuples(
    st.integers(0, len(CELLS) - 1),  # cell
    st.integers(-1, 20),  # predecessor: an earlier change of the cell, or none (-1)
    st.integers(0, 3),  # value (a locus id of the sender's, a level, a note)
    st.integers(0, 5),  # time
    st.booleans(),  # held at the sender
)


def _changes(steps: list[tuple[int, int, int, int, bool]]) -> tuple[list[Change], set[str]]:
    changes: list[Change] = []
    held: set[str] = set()
    for number, (cell_no, before, value, at, is_held) in enumerate(steps):
        target, row_id, field = CELLS[cell_no]
        earlier = [c for c in changes if (c.target, c.row_id, c.field) == CELLS[cell_no]]
        supersedes = earlier[before].id if 0 <= before < len(earlier) else None
        change_id = f"0190a0a0-0000-7000-8000-{number:012d}"
        changes.append(
            Change(
                change_id, ASSESSMENT, target, row_id, field,
                f"locus-{value}" if field == "locus_id" else value,
                "Asesor", None, "dev", f"2024-09-0{at + 1}T00:00:00Z", supersedes,
            )
        )
        if is_held:
            held.add(change_id)
    return changes, held


@settings(max_examples=200, deadline=None)
@given(st.lists(step, min_size=1, max_size=16))
def test_the_plan_made_alone_is_the_plan_made_here(steps: list) -> None:
    changes, held = _changes(steps)
    item = _Incoming({}, {"held": sorted(held)}, changes, "none")
    # As _merge_assessment does for an assessment new here.
    here = [
        replace(c, value="the-locus-here") if c.field == "locus_id" else c
        for c in changes
        if c.id not in held
    ]
    assert _plan_alone(item) == plan_merge([], [node_of(c) for c in here])


def test_locus_ids_that_differ_there_agree_here() -> None:
    changes, _held = _changes([(0, -1, 1, 0, False), (0, -1, 2, 1, False)])  # two heads
    there = plan_merge([], [node_of(c) for c in changes])
    assert there.conflicts  # the sender's two locus ids disagree
    plan = _plan_alone(_Incoming({}, {}, changes, "none"))
    assert plan.conflicts == {}  # here both name the one locus
    assert plan.winners == there.winners
