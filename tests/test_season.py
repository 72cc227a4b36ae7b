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
from ombud_desktop.domain.ids import short_id
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
            people[who].run("keys", "recipient", people[supervisor].public, "--yes")
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


BANTEN = ("serang", "cilegon", "cilegon2", "kabserang")
LAMPUNG = ("metro", "selatan")
PROVINCES = {"banten": ("Banten", BANTEN), "lampung": ("Lampung", LAMPUNG)}


def published(scores: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Return what a level publishes of each entity, by name: everything but its scope."""
    out = {}
    for entity in scores["entities"]:
        out[entity["entity"]] = {
            "province": entity["province"],
            "score": entity["score_exact"],
            "grade": entity["grade"],
            "grade_capped": entity["grade_capped"],
            "provisional": entity["provisional"],
            "reasons": entity["provisional_reasons"],
            "rank_in_province": entity["rank_in_province"],
            "loci": (entity["loci_scored"], entity["loci_planned"], entity["loci_approved"]),
            "corrections": entity["corrections"],
        }
    return out


def loci_of(scores: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {locus["assessment_id"]: locus for locus in scores["loci"]}


def score(person: Person, *more: str) -> dict[str, Any]:
    with _quiet_environment():
        return dict(person.json("score", "--period", PERIOD, *more))


def change_ids(person: Person, aid: str) -> set[str]:
    """Return the ids of every change a workspace holds of an assessment (and held ones)."""
    with _quiet_environment():
        history = person.json("history", aid)
        pending = person.json("review", "pending", aid)
    ids = {c["change_id"] for cell in history["cells"] for c in cell["changes"]}
    return ids | {p["change_id"] for p in pending}


@pytest.mark.parametrize("province", ["banten", "lampung"])
def test_pusat_publishes_what_the_province_publishes(season: Season, province: str) -> None:
    name, _ = PROVINCES[province]
    at_province = score(season[province])
    at_pusat = score(season["pusat"], "--province", name)
    assert published(at_pusat) == published(at_province)
    assert {e["province"] for e in at_province["entities"]} == {name}
    # Within the province, the province's rank is the rank within the province.
    for entity in at_province["entities"]:
        assert entity["rank"] == entity["rank_in_province"]
        assert entity["rank_scope"]["provinces"] == [name]
    # Every locus too, with its review state, conflicts, pending changes and duplicate mark.
    fields = ("score_exact", "grade", "provisional", "status", "review", "open_conflicts",
              "pending_changes", "duplicate_of")
    province_loci, pusat_loci = loci_of(at_province), loci_of(at_pusat)
    assert province_loci.keys() == pusat_loci.keys()
    for aid, locus in province_loci.items():
        assert {f: pusat_loci[aid][f] for f in fields} == {f: locus[f] for f in fields}, aid


def test_at_pusat_ranks_say_they_are_among_both_provinces(season: Season) -> None:
    scores = score(season["pusat"])
    assert {e["province"] for e in scores["entities"]} == {"Banten", "Lampung"}
    for entity in scores["entities"]:
        assert entity["rank_scope"]["kind"] == "provinces"
        assert entity["rank_scope"]["provinces"] == ["Banten", "Lampung"]
    kota = sorted((e["rank"], e["entity"]) for e in scores["entities"] if e["category"] == "kota")
    # Kota Metro (100, no correction) and Kota Cilegon (100, capped at C) share rank 1 or not,
    # as the ranking rule says; Kota Serang is below both in score.
    assert [name for _rank, name in kota][-1] == "Kota Serang"


@pytest.mark.parametrize("province", ["banten", "lampung"])
def test_nothing_is_lost_on_the_way_to_pusat(season: Season, province: str) -> None:
    _, keys = PROVINCES[province]
    for key in keys:
        aid = season.ids[key]
        held = change_ids(season[province], aid)
        assert len(held) > 100  # a whole locus
        assert held <= change_ids(season["pusat"], aid), key


def test_the_late_edit_waits_and_changes_no_score(season: Season) -> None:
    serang = season.ids["serang"]
    assert "HELD" in season.seen["late"]
    with _quiet_environment():
        held = season["banten"].json("review", "pending", serang)
    assert len(held) == 4  # reopened (reason, status), IN10 = 0, finished again
    assert {(p["record"]["row_id"], p["record"]["value"]) for p in held
            if p["record"]["target"] == "response"} == {("IN10", 0)}
    assert loci_of(score(season["banten"]))[serang]["pending_changes"] == 4
    for person in (season["banten"], season["pusat"]):
        locus = loci_of(score(person))[serang]
        assert locus["indicators"]["IN10"]["value"] == 3.0  # not Andi's late 0
        assert (locus["review"], locus["status"]) == ("approved", "complete")


def test_the_late_edit_travels_to_pusat_as_pending(season: Season) -> None:
    serang = season.ids["serang"]
    with _quiet_environment():
        at_banten = season["banten"].json("review", "pending", serang)
        at_pusat = season["pusat"].json("review", "pending", serang)
    assert [p["change_id"] for p in at_pusat] == [p["change_id"] for p in at_banten]
    assert change_ids(season["banten"], serang) <= change_ids(season["pusat"], serang)
    assert published(score(season["pusat"], "--province", "Banten")) == published(
        score(season["banten"]))
    assert loci_of(score(season["pusat"]))[serang]["pending_changes"] == 4


def test_names_follow_the_work(season: Season) -> None:
    # Siti's respondents reach Andi with the handed-over locus.
    assert "personal data" not in season.seen["handover"]
    names = {
        c["value"]
        for cell in season.seen["names_at_andi"]["cells"] if cell["cell"].endswith(".name")
        for c in cell["changes"]
    }
    assert {f"Pejabat Siti Aminah R{n}" for n in range(1, 5)} <= names
    # The returned package carries them back; forwarding seals them to pusat.
    assert "personal data" not in season.seen["returned"]
    assert "personal data" not in season.seen["forward_banten"]


def test_the_duplicate_is_shown_and_only_the_kept_one_counts(season: Season) -> None:
    kept, other = season.ids["cilegon"], season.ids["cilegon2"]
    assert f"DUPLICATE: {short_id(kept)}" in season.seen["duplicate_import"]
    undecided = published(season.seen["cilegon_undecided"])["Kota Cilegon"]
    assert undecided["score"] is None  # never averaged: nothing counts until one is kept
    assert undecided["provisional"] is True
    assert "duplicate" in {r["code"] for r in undecided["reasons"]}
    both = loci_of(season.seen["cilegon_undecided"])
    assert (both[kept]["duplicate_of"], both[other]["duplicate_of"]) == (other, kept)
    for person in (season["banten"], season["pusat"]):
        scores = score(person)
        loci = loci_of(scores)
        assert (loci[other]["set_aside_for"], loci[other]["duplicate_of"]) == (kept, None)
        assert (loci[kept]["set_aside_for"], loci[kept]["duplicate_of"]) == (None, None)
        assert loci[kept]["score_exact"] == 100.0  # every answer at the top of the scale
        assert loci[other]["score_exact"] < 60  # Andi's, set aside, would have pulled it down
        cilegon = published(scores)["Kota Cilegon"]
        assert cilegon["score"] == loci[kept]["score_exact"]
        assert cilegon["loci"] == (1, 1, 1)
        with _quiet_environment():
            [group] = person.json("duplicates", "list")
        assert (group["decided"], group["kept"]) == (True, kept)


def test_the_resolved_conflict_is_not_open_anywhere(season: Season) -> None:
    serang = season.ids["serang"]
    assert "CONFLICTING EDITS" in season.seen["import_siti"]
    [conflict] = season.seen["conflicts_at_import"]
    assert conflict["indicator"] == "IN07"
    assert sorted(v["value"] for v in conflict["versions"]) == [1, 2]
    for person in (season["banten"], season["pusat"]):
        with _quiet_environment():
            assert person.json("conflicts", "list") == []
        locus = loci_of(score(person))[serang]
        assert locus["open_conflicts"] == []
        assert locus["indicators"]["IN07"]["value"] == 2.0  # Siti's, as the supervisor chose


def test_the_return_was_fixed_and_approved(season: Season) -> None:
    serang = season.ids["serang"]
    for person in (season["banten"], season["pusat"]):
        with _quiet_environment():
            review = person.json("review", "show", serang)
        assert review["status"] == "approved"
        [comment] = review["comments"]
        assert comment["indicator"] == "IN09"
        assert (comment["state"], comment["closed_by"], comment["note"]) == (
            "closed", "Siti Aminah", "dinilai ulang: 2")
        assert loci_of(score(person))[serang]["indicators"]["IN09"]["value"] == 2.0


def test_corrections_travel_and_count_exactly(season: Season) -> None:
    code, _out, err = season.seen["points_twice"]
    assert code == 2
    assert "already has this correction" in err
    for province in ("banten", "lampung"):
        assert season[province].code("correction", "list")[0] == 0
    with _quiet_environment():
        listed = {(c["entity"], c["kind"], c["points"], c["cap_grade"], c["state"], c["author"],
                   (c["withdrawn"] or {}).get("reason"))
                  for c in season["pusat"].json("correction", "list")}
    assert listed == {
        ("Kota Cilegon", "cap", 0.0, "C", "in_force", "Budi Santoso", None),
        ("Kabupaten Lampung Selatan", "points", 4.0, None, "in_force", "Rina Wulandari", None),
        ("Kota Metro", "points", 2.0, None, "withdrawn", "Rina Wulandari",
         "Maklumat terpasang saat verifikasi"),
    }
    scores = score(season["pusat"])
    entities, loci = published(scores), loci_of(scores)
    # The cap gives C while the score stays.
    before = published(season.seen["banten_before_cap"])["Kota Cilegon"]
    cilegon = entities["Kota Cilegon"]
    assert (before["score"], before["grade"]) == (100.0, "A")
    assert (cilegon["score"], cilegon["grade"], cilegon["grade_capped"]) == (100.0, "C", True)
    # The points lower the score by exactly the points; the withdrawn ones by nothing.
    selatan = entities["Kabupaten Lampung Selatan"]
    assert selatan["score"] == pytest.approx(loci[season.ids["selatan"]]["score_exact"] - 4)
    metro = entities["Kota Metro"]
    assert metro["score"] == loci[season.ids["metro"]]["score_exact"] == 100.0
    assert metro["corrections"] == []


def test_an_entity_short_of_its_plan_stays_provisional(season: Season) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OMBUD_LANG", "id")
        patch.delenv("OMBUD_PASSPHRASE", raising=False)
        for person in (season["banten"], season["pusat"]):
            kabserang = published(person.json("score", "--province", "Banten"))[
                "Kabupaten Serang"]
            assert kabserang["provisional"] is True
            assert kabserang["reasons"] == [{"code": "loci_missing", "text": "1 dari 7 lokus"}]
            assert kabserang["loci"] == (1, 7, 1)
    for name in ("Kota Cilegon", "Kota Metro", "Kabupaten Lampung Selatan"):
        assert published(score(season["pusat"]))[name]["provisional"] is False

