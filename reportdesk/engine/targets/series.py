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


class _Row:
    def __init__(self) -> None:
        self.cells: dict[int, dict] = {}
        self.name = ""
        self.unit = ""


def target_series(reports: Sequence[Report]) -> Series:
    """Indicators × years over successive reports (sorted by year; a report without a year is skipped)."""
    reps = sorted((r for r in reports if r.year is not None), key=lambda r: r.year or 0)
    extracted = [extract_targets(r) for r in reps]
    plans = [plan_targets(r, ts) for r, ts in zip(reps, extracted)]
    rows: list[_Row] = []
    row_of: list[dict[int, _Row]] = []  # per report: id(target) -> row

    for k, rep in enumerate(reps):
        year = rep.year or 0
        mapping: dict[int, _Row] = {}
        if k == 0:
            for t in plans[0]:
                row = _Row()
                rows.append(row)
                mapping[id(t)] = row
                row.cells[year] = {"target": t, "change": ""}
        else:
            prev_map = row_of[k - 1]
            for ch in match_target_lists(plans[k - 1], plans[k], reps[k - 1].year, year):
                if ch.new is None:
                    continue
                found = prev_map.get(id(ch.old)) if ch.old is not None else None
                if found is None or year in found.cells:
                    found = _Row()
                    rows.append(found)
                row = found
                mapping[id(ch.new)] = row
                row.cells[year] = {"target": ch.new, "change": ch.change}
            # bridge a gap: a target missing for a year (2020 had no GDP target) continues its row
            fresh = [t for t in plans[k] if mapping[id(t)].cells.keys() == {year}]
            ended = [r for r in rows if r.cells and year - 4 < max(r.cells) < year - 1
                     and r not in mapping.values()]
            if fresh and ended:
                lasts = [r.cells[max(r.cells)]["target"] for r in ended]
                for ch in match_target_lists(lasts, fresh, None, None):
                    if ch.old is None or ch.new is None:
                        continue
                    old_row = ended[next(i for i, t in enumerate(lasts) if t is ch.old)]
                    stray = mapping[id(ch.new)]
                    rows.remove(stray)
                    old_row.cells[year] = {"target": ch.new, "change": ch.change}
                    mapping[id(ch.new)] = old_row
        for t in plans[k]:
            r = mapping[id(t)]
            r.name, r.unit = t.indicator or r.name, t.unit
        row_of.append(mapping)

    # actuals: report k+1 says what happened in year k
    for k in range(len(reps) - 1):
        year = reps[k].year or 0
        actuals = [t for t in extracted[k + 1] if t.kind is FigureKind.ACTUAL]
        for rv in review_target_lists(plans[k], actuals, reps[k].year):
            hit = row_of[k].get(id(rv.target))
            if hit is not None and year in hit.cells:
                hit.cells[year]["actual"] = rv.actual
                hit.cells[year]["status"] = rv.status

    out = []
    for r in rows:
        cells = tuple(
            SeriesCell(year=y, target=c.get("target"), actual=c.get("actual"),
                       status=c.get("status", ""), change=c.get("change", ""))
            for y, c in sorted(r.cells.items())
        )
        out.append(SeriesRow(indicator=r.name, unit=r.unit, cells=cells))
    # the rows that run longest first; ties in order of first appearance
    order = sorted(range(len(out)), key=lambda i: (-len(out[i].cells), i))
    return Series(years=tuple(r.year or 0 for r in reps), rows=tuple(out[i] for i in order))
