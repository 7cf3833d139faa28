"""Targets and actuals over the 13 national reports (2013–2025)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportdesk.engine.load.loader import load_report
from reportdesk.engine.targets.series import Series, target_series


@pytest.fixture(scope="module")
def series(corpus_dir: Path) -> Series:
    reports = [load_report(corpus_dir / "national" / f"{y}.txt") for y in range(2013, 2026)]
    return target_series(list(reversed(reports)))  # order of input does not matter


def _row(series: Series, name: str, unit: str):
    rows = [r for r in series.rows if name in r.indicator and r.unit == unit]
    assert rows, name
    return max(rows, key=lambda r: len(r.cells))


def test_years_sorted(series: Series) -> None:
    assert series.years == tuple(range(2013, 2026))


def test_new_urban_jobs_every_year(series: Series) -> None:
    row = _row(series, "城镇新增就业", "人")
    assert [c.year for c in row.cells] == list(range(2013, 2026))
    targets = {c.year: c.target.value for c in row.cells}
    assert targets[2013] == Decimal(9_000_000)
    assert targets[2020] == Decimal(9_000_000)
    assert targets[2023] == Decimal(12_000_000)
    # every year's target was met (actual from the next report), the last has no actual yet
    assert all(c.status == "met" for c in row.cells[:-1])
    assert row.cells[-1].status == "" and row.cells[-1].actual is None
    assert row.cell(2024).actual.value == Decimal(12_560_000)
    assert row.cell(2024).change == "qualifier_changed"


def test_cpi_ceiling_met_and_lowered_in_2025(series: Series) -> None:
    row = _row(series, "居民消费价格涨幅", "%")
    assert len(row.cells) == 13
    assert row.cell(2025).change == "lowered"
    assert all(c.status in ("met", "not_reported") for c in row.cells[:-1])


def test_gdp_row_spans_the_year_without_a_target(series: Series) -> None:
    row = _row(series, "国内生产总值", "%")
    years = [c.year for c in row.cells]
    assert 2020 not in years  # the 2020 report set no growth target
    assert 2019 in years and 2021 in years
    assert row.cell(2022).status == "not_met"  # 5.5%左右 planned, 3% achieved
    assert row.cell(2024).status == "met"
