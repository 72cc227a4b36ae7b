"""``echo_json_lists`` prints the same JSON as ``json.dumps``, one item per line, streamed."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ombud_desktop.cli.output import echo_json_lists


@pytest.mark.parametrize(
    "data",
    [
        {"loci": [], "entities": []},
        {"loci": [{"a": 1, "name": "Dinas Kesehatan — Kota “Baru”"}], "entities": []},
        {"loci": [{"n": i, "x": [i, None, True]} for i in range(1203)], "entities": [{"e": 1}]},
    ],
)
def test_the_json_read_back_is_the_same(capsys: pytest.CaptureFixture[str], data: Any) -> None:
    made: list[int] = []

    def lazily(items: list[Any]) -> Any:
        for item in items:
            made.append(1)
            yield item

    echo_json_lists({name: lazily(items) for name, items in data.items()}, batch=100)
    out = capsys.readouterr().out
    assert json.loads(out) == data
    assert len(made) == sum(len(items) for items in data.values())
    item_lines = [line for line in out.splitlines() if line.startswith("    {")]
    assert len(item_lines) == sum(len(items) for items in data.values())
    assert "\\u" not in out  # non-ASCII text kept readable
