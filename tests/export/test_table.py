"""修改对照表: struck deletions on the left, bold+underlined insertions on the right, notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdesk.engine.model import PairKind
from reportdesk.export.docx_review import ExportOptions, export_review
from tests.export.conftest import comparison
from tests.export.docx_read import W, part, tables

PAIRS = [("national/2024.txt", "national/2025.txt"), ("hailar/2018.txt", "hailar/2019.txt")]


def expected_marks(c):
    """Deleted and inserted text of every non-equal sentence pair, in table order."""
    struck, marked = [], []
    for p in c.pairs:
        if p.kind is PairKind.EQUAL:
            continue
        if p.kind is PairKind.DELETED:
            struck.append(c.old.text[p.old.start : p.old.end])
        elif p.kind is PairKind.INSERTED:
            marked.append(c.new.text[p.new.start : p.new.end])
        else:
            for op in p.ops:
                if op.op == "delete":
                    struck.append(c.old.text[op.old.start : op.old.end])
                elif op.op == "insert":
                    marked.append(c.new.text[op.new.start : op.new.end])
    # A line break inside the front-matter pair is a break in the cell, not text.
    return "".join(struck).replace("\n", ""), "".join(marked).replace("\n", "")


def change_table(path: Path):
    for t in tables(path):
        if [cell.text for cell in t[0]] == ["序号", "原文", "修改后", "说明"]:
            return t
    raise AssertionError("no 修改对照表")


@pytest.mark.parametrize(("old_rel", "new_rel"), PAIRS, ids=lambda r: r.replace(".txt", ""))
def test_struck_and_inserted_runs(tmp_path: Path, old_rel: str, new_rel: str) -> None:
    c = comparison(old_rel, new_rel)
    rows = change_table(export_review(c, tmp_path / "t.docx", ExportOptions(form="table")))[1:]
    struck, marked = expected_marks(c)
    assert "".join(r[1].struck for r in rows) == struck
    assert "".join(r[2].marked for r in rows) == marked
    # Nothing struck on the right, nothing marked on the left.
    assert all(not r[1].marked and not r[2].struck for r in rows)
    assert [r[0].text for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
    assert all(r[3].text for r in rows), "every row says what happened"


def test_moves_are_noted(tmp_path: Path) -> None:
    c = comparison("national/2024.txt", "national/2025.txt")
    rows = change_table(export_review(c, tmp_path / "t.docx", ExportOptions(form="table")))[1:]
    moved = [p for p in c.pairs if p.kind is PairKind.MOVED]
    notes = [r[3].text for r in rows if "位置调整" in r[3].text]
    assert len(notes) == len(moved)
    assert all("移来" in n for n in notes)


def test_target_changes_are_noted(tmp_path: Path) -> None:
    c = comparison("hailar/2018.txt", "hailar/2019.txt")
    rows = change_table(export_review(c, tmp_path / "t.docx", ExportOptions(form="table")))[1:]
    notes = "\n".join(r[3].text for r in rows)
    assert "地区生产总值：由6%左右调整为3.5%左右；降低2.5个百分点" in notes


def test_unchanged_rows_optional(tmp_path: Path) -> None:
    c = comparison("hailar/2018.txt", "hailar/2019.txt")
    short = change_table(export_review(c, tmp_path / "a.docx", ExportOptions(form="table")))
    full = change_table(
        export_review(c, tmp_path / "b.docx", ExportOptions(form="table", include_unchanged=True))
    )
    assert len(full) > len(short)
    left = "".join(r[1].text.replace("\n", "") for r in full[1:])
    # Every old sentence appears on the left when unchanged text is shown.
    for s in c.old.sentences():
        assert s.text in left


def test_legend_line(tmp_path: Path) -> None:
    c = comparison("hailar/2018.txt", "hailar/2019.txt")
    body = part(
        export_review(c, tmp_path / "t.docx", ExportOptions(form="table")), "word/document.xml"
    )
    legend = next(
        p
        for p in body.iter(W + "p")
        if "".join(t.text or "" for t in p.iter(W + "t")).startswith("说明：")
    )
    runs = legend.findall(W + "r")
    assert any(r.find(f"{W}rPr/{W}strike") is not None for r in runs)
    assert any(
        r.find(f"{W}rPr/{W}b") is not None and r.find(f"{W}rPr/{W}u") is not None for r in runs
    )


def test_table_form_has_no_tracked_body(tmp_path: Path) -> None:
    c = comparison("hailar/2018.txt", "hailar/2019.txt")
    body = part(
        export_review(c, tmp_path / "t.docx", ExportOptions(form="table")), "word/document.xml"
    )
    assert not list(body.iter(W + "ins")) and not list(body.iter(W + "del"))


@pytest.mark.parametrize(("old_rel", "new_rel"), PAIRS + [("sichuan/2025.txt", "sichuan/2026.txt")], ids=str)
def test_column_widths_follow_content(tmp_path: Path, old_rel: str, new_rel: str) -> None:
    # Issue 13: the 说明 column wrapped at 4 characters a line.
    from reportdesk.export import layout
    from reportdesk.export.table import rows as table_rows

    c = comparison(old_rel, new_rel)
    out = export_review(c, tmp_path / "t.docx", ExportOptions(form="table"))
    body = part(out, "word/document.xml")
    grids = [[int(g.get(W + "w")) for g in t.iter(W + "gridCol")] for t in body.iter(W + "tbl")]
    widths = next(g for g in grids if len(g) == 4)
    assert sum(widths) == layout.TEXT_W
    char = layout.TABLE_PT * 20
    number, old_w, new_w, notes = widths
    assert 6 * char < notes <= 11 * char  # 6..10 characters a line, margins aside
    assert number >= len(str(len(change_table(out)) - 1)) * char // 2
    assert old_w == new_w or abs(old_w - new_w) == 1
    # Nine notes in ten fit on one line, up to the 10-character cap.
    notes_text = [n for r in table_rows(c, ExportOptions(form="table")) for n in r.notes]
    fits = sum(1 for n in notes_text if len(n) * char <= notes - 2 * 85)
    assert fits >= 0.9 * len(notes_text) or notes >= 10 * char
