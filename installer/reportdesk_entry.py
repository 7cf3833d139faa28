"""Entry point for the frozen build (PyInstaller needs a script, not a package module)."""

from __future__ import annotations

import multiprocessing
import sys

from reportdesk.__main__ import main

if __name__ == "__main__":
    # The engine runs in a child process (reportdesk/app/engine_process.py); in a frozen
    # program the child is this same executable, and freeze_support() makes it serve.
    multiprocessing.freeze_support()
    sys.exit(main())
