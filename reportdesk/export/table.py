"""修改对照表: 序号 | 原文 | 修改后 | 说明, one row per changed stretch of a paragraph.

Consecutive changed sentences of the same old and new paragraph share a row; a
moved sentence always has its own row so its note stays clear.  Deleted words
are struck through on the left, inserted words bold and underlined on the
right (marks that survive black-and-white printing).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from reportdesk.engine import AlignedPair, Comparison, PairKind, Report, Span

from . import layout, oxml
from .comments import changed_targets, hint_text, review_text, target_text, unmet_reviews, where_in
from .options import ExportOptions

WIDTHS = [700, 3300, 3300, layout.TEXT_W - 700 - 6600]  # an empty table's
HEAD = ["序号", "原文", "修改后", "说明"]
_CHAR = layout.TABLE_PT * 20  # twips of one full-width character in a table cell
_CELL_MARGIN = 2 * 85 + 40  # left and right cell margins (oxml.table) and a little air
_NOTE_CHARS = (6, 10)  # 说明 column: at least 6 characters a line (未修改, 新增), at most 10


def _chars(text: str) -> float:
    """Width of a text in full-width characters (Latin letters and digits count half)."""
    return sum(1.0 if unicodedata.east_asian_width(c) in ("W", "F", "A") else 0.5 for c in text)


def column_widths(table_rows: list[Row]) -> list[int]:
    """Widths (twips) that follow the content: 序号 fits its largest number, 说明 nine
    notes in ten on one line (6 to 10 characters wide), 原文 and 修改后 share the rest
    equally, side by side."""
    if not table_rows:
        return WIDTHS
    number = round(max(2.0, _chars(str(len(table_rows)))) * _CHAR) + _CELL_MARGIN
    lengths = sorted(_chars(n) for r in table_rows for n in r.notes)
    typical = lengths[(len(lengths) * 9) // 10] if lengths else 0.0  # the few long target notes wrap
    notes = round(min(max(typical, _NOTE_CHARS[0]), _NOTE_CHARS[1]) * _CHAR) + _CELL_MARGIN
    rest = layout.TEXT_W - number - notes
    return [number, rest // 2, rest - rest // 2, notes]


@dataclass
class Row:
    old: list[tuple[str, bool]] = field(default_factory=list)  # (text, deleted)
    new: list[tuple[str, bool]] = field(default_factory=list)  # (text, inserted)
    old_spans: list[Span] = field(default_factory=list)
    new_spans: list[Span] = field(default_factory=list)
    kinds: list[PairKind] = field(default_factory=list)
    pairs: list[AlignedPair] = field(default_factory=list)
    old_par: int | None = None
    new_par: int | None = None
    notes: list[str] = field(default_factory=list)


def _par_index(report: Report) -> Callable[[int], int]:
    starts = [p.start for p in report.paragraphs]

    def at(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    return at


Clutter = tuple[list[Span], list[Span]]  # web-page extras of the old and the new report


def _clutter(c: Comparison) -> Clutter:
    """Web-page extras the comparison left out (none when it kept them): the table leaves
    them out too, so they never read as inserted or deleted words."""
    if c.options.keep_clutter:
        return [], []
    return ([p.span for p in c.old.paragraphs if p.clutter], [p.span for p in c.new.paragraphs if p.clutter])


def _cut(text: str, span: Span | None, clutter: list[Span] | None = None) -> str:
    """The text of ``span`` without clutter lines (and the line break after each)."""
    if span is None:
        return ""
    out, pos = [], span.start
    for cs in clutter or ():
        if cs.end <= pos or cs.start >= span.end:
            continue
        out.append(text[pos : max(pos, cs.start)])
        pos = min(max(pos, cs.end), span.end)
        if pos < span.end and text[pos] == "\n":
            pos += 1
    out.append(text[pos : span.end])
    return "".join(out)


def _add_pair(row: Row, c: Comparison, p: AlignedPair, clutter: Clutter = ([], [])) -> None:
    old, new = c.old.text, c.new.text
    co, cn = clutter
    row.kinds.append(p.kind)
    row.pairs.append(p)
    if p.old is not None and len(p.old):
        row.old_spans.append(p.old)
    if p.new is not None and len(p.new):
        row.new_spans.append(p.new)
    if p.kind is PairKind.INSERTED or p.old is None:
        row.new.append((_cut(new, p.new, cn), True))
        return
    if p.kind is PairKind.DELETED or p.new is None:
        row.old.append((_cut(old, p.old, co), True))
        return
    if p.kind is PairKind.EQUAL or not p.ops:
        row.old.append((_cut(old, p.old, co), False))
        row.new.append((_cut(new, p.new, cn), False))
        return
    for op in p.ops:
        if op.op == "equal":
            row.old.append((_cut(old, op.old, co), False))
            row.new.append((_cut(new, op.new, cn), False))
        elif op.op == "delete":
            row.old.append((_cut(old, op.old, co), True))
        else:
            row.new.append((_cut(new, op.new, cn), True))


def rows(c: Comparison, options: ExportOptions) -> list[Row]:
    """Rows of the table in the newer report's reading order."""
    old_at, new_at = _par_index(c.old), _par_index(c.new)
    clutter = _clutter(c)
    out: list[Row] = []
    cur: Row | None = None
    for p in c.pairs:
        if p.kind is PairKind.EQUAL and not options.include_unchanged:
            cur = None
            continue
        op_ = old_at(p.old.start) if p.old is not None and p.kind is not PairKind.INSERTED else None
        np_ = new_at(p.new.start) if p.new is not None and p.kind is not PairKind.DELETED else None
        same = (
            cur is not None
            and p.kind is not PairKind.MOVED
            and PairKind.MOVED not in cur.kinds
            and (op_ is None or cur.old_par in (None, op_))
            and (np_ is None or cur.new_par in (None, np_))
        )
        if not same:
            cur = Row()
            out.append(cur)
        assert cur is not None
        cur.old_par = cur.old_par if op_ is None else op_
        cur.new_par = cur.new_par if np_ is None else np_
        _add_pair(cur, c, p, clutter)
    if not options.include_unchanged:
        out = [r for r in out if any(k is not PairKind.EQUAL for k in r.kinds) and not _only_clutter(r)]
    _annotate(c, out, options)
    return out


def _only_clutter(r: Row) -> bool:
    """A changed row whose changed words were all web-page extras: nothing is left to show."""
    if not set(r.kinds) <= {PairKind.EQUAL, PairKind.CHANGED}:
        return False
    return not any(changed and text.strip() for text, changed in [*r.old, *r.new])


def _inside(pos: int, spans: list[Span]) -> bool:
    return any(s.start <= pos < s.end for s in spans)


def _annotate(c: Comparison, table_rows: list[Row], options: ExportOptions) -> None:
    for r in table_rows:
        kinds = set(r.kinds)
        edited = any(op.op != "equal" for p in r.pairs for op in p.ops)
        if PairKind.MOVED in kinds:
            src = next(p for p in r.pairs if p.kind is PairKind.MOVED and p.old is not None)
            assert src.old is not None
            r.notes.append(
                f"位置调整：由{where_in(c.old, src.old.start)}移来"
                + ("，并有修改" if edited else "")
            )
        elif kinds <= {PairKind.INSERTED}:
            r.notes.append("新增")
        elif kinds <= {PairKind.DELETED}:
            r.notes.append("删除")
        elif kinds == {PairKind.EQUAL}:
            r.notes.append("未修改")
        else:
            r.notes.append("修改")
    if not options.include_targets:
        return
    for tc in changed_targets(c):
        quote = tc.new if tc.new is not None else tc.old
        assert quote is not None  # changed_targets() keeps only changes with a quote
        side, pos = ("new" if tc.new is not None else "old"), quote.start
        for r in table_rows:
            if _inside(pos, r.new_spans if side == "new" else r.old_spans):
                r.notes.append(target_text(tc))
                break
    for tr in unmet_reviews(c):
        side, pos = ("new", tr.actual.start) if tr.actual is not None else ("old", tr.target.start)
        for r in table_rows:
            if _inside(pos, r.new_spans if side == "new" else r.old_spans):
                r.notes.append(review_text(tr))
                break
    for h in c.hints:
        pos = h.spans[0].start if h.spans else -1
        for r in table_rows:
            if _inside(pos, r.new_spans if h.side == "new" else r.old_spans):
                r.notes.append(hint_text(h))
                break


def _cell(parts: list[tuple[str, bool]], marked: etree._Element | None) -> list[etree._Element]:
    """Cell paragraphs; ``marked`` is the rPr template for the changed words (copied per run)."""
    paras: list[etree._Element] = []
    p = oxml.paragraph(oxml.ppr(style=layout.S_TABLE))
    for text, changed in parts:
        for i, line in enumerate(text.split("\n")):
            if i:
                paras.append(p)
                p = oxml.paragraph(oxml.ppr(style=layout.S_TABLE))
            if line:
                props = (
                    etree.fromstring(etree.tostring(marked))
                    if changed and marked is not None
                    else None
                )
                p.append(oxml.run(line, props))
    paras.append(p)
    return paras


def _plain(text: str, style: str = layout.S_TABLE, jc: str | None = None) -> etree._Element:
    return oxml.paragraph(oxml.ppr(style=style, jc=jc), oxml.run(text))


def legend() -> etree._Element:
    p = oxml.paragraph(oxml.ppr(style=layout.S_NOTE))
    for text, props in (
        ("说明：“原文”栏中加删除线的文字（如", None),
        ("删去的文字", oxml.rpr(strike=True)),
        ("）为删去的内容；“修改后”栏中加粗并加下划线的文字（如", None),
        ("新增的文字", oxml.rpr(bold=True, underline=True)),
        ("）为新增的内容；“说明”栏注明新增、删除、修改、位置调整和目标变化。", None),
    ):
        p.append(oxml.run(text, props))
    return p


def build(c: Comparison, options: ExportOptions) -> list[etree._Element]:
    """The heading, legend and table, as body elements."""
    out = [
        oxml.paragraph(
            oxml.ppr(style=layout.S_TITLE, page_break_before=True), oxml.run("修改对照表")
        ),
        legend(),
    ]
    table_rows = rows(c, options)
    widths = column_widths(table_rows)
    tbl = oxml.table(widths)
    tbl.append(
        oxml.table_row([[_plain(h, layout.S_TABLE_HEAD)] for h in HEAD], widths, header=True)
    )
    strike = oxml.rpr(strike=True)
    insert = oxml.rpr(bold=True, underline=True)
    for i, r in enumerate(table_rows, 1):
        cells = [
            [_plain(str(i), jc="center")],
            _cell(r.old, strike),
            _cell(r.new, insert),
            [_plain(n) for n in r.notes] or [_plain("")],
        ]
        tbl.append(oxml.table_row(cells, widths))
    if not table_rows:
        tbl.append(
            oxml.table_row(
                [
                    [_plain("")],
                    [_plain("两份报告正文相同，没有修改。")],
                    [_plain("")],
                    [_plain("")],
                ],
                WIDTHS,
            )
        )
    out.append(tbl)
    # Word requires a paragraph after a table at the end of a section.
    out.append(oxml.paragraph(oxml.ppr(style=layout.S_TABLE)))
    return out
