"""PyInstaller entry of the GUI executable ``ombud-desktop``."""

import sys

from ombud_desktop.ui.app import main

sys.exit(main())
