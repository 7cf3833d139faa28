"""目标对照表 and 任务数量附录: the engine's ``target_rows``, the rows the targets panel shows.

Main and named targets make the 目标对照表; task quantities (tier "task", mostly
project-level figures) are an appendix of their own, grouped by the section that
states them, so they no longer push the text back (issue 13, item 9).
"""

from __future__ import annotations

from lxml import etree

from reportdesk.engine import (
    Comparison,
    Figure,
    Report,
    ReviewStatus,
    TargetChangeKind,
    TargetReview,
    TargetRow,
    TargetTier,
    target_rows,
)

from . import layout, oxml

TARGET_WIDTHS = [1400, 1750, 1750, 1750, layout.TEXT_W - 1400 - 3 * 1750]
TARGET_HEAD = ["指标", "上年目标", "上年实际", "本年目标", "变化"]
CHANGE_ZH = {
    TargetChangeKind.UNCHANGED: "未变",
    TargetChangeKind.RAISED: "提高",
    TargetChangeKind.LOWERED: "降低",
    TargetChangeKind.QUALIFIER_CHANGED: "表述调整",
    TargetChangeKind.RAISED_AND_QUALIFIER_CHANGED: "提高，表述调整",
    TargetChangeKind.LOWERED_AND_QUALIFIER_CHANGED: "降低，表述调整",
    TargetChangeKind.NEW: "新增",
    TargetChangeKind.DROPPED: "删去",
}
STATUS_ZH = {ReviewStatus.MET: "已完成", ReviewStatus.NOT_MET: "未完成", ReviewStatus.NOT_REPORTED: "未见实际数"}
TIER_ZH = {TargetTier.MAIN: "主要目标", TargetTier.NAMED: "其他年度目标", TargetTier.TASK: "任务量"}


def _p(text: str, style: str | None = None, **kw: object) -> etree._Element:
    return oxml.paragraph(oxml.ppr(style=style, **kw), oxml.run(text))  # type: ignore[arg-type]


def _title(text: str) -> etree._Element:
    return _p(text, layout.S_TITLE, page_break_before=True)


def _quote(t: Figure | None) -> str:
    return t.quote if t is not None else "—"


def _actual(tr: TargetReview | None) -> str:
    if tr is None:
        return "—"
    status = STATUS_ZH[tr.status]
    return f"{tr.actual.quote}（{status}）" if tr.actual is not None else status


def _change(row: TargetRow) -> str:
    if row.change is None:
        return "本年未提"
    return row.change.wording.strip() or CHANGE_ZH[row.change.change]


def row_cells(row: TargetRow) -> list[str]:
    return [row.indicator, _quote(row.old), _actual(row.review), _quote(row.new), _change(row)]


def target_rows_zh(c: Comparison, headline: bool = True) -> list[list[str]]:
    """指标 | 上年目标 | 上年实际 | 本年目标 | 变化: the main and named rows (``headline``)
    or the task quantities, as the targets panel lists them."""
    return [row_cells(row) for row in target_rows(c) if row.headline == headline]


def table(rows: list[list[str]], empty: str) -> list[etree._Element]:
    if not rows:
        return [_p(empty)]
    tbl = oxml.table(TARGET_WIDTHS)
    tbl.append(
        oxml.table_row(
            [[_p(h, layout.S_TABLE_HEAD)] for h in TARGET_HEAD], TARGET_WIDTHS, header=True
        )
    )
    for row in rows:
        tbl.append(
            oxml.table_row(
                [[_p(v, layout.S_TABLE)] for v in row], TARGET_WIDTHS, keep_together=True
            )
        )
    return [tbl, _p("", layout.S_TABLE)]


def targets_part(c: Comparison) -> list[etree._Element]:
    """目标对照表: main, then named targets, with last year's actuals and verdicts."""
    tiers = [row.tier for row in target_rows(c)]
    main, named = tiers.count(TargetTier.MAIN), tiers.count(TargetTier.NAMED)
    out = [_title("目标对照表")]
    if main or named:
        out.append(
            _p(
                f"下表先列{TIER_ZH[TargetTier.MAIN]}{main}项，再列{TIER_ZH[TargetTier.NAMED]}{named}项；"
                "“上年实际”引本年报告所写的实际数，并判断是否完成。",
                layout.S_NOTE,
            )
        )
    return out + table(target_rows_zh(c, True), "未识别到可以对照的主要目标。")


def _section_name(report: Report, f: Figure) -> str:
    """The heading of the section stating ``f``, up to its first comma (headings run long)."""
    if not 0 <= f.section < len(report.sections):
        return "开篇部分"
    title = report.sections[f.section].title.strip()
    for mark in ("，", "。", "；", ",", ";"):
        title = title.split(mark, 1)[0]
    return title[:30] or "正文"


def task_groups(c: Comparison) -> list[tuple[str, list[TargetRow]]]:
    """Task rows grouped by the section that states them (this year's; last year's for a
    dropped one), groups and rows in the engine's order."""
    groups: dict[str, list[TargetRow]] = {}
    for row in target_rows(c):
        if row.headline:
            continue
        if row.new is not None:
            name = _section_name(c.new, row.new)
        elif row.old is not None:
            name = "原稿" + _section_name(c.old, row.old)
        else:
            name = "其他"
        groups.setdefault(name, []).append(row)
    return list(groups.items())


def tasks_part(c: Comparison) -> list[etree._Element]:
    """任务数量附录: the task quantities by section."""
    groups = task_groups(c)
    out = [_title("任务数量附录")]
    if not groups:
        return out + [_p("未识别到任务数量。")]
    total = sum(len(rows) for _, rows in groups)
    out.append(
        _p(
            f"以下为各部分提出的具体任务量{total}项，按所在部分分列；"
            "只在本年报告写明同一事项的实际数时判断是否完成。",
            layout.S_NOTE,
        )
    )
    for name, rows in groups:
        out.append(_p(f"{name}（{len(rows)}项）", layout.S_H2))
        out += table([row_cells(r) for r in rows], "")
    return out
