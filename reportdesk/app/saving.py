"""Saving the draft: which format and encoding; the writing itself is export's.

A .docx goes through ``reportdesk.export.draft_docx``; a .txt keeps the encoding its file
was opened in, else UTF-8 with a BOM, with CRLF (``reportdesk.export.draft_txt`` says
why).  Both, like every file the program writes, go through the one atomic writer in
``reportdesk.export.atomic`` (temporary file, fsync, rename; errors become SaveError
with a Chinese message).
"""

from __future__ import annotations

from pathlib import Path

from reportdesk.engine import SaveError
from reportdesk.export import atomic, draft_txt

SAVE_FORMATS = (".docx", ".txt")


def save_draft(text: str, path: str | Path, encoding: str | None = None) -> Path:
    """Save ``text`` as .docx or .txt (by extension); raises SaveError with a Chinese message.

    ``encoding``: what the draft's file was opened in (``Report.encoding``), kept for a
    .txt; None for a new file.
    """
    p = Path(path)
    ext = p.suffix.lower()
    if ext not in SAVE_FORMATS:
        raise SaveError(
            f"不能保存为“{p.suffix or '无扩展名'}”格式。请选择 .docx（Word 文档）或 .txt（纯文本）。",
            f"unsupported save format {ext!r}",
            str(p),
        )
    if ext == ".docx":
        # python-docx loads only when a .docx is saved, not with the window
        from reportdesk.export import draft_docx

        return draft_docx.write_draft(text, p)
    return atomic.write_bytes(p, draft_txt.txt_bytes(text, encoding))
