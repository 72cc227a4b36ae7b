"""Benchmark: exporting and verifying signed packages.

1. A locus package of about 60 MB: one assessment from ``ombud demo`` gets photos of ~1.3 MB
   each through ``AssessmentService.add_evidence`` until it holds ``--megabytes`` (60) of
   evidence. Times ``export_assessment`` (read, hash, zip, sign, fsync, rename) against its
   floor, reading, hashing, writing and fsyncing the same bytes into one file renamed into place;
   and ``verify_package`` (every check, every member hashed) against reading and hashing them.
   The four take turns in each of ``--repeat`` rounds; medians. Targets: export >= 70 % of its
   floor's throughput, verify >= 40 % of its floor's.
2. ``--small`` small packages (one assessment each, ~70 KB): total time to verify them all,
   against reading each file, hashing it and checking one Ed25519 signature.

    python benchmarks/bench_packages.py [--megabytes 60] [--small 1000] [--dir DIR] [--repeat 3]

Exit code 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import load
from _common import result as record
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.packages.export import Signer, export_assessment
from ombud_desktop.packages.importer import verify_package
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.services.assessments import AssessmentService
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace

TARGET_SHARE = 0.40
TARGET_EXPORT_SHARE = 0.70
PASSPHRASE = "benchmark passphrase"


def make_photo(rng: random.Random, path: Path) -> None:
    """Write a 1920x1440 JPEG of coloured noise blocks (~1.5 MB, like a phone photo)."""
    small = Image.frombytes("RGB", (480, 360), rng.randbytes(480 * 360 * 3))
    image = small.resize((1920, 1440), Image.Resampling.BILINEAR)
    noise = Image.frombytes("RGB", (1920, 1440), rng.randbytes(1920 * 1440 * 3))
    image = Image.blend(image, noise, 0.25)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    path.write_bytes(buffer.getvalue())


def sha_of_files(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            while chunk := stream.read(1024 * 1024):
                digest.update(chunk)
                total += len(chunk)
    return total


def copy_hashed(paths: list[Path], out: Path) -> int:
    """Read, hash and write the bytes into one new file, fsync it and rename it into place.

    The floor of an export: what the package must do with its evidence at least (the
    package's zip stores photos as they are, so no compression is the floor's to do).
    """
    partial = out.with_suffix(".partial")
    digest = hashlib.sha256()
    total = 0
    with partial.open("wb") as sink:
        for path in paths:
            with path.open("rb") as stream:
                while chunk := stream.read(1024 * 1024):
                    digest.update(chunk)
                    sink.write(chunk)
                    total += len(chunk)
        sink.flush()
        os.fsync(sink.fileno())
    partial.replace(out)
    return total


def timed(action) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=1)
    parser.add_argument("--megabytes", type=float, default=60.0)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path.cwd())
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-packages-", dir=args.dir))
    failures = []
    try:
        keys = KeyStore(scratch / "keys")
        keys.create_signing_key(PASSPHRASE, owner="Bench")
        signer = Signer(keys.signing_key(PASSPHRASE), "Bench")
        ws = Workspace.open(scratch / "ws")
        ws.set_profile("Bench")
        generate_demo(ws, builtin_instrument("ori-2023"), entities=1, seed=1)
        assessment_id = ws.assessment_rows()[0]["id"]
        service = AssessmentService(ws)
        rng = random.Random(7)
        photo_dir = scratch / "photos"
        photo_dir.mkdir()
        stored: list[Path] = []
        evidence_bytes = 0
        number = 0
        # Photos until the package holds --megabytes of evidence (or --photos are added).
        while number < args.photos or evidence_bytes < args.megabytes * 1e6:
            photo = photo_dir / f"IMG_{number:04d}.jpg"
            make_photo(rng, photo)
            service.add_evidence(assessment_id, photo, indicator="IN07")
            stored = [
                ws.evidence_dir / e["sha256"][:2] / e["sha256"]
                for e in ws.evidence_rows([assessment_id])
            ]
            evidence_bytes = sum(p.stat().st_size for p in stored)
            number += 1
        print(f"Locus package: {len(stored)} photos, {evidence_bytes / 1e6:.1f} MB of evidence")

        sha_times, export_times, verify_times, floor_times = [], [], [], []
        package = None
        for round_number in range(args.repeat):  # A B A B: floor, export, hash, verify
            floor_out = scratch / f"floor-{round_number}.bin"
            # Export's floor: the evidence bytes read, hashed, written, fsynced, renamed.
            floor_times.append(timed(lambda f=floor_out: copy_hashed(stored, f)))
            floor_out.unlink()
            # Verify's floor: every evidence byte read and hashed (what checking it needs).
            sha_times.append(timed(lambda: sha_of_files(stored)))
            out = scratch / f"out-{round_number}"
            started = time.perf_counter()
            package = export_assessment(ws, assessment_id, out, signer).path
            export_times.append(time.perf_counter() - started)
            verify_times.append(timed(lambda p=package: verify_package(p, keys)))
            assert verify_package(package, keys).ok
            shutil.rmtree(out)
        sha = evidence_bytes / statistics.median(sha_times)
        floor = evidence_bytes / statistics.median(floor_times)
        export = evidence_bytes / statistics.median(export_times)
        verify = evidence_bytes / statistics.median(verify_times)
        print(f"  read + SHA-256 + write + fsync of the same bytes (export's floor): "
              f"{floor / 1e6:8.0f} MB/s")
        print(f"  read + SHA-256 of the same bytes (verify's floor): {sha / 1e6:8.0f} MB/s")
        print(f"  ({args.repeat} rounds taking turns, medians; {load()})")
        for name, rate, base, goal in (
            ("export", export, floor, TARGET_EXPORT_SHARE),
            ("verify", verify, sha, TARGET_SHARE),
        ):
            share = rate / base
            ok = share >= goal
            print(
                f"  {name:<6} {rate / 1e6:8.0f} MB/s = {share:5.1%} of its floor "
                f"(target >= {goal:.0%}) -> {'PASS' if ok else 'FAIL'}"
            )
            record(f"{name} of a {evidence_bytes / 1e6:.0f} MB package", rate / 1e6, "MB/s",
                   f">= {goal:.0%}", ok, baseline=base / 1e6, ratio=share)
            if not ok:
                failures.append(f"{name} throughput of a {evidence_bytes / 1e6:.0f} MB package")

        # 2. Many small packages.
        small_ws = Workspace.open(scratch / "small")
        small_ws.set_profile("Bench")
        generate_demo(small_ws, builtin_instrument("ori-2023"), entities=1, seed=3)
        small_ids = [r["id"] for r in small_ws.assessment_rows()]
        small_out = scratch / "small-out"
        started = time.perf_counter()
        paths = [
            export_assessment(small_ws, small_ids[i % len(small_ids)], small_out, signer).path
            for i in range(args.small)
        ]
        export_total = time.perf_counter() - started
        size = statistics.mean(p.stat().st_size for p in paths)
        key = Ed25519PrivateKey.generate()
        message = b"x" * 600  # about a manifest's canonical size
        signature = key.sign(message)
        public = key.public_key()

        def baseline() -> None:
            for path in paths:
                hashlib.sha256(path.read_bytes()).digest()
                public.verify(signature, message)

        base = min(timed(baseline) for _ in range(args.repeat))
        verify_all = min(
            timed(lambda: [verify_package(p, keys) for p in paths]) for _ in range(args.repeat)
        )
        assert all(verify_package(p, keys).ok for p in paths[:5])
        print(
            f"{len(paths)} small packages ({size / 1024:.0f} KB each): exported in "
            f"{export_total:.2f} s; verified in {verify_all:.2f} s "
            f"({verify_all / len(paths) * 1000:.2f} ms each); baseline read + SHA-256 + one "
            f"Ed25519 verify {base:.2f} s -> {verify_all / base:.1f}x"
        )
        small_ws.close()
        ws.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for failure in failures:
        print(f"TARGET MISSED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
