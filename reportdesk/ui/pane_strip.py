"""Base of the narrow widgets drawn beside the text panes (the change gutter, the overview strip).

It keeps the items to draw and a cache key for their positions: the key is
dropped when the items change or a pane's document is laid out again, and
the strip repaints when a pane scrolls.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from reportdesk.ui.text_pane import TextPane

RELAYOUT_MS = 300
# The strips keep their drawing in an image of this format: antialiased curves and
# translucent fills draw into it ~3x faster than into a QPixmap (measured offscreen).
PREMULTIPLIED = QImage.Format.Format_ARGB32_Premultiplied


class PaneStrip(QWidget):
    WIDTH = 14

    def __init__(self, panes: tuple[TextPane, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []
        self._key: tuple | None = None
        self._layout_gen = 0  # part of the position caches' key: +1 when positions must be redone
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        # While the clerk types, a line that wraps anew moves the text below by a line: the
        # positions are redone once typing pauses, not on every such keystroke (issue 12:
        # ~30-100 ms of layout look-ups each time).
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(RELAYOUT_MS)
        self._relayout.timeout.connect(self._invalidate)
        for p in panes:
            p.verticalScrollBar().valueChanged.connect(self.update)
            p.document().documentLayout().documentSizeChanged.connect(lambda _s: self._relayout.start())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.WIDTH, 200)

    def _set_items(self, items: list[Any]) -> None:
        self._items = list(items)
        self._invalidate()

    def _invalidate(self, *_args: object) -> None:
        self._relayout.stop()
        self._layout_gen += 1
        self._key = None
        self.update()

    def _canvas(self) -> QImage:
        """An image the size of this widget, at its pixel ratio, to draw the strip into."""
        dpr = self.devicePixelRatioF()
        image = QImage(max(round(self.width() * dpr), 1), max(round(self.height() * dpr), 1), PREMULTIPLIED)
        image.setDevicePixelRatio(dpr)
        return image

    def resizeEvent(self, e: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(e)
        self._invalidate()
