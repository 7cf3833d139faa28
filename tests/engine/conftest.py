from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tests.conftest import CORPUS


@cache
def report(rel: str):
    """A corpus report, loaded once per test session."""
    from reportdesk.engine.load.loader import load_report

    return load_report(CORPUS / rel)


@cache
def comparison(old_rel: str, new_rel: str):
    from reportdesk.engine.comparison.pipeline import compare

    return compare(report(old_rel), report(new_rel))


@pytest.fixture(scope="session")
def national_2024_2025():
    return comparison("national/2024.txt", "national/2025.txt")


def corpus_path(rel: str) -> Path:
    return CORPUS / rel
