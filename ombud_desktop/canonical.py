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


def _unwritable(value: Any) -> Any:
    raise TypeError(f"{type(value).__name__} is not JSON")


# JSONEncoder.encode makes a new C encoder on every call, a third of its time for a change
# record: the same C encoder with the same settings is made once. It sees only what _plain
# lets through (no float, no object it cannot write) and keeps no markers (a value that holds
# itself never gets here: _plain, which walks it first, ends in RecursionError as before).
_C_ENCODE = (
    json.encoder.c_make_encoder(
        None, _unwritable, json.encoder.encode_basestring, None, ":", ",", True, False, False
    )
    if json.encoder.c_make_encoder is not None
    else None
)


def dumps(value: Any) -> bytes:
    """Return the RFC 8785 canonical JSON of ``value`` (raises as ``rfc8785.dumps`` does)."""
    if _plain(value):
        try:
            if _C_ENCODE is None:  # a Python without the C accelerator
                return _ENCODER.encode(value).encode("utf-8")
            return "".join(_C_ENCODE(value, 0)).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: rfc8785 raises its own error below
            pass
    return rfc8785.dumps(value)


def _plain(value: Any) -> bool:
    """Return True when ``value`` holds only what the C encoder writes as RFC 8785 does.

    One loop per list or object, the leaves of a change record (texts, null, booleans, small
    integers) judged in it without a call each: it runs for every change a merge reads.
    """
    kind = type(value)
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str or not (key.isascii() or max(key) <= "\uffff"):
                return False
            kind = type(item)
            if kind is str or item is None or kind is bool:
                continue
            if kind is int:
                if -_INT_MAX <= item <= _INT_MAX:
                    continue
                return False
            if not _plain(item):
                return False
        return True
    if kind is str or kind is bool or value is None:
        return True
    if kind is int:
        return -_INT_MAX <= value <= _INT_MAX
    if kind is list or kind is tuple:
        for item in value:
            kind = type(item)
            if kind is str or item is None or kind is bool:
                continue
            if not _plain(item):
                return False
        return True
    return False
