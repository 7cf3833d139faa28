"""A one-line legend of the comparison marks, drawn with the very formats the panes use."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from reportdesk.ui.palette import DELETED, INSERTED, MOVE_MARKER, MOVED, TARGET, char_format

ENTRIES = [
    (QT_TRANSLATE_NOOP("LegendBar", "Deleted"), DELETED),
    (QT_TRANSLATE_NOOP("LegendBar", "Inserted"), INSERTED),
    (QT_TRANSLATE_NOOP("LegendBar", "Changed target"), TARGET),
    (QT_TRANSLATE_NOOP("LegendBar", "Moved"), MOVED),
]


def sample_html(text: str, flags: int) -> str:
    """``text`` styled as the highlighter styles a range with ``flags``."""
    fmt = char_format(flags)
    css = [f"background-color:{fmt.background().color().name()}"]
    deco = []
    if fmt.fontStrikeOut():
        deco.append("line-through")
    if fmt.fontUnderline():
        deco.append("underline")
    if deco:
        css.append("text-decoration:" + " ".join(deco))
    if fmt.fontWeight() >= 600:
        css.append("font-weight:bold")
    if fmt.foreground().style() != Qt.BrushStyle.NoBrush:
        css.append(f"color:{fmt.foreground().color().name()}")
    marker = f"{MOVE_MARKER} " if flags & MOVED else ""
    return f'{marker}<span style="{";".join(css)}">&nbsp;{escape(text)}&nbsp;</span>'


class LegendBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 0, 4, 0)
        lay.setSpacing(10)
        self.labels: list[QLabel] = []
        for text, flags in ENTRIES:
            label = QLabel(sample_html(self.tr(text), flags))  # type: ignore[arg-type]  # PySide6 stubs type QT_TRANSLATE_NOOP's result as object; it returns the str
            label.setTextFormat(Qt.TextFormat.RichText)
            lay.addWidget(label)
            self.labels.append(label)
        lay.addStretch(1)
