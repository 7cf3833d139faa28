"""The low-level WordprocessingML that python-docx does not write.

Revisions (``w:ins``/``w:del`` with ``w:delText``), paragraph-mark revisions,
East Asian fonts (``w:rFonts w:eastAsia``), comment range markers, bookmarks
and the PAGE field.  Everything XML-shaped lives here so the other export
modules speak in runs and paragraphs.  Child order follows the schema
(CT_PPr, CT_RPr), which Word checks strictly and WPS less so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, TypedDict

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from lxml import etree

if TYPE_CHECKING:  # typing.Unpack is 3.11+; the package supports 3.10
    from typing_extensions import Unpack

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Characters XML 1.0 cannot carry; the engine's text never has them, but a
# document must still open if one slips through.
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def el(tag: str, attrs: dict[str, str] | None = None, *children: etree._Element) -> etree._Element:
    """``el("w:r", {"w:id": "1"}, child…)`` with namespaced attribute names."""
    e = OxmlElement(tag)
    if attrs:
        for k, v in attrs.items():
            e.set(qn(k), v)
    for c in children:
        e.append(c)
    return e


def clean(text: str) -> str:
    return _BAD_XML.sub("\ufffd", text)


def iso_date(date: datetime) -> str:
    """The w:date form Word writes (it shows the value as local time)."""
    if date.tzinfo is not None:
        date = date.astimezone(timezone.utc).replace(tzinfo=None)
    return date.strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------- run properties


class RunFlags(TypedDict, total=False):
    """The keyword properties of ``rpr`` beyond font and size."""

    bold: bool
    strike: bool
    underline: bool
    style: str | None
    color: str | None
    latin: str | None


@dataclass(frozen=True)
class RunProps:
    """Run properties; ``font`` goes to every script, ``latin`` overrides ascii/hAnsi."""

    font: str | None = None
    size_pt: float | None = None
    bold: bool = False
    strike: bool = False
    underline: bool = False
    style: str | None = None
    color: str | None = None
    latin: str | None = None

    def element(self) -> etree._Element:
        """A w:rPr in schema order."""
        r = el("w:rPr")
        if self.style:
            r.append(el("w:rStyle", {"w:val": self.style}))
        if self.font:
            r.append(fonts_el(self.font, self.latin))
        if self.bold:
            r.append(el("w:b"))
            r.append(el("w:bCs"))
        if self.strike:
            r.append(el("w:strike"))
        if self.color:
            r.append(el("w:color", {"w:val": self.color}))
        if self.size_pt:
            half = str(round(self.size_pt * 2))
            r.append(el("w:sz", {"w:val": half}))
            r.append(el("w:szCs", {"w:val": half}))
        if self.underline:
            r.append(el("w:u", {"w:val": "single"}))
        return r


def rpr(font: str | None = None, size_pt: float | None = None, **flags: Unpack[RunFlags]) -> etree._Element:
    """A w:rPr in schema order (see RunProps)."""
    return RunProps(font, size_pt, **flags).element()


def fonts_el(font: str, latin: str | None = None) -> etree._Element:
    """w:rFonts with w:eastAsia set: the attribute Word uses for Chinese characters."""
    lat = latin or font
    return el(
        "w:rFonts",
        {"w:ascii": lat, "w:hAnsi": lat, "w:eastAsia": font, "w:cs": lat, "w:hint": "eastAsia"},
    )


# ---------------------------------------------------------------- runs


def run(text: str, props: etree._Element | None = None, deleted: bool = False) -> etree._Element:
    """A w:r holding ``text``; deleted text must be w:delText, and tabs are w:tab."""
    r = el("w:r")
    if props is not None:
        r.append(props)
    tag = "w:delText" if deleted else "w:t"
    for i, part in enumerate(clean(text).split("\t")):
        if i:
            r.append(el("w:tab"))
        if part:
            t = el(tag)
            t.text = part
            t.set(XML_SPACE, "preserve")
            r.append(t)
    return r


class Revisions:
    """Hands out ids and stamps author/date on revision elements."""

    def __init__(self, author: str, date: datetime, first_id: int = 100000) -> None:
        self.author = author
        self.date = iso_date(date)
        self._next = first_id

    def next_id(self) -> str:
        self._next += 1
        return str(self._next)

    def wrapper(self, kind: str) -> etree._Element:
        """An empty w:ins or w:del to hold runs (``kind`` is "insert" or "delete")."""
        tag = "w:ins" if kind == "insert" else "w:del"
        return el(tag, {"w:id": self.next_id(), "w:author": self.author, "w:date": self.date})

    def mark(self, kind: str) -> etree._Element:
        """The paragraph-mark revision that goes into w:pPr/w:rPr."""
        return self.wrapper(kind)


# ---------------------------------------------------------------- paragraph properties


class ParaFlags(TypedDict, total=False):
    """The keyword properties of ``ppr`` beyond style and paragraph-mark revision."""

    page_break_before: bool
    keep_next: bool
    snap_to_grid: bool | None
    line_twips: int | None
    before_twips: int | None
    after_twips: int | None
    first_line_chars: int | None
    jc: str | None


@dataclass(frozen=True)
class ParaProps:
    """Paragraph properties (spacing in twips, first-line indent in hundredths of a character)."""

    style: str | None = None
    page_break_before: bool = False
    keep_next: bool = False
    snap_to_grid: bool | None = None
    line_twips: int | None = None
    before_twips: int | None = None
    after_twips: int | None = None
    first_line_chars: int | None = None
    jc: str | None = None

    def element(self, mark: etree._Element | None = None) -> etree._Element:
        """A w:pPr in schema order (pStyle … jc … rPr); ``mark`` is a w:ins/w:del for the ¶ mark."""
        p = el("w:pPr")
        if self.style:
            p.append(el("w:pStyle", {"w:val": self.style}))
        if self.keep_next:
            p.append(el("w:keepNext"))
        if self.page_break_before:
            p.append(el("w:pageBreakBefore"))
        if self.snap_to_grid is not None:
            p.append(el("w:snapToGrid", {"w:val": "1" if self.snap_to_grid else "0"}))
        if self.line_twips is not None or self.before_twips is not None or self.after_twips is not None:
            p.append(self._spacing())
        if self.first_line_chars is not None:
            p.append(self._indent(self.first_line_chars))
        if self.jc:
            p.append(el("w:jc", {"w:val": self.jc}))
        if mark is not None:
            p.append(el("w:rPr", None, mark))
        return p

    def _spacing(self) -> etree._Element:
        sp = el("w:spacing")
        if self.before_twips is not None:
            sp.set(qn("w:before"), str(self.before_twips))
        if self.after_twips is not None:
            sp.set(qn("w:after"), str(self.after_twips))
        if self.line_twips is not None:
            sp.set(qn("w:line"), str(self.line_twips))
            sp.set(qn("w:lineRule"), "exact")
        return sp

    @staticmethod
    def _indent(first_line_chars: int) -> etree._Element:
        return el(
            "w:ind",
            {
                "w:firstLineChars": str(first_line_chars),
                "w:firstLine": "0"
                if first_line_chars == 0
                else str(first_line_chars * 16 * 20 // 100),
            },
        )


def ppr(
    style: str | None = None, mark: etree._Element | None = None, **flags: Unpack[ParaFlags]
) -> etree._Element:
    """A w:pPr in schema order (see ParaProps); ``mark`` is a w:ins/w:del for the ¶ mark."""
    return ParaProps(style, **flags).element(mark)


def paragraph(props: etree._Element | None = None, *children: etree._Element) -> etree._Element:
    p = el("w:p")
    if props is not None:
        p.append(props)
    for c in children:
        p.append(c)
    return p


# ---------------------------------------------------------------- annotations


def comment_start(cid: int) -> etree._Element:
    return el("w:commentRangeStart", {"w:id": str(cid)})


def comment_end(cid: int) -> etree._Element:
    return el("w:commentRangeEnd", {"w:id": str(cid)})


def comment_reference(cid: int) -> etree._Element:
    """The run that carries the comment's balloon; it has no text, so it never changes the body."""
    return el(
        "w:r",
        None,
        el("w:rPr", None, el("w:rStyle", {"w:val": "CommentReference"})),
        el("w:commentReference", {"w:id": str(cid)}),
    )


def bookmark_start(bid: int, name: str) -> etree._Element:
    return el("w:bookmarkStart", {"w:id": str(bid), "w:name": name})


def bookmark_end(bid: int) -> etree._Element:
    return el("w:bookmarkEnd", {"w:id": str(bid)})


def page_field(
    text_before: str, text_after: str, props_factory: Callable[[], etree._Element]
) -> list[etree._Element]:
    """Runs for ``— PAGE —``: a complex field Word, WPS and LibreOffice all update."""
    out = [run(text_before, props_factory())]
    begin = el("w:r", None, props_factory(), el("w:fldChar", {"w:fldCharType": "begin"}))
    instr = el("w:instrText")
    instr.text = " PAGE "
    instr.set(XML_SPACE, "preserve")
    out += [
        begin,
        el("w:r", None, props_factory(), instr),
        el("w:r", None, props_factory(), el("w:fldChar", {"w:fldCharType": "separate"})),
        run("1", props_factory()),
        el("w:r", None, props_factory(), el("w:fldChar", {"w:fldCharType": "end"})),
        run(text_after, props_factory()),
    ]
    return out


# ---------------------------------------------------------------- tables


def table(widths: list[int], header_repeat: bool = True) -> etree._Element:
    """An empty w:tbl with fixed column widths (twips) and thin black borders."""
    borders = el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(
            el(f"w:{side}", {"w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"})
        )
    tbl_pr = el(
        "w:tblPr",
        None,
        el("w:tblW", {"w:w": str(sum(widths)), "w:type": "dxa"}),
        el("w:jc", {"w:val": "center"}),
        borders,
        el("w:tblLayout", {"w:type": "fixed"}),
        el(
            "w:tblCellMar",
            None,
            el("w:left", {"w:w": "85", "w:type": "dxa"}),
            el("w:right", {"w:w": "85", "w:type": "dxa"}),
        ),
    )
    grid = el("w:tblGrid", None, *[el("w:gridCol", {"w:w": str(w)}) for w in widths])
    return el("w:tbl", None, tbl_pr, grid)


def table_row(
    cells: list[list[etree._Element]],
    widths: list[int],
    header: bool = False,
    keep_together: bool = False,
) -> etree._Element:
    """A w:tr; each cell is a list of w:p (a cell must hold at least one)."""
    tr = el("w:tr")
    if header:
        # Repeated on every page, and never split: the reader always sees the column names.
        tr.append(el("w:trPr", None, el("w:cantSplit"), el("w:tblHeader")))
    elif keep_together:
        tr.append(el("w:trPr", None, el("w:cantSplit")))
    for paras, w in zip(cells, widths):
        tc = el(
            "w:tc",
            None,
            el(
                "w:tcPr",
                None,
                el("w:tcW", {"w:w": str(w), "w:type": "dxa"}),
                el("w:vAlign", {"w:val": "center" if header else "top"}),
            ),
        )
        for p in paras or [paragraph()]:
            tc.append(p)
        tr.append(tc)
    return tr
