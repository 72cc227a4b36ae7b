"""Check what a verified package carries besides its changes: evidence files and the instrument.

A signature proves only who sent the bytes. What they hold is checked as if it were added here:
each evidence file as :func:`ombud_desktop.storage.evidence.check_evidence_content` checks a
file added in the app (and its media type must be the one its evidence records declare), and
a carried instrument must be the very one this workspace knows under its id and version: a
copy with other weights under the same name would score assessments differently while every
screen and report shows the same "ori-2023".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ombud_desktop.errors import EvidenceError
from ombud_desktop.instruments import Instrument, builtin_instruments
from ombud_desktop.packages.format import Member, Problem
from ombud_desktop.packages.reader import PackageReader
from ombud_desktop.storage.changes import Change
from ombud_desktop.storage.evidence import check_evidence_content
from ombud_desktop.storage.workspace import Workspace


def evidence_problems(
    reader: PackageReader, members: Sequence[Member], changes: Iterable[Change]
) -> list[Problem]:
    """Return why the package's evidence files cannot be accepted (empty when they can).

    Each ``evidence/`` member is read (hash-checked as it is read) and must be a PDF document or
    a JPEG photo that decodes whole within sane dimensions, of the media type that the evidence
    records in ``changes`` give it.
    """
    declared = _declared_evidence(changes)
    problems: list[Problem] = []
    for member in members:
        if not member.path.startswith("evidence/"):
            continue
        names, types = declared.get(member.sha256, (set(), set()))
        shown = f"{', '.join(sorted(names))} ({member.path})" if names else member.path
        try:
            found = check_evidence_content(reader.read_member(member.path), shown, stored=True)
        except EvidenceError as exc:
            problems.append(Problem("evidence_invalid", f"evidence {exc.message}", member.path))
            continue
        wrong = sorted(t for t in types if t != found)
        if wrong:
            problems.append(
                Problem(
                    "evidence_invalid",
                    f"evidence {shown}: declared as {', '.join(wrong)} but its content is "
                    f"{found}",
                    member.path,
                )
            )
    return problems


def _declared_evidence(changes: Iterable[Change]) -> dict[str, tuple[set[str], set[str]]]:
    """Return sha256 -> (file names, media types) as the package's evidence records say."""
    rows: dict[str, dict[str, Any]] = {}
    for change in changes:
        if change.target == "evidence" and change.field in ("sha256", "filename", "media_type"):
            rows.setdefault(change.row_id, {})[change.field] = change.value
    out: dict[str, tuple[set[str], set[str]]] = {}
    for row in rows.values():
        sha = row.get("sha256")
        if not isinstance(sha, str):
            continue
        names, types = out.setdefault(sha, (set(), set()))
        if isinstance(row.get("filename"), str):
            names.add(row["filename"])
        if isinstance(row.get("media_type"), str):
            types.add(row["media_type"])
    return out


def instrument_problems(workspace: Workspace, carried: Instrument, member: str) -> list[Problem]:
    """Return why a carried instrument cannot be kept: another copy has its id and version.

    The copies known are those shipped with the program and those the workspace keeps.
    """
    known = {
        i.content_hash
        for i in builtin_instruments()
        if (i.id, i.version) == (carried.id, carried.version)
    }
    known |= {
        row["hash"]
        for row in workspace.instruments()
        if (row["id"], row["version"]) == (carried.id, carried.version)
    }
    if not known or carried.content_hash in known:
        return []
    return [
        Problem(
            "instrument_altered",
            f"the package's instrument {carried.id} version {carried.version} "
            f"({carried.content_hash[:12]}…) is not the {carried.id} version {carried.version} "
            f"this workspace knows ({', '.join(sorted(h[:12] + '…' for h in known))}): its "
            "content was changed",
            member,
        )
    ]
