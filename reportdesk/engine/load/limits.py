"""How far a loaded document may expand, for .docx and plain text alike.

A real work report is 30–300 KB of text: 10 000–100 000 characters in 40–1 000
paragraphs (the 31 provincial reports of 2025 in tests/corpus/docx have 45–170
paragraphs, 9 000–35 000 characters, at most 5 200 XML elements in document.xml).
The bounds below are ten to a hundred times that, so no report comes near them,
while a crafted or runaway file (a zip bomb of empty paragraphs, a list numbered from
two billion in letters) stops in about a second instead of eating gigabytes:
1 000 000 characters or 20 000 short paragraphs load and structure in under a second.
"""

from __future__ import annotations

# Characters of text (paragraph text plus numbering labels), all parts together.
MAX_TEXT_CHARS = 1_000_000
# Paragraphs, empty ones included (a table row counts once, its cells' paragraphs too).
MAX_PARAGRAPHS = 20_000
# XML elements in one part: ~130 bytes of memory each, so at most ~150 MB per part.
MAX_XML_ELEMENTS = 1_000_000
# A numbering label longer than this is no heading label ("一、", "（十二）", "1.2.3"):
# it is drawn in decimal instead, or dropped if still too long.
MAX_LABEL_CHARS = 16


def expansion_detail(paragraphs: int, chars: int) -> str | None:
    """English detail for the log when a document is over a bound, else None."""
    if paragraphs > MAX_PARAGRAPHS:
        return f"more than {MAX_PARAGRAPHS} paragraphs"
    if chars > MAX_TEXT_CHARS:
        return f"more than {MAX_TEXT_CHARS} characters of text"
    return None


def too_much_text_message(name: str) -> str:
    return (
        f"“{name}”里的文字太多（超过 {MAX_TEXT_CHARS // 10000} 万字或 "
        f"{MAX_PARAGRAPHS // 10000} 万段），不像是一份工作报告（一份报告通常只有几万字、几百段）。"
        "请确认选择的是报告文件；如果是多份报告合在一起，请分开保存后再打开。"
    )
