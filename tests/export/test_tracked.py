"""Tracked changes: accept all gives the newer text, reject all the older, paragraph by paragraph."""

from __future__ import annotations

import difflib
from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportdesk.engine.errors import ExportError
from reportdesk.engine.model import InlineOp, OpKind, Span
from reportdesk.export import layout, oxml
from reportdesk.export.options import ExportOptions
from reportdesk.export.tracked import Anchor, TrackedWriter
from tests.export.conftest import bare_comparison, comparison
from tests.export.docx_read import W, body_paragraphs, comments, part, resolve

NATIONAL = [(f"national/{y}.txt", f"national/{y + 1}.txt") for y in range(2013, 2025)]
HAILAR = [(f"hailar/{y}.txt", f"hailar/{y + 1}.txt") for y in range(2012, 2019)]
OTHER = [
    ("sichuan/2025.txt", "sichuan/2026.txt"),  # web chrome around the 2026 text
    ("docx/2025_sichuan.docx", "sichuan/2026.txt"),  # a Word file against a scrape
    (
        "national/2020.txt",
        "variants/national_2020_live_transcript.txt",
    ),  # same year, ~100 small edits
]
DATE = datetime(2025, 3, 1, 9, 30)


def difflib_ops(old: str, new: str) -> list[InlineOp]:
    """An exact edit script at character level: what the writer must render faithfully."""
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, old, new, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            ops.append(InlineOp(OpKind.EQUAL, Span(i1, i2), Span(j1, j2)))
            continue
        if i2 > i1:
            ops.append(InlineOp(OpKind.DELETE, Span(i1, i2), None))
        if j2 > j1:
            ops.append(InlineOp(OpKind.INSERT, None, Span(j1, j2)))
    return ops


def write_ops(tmp: Path, old: str, new: str, ops=None, anchors=()) -> Path:
    c = bare_comparison(old, new)
    doc = Document()
    layout.apply(doc, ExportOptions())
    w = TrackedWriter(c, ExportOptions(), oxml.Revisions("审阅人", DATE))
    for p in w.build(ops if ops is not None else difflib_ops(old, new), list(anchors), 9000):
        doc.element.body.sectPr.addprevious(p)
    path = tmp / "t.docx"
    doc.save(path)
    return path


CASES = [
    ("相同", "一、总体要求\n坚持稳中求进。", "一、总体要求\n坚持稳中求进。"),
    ("改写", "居民消费价格涨幅3%左右。", "居民消费价格涨幅2%左右。"),
    ("段落拆分", "稳就业。稳物价。", "稳就业。\n稳物价。"),
    ("段落合并", "稳就业。\n稳物价。", "稳就业。稳物价。"),
    ("新增段落", "第一段。\n第三段。", "第一段。\n第二段新增。\n第三段。"),
    ("删除段落", "第一段。\n第二段删去。\n第三段。", "第一段。\n第三段。"),
    ("开头新增", "正文。", "新华社北京3月12日电\n正文。"),
    ("结尾删除", "正文。\n附：名词解释", "正文。"),
    ("空段落", "甲\n\n乙", "甲\n乙\n\n"),
    ("全部替换", "旧的文字", "全新内容\n第二行"),
    ("空到有", "", "新报告\n第二段"),
    ("有到空", "旧报告\n第二段", ""),
    ("制表符", "项目\t数量", "项目\t数额\t备注"),
]


@pytest.mark.parametrize(("name", "old", "new"), CASES, ids=[c[0] for c in CASES])
def test_accept_gives_new_and_reject_gives_old(
    tmp_path: Path, name: str, old: str, new: str
) -> None:
    path = write_ops(tmp_path, old, new)
    assert resolve(path, "accept") == new
    assert resolve(path, "reject") == old


def test_paragraph_marks_are_revisions(tmp_path: Path) -> None:
    path = write_ops(tmp_path, "稳就业。稳物价。", "稳就业。\n稳物价。")
    paras = body_paragraphs(path)
    assert len(paras) == 2
    mark = paras[0].find(f"{W}pPr/{W}rPr/{W}ins")
    assert (
        mark is not None
        and mark.get(W + "author") == "审阅人"
        and mark.get(W + "date") == "2025-03-01T09:30:00Z"
    )


def test_deleted_text_is_deltext_inside_del(tmp_path: Path) -> None:
    path = write_ops(tmp_path, "涨幅3%左右", "涨幅2%左右")
    doc = part(path, "word/document.xml")
    dels = list(doc.iter(W + "del"))
    assert dels and all(d.find(f"{W}r/{W}delText") is not None for d in dels)
    assert all(d.find(f"{W}r/{W}t") is None for d in dels)
    ids = [e.get(W + "id") for e in doc.iter() if e.tag in (W + "ins", W + "del")]
    assert len(ids) == len(set(ids)), "revision ids must be unique"


def test_edit_script_that_loses_text_is_refused(tmp_path: Path) -> None:
    bad = [InlineOp(OpKind.EQUAL, Span(0, 2), Span(0, 2))]  # drops the rest of both texts
    with pytest.raises(ExportError) as e:
        write_ops(tmp_path, "稳就业。", "稳就业。", ops=bad)
    assert "不一致" in e.value.message


def test_comment_covers_exactly_its_quote(tmp_path: Path) -> None:
    old, new = "粮食产量1.3万亿斤以上。", "粮食产量1.4万亿斤左右。"
    c = bare_comparison(old, new)
    doc = Document()
    layout.apply(doc, ExportOptions())
    cid = doc.comments.add_comment(text="粮食产量：提高", author="审阅人").comment_id
    start = new.index("粮食")
    w = TrackedWriter(c, ExportOptions(), oxml.Revisions("审阅人", DATE))
    for p in w.build(
        difflib_ops(old, new), [Anchor("new", Span(start, new.index("。")), cid)], 9000
    ):
        doc.element.body.sectPr.addprevious(p)
    doc.save(tmp_path / "c.docx")
    [info] = comments(tmp_path / "c.docx")
    assert info.anchored_accept == "粮食产量1.4万亿斤左右"


lines = st.lists(
    st.sampled_from(
        ["稳就业", "稳物价。", "提高", "3%", "左右", "（一）", "\n", "，", "推进", "改革"]
    ),
    max_size=12,
).map("".join)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(old=lines, new=lines)
def test_invariant_on_random_edits(tmp_path: Path, old: str, new: str) -> None:
    path = write_ops(tmp_path, old, new)
    assert resolve(path, "accept") == new
    assert resolve(path, "reject") == old


@pytest.mark.parametrize(
    ("old_rel", "new_rel"), NATIONAL + HAILAR + OTHER, ids=lambda r: r.replace(".txt", "")
)
def test_corpus_invariant(tmp_path: Path, old_rel: str, new_rel: str) -> None:
    from reportdesk.export.docx_review import export_review

    c = comparison(old_rel, new_rel)
    path = export_review(c, tmp_path / "review.docx", ExportOptions(form="tracked", date=DATE))
    accepted, rejected = resolve(path, "accept"), resolve(path, "reject")
    assert accepted == c.new.text
    assert rejected == c.old.text
    # Paragraph by paragraph: the accepted view has exactly the newer report's paragraphs.
    assert accepted.split("\n") == c.new.text.split("\n")
