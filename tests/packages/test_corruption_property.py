"""Property: random corruption of a valid package never crashes the reader and never imports
anything (the supervisor's workspace stays exactly as it was)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ombud_desktop.packages.format import PackageError
from ombud_desktop.packages.importer import import_package, verify_package
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.storage import Workspace
from tests.packages.conftest import SUPERVISOR_PASSPHRASE, People, snapshot

# One corruption: flip bits at a spot, cut the file, or insert bytes.
corruption = st.one_of(
    st.tuples(st.just("flip"), st.floats(0, 1, exclude_max=True), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.floats(0, 1, exclude_max=True), st.just(0)),
    st.tuples(st.just("insert"), st.floats(0, 1, exclude_max=True), st.integers(0, 255)),
)


def corrupt(data: bytes, steps: list[tuple[str, float, int]]) -> bytes:
    out = bytearray(data)
    for kind, where, value in steps:
        at = int(where * len(out))
        if kind == "flip":
            out[at] ^= value
        elif kind == "cut":
            del out[at:]
            if not out:
                break
        else:
            out[at:at] = bytes([value])
    return bytes(out)


@pytest.fixture
def pristine(package: Path) -> bytes:
    return package.read_bytes()


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(corruption, min_size=1, max_size=3))
def test_random_corruption_never_crashes_and_never_imports(
    steps: list[tuple[str, float, int]],
    pristine: bytes,
    people: People,
    supervisor_ws: Workspace,
    tmp_path: Path,
) -> None:
    damaged = corrupt(pristine, steps)
    if damaged == pristine:
        return
    path = tmp_path / "damaged.ombx"
    path.write_bytes(damaged)
    report = verify_package(path, people.supervisor)
    assert not report.ok
    assert report.problems
    before = snapshot(supervisor_ws)
    with pytest.raises(PackageError):
        import_package(supervisor_ws, path, people.supervisor, passphrase=SUPERVISOR_PASSPHRASE)
    assert snapshot(supervisor_ws) == before


def test_the_pristine_package_imports(
    package: Path, people: People, supervisor_ws: Workspace
) -> None:
    """The property above is not vacuous: the same package, unharmed, is accepted."""
    assert verify_package(package, people.supervisor).ok
    assert verify_package(package, KeyStore(package.parent / "nobody")).only_untrusted
    receipt = import_package(supervisor_ws, package, people.supervisor)
    assert receipt.assessments[0].added > 0
