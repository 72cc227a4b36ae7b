"""Read JSON that arrives from elsewhere strictly: I-JSON (RFC 7493), one value per name, bounded.

Python's ``json`` module accepts ``NaN`` and ``Infinity``, keeps the last of two equal keys, reads
integers of any size and recurses once per level of nesting (a value nested 100,000 deep ends
in ``RecursionError``). Everything read from a package or a key file goes through :func:`loads`,
which refuses each of those with its own code, so a hostile or broken file is a message:

- ``json_invalid``: not UTF-8, not JSON, or a string holding half of a surrogate pair;
- ``json_duplicate_key``: an object names a member twice;
- ``json_number``: ``NaN``, ``Infinity``, any number beyond ±(2**53 − 1) (an integer, or a
  fraction or exponent form such as ``1e300``);
- ``json_too_deep``: arrays and objects nested deeper than :data:`MAX_DEPTH`.

A value :func:`loads` returns can be written as RFC 8785 canonical JSON and read back unchanged.
"""

from __future__ import annotations

import json
import math
import re
from itertools import accumulate
from typing import Any

from ombud_desktop.errors import OmbudError

# Ombud's own documents nest 5 levels, instruments 9; anything near this limit is hostile.
MAX_DEPTH = 64
MAX_SAFE_INTEGER = 2**53 - 1
_SAFE_DIGITS = len(str(MAX_SAFE_INTEGER))

# A string, closed or running to the end of the text (possessive and always matching, so the
# scan is linear whatever the text). The parser never gets past a string that is not closed,
# so the brackets it would see are exactly those outside these matches. Scanned in the UTF-8
# bytes (see _check_depth), where these characters are single bytes.
_STRING_BYTES = re.compile(rb'"(?:[^"\\]++|\\.?)*+(?:"|\Z)', re.DOTALL)
_STEP_BYTE = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_ALL_BUT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_ALL_BUT_QUOTES_AND_BRACKETS = bytes(b for b in range(256) if b not in b'"[]{}')
_ALL_BUT_ESCAPES = bytes(b for b in range(256) if b not in b'"\\[]{}')
_ALL_BUT_ESCAPES_AS_A = bytes.maketrans(_ALL_BUT_ESCAPES, b"a" * len(_ALL_BUT_ESCAPES))
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class JSONRefused(OmbudError):
    """A JSON text breaks a rule of the strict reader; ``data["member"]`` names where it was."""

    code = "json_invalid"


class _Refusal(Exception):
    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code = code
        self.reason = reason


def loads(data: bytes | str, *, what: str, max_depth: int = MAX_DEPTH) -> Any:
    """Return the value of a JSON text, or raise JSONRefused naming ``what`` and the rule."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        _check_depth(text, max_depth, data if isinstance(data, bytes) else None)
        value = json.loads(
            text,
            object_pairs_hook=_object,
            parse_constant=_constant,
            parse_int=_integer,
            parse_float=_float,
        )
        if _SURROGATE_ESCAPE.search(text):
            _check_strings(value)
    except UnicodeDecodeError as exc:
        raise _refused(what, "json_invalid", f"is not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        reason = f"is not valid JSON ({exc.msg}, line {exc.lineno} column {exc.colno})"
        raise _refused(what, "json_invalid", reason) from None
    except _Refusal as exc:
        raise _refused(what, exc.code, exc.reason) from None
    return value


def _refused(what: str, code: str, reason: str) -> JSONRefused:
    return JSONRefused(
        f"{what} {reason}",
        code=code,
        hint="The file was not written by Ombud Desktop or was altered; ask for a new copy.",
        member=what,
    )


def _check_depth(text: str, limit: int, data: bytes | None = None) -> None:
    """Refuse nesting deeper than ``limit`` before the parser (which recurses) sees it.

    ``data`` is ``text`` as UTF-8 when the caller has it. Quotes, backslashes and brackets are
    ASCII and never part of another character in UTF-8, so the bytes are scanned instead of
    the text: everything else is removed first (bytes.translate), and what is left is a few
    thousand bytes however long the document (issue 19: a merge reads 4,200 documents).
    tests/test_strict_json.py compares the verdict with the pattern's scan of the text.
    """
    if text.count("[") + text.count("{") <= limit:
        return
    if data is None:
        data = text.encode("utf-8", "surrogatepass")  # a lone surrogate is one more character
    if b"\\" not in data:
        # Without escapes every quote opens or closes a string. Two quotes side by side,
        # once the rest is gone, are an empty string or two strings with nothing between
        # them: removing both changes neither which brackets are outside strings nor the
        # parity of the quotes after them. The text outside strings is then every other
        # piece between quotes (a string left open runs to the end).
        kept = data.translate(None, _ALL_BUT_QUOTES_AND_BRACKETS).replace(b'""', b"")
        outside = b"".join(kept.split(b'"')[::2])
    else:
        # An escape is a backslash and the character after it: every other character becomes
        # "a", one after a backslash "b" (so it stays, and the backslash still escapes
        # exactly it), then the rest of the "a"s go; strings are removed as the pattern
        # removes them from the text (a string left open runs to the end).
        kept = data.translate(_ALL_BUT_ESCAPES_AS_A).replace(b"\\a", b"\\b")
        outside = _STRING_BYTES.sub(b"", kept.translate(None, b"a"))
    brackets = outside.translate(None, _ALL_BUT_BRACKETS)
    if max(accumulate(map(_STEP_BYTE.__getitem__, brackets)), default=0) > limit:
        raise _Refusal("json_too_deep", f"is nested more than {limit} levels deep")


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _Refusal("json_duplicate_key", f"names the key {key!r} twice in one object")
            seen.add(key)
    return result


def _constant(name: str) -> Any:
    raise _Refusal("json_number", f"holds {name}, which is not a number JSON allows")


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > _SAFE_DIGITS or abs(int(text)) > MAX_SAFE_INTEGER:
        shown = text if len(text) <= 24 else f"{text[:20]}… ({len(text)} digits)"
        raise _Refusal(
            "json_number", f"holds the integer {shown}, beyond ±(2^53 − 1) (I-JSON, RFC 7493)"
        )
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    shown = text if len(text) <= 24 else f"{text[:20]}…"
    if not math.isfinite(value):
        raise _Refusal("json_number", f"holds the number {shown}, too large for a double")
    if abs(value) > MAX_SAFE_INTEGER:
        # Canonical JSON writes 1e20 as 100000000000000000000: refused here as an integer
        # past the limit would be, so every value read can be written canonically and read back.
        raise _Refusal("json_number", f"holds the number {shown}, beyond ±(2^53 − 1)")
    return value


def _check_strings(value: Any) -> None:
    """Refuse a string or key holding half of a surrogate pair (``"\\ud800"``)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            strings = [item]
        elif isinstance(item, dict):
            strings = list(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            strings = []
            stack.extend(item)
        else:
            continue
        for text in strings:
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise _Refusal(
                    "json_invalid", "holds half of a UTF-16 surrogate pair (not Unicode text)"
                ) from None
