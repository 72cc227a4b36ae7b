"""PyInstaller entry of the command-line executable ``ombud``."""

import sys

from ombud_desktop.cli.main import main

sys.exit(main())
