"""The saved draft as plain text: its bytes (encoding and line ends).

A .txt draft keeps the encoding its file was opened in (a GB18030 report stays GB18030:
the colleague's tool that made it reads it back), with CRLF line ends.  A new .txt (from a
.docx, a recovered draft, or text the old encoding cannot hold) is UTF-8 *with* a BOM:
on Chinese Windows a file without one is read in the ANSI code page (GBK) by Notepad
before Windows 10 1903 and by many office tools, which turns UTF-8 Chinese into mojibake.
"""

from __future__ import annotations

import codecs

NEW_TXT_ENCODING = "utf-8-sig"


def txt_encoding(opened: str | None) -> str:
    """The codec a .txt draft is saved in: ``opened`` (the loader's name for the file's
    encoding, ``Report.encoding``) when it is a text codec, else UTF-8 with a BOM."""
    if not opened:
        return NEW_TXT_ENCODING
    try:
        return codecs.lookup(opened).name
    except LookupError:  # "docx", or a name Python does not know
        return NEW_TXT_ENCODING


def txt_bytes(text: str, opened: str | None = None) -> bytes:
    """``text`` with CRLF line ends in ``txt_encoding(opened)``; UTF-8 with a BOM when that
    encoding cannot hold the text (never a lost character)."""
    crlf = text.replace("\r\n", "\n").replace("\n", "\r\n")
    codec = txt_encoding(opened)
    if codec.lower().replace("_", "-").endswith(("-le", "-be")) and not crlf.startswith("\ufeff"):
        crlf = "\ufeff" + crlf  # the -le/-be codecs write no BOM; readers need one for the byte order
    try:
        return crlf.encode(codec)
    except UnicodeEncodeError:  # e.g. a GBK file given a character outside GBK
        return crlf.lstrip("\ufeff").encode(NEW_TXT_ENCODING)
