"""Shared test settings: Qt offscreen, where the test corpus lives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Without a display Qt aborts the whole process; offscreen works everywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from reportdesk.ui.offscreen import use_windows_fonts_offscreen  # noqa: E402

use_windows_fonts_offscreen()  # offscreen Qt on Windows finds no font without it

# PySide6 6.12 on Python 3.11 drops references to None/True/False on Qt calls;
# without this any test process that touches Qt may abort at exit.
from reportdesk.ui.pyside_fix import make_none_immortal  # noqa: E402

make_none_immortal()

# Property tests run the same examples on every machine and every run: a check that passes
# or fails by chance would block every landing.  Explore with new examples on purpose:
# HYPOTHESIS_PROFILE=explore python -m pytest tests/engine
from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests"
# The reports and labels the tests need are in the repository (tests/corpus/SOURCES.md), so the
# suite runs on a plain clone.  Gold files name their report "corpus/<chain>/<file>": resolve
# that with corpus_file().
CORPUS = TESTS / "corpus"
SEED_GOLD = CORPUS / "gold" / "seed-jinniu-2024-plan.json"
# The project's shared data folder, when it sits beside the repository.  Optional: tests may use it
# only for checks on top of the in-repo corpus, never instead of it.
SHARED = (REPO / ".." / "shared").resolve()


def corpus_file(document: str) -> Path:
    """The in-repo copy of a gold file's "document" ("corpus/national/2024.txt")."""
    return TESTS / document


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared, for extra checks only: skips when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED
