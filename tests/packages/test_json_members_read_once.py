"""A JSON member whose exact bytes were read strictly before is not parsed again (issue 19).

Every package of a team carries the same 110 kB instrument; the reader remembers the SHA-256 of
JSON members it read without a refusal. What it remembers must never let anything else through:
other bytes are read strictly (and refused) as before, and a remembered member is read strictly
again when its value is asked for.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from ombud_desktop.packages import authority
from ombud_desktop.packages.importer import verify_package
from ombud_desktop.packages.reader import PackageReader
from tests.packages.conftest import People
from tests.packages.test_hostile_json import HOSTILE, _hostile_package


def _instrument_member(path: Path) -> tuple[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.startswith("instrument/"))
        return name, archive.read(name)


def test_a_member_read_before_is_read_again_when_asked_for(package: Path, people: People) -> None:
    name, data = _instrument_member(package)
    for _time in range(2):  # the second time, its bytes are known to read strictly
        with PackageReader(
            package,
            trusted=people.supervisor.is_trusted,
            identify=authority.identify(people.supervisor),
        ) as reader:
            assert reader.verify().ok
            assert reader.read_json(name) == json.loads(data)


def test_other_bytes_are_still_refused_after_a_good_copy_was_read(
    package: Path, people: People, tmp_path: Path
) -> None:
    assert verify_package(package, people.supervisor).ok  # the good instrument, remembered
    name, _data = _instrument_member(package)
    for case, (_pair, code) in HOSTILE.items():
        bad = _hostile_package(package, tmp_path / str(len(case)), people, "instrument", case)
        for _time in range(2):  # a refusal is never remembered as a success
            report = verify_package(bad, people.supervisor)
            assert [(p.code, p.member) for p in report.problems][:1] == [(code, name)], case
