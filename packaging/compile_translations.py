"""Compile the .ts translations to .qm for a bundle, named as ombud_desktop/ui/i18n.py looks.

    python packaging/compile_translations.py OUT_DIR

The bundle carries no lrelease, so the app uses the .qm shipped beside the .ts; its name holds
the hash of the .ts it was made from (i18n.qm_name), so a stale one is never used.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ombud_desktop.ui.i18n import lrelease_path, qm_name

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for ts in sorted(TRANSLATIONS.glob("ombud_*.ts")):
        language = ts.stem.removeprefix("ombud_")
        target = out / qm_name(language, ts.read_bytes())
        subprocess.run([str(lrelease_path()), "-silent", str(ts), "-qm", str(target)], check=True)
        print(f"{ts.name} -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
