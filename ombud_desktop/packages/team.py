"""Who a package's personal data is sealed to: oneself, supervisor, team, authors, pusat.

Kept in the user's key folder beside ``recipient.json`` (the supervisor):

- ``team.json``: the co-assessors' public key files (``ombud keys team add FILE``); every export
  is sealed to each of them, so a co-assessor keeps the names;
- ``pusat.json``: pusat's public key file (``ombud keys pusat FILE``); only an export made with
  ``--forward`` adds it, so returns to one's own team never go to pusat;
- ``backup-recipient.json``: the backup key pusat holds (``ombud keys backup-recipient FILE``);
  every export is sealed to it too, so a supervisor's lost key never loses a province's
  personal data (docs/catatan-administrator.md).

Besides, every export is sealed to one's own receiving key (a package one sent can be read back)
and to each author of the assessment's changes whose receiving key is known here (trusted from
their key file, or in the team): a supervisor's return reaches the assessors who made it.
"""

from __future__ import annotations

import json
from typing import Any

from ombud_desktop.errors import OmbudError
from ombud_desktop.files import write_atomically
from ombud_desktop.packages.keys import (
    KeyError_,
    KeyStore,
    PublicKeyFile,
    fingerprint,
    unb64,
)
from ombud_desktop.storage import custody as custody_store
from ombud_desktop.storage.workspace import Workspace

TEAM_FORMAT = "ombud-team"
TEAM_FILE = "team.json"
PUSAT_FILE = "pusat.json"
BACKUP_FILE = "backup-recipient.json"


def team(keys: KeyStore) -> list[PublicKeyFile]:
    """Return the co-assessors every export is sealed to, in the order added."""
    path = keys.folder / TEAM_FILE
    if not path.exists():
        return []
    doc = strict_load(keys, path.name)
    if doc.get("format") != TEAM_FORMAT or not isinstance(doc.get("members"), list):
        raise KeyError_(f"{path} is not a team file", code="key_file_invalid")
    return [
        PublicKeyFile.from_bytes(json.dumps(member).encode(), name=str(path))
        for member in doc["members"]
    ]


def strict_load(keys: KeyStore, name: str) -> dict[str, Any]:
    """Read a JSON file of the key folder strictly (``KeyStore``'s reader)."""
    return keys._load_json(keys.folder / name)


def add_to_team(keys: KeyStore, person: PublicKeyFile) -> bool:
    """Add a co-assessor's key file to the team (replacing an older copy); True if new.

    Their signing key is trusted too (as an assessor, unless trusted already in a role).
    """
    if person.receiving_key is None:
        raise KeyError_(
            f"the key file of {person.name or 'this person'} has no receiving key",
            code="no_receiving_key",
            hint="Ask them to run `ombud keys create` (it adds the receiving key) and export "
            "their key again.",
        )
    members = team(keys)
    new = all(m.fingerprint != person.fingerprint for m in members)
    members = [m for m in members if m.fingerprint != person.fingerprint] + [person]
    _write_team(keys, members)
    earlier = [k for k in keys.trusted() if k["fingerprint"] == person.fingerprint]
    role = earlier[0].get("role", "assessor") if earlier else "assessor"
    province = earlier[0].get("province") if earlier else None
    keys.trust(
        person.signing_key,
        person.name,
        role=role,
        province=province,
        receiving_key=person.receiving_key,
    )
    return new


def remove_from_team(keys: KeyStore, fingerprint_prefix: str) -> PublicKeyFile:
    """Remove the co-assessor whose signing fingerprint starts so (still trusted as a signer)."""
    prefix = fingerprint_prefix.replace("-", "").replace(" ", "").lower()
    members = team(keys)
    matches = [m for m in members if prefix and m.fingerprint.startswith(prefix)]
    if len(matches) != 1:
        raise KeyError_(
            f"{len(matches)} members of your team have a fingerprint starting with "
            f"{fingerprint_prefix!r}",
            code="key_not_found",
            hint="List them with `ombud keys team list` and give more of the fingerprint.",
        )
    _write_team(keys, [m for m in members if m is not matches[0]])
    return matches[0]


def _write_team(keys: KeyStore, members: list[PublicKeyFile]) -> None:
    keys.folder.mkdir(parents=True, exist_ok=True)
    doc = {
        "format": TEAM_FORMAT,
        "format_version": 1,
        "members": [m.to_json() for m in members],
    }
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    write_atomically(keys.folder / TEAM_FILE, text.encode("utf-8"))


def pusat(keys: KeyStore) -> PublicKeyFile | None:
    """Return pusat's key file that forwarded packages are also sealed to, if set."""
    return _key_file(keys, PUSAT_FILE)


def set_pusat(keys: KeyStore, key_file: PublicKeyFile | None) -> None:
    """Set (or with None, clear) pusat's key file for forwarding."""
    _set_key_file(keys, PUSAT_FILE, key_file, "pusat")


def backup_recipient(keys: KeyStore) -> PublicKeyFile | None:
    """Return the backup key file every export is also sealed to, if set."""
    return _key_file(keys, BACKUP_FILE)


def set_backup_recipient(keys: KeyStore, key_file: PublicKeyFile | None) -> None:
    """Set (or with None, clear) the backup key file every export is also sealed to."""
    _set_key_file(keys, BACKUP_FILE, key_file, "the backup key")


def _key_file(keys: KeyStore, file_name: str) -> PublicKeyFile | None:
    path = keys.folder / file_name
    if not path.exists():
        return None
    return PublicKeyFile.from_bytes(path.read_bytes(), name=str(path))


def _set_key_file(
    keys: KeyStore, file_name: str, key_file: PublicKeyFile | None, whose: str
) -> None:
    """Keep a recipient's key file in the key folder (a key that cannot receive is refused)."""
    path = keys.folder / file_name
    if key_file is None:
        path.unlink(missing_ok=True)
        return
    if key_file.receiving_key is None:
        raise KeyError_(
            f"the key file of {key_file.name or whose} has no receiving key",
            code="no_receiving_key",
            hint="Ask pusat to run `ombud keys create --receiving` and export the key again.",
        )
    keys.folder.mkdir(parents=True, exist_ok=True)
    write_atomically(path, key_file.to_bytes())


def known_receiving_keys(keys: KeyStore) -> dict[str, bytes]:
    """Return the receiving keys known here, by the owner's signing-key fingerprint."""
    known: dict[str, bytes] = {}
    for entry in keys.trusted():
        text = entry.get("receiving_key")
        if isinstance(text, str) and text:
            known[entry["fingerprint"]] = unb64(text, what="a trusted receiving key")
    people = [*team(keys), keys.recipient(), pusat(keys)]
    for person in people:
        if person is not None and person.receiving_key is not None:
            known[person.fingerprint] = person.receiving_key
    return known


def export_recipients(
    workspace: Workspace, keys: KeyStore, assessment_id: str, *, forward: bool = False
) -> list[bytes]:
    """Return the receiving keys an assessment's package seals personal data to.

    Oneself, the supervisor (``recipient.json``), the team, pusat's backup key when set, every
    author of the assessment's changes whose receiving key is known, and pusat when ``forward``.
    """
    found: dict[str, bytes] = {}

    def add(key: bytes | None) -> None:
        if key is not None:
            found[fingerprint(key)] = key

    if keys.has_receiving_key():
        add(keys.receiving_key_info().public_key)
    supervisor = keys.recipient()
    add(supervisor.receiving_key if supervisor else None)
    for member in team(keys):
        add(member.receiving_key)
    backup = backup_recipient(keys)
    add(backup.receiving_key if backup else None)
    known = known_receiving_keys(keys)
    ids = [change.id for change in workspace.changes(assessment_id)]
    for row in custody_store.custody_of(workspace, ids).values():
        author = row.get("author_fingerprint")
        if author:
            add(known.get(author))
    if forward:
        pusat_key = pusat(keys)
        if pusat_key is None:
            raise KeyError_(
                "there is no key file of pusat to forward personal data to",
                code="no_pusat_key",
                hint="Set it with `ombud keys pusat FILE` (pusat's .ombkey), then export "
                "again with --forward.",
            )
        add(pusat_key.receiving_key)
    return list(found.values())


__all__ = [
    "OmbudError",
    "add_to_team",
    "backup_recipient",
    "export_recipients",
    "known_receiving_keys",
    "pusat",
    "remove_from_team",
    "set_backup_recipient",
    "set_pusat",
    "team",
]
