"""The saved draft as a plain Word document: one paragraph per line, 公文 body type.

Not the review document (docx_review.py): no page layout, no revisions, only
the text the clerk typed, in the body font and size the review document uses
(3号 仿宋_GB2312, set on the Normal style with the same East Asian font
element, declared in the font table with the same fallback: 仿宋 where
仿宋_GB2312 is missing, as on a stock Windows 10/11), so it opens in Word or WPS
looking like a report and loads back to the same text.  Written through atomic.py like every other file.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.shared import Pt

from reportdesk.engine import SaveError

from . import atomic, layout, oxml
from .options import ExportOptions

# What 党政机关公文 bodies use (the export's default); Word substitutes when missing.  Read from
# the field, not an instance, so importing this module asks the OS nothing.
BODY_FONT: str = ExportOptions.__dataclass_fields__["body_font"].default  # type: ignore[assignment]


def build_draft(text: str, font: str = BODY_FONT) -> DocumentObject:
    """The draft as a python-docx object (not yet saved)."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(layout.BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    rpr.insert(0, oxml.fonts_el(font))  # w:rFonts comes first in a style's w:rPr
    layout.declare_fonts(doc, [font])
    for line in text.replace("\r\n", "\n").split("\n"):
        doc.add_paragraph(oxml.clean(line))
    return doc


def write_draft(text: str, path: str | Path) -> Path:
    """Save ``text`` as a .docx at ``path`` atomically; raises SaveError with a Chinese message."""
    target = Path(path)
    atomic.check_writable(target)  # refuse before building, as the review document does
    try:
        doc = build_draft(text)
    except Exception as exc:  # python-docx failing is a bug, but the clerk still needs words
        raise SaveError(
            "生成 Word 文档时出错，请改存为 .txt 后再试。", f"draft build failed: {exc!r}", str(target)
        ) from exc
    return atomic.write(target, doc.save)
