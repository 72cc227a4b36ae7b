"""How the commands print: one JSON style for every ``--json``."""

from __future__ import annotations

import json
from typing import Any

import click


def echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON, non-ASCII text kept readable."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))
