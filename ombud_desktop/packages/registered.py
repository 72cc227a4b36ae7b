"""What a package says of an assessment's entity and instrument, checked against the register.

A document's entity may carry its register ``code`` (packages made since format 1 gained the
field; older ones have none and are matched by their names' keys). An unknown code, or a code
whose register category or province disagrees with the document, refuses the whole package,
naming the member. A name with letters of another script than Latin is accepted only when it
maps onto the register or onto an entity or locus the workspace already has (then the name here
is kept); otherwise the package is refused. An assessment new to the workspace whose instrument
does not declare its period must carry the reason it was confirmed with (``instrument_reason``).
"""

from __future__ import annotations

from typing import Any

from ombud_desktop.domain import register
from ombud_desktop.domain.names import foreign_letters
from ombud_desktop.instruments import Instrument
from ombud_desktop.instruments.model import CATEGORIES
from ombud_desktop.packages.format import Problem
from ombud_desktop.storage.changes import Change
from ombud_desktop.storage.workspace import Workspace

NAME_LIMIT = 200


def entity_problem(document: dict[str, Any], member: str) -> Problem | None:
    """Return what is wrong with a document's entity as the register sees it, or None."""
    entity = document["entity"]
    category, code = entity.get("category"), entity.get("code")
    if category not in CATEGORIES:
        return Problem("member_invalid", f"{member}: {category!r} is not an entity category",
                       member)
    for field in ("name", "province"):
        value = entity.get(field)
        if not isinstance(value, str) or len(value) > NAME_LIMIT:
            return Problem("member_invalid", f"{member}: the entity's {field} is not a name",
                           member)
    if code is None:
        return None
    entry = register.by_code(code) if isinstance(code, str) else None
    if entry is None:
        return Problem(
            "entity_code_unknown",
            f"{member}: the entity code {code!r} ({entity['name']}) is not in the register",
            member,
        )
    province_here = register.load().province_name(entity["province"])
    if entry.category != category or (entry.province and province_here != entry.province):
        return Problem(
            "entity_code_mismatch",
            f"{member}: the entity code {code} is {entry.name} ({entry.category}"
            f"{', ' + entry.province if entry.province else ''}), but the document says "
            f"{entity['name']} ({category}, {entity['province']})",
            member,
        )
    return None


def unmatched_name(
    workspace: Workspace, document: dict[str, Any], member: str
) -> Problem | None:
    """Refuse a look-alike name that neither the register nor this workspace knows."""
    entity, locus = document["entity"], document["locus"]
    category, name, province = entity["category"], entity["name"], entity["province"]
    known = register.find(category, name, province) or (
        register.by_code(entity["code"]) if entity.get("code") else None
    )
    entity_id = workspace.find_entity(
        category, name, province, code=known.code if known else None
    )
    if foreign_letters(name) and known is None and entity_id is None:
        return Problem(
            "name_foreign_letters",
            f"{member}: the entity name {name!r} has letters that are not Latin "
            f"({', '.join(foreign_letters(name))}) and matches no entity of the register or "
            "of this workspace",
            member,
        )
    locus_name = str(locus["name"])
    if foreign_letters(locus_name) and (
        entity_id is None or workspace.find_locus(entity_id, locus_name) is None
    ):
        return Problem(
            "name_foreign_letters",
            f"{member}: the locus name {locus_name!r} has letters that are not Latin "
            f"({', '.join(foreign_letters(locus_name))}) and matches no locus of this workspace",
            member,
        )
    return None


def period_problem(
    document: dict[str, Any], instrument: Instrument, changes: list[Change], member: str
) -> Problem | None:
    """Refuse an assessment whose instrument does not declare its period, without a reason."""
    period = str(document.get("period") or "")
    if not period.isdigit() or int(period) in instrument.periods:
        return None
    reasons = [
        c for c in changes if c.target == "assessment" and c.field == "instrument_reason"
    ]
    latest = max(reasons, key=lambda c: (c.at, c.id), default=None)
    if latest is not None and isinstance(latest.value, str) and latest.value.strip():
        return None
    where = f"{document['entity']['name']} / {document['locus']['name']}"
    declared = ", ".join(str(p) for p in instrument.periods) or "no period"
    return Problem(
        "instrument_period_mismatch",
        f"assessment {document['assessment_id']} ({where}) is of {period}, but its instrument "
        f"{instrument.id} is meant for {declared}, and no reason for using it was recorded",
        member,
    )
