"""Official layout (GB/T 9704): A4, margins, 22×28 grid, fonts with w:eastAsia, page numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm

from reportdesk.export.docx_review import ExportOptions, export_review
from tests.export.conftest import comparison
from tests.export.docx_read import W, body_paragraphs, part


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    c = comparison("hailar/2018.txt", "hailar/2019.txt")
    return export_review(c, tmp_path_factory.mktemp("layout") / "r.docx")


def style(path: Path, sid: str):
    for s in part(path, "word/styles.xml").findall(W + "style"):
        if s.get(W + "styleId") == sid:
            return s
    raise AssertionError(f"style {sid} missing")


def east_asia(path: Path, sid: str) -> str | None:
    fonts = style(path, sid).find(f"{W}rPr/{W}rFonts")
    return None if fonts is None else fonts.get(W + "eastAsia")


def half_points(path: Path, sid: str) -> int:
    return int(style(path, sid).find(f"{W}rPr/{W}sz").get(W + "val"))


def test_a4_and_margins(exported: Path) -> None:
    sec = Document(str(exported)).sections[0]
    assert abs(sec.page_width - Mm(210)) < Mm(0.5) and abs(sec.page_height - Mm(297)) < Mm(0.5)
    for got, mm in (
        (sec.top_margin, 37),
        (sec.bottom_margin, 35),
        (sec.left_margin, 28),
        (sec.right_margin, 26),
    ):
        assert abs(got - Mm(mm)) < Mm(0.1), (got.mm, mm)


def test_grid_22_lines_28_chars(exported: Path) -> None:
    grid = part(exported, "word/document.xml").find(f"{W}body/{W}sectPr/{W}docGrid")
    assert grid.get(W + "type") == "linesAndChars"
    pitch_twips = int(grid.get(W + "linePitch"))
    text_h = 16838 - round(37 * 1440 / 25.4) - round(35 * 1440 / 25.4)
    assert text_h // pitch_twips == 22
    char_pt = 16 + int(grid.get(W + "charSpace")) / 4096
    text_w_pt = (11906 - round(28 * 1440 / 25.4) - round(26 * 1440 / 25.4)) / 20
    assert int(text_w_pt // char_pt) == 28
    spacing = style(exported, "Normal").find(f"{W}pPr/{W}spacing")
    assert spacing.get(W + "lineRule") == "exact" and int(spacing.get(W + "line")) == pitch_twips


def test_fonts_have_east_asian_names(exported: Path) -> None:
    assert east_asia(exported, "Normal") == "仿宋_GB2312" and half_points(exported, "Normal") == 32
    assert east_asia(exported, "Title") == "方正小标宋简体" and half_points(exported, "Title") == 44
    assert east_asia(exported, "Heading1") == "黑体"
    assert east_asia(exported, "Heading2") == "楷体_GB2312"
    fonts = {f.get(W + "name"): f for f in part(exported, "word/fontTable.xml").findall(W + "font")}
    assert fonts["仿宋_GB2312"].find(W + "altName").get(W + "val") == "仿宋"
    assert fonts["仿宋_GB2312"].find(W + "charset").get(W + "val") == "86"


def test_fonts_are_configurable(tmp_path: Path) -> None:
    c = comparison("hailar/2018.txt", "hailar/2019.txt")
    opts = ExportOptions(
        body_font="方正仿宋_GBK",
        title_font="华文中宋",
        heading1_font="方正黑体_GBK",
        heading2_font="方正楷体_GBK",
    )
    path = export_review(c, tmp_path / "f.docx", opts)
    assert east_asia(path, "Normal") == "方正仿宋_GBK"
    assert east_asia(path, "Title") == "华文中宋"
    assert east_asia(path, "Heading1") == "方正黑体_GBK"
    assert east_asia(path, "Heading2") == "方正楷体_GBK"


def test_page_numbers_in_footer(exported: Path) -> None:
    with __import__("zipfile").ZipFile(exported) as z:
        footers = [n for n in z.namelist() if n.startswith("word/footer")]
    assert len(footers) == 2  # odd (right) and even (left) pages
    aligns = set()
    for name in footers:
        root = part(exported, name)
        text = "".join(t.text or "" for t in root.iter(W + "t"))
        assert text.startswith("— ") and text.endswith(" —")
        assert any("PAGE" in (i.text or "") for i in root.iter(W + "instrText"))
        fonts = root.find(f".//{W}r/{W}rPr/{W}rFonts")
        assert fonts.get(W + "eastAsia") == "宋体"
        assert root.find(f".//{W}r/{W}rPr/{W}sz").get(W + "val") == "28"
        aligns.add(root.find(f".//{W}pPr/{W}jc").get(W + "val"))
    assert aligns == {"left", "right"}
    settings = part(exported, "word/settings.xml")
    assert settings.find(W + "evenAndOddHeaders") is not None


def test_headings_styled_in_tracked_body(exported: Path) -> None:
    c = comparison("hailar/2018.txt", "hailar/2019.txt")
    styles = {}
    for p in body_paragraphs(exported):
        sid = p.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        styles[text] = None if sid is None else sid.get(W + "val")
    level1 = [p.text for p in c.new.paragraphs if p.kind.value == "heading" and p.level == 1]
    assert level1 and all(styles.get(t) == "Heading1" for t in level1 if t in styles)
    assert sum(1 for t in level1 if t in styles) >= len(level1) // 2


def test_no_template_leftovers(exported: Path) -> None:
    import zipfile

    with zipfile.ZipFile(exported) as z:
        names = z.namelist()
        content_types = z.read("[Content_Types].xml").decode("utf-8")
    assert not any("thumbnail" in n or "stylesWithEffects" in n for n in names)
    assert "stylesWithEffects" not in content_types
    core = part(exported, "docProps/core.xml")
    assert any((e.text or "").endswith("修改审阅稿") for e in core.iter())


def test_run_in_headings_in_kaiti(tmp_path: Path) -> None:
    """（一）大力提振消费…。 the run-in heading in 楷体, the rest of the paragraph in 仿宋."""
    c = comparison("national/2024.txt", "national/2025.txt")
    path = export_review(c, tmp_path / "r.docx", ExportOptions(form="tracked"))
    expected = "".join(
        c.new.text[p.start : p.heading_end]
        for p in c.new.paragraphs
        if p.kind.value == "body" and p.level == 2 and p.heading_end > p.start
    )
    assert expected
    got = []
    for p in body_paragraphs(path):
        for child in p:
            runs = (
                [child]
                if child.tag == W + "r"
                else list(child.findall(W + "r"))
                if child.tag == W + "ins"
                else []
            )
            for r in runs:
                fonts = r.find(f"{W}rPr/{W}rFonts")
                if fonts is not None and fonts.get(W + "eastAsia") == "楷体_GB2312":
                    got.append("".join(t.text or "" for t in r.findall(W + "t")))
    assert "".join(got) == expected
