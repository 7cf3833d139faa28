"""One side of the comparison: a QTextEdit with geometry helpers.

Why QTextEdit and not QPlainTextEdit: QPlainTextEdit scrolls by line (its
scroll bar counts lines), QTextEdit by pixel.  Report paragraphs are 200–800
characters and wrap over many lines; synchronized scrolling interpolates
inside them, which needs pixel positions.  The document stays plain text
(rich text is never accepted) and diff colours come from a QSyntaxHighlighter,
so undo only ever holds the user's edits.

Offsets in the public API are the engine's code points; Qt's UTF-16 positions
appear only inside (converted by ``qt_offsets``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QLabel, QTextEdit, QWidget

from reportdesk.ui.diff_highlighter import DiffHighlighter
from reportdesk.ui.palette import CURRENT_FG_BORDER, current_change_format
from reportdesk.ui.qt_offsets import OffsetMap

DROPPABLE = (".docx", ".txt")


def dropped_path(urls: Iterable) -> str | None:
    """The first local .docx/.txt file among dropped URLs."""
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())  # native separators: Qt gives C:/… on Windows
            if path.suffix.lower() in DROPPABLE:
                return str(path)
    return None


def _x_at(line: QTextLine, pos: int) -> float:
    """QTextLine.cursorToX as a float: PySide6 returns (x, pos) for C++'s in/out ``int *``."""
    return line.cursorToX(pos)[0]  # type: ignore[index]  # PySide6 stubs say it returns object


class TextPane(QTextEdit):
    """Read-only (earlier report) or editable (draft) text with a header label."""

    file_dropped = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, editable: bool = False, header: str = "") -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        # Chinese has no spaces: break anywhere, at word boundaries where there are some.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._editable = editable
        self.setReadOnly(not editable)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self._header = QLabel(header)
        self._header.setObjectName("paneHeader")
        self._header.setTextFormat(Qt.TextFormat.PlainText)
        self._header.setStyleSheet(
            "QLabel#paneHeader { padding: 3px 6px; font-weight: bold;"
            " background: palette(window); border-bottom: 1px solid palette(mid); }"
        )
        self.highlighter = DiffHighlighter(self.document())
        self._om: tuple[int, OffsetMap] | None = None
        self._lines_key: tuple[int, float, float] | None = None
        self._lines_memo: dict[int, list[tuple[float, float, int, int]]] = {}
        self._selections: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._frames: list[tuple[int, int]] = []

    # ------------------------------------------------------------ text
    def is_editable(self) -> bool:
        return self._editable

    def header_label(self) -> QLabel:
        """The label naming this side; the composing widget lays it out above the pane."""
        return self._header

    def set_header(self, text: str) -> None:
        self._header.setText(text)

    def set_text(self, text: str) -> None:
        """Replace the whole text; clears undo history and the modified flag."""
        doc = self.document()
        doc.setUndoRedoEnabled(False)
        doc.clear()
        # Airy paragraphs for long Chinese text.  The block format is set before the text
        # goes in, so every paragraph inherits it in one layout pass (setPlainText and then a
        # format over the whole document laid it out twice: 60-110 ms a national report).
        # With undo disabled, neither is an edit the user can undo.
        fmt = QTextBlockFormat()
        fmt.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setBottomMargin(6)
        cur = QTextCursor(doc)
        cur.setBlockFormat(fmt)
        # The layout tells its size after each block it lays out; the strips and scroll sync
        # listen: once, at the end, is enough.
        layout = doc.documentLayout()
        was = layout.blockSignals(True)
        try:
            cur.insertText(text)
        finally:
            layout.blockSignals(was)
        layout.documentSizeChanged.emit(layout.documentSize())
        self.setTextCursor(QTextCursor(doc))  # at the start, as setPlainText leaves it
        doc.setUndoRedoEnabled(self._editable)
        doc.setModified(False)
        self._om = None

    def text(self) -> str:
        """The text exactly as the engine sees it: paragraphs joined by "\n".

        Unlike ``toPlainText`` this keeps no-break spaces (U+00A0) and line
        separators (U+2028) as they are, so a text set here comes back equal
        and comparisons of it are not taken for stale.
        """
        return self.document().toRawText().replace("\u2029", "\n")

    def offset_map(self) -> OffsetMap:
        """Code point <-> UTF-16 map of the current text (cached per edit revision)."""
        rev = self.document().revision()
        if self._om is None or self._om[0] != rev:
            self._om = (rev, OffsetMap(self.text()))
        return self._om[1]

    # ------------------------------------------------------------ geometry (doc pixels)
    def _layout_top(self, block: QTextBlock) -> float:
        self.document().documentLayout().blockBoundingRect(block)  # forces layout
        return block.layout().position().y()

    def _lines(self, block: QTextBlock) -> list[tuple[float, float, int, int]]:
        """(top, pitch, textStart, textLength) of each line; pitch reaches the next line.

        Kept per block until the text or its layout changes: the gutter asks for the
        lines of the same few blocks a hundred times in one paint (issue 12)."""
        doc = self.document()
        key = (doc.revision(), doc.textWidth(), doc.documentLayout().documentSize().height())
        if key != self._lines_key:
            self._lines_key, self._lines_memo = key, {}
        hit = self._lines_memo.get(block.blockNumber())
        if hit is None:
            hit = self._lines_memo[block.blockNumber()] = self._block_lines(block)
        return hit

    def _block_lines(self, block: QTextBlock) -> list[tuple[float, float, int, int]]:
        top = self._layout_top(block)
        lay = block.layout()
        n = lay.lineCount()
        out = []
        for i in range(n):
            ln = lay.lineAt(i)
            y = top + ln.y()
            pitch = (lay.lineAt(i + 1).y() - ln.y()) if i + 1 < n else ln.height()
            out.append((y, pitch, ln.textStart(), ln.textLength()))
        return out

    def y_for_position(self, pos: float) -> float:
        """Document y of UTF-16 position ``pos`` (fractional: interpolated down the line).

        Continuous and increasing: a line's characters share its height, and
        the newline at a block end spans the gap to the next block.
        """
        doc = self.document()
        last = doc.characterCount() - 1
        pos = min(max(pos, 0.0), float(last))
        ip = int(pos)
        frac = pos - ip
        block = doc.findBlock(ip)
        if not block.isValid():
            return doc.documentLayout().documentSize().height()
        lines = self._lines(block)
        rel = ip - block.position()
        if not lines:
            return self._layout_top(block)
        if rel >= block.length() - 1:  # on the newline: in the gap below the block
            y0, pitch, _, ln_len = lines[-1]
            bottom = y0 + pitch if ln_len > 0 or len(lines) > 1 else y0
            nxt = block.next()
            next_top = self._layout_top(nxt) if nxt.isValid() else bottom
            return bottom + frac * (next_top - bottom)
        for y0, pitch, start, length in lines:
            if start <= rel < start + length:
                return y0 + (rel + frac - start) / length * pitch
        return lines[-1][0]

    def position_at_y(self, y: float) -> float:
        """Inverse of ``y_for_position``: fractional UTF-16 position at document y."""
        doc = self.document()
        n = doc.blockCount()
        first = doc.firstBlock()
        if y <= self._layout_top(first):
            return 0.0
        lo, hi = 0, n - 1  # last block whose top <= y
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._layout_top(doc.findBlockByNumber(mid)) <= y:
                lo = mid
            else:
                hi = mid - 1
        block = doc.findBlockByNumber(lo)
        lines = self._lines(block)
        end_pos = block.position() + block.length() - 1
        if lines:
            y0, pitch, start, length = lines[-1]
            for ly0, lpitch, lstart, llen in lines:
                if llen > 0 and ly0 <= y < ly0 + lpitch:
                    return block.position() + lstart + (y - ly0) / lpitch * llen
            bottom = y0 + pitch if length > 0 or len(lines) > 1 else self._layout_top(block)
        else:
            bottom = self._layout_top(block)
        nxt = block.next()
        if not nxt.isValid():
            return float(end_pos)
        next_top = self._layout_top(nxt)
        if next_top <= bottom:
            return float(end_pos)
        return end_pos + min(max((y - bottom) / (next_top - bottom), 0.0), 0.999)

    def y_for_offset(self, cp: float) -> float:
        """Document y of code-point offset ``cp``."""
        return self.y_for_position(self.offset_map().to_qt_float(cp))

    def offset_at_y(self, y: float) -> float:
        return self.offset_map().from_qt_float(self.position_at_y(y))

    def offset_at_top(self) -> float:
        """Code-point offset (fractional) at the top edge of the viewport."""
        return self.offset_at_y(self.verticalScrollBar().value())

    def document_height(self) -> float:
        return self.document().documentLayout().documentSize().height()

    def scroll_to_offset(self, cp: float, fraction: float = 0.0) -> None:
        """Scroll so that offset ``cp`` sits ``fraction`` of the way down the viewport."""
        self.document_height()  # finish lazy layout so the scroll range is right
        y = self.y_for_offset(cp) - fraction * self.viewport().height()
        self.verticalScrollBar().setValue(round(y))

    def span_visible(self, start: int, end: int) -> bool:
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        return self.y_for_offset(start) >= top - 1 and self.y_for_offset(max(start, end - 1)) <= bottom

    # ------------------------------------------------------------ marks
    def set_selections(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Named groups of ExtraSelections (current change, search hits …) shown together."""
        if selections:
            self._selections[name] = list(selections)
        else:
            self._selections.pop(name, None)
        self.setExtraSelections([s for group in self._selections.values() for s in group])

    def make_selection(self, start: int, end: int, fmt: QTextCharFormat | None = None) -> QTextEdit.ExtraSelection:
        om = self.offset_map()
        cur = QTextCursor(self.document())
        cur.setPosition(om.to_qt(start))
        cur.setPosition(om.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        sel = QTextEdit.ExtraSelection()
        sel.cursor = cur
        sel.format = fmt if fmt is not None else current_change_format()
        return sel

    def mark_spans(self, spans: Iterable[tuple[int, int]]) -> None:
        """Mark the current change (code-point spans; an empty span is a caret-wide
        frame where a deletion was); an empty list clears."""
        spans = list(spans)
        self._frames = spans
        self.set_selections("current", [self.make_selection(s, e) for s, e in spans if e > s])
        self.viewport().update()

    def span_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering code-point span [start, end), line by line
        (a caret-wide bar for an empty span); only lines near the viewport."""
        om = self.offset_map()
        s16, e16 = om.to_qt(start), om.to_qt(end)
        doc = self.document()
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        height = self.viewport().height()
        rects: list[QRectF] = []
        block = doc.findBlock(s16)
        while block.isValid() and (block.position() < e16 or (s16 == e16 and block.position() <= s16)):
            top = self._layout_top(block)
            if top + dy > height:
                break
            lay = block.layout()
            x0 = lay.position().x() + dx
            base = block.position()
            for i in range(lay.lineCount()):
                ln = lay.lineAt(i)
                ls = base + ln.textStart()
                le = ls + ln.textLength()
                y = top + ln.y() + dy
                if y + ln.height() < 0 or y > height:
                    continue
                a, b = max(s16, ls), min(e16, le)
                if a < b:
                    xa = _x_at(ln, a - base)
                    xb = _x_at(ln, b - base)
                    rects.append(QRectF(x0 + xa, y, max(xb - xa, 2.0), ln.height()))
                elif s16 == e16 and ls <= s16 <= le:
                    rects.append(QRectF(x0 + _x_at(ln, s16 - base) - 1, y, 3.0, ln.height()))
            if s16 == e16:
                break
            block = block.next()
        return rects

    def paintEvent(self, e: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(e)
        spans = self._frames
        if not spans:
            return
        p = QPainter(self.viewport())
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(CURRENT_FG_BORDER, 1.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for s, e_ in spans:
            for r in self.span_rects(s, e_):
                p.drawRoundedRect(r.adjusted(-1, 0, 1, 0), 2, 2)
        p.end()

    def marked(self) -> list[tuple[int, int]]:
        om = self.offset_map()
        return [
            (om.from_qt(s.cursor.selectionStart()), om.from_qt(s.cursor.selectionEnd()))
            for s in self._selections.get("current", [])
        ]

    # ------------------------------------------------------------ drag and drop
    def dragEnterEvent(self, e: QDragEnterEvent) -> None:  # noqa: N802
        if e.mimeData().hasUrls() and dropped_path(e.mimeData().urls()):
            e.acceptProposedAction()
            return
        super().dragEnterEvent(e)

    def dragMoveEvent(self, e: QDragMoveEvent) -> None:  # noqa: N802
        if e.mimeData().hasUrls() and dropped_path(e.mimeData().urls()):
            e.acceptProposedAction()
            return
        super().dragMoveEvent(e)

    def dropEvent(self, e: QDropEvent) -> None:  # noqa: N802
        path = dropped_path(e.mimeData().urls()) if e.mimeData().hasUrls() else None
        if path:
            e.acceptProposedAction()
            self.file_dropped.emit(path)
            return
        super().dropEvent(e)
