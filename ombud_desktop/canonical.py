"""RFC 8785 canonical JSON, the same bytes as ``rfc8785.dumps``, written by the C JSON encoder.

Signatures and digests of changes, batches and manifests are over RFC 8785 bytes. The
``rfc8785`` package writes them in pure Python, one token at a time: admitting a national merge
spent most of its time there (issue 19). For the values the app signs (strings, integers in
JSON's safe range, booleans, null, lists and objects) RFC 8785 is exactly ``json.dumps`` with
sorted keys, no spaces and characters left unescaped: the same short escapes (``\\b \\t \\n \\f
\\r \\" \\\\``), other control characters as lowercase ``\\u00xx``, and keys in code-point order,
which is UTF-16 order while no key holds a character beyond U+FFFF. Anything else (a float, a
subclass, such a key, a lone surrogate) goes to ``rfc8785`` itself, which also raises for what
has no canonical form. ``tests/test_canonical.py`` compares the two on generated values.
"""

from __future__ import annotations

import json
from typing import Any

import rfc8785

_INT_MAX = 2**53 - 1
_ENCODER = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False
)


def dumps(value: Any) -> bytes:
    """Return the RFC 8785 canonical JSON of ``value`` (raises as ``rfc8785.dumps`` does)."""
    if _plain(value):
        try:
            return _ENCODER.encode(value).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: rfc8785 raises its own error below
            pass
    return rfc8785.dumps(value)


def _plain(value: Any) -> bool:
    """Return True when ``value`` holds only what the C encoder writes as RFC 8785 does."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return True
    if kind is int:
        return -_INT_MAX <= value <= _INT_MAX
    if kind is list or kind is tuple:
        return all(map(_plain, value))
    if kind is dict:
        return all(
            type(key) is str and (key.isascii() or max(key) <= "\uffff") and _plain(item)
            for key, item in value.items()
        )
    return False
