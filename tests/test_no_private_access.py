"""No package reaches into another's privates: an ``_underscore`` attribute or name is used only
inside the part of ``ombud_desktop`` that defines it (``storage``, ``packages``, ``ui``, ...).

Proved over the whole package with ``ast``: every ``x._name`` whose receiver is not ``self`` or
``cls``, and every ``from ... import _name``, that names something defined in ``ombud_desktop``
must name something defined in the same part. (Privates of other libraries are not this test's
business: ``exports.spreadsheet`` closes openpyxl's temporary files through them.)
Storage offers a public change log for the merge (``append_changes``, ``apply_changes``,
``forget_instrument``); this keeps it that way.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import ombud_desktop

ROOT = Path(ombud_desktop.__file__).parent
PRIVATE = re.compile(r"_[a-z][A-Za-z0-9_]*")
# Public by design although underscored: the named-tuple API.
ALLOWED = frozenset({"_replace", "_asdict", "_fields", "_make", "_field_defaults"})
# Another library's private whose name one of ours shares: openpyxl's Worksheet._rows.
THIRD_PARTY = frozenset({("ombud_desktop/exports/spreadsheet.py", "_rows")})


def _part(path: Path) -> str:
    """Return the top-level part of ombud_desktop a file belongs to ("storage", "errors"...)."""
    relative = path.relative_to(ROOT)
    return relative.parts[0].removesuffix(".py")


def _private(name: str) -> bool:
    return bool(PRIVATE.fullmatch(name)) and not name.endswith("__") and name not in ALLOWED


def _defined(tree: ast.AST) -> set[str]:
    """Return the private names a module defines: functions, classes, variables, attributes."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return {n for n in names if _private(n)}


def _uses(tree: ast.AST) -> list[tuple[int, str]]:
    """Return (line, name) of each private name reached through another object or module."""
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            receiver = node.value
            if isinstance(receiver, ast.Name) and receiver.id in ("self", "cls"):
                continue
            out.append((node.lineno, node.attr))
        elif isinstance(node, ast.ImportFrom):
            out.extend((node.lineno, a.name) for a in node.names if _private(a.name))
    return out


def test_no_private_name_is_used_outside_the_part_that_defines_it() -> None:
    trees = {path: ast.parse(path.read_text("utf-8")) for path in sorted(ROOT.rglob("*.py"))}
    assert len(trees) > 50
    defined: dict[str, set[str]] = defaultdict(set)
    for path, tree in trees.items():
        defined[_part(path)] |= _defined(tree)
    ours = set().union(*defined.values())
    crossing = [
        f"{path.relative_to(ROOT.parent).as_posix()}:{line}: {name}"
        for path, tree in trees.items()
        for line, name in _uses(tree)
        if name in ours and name not in defined[_part(path)]
        and (path.relative_to(ROOT.parent).as_posix(), name) not in THIRD_PARTY
    ]
    assert crossing == [], "private names used across packages:\n" + "\n".join(crossing)


def test_the_check_sees_a_crossing(tmp_path: Path) -> None:
    """The rule itself: a private attribute defined in one part and used in another is seen."""
    storage = ast.parse("class W:\n    def __init__(self):\n        self._cache = {}\n")
    importer = ast.parse("def f(workspace):\n    workspace._cache.pop('x', None)\n")
    assert _defined(storage) == {"_cache"}
    assert _uses(importer) == [(2, "_cache")]
    assert "_cache" not in _defined(importer)
    assert _uses(ast.parse("def g(self):\n    return self._cache\n")) == []
