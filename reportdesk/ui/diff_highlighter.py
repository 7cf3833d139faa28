"""QSyntaxHighlighter that paints the comparison, block by block.

Formats live in each block's layout, never in the document, so they do not
enter the undo stack or the saved draft.  The ranges are precomputed per block
(``BlockRanges``); ``highlightBlock`` is a dict lookup plus ``setFormat`` calls.

After ``set_ranges`` only the blocks whose ranges changed are re-highlighted,
in small batches from the event loop (the visible ones first), so a new
comparison never freezes the window.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QSyntaxHighlighter, QTextDocument

from reportdesk.ui.highlight_ranges import BlockRanges
from reportdesk.ui.palette import char_format

_BATCH = 24  # blocks per event-loop turn: a few ms each


class DiffHighlighter(QSyntaxHighlighter):
    finished = Signal()  # all pending blocks re-highlighted

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._ranges: BlockRanges | None = None
        self._by_text: dict[str, tuple] = {}
        self._pending: list[int] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._work)

    # ------------------------------------------------------------ API
    def ranges(self) -> BlockRanges | None:
        return self._ranges

    def set_ranges(self, ranges: BlockRanges | None, focus_block: int = 0, sync: bool = False) -> None:
        """Use ``ranges``; re-highlight changed blocks (nearest ``focus_block`` first)."""
        previous = self._ranges
        self._ranges = ranges
        self._by_text = {}
        if ranges is not None:
            # Fallback for blocks shifted by an edit (Enter pressed above them):
            # a paragraph text that occurs once still finds its ranges.
            seen: dict[str, int] = {}
            for t in ranges.texts:
                seen[t] = seen.get(t, 0) + 1
            self._by_text = {
                t: ranges.blocks.get(i, ())
                for i, t in enumerate(ranges.texts)
                if seen[t] == 1 and t
            }
        if ranges is None:
            changed = set(previous.blocks) if previous is not None else set()
        else:
            changed = ranges.changed_blocks(previous)
        n = self.document().blockCount()
        todo = sorted((b for b in changed if b < n), key=lambda b: (abs(b - focus_block), b))
        # Keep blocks queued by an earlier call that are still not done.
        queued = set(todo)
        todo += [b for b in self._pending if b not in queued and b < n]
        self._pending = todo
        if sync:
            self.flush()
        elif self._pending:
            self._timer.start()

    def reset(self, text: str) -> None:
        """Forget all ranges before the document gets ``text`` (no re-highlighting:
        a freshly set document has no formats)."""
        self._timer.stop()
        self._pending = []
        self._by_text = {}
        self._ranges = BlockRanges({}, tuple(text.split("\n")))

    def flush(self) -> None:
        """Finish all pending work now (tests, screenshots)."""
        self._timer.stop()
        while self._pending:
            self._work(schedule=False)
        self.finished.emit()

    def pending(self) -> int:
        return len(self._pending)

    def block_ranges(self, block_number: int, text: str) -> tuple:
        """The (start16, length16, flags) ranges for a block with this text."""
        r = self._ranges
        if r is None:
            return ()
        if block_number < len(r.texts) and r.texts[block_number] == text:
            return r.blocks.get(block_number, ())
        # An edited block keeps no stale marks; a shifted one finds its own.
        return self._by_text.get(text, ())

    # ------------------------------------------------------------ internals
    def _work(self, schedule: bool = True) -> None:
        doc = self.document()
        batch, self._pending = self._pending[:_BATCH], self._pending[_BATCH:]
        for b in batch:
            block = doc.findBlockByNumber(b)
            if block.isValid():
                self.rehighlightBlock(block)
        if schedule:
            if self._pending:
                self._timer.start()
            else:
                self.finished.emit()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        for start, length, flags in self.block_ranges(self.currentBlock().blockNumber(), text):
            self.setFormat(start, length, char_format(flags))
