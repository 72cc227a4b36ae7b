"""The strict JSON reader: each rule refused with its own code; a property over hostile text."""

from __future__ import annotations

import json
import math
import re
import sys
from itertools import accumulate
from typing import Any

import pytest
import rfc8785
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ombud_desktop.strict_json import MAX_DEPTH, MAX_SAFE_INTEGER, JSONRefused, loads

DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (b'{"a": NaN}', "json_number"),
        (b"[Infinity]", "json_number"),
        (b"-Infinity", "json_number"),
        (b"18446744073709551616", "json_number"),  # 2^64
        (b"-9007199254740992", "json_number"),  # -(2^53)
        (b"1" * 5000, "json_number"),  # past Python's int digit limit: still our refusal
        (b"1e400", "json_number"),
        (b"[-1E999]", "json_number"),
        (b"1e300", "json_number"),
        (b"9007199254740992.0", "json_number"),  # canonical JSON would write it as an integer
        (b'{"a": 1, "b": 2, "a": 1}', "json_duplicate_key"),
        (b'[{"x": {"y": 1, "y": 1}}]', "json_duplicate_key"),
        (DEEP, "json_too_deep"),
        (b'{"a":' * 100_000, "json_too_deep"),  # never closed, still refused as deep
        (b'"\xff\xfe"', "json_invalid"),
        (b'"\xed\xa0\x80"', "json_invalid"),  # a surrogate encoded in UTF-8
        (b'["\\ud800"]', "json_invalid"),  # half a surrogate pair, escaped
        (b'{"\\udc00": 1}', "json_invalid"),  # in a key
        (b'"' + b'\\"' * 50_000, "json_invalid"),  # a string never closed
        (b"", "json_invalid"),
        (b"[1,]", "json_invalid"),
        (b"\xef\xbb\xbf{}", "json_invalid"),  # a byte order mark
        (b'{"a": 1} {"b": 2}', "json_invalid"),
    ],
)
def test_each_rule_is_refused_with_its_code_and_names_the_member(text: bytes, code: str) -> None:
    with pytest.raises(JSONRefused) as refused:
        loads(text, what="assessments/x.json")
    assert refused.value.code == code
    assert refused.value.message.startswith("assessments/x.json ")
    assert refused.value.data["member"] == "assessments/x.json"


def test_deep_nesting_is_refused_without_recursion_at_any_stack_depth() -> None:
    """The depth is checked before the recursive parser runs, so no RecursionError escapes."""

    def nested(levels: int) -> None:
        if levels:
            nested(levels - 1)
            return
        with pytest.raises(JSONRefused) as refused:
            loads(DEEP, what="manifest.json")
        assert refused.value.code == "json_too_deep"

    nested(sys.getrecursionlimit() - 100)


@pytest.mark.parametrize(
    "text",
    [
        b"9007199254740991",
        b"-9007199254740991",
        b"9007199254740991.0",
        b"-1.5e15",
        b"-0",
        b"0.1",
        b'"\\ud83d\\ude00 \xf0\x9f\x98\x80"',  # a surrogate pair, escaped and raw
        b'"\\\\ud800"',  # an escaped backslash, then text: no surrogate at all
        b'{"a": "[[[[[[[[", "b": "\\"{{{{"}',  # brackets inside strings do not count
        b"[" * MAX_DEPTH + b"]" * MAX_DEPTH,
    ],
)
def test_what_i_json_allows_is_read(text: bytes) -> None:
    assert loads(text, what="m") == json.loads(text)


def test_one_level_past_the_limit_is_refused() -> None:
    with pytest.raises(JSONRefused):
        loads(b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1), what="m")


def test_brackets_inside_strings_do_not_count_and_open_strings_run_to_the_end() -> None:
    inside = '"' + "[" * (MAX_DEPTH + 5) + '"'
    assert loads(f"[{inside}, {{\"k{'{' * 70}\": [1]}}]", what="m") == [
        inside.strip('"'), {"k" + "{" * 70: [1]}
    ]
    with pytest.raises(JSONRefused) as refused:  # the string never closes: nothing is deep
        loads('["' + "[" * 100, what="m")
    assert refused.value.code == "json_invalid"
    with pytest.raises(JSONRefused) as refused:  # after a closed string, the brackets count
        loads('"a"' + "[" * 100, what="m")
    assert refused.value.code == "json_too_deep"


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet='[]{}"\\a,\u00e9\u20ac\U0001f600\ud800', max_size=300), st.integers(0, 8))
@example('"\\a"[[[[', 2)  # an escape of a character the scan sets aside, then depth
@example('"\\\u20ac"[[[[', 2)  # the same with a character of three bytes
@example('"\\\\a"[[[[', 2)  # an escaped backslash, then a character, then depth
@example('"\\""[[[[', 2)  # an escaped quote: the string runs on
def test_depth_is_judged_the_same_with_and_without_escapes(text: str, limit: int) -> None:
    """The scan of the UTF-8 bytes (escapes or none, characters of one to four bytes, a lone
    surrogate) sees the brackets the pattern sees in the text, whether bytes or text is read."""

    # The reference: the pattern of strings (escapes and all), then a running count.
    string = re.compile(r'"(?:[^"\\]++|\\.?)*+(?:"|\Z)', re.DOTALL)
    steps = {"[": 1, "{": 1, "]": -1, "}": -1}
    outside = [steps[c] for c in string.sub("", text) if c in steps]
    deepest = max(accumulate(outside), default=0)
    inputs: list[str | bytes] = [text]
    if "\ud800" not in text:
        inputs.append(text.encode("utf-8"))
    for given_ in inputs:
        try:
            loads(given_, what="m", max_depth=limit)
        except JSONRefused as exc:
            code = exc.code
        else:
            code = None
        assert (code == "json_too_deep") == (deepest > limit), given_


# -- property: anything goes in; a value that re-encodes canonically, or a refusal, comes out ----

_strings = st.text(st.characters(categories=("L", "N", "P", "S", "Zs", "Cc", "Cs")), max_size=6)
_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | _strings,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_strings, inner, max_size=4),
    max_leaves=25,
)
_EXTRAS = ["", "1e400", "-1e999", "NaN", "-Infinity", '{"a": 1, "a": 1}', "[[[]]]",
           "[" * 100_000 + "]" * 100_000, "123456789012345678901234567890", '"\\udfff"']


def _hostile(value: Any) -> bool:
    if isinstance(value, float):
        return not math.isfinite(value) or abs(value) > MAX_SAFE_INTEGER
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int):
        return abs(value) > MAX_SAFE_INTEGER
    if isinstance(value, str):
        return any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    if isinstance(value, list):
        return any(_hostile(v) for v in value)
    return any(_hostile(k) or _hostile(v) for k, v in value.items())


CODES = {"json_invalid", "json_duplicate_key", "json_number", "json_too_deep"}


def _check(text: bytes) -> Any:
    """Return the value, or None when refused; fail on anything else or a broken round trip."""
    try:
        value = loads(text, what="document.json")
    except JSONRefused as exc:
        code = exc.code
    else:
        canonical = rfc8785.dumps(value)
        assert loads(canonical, what="again") == value
        return value
    assert code in CODES
    return None


@settings(max_examples=300, deadline=None)
@given(_values, st.booleans(), st.sampled_from(_EXTRAS))
def test_hostile_json_is_refused_and_the_rest_round_trips(
    value: Any, ascii_only: bool, extra: str
) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only, allow_nan=True)
    if extra:
        text = f"[{text}, {extra}]"
    data = text.encode("utf-8", "surrogatepass")
    result = _check(data)
    expected_refusal = _hostile(value) or extra not in ("", "[[[]]]")
    if expected_refusal:
        assert result is None
    else:
        assert result == json.loads(text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_are_read_or_refused_never_anything_else(data: bytes) -> None:
    _check(data)


@settings(max_examples=200, deadline=None)
@given(_values.filter(lambda v: not _hostile(v)), st.integers(0, 3), st.data())
def test_damaged_json_text_is_read_or_refused_never_anything_else(
    value: Any, cut: int, data: st.DataObject
) -> None:
    text = bytearray(json.dumps(value).encode())
    for _ in range(cut):
        if text:
            at = data.draw(st.integers(0, len(text) - 1))
            text[at] = data.draw(st.sampled_from(b'[]{}",:\\0eE-+.\xff'))
    _check(bytes(text))
