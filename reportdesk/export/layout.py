"""GB/T 9704 (党政机关公文格式) page and type settings for the review document.

A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; 22 lines of 28
characters (a document grid plus exact line spacing, so Word, WPS and
LibreOffice agree); body 3号 仿宋_GB2312, title 2号 方正小标宋简体, headings 黑体 and
楷体_GB2312; page numbers ``— 1 —`` in 4号 宋体, odd pages right and even pages
left, one character in from the edge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.shared import Twips
from lxml import etree

from . import oxml
from .options import ExportOptions

MM = 1440 / 25.4  # twips per millimetre
PAGE_W, PAGE_H = 11906, 16838  # A4
MARGIN_TOP, MARGIN_BOTTOM = round(37 * MM), round(35 * MM)
MARGIN_LEFT, MARGIN_RIGHT = round(28 * MM), round(26 * MM)
HEADER, FOOTER = round(15 * MM), round(23 * MM)  # number line 7 mm below the text block
LINES, CHARS = 22, 28
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
LINE_PITCH = (PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) // LINES  # 579 twips = 28.95 pt
BODY_PT, TITLE_PT, FOOTER_PT = 16, 22, 14
# Characters drawn at 98 % width.  The grid pitch for 28 characters (15.79 pt) is
# narrower than a 16 pt glyph: Word and WPS squeeze glyphs into the grid, but
# LibreOffice gives such a glyph two cells (14 characters a line).  At 98 % the
# glyph fits one cell everywhere; the difference is invisible in print.
GRID_SCALE = 98
TABLE_PT = 12  # 小四: four columns of 3号 would hold a dozen characters a line
PAGE_NUMBER_FONT = "宋体"

# Names Word can fall back to when the GB2312-era fonts are not installed
# (Windows 10+ ships 仿宋/楷体 but not 仿宋_GB2312/楷体_GB2312).
FALLBACKS = {
    "仿宋_GB2312": "仿宋",
    "楷体_GB2312": "楷体",
    "方正小标宋简体": "宋体",
    "方正仿宋_GBK": "仿宋",
    "方正楷体_GBK": "楷体",
}

S_TITLE, S_SUBTITLE, S_H1, S_H2, S_H3 = "Title", "RDSubtitle", "Heading1", "Heading2", "Heading3"
S_TABLE, S_TABLE_HEAD, S_NOTE, S_INFO = "RDTableText", "RDTableHead", "RDNote", "RDInfo"


def char_space() -> int:
    """w:charSpace: extra width per character in 1/4096 pt so 28 characters fill a line."""
    pitch_pt = TEXT_W / CHARS / 20
    return math.floor((pitch_pt - BODY_PT) * 4096)  # floor: a hair too wide would give 27


def apply(doc: Document, options: ExportOptions) -> None:
    """Page, grid, styles, fonts, footers and settings, before any content is written."""
    _page(doc)
    _styles(doc, options)
    _font_table(doc, options)
    _footers(doc)
    _settings(doc)


def _page(doc: Document) -> None:
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Twips(PAGE_W), Twips(PAGE_H)
    sec.top_margin, sec.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
    sec.left_margin, sec.right_margin = Twips(MARGIN_LEFT), Twips(MARGIN_RIGHT)
    sec.header_distance, sec.footer_distance = Twips(HEADER), Twips(FOOTER)
    grid = sec._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = oxml.el("w:docGrid")
        sec._sectPr.append(grid)
    grid.attrib.clear()
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(LINE_PITCH))
    grid.set(qn("w:charSpace"), str(char_space()))


def _rpr_xml(
    font: str, size_pt: float, bold: bool = False, latin: str | None = None, scale: int = 100
) -> str:
    lat = latin or font
    b = "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    half = round(size_pt * 2)
    return (
        f'<w:rPr><w:rFonts w:ascii="{lat}" w:hAnsi="{lat}" w:eastAsia="{font}" w:cs="{lat}" w:hint="eastAsia"/>'
        f'{b}<w:color w:val="000000"/><w:w w:val="{scale}"/><w:kern w:val="2"/><w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
        f'<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>'
    )


@dataclass(frozen=True)
class _Style:
    """A paragraph style: its w:pPr children and the run font it sets."""

    sid: str
    name: str
    ppr: str  # the children of w:pPr
    font: str
    size_pt: float
    bold: bool = False
    scale: int = 100
    based: str | None = "Normal"
    outline: int | None = None


def _para_style(s: _Style) -> str:
    base = f'<w:basedOn w:val="{s.based}"/>' if s.based else ""
    outline = f'<w:outlineLvl w:val="{s.outline}"/>' if s.outline is not None else ""
    ppr = f"<w:pPr>{s.ppr}{outline}</w:pPr>"
    rpr = _rpr_xml(s.font, s.size_pt, bold=s.bold, scale=s.scale)
    return f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="{s.sid}"><w:name w:val="{s.name}"/>{base}<w:qFormat/>{ppr}{rpr}</w:style>'


def _spacing(before: int, after: int, line: int, rule: str = "exact") -> str:
    return f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="{rule}"/>'


_NO_INDENT = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
_NO_GRID = '<w:snapToGrid w:val="0"/>'
_KEEP = "<w:keepNext/><w:keepLines/>"
_CENTER, _LEFT = '<w:jc w:val="center"/>', '<w:jc w:val="left"/>'


def _style_table(o: ExportOptions) -> list[_Style]:
    """The paragraph styles of the review document (GB/T 9704 type sizes)."""
    body, line = o.body_font, LINE_PITCH
    grid = GRID_SCALE
    return [
        _Style("Normal", "Normal",
               f'<w:widowControl/>{_spacing(0, 0, line)}<w:ind w:firstLineChars="200" w:firstLine="{BODY_PT * 40}"/><w:jc w:val="both"/>',
               body, BODY_PT, scale=grid, based=None),
        _Style(S_TITLE, "Title", f"<w:keepNext/>{_NO_GRID}{_spacing(0, line, 700)}{_NO_INDENT}{_CENTER}", o.title_font, TITLE_PT),
        _Style(S_SUBTITLE, "RD Subtitle", f"<w:keepNext/>{_NO_INDENT}{_CENTER}", o.heading2_font, BODY_PT, scale=grid),
        _Style(S_H1, "heading 1", _KEEP, o.heading1_font, BODY_PT, scale=grid, outline=0),
        _Style(S_H2, "heading 2", _KEEP, o.heading2_font, BODY_PT, scale=grid, outline=1),
        _Style(S_H3, "heading 3", _KEEP, body, BODY_PT, bold=True, scale=grid, outline=2),
        _Style(S_TABLE, "RD Table Text", f"{_NO_GRID}{_spacing(0, 0, 360)}{_NO_INDENT}{_LEFT}", body, TABLE_PT),
        _Style(S_TABLE_HEAD, "RD Table Head", f"<w:keepNext/>{_NO_GRID}{_spacing(60, 60, 360)}{_NO_INDENT}{_CENTER}",
               o.heading1_font, TABLE_PT),
        _Style(S_NOTE, "RD Note", f"{_NO_GRID}{_spacing(120, 120, 400)}{_NO_INDENT}", body, 14),
        _Style(S_INFO, "RD Info", f'<w:ind w:leftChars="200" w:left="{BODY_PT * 40}" w:firstLineChars="0" w:firstLine="0"/>',
               body, BODY_PT, scale=grid),
        _Style("Footer", "footer", f"{_NO_GRID}{_spacing(0, 0, 240, 'auto')}{_NO_INDENT}", PAGE_NUMBER_FONT, FOOTER_PT),
        _Style("CommentText", "annotation text", f"{_NO_GRID}{_spacing(0, 0, 240, 'auto')}{_NO_INDENT}{_LEFT}", "宋体", 10.5),
    ]  # fmt: skip


_COMMENT_REFERENCE = (
    f'<w:style {nsdecls("w")} w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>'
    f'<w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>'
)


def _styles(doc: Document, o: ExportOptions) -> None:
    """Replace the template's styles by ours and set the document defaults."""
    styles = doc.styles.element
    for xml in [*(_para_style(s) for s in _style_table(o)), _COMMENT_REFERENCE]:
        new = parse_xml(xml)
        sid = new.get(qn("w:styleId"))
        for old in styles.findall(qn("w:style")):
            if old.get(qn("w:styleId")) == sid:
                styles.remove(old)
        styles.append(new)
    _doc_defaults(styles, o.body_font)


def _doc_defaults(styles: etree._Element, body: str) -> None:
    """Defaults for anything not styled (comments, table cells): Chinese body font, zh-CN."""
    rpr_default = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault"))
    if rpr_default is not None:
        for child in list(rpr_default):
            rpr_default.remove(child)
        rpr_default.append(
            parse_xml(_rpr_xml(body, BODY_PT).replace("<w:rPr>", f"<w:rPr {nsdecls('w')}>", 1))
        )
    ppr_default = styles.find(qn("w:docDefaults") + "/" + qn("w:pPrDefault"))
    if ppr_default is not None:
        for child in list(ppr_default):
            ppr_default.remove(child)
        ppr_default.append(
            parse_xml(
                f'<w:pPr {nsdecls("w")}><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            )
        )


def _font_table(doc: Document, o: ExportOptions) -> None:
    declare_fonts(
        doc, [o.body_font, o.title_font, o.heading1_font, o.heading2_font, PAGE_NUMBER_FONT]
    )


def declare_fonts(doc: Document, names: list[str]) -> None:
    """Declare Chinese fonts in the font table (GB2312 charset, fallback names from FALLBACKS)
    so Word and WPS substitute a missing one sensibly: 仿宋_GB2312 is absent on a stock
    Windows 10/11, 仿宋 is there.  宋体, 仿宋 and 楷体 are always declared."""
    part = next(
        p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"
    )
    root = etree.fromstring(part.blob)
    present = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for name in dict.fromkeys([*names, "宋体", "仿宋", "楷体"]):
        if name in present:
            continue
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        alt = FALLBACKS.get(name)
        if alt:
            etree.SubElement(font, qn("w:altName")).set(qn("w:val"), alt)
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")  # GB2312
        etree.SubElement(font, qn("w:family")).set(
            qn("w:val"), "modern" if "仿宋" in name or "楷" in name else "auto"
        )
        etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "variable")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _footer_paragraph(odd: bool) -> etree._Element:
    indent = oxml.el(
        "w:ind", {"w:right" if odd else "w:left": str(FOOTER_PT * 20), "w:firstLine": "0"}
    )
    ppr = oxml.el(
        "w:pPr",
        None,
        oxml.el("w:pStyle", {"w:val": "Footer"}),
        indent,
        oxml.el("w:jc", {"w:val": "right" if odd else "left"}),
    )
    return oxml.paragraph(
        ppr, *oxml.page_field("— ", " —", lambda: oxml.rpr(PAGE_NUMBER_FONT, FOOTER_PT))
    )


def _footers(doc: Document) -> None:
    sec = doc.sections[0]
    doc.settings.odd_and_even_pages_header_footer = True
    for footer, odd in ((sec.footer, True), (sec.even_page_footer, False)):
        footer.is_linked_to_previous = False
        container = footer._element
        for p in container.findall(qn("w:p")):
            container.remove(p)
        container.append(_footer_paragraph(odd))


def _settings(doc: Document) -> None:
    s = doc.settings.element
    lang = s.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
