"""Compile the .ts translations to .qm for a bundle, named as ombud_desktop/ui/i18n.py looks.

    python packaging/compile_translations.py OUT_DIR

The bundle carries no lrelease, so the app uses the .qm shipped beside the .ts; its name holds
the hash of the .ts files it was made from (i18n.qm_name), so a stale one is never used.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ombud_desktop.ui.i18n import compile_sources, qm_name, translation_sources

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for ts in sorted(TRANSLATIONS.glob("ombud_*.ts")):
        language = ts.stem.removeprefix("ombud_")
        sources = translation_sources(language)  # the app's words, then Qt's (i18n.py)
        target = out / qm_name(language, b"".join(content for _name, content in sources))
        if not compile_sources(sources, target):
            raise SystemExit(f"lrelease failed for {ts.name}")
        print(f"{', '.join(name for name, _content in sources)} -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
