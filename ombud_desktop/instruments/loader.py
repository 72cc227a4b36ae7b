"""Load instrument and grade-scale files, validate them, and say exactly where they are wrong."""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import math
import re
from importlib import resources
from pathlib import Path
from typing import Any

import rfc8785
import yaml
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from ombud_desktop.errors import InstrumentError
from ombud_desktop.instruments.model import FORMAT_VERSION, GradeScale, Instrument

GRADE_SCALE_FORMAT = "ombud-grade-scale"

_FRIENDLY = {
    "missing": "is required",
    "extra_forbidden": "is not a known field (check the spelling; see docs/instrument-format.md)",
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "list_type": "must be a list",
    "dict_type": "must be a mapping (key: value)",
    "model_type": "must be a mapping (key: value)",
    "bool_type": "must be true or false",
}


def jsonable(value: Any) -> Any:
    """Return a parsed YAML value as plain JSON data (mapping keys become strings)."""
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [jsonable(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def content_hash(document: dict[str, Any]) -> str:
    """Return the SHA-256 (hex) of the canonical JSON (RFC 8785) of a parsed document."""
    return hashlib.sha256(rfc8785.dumps(jsonable(document))).hexdigest()


def canonical_json(document: dict[str, Any]) -> str:
    """Return the canonical JSON text (RFC 8785) of a parsed document."""
    return rfc8785.dumps(jsonable(document)).decode("utf-8")


def load_instrument_file(path: str | Path) -> Instrument:
    """Read, validate and return the instrument in ``path``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InstrumentError(
            f"{path}: file not found",
            code="instrument_missing",
            hint="Check the path, or run `ombud instrument list` to see the instruments shipped.",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InstrumentError(
            f"{path}: cannot be read ({exc})", hint="The file must be UTF-8 text (YAML).",
            code="instrument_unreadable", filename=path.name,
        ) from None
    return parse_instrument_text(text, name=path.name)


def parse_instrument_text(text: str, *, name: str) -> Instrument:
    """Validate instrument YAML ``text``; ``name`` is used in error messages."""
    document, root = _parse_yaml(text, name)
    return parse_instrument_document(document, name=name, root=root)


def parse_instrument_document(
    document: Any, *, name: str, root: yaml.Node | None = None
) -> Instrument:
    """Validate an already-parsed instrument document (e.g. the copy kept in a workspace)."""
    if not isinstance(document, dict):
        raise InstrumentError(
            f"{name}: the file must be a YAML mapping at the top level",
            code="instrument_not_mapping", filename=name,
        )
    _check_format(document, name, "ombud-instrument", root)
    _check_values(document, name, root)
    instrument = _validate(Instrument, document, name, root)
    instrument._document = jsonable(document)
    instrument._content_hash = content_hash(instrument._document)
    instrument._source = name
    return instrument


def load_grade_scale_file(path: str | Path) -> GradeScale:
    """Read and validate a standalone grade-scale file (``format: ombud-grade-scale``)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InstrumentError(
            f"{path}: cannot be read ({exc})",
            code="instrument_unreadable", filename=path.name,
        ) from None
    return _parse_grade_scale(text, path.name)


def _parse_grade_scale(text: str, name: str) -> GradeScale:
    document, root = _parse_yaml(text, name)
    if not isinstance(document, dict):
        raise InstrumentError(
            f"{name}: the file must be a YAML mapping at the top level",
            code="instrument_not_mapping", filename=name,
        )
    _check_format(document, name, GRADE_SCALE_FORMAT, root)
    body = {k: v for k, v in document.items() if k not in ("format", "format_version")}
    return _validate(GradeScale, body, name, root)


# -- shipped files ---------------------------------------------------------------------------


def _resource_dir(sub: str) -> Any:
    return resources.files("ombud_desktop.resources").joinpath(sub)


def builtin_instruments() -> list[Instrument]:
    """Return every instrument shipped with the application, sorted by id."""
    return list(_builtin_instruments())


@functools.cache
def _builtin_instruments() -> tuple[Instrument, ...]:
    # Shipped files cannot change while the program runs: parse them once.
    folder = _resource_dir("instruments")
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            found.append(parse_instrument_text(entry.read_text(encoding="utf-8"), name=entry.name))
    ids = [i.id for i in found]
    for instrument in found:
        if ids.count(instrument.id) > 1:
            raise InstrumentError(
                f"{instrument.source}: id {instrument.id!r} is used by another shipped file",
                hint="Give each instrument file its own id (and version).",
                code="instrument_duplicate_id", instrument=instrument.id,
            )
    return tuple(sorted(found, key=lambda i: i.id))


def builtin_instrument(instrument_id: str) -> Instrument:
    """Return the shipped instrument with ``instrument_id``."""
    for instrument in builtin_instruments():
        if instrument.id == instrument_id:
            return instrument
    known = ", ".join(i.id for i in builtin_instruments())
    raise InstrumentError(
        f"no instrument with id {instrument_id!r}",
        code="instrument_unknown",
        hint=f"Known instruments: {known}.",
    )


def instrument_for_period(year: int) -> Instrument:
    """Return the shipped instrument meant for an assessment year (the newest if none says so)."""
    instruments = builtin_instruments()
    for instrument in instruments:
        if year in instrument.periods:
            return instrument
    return max(instruments, key=lambda i: max(i.periods, default=0))


def builtin_grade_scales() -> dict[str, GradeScale]:
    """Return the shipped grade scales, historic ones included, by id."""
    scales: dict[str, GradeScale] = {}
    folder = _resource_dir("grade_scales")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            scale = _parse_grade_scale(entry.read_text(encoding="utf-8"), entry.name)
            scales[scale.id] = scale
    for instrument in builtin_instruments():
        scales.setdefault(instrument.grade_scale.id, instrument.grade_scale)
    return scales


# -- validation helpers ----------------------------------------------------------------------


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Numbers an instrument may hold: JSON's exact integers (RFC 8785 refuses larger ones, and so
# would the content hash) and finite floats.
MAX_INTEGER = 2**53 - 1


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe YAML loader that refuses a key given twice in one mapping.

    PyYAML keeps the last value of a duplicate key silently; in an instrument that hides a
    mistake (two ``weight:`` lines, one forgotten) or a trick. Keys that would become the same
    JSON key (``1`` and ``"1"``) count as the same. Keys merged in with ``<<`` may be
    overridden, as YAML means them to be.
    """

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, _value in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                text = str(jsonable(key)) if isinstance(key, datetime.date) else str(key)
                if text in seen:
                    raise yaml.constructor.ConstructorError(
                        "while reading a mapping",
                        node.start_mark,
                        f"the key {text!r} appears twice",
                        key_node.start_mark,
                    )
                seen.add(text)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


def _parse_yaml(text: str, name: str) -> tuple[Any, yaml.Node | None]:
    """Parse once, keeping both the data and the node tree (for line numbers in messages)."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        document = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise InstrumentError(
            f"{name}: {where}not valid YAML ({exc.problem or exc.context})",
            hint="Fix the YAML syntax at that place (indentation, quotes, colons).",
            code="instrument_yaml_invalid", filename=name,
        ) from None
    except yaml.YAMLError as exc:
        raise InstrumentError(
            f"{name}: not valid YAML ({exc})",
            code="instrument_yaml_invalid", filename=name,
        ) from None
    except (ValueError, RecursionError) as exc:
        # An integer of more than 4,300 digits, or mappings nested thousands deep.
        raise InstrumentError(
            f"{name}: not valid YAML ({type(exc).__name__}: {str(exc)[:200]})",
            hint="The file holds a number or a nesting far beyond any instrument's.",
            code="instrument_yaml_invalid", filename=name,
        ) from None
    finally:
        loader.dispose()
    return document, root


def _check_format(document: dict[str, Any], name: str, expected: str, root: Any) -> None:
    found = document.get("format")
    if found != expected:
        raise InstrumentError(
            f"{name}: format: must be {expected!r} (found {found!r})",
            hint="Is this the right kind of file?",
            code="instrument_wrong_kind", filename=name, expected=expected,
        )
    version = document.get("format_version")
    if version != FORMAT_VERSION:
        line = _line_of(root, ["format_version"]) if "format_version" in document else None
        raise InstrumentError(
            f"{name}: format_version: this version of Ombud Desktop reads version "
            f"{FORMAT_VERSION}, the file says {version!r}" + (f" (line {line})" if line else ""),
            code="instrument_format_unsupported",
            hint="Install the Ombud Desktop release that matches this instrument file.",
        )


def _check_values(document: Any, name: str, root: Any) -> None:
    """Refuse a value JSON cannot hold exactly: NaN, ±infinity, a huge integer, bytes, a set.

    Pydantic would take ``.inf`` as a weight, and the content hash (RFC 8785) would then fail
    with an error of its own; this names the place instead.
    """
    stack: list[tuple[list[Any], Any]] = [([], document)]
    while stack:
        path, value = stack.pop()
        problem = None
        if isinstance(value, dict):
            stack.extend(([*path, key], item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend(([*path, index], item) for index, item in enumerate(value))
        elif isinstance(value, bool) or value is None or isinstance(value, str | datetime.date):
            pass
        elif isinstance(value, int):
            if abs(value) > MAX_INTEGER:
                problem = f"the number is too large (at most {MAX_INTEGER})"
        elif isinstance(value, float):
            if not math.isfinite(value):
                problem = "must be a finite number (not .inf, .nan or a number like 1e400)"
        else:
            problem = f"a {type(value).__name__} value is not allowed (text, numbers, lists)"
        if problem:
            place = _format_path(path)
            line = _line_of(root, path)
            suffix = f" (line {line})" if line else ""
            raise InstrumentError(
                f"{name}: {place}: {problem}{suffix}",
                code="instrument_value",
                hint="Correct the file at that place and validate again with `ombud instrument "
                "validate FILE`.",
                filename=name,
                place=f"{place}{suffix}",
            )


def _validate(model: type[BaseModel], document: dict[str, Any], name: str, root: Any) -> Any:
    try:
        return model.model_validate(document)
    except PydanticValidationError as exc:
        lines = [_describe(error, document, root) for error in exc.errors()]
        first = lines[0]
        more = f" (and {len(lines) - 1} more problem(s))" if len(lines) > 1 else ""
        raise InstrumentError(
            f"{name}: {first}{more}",
            hint="Correct the file at that place and validate again with `ombud instrument "
            "validate FILE`.",
            problems=[f"{name}: {line}" for line in lines],
            code="instrument_invalid", filename=name,
        ) from None


def _describe(error: Any, document: Any, root: Any) -> str:
    path = _real_path(error["loc"], document)
    place = _format_path(path)
    message = _FRIENDLY.get(error["type"])
    if message is None:
        message = error["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
        if error["type"] == "literal_error":
            message = "must be " + error["msg"].removeprefix("Input should be ")
        elif error["type"] in ("greater_than", "greater_than_equal", "less_than_equal"):
            limit = json.dumps(next(iter(error.get("ctx", {}).values()), ""))
            symbol = {"greater_than": ">", "greater_than_equal": "≥", "less_than_equal": "≤"}
            message = f"must be a number {symbol[error['type']]} {limit}"
    if not path:
        # A whole-instrument check names the place at the start of its message.
        match = _PLACE_IN_MESSAGE.match(message)
        if match:
            path = _parse_place(match.group("place"))
    line = _line_of(root, path)
    suffix = f" (line {line})" if line else ""
    return f"{place}: {message}{suffix}" if place else f"{message}{suffix}"


_PLACE_IN_MESSAGE = re.compile(r"^(?P<place>[a-z_]+(?:\[\d+\]|\.[A-Za-z0-9_]+| \([^)]*\))*):")


def _parse_place(place: str) -> list[Any]:
    """Turn "dimensions[0].indicators[6] (IN07).anchors" into a path for _line_of."""
    parts: list[Any] = []
    for token in re.finditer(r"\[(\d+)\]|([A-Za-z0-9_]+)|\([^)]*\)", place):
        if token.group(1) is not None:
            parts.append(int(token.group(1)))
        elif token.group(2) is not None:
            parts.append(token.group(2))
    return parts


def _real_path(loc: tuple[Any, ...], document: Any) -> list[Any]:
    """Drop the parts of a pydantic location that are not in the file (union tags, etc.)."""
    path: list[Any] = []
    node = document
    for part in loc:
        in_mapping = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_mapping or in_list:
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, int) and str(part) in node:
            path.append(str(part))
            node = node[str(part)]
        elif isinstance(node, dict | list):
            # A tag pydantic inserts for a union, or a key that is missing from the file.
            if isinstance(part, str) and part and (part[0].isupper() or "[" in part):
                continue
            if isinstance(node, dict) and part in (node.get("kind"),):
                continue
            path.append(part)
            node = None
        else:
            path.append(part)
            node = None
    return path


def _format_path(path: list[Any]) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def _line_of(root: Any, path: list[Any]) -> int | None:
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == str(part):
                    node = value
                    line = key.start_mark.line + 1
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return line
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line
