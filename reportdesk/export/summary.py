"""The first page: the cover block and the one-page summary a leader reads first.

The summary leads with the main targets (this year's against last year's, and
last year's verdicts), then the counts, then the 提法 added and dropped (issue 13,
item 9).  Its rows and counts are the engine's ``target_rows``/``target_counts``,
the ones the targets panel and the status bar show.  It must stay on one page:
every block's height is estimated (conservatively, in twips) and the target table
takes only the rows that fit; the rest are in the 目标对照表.
"""

from __future__ import annotations

import math
import unicodedata
from datetime import datetime
from pathlib import Path

from lxml import etree

from reportdesk.engine import (
    Comparison,
    Figure,
    Report,
    ReviewStatus,
    TargetChangeKind,
    TargetRow,
    TargetTier,
    clutter_notice,
    stated,
    target_counts,
    target_rows,
)

from . import layout, oxml
from .options import PART_ZH, ExportOptions
from .target_tables import CHANGE_ZH, STATUS_ZH

# The summary's type: 小四 text, 五号 table, 黑体 headings, exact line heights (twips)
# so the page budget below holds in Word, WPS and LibreOffice alike.
TEXT_PT, TEXT_LINE = 12, 360
TABLE_PT, TABLE_LINE = 10.5, 300
HEAD_PT, HEAD_LINE, HEAD_BEFORE = 14, 440, 120
TITLE_LINE, TITLE_AFTER = 700, 240
PAGE = layout.LINES * layout.LINE_PITCH  # the text block's height
BUDGET = PAGE * 95 // 100  # room for a renderer that wraps a little earlier than we estimate
_CELL_PAD = 2 * 85 + 20  # cell margins and a little air
_ROW_PAD = 60  # borders and rounding per table row
SUMMARY_WIDTHS = [2100, 1500, 1950, 1500, layout.TEXT_W - 2100 - 1500 - 1950 - 1500]
SUMMARY_HEAD = ["指标", "上年目标", "上年完成情况", "本年目标", "变化"]
PHRASE_LINES = 2  # lines each of the new and dropped 提法 may take


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


def _width(text: str) -> float:
    """Width in full-width characters (Latin letters and digits count a little over half,
    so a line's estimate errs long)."""
    return sum(1.0 if unicodedata.east_asian_width(c) in ("W", "F", "A") else 0.6 for c in text)


def lines_of(text: str, width_twips: int, pt: float) -> int:
    """Lines ``text`` takes in a column ``width_twips`` wide at ``pt`` (an estimate on the high side)."""
    per_line = max(1.0, width_twips / (pt * 20))
    return max(1, math.ceil(_width(text) / per_line))


class _Page:
    """Paragraphs of the summary page and the height they take."""

    def __init__(self) -> None:
        self.out: list[etree._Element] = []
        self.height = 0

    def text(self, text: str, style: str = layout.S_TABLE, pt: float = TEXT_PT, line: int = TEXT_LINE, **kw: object) -> None:
        props = oxml.ppr(style=style, line_twips=line, before_twips=0, after_twips=0, **kw)  # type: ignore[arg-type]
        self.out.append(oxml.paragraph(props, oxml.run(text)))
        self.height += lines_of(text, layout.TEXT_W, pt) * line

    def head(self, text: str) -> None:
        props = oxml.ppr(style=layout.S_H1, snap_to_grid=False, line_twips=HEAD_LINE,
                         before_twips=HEAD_BEFORE, after_twips=0, first_line_chars=0)
        self.out.append(oxml.paragraph(props, oxml.run(text, oxml.rpr(size_pt=HEAD_PT))))
        self.height += HEAD_LINE + HEAD_BEFORE


def cover(page: _Page, c: Comparison, options: ExportOptions, date: datetime) -> None:
    title = f"{report_label(c.new)}修改审阅稿"
    page.out.append(
        oxml.paragraph(oxml.ppr(style=layout.S_TITLE, line_twips=TITLE_LINE, after_twips=TITLE_AFTER), oxml.run(title))
    )
    page.height += lines_of(title, layout.TEXT_W, layout.TITLE_PT) * TITLE_LINE + TITLE_AFTER
    page.text(f"原　稿：{report_name(c.old)}", jc="center")
    page.text(f"修改稿：{report_name(c.new)}", jc="center")
    page.text(f"修订人：{options.author}　　日　期：{zh_date(date)}", jc="center")


def _value(t: Figure | None, missing: str) -> str:
    if t is None:
        return missing
    return stated(t)  # an increment says so: 增加30元, not 30元


def _verdict(row: TargetRow) -> str:
    r = row.review
    if r is None:
        return "—"
    status = STATUS_ZH[r.status]
    return f"{_value(r.actual, '')}，{status}" if r.actual is not None else status


def short_change(row: TargetRow) -> str:
    """The change without the 由…调整为… the two value columns already show."""
    if row.change is None:
        return "本年未提"
    kind = row.kind
    if kind is TargetChangeKind.UNCHANGED:
        return "未变"
    if kind is TargetChangeKind.NEW:
        return "新提出"
    if kind is TargetChangeKind.DROPPED:
        return "不再提出"
    parts = [p for p in row.change.wording.split("；") if p and not (p.startswith("由") and "调整为" in p)]
    return "；".join(parts) or CHANGE_ZH[kind]


def summary_cells(row: TargetRow) -> list[str]:
    return [row.indicator, _value(row.old, "—"), _verdict(row), _value(row.new, "不再提出"), short_change(row)]


def _row_height(cells: list[str]) -> int:
    lines = max(lines_of(v, w - _CELL_PAD, TABLE_PT) for v, w in zip(cells, SUMMARY_WIDTHS))
    return lines * TABLE_LINE + _ROW_PAD


def _cell(text: str, head: bool = False) -> list[etree._Element]:
    props = oxml.ppr(style=layout.S_TABLE_HEAD if head else layout.S_TABLE, line_twips=TABLE_LINE,
                     before_twips=0, after_twips=0)
    return [oxml.paragraph(props, oxml.run(text, oxml.rpr(size_pt=TABLE_PT)))]


def _table(rows: list[list[str]]) -> etree._Element:
    tbl = oxml.table(SUMMARY_WIDTHS)
    tbl.append(oxml.table_row([_cell(h, True) for h in SUMMARY_HEAD], SUMMARY_WIDTHS, header=True))
    for cells in rows:
        tbl.append(oxml.table_row([_cell(v) for v in cells], SUMMARY_WIDTHS, keep_together=True))
    return tbl


def _summary_tier(rows: tuple[TargetRow, ...]) -> tuple[str, list[TargetRow]]:
    """The main targets; the named ones when a report has no main-target paragraph."""
    main = [r for r in rows if r.tier is TargetTier.MAIN]
    if main:
        return "主要目标", main
    return "年度目标", [r for r in rows if r.headline]


def verdicts(name: str, rows: list[TargetRow]) -> str:
    """上年主要目标6项：已完成5项，未完成1项（粮食产量），未见实际数0项。"""
    judged = [r.review for r in rows if r.review is not None]
    if not judged:
        return f"上年{name}：本年报告中未见可以对照的实际数。"
    by = {s: [r for r in judged if r.status is s] for s in ReviewStatus}
    unmet = "、".join(dict.fromkeys(r.indicator for r in by[ReviewStatus.NOT_MET]))
    parts = [f"已完成{len(by[ReviewStatus.MET])}项", f"未完成{len(by[ReviewStatus.NOT_MET])}项" + (f"（{unmet}）" if unmet else "")]
    if by[ReviewStatus.NOT_REPORTED]:
        parts.append(f"未见实际数{len(by[ReviewStatus.NOT_REPORTED])}项")
    return f"上年{name}{len(judged)}项：" + "，".join(parts) + "。"


def counts(c: Comparison) -> list[str]:
    """修改N处, 新增/删除字数, 相似度, 目标变化N项 — sentences a reader can quote."""
    by = {k: 0 for k in ("insert", "delete", "replace", "move")}
    for ch in c.changes:
        by[ch.kind.value] = by.get(ch.kind.value, 0) + 1
    s = c.stats
    share = f"{round(s.similarity * 100)}%" if s.similarity >= 0.01 else "不足1%"
    n = target_counts(c)
    lines = [
        f"共修改{len(c.changes)}处，其中新增{by['insert']}处、删除{by['delete']}处、改写{by['replace']}处、移动{by['move']}处；"
        f"新增{s.chars_inserted}字，删除{s.chars_deleted}字。",
        f"相似度{share}：修改稿中未改动的文字（含只调整位置的句子）占其字数的比例。",
        f"目标变化{n.target_changes}项（主要目标和其他年度目标，共{n.headline}项）；"
        f"涉及目标的修改{n.target_edits}处，数字修改{n.number_edits}处；"
        f"上年目标未完成{n.unmet}项；任务量{n.task}项另列。",
    ]
    if n.hints:
        lines.append(f"提示{n.hints}条：" + "；".join(h.message for h in c.hints) + "。")
    if clutter_notice(c):  # the counts leave web-page extras out: say so where they are read
        lines.append(clutter_notice(c) + "。")
    return lines


def phrase_line(label: str, phrases: list[str]) -> str:
    """新增提法34个：A、B、C等 — as many as fit on PHRASE_LINES lines."""
    if not phrases:
        return f"{label}：无。"
    head = f"{label}{len(phrases)}个："
    room = PHRASE_LINES * layout.TEXT_W / (TEXT_PT * 20) - _width(head) - 2
    shown: list[str] = []
    for p in phrases:
        if _width("、".join([*shown, p])) > room:
            break
        shown.append(p)
    rest = "等" if len(shown) < len(phrases) else ""
    return head + "、".join(shown) + rest + "。"


def _weighs(row: TargetRow) -> bool:
    """A row a leader must see: the target changed, or last year's was not met."""
    return row.changed or (row.review is not None and row.review.status is ReviewStatus.NOT_MET)


def fitting(rows: list[TargetRow], room: int) -> list[TargetRow]:
    """The rows whose heights fit ``room``, in their order; when not all fit, changed and
    unmet targets are kept before unchanged ones."""
    heights = [_row_height(summary_cells(r)) for r in rows]
    if sum(heights) <= room:
        return rows
    chosen: set[int] = set()
    for i in sorted(range(len(rows)), key=lambda i: (not _weighs(rows[i]), i)):
        if heights[i] <= room:
            chosen.add(i)
            room -= heights[i]
    return [rows[i] for i in sorted(chosen)]


def _left_out(rows: list[TargetRow], shown: list[TargetRow], name: str) -> str:
    """另有2项主要目标（均未变）未列入本页，见目标对照表。"""
    rest = [r for r in rows if not any(r is s for s in shown)]
    same = "（均未变）" if not any(r.changed for r in rest) else ""
    return f"另有{len(rest)}项{name}{same}未列入本页，见目标对照表。"


def summary_page(page: _Page, c: Comparison, options: ExportOptions) -> None:
    """一、主要目标 (table and verdicts), 二、修改概况, 三、提法变化, and what follows."""
    rows = target_rows(c)
    name, tier_rows = _summary_tier(rows)
    verdict = verdicts(name, tier_rows)
    texts = [verdict, *counts(c)]
    added = phrase_line("新增提法", [p.phrase for p in c.phrases.added])
    removed = phrase_line("不再出现的提法", [p.phrase for p in c.phrases.removed])
    after = [x for x in options.chosen if x != "summary"]
    pointer = "以下依次为：" + "、".join(PART_ZH[x] for x in after) + "。" if after else ""
    rest = _left_out(tier_rows, [], name)  # its longest form, for the budget
    # Everything but the table rows, so the table gets exactly the room left.
    fixed = page.height + 3 * (HEAD_LINE + HEAD_BEFORE) + _row_height(SUMMARY_HEAD)
    fixed += sum(lines_of(t, layout.TEXT_W, TEXT_PT) * TEXT_LINE for t in [*texts, added, removed, pointer, rest] if t)
    shown = fitting(tier_rows, BUDGET - fixed) if tier_rows else []
    page.head(f"一、{name}")
    if shown:
        cells = [summary_cells(r) for r in shown]
        page.out.append(_table(cells))
        page.height += _row_height(SUMMARY_HEAD) + sum(_row_height(r) for r in cells)
    else:
        page.text(f"未识别到可以对照的{name}。")
    if len(shown) < len(tier_rows) and shown:
        page.text(_left_out(tier_rows, shown, name))
    page.text(verdict)
    page.head("二、修改概况")
    for line in counts(c):
        page.text(line)
    page.head("三、提法变化")
    page.text(added)
    page.text(removed)
    if pointer:
        page.text(pointer)


def build(c: Comparison, options: ExportOptions, date: datetime) -> list[etree._Element]:
    """The cover block and, when chosen, the one-page summary."""
    page = _Page()
    cover(page, c, options, date)
    if "summary" in options.chosen:
        summary_page(page, c, options)
    return page.out
