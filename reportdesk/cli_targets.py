"""``reportdesk targets FILE`` and ``reportdesk series FILE…`` (no Qt).

``targets`` lists what a report plans (``--all``: also what it reports as
achieved and context numbers); ``series`` lines up each indicator's target and
actual over successive reports.
"""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportdesk.cli_output import write_json
from reportdesk.engine import UNNAMED, Direction, FigureKind, ReviewStatus, TargetChangeKind

KIND_ZH = {FigureKind.TARGET: "目标", FigureKind.ACTUAL: "实际", FigureKind.OTHER: "其他"}
DIRECTION_ZH = {Direction.INCREASE: "增", Direction.DECREASE: "减", Direction.LEVEL: "—"}
# "" is a series cell with no target that year.
STATUS_ZH: dict[str, str] = {
    ReviewStatus.MET: "完成", ReviewStatus.NOT_MET: "未完成", ReviewStatus.NOT_REPORTED: "未见实际数", "": "",
}
CHANGE_ZH: dict[str, str] = {
    TargetChangeKind.UNCHANGED: "不变", TargetChangeKind.RAISED: "提高", TargetChangeKind.LOWERED: "降低",
    TargetChangeKind.QUALIFIER_CHANGED: "改限定词",
    TargetChangeKind.RAISED_AND_QUALIFIER_CHANGED: "提高并改限定词",
    TargetChangeKind.LOWERED_AND_QUALIFIER_CHANGED: "降低并改限定词",
    TargetChangeKind.NEW: "新增", TargetChangeKind.DROPPED: "取消", "": "",
}


def add_subcommands(subparsers: Any) -> None:
    t = subparsers.add_parser("targets", help="列出报告中的量化目标")
    t.add_argument("file", help="报告（.docx/.txt）")
    t.add_argument("--json", metavar="PATH", help="把结果写成 JSON（- 为标准输出）")
    t.add_argument("--all", action="store_true", help="也列出实际完成数和其他数字")
    t.set_defaults(handler=cmd_targets)
    s = subparsers.add_parser("series", help="多年报告的指标目标与完成情况")
    s.add_argument("files", nargs="+", help="逐年报告（顺序不限，按年份排列）")
    s.add_argument("--json", metavar="PATH", help="把结果写成 JSON（- 为标准输出）")
    s.add_argument("--min-years", type=int, default=2, help="只列出至少出现这么多年的指标（默认 2）")
    s.set_defaults(handler=cmd_series)


def _width(s: str) -> int:
    """Display width in a terminal: wide and full-width characters (CJK) take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)


def _pad(s: str, n: int) -> str:
    return s + " " * max(0, n - _width(s))


def cmd_targets(args: argparse.Namespace) -> int:
    from reportdesk.engine import (
        FigureKind,
        extract_targets,
        load_report,
        target_to_dict,
        value_text,
    )

    report = load_report(args.file)
    found = extract_targets(report)
    if args.json:
        write_json(
            {
                "schema": "reportdesk.targets/1",
                "path": report.path,
                "year": report.year,
                "targets": [target_to_dict(t) for t in found],
            },
            args.json,
            (args.file,),
        )
        if args.json == "-":
            return 0
    shown = found if args.all else [t for t in found if t.kind is FigureKind.TARGET]
    print(f"{Path(report.path).name}（{report.year or '?'}年）：{len(shown)} 项")
    rows = [(t.indicator or UNNAMED, value_text(t), DIRECTION_ZH[t.direction], KIND_ZH[t.kind], t.quote) for t in shown]
    sections = [report.sections[t.section].title if 0 <= t.section < len(report.sections) else "" for t in shown]
    _print_table(("指标", "数值", "增/减", "类别", "原文"), rows, sections)
    return 0


def _print_table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]], groups: list[str]) -> None:
    """Columns padded to their widest cell by display width (the last one not padded); a
    group's name (the section, whole) on a line of its own before its first row."""
    widths = [max(_width(r[k]) for r in [header, *rows]) for k in range(len(header) - 1)]

    def line(r: tuple[str, ...]) -> str:
        return "  " + "  ".join(_pad(cell, w) for cell, w in zip(r, widths, strict=False)) + "  " + r[-1]

    print(line(header))
    last = None
    for r, g in zip(rows, groups, strict=True):
        if g != last and g:
            print(f"〔{g}〕")
        last = g
        print(line(r))


def cmd_series(args: argparse.Namespace) -> int:
    from reportdesk.engine import load_report, series_to_dict, stated, target_series

    reports = [load_report(f) for f in args.files]
    series = target_series(reports)
    if args.json:
        write_json({"schema": "reportdesk.series/1", **series_to_dict(series)}, args.json, args.files)
        if args.json == "-":
            return 0
    years = "、".join(str(y) for y in series.years)
    rows = [r for r in series.rows if len(r.cells) >= args.min_years]
    print(f"{len(reports)} 份报告（{years}），{len(rows)} 个指标")
    for row in rows:
        print(f"\n{row.indicator or UNNAMED}（{row.unit}）")
        print(f"  {_pad('年份', 6)}{_pad('目标', 20)}{_pad('实际', 18)}{_pad('完成情况', 12)}较上年")
        for c in row.cells:
            target = stated(c.target) if c.target else "—"  # 增加30元: an increment says so
            actual = stated(c.actual) if c.actual else "—"
            print(
                f"  {_pad(str(c.year), 6)}{_pad(target, 20)}{_pad(actual, 18)}"
                f"{_pad(STATUS_ZH.get(c.status, c.status), 12)}{CHANGE_ZH.get(c.change, c.change)}"
            )
    return 0
