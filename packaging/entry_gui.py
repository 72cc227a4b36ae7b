"""PyInstaller entry of the GUI executable ``ombud-desktop``."""

import multiprocessing
import sys

from ombud_desktop.ui.app import main

if __name__ == "__main__":
    # A merge of many packages reads them on spawned processes (services/merge.py): in the
    # frozen executable each starts here, and freeze_support runs it as that reader.
    multiprocessing.freeze_support()
    sys.exit(main())
