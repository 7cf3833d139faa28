"""A thin strip right of the draft: where the changes are in the whole document.

Each change is a tick at its height in the draft (scaled to the strip); the
visible part of the draft is a frame.  Clicking or dragging scrolls the draft
there (the other pane follows through scroll sync).
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from reportdesk.ui.palette import KIND_COLORS
from reportdesk.ui.pane_strip import PaneStrip
from reportdesk.ui.text_pane import TextPane

Mark = tuple[str, int, int]  # (kind, start, end) in the pane's code points


class OverviewStrip(PaneStrip):
    jumped = Signal(float)  # code-point offset in the pane that was jumped to

    def __init__(self, pane: TextPane, parent: QWidget | None = None) -> None:
        super().__init__((pane,), parent)
        self.pane = pane
        self._ys: list[tuple[float, float]] = []
        self._image = QImage()
        self._marks_gen = 0
        self._geometry: tuple[list[int], list[int], list[float], list[float]] = ([], [], [], [])
        self._geometry_key: tuple | None = None
        self._image_key: tuple | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Where the changes are; click to jump"))
        pane.verticalScrollBar().rangeChanged.connect(self.update)

    def set_marks(self, marks: list[Mark], typed: bool = False) -> None:
        """``typed``: the marks follow a keystroke in the pane (the same text but a few
        characters): the paragraphs' positions are reused until typing pauses."""
        if not typed:
            self._set_items(marks)
            return
        self._items = list(marks)
        self._marks_gen += 1
        self._relayout.start()
        self.update()

    def marks(self) -> list[Mark]:
        return list(self._items)

    def _paragraphs(self) -> tuple[list[int], list[int], list[float], list[float]]:
        """(start, end, top, height) of each paragraph: one layout look-up each, walked
        again only when the layout may have moved (see PaneStrip: once typing pauses)."""
        doc = self.pane.document()
        key = (doc.textWidth(), self._layout_gen)
        if key != self._geometry_key:
            om = self.pane.offset_map()
            layout = doc.documentLayout()
            starts: list[int] = []
            tops: list[float] = []
            heights: list[float] = []
            block = doc.firstBlock()
            while block.isValid():
                r = layout.blockBoundingRect(block)
                starts.append(om.from_qt(block.position()))
                tops.append(r.top())
                heights.append(r.height())
                block = block.next()
            self._geometry = (starts, starts[1:] + [om.length + 1], tops, heights)
            self._geometry_key = key
        return self._geometry

    def _doc_ys(self) -> list[tuple[float, float]]:
        """Approximate document ys of the marks: exact paragraph tops, linear inside a
        paragraph — at a strip's scale (one pixel is a dozen text pixels) that is
        exact enough, and it costs one layout look-up per paragraph, not per mark."""
        key = (self.pane.document().textWidth(), self._layout_gen, self._marks_gen)
        if key == self._key:
            return self._ys
        starts, ends, tops, heights = self._paragraphs()

        def y_of(cp: int) -> float:
            i = max(bisect.bisect_right(starts, cp) - 1, 0)
            span = max(ends[i] - starts[i], 1)
            return tops[i] + heights[i] * min(max(cp - starts[i], 0) / span, 1.0)

        self._ys = [(y_of(s), y_of(e)) for _k, s, e in self._items]
        self._key = key
        return self._ys

    def _scale(self) -> float:
        return self.height() / max(self.pane.document_height(), 1.0)

    def mark_rects(self) -> list[tuple[str, QRectF]]:
        """Where each mark is drawn (for painting and tests)."""
        k = self._scale()
        out = []
        for (kind, _s, _e), (y0, y1) in zip(self._items, self._doc_ys()):
            top = y0 * k
            out.append((kind, QRectF(2, top, self.width() - 4, max((y1 - y0) * k, 2.0))))
        return out

    def paintEvent(self, _e: QPaintEvent) -> None:  # noqa: N802
        # The marks (hundreds of rectangles) are drawn into an image once per set of marks,
        # size and scale; a repaint (every keystroke, every scroll) copies it and draws the
        # frame of the visible part on top.
        self._doc_ys()  # sets self._key: its layout generation only grows, so it names these marks
        key = (self.width(), self.height(), self.devicePixelRatioF(), self._scale(), self._key,
               self.palette().window().color().rgba())
        if key != self._image_key:
            pm = self._canvas()
            p = QPainter(pm)
            p.fillRect(self.rect(), self.palette().window())
            # Draw weaker kinds first so targets and moves stay visible on top.
            order = {"changed": 0, "inserted": 1, "deleted": 1, "moved": 2, "target": 3}
            for kind, rect in sorted(self.mark_rects(), key=lambda kr: order.get(kr[0], 0)):
                p.fillRect(rect, KIND_COLORS.get(kind, KIND_COLORS["changed"])[1])
            p.end()
            self._image, self._image_key = pm, key
        p = QPainter(self)
        p.drawImage(0, 0, self._image)
        bar = self.pane.verticalScrollBar()
        k = self._scale()
        frame = QRectF(0.5, bar.value() * k, self.width() - 1.0, max(self.pane.viewport().height() * k, 4.0))
        p.setPen(QPen(QColor(60, 60, 60, 200), 1))
        p.setBrush(QColor(0, 0, 0, 30))
        p.drawRect(frame)
        p.end()

    # ------------------------------------------------------------ clicks
    def _jump(self, y: float) -> None:
        doc_y = y / self._scale()
        offset = self.pane.offset_at_y(doc_y)
        self.pane.scroll_to_offset(offset, 0.5)
        self.jumped.emit(offset)

    def mousePressEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if e.button() == Qt.MouseButton.LeftButton:
            self._jump(e.position().y())

    def mouseMoveEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if e.buttons() & Qt.MouseButton.LeftButton:
            self._jump(e.position().y())
