"""Write the draft to .txt or .docx, atomically, with readable errors.

Atomic: the bytes go to a temporary file in the target folder which then
replaces the target in one rename, so a crash or a full disk never leaves half
a report where the old one was.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from reportdesk.engine import SaveError

SAVE_FORMATS = (".docx", ".txt")
BODY_FONT = "仿宋_GB2312"  # what 党政机关公文 bodies use; Word substitutes when missing


def atomic_write(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; raises OSError."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix="." + target.name + ".", suffix=".tmp", dir=str(target.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def txt_bytes(text: str) -> bytes:
    # UTF-8 with CRLF: what Windows Notepad and WPS expect; our loader reads it back exactly.
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def docx_bytes(text: str) -> bytes:
    """A plain Word document: one paragraph per line, Chinese body font."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(16)  # 三号, the 公文 body size
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), BODY_FONT)
    for line in text.replace("\r\n", "\n").split("\n"):
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def save_draft(text: str, path: str | Path) -> Path:
    """Save ``text`` as .docx or .txt (by extension); raises SaveError with a Chinese message."""
    p = Path(path)
    ext = p.suffix.lower()
    if ext not in SAVE_FORMATS:
        raise SaveError(
            f"不能保存为“{p.suffix or '无扩展名'}”格式。请选择 .docx（Word 文档）或 .txt（纯文本）。",
            f"unsupported save format {ext!r}",
            str(p),
        )
    if not p.parent.is_dir():
        raise SaveError(f"文件夹“{p.parent}”不存在，请另选保存位置。", "parent folder missing", str(p))
    try:
        data = docx_bytes(text) if ext == ".docx" else txt_bytes(text)
    except Exception as exc:  # python-docx failing is a bug, but the user still needs words
        raise SaveError("生成 Word 文档时出错，请改存为 .txt 后再试。", repr(exc), str(p)) from exc
    try:
        atomic_write(p, data)
    except PermissionError as exc:
        raise SaveError(
            f"无法写入“{p.name}”：文件可能正在 Word 或 WPS 中打开，或该文件夹没有写入权限。请关闭该文件或另存到其他位置。",
            repr(exc),
            str(p),
        ) from exc
    except OSError as exc:
        raise SaveError(
            f"保存“{p.name}”失败（{exc.strerror or '磁盘错误'}）。请检查磁盘空间，或另存到其他位置。",
            repr(exc),
            str(p),
        ) from exc
    return p
