"""Base of the narrow widgets drawn beside the text panes (the change gutter, the overview strip).

It keeps the items to draw and a cache key for their positions: the key is
dropped when the items change or a pane's document is laid out again, and
the strip repaints when a pane scrolls.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QSizePolicy, QWidget

from reportdesk.ui.text_pane import TextPane


class PaneStrip(QWidget):
    WIDTH = 14

    def __init__(self, panes: tuple[TextPane, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []
        self._key: tuple | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        for p in panes:
            p.verticalScrollBar().valueChanged.connect(self.update)
            p.document().documentLayout().documentSizeChanged.connect(self._invalidate)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.WIDTH, 200)

    def _set_items(self, items: list[Any]) -> None:
        self._items = list(items)
        self._invalidate()

    def _invalidate(self, *_args: object) -> None:
        self._key = None
        self.update()
