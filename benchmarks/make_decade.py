"""Make the workspaces bench_decade.py compares: one national year, a decade, and inboxes.

    python benchmarks/make_decade.py --dir /tmp/dec [--entities 600] [--inbox-years 2025 2026 2027]

Into ``DIR``: ``one`` (``ombud demo --year 2024 --seed 2024``), ``decade`` (a copy of it, then
2023 and 2022 by ``ombud demo``, and 2021 back to 2015 by ``generate_demo`` itself: ``ombud demo``
refuses years before 2022), and per inbox year a folder ``inboxYEAR`` of signed packages of 20
demo entities of that year, exported as bench_merge.py does (the signing key in ``inbox-keys``,
passphrase ``OMBUD_PASSPHRASE`` or "benchmark passphrase"). About 15 minutes and 8 GB.
Then, for example::

    python benchmarks/bench_decade.py --one DIR/one --decade DIR/decade --runs 2 --dir DIR
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from ombud_desktop.instruments import instrument_for_period
from ombud_desktop.packages.export import Signer, export_assessment
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace

YEAR = 2024
OLDER = [2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016, 2015]
FIRST_DEMO_YEAR = 2022  # the earliest year `ombud demo` accepts
OMBUD = "import sys\nfrom ombud_desktop.cli.main import main\nsys.exit(main(sys.argv[1:]))"


def add_year(root: Path, year: int, entities: int) -> None:
    """Add one demo year (seeded by the year) to the workspace in ``root``."""
    started = time.perf_counter()
    if year >= FIRST_DEMO_YEAR:
        subprocess.run(
            [sys.executable, "-c", OMBUD, "--workspace", str(root), "demo", "--entities",
             str(entities), "--year", str(year), "--seed", str(year), "--quiet"],
            check=True,
        )
    else:
        with Workspace.open(root, create=False) as ws:
            generate_demo(ws, instrument_for_period(year), entities=entities, seed=year,
                          year=year)
    print(f"{root.name}: {year} added in {time.perf_counter() - started:.0f} s", flush=True)


def make_inbox(folder: Path, year: int, keys_folder: Path, passphrase: str) -> int:
    """Export every assessment of 20 demo entities of ``year`` into ``folder``, signed."""
    keys = KeyStore(keys_folder)
    if not keys.has_signing_key():
        keys.create_signing_key(passphrase, owner="Tim")
    if not keys.has_receiving_key():  # the merging supervisor's own work is sealed to it
        keys.create_receiving_key(passphrase, owner="Tim")
    signer = Signer(keys.signing_key(passphrase), "Tim")
    source = folder.parent / f"source{year}"
    with Workspace.open(source, create=True) as ws:
        if ws.profile() is None:
            ws.set_profile("Demo", None)
        generate_demo(ws, instrument_for_period(year), entities=20, seed=year, year=year)
        for row in ws.assessment_rows():
            export_assessment(ws, row["id"], folder, signer)
    shutil.rmtree(source, ignore_errors=True)
    return len(list(folder.glob("*.ombx")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--entities", type=int, default=600)
    parser.add_argument("--inbox-years", type=int, nargs="*", default=[2025, 2026, 2027])
    args = parser.parse_args()
    one, decade = args.dir / "one", args.dir / "decade"
    if one.exists() or decade.exists():
        print(f"{one} or {decade} exists already: give another --dir", file=sys.stderr)
        return 1
    args.dir.mkdir(parents=True, exist_ok=True)
    add_year(one, YEAR, args.entities)
    shutil.copytree(one, decade, ignore=shutil.ignore_patterns("workspace.lock"))
    for year in OLDER:
        add_year(decade, year, args.entities)
    passphrase = os.environ.get("OMBUD_PASSPHRASE", "benchmark passphrase")
    for year in args.inbox_years:
        count = make_inbox(args.dir / f"inbox{year}", year, args.dir / "inbox-keys", passphrase)
        print(f"inbox{year}: {count} packages", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
