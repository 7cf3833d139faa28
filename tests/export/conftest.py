"""Fixtures for export tests: corpus comparisons (computed once), bare comparisons for unit tests."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tests.conftest import CORPUS


@cache
def report(rel: str):
    from reportdesk.engine.load.loader import load_report

    return load_report(CORPUS / rel)


@cache
def comparison(old_rel: str, new_rel: str):
    from reportdesk.engine.comparison.pipeline import compare

    return compare(report(old_rel), report(new_rel))


def bare_comparison(old: str, new: str, old_path: str = "old.txt", new_path: str = "new.txt"):
    """A Comparison with only the two texts: enough for the tracked writer's own edit scripts."""
    from reportdesk.engine.model import CompareOptions, Comparison, Report, Stats

    def rep(text: str, path: str) -> Report:
        return Report(
            path=path,
            title="",
            year=None,
            text=text,
            raw=text,
            raw_offsets=tuple(range(len(text) + 1)),
            paragraphs=(),
            sections=(),
        )

    stats = Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 1.0)
    return Comparison(
        old=rep(old, old_path),
        new=rep(new, new_path),
        options=CompareOptions(),
        sections=(),
        pairs=(),
        changes=(),
        stats=stats,
    )


@pytest.fixture(scope="session")
def national_2024_2025():
    return comparison("national/2024.txt", "national/2025.txt")


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    d = tmp_path / "out"
    d.mkdir()
    return d
