"""Assessments as XForm submissions of their instrument's XLSForm (``ombud export-data --xform``).

Each assessment becomes one ``<assessment id>.xml`` instance of the form that
``instruments/xlsform_form.py`` builds, so an ODK Central or KoboToolbox server holding that
form can take the data in. Calculates are left empty: a form engine computes them (our test
lets JavaRosa do so and compares with our scores). No personal data goes in: no names, NIP or
phone numbers, only answers, consent and product names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from ombud_desktop.domain.assessment import AssessmentDocument
from ombud_desktop.files import write_atomically
from ombud_desktop.instruments.model import Instrument, RoleInterviewIndicator
from ombud_desktop.instruments.xlsform import export_xlsform
from ombud_desktop.instruments.xlsform_form import (
    CONSENT,
    NO,
    NONE_NAMED,
    PRODUCT_NAME,
    PRODUCTS,
    USERS,
    YES,
    Form,
    build_form,
)
from ombud_desktop.storage.documents import iter_documents
from ombud_desktop.storage.workspace import Workspace


@dataclass
class _Node:
    name: str
    kind: str  # "group", "repeat" or "field"
    children: list[_Node] = field(default_factory=list)


def _tree(form: Form) -> _Node:
    root = _Node("data", "group")
    stack = [root]
    for row in form.survey:
        kind, name = row.cells["type"], row.cells.get("name", "")
        if kind in ("begin_group", "begin_repeat"):
            node = _Node(name, "group" if kind == "begin_group" else "repeat")
            stack[-1].children.append(node)
            stack.append(node)
        elif kind in ("end_group", "end_repeat"):
            stack.pop()
        else:
            stack[-1].children.append(_Node(name, "field"))
    return root


def _yes_no(flag: bool | None) -> str:
    return "" if flag is None else YES if flag else NO


def _values(instrument: Instrument, document: AssessmentDocument) -> dict[str, Any]:
    """Return {field name: text} for the top of the form and [{...}] for each repeat."""
    values: dict[str, Any] = {}
    for code, answer in document.answers.items():
        if answer.not_applicable:
            values[f"{code}_na"] = YES
        if answer.value is not None:
            values[code] = str(answer.value)
    for role_code, role in document.roles.items():
        values[f"{role_code}_present"] = _yes_no(role.present)
        for _dimension, indicator in instrument.indicators():
            if not isinstance(indicator, RoleInterviewIndicator):
                continue
            name = f"{indicator.code}_{role_code}"
            if indicator.recall is not None and indicator.code in role.recall:
                named = list(dict.fromkeys(role.recall[indicator.code]))
                values[name] = " ".join(named) if named else NONE_NAMED
            elif indicator.recall is None and role.ratings.get(indicator.code) is not None:
                values[name] = str(role.ratings[indicator.code])
    products = []
    for number, product in enumerate(document.products, start=1):
        entry = {PRODUCT_NAME: product}
        for code, per_product in document.display.items():
            for channel, status in per_product.get(number, {}).items():
                if status:
                    entry[f"{code}_{channel}"] = status
        products.append(entry)
    values[PRODUCTS] = products
    users = []
    for user in document.service_users:
        entry = {CONSENT: _yes_no(user.consent)}
        entry.update({f"{code}_a": answer for code, answer in user.answers.items() if answer})
        users.append(entry)
    values[USERS] = users
    return values


def _fill(element: ElementTree.Element, node: _Node, values: dict[str, Any]) -> None:
    for child in node.children:
        if child.kind == "repeat":
            for entry in values.get(child.name, []):
                _fill(ElementTree.SubElement(element, child.name), child, entry)
        elif child.kind == "group":
            _fill(ElementTree.SubElement(element, child.name), child, values)
        else:
            ElementTree.SubElement(element, child.name).text = values.get(child.name) or None


def submission_xml(instrument: Instrument, document: AssessmentDocument) -> bytes:
    """Return the XForm submission (instance XML) of one assessment."""
    tree = instrument.derived("xform_tree", lambda: _tree(build_form(instrument)))
    root = ElementTree.Element("data", {"id": _form_id(instrument), "version": instrument.version})
    _fill(root, tree, _values(instrument, document))
    meta = ElementTree.SubElement(root, "meta")
    ElementTree.SubElement(meta, "instanceID").text = f"uuid:{document.assessment_id}"
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def _form_id(instrument: Instrument) -> str:
    return instrument.id.replace(".", "_")


@dataclass(frozen=True)
class XFormSummary:
    """What ``export_xform`` wrote."""

    submissions: int
    forms: list[str]


def export_xform(
    workspace: Workspace, folder: Path, *, progress: Callable[[int, int], None] | None = None
) -> XFormSummary:
    """Write each assessment as ``folder/<id>.xml`` and each instrument used as ``forms/*.xlsx``."""
    folder.mkdir(parents=True, exist_ok=True)
    total = len(workspace.assessment_rows())
    forms: dict[str, Instrument] = {}
    done = 0
    for _row, document in iter_documents(workspace):
        instrument = forms.get(document.instrument_hash)
        if instrument is None:
            instrument = workspace.instrument(document.instrument_hash)
            forms[document.instrument_hash] = instrument
        write_atomically(folder / f"{document.assessment_id}.xml",
                         submission_xml(instrument, document))
        done += 1
        if progress is not None:
            progress(done, total)
    names = []
    for instrument in forms.values():
        name = f"{instrument.id}-{instrument.content_hash[:12]}.xlsx"
        export_xlsform(instrument, folder / "forms" / name)
        names.append(name)
    return XFormSummary(done, sorted(names))
