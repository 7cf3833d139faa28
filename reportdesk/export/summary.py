"""The first pages: cover block, summary statistics, target table, how to read the rest."""

from __future__ import annotations

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
)

from . import layout, oxml
from .comments import changed_targets, unmet_reviews
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
STATUS_ZH = {ReviewStatus.MET: "已完成", ReviewStatus.NOT_MET: "未完成", ReviewStatus.NOT_REPORTED: "未报告"}


def report_label(r: Report) -> str:
    """2025年政府工作报告: what a reader calls it."""
    title = r.title.strip() or "报告"
    return f"{r.year}年{title}" if r.year and str(r.year) not in title else title


def report_name(r: Report) -> str:
    """2025年政府工作报告（2025.txt）: what a reader calls it, and which file it is."""
    name = report_label(r)
    file = Path(r.path).name if r.path else ""
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
    share = f"约为{round(s.similarity * 100)}%" if s.similarity >= 0.01 else "不足1%"
    lines = [
        f"共修改{len(c.changes)}处，其中新增{by['insert']}处、删除{by['delete']}处、改写{by['replace']}处、移动{by['move']}处；"
        f"新增{s.chars_inserted}字，删除{s.chars_deleted}字。",
        f"原稿{s.sentences_old}句，修改稿{s.sentences_new}句，其中未改动{s.equal}句、改写{s.changed}句、新增{s.inserted}句、删除{s.deleted}句、"
        f"调整位置{s.moved}句；两稿文字相同的比例{share}。",
    ]
    n_target_edits = sum(1 for ch in c.changes if ch.is_target)
    targets = changed_targets(c)
    unmet = unmet_reviews(c)
    lines.append(
        f"目标变化{len(targets)}项；涉及数字的修改{n_target_edits}处；上年目标未完成{len(unmet)}项。"
    )
    return lines


def _quote(t: Figure | None) -> str:
    return t.quote if t is not None else "—"


def _actual(tr: TargetReview | None) -> str:
    if tr is None:
        return "—"
    status = STATUS_ZH[tr.status]
    return f"{tr.actual.quote}（{status}）" if tr.actual is not None else status


def target_rows(c: Comparison) -> list[list[str]]:
    """指标 | 上年目标 | 上年实际 | 本年目标 | 变化, one row per indicator the engine matched."""
    reviews: dict[str, list[TargetReview]] = {}
    for tr in c.target_review:
        reviews.setdefault(tr.indicator, []).append(tr)
    out: list[list[str]] = []
    for tc in c.target_changes:
        queue = reviews.get(tc.indicator) or []
        review = queue.pop(0) if queue else None
        change = tc.wording.strip() or CHANGE_ZH[tc.change]
        out.append([tc.indicator, _quote(tc.old), _actual(review), _quote(tc.new), change])
    for indicator, rest in reviews.items():
        for tr in rest:
            out.append([indicator, tr.target.quote, _actual(tr), "—", "本年未提"])
    return out


def _target_table(c: Comparison) -> list[etree._Element]:
    rows = target_rows(c)
    if not rows:
        return [_p("未识别到可以对照的数量目标。")]
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
    number = iter(["二、", "三、", "四、"])
    if options.include_targets:
        out.append(_p(f"{next(number)}主要目标变化", layout.S_H1))
        out += _target_table(c)
    out.append(_p(f"{next(number)}阅读说明", layout.S_H1))
    if options.tracked:
        out.append(
            _p(
                "修订稿以修改稿为正文，用修订标记标出与原稿的差异：删去的文字带删除线，新增的文字带下划线。"
                "在 Word 或 WPS 中“接受所有修订”即得修改稿，“拒绝所有修订”即得原稿。"
                + (
                    "批注说明目标变化、上年目标未完成的情况和调整了位置的句子。"
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
