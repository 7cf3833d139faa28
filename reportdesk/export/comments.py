"""Comments in the reviewer's words: target changes, last-year targets not met, 提示, moves.

Target changes and verdicts are those of the main and named targets (the rows
``target_rows`` marks headline: what the summary counts); task quantities are in
the appendix table only.  A verdict quotes both the target and the actual it rests
on; each 提示 (a main target stated with two values) has its own comment.

Where a comment goes (an ``Anchor`` on a stretch of the old or new text) is
decided here; the tracked-changes writer places the range markers.  Comment
bodies go through python-docx's comments part (python-docx ≥ 1.2).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from docx.document import Document
from docx.oxml.ns import qn

from reportdesk.engine import (
    Comparison,
    PairKind,
    Report,
    ReviewStatus,
    Span,
    TargetChange,
    TargetChangeKind,
    TargetHint,
    TargetReview,
    target_rows,
)

from . import oxml
from .options import ExportOptions
from .tracked import Anchor


@dataclass(frozen=True)
class Note:
    side: str  # "old" | "new": which report's text the comment covers
    span: Span
    text: str
    kind: str  # "target" | "review" | "hint" | "move"


def target_text(tc: TargetChange) -> str:
    """空气优良率：由“78%以上”提高为“80%以上”，提高2个百分点 — the engine's wording, led by the indicator."""
    wording = tc.wording.strip()
    if not wording:
        if tc.change is TargetChangeKind.NEW and tc.new is not None:
            wording = f"新增目标“{tc.new.quote}”"
        elif tc.change is TargetChangeKind.DROPPED and tc.old is not None:
            wording = f"删去目标“{tc.old.quote}”"
        else:
            wording = "目标有变化"
    head, sep, rest = wording.partition("：")
    if sep and len(head) <= 4 and rest:
        wording = head + rest  # 新提出：8%左右 → 新提出8%左右, so one colon follows the indicator
    if tc.indicator and not wording.startswith(tc.indicator):
        return f"{tc.indicator}：{wording}"
    return wording


def review_text(tr: TargetReview) -> str:
    """城乡居民人均可支配收入（上年目标）：目标7.5%，实际6.5%，未完成。上年目标：“…”；实际：“…”

    The two quotes the verdict rests on follow the engine's wording, so the reviewer
    can check it in one look."""
    wording = tr.wording.strip() or f"目标“{tr.target.quote}”，未完成"
    if "未" not in wording:
        wording += "，未完成"
    evidence = f"上年目标：“{tr.target_quote}”"
    evidence += f"；实际：“{tr.actual_quote}”" if tr.actual_quote else "；本年报告未见实际数"
    return f"{tr.indicator or '指标'}（上年目标）：{wording}。{evidence}"


def hint_text(h: TargetHint) -> str:
    """提示：主要预期目标“国内生产总值”前后不一致：…"""
    return f"提示：{h.message}"


def _short(text: str, limit: int = 24) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def where_in(report: Report, pos: int) -> str:
    s = report.section_at(pos)
    if s is None:
        return "开篇部分" if pos >= report.body_start else "标题部分"
    return f"“{_short(s.title)}”部分"


def changed_targets(c: Comparison) -> list[TargetChange]:
    """Changed main and named targets (目标变化), in the rows' order."""
    return [
        r.change
        for r in target_rows(c)
        if r.headline
        and r.change is not None
        and r.change.change is not TargetChangeKind.UNCHANGED
        and (r.change.new is not None or r.change.old is not None)
    ]


def unmet_reviews(c: Comparison) -> list[TargetReview]:
    """Main and named targets of last year judged 未完成 (task quantities are not summarised)."""
    return [
        r.review
        for r in target_rows(c)
        if r.headline and r.review is not None and r.review.status is ReviewStatus.NOT_MET
    ]


def notes(c: Comparison, options: ExportOptions) -> list[Note]:
    """Every comment the tracked document carries, in no particular order."""
    if not options.include_comments:
        return []
    out: list[Note] = []
    if options.include_targets:
        for tc in changed_targets(c):
            if tc.new is not None:
                out.append(Note("new", Span(tc.new.start, tc.new.end), target_text(tc), "target"))
            else:
                assert tc.old is not None
                out.append(Note("old", Span(tc.old.start, tc.old.end), target_text(tc), "target"))
        for tr in unmet_reviews(c):
            if tr.actual is not None:
                out.append(
                    Note("new", Span(tr.actual.start, tr.actual.end), review_text(tr), "review")
                )
            else:
                out.append(
                    Note("old", Span(tr.target.start, tr.target.end), review_text(tr), "review")
                )
        for h in c.hints:
            if h.spans:
                out.append(Note("new" if h.side == "new" else "old", h.spans[0], hint_text(h), "hint"))
    for p in c.pairs:
        if (
            p.kind is PairKind.MOVED
            and p.old is not None
            and p.new is not None
            and len(p.old)
            and len(p.new)
        ):
            out.append(
                Note(
                    "old",
                    p.old,
                    f"移至：{where_in(c.new, p.new.start)}（“{_short(c.new.text[p.new.start : p.new.end], 16)}”）",
                    "move",
                )
            )
            out.append(Note("new", p.new, f"由{where_in(c.old, p.old.start)}移来", "move"))
    return [n for n in out if len(n.span) > 0]


def initials(author: str) -> str:
    caps = "".join(ch for ch in author if ch.isascii() and ch.isupper())
    return caps or author[:2]


def add_comments(
    doc: Document, items: list[Note], options: ExportOptions, date: datetime
) -> list[Anchor]:
    """Write the comment bodies; returns the anchors for the tracked writer."""
    anchors: list[Anchor] = []
    stamp = oxml.iso_date(date)
    for n in items:
        comment = doc.comments.add_comment(
            text=n.text, author=options.author, initials=initials(options.author)
        )
        comment._comment_elm.set(qn("w:date"), stamp)
        anchors.append(Anchor(n.side, n.span, comment.comment_id))
    return anchors


def drop_unplaced(doc: Document, placed: set[int]) -> None:
    """A comment whose anchor was never reached would show nowhere; remove it from the part."""
    root = doc.comments._comments_elm
    for elm in list(root.findall(qn("w:comment"))):
        if int(elm.get(qn("w:id"))) not in placed:
            root.remove(elm)
