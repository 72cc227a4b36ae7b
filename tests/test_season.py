"""A whole season, as an office runs it: three assessors, two provinces, pusat (issue 14).

Every person has their own workspace and key folder and works through the ``ombud`` command
line, in process; answers are typed through ``AssessmentService`` (there is no command for
answers). The story runs once for the module (``season``); each test asserts one promise:

- Banten: Siti starts Kota Serang's Disdukcapil and hands it to Andi (a co-assessed locus; the
  names of her respondents reach him); both rate IN07, differently (a conflict the supervisor
  resolves); the supervisor returns it with a comment on IN09, Siti fixes it and closes the
  comment, the supervisor approves; Andi's stale copy, edited after the approval, arrives
  late (pending). Siti and Andi both assess Kota Cilegon's Disdukcapil (a duplicate: Siti's is
  kept). Andi assesses one locus of Kabupaten Serang, left on its 7-loci template.
  Kota Cilegon is capped at C.
- Lampung: Dewi assesses Kota Metro and Kabupaten Lampung Selatan; the supervisor lowers
  Lampung Selatan by 4 points (twice is refused), and withdraws 2 points given to Kota Metro.
- Both supervisors forward everything to pusat, which imports all.

Then pusat must publish, entity by entity, what each province publishes.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ombud_desktop.cli.main import main
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.assessments import AssessmentService
from ombud_desktop.services.demo import fill_locus
from ombud_desktop.storage import Workspace

PERIOD = "2024"
PRODUCTS = ("KTP-el", "Kartu Keluarga (KK)")
# who: (name, role, province of the certificate, certified by)
PEOPLE = {
    "pusat": ("Pusat Ombudsman", "national", None, None),
    "banten": ("Budi Santoso", "supervisor", "Banten", "pusat"),
    "lampung": ("Rina Wulandari", "supervisor", "Lampung", "pusat"),
    "siti": ("Siti Aminah", "assessor", "Banten", "banten"),
    "andi": ("Andi Pratama", "assessor", "Banten", "banten"),
    "dewi": ("Dewi Lestari", "assessor", "Lampung", "lampung"),
}
SUPERVISOR_OF = {"siti": "banten", "andi": "banten", "dewi": "lampung"}
TEAM = {"siti": ["andi"], "andi": ["siti"]}


class Failed(AssertionError):
    pass


def ombud(*args: str) -> str:
    """Run ``ombud ARGS`` in process; return its output, failing with its errors if it fails."""
    code, out, err = ombud_code(*args)
    if code != 0:
        raise Failed(f"ombud {' '.join(args)} -> {code}\n{out}\n{err}")
    return out


def ombud_code(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def ombud_json(*args: str) -> Any:
    return json.loads(ombud(*args, "--json"))


@dataclass
class Person:
    """One person's workspace, key folder and passphrase file."""

    who: str
    root: Path

    @property
    def name(self) -> str:
        return PEOPLE[self.who][0]

    @property
    def at(self) -> list[str]:
        return ["--workspace", str(self.root / "ws"), "--keys", str(self.root / "keys")]

    @property
    def secret(self) -> list[str]:
        return ["--passphrase-file", str(self.root / "pass")]

    @property
    def public(self) -> str:
        return str(self.root / f"{self.who}.ombkey")

    def run(self, *args: str, secret: bool = False) -> str:
        return ombud(*self.at, *args, *(self.secret if secret else ()))

    def json(self, *args: str, secret: bool = False) -> Any:
        return json.loads(self.run(*args, "--json", secret=secret))

    def code(self, *args: str) -> tuple[int, str, str]:
        return ombud_code(*self.at, *args)

    @contextlib.contextmanager
    def service(self) -> Iterator[AssessmentService]:
        with Workspace.open(self.root / "ws") as workspace:
            yield AssessmentService(workspace)


@pytest.fixture(scope="session")
def office_keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Everyone's keys, certified and exchanged, made once (scrypt is slow on purpose)."""
    base = tmp_path_factory.mktemp("office")
    people = {who: Person(who, base / who) for who in PEOPLE}
    with _quiet_environment():
        for who, person in people.items():
            person.root.mkdir()
            (person.root / "pass").write_text(f"kunci {who} musim 2024\n")
            person.run("init", "--name", person.name)
            national = ["--national"] if who == "pusat" else []
            person.run("keys", "create", *national, secret=True)
            person.run("keys", "export", person.public)
        for who, (_name, role, province, issuer) in PEOPLE.items():
            if issuer is None:
                continue
            where = ["--province", province] if role == "supervisor" else []
            cert = str(base / f"{who}.cert")
            people[issuer].run("keys", "certify", people[who].public, "--role", role, *where,
                               "--out", cert, secret=True)
            people[who].run("keys", "certificate", cert)
        for who, person in people.items():
            if who != "pusat":
                person.run("keys", "trust", people["pusat"].public, "--yes")
        for who in ("banten", "lampung"):
            people[who].run("keys", "pusat", people["pusat"].public, "--yes")
        for who, supervisor in SUPERVISOR_OF.items():
            people[who].run("keys", "recipient", people[supervisor].public)
            # From the key file the supervisor knows the assessor's receiving key too, so a
            # returned package carries the names back.
            people[supervisor].run("keys", "trust", people[who].public, "--yes")
        for who, mates in TEAM.items():
            for mate in mates:
                people[who].run("keys", "team", "add", people[mate].public, "--yes")
    return base


@contextlib.contextmanager
def _quiet_environment() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("OMBUD_PASSPHRASE", raising=False)
        patch.setenv("OMBUD_LANG", "en")
        yield


@dataclass
class Season:
    """The people after the season, and what happened to them on the way."""

    people: dict[str, Person]
    ids: dict[str, str] = field(default_factory=dict)
    seen: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, who: str) -> Person:
        return self.people[who]


def new_assessment(person: Person, entity: str, category: str) -> str:
    shown = person.json(
        "assessment", "new", "--category", category, "--entity", entity,
        "--locus", f"Disdukcapil {entity}", "--locus-type", "disdukcapil", "--period", PERIOD,
        "--team", person.name, "--visit-date", "2024-08-12",
        *(arg for product in PRODUCTS for arg in ("--product", product)),
    )
    return str(shown["id"])


def answer(person: Person, aid: str, *, finish: bool = True, **how: Any) -> None:
    with person.service() as service:
        fill_locus(service, aid, names=f"Pejabat {person.name}", **how)
        if finish:
            service.finish(aid)


def send(sender: Person, receiver: Person, folder: Path, *aids: str, forward: bool = False
         ) -> str:
    """Export ``aids`` into a fresh folder; the receiver imports it with its passphrase."""
    sender.run("export", *aids, "--out", str(folder), *(["--forward"] if forward else []),
               secret=True)
    return receiver.run("import", str(folder), secret=True)


@pytest.fixture(scope="module")
def season(office_keys: Path, tmp_path_factory: pytest.TempPathFactory) -> Season:
    base = tmp_path_factory.mktemp("season")
    people = {who: Person(who, Path(shutil.copytree(office_keys / who, base / who)))
              for who in PEOPLE}
    s = Season(people)
    with _quiet_environment():
        _banten(s, base)
        _lampung(s, base)
        s.seen["forward_banten"] = send(s["banten"], s["pusat"], base / "fwd-banten",
                                        *(s.ids[k] for k in ("serang", "cilegon", "cilegon2",
                                                             "kabserang")), forward=True)
        s.seen["forward_lampung"] = send(s["lampung"], s["pusat"], base / "fwd-lampung",
                                         s.ids["metro"], s.ids["selatan"], forward=True)
    return s


def _banten(s: Season, base: Path) -> None:
    siti, andi, budi = s["siti"], s["andi"], s["banten"]
    # A co-assessed locus: Siti starts, hands it over, Andi answers the rest.
    serang = s.ids["serang"] = new_assessment(siti, "Kota Serang", "kota")
    answer(siti, serang, parts=("ratings", "roles"), finish=False)
    s.seen["handover"] = send(siti, andi, base / "hand-andi", serang)
    s.seen["names_at_andi"] = andi.json("history", serang, "--personal-data")
    answer(andi, serang, parts=("display", "users"), finish=False)
    # Both rate IN07 again, differently: a conflict.
    with andi.service() as service:
        service.set_rating(serang, "IN07", 1)
        service.finish(serang)
    with siti.service() as service:
        service.set_rating(serang, "IN07", 2)
    s.seen["import_andi"] = send(andi, budi, base / "andi-1", serang)
    s.seen["import_siti"] = send(siti, budi, base / "siti-1", serang)
    s.seen["conflicts_at_import"] = budi.json("conflicts", "list")
    [conflict] = s.seen["conflicts_at_import"]
    siti_says = next(v for v in conflict["versions"] if v["author"] == siti.name)
    budi.run("conflicts", "resolve", serang, "response", "IN07", "value",
             "--pick", siti_says["change_id"])
    # A return and a fix.
    budi.run("review", "return", serang, "--indicator", "IN09=Bukti pengaduan tidak ada",
             "--out", str(base / "back-siti"), secret=True)
    s.seen["returned"] = siti.run("import", str(base / "back-siti"), secret=True)
    [comment] = siti.json("review", "show", serang)["comments"]
    with siti.service() as service:
        service.set_rating(serang, "IN09", 2)
        service.finish(serang)
    siti.run("review", "resolve", comment["id"], "--note", "dinilai ulang: 2")
    s.seen["fixed"] = send(siti, budi, base / "siti-2", serang)
    s.seen["approve_serang"] = budi.run("review", "approve", serang)
    # Andi's stale copy, edited after the approval, arrives late.
    with andi.service() as service:
        service.reopen(serang, "salah ketik IN10")
        service.set_rating(serang, "IN10", 0)
        service.finish(serang)
    s.seen["late"] = send(andi, budi, base / "andi-2", serang)
    # The same locus assessed twice; the supervisor keeps Siti's.
    cilegon = s.ids["cilegon"] = new_assessment(siti, "Kota Cilegon", "kota")
    answer(siti, cilegon, level=3)
    cilegon2 = s.ids["cilegon2"] = new_assessment(andi, "Kota Cilegon", "kota")
    answer(andi, cilegon2, level=1)
    kabserang = s.ids["kabserang"] = new_assessment(andi, "Kabupaten Serang", "kabupaten")
    answer(andi, kabserang, level=2)
    send(siti, budi, base / "siti-3", cilegon)
    s.seen["duplicate_import"] = send(andi, budi, base / "andi-3", cilegon2, kabserang)
    s.seen["cilegon_undecided"] = budi.json("score", "--province", "Banten")
    budi.run("duplicates", "keep", cilegon)
    for aid in (cilegon, kabserang):
        budi.run("review", "approve", aid)
    # The plan: one locus for each kota; Kabupaten Serang stays on its template.
    for entity in ("Kota Serang", "Kota Cilegon"):
        budi.run("plan", "set", entity, "--period", PERIOD, "disdukcapil")
    s.seen["banten_before_cap"] = budi.json("score", "--province", "Banten")
    budi.run("correction", "add", "Kota Cilegon", "--period", PERIOD, "--cap", "C",
             "--reason", "Rekomendasi Ombudsman diabaikan")


def _lampung(s: Season, base: Path) -> None:
    dewi, rina = s["dewi"], s["lampung"]
    metro = s.ids["metro"] = new_assessment(dewi, "Kota Metro", "kota")
    answer(dewi, metro, level=3)
    selatan = s.ids["selatan"] = new_assessment(dewi, "Kabupaten Lampung Selatan", "kabupaten")
    answer(dewi, selatan, level=2)
    send(dewi, rina, base / "dewi-1", metro, selatan)
    for aid in (metro, selatan):
        rina.run("review", "approve", aid)
    for entity in ("Kota Metro", "Kabupaten Lampung Selatan"):
        rina.run("plan", "set", entity, "--period", PERIOD, "disdukcapil")
    s.seen["lampung_before_corrections"] = rina.json("score", "--province", "Lampung")
    points = ("correction", "add", "Kabupaten Lampung Selatan", "--period", PERIOD,
              "--points", "4", "--reason", "Pengaduan tidak ditindaklanjuti")
    rina.run(*points)
    s.seen["points_twice"] = rina.code(*points)
    rina.run("correction", "add", "Kota Metro", "--period", PERIOD, "--points", "2",
             "--reason", "Maklumat tidak dipasang")
    [metro_points] = [c for c in rina.json("correction", "list") if c["entity"] == "Kota Metro"]
    rina.run("correction", "withdraw", metro_points["id"], "--reason",
             "Maklumat terpasang saat verifikasi")


def test_smoke(season: Season) -> None:
    for k, v in season.seen.items():
        print("=====", k)
        print(v if isinstance(v, str) else json.dumps(v, indent=1)[:3000])
