"""How the commands print: one JSON style for every ``--json``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import click


def echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON, non-ASCII text kept readable."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def echo_json_lists(data: dict[str, Iterable[Any]], *, batch: int = 500) -> None:
    """Print ``{"name": [item, ...], ...}`` as JSON, one item per line, as they are made.

    For the large answers (``ombud score --json`` of a national workspace: 4,200 loci, tens of
    megabytes): ``json.dumps`` with ``indent`` runs in pure Python and costs more than the
    scoring itself, while each item on its own line goes through the C encoder and is printed
    in batches, never held whole. The JSON read back is the same.
    """
    encode = json.JSONEncoder(ensure_ascii=False).encode
    click.echo("{", nl=False)
    for number, (name, items) in enumerate(data.items()):
        click.echo(("," if number else "") + f"\n  {encode(name)}: [", nl=False)
        lines: list[str] = []
        first = True
        for item in items:
            lines.append(("\n    " if first else ",\n    ") + encode(item))
            first = False
            if len(lines) >= batch:
                click.echo("".join(lines), nl=False)
                lines = []
        click.echo("".join(lines) + ("]" if first else "\n  ]"), nl=False)
    click.echo("\n}")
