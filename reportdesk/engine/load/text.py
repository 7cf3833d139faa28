"""Decode a plain-text report whose encoding nobody wrote down.

Reports arrive as UTF-8 (with or without BOM), as UTF-16 saved by Notepad, and as
GBK/GB18030 from older Windows machines and Chinese web sites.  We *detect*:
a BOM wins; then strict UTF-8 (which almost never decodes non-UTF-8 Chinese by
accident); then strict GB18030 (superset of GBK/GB2312); then charset-normalizer,
restricted to the encodings a Chinese office actually produces.  Every candidate
must also look like text, and a non-UTF-8 guess must look like Chinese, so
random binary and wrong guesses end in a clear error instead of mojibake.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
# What charset-normalizer may choose from: the encodings Chinese text files come in.
_CANDIDATES = ["gb18030", "big5", "utf_16_le", "utf_16_be"]


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> tuple[str, int]:
    """Unpaired surrogates (which no file or clipboard can hold) → U+FFFD, and how many."""
    if not _SURROGATE.search(text):
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


class UndecodableText(ValueError):
    """The bytes are not text in any encoding we accept (binary, or a wrong guess)."""


def _is_cjk(c: str) -> bool:
    o = ord(c)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3134F
        or 0x3000 <= o <= 0x303F  # CJK punctuation
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
    )


def _looks_like_text(text: str) -> bool:
    """Few control characters and no runs of private-use or unassigned code points."""
    if not text:
        return True
    bad = 0
    for c in text:
        if c in "\t\n\r\f\v":
            continue
        cat = unicodedata.category(c)
        if cat in ("Cc", "Co", "Cn", "Cs") or c == "\ufffd":
            bad += 1
    return bad <= max(2, len(text) // 200)


def looks_chinese(text: str) -> bool:
    """A decode guess is plausible Chinese when most non-ASCII characters are CJK."""
    non_ascii = [c for c in text if ord(c) > 0x7F and not c.isspace()]
    if not non_ascii:
        return True  # pure ASCII decodes the same in every candidate
    cjk = sum(1 for c in non_ascii if _is_cjk(c))
    return cjk / len(non_ascii) >= 0.9


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name).  Raises UndecodableText."""
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                raise UndecodableText(f"{name} BOM but invalid {name}: {e}") from e
            if text.startswith("\ufeff"):  # the -le/-be codecs keep the BOM
                text = text[1:]
            if not _looks_like_text(text):
                raise UndecodableText(f"{name} BOM but content is not text")
            return text, name + ("-sig" if name == "utf-8" else "")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_like_text(text):
            return text, "utf-8"
        raise UndecodableText("valid UTF-8 but full of control characters (binary?)")
    if b"\x00" not in data:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            pass
        else:
            if _looks_like_text(text) and looks_chinese(text) and not _also_big5(data):
                return text, "gb18030"
    try:
        return _guess(data)
    except UndecodableText:
        return _lenient(data)


def _also_big5(data: bytes) -> bool:
    """Big5 (Traditional) bytes often decode as GB18030 too; then let the detector judge."""
    try:
        data.decode("big5")
    except UnicodeDecodeError:
        return False
    return True


def _lenient(data: bytes) -> tuple[str, str]:
    """A file cut in the middle of a character, or with a stray bad byte: accept a
    handful of replaced characters rather than refuse a whole report."""
    for codec in ("utf-8", "gb18030"):
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        if bad <= max(3, len(text) // 10000) and looks_chinese(text.replace("\ufffd", "")):
            cleaned = text.replace("\ufffd", "")
            if _looks_like_text(cleaned):
                return text, codec
    raise UndecodableText("no encoding decodes the bytes as Chinese text")


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # imported lazily: only odd files need it

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        raise UndecodableText("no candidate encoding decodes the bytes")
    text = str(best)
    if not (_looks_like_text(text) and looks_chinese(text)):
        raise UndecodableText(f"best guess {best.encoding} does not give plausible Chinese text")
    return text, best.encoding.replace("_", "-")
