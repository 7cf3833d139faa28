"""The saved draft names its font with the review document's fallback (仿宋_GB2312 → 仿宋)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from reportdesk.export.draft_docx import BODY_FONT, write_draft

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_draft_declares_the_body_font_with_its_windows_fallback(tmp_path: Path) -> None:
    path = write_draft("一、总体要求\n今年经济增长5%左右。", tmp_path / "draft.docx")
    with zipfile.ZipFile(path) as z:
        table = etree.fromstring(z.read("word/fontTable.xml"))
        styles = z.read("word/styles.xml").decode("utf-8")
    fonts = {f.get(W + "name"): f for f in table.findall(W + "font")}
    assert BODY_FONT == "仿宋_GB2312"
    alt = fonts[BODY_FONT].find(W + "altName")
    assert alt is not None and alt.get(W + "val") == "仿宋"  # on every Windows 10/11
    assert fonts[BODY_FONT].find(W + "charset").get(W + "val") == "86"  # GB2312
    assert {"宋体", "仿宋", "楷体"} <= set(fonts)
    assert f'w:eastAsia="{BODY_FONT}"' in styles
