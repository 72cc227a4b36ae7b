"""Reading rows by a list of ids, in chunks SQLite's parameter limit allows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ombud_desktop.storage.workspace import Workspace

CHUNK = 500


def rows_in(
    workspace: Workspace,
    sql: str,
    ids: Iterable[str] | None,
    where: str,
    after: Sequence[Any] = (),
) -> Iterator[tuple[Any, ...]]:
    """Run ``sql`` (with an ``{ids}`` place for the filter) over ``ids`` in chunks, or all rows.

    ``ids`` is read once, in its order, without repeats; ``where`` names the column filtered;
    ``after``: the values of placeholders that follow ``{ids}`` in ``sql``.
    """
    if ids is None:
        yield from workspace.db.execute(sql.format(ids="1 = 1"), list(after))
        return
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        marks = ", ".join(["?"] * len(chunk))
        yield from workspace.db.execute(
            sql.format(ids=f"{where} IN ({marks})"), [*chunk, *after]
        )
