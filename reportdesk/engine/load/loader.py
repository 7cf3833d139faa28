"""Open a report file: .docx or plain text, with every failure turned into a LoadError.

The file's *content* decides how it is read (a .docx renamed to .txt still loads; an
old binary .doc renamed to .docx gets the "save as .docx" advice), the extension
only refines the message.  Every error a clerk can hit — missing file, folder, no
permission, empty, too large, old .doc/.wps, password, damaged package, unknown
encoding, PDF or picture — carries a Chinese message saying what to do.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import stat
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from reportdesk.engine.errors import LoadError
from reportdesk.engine.load.docx import DocxError, read_docx
from reportdesk.engine.load.limits import expansion_detail, too_much_text_message
from reportdesk.engine.load.text import UndecodableText, decode_text, replace_surrogates
from reportdesk.engine.model import DocFormat, LoadedDocument, RawParagraph

if TYPE_CHECKING:
    from reportdesk.engine.model import Report

# A report is 30–300 KB of text: at most ~1 MB as UTF-8 (3 bytes per Chinese
# character) or UTF-16.  10 MB is ten times the largest report we know of and still
# loads in well under a second; anything bigger is a log, a dump or a wrong file,
# and would make the comparison crawl.
MAX_TXT_BYTES = 10 * 1024 * 1024
# A .docx may carry photos and scanned pages, which we never read (only word/document.xml
# is inflated, and that part has its own limit in load_docx), so the file itself may be
# large; 100 MB covers image-heavy reports and still stops absurd inputs early.
MAX_DOCX_BYTES = 100 * 1024 * 1024

SUPPORTED = "支持的格式：Word 文档（.docx）和纯文本（.txt）。"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_DOCX_EXTS = {".docx", ".docm", ".dotx", ".dotm"}
_LEGACY_WORD_EXTS = {".doc", ".wps", ".dot", ".wpt"}
_SHEET_EXTS = {".xls", ".xlsx", ".et", ".ett"}
_SLIDE_EXTS = {".ppt", ".pptx", ".dps"}
_IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic"}
_IMAGE_MAGICS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*")

_LEGACY_MSG = (
    "这是旧版 Word/WPS 格式（.doc/.wps）文件，ReportDesk 无法直接读取。"
    "请在 Word 或 WPS 中“另存为”.docx 格式后再打开。"
)
_ENCRYPTED_MSG = (
    "这份文档设置了密码保护，ReportDesk 无法读取加密的文件。"
    "请在 Word 中打开它，点击“文件 ▸ 信息 ▸ 保护文档 ▸ 用密码进行加密”，"
    "删除密码后保存，再重新打开。"
)


def _size_text(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    return f"{max(1, round(n / 1024))} KB"


def _fail(path: Path, message: str, detail: str) -> LoadError:
    return LoadError(message, detail, str(path))


def load_document(path: str | Path) -> LoadedDocument:
    """Read a .docx or text file into paragraphs with structure hints.  Raises LoadError."""
    try:
        return _clean(_load(Path(path)))
    except LoadError:
        raise
    except Exception as e:  # noqa: BLE001 - the last guard: a clerk never sees a traceback
        logging.getLogger(__name__).exception("unexpected failure loading %s", path)
        raise LoadError(
            f"读取“{Path(path).name}”时发生意外错误，文件可能已损坏。"
            "请在 Word 或 WPS 中打开它并另存为新文件后再试；如仍失败，请把此文件发给技术支持。",
            f"unexpected {type(e).__name__}: {e!r}",
            str(path),
        ) from e


def _clean(doc: LoadedDocument) -> LoadedDocument:
    """Unpaired surrogates (a Word symbol with a bogus code, a broken converter) become
    U+FFFD, with a notice for the clerk: later steps encode the text as UTF-8 and would fail."""
    count = 0
    paragraphs = []
    for par in doc.paragraphs:
        text, n = replace_surrogates(par.text)
        numbering, m = replace_surrogates(par.numbering) if par.numbering else (par.numbering, 0)
        count += n + m
        paragraphs.append(dataclasses.replace(par, text=text, numbering=numbering) if n or m else par)
    title, n = replace_surrogates(doc.title)
    count += n
    if not count:
        return doc
    notice = f"有 {count} 个无效字符（如编码错误的符号）无法读取，已显示为“\ufffd”。"
    return dataclasses.replace(doc, paragraphs=tuple(paragraphs), title=title, notices=(*doc.notices, notice))


def _load(p: Path) -> LoadedDocument:
    name = p.name or str(p)
    try:
        st = os.stat(p)
    except FileNotFoundError as e:
        raise _fail(
            p, f"找不到文件“{name}”。它可能已被移动、改名或删除，请重新选择。", repr(e)
        ) from e
    except PermissionError as e:
        raise _fail(p, _permission_msg(name), repr(e)) from e
    except (OSError, ValueError) as e:  # ValueError: a path with a NUL byte
        raise _fail(p, f"无法打开“{name}”：路径无效或所在位置不可用。", repr(e)) from e
    if stat.S_ISDIR(st.st_mode):
        raise _fail(
            p, f"“{name}”是一个文件夹，不是文件。请选择报告文件。{SUPPORTED}", "is a directory"
        )
    if st.st_size == 0:
        raise _fail(p, f"“{name}”是空文件，里面没有任何文字。", "empty file (0 bytes)")
    ext = p.suffix.lower()
    head = _read(p, name, 16)
    if head.startswith(_OLE_MAGIC):
        return _ole(p, name, ext, st.st_size)
    if head.startswith(_ZIP_MAGICS) or ext in _DOCX_EXTS:
        _check_size(p, name, st.st_size, MAX_DOCX_BYTES)
        return _load_docx(p, name, ext)
    _reject_known_binary(p, name, ext, head)
    _check_size(p, name, st.st_size, MAX_TXT_BYTES)
    return _load_text(p, name, ext, _read(p, name, None))


def load_report(path: str | Path) -> Report:
    """Load and structure a report in one call (what the app and CLI want)."""
    from reportdesk.engine.structure.build import (
        build_report,  # lazily: structure pulls in the heavier engine
    )

    return build_report(load_document(path))


# ---------------------------------------------------------------- file access


def _permission_msg(name: str) -> str:
    return (
        f"没有权限读取“{name}”。如果文件正在其他程序中打开，请先关闭；"
        "或者把它复制到“文档”文件夹后再打开。"
    )


def _read(p: Path, name: str, n: int | None) -> bytes:
    try:
        with open(p, "rb") as f:
            return f.read() if n is None else f.read(n)
    except PermissionError as e:
        raise _fail(p, _permission_msg(name), repr(e)) from e
    except IsADirectoryError as e:
        raise _fail(p, f"“{name}”是一个文件夹，不是文件。{SUPPORTED}", repr(e)) from e
    except OSError as e:
        raise _fail(
            p, f"读取“{name}”时出错。请检查文件所在的磁盘或网络位置是否可用，然后重试。", repr(e)
        ) from e


def _check_size(p: Path, name: str, size: int, limit: int) -> None:
    if size > limit:
        raise _fail(
            p,
            f"“{name}”有 {_size_text(size)}，太大了，不像是一份工作报告"
            f"（ReportDesk 最多读取 {_size_text(limit)} 的此类文件）。请确认选择的是报告文件。",
            f"file is {size} bytes, limit {limit}",
        )


# ---------------------------------------------------------------- binary formats


def _ole(p: Path, name: str, ext: str, size: int) -> LoadedDocument:
    """An OLE compound file: old .doc/.wps/.xls, or an encrypted Office document."""
    data = _read(p, name, min(size, MAX_DOCX_BYTES))
    # The directory holds the stream names in UTF-16LE; a password-protected .docx is an
    # OLE file with an "EncryptedPackage" stream (MS-OFFCRYPTO).
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise _fail(p, _ENCRYPTED_MSG, "OLE container with EncryptedPackage (encrypted OOXML)")
    is_sheet = "Workbook".encode("utf-16-le") in data or ext in {".xls", ".et", ".ett"}
    if is_sheet and "WordDocument".encode("utf-16-le") not in data:
        raise _fail(
            p, f"“{name}”是电子表格文件，不是报告文档。{SUPPORTED}", "OLE spreadsheet (.xls/.et)"
        )
    if "PowerPoint Document".encode("utf-16-le") in data:
        raise _fail(p, f"“{name}”是演示文稿文件，不是报告文档。{SUPPORTED}", "OLE PowerPoint")
    raise _fail(p, _LEGACY_MSG, f"OLE compound file (legacy binary format), extension {ext!r}")


def _reject_known_binary(p: Path, name: str, ext: str, head: bytes) -> None:
    """PDF, pictures, RTF, spreadsheets: formats we recognise but cannot read."""
    if head.startswith(b"%PDF") or ext == ".pdf":
        raise _fail(
            p,
            f"ReportDesk 不能读取 PDF 文件。{SUPPORTED}"
            "请用 WPS 或 Word 把 PDF 转换为 .docx，或复制其中的文字保存为 .txt。",
            "PDF",
        )
    if (
        head.startswith(_IMAGE_MAGICS)
        or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")
        or ext in _IMAGE_EXTS
    ):
        raise _fail(p, f"“{name}”是图片文件，其中的文字无法直接读取。{SUPPORTED}", "image file")
    if head.startswith(b"{\\rtf"):
        raise _fail(
            p,
            f"“{name}”是 RTF 格式文件。请在 Word 或 WPS 中“另存为”.docx 格式后再打开。",
            "RTF",
        )
    if ext in _LEGACY_WORD_EXTS:
        # Old systems export ".doc" files that are really web pages: same advice.
        raise _fail(p, _LEGACY_MSG, f"{ext} file without OLE header")
    if ext in _SHEET_EXTS or ext in _SLIDE_EXTS:
        raise _fail(p, f"“{name}”不是报告文档。{SUPPORTED}", f"unsupported extension {ext}")


# ---------------------------------------------------------------- docx


def _load_docx(p: Path, name: str, ext: str) -> LoadedDocument:
    damaged = (
        f"“{name}”已损坏，无法作为 Word 文档打开（可能没有完整下载或复制）。"
        "请在 Word 或 WPS 中打开它并“另存为”新的 .docx 文件后再试。"
    )
    try:
        with zipfile.ZipFile(p) as zf:
            names = set(zf.namelist())
            _reject_other_packages(p, name, zf, names)
            content = read_docx(zf)
    except DocxError as e:
        if e.kind == "too_large":
            msg = too_much_text_message(name)
        elif e.kind == "unusual":
            msg = (
                f"“{name}”是由不常见的程序保存的，其内部格式 ReportDesk 无法读取。"
                "请在 Word 或 WPS 中打开它并“另存为”.docx 文件后再试。"
            )
        elif e.kind == "no_document":
            msg = f"“{name}”不是有效的 Word 文档（找不到正文内容）。{SUPPORTED}"
        else:
            msg = damaged
        raise _fail(p, msg, f"{e.kind}: {e.detail}") from e
    except zipfile.BadZipFile as e:
        if ext not in _DOCX_EXTS:
            raise _fail(p, f"无法识别“{name}”的格式。{SUPPORTED}", repr(e)) from e
        raise _fail(p, damaged, repr(e)) from e
    except PermissionError as e:
        raise _fail(p, _permission_msg(name), repr(e)) from e
    except (OSError, EOFError, ValueError, RuntimeError, RecursionError) as e:
        # RecursionError: absurdly deep nesting of tables or content controls.
        raise _fail(p, damaged, repr(e)) from e
    if not any(par.text.strip() or par.numbering for par in content.paragraphs):
        raise _fail(p, f"“{name}”里没有任何文字。", "document has no text")
    return LoadedDocument(
        str(p), DocFormat.DOCX, "docx", content.paragraphs, content.title, content.notices
    )


def _reject_other_packages(p: Path, name: str, zf: zipfile.ZipFile, names: set[str]) -> None:
    if "word/document.xml" in names:
        return
    if "mimetype" in names:
        try:
            mime = zf.read("mimetype")[:100].decode("ascii", "replace")
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
            mime = ""
        if "opendocument.text" in mime:
            raise _fail(
                p,
                f"“{name}”是 OpenDocument 文本（.odt）文件。"
                "请在 WPS、Word 或 LibreOffice 中“另存为”.docx 格式后再打开。",
                f"ODF package {mime}",
            )
    if "mimetype" in names or any(n.startswith(("xl/", "ppt/")) for n in names):
        raise _fail(p, f"“{name}”不是 Word 文档。{SUPPORTED}", "other office package")


# ---------------------------------------------------------------- text


def _load_text(p: Path, name: str, ext: str, data: bytes) -> LoadedDocument:
    try:
        text, encoding = decode_text(data)
    except UndecodableText as e:
        if ext in {".txt", ".md", ".text", ""}:
            msg = (
                f"无法识别“{name}”的文字编码，它可能不是纯文本文件。"
                "请用记事本打开，“另存为”时编码选择 UTF-8，再重新打开。"
            )
        else:
            msg = f"无法识别“{name}”的格式。{SUPPORTED}"
        raise _fail(p, msg, str(e)) from e
    if not text.strip().strip("\ufeff\u200b"):
        raise _fail(p, f"“{name}”是空文件，里面没有任何文字。", "only whitespace")
    lines = text.splitlines()
    too_much = expansion_detail(len(lines), len(text) - len(lines))  # the same bounds as .docx
    if too_much:
        raise _fail(p, too_much_text_message(name), too_much)
    if ext in {".md", ".markdown"}:
        paragraphs = tuple(_markdown_line(line) for line in lines)
    else:
        paragraphs = tuple(RawParagraph(line) for line in lines)
    return LoadedDocument(str(p), DocFormat.TXT, encoding, paragraphs, "")


def _markdown_line(line: str) -> RawParagraph:
    """'## 一、…' is a level-2 heading; the '#' marks are markup, not report text."""
    stripped = line.lstrip()
    hashes = len(stripped) - len(stripped.lstrip("#"))
    if 1 <= hashes <= 6 and stripped[hashes : hashes + 1] in (" ", "\t"):
        level = hashes if hashes <= 4 else None
        return RawParagraph(stripped[hashes:].strip(), level)
    return RawParagraph(line)
