"""Per-entity inputs of the 2025 model as use cases: trust import, secondary data, products.

One implementation for ``ombud trust …``, ``ombud secondary …``, ``ombud products …`` and the
results window. Each input is a supervisor record (domain/entity_inputs.py) signed when a
package first carries it and checked by every importer as corrections are; only a supervisor of
the entity's province (or pusat) writes one, checked here too so nobody keeps what no other
workspace would accept. A newer record replaces the value in force; nothing is deleted.

Trust import (``ombud trust import FILE``, docs/package-format.md "Per-entity inputs"): each row
names an entity *of this workspace* by its register code or its name (case, spaces, "Kab." and
look-alike letters do not matter), with its province (empty for kementerian and lembaga), a
period in which that entity has an assessment here, a score from 0 to 100 and a positive whole
number of respondents. The first bad row refuses the whole file, naming its row and column, and
nothing is changed. A row equal to the value in force adds nothing (a re-import is idempotent);
another value is kept as a new record and the receipt says old → new.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from ombud_desktop.domain import register
from ombud_desktop.domain.entity_inputs import (
    CODE,
    MAX_NOTE,
    MAX_SOURCE,
    input_problem,
    parse_as_of,
)
from ombud_desktop.domain.names import name_key
from ombud_desktop.domain.records import (
    PRODUCTS,
    SECONDARY,
    TRUST,
    EntityRecord,
    latest_inputs,
    tidy,
)
from ombud_desktop.errors import ValidationError
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.services.changes import Changes, Written
from ombud_desktop.services.records import why_not_supervisor
from ombud_desktop.services.trust_file import TrustRow, read_trust_file
from ombud_desktop.storage import entity_inputs as inputs_store
from ombud_desktop.storage import records as store
from ombud_desktop.storage.workspace import Workspace

_NATIONAL_PROVINCE = frozenset({"", "-", "nasional", "pusat"})


@dataclass(frozen=True)
class TrustLine:
    """What one row of a trust file did: ``new``, ``replaced`` (old → new) or ``unchanged``."""

    row: int
    entity_id: str
    entity: str
    province: str
    period: str
    score: float
    respondents: int
    status: str
    old_score: float | None = None
    old_respondents: int | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the line as JSON data."""
        return {
            "row": self.row,
            "entity_id": self.entity_id,
            "entity": self.entity,
            "province": self.province,
            "period": self.period,
            "score": self.score,
            "respondents": self.respondents,
            "status": self.status,
            "old_score": self.old_score,
            "old_respondents": self.old_respondents,
        }


@dataclass(frozen=True)
class TrustReceipt:
    """What a trust import did, row by row."""

    file: str
    sha256: str
    lines: list[TrustLine] = field(default_factory=list)

    def count(self, status: str) -> int:
        """Return how many rows had this status."""
        return sum(1 for line in self.lines if line.status == status)

    def to_json(self) -> dict[str, Any]:
        """Return the receipt as JSON data."""
        return {
            "file": self.file,
            "sha256": self.sha256,
            "new": self.count("new"),
            "replaced": self.count("replaced"),
            "unchanged": self.count("unchanged"),
            "rows": [line.to_json() for line in self.lines],
        }


@dataclass(frozen=True)
class InputView:
    """One input record in force for an entity and period, as lists and the window show it.

    ``kind`` is ``trust``, ``secondary`` or ``products``; ``value`` is the score, the figure,
    or True/False (products followed); ``detail`` the rest of the record's content.
    """

    kind: str
    entity_id: str
    entity: str
    province: str
    period: str
    code: str | None
    value: Any
    detail: dict[str, Any]
    author: str
    at: str
    replaces: int  # how many older records of the same input it replaced

    def to_json(self) -> dict[str, Any]:
        """Return the view as JSON data."""
        return {
            "kind": self.kind,
            "entity_id": self.entity_id,
            "entity": self.entity,
            "province": self.province,
            "period": self.period,
            "code": self.code,
            "value": self.value,
            **self.detail,
            "author": self.author,
            "at": self.at,
            "replaces": self.replaces,
        }


@dataclass(frozen=True)
class InputChange:
    """What setting one input did: its value before (None: none) and now; ``changed`` False
    when it already had this value (nothing was recorded)."""

    entity: str
    period: str
    kind: str
    code: str | None
    old: Any
    new: Any
    changed: bool


@dataclass(frozen=True)
class EntityInputsView:
    """The inputs of one entity in a period for the results window, and who may change them."""

    entity_id: str
    entity: str
    province: str
    period: str
    trust: InputView | None
    secondary: list[InputView]
    products: InputView | None
    why_not: str | None

    @property
    def may_edit(self) -> bool:
        """Return True when this user may record inputs of this entity."""
        return self.why_not is None


class EntityInputService:
    """Trust results, secondary data and products followed, with the user's keys' authority."""

    def __init__(self, workspace: Workspace, keys: KeyStore | None):
        self.workspace = workspace
        self.keys = keys

    # -- trust -------------------------------------------------------------------------------

    def import_trust(self, path: str | Path) -> Written[TrustReceipt]:
        """Import a public-trust result file; refuse all of it at its first bad row."""
        path = Path(path)
        if why_not_supervisor(self.keys, "") == "not_supervisor":
            raise _not_allowed("-")
        sha256, rows = read_trust_file(path)
        workspace = self.workspace
        entities = inputs_store.known_entities(workspace)
        assessed = inputs_store.assessed_periods(workspace)
        periods = {period for _entity, period in assessed}
        in_force = inputs_store.read_entity_inputs(workspace)
        seen: dict[tuple[str, str], int] = {}
        lines: list[TrustLine] = []
        for row in rows:
            entity = _match(row, entities)
            key = (entity["id"], row.period)
            if row.period not in periods:
                raise _row(row, "trust_row_period_unknown", "period",
                           f"no assessment of period {row.period} is here", period=row.period)
            if key not in assessed:
                raise _row(row, "trust_row_not_assessed", "period",
                           f"{entity['name']} has no assessment in period {row.period} here",
                           entity=entity["name"], period=row.period)
            if key in seen:
                raise _row(row, "trust_row_duplicate", "entity",
                           f"{entity['name']} ({row.period}) is in row {seen[key]} already",
                           entity=entity["name"], period=row.period, first=seen[key])
            seen[key] = row.row
            if why_not_supervisor(self.keys, entity["province"]) is not None:
                raise _row(row, "trust_row_not_allowed", "entity",
                           f"{entity['name']} is of {entity['province'] or 'no province'}; "
                           "only a supervisor of its province (or pusat) records its trust "
                           "result", entity=entity["name"], province=entity["province"] or "-")
            old = in_force.get(key)
            trust = old.trust if old else None
            if trust is None:
                status = "new"
            elif (trust.score, trust.respondents) == (row.score, row.respondents):
                status = "unchanged"
            else:
                status = "replaced"
            lines.append(TrustLine(
                row.row, entity["id"], entity["name"], entity["province"], row.period,
                row.score, row.respondents, status,
                trust.score if trust else None, trust.respondents if trust else None,
            ))
        source = f"{path.name[:200]} sha256:{sha256[:16]}"
        made = []
        for line in lines:
            if line.status == "unchanged":
                continue
            content = {"score": line.score, "respondents": line.respondents, "source": source}
            assert input_problem(TRUST, content) is None, content
            made.append((line.entity_id, store.new_record(
                workspace, line.entity_id, line.period, TRUST, content)))
        if made:
            inputs_store.add_records(workspace, made)
        receipt = TrustReceipt(path.name, sha256, lines)
        return Written(receipt, Changes(corrections=True) if made else Changes())

    # -- secondary data and products followed ------------------------------------------------

    def set_secondary(
        self, entity_name: str, period: str, code: str, value: float, *, source: str,
        as_of: str,
    ) -> Written[InputChange]:
        """Record one secondary-data figure of an entity with its source and date."""
        entity, period = self._writable(entity_name, period)
        code = code.strip()
        if not CODE.match(code):
            raise ValidationError(
                f"{code!r} is not an indicator code (a letter, then letters, digits, . _ -)",
                code="secondary_code_invalid", code_text=code[:40],
            )
        if not 0 <= value <= 100 or value != value:
            raise ValidationError(f"{value} is not a score from 0 to 100",
                                  code="score_out_of_range", value=value)
        text = _source(source)
        day = parse_as_of(as_of.strip())
        if day is None:
            raise ValidationError(
                f"{as_of!r} is not a date written YYYY-MM-DD (2000 or later)",
                code="secondary_date_invalid", date=as_of[:20],
            )
        if day > (self.workspace.clock() + timedelta(days=1)).date():
            raise ValidationError(f"{as_of} is in the future", code="secondary_date_future",
                                  date=day.isoformat())
        content = {"code": code, "value": float(value), "source": text,
                   "as_of": day.isoformat()}
        old = self._in_force(entity["id"], period).secondary.get(code)
        before = None if old is None else (old.value, old.source, old.as_of)
        changed = before != (content["value"], text, content["as_of"])
        if changed:
            store.add_record(self.workspace, entity["id"],
                             store.new_record(self.workspace, entity["id"], period, SECONDARY,
                                              content))
        change = InputChange(entity["name"], period, SECONDARY, code,
                             None if old is None else old.value, float(value), changed)
        return Written(change, Changes(corrections=True) if changed else Changes())

    def set_products(
        self, entity_name: str, period: str, followed: bool, note: str = ""
    ) -> Written[InputChange]:
        """Record whether the entity followed up the Ombudsman's products (with a note)."""
        entity, period = self._writable(entity_name, period)
        text = tidy(note)
        if len(text) > MAX_NOTE:
            raise ValidationError(f"the note is longer than {MAX_NOTE} characters",
                                  code="input_text_too_long", limit=MAX_NOTE)
        records = [s.record for s in store.records_of(self.workspace, entity["id"], period)]
        latest = latest_inputs(records)[2]
        old = None if latest is None else bool(latest.content["followed"])
        changed = latest is None or (old, str(latest.content["note"])) != (followed, text)
        if changed:
            store.add_record(self.workspace, entity["id"],
                             store.new_record(self.workspace, entity["id"], period, PRODUCTS,
                                              {"followed": bool(followed), "note": text}))
        change = InputChange(entity["name"], period, PRODUCTS, None, old, bool(followed),
                             changed)
        return Written(change, Changes(corrections=True) if changed else Changes())

    # -- reading -----------------------------------------------------------------------------

    def values(
        self, *, kind: str | None = None, entity_name: str | None = None,
        period: str | None = None,
    ) -> list[InputView]:
        """Return the inputs in force (of one kind, entity, period), by entity and period."""
        entity_id = _entity(self.workspace, entity_name)["id"] if entity_name else None
        out = []
        for (eid, per), stored in sorted(inputs_store.input_records(self.workspace).items()):
            if (entity_id and eid != entity_id) or (period and per != str(period)):
                continue
            out.extend(v for v in _views(eid, stored) if kind is None or v.kind == kind)
        return sorted(out, key=lambda v: (v.period, v.province, v.entity, v.kind,
                                          v.code or ""))

    def of_entity(self, entity_id: str, period: str) -> EntityInputsView:
        """Return the inputs of one entity in a period, and whether this user may change them."""
        entity = _entity(self.workspace, entity_id)
        period = str(period)
        stored = inputs_store.input_records(self.workspace).get((entity["id"], period), [])
        views = _views(entity["id"], stored)
        return EntityInputsView(
            entity_id=entity["id"],
            entity=entity["name"],
            province=entity["province"],
            period=period,
            trust=next((v for v in views if v.kind == TRUST), None),
            secondary=[v for v in views if v.kind == SECONDARY],
            products=next((v for v in views if v.kind == PRODUCTS), None),
            why_not=why_not_supervisor(self.keys, entity["province"]),
        )

    # -- helpers -----------------------------------------------------------------------------

    def _writable(self, entity_name: str, period: str) -> tuple[dict[str, Any], str]:
        entity = _entity(self.workspace, entity_name)
        if why_not_supervisor(self.keys, entity["province"]) is not None:
            raise _not_allowed(entity["province"] or "-")
        period = str(period).strip()
        if (entity["id"], period) not in inputs_store.assessed_periods(self.workspace):
            raise ValidationError(
                f"{entity['name']} has no assessment in period {period}",
                code="no_assessment_in_period", entity=entity["name"], period=period,
            )
        return entity, period

    def _in_force(self, entity_id: str, period: str) -> Any:
        stored = inputs_store.input_records(self.workspace).get((entity_id, period), [])
        return inputs_store.inputs_of(stored)


def _entity(workspace: Workspace, name: str) -> dict[str, Any]:
    return workspace.entity_by_name(tidy(name))


def _not_allowed(province: str) -> ValidationError:
    return ValidationError(
        "only a supervisor of the entity's province (or pusat) records its trust result, "
        "secondary data and products followed",
        code="inputs_supervisor_only",
        hint="Install your supervisor's certificate (ombud keys certificate FILE) first.",
        province=province,
    )


def _source(source: str) -> str:
    text = tidy(source)
    if not text:
        raise ValidationError("say where the figure comes from (--source)",
                              code="secondary_source_needed")
    if len(text) > MAX_SOURCE:
        raise ValidationError(f"the source is longer than {MAX_SOURCE} characters",
                              code="input_text_too_long", limit=MAX_SOURCE)
    return text


def _row(row: TrustRow, code: str, column: str, message: str, **data: Any) -> ValidationError:
    return ValidationError(
        f"row {row.row}, column {column}: {message}",
        code=code,
        hint="Correct the file and import it again; nothing was changed.",
        row=row.row,
        column=column,
        **data,
    )


def _province_matches(typed: str, province: str) -> bool:
    if not province:
        return typed.casefold() in _NATIONAL_PROVINCE
    if not typed:
        return True
    known = register.load().province_name(typed)
    return (known or typed) == province or name_key(typed) == name_key(province)


def _match(row: TrustRow, entities: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the workspace entity a row names by code or name; raise naming the row."""
    text = row.entity
    found = {e["id"]: e for e in entities if e["code"] and e["code"].casefold() == text.casefold()}
    if not found:
        codes = set()
        for category in register.CATEGORIES:
            entry = register.find(category, text, row.province or None)
            if entry is not None:
                codes.add(entry.code)
        found = {e["id"]: e for e in entities if e["code"] in codes}
        for e in entities:
            same = register.entity_key(e["category"], text, e["province"]) == register.entity_key(
                e["category"], e["name"], e["province"]
            )
            if same:
                found[e["id"]] = e
    if not found:
        raise _row(row, "trust_row_entity_unknown", "entity",
                   f"{text!r} is no entity of this workspace (by name or register code)",
                   entity=text)
    here = {k: e for k, e in found.items() if _province_matches(row.province, e["province"])}
    if not here:
        first = next(iter(found.values()))
        raise _row(row, "trust_row_province_mismatch", "province",
                   f"{first['name']} is of {first['province'] or 'no province'}, not "
                   f"{row.province!r}", entity=first["name"],
                   province=first["province"] or "-", found=row.province)
    if len(here) > 1:
        raise _row(row, "trust_row_entity_ambiguous", "entity",
                   f"{text!r} names {len(here)} entities here; give its register code",
                   entity=text, count=len(here))
    return next(iter(here.values()))


def _views(entity_id: str, stored: list[store.StoredRecord]) -> list[InputView]:
    """Return the input views in force among one entity's input records of one period."""
    records = [s.record for s in stored]
    counts: dict[tuple[str, str | None], int] = {}
    for record in records:
        key = (record.kind, str(record.content.get("code")) if record.kind == SECONDARY
               else None)
        counts[key] = counts.get(key, 0) + 1
    trust, secondary, products = latest_inputs(records)
    latest: dict[tuple[str, str | None], EntityRecord] = {
        (SECONDARY, code): record for code, record in secondary.items()
    }
    if trust is not None:
        latest[(TRUST, None)] = trust
    if products is not None:
        latest[(PRODUCTS, None)] = products
    out = []
    for (kind, code), record in latest.items():
        content = dict(record.content)
        if kind == TRUST:
            value: Any = content.pop("score")
        elif kind == SECONDARY:
            content.pop("code")
            value = content.pop("value")
        else:
            value = content.pop("followed")
        out.append(InputView(
            kind=kind, entity_id=entity_id, entity=str(record.entity.get("name", "")),
            province=str(record.entity.get("province", "")), period=record.period, code=code,
            value=value, detail=content, author=record.author, at=record.at,
            replaces=counts[(kind, code)] - 1,
        ))
    return sorted(out, key=lambda v: (v.kind, v.code or ""))
