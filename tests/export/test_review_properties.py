"""The review document's properties (title, author) within what Word and python-docx accept."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from reportdesk.engine import compare, load_report
from reportdesk.export.docx_review import ExportOptions, export_review
from tests.conftest import CORPUS


def test_title_and_author_over_255_characters_are_cut_with_an_ellipsis(tmp_path: Path) -> None:
    """Found by tests/fuzz: a report whose title line ran to 300 characters made
    python-docx's core-property write fail (its limit is 255), so the export crashed."""
    base = CORPUS / "national/2025.txt"
    text = base.read_text("utf-8").replace("政府工作报告\n", "关于" * 150 + "政府工作报告\n", 1)
    (tmp_path / "long.txt").write_text(text, "utf-8")
    new = load_report(tmp_path / "long.txt")
    assert len(new.title) > 255
    c = compare(load_report(base), new)
    out = export_review(c, tmp_path / "review.docx", ExportOptions(author="审" * 300))
    props = Document(str(out)).core_properties
    assert len(props.title) == 255 and props.title.startswith("2025年关于") and props.title.endswith("…")
    assert len(props.author) == 255 and props.author.endswith("…")
