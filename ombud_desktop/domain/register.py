"""The register of entities: provinces, kabupaten and kota by their Kemendagri codes, and the
kementerian and lembaga by codes of our own (``kementerian:kesehatan``).

Read from ``resources/regions/`` when first asked and kept (SOURCE.md there says where the data
comes from and under which licence). Names are looked up by :func:`name_key`, so case, spacing
and look-alike letters do not matter; "Kab." is read as "Kabupaten", and a province entity is
found by "Banten" as well as "Provinsi Banten".
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ombud_desktop.domain.names import name_key

CATEGORIES = ("kementerian", "lembaga", "provinsi", "kota", "kabupaten")
REGIONAL = ("provinsi", "kota", "kabupaten")
"""Categories whose whole country the register holds (Kemendagri's list)."""

_KAB = re.compile(r"^kab\.?\s+")


@dataclass(frozen=True)
class RegisterEntry:
    """One entity of the register. ``province`` is None for kementerian and lembaga."""

    code: str
    category: str
    name: str
    province: str | None

    def to_json(self) -> dict[str, Any]:
        """Return the entry as JSON data."""
        return {
            "code": self.code,
            "category": self.category,
            "name": self.name,
            "province": self.province,
        }


class Register:
    """Entities by category, code and name; built from the shipped files by :func:`load`."""

    def __init__(self, entries: list[RegisterEntry], province_aliases: dict[str, str]):
        self._entries = entries
        self._by_code = {e.code: e for e in entries}
        self._by_key: dict[tuple[str, str], list[RegisterEntry]] = {}
        for entry in entries:
            self._by_key.setdefault((entry.category, _lookup_key(entry.name)), []).append(entry)
        self._provinces: dict[str, RegisterEntry] = {}
        for entry in entries:
            if entry.category == "provinsi":
                assert entry.province is not None
                self._provinces[name_key(entry.province)] = entry
                self._by_key.setdefault(("provinsi", name_key(entry.province)), []).append(entry)
        for alias, code in province_aliases.items():
            self._provinces[name_key(alias)] = self._by_code[code]

    def entries(self, category: str, province: str | None = None) -> list[RegisterEntry]:
        """Return the entities of a category (of one province when given), in code order."""
        wanted = self.province_name(province) if province else None
        return [
            e
            for e in self._entries
            if e.category == category and (wanted is None or e.province == wanted)
        ]

    def by_code(self, code: str) -> RegisterEntry | None:
        """Return the entity with this code, or None."""
        return self._by_code.get(code)

    def find(self, category: str, name: str, province: str | None = None) -> RegisterEntry | None:
        """Return the entity of ``category`` called ``name`` (in ``province``), or None."""
        found = self._by_key.get((category, _lookup_key(name)), [])
        if not found and category == "provinsi" and (alias := self.province_name(name)):
            found = [e for e in self._entries if e.category == category and e.province == alias]
        if province is not None and category in REGIONAL:
            wanted = self.province_name(province)
            found = [e for e in found if e.province == wanted]
        return found[0] if len(found) == 1 else None

    def province_name(self, text: str) -> str | None:
        """Return the register's name of a province written as ``text`` (aliases too)."""
        entry = self._provinces.get(name_key(text)) or self._provinces.get(
            name_key(re.sub(r"^\s*provinsi\s+", "", text, flags=re.IGNORECASE))
        )
        return entry.province if entry else None

    def provinces(self) -> list[str]:
        """Return the names of the provinces in code order."""
        return [e.province for e in self._entries if e.category == "provinsi" and e.province]

    def nearest(
        self, category: str, name: str, province: str | None = None, count: int = 5
    ) -> list[RegisterEntry]:
        """Return the entities of a category whose names are closest to ``name``."""
        pool = self.entries(category, province if province and self.province_name(province)
                            else None)
        by_key = {_lookup_key(e.name): e for e in pool}
        close = difflib.get_close_matches(_lookup_key(name), list(by_key), n=count, cutoff=0.5)
        return [by_key[key] for key in close]

    def country_size(self, category: str) -> int | None:
        """Return how many entities of a category the whole country has (None: not known)."""
        if category not in REGIONAL:
            return None  # the name lists are not the set assessed in a year (SOURCE.md)
        return sum(1 for e in self._entries if e.category == category)


def _lookup_key(name: str) -> str:
    return _KAB.sub("kabupaten ", name_key(name))


@functools.cache
def load() -> Register:
    """Return the shipped register, read once."""
    import yaml  # loaded when the register is read, not with the workspace

    folder = resources.files("ombud_desktop.resources").joinpath("regions")
    entries = [
        RegisterEntry(row["code"], row["category"], row["name"], row["province"])
        for row in csv.DictReader(io.StringIO(folder.joinpath("regions.csv").read_text("utf-8")))
    ]
    names = yaml.safe_load(folder.joinpath("names.yaml").read_text("utf-8"))
    for category in ("kementerian", "lembaga"):
        entries += [
            RegisterEntry(str(code), category, str(name), None)
            for code, name in names[category].items()
        ]
    aliases = {str(k): str(v) for k, v in names.get("province_aliases", {}).items()}
    return Register(entries, aliases)


def entity_key(category: str, name: str, province: str) -> str:
    """Return what identifies an entity without a code: category, province and name keys."""
    province_name = load().province_name(province) if province else None
    return "\x1f".join((category, name_key(province_name or province), _lookup_key(name)))


def country_size(category: str) -> int | None:
    """Return how many entities of a category the whole country has (None: not known)."""
    return load().country_size(category)


def by_code(code: str) -> RegisterEntry | None:
    """Return the register entity with this code, or None."""
    return load().by_code(code)


def find(category: str, name: str, province: str | None = None) -> RegisterEntry | None:
    """Return the register entity of ``category`` called ``name`` (in ``province``), or None."""
    return load().find(category, name, province)


def entries(category: str, province: str | None = None) -> list[RegisterEntry]:
    """Return the register entities of a category (of one province when given)."""
    return load().entries(category, province)
