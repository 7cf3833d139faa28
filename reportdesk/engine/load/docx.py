"""Read the paragraphs of a .docx with zipfile and ElementTree (the engine stays pure).

Reading order is the body order; a table row is one paragraph (docx_walk), the text
of a text box follows the paragraph that anchors it, and footnotes and endnotes come
after the body, each note its own paragraph.  What a reader sees is what we keep:
the text with every tracked change accepted, field results, no hidden text.  Headings
come from the paragraph style or outline level; Word's automatic numbering labels are
computed (docx_numbering).  What the clerk should know about the reading (revisions
accepted, comments left out, text boxes and notes read) comes
back as plain Chinese notices.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass

from reportdesk.engine.load.docx_numbering import NumberingState, parse_numbering, parse_styles
from reportdesk.engine.load.docx_package import (
    MAX_PART_BYTES,
    DocxError,
    optional_root,
    parse_xml,
    read_part,
    rel_targets,
)
from reportdesk.engine.load.docx_walk import Tally, Walker
from reportdesk.engine.model import RawParagraph

__all__ = ["MAX_PART_BYTES", "DocxError", "DocxText", "read_docx"]

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


@dataclass(frozen=True)
class DocxText:
    paragraphs: tuple[RawParagraph, ...]
    title: str = ""  # from the document properties
    notices: tuple[str, ...] = ()  # plain Chinese, for the clerk


def read_docx(zf: zipfile.ZipFile) -> DocxText:
    """Paragraphs in reading order, the title from the document properties, notices."""
    main = rel_targets(zf, "_rels/.rels", "").get("officeDocument", "word/document.xml")
    if main not in zf.namelist():
        main = "word/document.xml"
    root = parse_xml(read_part(zf, main), main)
    ns_uri = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    if ns_uri not in (W_TRANSITIONAL, W_STRICT):
        raise DocxError("no_document", f"{main} root is {root.tag}")
    ns = "{" + ns_uri + "}"
    base = posixpath.dirname(main)
    rels = rel_targets(zf, posixpath.join(base, "_rels", posixpath.basename(main) + ".rels"), base)
    styles = parse_styles(optional_root(zf, rels.get("styles", "word/styles.xml")), ns)
    numbering = parse_numbering(optional_root(zf, rels.get("numbering", "word/numbering.xml")), ns)
    body = root.find(f"{ns}body")
    if body is None:
        raise DocxError("no_document", f"{main} has no w:body")
    walker = Walker(ns, styles, NumberingState(numbering, styles))
    walker.blocks(body, in_table=False)
    walker.flush()
    _count_marks(body, ns, walker.tally)
    del root, body
    notes = {
        kind: _notes(zf, walker, rels.get(f"{kind}s", f"{base}/{kind}s.xml"), kind)
        for kind in ("footnote", "endnote")
    }
    paragraphs = walker.paragraphs + notes["footnote"][0] + notes["endnote"][0]
    notices = _notices(walker.tally, notes["footnote"][1], notes["endnote"][1])
    return DocxText(tuple(paragraphs), _title(zf), notices)


def _count_marks(body: ET.Element, ns: str, tally: Tally) -> None:
    """Tracked insertions and deletions, comments: what reading the text hides."""
    for el in body.iter():
        tag = el.tag
        if tag in (ns + "ins", ns + "moveTo"):
            tally.inserted += 1
        elif tag in (ns + "del", ns + "moveFrom"):
            tally.deleted += 1
        elif tag == ns + "commentReference":
            tally.comments += 1


def _notes(
    zf: zipfile.ZipFile, walker: Walker, part: str | None, kind: str
) -> tuple[list[RawParagraph], int]:
    """The paragraphs of the footnotes (or endnotes) with text, and how many notes."""
    root = optional_root(zf, part)
    if root is None:
        return [], 0
    out: list[RawParagraph] = []
    count = 0
    for note in root.iter(walker.ns + kind):
        if note.get(walker.ns + "type", "normal") != "normal":
            continue  # the separator lines Word draws above the notes
        pars = [x for x in walker.sub_walk(note, in_table=False) if x.text.strip()]
        if pars:
            count += 1
            out.extend(pars)
    return out, count


def _notices(tally: Tally, footnotes: int, endnotes: int) -> tuple[str, ...]:
    out: list[str] = []
    if tally.inserted or tally.deleted:
        what = "、".join(
            f"{word} {n} 处" for word, n in (("插入", tally.inserted), ("删除", tally.deleted)) if n
        )
        out.append(f"文档含有未接受的修订（{what}），按全部接受后的文本读取。")
    if tally.comments:
        out.append(f"文档含有 {tally.comments} 条批注，未读入。")
    if tally.text_boxes:
        out.append(f"读入了 {tally.text_boxes} 个文本框中的文字，放在所在段落之后。")
    if footnotes or endnotes:
        what = "和 ".join(
            f"{n} 条{word}" for word, n in (("脚注", footnotes), ("尾注", endnotes)) if n
        )
        out.append(f"读入了 {what}，放在正文末尾。")
    return tuple(out)


def _title(zf: zipfile.ZipFile) -> str:
    core = rel_targets(zf, "_rels/.rels", "").get("core-properties", "docProps/core.xml")
    root = optional_root(zf, core)
    if root is None:
        return ""
    el = root.find(_DC_TITLE)
    return (el.text or "").strip() if el is not None else ""
