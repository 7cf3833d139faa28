"""GB/T 9704 (党政机关公文格式) page and type settings for the review document.

A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; 22 lines of 28
characters (a document grid plus exact line spacing, so Word, WPS and
LibreOffice agree); body 3号 仿宋_GB2312, title 2号 方正小标宋简体, headings 黑体 and
楷体_GB2312; page numbers ``— 1 —`` in 4号 宋体, odd pages right and even pages
left, one character in from the edge.
"""

from __future__ import annotations

import math

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


def _para_style(
    sid: str,
    name: str,
    ppr: str,
    rpr: str,
    based: str | None = "Normal",
    outline: int | None = None,
) -> str:
    base = f'<w:basedOn w:val="{based}"/>' if based else ""
    if outline is not None:
        ppr = ppr.replace("</w:pPr>", f'<w:outlineLvl w:val="{outline}"/></w:pPr>')
    return f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>{base}<w:qFormat/>{ppr}{rpr}</w:style>'


def _styles(doc: Document, o: ExportOptions) -> None:
    styles = doc.styles.element
    body = o.body_font
    line = LINE_PITCH
    no_indent = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
    defs = [
        _para_style(
            "Normal",
            "Normal",
            f'<w:pPr><w:widowControl/><w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>'
            f'<w:ind w:firstLineChars="200" w:firstLine="{BODY_PT * 40}"/><w:jc w:val="both"/></w:pPr>',
            _rpr_xml(body, BODY_PT, scale=GRID_SCALE),
            based=None,
        ),
        _para_style(
            S_TITLE,
            "Title",
            f'<w:pPr><w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="{line}" w:line="700" w:lineRule="exact"/>{no_indent}<w:jc w:val="center"/></w:pPr>',
            _rpr_xml(o.title_font, TITLE_PT),
            outline=None,
        ),
        _para_style(
            S_SUBTITLE,
            "RD Subtitle",
            f'<w:pPr><w:keepNext/>{no_indent}<w:jc w:val="center"/></w:pPr>',
            _rpr_xml(o.heading2_font, BODY_PT, scale=GRID_SCALE),
        ),
        _para_style(
            S_H1,
            "heading 1",
            "<w:pPr><w:keepNext/><w:keepLines/></w:pPr>",
            _rpr_xml(o.heading1_font, BODY_PT, scale=GRID_SCALE),
            outline=0,
        ),
        _para_style(
            S_H2,
            "heading 2",
            "<w:pPr><w:keepNext/><w:keepLines/></w:pPr>",
            _rpr_xml(o.heading2_font, BODY_PT, scale=GRID_SCALE),
            outline=1,
        ),
        _para_style(
            S_H3,
            "heading 3",
            "<w:pPr><w:keepNext/><w:keepLines/></w:pPr>",
            _rpr_xml(body, BODY_PT, bold=True, scale=GRID_SCALE),
            outline=2,
        ),
        _para_style(
            S_TABLE,
            "RD Table Text",
            f'<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="360" w:lineRule="exact"/>{no_indent}<w:jc w:val="left"/></w:pPr>',
            _rpr_xml(body, TABLE_PT),
        ),
        _para_style(
            S_TABLE_HEAD,
            "RD Table Head",
            f'<w:pPr><w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:before="60" w:after="60" w:line="360" w:lineRule="exact"/>{no_indent}<w:jc w:val="center"/></w:pPr>',
            _rpr_xml(o.heading1_font, TABLE_PT),
        ),
        _para_style(
            S_NOTE,
            "RD Note",
            f'<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="120" w:after="120" w:line="400" w:lineRule="exact"/>{no_indent}</w:pPr>',
            _rpr_xml(body, 14),
        ),
        _para_style(
            S_INFO,
            "RD Info",
            f'<w:pPr><w:ind w:leftChars="200" w:left="{BODY_PT * 40}" w:firstLineChars="0" w:firstLine="0"/></w:pPr>',
            _rpr_xml(body, BODY_PT, scale=GRID_SCALE),
        ),
        _para_style(
            "Footer",
            "footer",
            f'<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>{no_indent}</w:pPr>',
            _rpr_xml(PAGE_NUMBER_FONT, FOOTER_PT),
            outline=None,
        ),
        _para_style(
            "CommentText",
            "annotation text",
            f'<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>{no_indent}<w:jc w:val="left"/></w:pPr>',
            _rpr_xml("宋体", 10.5),
        ),
        f'<w:style {nsdecls("w")} w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>'
        f'<w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>',
    ]
    for xml in defs:
        new = parse_xml(xml)
        sid = new.get(qn("w:styleId"))
        for old in styles.findall(qn("w:style")):
            if old.get(qn("w:styleId")) == sid:
                styles.remove(old)
        styles.append(new)
    # Defaults for anything not styled (comments, table cells): Chinese body font, zh-CN.
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
    """Declare the Chinese fonts (GB2312 charset, fallback names) so a missing font is substituted sensibly."""
    part = next(
        p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"
    )
    root = etree.fromstring(part.blob)
    present = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for name in dict.fromkeys(
        [
            o.body_font,
            o.title_font,
            o.heading1_font,
            o.heading2_font,
            PAGE_NUMBER_FONT,
            "宋体",
            "仿宋",
            "楷体",
        ]
    ):
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
