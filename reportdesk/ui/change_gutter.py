"""The narrow strip between the panes that links aligned chunks (as Meld does).

Each changed chunk is a filled band whose left edge covers the old text's
lines and whose right edge covers the new text's lines, joined by curves; an
insertion narrows to a point on the left, a deletion on the right.  Moves
get the move marker at both ends.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from reportdesk.ui.highlight_ranges import Chunk
from reportdesk.ui.palette import KIND_COLORS, MOVE_MARKER
from reportdesk.ui.pane_strip import PaneStrip
from reportdesk.ui.text_pane import TextPane

SMOOTH_MS = 250  # redraws closer than this are drawn without antialiasing (see paintEvent)


class ChangeGutter(PaneStrip):
    WIDTH = 52

    def __init__(self, old: TextPane, new: TextPane, parent: QWidget | None = None) -> None:
        super().__init__((old, new), parent)
        self.panes = (old, new)
        self._ys: dict[int, tuple[float, float, float, float]] = {}
        self._current: tuple[int, int, int, int] | None = None
        self._image = QImage()
        self._image_key: tuple | None = None
        self._rough = False  # the image was drawn without antialiasing
        self._drawn_at = 0.0
        self._smooth = QTimer(self)
        self._smooth.setSingleShot(True)
        self._smooth.setInterval(SMOOTH_MS)
        self._smooth.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one fires ~5% early
        self._smooth.timeout.connect(self._smooth_now)
        self._smooth_due = False

    def _smooth_now(self) -> None:
        self._smooth_due = True  # the redraws paused: the next picture is antialiased
        self.update()

    def set_chunks(self, chunks: list[Chunk]) -> None:
        self._set_items(chunks)
        # A new comparison's first picture comes with the panes' first marks and paint, in one
        # turn of the event loop: drawn rough (~4x cheaper), smoothed once things settle.
        self._drawn_at, self._smooth_due = time.perf_counter(), False

    def chunks(self) -> list[Chunk]:
        return list(self._items)

    def set_current(self, old_span: tuple[int, int] | None, new_span: tuple[int, int] | None) -> None:
        """Outline the band of the current change."""
        if old_span is None and new_span is None:
            self._current = None
        else:
            o = old_span or (0, 0)
            n = new_span or (0, 0)
            self._current = (o[0], o[1], n[0], n[1])
        self.update()

    # ------------------------------------------------------------ geometry
    def _visible(self) -> list[int]:
        """Indices of chunks that can show: an end in view, or a band crossing it.

        Decided on offsets (cheap); only these get pixel positions, so a paint
        costs a few dozen layout look-ups however long the report is.
        """
        old, new = self.panes
        h = self.height()
        o0 = old.offset_at_y(old.verticalScrollBar().value() - 40)
        o1 = old.offset_at_y(old.verticalScrollBar().value() + h + 40)
        n0 = new.offset_at_y(new.verticalScrollBar().value() - 40)
        n1 = new.offset_at_y(new.verticalScrollBar().value() + h + 40)
        out = []
        for i, c in enumerate(self._items):
            if (
                (c.old_end >= o0 and c.old_start <= o1)
                or (c.new_end >= n0 and c.new_start <= n1)
                or (c.old_end < o0 and c.new_start > n1)
                or (c.old_start > o1 and c.new_end < n0)
            ):
                out.append(i)
        return out

    def _doc_ys(self, indices: list[int]) -> list[tuple[float, float, float, float]]:
        """Document ys (old top, old bottom, new top, new bottom) of the given chunks,
        cached until the chunks change, a pane's width does, or typing pauses after a
        document's size changed (see PaneStrip)."""
        old, new = self.panes
        key = tuple(
            (p.document().textWidth(), self._layout_gen) for p in (old, new)
        )
        if key != self._key:
            self._ys = {}
            self._key = key
        out = []
        for i in indices:
            v = self._ys.get(i)
            if v is None:
                c = self._items[i]
                v = self._ys[i] = self._ys_of(c.old_start, c.old_end, c.new_start, c.new_end)
            out.append(v)
        return out

    def _ys_of(self, os_: int, oe: int, ns: int, ne: int) -> tuple[float, float, float, float]:
        old, new = self.panes
        oy0 = old.y_for_offset(os_)
        oy1 = old.y_for_offset(oe) if oe > os_ else oy0
        ny0 = new.y_for_offset(ns)
        ny1 = new.y_for_offset(ne) if ne > ns else ny0
        return oy0, oy1, ny0, ny1

    def _shift(self, pane: TextPane) -> float:
        """Add to a pane's document y to get this widget's y."""
        vp = pane.viewport().mapTo(self.window(), QPoint(0, 0)).y()
        me = self.mapTo(self.window(), QPoint(0, 0)).y()
        return vp - me - pane.verticalScrollBar().value()

    def band_at(self, index: int) -> tuple[float, float, float, float]:
        """Widget ys (left top, left bottom, right top, right bottom) of chunk ``index``."""
        oy0, oy1, ny0, ny1 = self._doc_ys([index])[0]
        ls, rs = self._shift(self.panes[0]), self._shift(self.panes[1])
        return oy0 + ls, oy1 + ls, ny0 + rs, ny1 + rs

    # ------------------------------------------------------------ painting
    def _band(self, l0: float, l1: float, r0: float, r1: float) -> QPainterPath:
        w = float(self.width())
        m = w / 2
        path = QPainterPath(QPointF(0, l0))
        path.cubicTo(QPointF(m, l0), QPointF(m, r0), QPointF(w, r0))
        path.lineTo(QPointF(w, r1))
        path.cubicTo(QPointF(m, r1), QPointF(m, l1), QPointF(0, l1))
        path.closeSubpath()
        return path

    def _bands(self) -> tuple[tuple[int, int, int, int, str], ...]:
        """The bands in view, in whole widget pixels: what a paint draws."""
        h = self.height()
        visible = self._visible()
        ys = self._doc_ys(visible)
        ls, rs = self._shift(self.panes[0]), self._shift(self.panes[1])
        out = []
        for i, (oy0, oy1, ny0, ny1) in zip(visible, ys):
            l0, l1, r0, r1 = oy0 + ls, oy1 + ls, ny0 + rs, ny1 + rs
            if max(l1, r1) < 0 or min(l0, r0) > h:
                continue
            out.append((round(l0), round(max(l1, l0 + 1)), round(r0), round(max(r1, r0 + 1)), self._items[i].kind))
        return tuple(out)

    def _current_band(self) -> tuple[int, int, int, int] | None:
        if self._current is None:
            return None
        ls, rs = self._shift(self.panes[0]), self._shift(self.panes[1])
        l0, l1, r0, r1 = self._ys_of(*self._current)
        return round(l0 + ls), round(max(l1 + ls, l0 + ls + 2)), round(r0 + rs), round(max(r1 + rs, r0 + rs + 2))

    def paintEvent(self, _e: QPaintEvent) -> None:  # noqa: N802
        # Antialiased curves cost 10-15 ms a paint, and the gutter repaints after every
        # keystroke and re-compare, mostly with the same bands at the same pixels (issue 12:
        # no event-loop block over 50 ms while typing): drawn once into an image, then copied.
        key = (self.width(), self.height(), self.devicePixelRatioF(), self.palette().base().color().rgba(),
               self.font().key(), self._bands(), self._current_band())
        if key != self._image_key or (self._rough and not self._smooth.isActive()):
            # Redrawn moments ago (typing, scrolling): without antialiasing, ~4x cheaper, and
            # smooth again once the redraws pause.
            now = time.perf_counter()
            rough = now - self._drawn_at < SMOOTH_MS / 1000 and not self._smooth_due
            self._smooth_due = False
            pm = self._canvas()
            self._draw(pm, key[5], key[6], smooth=not rough)
            self._image, self._image_key, self._rough, self._drawn_at = pm, key, rough, now
            if rough:
                self._smooth.start()
        p = QPainter(self)
        p.drawImage(0, 0, self._image)
        p.end()

    def _draw(self, pm: QImage, bands: tuple[tuple[int, int, int, int, str], ...],
              current: tuple[int, int, int, int] | None, smooth: bool = True) -> None:
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
        p.fillRect(self.rect(), self.palette().base())
        moves: list[tuple[float, float, QColor]] = []
        for l0, l1, r0, r1, kind in bands:
            fill, line = KIND_COLORS.get(kind, KIND_COLORS["changed"])
            fill = QColor(fill)
            fill.setAlpha(200)
            p.setPen(QPen(line, 1))
            p.setBrush(fill)
            p.drawPath(self._band(l0, l1, r0, r1))
            if kind == "moved":
                moves.append((l0, r0, line))
        if current is not None:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor("#333333"), 2))
            p.drawPath(self._band(*current))
        f = self.font()
        f.setPointSizeF(max(f.pointSizeF() * 0.9, 7))
        p.setFont(f)
        for top_l, top_r, color in moves:
            p.setPen(color.darker(140))
            p.drawText(QPointF(1, top_l + f.pointSizeF() + 2), MOVE_MARKER)
            p.drawText(QPointF(self.width() - f.pointSizeF() - 3, top_r + f.pointSizeF() + 2), MOVE_MARKER)
        p.end()
