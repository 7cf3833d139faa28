"""Read an exported .docx back the way Word would resolve it (test helper, stdlib only).

``resolve(path, "accept")`` gives the tracked body's text after "accept all
revisions", ``"reject"`` after "reject all": inserted runs kept or dropped,
deleted runs dropped or kept, and a paragraph whose mark is deleted (accept) or
inserted (reject) merged with the next one.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY_BOOKMARK = "_ReportDeskBody"


def part(path: Path, name: str) -> ET.Element:
    with zipfile.ZipFile(path) as z:
        return ET.fromstring(z.read(name))


def _text(node: ET.Element, mode: str, inside: str | None = None) -> str:
    """Text of a paragraph's content in the accepted or rejected view."""
    out = []
    for child in node:
        tag = child.tag
        if tag in (W + "ins", W + "moveTo"):
            if mode == "accept":
                out.append(_text(child, mode, "ins"))
        elif tag in (W + "del", W + "moveFrom"):
            if mode == "reject":
                out.append(_text(child, mode, "del"))
        elif tag == W + "r":
            for t in child:
                if t.tag == W + "t" and inside != "del":
                    out.append(t.text or "")
                elif t.tag == W + "delText" and inside == "del":
                    out.append(t.text or "")
                elif t.tag == W + "tab":
                    out.append("\t")
                elif t.tag == W + "t" and inside == "del":
                    raise AssertionError("w:t inside w:del (Word needs w:delText)")
                elif t.tag == W + "delText" and inside != "del":
                    raise AssertionError("w:delText outside w:del")
        elif tag in (W + "hyperlink", W + "smartTag", W + "fldSimple"):
            out.append(_text(child, mode, inside))
    return "".join(out)


def _mark(p: ET.Element) -> str | None:
    rpr = p.find(f"{W}pPr/{W}rPr")
    if rpr is None:
        return None
    if rpr.find(W + "ins") is not None:
        return "insert"
    if rpr.find(W + "del") is not None:
        return "delete"
    return None


def body_paragraphs(path: Path) -> list[ET.Element]:
    """The top-level paragraphs between the body bookmark's start and end."""
    body = part(path, "word/document.xml").find(W + "body")
    assert body is not None
    out: list[ET.Element] = []
    inside = False
    ids = set()
    for p in body.findall(W + "p"):
        for bm in p.iter(W + "bookmarkStart"):
            if bm.get(W + "name") == BODY_BOOKMARK:
                inside = True
                ids.add(bm.get(W + "id"))
        if inside:
            out.append(p)
            if any(e.get(W + "id") in ids for e in p.iter(W + "bookmarkEnd")):
                return out
    raise AssertionError("body bookmark not found or not closed")


def resolve(path: Path, mode: str) -> str:
    """The body text after accepting (``"accept"``) or rejecting (``"reject"``) every revision."""
    merge_on = "delete" if mode == "accept" else "insert"
    out = []
    paras = body_paragraphs(path)
    for i, p in enumerate(paras):
        out.append(_text(p, mode))
        if i < len(paras) - 1 and _mark(p) != merge_on:
            out.append("\n")
    return "".join(out)


@dataclass
class CommentInfo:
    id: str
    text: str
    author: str
    anchored_accept: str  # the text the comment covers, accepted view
    anchored_reject: str


def comments(path: Path) -> list[CommentInfo]:
    """Every comment with the text its range covers (both views)."""
    try:
        root = part(path, "word/comments.xml")
    except KeyError:
        return []
    bodies = {
        c.get(W + "id"): ("".join(t.text or "" for t in c.iter(W + "t")), c.get(W + "author", ""))
        for c in root.findall(W + "comment")
    }
    body = part(path, "word/document.xml").find(W + "body")
    assert body is not None
    collecting: dict[str, list[list[str]]] = {}
    done: dict[str, tuple[str, str]] = {}

    def walk(node: ET.Element, inside: str | None) -> None:
        for child in node:
            tag = child.tag
            if tag == W + "commentRangeStart":
                collecting[child.get(W + "id", "")] = [[], []]
            elif tag == W + "commentRangeEnd":
                cid = child.get(W + "id", "")
                acc = collecting.pop(cid)
                done[cid] = ("".join(acc[0]), "".join(acc[1]))
            elif tag == W + "ins":
                walk(child, "ins")
            elif tag == W + "del":
                walk(child, "del")
            elif tag == W + "r":
                for t in child:
                    txt = t.text or ""
                    for acc in collecting.values():
                        if t.tag == W + "t":
                            if inside != "del":
                                acc[0].append(txt)
                            if inside != "ins":
                                acc[1].append(txt)
                        elif t.tag == W + "delText":
                            acc[1].append(txt)
            else:
                walk(child, inside)

    walk(body, None)
    refs = {r.get(W + "id") for r in body.iter(W + "commentReference")}
    out = []
    for cid, (text, author) in bodies.items():
        assert cid in refs, f"comment {cid} has no reference in the document"
        acc, rej = done.get(cid, ("", ""))
        out.append(CommentInfo(cid, text, author, acc, rej))
    return out


@dataclass
class Cell:
    text: str
    struck: str  # text of runs with w:strike
    marked: str  # text of runs with both w:b and w:u


def tables(path: Path) -> list[list[list[Cell]]]:
    body = part(path, "word/document.xml").find(W + "body")
    assert body is not None
    out = []
    for tbl in body.findall(W + "tbl"):
        rows = []
        for tr in tbl.findall(W + "tr"):
            cells = []
            for tc in tr.findall(W + "tc"):
                text, struck, marked = [], [], []
                for i, p in enumerate(tc.findall(W + "p")):
                    if i:
                        text.append("\n")
                    for r in p.iter(W + "r"):
                        t = "".join(x.text or "" for x in r.findall(W + "t"))
                        rpr = r.find(W + "rPr")
                        text.append(t)
                        if rpr is not None and rpr.find(W + "strike") is not None:
                            struck.append(t)
                        if (
                            rpr is not None
                            and rpr.find(W + "b") is not None
                            and rpr.find(W + "u") is not None
                        ):
                            marked.append(t)
                cells.append(Cell("".join(text), "".join(struck), "".join(marked)))
            rows.append(cells)
        out.append(rows)
    return out
