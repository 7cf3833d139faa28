"""Shared test settings: Qt offscreen, where the shared corpus lives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Without a display Qt aborts the whole process; offscreen works everywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# PySide6 6.12 on Python 3.11 drops references to None/True/False on Qt calls;
# without this any test process that touches Qt may abort at exit.
from reportdesk.ui.pyside_fix import make_none_immortal  # noqa: E402

make_none_immortal()

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def corpus_dir(shared_dir: Path) -> Path:
    return shared_dir / "corpus"
