"""Walk a WordprocessingML body into paragraphs, as a reader sees the page.

Kept: inserted revisions (and deleted ones dropped: the text with all changes
accepted), field results (not their codes), text in text boxes (after the paragraph
that anchors them), table rows (one paragraph per row, cells joined by an ideographic
space, so that "地区生产总值　增长6%左右" stays one sentence and its target is found).  Skipped: hidden text, drawings,
footnote marks.  The walk counts what a clerk should be told (revisions, comments, text
boxes) and stops at the bounds in ``limits``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from reportdesk.engine.load.docx_numbering import NumberingState, Styles
from reportdesk.engine.load.docx_package import DocxError
from reportdesk.engine.load.limits import expansion_detail
from reportdesk.engine.model import RawParagraph

_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# Between the cells of a row: an ideographic space, which target extraction reads as the
# gap between indicator and figure ("｜" or a tab would end up in the indicator's name).
CELL_SEP = "\u3000"
CELL_PARA_SEP = " "  # between the paragraphs inside one cell


@dataclass
class Tally:
    """What the walk met that the clerk should hear about."""

    inserted: int = 0
    deleted: int = 0
    comments: int = 0
    text_boxes: int = 0
    paragraphs: int = 0
    chars: int = 0


# ---------------------------------------------------------------- soft line breaks

_BREAK_AFTER = re.compile(r"[。！？；：!?;:…][”’」』）)]*$")
_HEADING_START = re.compile(
    r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]"
)
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def _join_break(before: str, after: str) -> str:
    """What a soft line break (w:br, w:cr) becomes.

    In a report a break inside a paragraph is either a layout wrap in the middle of a
    sentence (join: nothing between Chinese characters, a space between Latin words)
    or a real line end in front matter, e.g. "来源：…<br/>2025年1月17日在…会议上"
    (keep as a line break).  A line that ends a sentence, or a short line without
    sentence punctuation (title, byline, date), ends a line.
    """
    line = before.rsplit("\n", 1)[-1].strip()
    nxt = after.strip()
    if not line or not nxt:
        return "\n"
    if _BREAK_AFTER.search(line) or _HEADING_START.match(nxt):
        return "\n"
    if len(line) <= 40 and not re.search(r"[，。；,;]", line):
        return "\n"
    if _ASCII_WORD.match(line[-1]) and _ASCII_WORD.match(nxt[0]):
        return " "
    return ""


def _assemble(pieces: list[str | None]) -> str:
    segments: list[str] = [""]
    for piece in pieces:
        if piece is None:
            segments.append("")
        else:
            segments[-1] += piece
    text = segments[0]
    for seg in segments[1:]:
        text += _join_break(text, seg) + seg
    return text


# ---------------------------------------------------------------- body walk


def _on(el: ET.Element | None, ns: str) -> bool:
    """A boolean property element (w:vanish, w:del …): present and not switched off."""
    return el is not None and el.get(f"{ns}val", "true") not in ("0", "false", "off")


def _branch(alternate: ET.Element) -> ET.Element | None:
    """One branch of mc:AlternateContent (the first choice, else the fallback): both
    branches hold the same text box, reading both would read it twice."""
    choice = alternate.find(f"{_MC}Choice")
    return choice if choice is not None else alternate.find(f"{_MC}Fallback")


class Walker:
    def __init__(self, ns: str, styles: Styles, numbering: NumberingState) -> None:
        self.ns = ns
        self.styles = styles
        self.numbering = numbering
        self.paragraphs: list[RawParagraph] = []
        self.tally = Tally()
        self._carry = ""  # text of a paragraph whose mark is a tracked deletion
        self._boxes: list[ET.Element] = []  # text boxes met in the current paragraph

    def q(self, name: str) -> str:
        return self.ns + name

    def _append(self, par: RawParagraph) -> None:
        t = self.tally
        t.paragraphs += 1
        t.chars += len(par.text) + len(par.numbering or "")
        detail = expansion_detail(t.paragraphs, t.chars)
        if detail is not None:
            raise DocxError("too_large", f"document text: {detail}")
        self.paragraphs.append(par)

    def sub_walk(self, el: ET.Element, in_table: bool) -> list[RawParagraph]:
        """The paragraphs of a cell, text box or note, walked apart from the running text."""
        saved = self.paragraphs, self._carry
        self.paragraphs, self._carry = [], ""
        try:
            self.blocks(el, in_table)
            self.flush()
            return self.paragraphs
        finally:
            self.paragraphs, self._carry = saved

    # -- block level

    def blocks(self, el: ET.Element, in_table: bool) -> None:
        for child in el:
            tag = child.tag
            if tag == self.q("p"):
                self.paragraph(child, in_table)
            elif tag == self.q("tbl"):
                self.table(child)
            elif tag == self.q("sdt"):
                content = child.find(self.q("sdtContent"))
                if content is not None:
                    self.blocks(content, in_table)
            elif tag in (self.q("customXml"), self.q("ins"), self.q("moveTo")):
                self.blocks(child, in_table)
            elif tag == _MC + "AlternateContent":
                branch = _branch(child)
                if branch is not None:
                    self.blocks(branch, in_table)
            # w:del / w:moveFrom (deleted blocks), w:sectPr, bookmarks: nothing to read

    def table(self, tbl: ET.Element) -> None:
        for child in tbl:
            if child.tag == self.q("tr"):
                tr_pr = child.find(self.q("trPr"))
                if tr_pr is not None and tr_pr.find(self.q("del")) is not None:
                    continue  # a deleted row
                cells: list[str] = []
                self.row(child, cells)
                text = CELL_SEP.join(c for c in cells if c)
                if text:
                    self._append(RawParagraph(text, in_table=True))
            elif child.tag == self.q("sdt"):
                content = child.find(self.q("sdtContent"))
                if content is not None:
                    self.table(content)
            elif child.tag in (self.q("customXml"), self.q("ins")):
                self.table(child)

    def row(self, tr: ET.Element, cells: list[str]) -> None:
        for child in tr:
            if child.tag == self.q("tc"):
                pars = self.sub_walk(child, in_table=True)
                texts = ((p.numbering or "") + p.text.replace("\n", CELL_PARA_SEP) for p in pars)
                cells.append(CELL_PARA_SEP.join(t.strip() for t in texts if t.strip()))
            elif child.tag == self.q("sdt"):
                content = child.find(self.q("sdtContent"))
                if content is not None:
                    self.row(content, cells)
            elif child.tag == self.q("customXml"):
                self.row(child, cells)

    def paragraph(self, p: ET.Element, in_table: bool) -> None:
        ppr = p.find(self.q("pPr"))
        style_id = None
        direct_outline: str | None = None
        num_id: int | None = None
        ilvl: int | None = None
        mark_deleted = False
        if ppr is not None:
            ps = ppr.find(self.q("pStyle"))
            style_id = ps.get(self.q("val")) if ps is not None else None
            ol = ppr.find(self.q("outlineLvl"))
            direct_outline = ol.get(self.q("val")) if ol is not None else None
            num_pr = ppr.find(self.q("numPr"))
            if num_pr is not None:
                num_id = _int_val(num_pr.find(self.q("numId")), self.ns)
                ilvl = _int_val(num_pr.find(self.q("ilvl")), self.ns)
            rpr = ppr.find(self.q("rPr"))
            mark_deleted = rpr is not None and rpr.find(self.q("del")) is not None
        pieces: list[str | None] = []
        outer_boxes, self._boxes = self._boxes, []
        self.inline(p, pieces)
        boxes, self._boxes = self._boxes, outer_boxes
        text = self._carry + _assemble(pieces)
        if mark_deleted:
            # Accepting the deletion merges this paragraph into the next one.
            self._carry = text
        else:
            self._carry = ""
            level = self._level(direct_outline, style_id)
            if num_id is None:
                s_num, s_ilvl = self.styles.numbering(style_id)
                num_id = s_num
                ilvl = ilvl if ilvl is not None else s_ilvl
            label = self.numbering.label(num_id, ilvl, style_id)
            self._append(RawParagraph(text, level, label, in_table))
        for box in boxes:
            pars = self.sub_walk(box, in_table)
            if any(x.text.strip() for x in pars):
                self.tally.text_boxes += 1
                self.paragraphs.extend(pars)

    def _level(self, direct_outline: str | None, style_id: str | None) -> int | None:
        if direct_outline is not None and direct_outline.isdigit():
            level: int | None = int(direct_outline) + 1 if int(direct_outline) < 9 else None
        else:
            level = self.styles.heading_level(style_id)
        if level is not None and not 1 <= level <= 4:
            level = None  # deeper outline levels are body text for a report
        return level

    def flush(self) -> None:
        if self._carry:
            self._append(RawParagraph(self._carry))
            self._carry = ""

    # -- inline level

    def inline(self, el: ET.Element, out: list[str | None]) -> None:
        q = self.q
        for child in el:
            tag = child.tag
            if tag == q("r"):
                self.run(child, out)
            elif tag in (
                q("hyperlink"), q("smartTag"), q("customXml"), q("ins"), q("moveTo"),
                q("fldSimple"), q("dir"), q("bdo"),
            ):  # fmt: skip
                self.inline(child, out)
            elif tag == q("sdt"):
                content = child.find(q("sdtContent"))
                if content is not None:
                    self.inline(content, out)
            elif tag in (_M + "oMath", _M + "oMathPara"):
                out.append("".join(t.text or "" for t in child.iter(_M + "t")))
            elif tag == _MC + "AlternateContent":
                branch = _branch(child)
                if branch is not None:
                    self.inline(branch, out)
            # w:del, w:moveFrom, w:pPr, bookmarks, comments, proofErr: not visible text

    def run(self, r: ET.Element, out: list[str | None]) -> None:
        q = self.q
        rpr = r.find(q("rPr"))
        if rpr is not None and _on(rpr.find(q("vanish")), self.ns):
            return  # hidden text
        for child in r:
            tag = child.tag
            if tag == q("t"):
                out.append(child.text or "")
            elif tag in (q("tab"), q("ptab")):
                out.append("\t")
            elif tag in (q("br"), q("cr")):
                out.append(None)
            elif tag == q("noBreakHyphen"):
                out.append("-")
            elif tag == q("sym"):
                self.symbol(child.get(q("char"), ""), out)
            elif tag == q("ruby"):
                base = child.find(q("rubyBase"))
                if base is not None:
                    self.inline(base, out)
            elif tag in (q("drawing"), q("pict"), _MC + "AlternateContent"):
                self._find_boxes(child)
            # w:delText, w:instrText, footnote references: skipped

    def symbol(self, code: str, out: list[str | None]) -> None:
        """A w:sym character: real text, or nothing for a symbol-font glyph.

        A code past U+10FFFF is no character at all and is skipped; half of a UTF-16
        pair (D800–DFFF) is kept here and replaced, counted, by the loader's clean-up.
        """
        try:
            cp = int(code[:9], 16)
        except ValueError:
            return
        if 0x20 <= cp <= 0x10FFFF and not 0xE000 <= cp <= 0xF8FF:
            out.append(chr(cp))  # symbol-font glyphs (private use) are no text

    def _find_boxes(self, el: ET.Element) -> None:
        """The outermost w:txbxContent in a drawing or VML picture, one branch each."""
        if el.tag == self.q("txbxContent"):
            self._boxes.append(el)
            return
        if el.tag == _MC + "AlternateContent":
            branch = _branch(el)
            children = list(branch) if branch is not None else []
        else:
            children = list(el)
        for child in children:
            self._find_boxes(child)


def _int_val(el: ET.Element | None, ns: str) -> int | None:
    if el is None:
        return None
    try:
        return int(el.get(f"{ns}val", ""))
    except ValueError:
        return None
