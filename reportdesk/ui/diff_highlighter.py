"""QSyntaxHighlighter that paints the comparison, block by block.

Formats live in each block's layout, never in the document, so they do not
enter the undo stack or the saved draft.  The highlighter keeps, per block
(one line of the text), the line's text and its ranges in code points as the
engine sent them (``LineRanges``); ``highlightBlock`` converts one line to
Qt's UTF-16 units and calls ``setFormat``.

Updates come as whole screens (a new comparison) or as the engine session's
deltas (a few lines); only the blocks whose marks changed are re-highlighted:
a keystroke's lines at once, a whole screen in small batches from the event
loop (the visible ones first), so a new comparison never freezes the window.
A block whose text no longer matches (typed since the engine answered)
carries its marks through the edit (``remap_line``) instead of dropping them:
no flicker while typing.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QSyntaxHighlighter, QTextDocument

from reportdesk.engine import remap_line
from reportdesk.ui.palette import char_format
from reportdesk.ui.qt_offsets import offset_map

_BATCH = 24  # blocks per event-loop turn at most
_SLICE = 0.008  # s of re-highlighting per event-loop turn (at least one block)
LineRanges = tuple[tuple[int, int, int], ...]


class DiffHighlighter(QSyntaxHighlighter):
    finished = Signal()  # all pending blocks re-highlighted

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._texts: list[str] = []
        self._lines: list[LineRanges] = []
        self._pending: list[int] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # 1 ms, not 0: zero timers of both panes re-armed in turn run back to back, two or three
        # slices before any other timer is served (a 25-32 ms stall measured); a precise 1 ms
        # one lets the rest of the event loop in between slices.
        self._timer.setInterval(1)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._work)

    # ------------------------------------------------------------ API
    def set_screen(self, texts: Sequence[str], lines: Sequence[LineRanges], focus_block: int = 0, sync: bool = False) -> None:
        """Marks for every line of a text; re-highlight the lines whose marks or text changed."""
        old_t, old_l = self._texts, self._lines
        self._texts, self._lines = list(texts), list(lines)
        n = max(len(old_t), len(self._texts))
        changed = [
            i for i in range(n)
            if i >= len(old_t) or i >= len(self._texts) or old_t[i] != self._texts[i] or old_l[i] != self._lines[i]
        ]  # fmt: skip
        self._queue(changed, focus_block, sync)

    def splice(self, first: int, removed: int, texts: Sequence[str], lines: Sequence[LineRanges]) -> None:
        """Lines ``first .. first+removed`` became ``texts`` with ``lines`` (an edit the engine answered)."""
        self._texts[first : first + removed] = texts
        self._lines[first : first + removed] = lines

    def set_lines(self, changed: Iterable[tuple[int, LineRanges]]) -> None:
        for i, r in changed:
            if i < len(self._lines):
                self._lines[i] = r

    def rehighlight_now(self, blocks: Iterable[int]) -> None:
        """Repaint these few blocks at once (a keystroke's answer)."""
        doc = self.document()
        for b in blocks:
            block = doc.findBlockByNumber(b)
            if block.isValid():
                self.rehighlightBlock(block)

    def queue(self, blocks: Iterable[int], focus_block: int = 0) -> None:
        self._queue(list(blocks), focus_block, False)

    def reset(self, text: str) -> None:
        """Forget all ranges before the document gets ``text`` (no re-highlighting:
        a freshly set document has no formats)."""
        self._timer.stop()
        self._pending = []
        self._texts = text.split("\n")
        self._lines = [()] * len(self._texts)

    def flush(self) -> None:
        """Finish all pending work now (tests, screenshots)."""
        self._timer.stop()
        while self._pending:
            self._work(schedule=False)
        self.finished.emit()

    def pending(self) -> int:
        return len(self._pending)

    def screen(self) -> tuple[list[str], list[LineRanges]]:
        """The texts and code-point ranges the highlighter holds (tests compare it with the engine's)."""
        return list(self._texts), list(self._lines)

    def line_ranges(self, block_number: int, text: str) -> LineRanges:
        """Code-point ranges for a block with this text (carried through an edit not yet answered)."""
        if block_number >= len(self._texts):
            return ()
        known = self._texts[block_number]
        ranges = self._lines[block_number]
        return ranges if known == text else remap_line(ranges, known, text)

    def block_ranges(self, block_number: int, text: str) -> tuple[tuple[int, int, int], ...]:
        """The (start16, length16, flags) ranges for a block with this text."""
        ranges = self.line_ranges(block_number, text)
        if not ranges:
            return ()
        om = offset_map(text)
        if om.identity:
            return tuple((s, e - s, f) for s, e, f in ranges)
        return tuple((om.to_qt(s), om.to_qt(e) - om.to_qt(s), f) for s, e, f in ranges)

    # ------------------------------------------------------------ internals
    def _queue(self, changed: list[int], focus_block: int, sync: bool) -> None:
        n = self.document().blockCount()
        todo = sorted((b for b in changed if b < n), key=lambda b: (abs(b - focus_block), b))
        queued = set(todo)  # keep blocks queued by an earlier call that are still not done
        todo += [b for b in self._pending if b not in queued and b < n]
        self._pending = todo
        if sync:
            self.flush()
        elif self._pending:
            self._timer.start()

    def _work(self, schedule: bool = True) -> None:
        doc = self.document()
        # Up to _BATCH blocks, but no more than a slice of time: a national report's paragraphs
        # are long (24 of them took 20-40 ms, 100 on a busy PC).
        deadline = time.perf_counter() + _SLICE
        batch, self._pending = self._pending[:_BATCH], self._pending[_BATCH:]
        for i, b in enumerate(batch):
            block = doc.findBlockByNumber(b)
            if block.isValid():
                self.rehighlightBlock(block)
            if time.perf_counter() > deadline:
                self._pending[:0] = batch[i + 1 :]  # first in line again, next turn
                break
        if schedule:
            if self._pending:
                self._timer.start()
            else:
                self.finished.emit()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        for start, length, flags in self.block_ranges(self.currentBlock().blockNumber(), text):
            self.setFormat(start, length, char_format(flags))
