"""Service-user numbers stay unique after a merge, the same in every workspace and output."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from ombud_desktop.domain.assessment import service_user_numbers
from ombud_desktop.exports import tables
from ombud_desktop.exports.spreadsheet import export_spreadsheet
from ombud_desktop.instruments import Instrument
from ombud_desktop.packages.export import Signer, export_assessment
from ombud_desktop.packages.importer import import_package
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.documents import load_document
from tests.conftest import FakeClock


def test_numbers_given_twice_are_shown_once_each() -> None:
    given_ = [(1, "a1"), (2, "a2"), (3, "a3"), (4, "a4"), (5, "a5"), (4, "b4"), (5, "b5")]
    assert service_user_numbers(given_) == {
        "a1": 1, "a2": 2, "a3": 3, "a4": 4, "b4": 5, "a5": 6, "b5": 7
    }
    # Unique numbers are kept as given, gaps (a deleted user's number) too.
    assert service_user_numbers([(1, "x"), (3, "y"), (7, "z")]) == {"x": 1, "y": 3, "z": 7}
    assert service_user_numbers([]) == {}
    assert service_user_numbers([(None, "x"), (None, "y")]) == {"x": 1, "y": 2}


@given(
    st.lists(
        st.tuples(st.integers(1, 12), st.uuids().map(str)), max_size=30, unique_by=lambda p: p[1]
    ),
    st.randoms(use_true_random=False),
)
def test_the_numbers_are_unique_and_do_not_depend_on_order(
    given_: list[tuple[int, str]], rng: random.Random
) -> None:
    shown = service_user_numbers(given_)
    shuffled = list(given_)
    rng.shuffle(shuffled)
    assert service_user_numbers(shuffled) == shown
    assert len(set(shown.values())) == len(given_)
    assert all(shown[rid] >= number for number, rid in given_)
    if len({n for n, _r in given_}) == len(given_):
        assert shown == {rid: n for n, rid in given_}


class Laptop:
    """A workspace of one assessor."""

    def __init__(self, root: Path, name: str):
        self.ws = Workspace.open(root / name, clock=FakeClock())
        self.ws.set_profile(name)
        self.service = AssessmentService(self.ws)

    def add_users(self, assessment_id: str, count: int) -> list[str]:
        return [
            self.service.add_service_user(assessment_id, consent=True).value for _ in range(count)
        ]

    def shown(self, assessment_id: str) -> dict[str, int]:
        users = load_document(self.ws, assessment_id).service_users
        return {u.respondent_id: u.number for u in users}


def test_two_laptops_adding_users_then_exchanging_packages_show_unique_numbers(
    tmp_path: Path, instrument: Instrument
) -> None:
    signer = Signer(Ed25519PrivateKey.generate(), "Tim")
    keys = KeyStore(tmp_path / "keys")
    keys.trust(signer.public_key, "Tim")
    packages = iter(range(100))

    def send(laptop: Laptop, to: Laptop) -> Path:
        out = tmp_path / "packages" / str(next(packages))
        path = export_assessment(laptop.ws, aid, out, signer).path
        import_package(to.ws, path, keys)
        return path

    one, two, boss = (Laptop(tmp_path, n) for n in ("Asesor 1", "Asesor 2", "Supervisor"))
    aid = one.service.create(
        instrument, NewAssessment("kabupaten", "Kabupaten Uji", "Banten", "Dinas Sosial", 2024)
    ).value
    first = one.add_users(aid, 3)
    send(one, two)
    mine, theirs = one.add_users(aid, 2), two.add_users(aid, 2)  # not seeing each other
    assert list(one.shown(aid).values()) == [1, 2, 3, 4, 5]
    assert list(two.shown(aid).values()) == [1, 2, 3, 4, 5]
    from_one = send(one, two)
    from_two = send(two, one)

    # Both laptops now hold seven users, numbered 1-7 once each, the same at both.
    shown = one.shown(aid)
    assert sorted(shown.values()) == [1, 2, 3, 4, 5, 6, 7]
    assert two.shown(aid) == shown
    assert [shown[r] for r in first] == [1, 2, 3]  # numbers not repeated are kept
    assert {shown[r] for r in mine + theirs} == {4, 5, 6, 7}
    # A supervisor gets the same numbers in either order of the packages.
    import_package(boss.ws, from_two, keys)
    import_package(boss.ws, from_one, keys)
    assert boss.shown(aid) == shown

    # The next user added anywhere comes after them.
    (eighth,) = one.add_users(aid, 1)
    assert one.shown(aid)[eighth] == 8

    # The spreadsheet shows the same numbers.
    out = tmp_path / "users.csv"
    export_spreadsheet(boss.ws, out, language="en", sheet=tables.SERVICE_USERS)
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    number, respondent = tables.word("number", "en"), tables.word("respondent_id", "en")
    in_sheet = {r[respondent]: int(r[number]) for r in rows}
    assert in_sheet == shown
    for laptop in (one, two, boss):
        laptop.ws.close()

