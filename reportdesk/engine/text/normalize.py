"""Clean loaded text for display and comparison, keeping an exact offset map to the original.

Two separate jobs live here:

* ``normalize_document`` / ``normalize_text`` produce ``Normalized.text``: the text
  the user sees and every engine offset points into.  It differs from the text
  as loaded only in *layout*: line endings become ``"\\n"``, each paragraph loses
  its leading/trailing whitespace (U+3000 indents, NBSP, tabs), blank paragraphs
  are dropped, and lines a web scrape split off in the middle of a token are
  joined back (``细颗粒物（PM`` / ``2.5`` / ``）浓度`` → ``细颗粒物（PM2.5）浓度``).
  No character inside a paragraph is changed, so the display is faithful.
  ``raw_offsets`` maps every text offset back to the raw string.

* ``fold`` gives the *comparison form* of a string, one character for one
  character (so offsets into ``fold(s)`` are offsets into ``s``): full-width
  ASCII → half-width, Unicode spaces → ``' '``, the punctuation Chinese writers
  type in either width (, ; : ? ! ( )) → full-width, dashes → one dash, quotes →
  one quote.  Two texts that differ only in such forms compare equal after
  ``fold``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reportdesk.engine.model import LoadedDocument


@dataclass(frozen=True)
class LineHint:
    """Structure hints for one ``"\\n"``-separated line (= paragraph) of ``Normalized.text``."""

    start: int  # offsets in Normalized.text, half-open
    end: int
    style_level: int | None  # heading level from the source format, 1..4
    numbering: str | None  # Word numbering label, already inserted at line start
    in_table: bool = False


@dataclass(frozen=True)
class Normalized:
    text: str  # cleaned text, paragraphs joined by "\n", no empty lines
    raw: str  # "\n".join(numbering + text of each RawParagraph) as loaded
    raw_offsets: tuple[int, ...]  # len(text)+1 entries: text offset -> raw offset (monotone)
    lines: tuple[LineHint, ...]


# ---------------------------------------------------------------- cleaning

# The same line boundaries as str.splitlines(), which the text loader uses.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Invisible characters that editors and web pages leave at paragraph edges.
_EDGE_JUNK = frozenset("\ufeff\u200b\u200c\u200d\u2060")
# A scraped fragment: a short run of ASCII letters/digits/dots (a subscript such as
# the "2.5" of PM2.5 or the "2" of M2 that an HTML <sub> turned into its own line).
_FRAGMENT = re.compile(r"[A-Za-z0-9.]{1,8}")
_PREV_ENDS_ASCII = re.compile(r"[A-Za-z0-9]$")
# Starts of lines that begin a new paragraph and so must never be glued to a fragment.
_PARAGRAPH_START = re.compile(
    r"[一二三四五六七八九十百零〇]+[、.．]"
    r"|[（(][一二三四五六七八九十百零〇\d]+[）)]"
    r"|第[一二三四五六七八九十百零〇\d]+[章节部分篇条]"
    r"|\d+[、.．](?!\d)"
    r"|[-—―–•·●■◆]"
)


def _is_edge_space(c: str) -> bool:
    return c.isspace() or c in _EDGE_JUNK


@dataclass
class _Line:
    """A kept line: the raw pieces it is made of, plus the hints of its first source line."""

    pieces: list[tuple[int, int]]  # half-open raw ranges, in order
    style_level: int | None
    numbering: str | None
    in_table: bool
    text: str = ""


@dataclass(frozen=True)
class _Hints:
    """The Word hints of a source paragraph, handed on to the lines cut from it."""

    style_level: int | None
    numbering: str | None
    in_table: bool


def _strip_range(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and _is_edge_space(raw[start]):
        start += 1
    while end > start and _is_edge_space(raw[end - 1]):
        end -= 1
    return start, end


def _split_lines(raw: str, start: int, end: int, hints: _Hints) -> list[_Line]:
    """Cut raw[start:end] at any line break, strip each part, drop the blank ones."""
    out: list[_Line] = []
    pos = start
    first = True
    for m in _LINE_BREAK.finditer(raw, start, end):
        _add_line(out, raw, pos, m.start(), hints, first)
        pos = m.end()
        first = False
    _add_line(out, raw, pos, end, hints, first)
    return out


def _add_line(out: list[_Line], raw: str, a: int, b: int, hints: _Hints, first: bool) -> None:
    a, b = _strip_range(raw, a, b)
    if a == b:
        return
    # Only the first physical line of a paragraph carries its numbering label.
    numbering = hints.numbering if first else None
    out.append(_Line([(a, b)], hints.style_level, numbering, hints.in_table, raw[a:b]))


def _is_fragment(prev: _Line, line: _Line) -> bool:
    """True for a short ASCII line that continues the ASCII token ending the previous line."""
    return (
        line.numbering is None
        and line.style_level is None
        and line.in_table == prev.in_table
        and _FRAGMENT.fullmatch(line.text) is not None
        and _PREV_ENDS_ASCII.search(prev.text) is not None
        and len(prev.text) > len(line.text)
    )


def _continues_sentence(line: _Line) -> bool:
    """After a fragment the sentence is unfinished, so the next line goes on with it
    unless it visibly starts a new paragraph (a heading number, a bullet, Word structure)."""
    return (
        line.numbering is None
        and line.style_level is None
        and _PARAGRAPH_START.match(line.text) is None
    )


def _join_fragments(lines: list[_Line]) -> list[_Line]:
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if out and _is_fragment(out[-1], line):
            prev = out[-1]
            prev.pieces.extend(line.pieces)
            prev.text += line.text
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if nxt is not None and nxt.in_table == prev.in_table and _continues_sentence(nxt):
                prev.pieces.extend(nxt.pieces)
                prev.text += nxt.text
                i += 1
            i += 1
            continue
        out.append(line)
        i += 1
    return out


def _assemble(raw: str, lines: list[_Line]) -> Normalized:
    parts: list[str] = []
    offsets: list[int] = []
    hints: list[LineHint] = []
    pos = 0
    for k, line in enumerate(lines):
        if k:
            # The separator maps to where the previous paragraph's content ends, so a
            # span ending at a line end maps to the end of that content in raw.
            parts.append("\n")
            offsets.append(lines[k - 1].pieces[-1][1])
            pos += 1
        start = pos
        for a, b in line.pieces:
            parts.append(raw[a:b])
            offsets.extend(range(a, b))
            pos += b - a
        hints.append(LineHint(start, pos, line.style_level, line.numbering, line.in_table))
    offsets.append(lines[-1].pieces[-1][1] if lines else 0)
    return Normalized("".join(parts), raw, tuple(offsets), tuple(hints))


def normalize_document(doc: LoadedDocument) -> Normalized:
    """Normalize a loaded document; Word numbering labels become part of the text."""
    raw = "\n".join((p.numbering or "") + p.text for p in doc.paragraphs)
    lines: list[_Line] = []
    pos = 0
    for p in doc.paragraphs:
        seg_len = len(p.numbering or "") + len(p.text)
        lines.extend(
            _split_lines(raw, pos, pos + seg_len, _Hints(p.style_level, p.numbering or None, p.in_table))
        )
        pos += seg_len + 1
    return _assemble(raw, _join_fragments(lines))


def normalize_text(text: str) -> Normalized:
    """Normalize a plain string (a pasted draft, a .txt file's content) with the same rules."""
    return _assemble(text, _join_fragments(_split_lines(text, 0, len(text), _Hints(None, None, False))))


# ---------------------------------------------------------------- folding

# Punctuation written in either width in Chinese prose; the full-width form is canonical
# because it is what a Chinese sentence normally uses.
_TO_FULLWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# One dash for every dash-like character: em dash, en dash, horizontal bar, figure
# dash, hyphens, minus signs, full-width hyphen-minus and ASCII '-'.  Ranges are written
# 4.5%—5%, 4.5%-5% and 4.5%－5% in different reports; they must compare equal.
_DASH = "—"
_DASHES = "—–―‒‐‑−﹘﹣－-"
# Straight and curly double quotes fold to the ASCII '"': a straight quote cannot tell
# opening from closing, so the comparison form keeps neither direction.  Code that
# needs to know whether a quote opens or closes reads the unfolded text.
_DQUOTE = '"'
_DQUOTES = '“”„‟〝〞＂"'
_SQUOTE = "'"
_SQUOTES = "‘’‚‛＇'"
_MIDDOT = "·"
_MIDDOTS = "·・･•‧∙⋅"
_TILDE = "~"
_TILDES = "~～〜∼"  # range marks: 1～3年, 1〜3年


def _canonical(c: str) -> str:
    if c in _TO_FULLWIDTH:
        return _TO_FULLWIDTH[c]
    if c in _DASHES:
        return _DASH
    if c in _DQUOTES:
        return _DQUOTE
    if c in _SQUOTES:
        return _SQUOTE
    if c in _MIDDOTS:
        return _MIDDOT
    if c in _TILDES:
        return _TILDE
    if c != "\n" and c != "\r" and c.isspace():
        return " "
    return c


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    candidates = set(range(0xFF01, 0xFFEF)) | set(range(0xFE50, 0xFE6C)) | {0x3000}
    for ch in _TO_FULLWIDTH.values():
        candidates.add(ord(ch))
    for s in (_TO_FULLWIDTH, _DASHES, _DQUOTES, _SQUOTES, _MIDDOTS, _TILDES):
        candidates.update(ord(ch) for ch in s)
    # Every Unicode space (NBSP, en/em spaces, narrow NBSP, tabs ...) except line breaks.
    candidates.update(cp for cp in range(0x3001) if chr(cp).isspace())
    for cp in sorted(candidates):
        c = chr(cp)
        if c in _TO_FULLWIDTH.values():
            continue  # already canonical (，；：…) — NFKC would turn them half-width
        # Compatibility forms: full-width ASCII, small forms (﹐﹪), half-width CJK punctuation.
        n = unicodedata.normalize("NFKC", c) if (0xFE50 <= cp <= 0xFFEE) else c
        if len(n) != 1:
            n = c
        out = _canonical(n)
        if out != c:
            table[cp] = out
    return table


_FOLD_TABLE = _build_table()
# Most report sentences hold no character the table changes: one regex scan (C, a class
# test per character) is a fifth of ``str.translate``'s dictionary lookup per character.
_FOLDS = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_FOLD_TABLE)) + "]")


def fold_char(c: str) -> str:
    """The comparison form of one character (always exactly one character)."""
    return _FOLD_TABLE.get(ord(c), c) if len(c) == 1 else fold(c)


def fold(s: str) -> str:
    """The comparison form of ``s``: same length, folded character by character."""
    return s.translate(_FOLD_TABLE) if _FOLDS.search(s) else s
