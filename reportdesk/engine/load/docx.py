"""Read the paragraphs of a .docx with zipfile and ElementTree (the engine stays pure).

Reading order is the body order, tables included (row by row, cell by cell).  What
a reader sees is what we keep: inserted revisions yes, deleted revisions no, field
codes no (their results yes), hidden text no, text boxes and drawings no (they are
not part of the running text of a report).  Headings come from the paragraph style
or outline level; Word's automatic numbering labels are computed (docx_numbering).
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
import zlib

from reportdesk.engine.load.docx_numbering import (
    NumberingState,
    Styles,
    parse_numbering,
    parse_styles,
)
from reportdesk.engine.model import RawParagraph

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"

# A report's document.xml is 0.1–5 MB; anything far larger is a zip bomb or not a report.
MAX_PART_BYTES = 64 * 1024 * 1024


class DocxError(Exception):
    """Internal: what is wrong with the package.  ``kind`` picks the user message."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind  # "no_document" | "bad_xml" | "too_large" | "corrupt"
        self.detail = detail


def read_part(zf: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError as e:
        raise DocxError("no_document", f"missing part {name}") from e
    if info.file_size > MAX_PART_BYTES:
        raise DocxError("too_large", f"{name} is {info.file_size} bytes uncompressed")
    try:
        return zf.read(info)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError,
            ValueError, zlib.error) as e:  # fmt: skip
        # A damaged deflate stream, a CRC mismatch, an encrypted or unsupported entry.
        raise DocxError("corrupt", f"cannot read {name}: {e!r}") from e


def parse_xml(data: bytes, name: str) -> ET.Element:
    # DTDs have no place in OOXML; refusing them closes the entity-expansion door.
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        raise DocxError("bad_xml", f"{name} has a DOCTYPE")
    try:
        return ET.fromstring(data)
    except ET.ParseError as e:
        raise DocxError("bad_xml", f"{name}: {e}") from e


def _rel_targets(zf: zipfile.ZipFile, rels_name: str, base_dir: str) -> dict[str, str]:
    """Relationship type suffix (e.g. "officeDocument", "styles") → part name."""
    if rels_name not in zf.namelist():
        return {}
    try:
        root = parse_xml(read_part(zf, rels_name), rels_name)
    except DocxError:
        return {}
    out: dict[str, str] = {}
    for rel in root.iter(f"{_REL}Relationship"):
        rtype, target = rel.get("Type", ""), rel.get("Target", "")
        if not target or rel.get("TargetMode") == "External":
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(base_dir, target)
        out.setdefault(rtype.rsplit("/", 1)[-1], posixpath.normpath(path))
    return out


def _optional_root(zf: zipfile.ZipFile, name: str | None) -> ET.Element | None:
    if not name or name not in zf.namelist():
        return None
    try:
        return parse_xml(read_part(zf, name), name)
    except DocxError:
        return None  # broken styles or numbering cost hints, not the text


def read_docx(zf: zipfile.ZipFile) -> tuple[list[RawParagraph], str]:
    """Paragraphs in reading order and the title from the document properties."""
    main = _rel_targets(zf, "_rels/.rels", "").get("officeDocument", "word/document.xml")
    if main not in zf.namelist():
        main = "word/document.xml"
    root = parse_xml(read_part(zf, main), main)
    ns_uri = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    if ns_uri not in (W_TRANSITIONAL, W_STRICT):
        raise DocxError("no_document", f"{main} root is {root.tag}")
    ns = "{" + ns_uri + "}"
    base = posixpath.dirname(main)
    rels = _rel_targets(zf, posixpath.join(base, "_rels", posixpath.basename(main) + ".rels"), base)
    styles = parse_styles(_optional_root(zf, rels.get("styles", "word/styles.xml")), ns)
    numbering = parse_numbering(_optional_root(zf, rels.get("numbering", "word/numbering.xml")), ns)
    body = root.find(f"{ns}body")
    if body is None:
        raise DocxError("no_document", f"{main} has no w:body")
    walker = _Walker(ns, styles, NumberingState(numbering, styles))
    walker.blocks(body, in_table=False)
    walker.flush()
    return walker.paragraphs, _title(zf)


def _title(zf: zipfile.ZipFile) -> str:
    core = _rel_targets(zf, "_rels/.rels", "").get("core-properties", "docProps/core.xml")
    root = _optional_root(zf, core)
    if root is None:
        return ""
    el = root.find(_DC_TITLE)
    return (el.text or "").strip() if el is not None else ""


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


class _Walker:
    def __init__(self, ns: str, styles: Styles, numbering: NumberingState) -> None:
        self.ns = ns
        self.styles = styles
        self.numbering = numbering
        self.paragraphs: list[RawParagraph] = []
        self._carry = ""  # text of a paragraph whose mark is a tracked deletion

    def q(self, name: str) -> str:
        return self.ns + name

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
            # w:del / w:moveFrom (deleted blocks), w:sectPr, bookmarks: nothing to read

    def table(self, tbl: ET.Element) -> None:
        for child in tbl:
            if child.tag == self.q("tr"):
                tr_pr = child.find(self.q("trPr"))
                if tr_pr is not None and tr_pr.find(self.q("del")) is not None:
                    continue  # a deleted row
                self.row(child)
            elif child.tag == self.q("sdt"):
                content = child.find(self.q("sdtContent"))
                if content is not None:
                    self.table(content)
            elif child.tag in (self.q("customXml"), self.q("ins")):
                self.table(child)

    def row(self, tr: ET.Element) -> None:
        for child in tr:
            if child.tag == self.q("tc"):
                self.blocks(child, in_table=True)
            elif child.tag == self.q("sdt"):
                content = child.find(self.q("sdtContent"))
                if content is not None:
                    self.row(content)
            elif child.tag == self.q("customXml"):
                self.row(child)

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
        self.inline(p, pieces)
        text = self._carry + _assemble(pieces)
        if mark_deleted:
            # Accepting the deletion merges this paragraph into the next one.
            self._carry = text
            return
        self._carry = ""
        if direct_outline is not None and direct_outline.isdigit():
            level: int | None = int(direct_outline) + 1 if int(direct_outline) < 9 else None
        else:
            level = self.styles.heading_level(style_id)
        if level is not None and not 1 <= level <= 4:
            level = None  # deeper outline levels are body text for a report
        if num_id is None:
            s_num, s_ilvl = self.styles.numbering(style_id)
            num_id = s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
        label = self.numbering.label(num_id, ilvl, style_id)
        self.paragraphs.append(RawParagraph(text, level, label, in_table))

    def flush(self) -> None:
        if self._carry:
            self.paragraphs.append(RawParagraph(self._carry))
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
                code = child.get(q("char"), "")
                try:
                    cp = int(code, 16)
                except ValueError:
                    continue
                if not 0xE000 <= cp <= 0xF8FF and cp >= 0x20:  # symbol-font glyphs are no text
                    out.append(chr(cp))
            elif tag == q("ruby"):
                base = child.find(q("rubyBase"))
                if base is not None:
                    self.inline(base, out)
            # w:delText, w:instrText, w:drawing, w:pict, footnote references: skipped


def _int_val(el: ET.Element | None, ns: str) -> int | None:
    if el is None:
        return None
    try:
        return int(el.get(f"{ns}val", ""))
    except ValueError:
        return None
