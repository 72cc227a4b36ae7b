"""Packages a dishonest (or broken) but trusted sender could make: the assessment document is
edited, the manifest updated to match and signed again with the sender's own key, using the
project's signing code. Such a package verifies; what it carries is what is wrong.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ombud_desktop.packages.export import Signer
from ombud_desktop.packages.state import state_digest
from tests.packages.conftest import Members, read_members, resign, write_members

Document = dict[str, Any]


def document_of(package: Path) -> Document:
    """Return the (one) assessment document a package carries."""
    [data] = [d for info, d in read_members(package) if info.filename.startswith("assessments/")]
    return json.loads(data)


def doctor(source: Path, target: Path, signer: Signer, edit: Callable[[Document], None]) -> Path:
    """Write a copy of ``source`` whose assessment document ``edit`` changed, signed again."""
    members: Members = []
    sizes: dict[str, tuple[int, str]] = {}
    ids: list[str] = []
    for info, data in read_members(source):
        if info.filename.startswith("assessments/"):
            document = json.loads(data)
            edit(document)
            ids = [c["id"] for c in document["changes"]]
            data = json.dumps(document, ensure_ascii=False).encode("utf-8")
            sizes[info.filename] = (len(data), hashlib.sha256(data).hexdigest())
        members.append((info, data))

    def declare(manifest: dict[str, Any]) -> None:
        for member in manifest["members"]:
            if member["path"] in sizes:
                member["size"], member["sha256"] = sizes[member["path"]]
        for entry in manifest["assessments"]:
            # Every change id (export without a recipient: no sealed personal changes).
            entry["state_digest"] = state_digest(ids)

    target.parent.mkdir(parents=True, exist_ok=True)
    return write_members(target, resign(members, signer, declare))


def reusing_change_id(change_id: str) -> Callable[[Document], None]:
    """Return an edit giving the document's first change the id of a change elsewhere."""

    def edit(document: Document) -> None:
        document["changes"][0]["id"] = change_id

    return edit


def invalid_status(document: Document) -> None:
    """Set the assessment's status, in its change log, to one the workspace does not accept."""
    for change in document["changes"]:
        if change["target"] == "assessment" and change["field"] == "status":
            change["value"] = "bogus"
            return
    raise AssertionError("the document records no status")
