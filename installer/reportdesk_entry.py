"""Entry point for the frozen build (PyInstaller needs a script, not a package module)."""

from __future__ import annotations

import sys

from reportdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
