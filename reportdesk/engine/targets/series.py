"""Targets over N successive reports: each indicator's target and actual per year.

Rows are chained through ``match_target_lists`` between neighbours, so a row
follows an indicator even when its name drifts a little (城镇登记失业率 stays
apart from 城镇调查失业率 because the names differ in a key word, not by accident:
the similarity threshold is the same as for two-report matching).  Actuals come
from the next year's report (``review_target_lists``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportdesk.engine.model import Figure, FigureKind, Report
from reportdesk.engine.targets.extract import extract_targets
from reportdesk.engine.targets.match import (
    match_target_lists,
    plan_targets,
    review_target_lists,
)


@dataclass(frozen=True)
class SeriesCell:
    year: int
    target: Figure | None = None
    actual: Figure | None = None
    status: str = ""  # met | not_met | not_reported | "" (no target that year)
    change: str = ""  # against the previous year's target: raised, lowered, … new


@dataclass(frozen=True)
class SeriesRow:
    indicator: str  # the latest name
    unit: str
    cells: tuple[SeriesCell, ...]  # one per year where the indicator appears, ascending

    def cell(self, year: int) -> SeriesCell | None:
        for c in self.cells:
            if c.year == year:
                return c
        return None


@dataclass(frozen=True)
class Series:
    years: tuple[int, ...]
    rows: tuple[SeriesRow, ...]


@dataclass
class _Cell:
    """One year of a row while the series is built (SeriesCell once done)."""

    target: Figure
    change: str = ""
    actual: Figure | None = None
    status: str = ""


class _Row:
    def __init__(self) -> None:
        self.cells: dict[int, _Cell] = {}
        self.name = ""
        self.unit = ""

    def done(self) -> SeriesRow:
        cells = tuple(
            SeriesCell(year=y, target=c.target, actual=c.actual, status=c.status, change=c.change)
            for y, c in sorted(self.cells.items())
        )
        return SeriesRow(indicator=self.name, unit=self.unit, cells=cells)


def target_series(reports: Sequence[Report]) -> Series:
    """Indicators × years over successive reports (sorted by year; a report without a year is skipped)."""
    reps = sorted((r for r in reports if r.year is not None), key=lambda r: r.year or 0)
    extracted = [extract_targets(r) for r in reps]
    plans = [plan_targets(r, ts) for r, ts in zip(reps, extracted)]
    chain = _Chain()
    for k, rep in enumerate(reps):
        if k == 0:
            chain.start(plans[0], rep.year or 0)
        else:
            chain.follow(plans[k - 1], plans[k], reps[k - 1].year, rep.year or 0)
    # actuals: report k+1 says what happened in year k
    for k in range(len(reps) - 1):
        actuals = [t for t in extracted[k + 1] if t.kind is FigureKind.ACTUAL]
        chain.add_actuals(k, plans[k], actuals, reps[k].year)
    out = [r.done() for r in chain.rows]
    # the rows that run longest first; ties in order of first appearance
    order = sorted(range(len(out)), key=lambda i: (-len(out[i].cells), i))
    return Series(years=tuple(r.year or 0 for r in reps), rows=tuple(out[i] for i in order))


class _Chain:
    """Rows built report by report; ``row_of[k]`` maps id(target of report k) to its row."""

    def __init__(self) -> None:
        self.rows: list[_Row] = []
        self.row_of: list[dict[int, _Row]] = []

    def _new_row(self) -> _Row:
        row = _Row()
        self.rows.append(row)
        return row

    def start(self, plans: list[Figure], year: int) -> None:
        """The first report: one row per target."""
        mapping: dict[int, _Row] = {}
        for t in plans:
            row = self._new_row()
            mapping[id(t)] = row
            row.cells[year] = _Cell(t)
        self._close(mapping, plans)

    def follow(self, old: list[Figure], new: list[Figure], old_year: int | None,
               year: int) -> None:
        """The next report: each target joins the row of the one it matches, else a new row."""
        prev_map = self.row_of[-1]
        mapping: dict[int, _Row] = {}
        for ch in match_target_lists(old, new, old_year, year):
            if ch.new is None:
                continue
            found = prev_map.get(id(ch.old)) if ch.old is not None else None
            if found is None or year in found.cells:
                found = self._new_row()
            mapping[id(ch.new)] = found
            found.cells[year] = _Cell(ch.new, ch.change)
        self._bridge(mapping, new, year)
        self._close(mapping, new)

    def _bridge(self, mapping: dict[int, _Row], plans: list[Figure], year: int) -> None:
        """Bridge a gap: a target missing for a year (2020 had no GDP target) continues its row."""
        fresh = [t for t in plans if mapping[id(t)].cells.keys() == {year}]
        ended = [r for r in self.rows if r.cells and year - 4 < max(r.cells) < year - 1
                 and r not in mapping.values()]
        if not (fresh and ended):
            return
        lasts = [r.cells[max(r.cells)].target for r in ended]
        for ch in match_target_lists(lasts, fresh, None, None):
            if ch.old is None or ch.new is None:
                continue
            old_row = ended[next(i for i, t in enumerate(lasts) if t is ch.old)]
            self.rows.remove(mapping[id(ch.new)])
            old_row.cells[year] = _Cell(ch.new, ch.change)
            mapping[id(ch.new)] = old_row

    def _close(self, mapping: dict[int, _Row], plans: list[Figure]) -> None:
        for t in plans:
            r = mapping[id(t)]
            r.name, r.unit = t.indicator or r.name, t.unit
        self.row_of.append(mapping)

    def add_actuals(self, k: int, plans: list[Figure], actuals: list[Figure],
                    year: int | None) -> None:
        """What report k+1 says was achieved against report k's targets."""
        for rv in review_target_lists(plans, actuals, year):
            hit = self.row_of[k].get(id(rv.target))
            if hit is not None and (year or 0) in hit.cells:
                cell = hit.cells[year or 0]
                cell.actual, cell.status = rv.actual, rv.status
