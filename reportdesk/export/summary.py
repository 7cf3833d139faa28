"""The first pages: cover block, summary statistics, target tables, how to read the rest.

The target tables are the engine's ``target_rows``, the rows the app's targets panel
shows: main and named targets in the main table, task quantities in a table of their
own; the counts in the statistics are ``target_counts``, the status bar's.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

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
    target_counts,
    target_rows,
)

from . import layout, oxml
from .options import ExportOptions

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


def report_label(r: Report) -> str:
    """2025年政府工作报告: what a reader calls it."""
    title = r.title.strip() or "报告"
    return f"{r.year}年{title}" if r.year and str(r.year) not in title else title


def report_name(r: Report) -> str:
    """2025年政府工作报告（2025年）: what a reader calls it and the year it was given in;
    the file's name only when neither title nor year was found."""
    name = report_label(r)
    if r.year:
        return f"{name}（{r.year}年）"
    file = Path(r.path).name if r.path and not r.title.strip() else ""
    return f"{name}（{file}）" if file else name


def zh_date(d: datetime) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _p(text: str, style: str | None = None, **kw: Any) -> etree._Element:
    return oxml.paragraph(oxml.ppr(style=style, **kw), oxml.run(text))


def statistics(c: Comparison) -> list[str]:
    """修改N处, 新增/删除字数, 目标变化N项 — sentences a reader can quote."""
    by = {k: 0 for k in ("insert", "delete", "replace", "move")}
    for ch in c.changes:
        by[ch.kind.value] = by.get(ch.kind.value, 0) + 1
    s = c.stats
    share = f"{round(s.similarity * 100)}%" if s.similarity >= 0.01 else "不足1%"
    lines = [
        f"共修改{len(c.changes)}处，其中新增{by['insert']}处、删除{by['delete']}处、改写{by['replace']}处、移动{by['move']}处；"
        f"新增{s.chars_inserted}字，删除{s.chars_deleted}字。",
        f"原稿{s.sentences_old}句，修改稿{s.sentences_new}句，其中未改动{s.equal}句、改写{s.changed}句、新增{s.inserted}句、删除{s.deleted}句、"
        f"调整位置{s.moved}句。",
        f"相似度{share}：修改稿中未改动的文字（含只调整了位置的句子）占修改稿字数的比例。",
    ]
    n = target_counts(c)
    lines.append(
        f"目标变化{n.target_changes}项（主要目标和其他年度目标，共{n.headline}项）；"
        f"涉及目标的修改{n.target_edits}处，数字修改{n.number_edits}处；"
        f"上年目标未完成{n.unmet}项；任务量{n.task}项另列。"
    )
    if n.hints:
        lines.append(f"提示{n.hints}条：" + "；".join(h.message for h in c.hints) + "。")
    return lines


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


def target_rows_zh(c: Comparison, headline: bool = True) -> list[list[str]]:
    """指标 | 上年目标 | 上年实际 | 本年目标 | 变化: the main and named rows (``headline``)
    or the task quantities, as the targets panel lists them."""
    return [
        [row.indicator, _quote(row.old), _actual(row.review), _quote(row.new), _change(row)]
        for row in target_rows(c)
        if row.headline == headline
    ]


def _target_table(rows: list[list[str]], empty: str) -> list[etree._Element]:
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


def _targets_part(c: Comparison, number: Iterator[str]) -> list[etree._Element]:
    """主要目标变化 (main, then named targets) and 任务量 (task quantities), each a table."""
    rows = target_rows(c)
    tiers = [row.tier for row in rows]
    main, named = tiers.count(TargetTier.MAIN), tiers.count(TargetTier.NAMED)
    out = [_p(f"{next(number)}主要目标变化", layout.S_H1)]
    if main or named:
        out.append(
            _p(f"下表先列{TIER_ZH[TargetTier.MAIN]}{main}项，再列{TIER_ZH[TargetTier.NAMED]}{named}项。")
        )
    out += _target_table(target_rows_zh(c, True), "未识别到可以对照的主要目标。")
    task = target_rows_zh(c, False)
    if task:
        out.append(_p(f"{next(number)}任务量", layout.S_H1))
        out.append(_p("以下为各部分提出的具体任务量，只在本年报告写明同一事项的实际数时判断是否完成。"))
        out += _target_table(task, "")
    return out


def build(c: Comparison, options: ExportOptions, date: datetime) -> list[etree._Element]:
    old_name, new_name = report_name(c.old), report_name(c.new)
    out = [
        _p(report_label(c.new), layout.S_TITLE, after_twips=0),
        _p("修改审阅稿", layout.S_TITLE),
        _p(f"原　稿：{old_name}", layout.S_INFO),
        _p(f"修改稿：{new_name}", layout.S_INFO),
        _p(f"修订人：{options.author}", layout.S_INFO),
        _p(f"日　期：{zh_date(date)}", layout.S_INFO),
        _p("", None),
        _p("一、修改概况", layout.S_H1),
    ]
    out += [_p(line) for line in statistics(c)]
    number = iter(["二、", "三、", "四、", "五、"])
    if options.include_targets:
        out += _targets_part(c, number)
    out.append(_p(f"{next(number)}阅读说明", layout.S_H1))
    if options.tracked:
        out.append(
            _p(
                "修订稿以修改稿为正文，用修订标记标出与原稿的差异：删去的文字带删除线，新增的文字带下划线。"
                "在 Word 或 WPS 中“接受所有修订”即得修改稿，“拒绝所有修订”即得原稿。"
                + (
                    "批注说明目标变化、上年目标未完成的情况（引出目标和实际的原文）、提示和调整了位置的句子。"
                    if options.include_comments
                    else ""
                )
            )
        )
    if options.table:
        out.append(
            _p(
                "修改对照表逐条列出修改之处：左栏为原文，删去的文字加删除线；右栏为修改后的文字，新增的文字加粗并加下划线。"
            )
        )
    return out
