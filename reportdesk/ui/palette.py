"""Colours and text formats of the comparison, in one place.

The marks follow what Word and WPS users already read: deletions struck
through on pale red (left pane), insertions underlined on pale green (right
pane), changed targets bold on amber, moves pale blue with a dashed underline
and a marker on both sides.  Never colour alone: strike, underline, dash and
bold carry the meaning for colour-blind readers and on paper.

A highlighted range carries a set of *flags*; ``char_format(flags)`` merges
them into one ``QTextCharFormat`` (QSyntaxHighlighter.setFormat replaces, it
does not merge, so merging happens here).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QFont, QTextCharFormat

# ------------------------------------------------------------ flags of a range
DELETED = 1  # text only in the old report (struck through)
INSERTED = 2  # text only in the new report (underlined)
MOVED = 4  # sentence or clause moved (dashed underline)
TARGET = 8  # a changed target (bold on amber)

# ------------------------------------------------------------ colours
DELETED_BG = QColor("#fbd3d3")
INSERTED_BG = QColor("#cdeccf")
TARGET_BG = QColor("#ffd98a")
MOVED_BG = QColor("#d3e6fa")
CURRENT_FG_BORDER = QColor("#c2410c")  # frame of the change the navigator points at

# Stronger tones of the same hues for the gutter bands and overview strip,
# where the marks are small.
DELETED_STRONG = QColor("#e57373")
INSERTED_STRONG = QColor("#66bb6a")
TARGET_STRONG = QColor("#f0a020")
MOVED_STRONG = QColor("#5c9bd6")
CHANGED_STRONG = QColor("#9e86c8")  # a sentence with both insertions and deletions
CHANGED_BG = QColor("#e6ddf3")
HINT_BG = QColor("#fde2c8")  # 提示: a consistency warning
HINT_STRONG = QColor("#d9480f")

#: Colour of each change category (see navigator categories and gutter kinds).
KIND_COLORS: dict[str, tuple[QColor, QColor]] = {
    # kind: (pale fill, strong outline)
    "changed": (CHANGED_BG, CHANGED_STRONG),
    "inserted": (INSERTED_BG, INSERTED_STRONG),
    "deleted": (DELETED_BG, DELETED_STRONG),
    "moved": (MOVED_BG, MOVED_STRONG),
    "target": (TARGET_BG, TARGET_STRONG),  # 目标变化: touches a main or named target
    "number": (CHANGED_BG, CHANGED_STRONG),  # 数字修改: any other changed number
    "hint": (HINT_BG, HINT_STRONG),  # 提示: one main target stated with two values
}

MOVE_MARKER = "⇅"  # drawn in the gutter at both ends of a move

# ------------------------------------------------------------ target table
TARGET_CHANGE_COLORS: dict[str, QColor] = {
    "raised": QColor("#cdeccf"),
    "lowered": QColor("#fbd3d3"),
    "qualifier_changed": QColor("#ffe9b8"),
    "raised_and_qualifier_changed": QColor("#ffe9b8"),
    "lowered_and_qualifier_changed": QColor("#ffe9b8"),
    "new": QColor("#d3e6fa"),
    "dropped": QColor("#e0e0e0"),
}


@cache
def _format(flags: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if flags & TARGET:
        fmt.setBackground(TARGET_BG)
        fmt.setFontWeight(QFont.Weight.Bold)
    elif flags & DELETED:
        fmt.setBackground(DELETED_BG)
    elif flags & INSERTED:
        fmt.setBackground(INSERTED_BG)
    elif flags & MOVED:
        fmt.setBackground(MOVED_BG)
    if flags & DELETED:
        fmt.setFontStrikeOut(True)
        fmt.setForeground(QColor("#8a1c1c"))
    if flags & INSERTED:
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setForeground(QColor("#145a1e"))
    elif flags & MOVED:
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(MOVED_STRONG)
    return fmt


def char_format(flags: int) -> QTextCharFormat:
    """The merged format for a range with ``flags`` (cached; do not modify)."""
    return _format(flags)


def current_change_format() -> QTextCharFormat:
    """ExtraSelection format of the current change: an overline (the pane also
    draws a frame round it); the highlighter's ground, strike and underline
    stay visible underneath, so the change still says what it is."""
    fmt = QTextCharFormat()
    fmt.setFontOverline(True)
    return fmt
