"""The central widget: old pane | gutter | draft pane | overview strip.

It only maps a Comparison onto its children: highlight ranges into the two
highlighters, chunks into the gutter, change positions into the strip,
anchors into scroll sync.  A comparison computed on a text the draft no
longer has is ignored (the caller re-compares).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QWidget

from reportdesk.engine import (
    Change,
    ChangeIndex,
    Comparison,
    Screen,
    ScreenDelta,
    TargetHint,
    screen_of,
)
from reportdesk.ui.change_gutter import ChangeGutter
from reportdesk.ui.guard import Guard
from reportdesk.ui.highlight_ranges import change_kind, gutter_chunks
from reportdesk.ui.overview_strip import OverviewStrip
from reportdesk.ui.scroll_sync import ScrollSync
from reportdesk.ui.text_pane import TextPane

SHOW_AT = 0.3  # a shown change sits this far down the viewport


class CompareView(QWidget):
    draft_edited = Signal()
    file_dropped = Signal(str, str)  # side ("old" | "new"), path
    current_change_changed = Signal(int)  # change id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._old = TextPane(editable=False)
        self._new = TextPane(editable=True)
        self._old.setObjectName("oldPane")
        self._new.setObjectName("newPane")
        self.gutter = ChangeGutter(self._old, self._new)
        self.overview = OverviewStrip(self._new)
        self.sync = ScrollSync(self._old, self._new, self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(0)
        grid.setVerticalSpacing(0)
        grid.addWidget(self._old.header_label(), 0, 0)
        grid.addWidget(self._new.header_label(), 0, 2, 1, 2)
        grid.addWidget(self._old, 1, 0)
        grid.addWidget(self.gutter, 1, 1)
        grid.addWidget(self._new, 1, 2)
        grid.addWidget(self.overview, 1, 3)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        self._comparison: Comparison | None = None
        self._index: ChangeIndex | None = None
        self._current: int | None = None
        self._current_change: Change | None = None  # kept to find it again after a re-compare
        self._setting_text = Guard()
        self._old.file_dropped.connect(lambda p: self.file_dropped.emit("old", p))
        self._new.file_dropped.connect(lambda p: self.file_dropped.emit("new", p))
        self._new.document().contentsChange.connect(self._on_contents_change)

    # ------------------------------------------------------------ accessors
    def old_editor(self) -> TextPane:
        return self._old

    def new_editor(self) -> TextPane:
        return self._new

    def new_text(self) -> str:
        return self._new.text()

    def old_text(self) -> str:
        return self._old.text()

    def comparison(self) -> Comparison | None:
        return self._comparison

    # ------------------------------------------------------------ texts
    def set_texts(self, old_text: str, new_text: str, old_label: str, new_label: str) -> None:
        """Show two texts (no comparison yet); the draft's undo history starts here."""
        # Fresh documents carry no formats: empty ranges are the honest "previous".
        self._old.highlighter.reset(old_text)
        self._new.highlighter.reset(new_text)
        with self._setting_text:
            # Already shown while the comparison ran (texts first): no second layout.
            if old_text != self._old.text():
                self._old.set_text(old_text)
            if new_text != self._new.text() or self._new.document().isUndoAvailable():
                self._new.set_text(new_text)
        self._old.set_header(old_label)
        self._new.set_header(new_label)
        self._comparison = None
        self._index = None
        self._current = None
        self._current_change = None
        self._old.mark_spans([])
        self._new.mark_spans([])
        self.sync.reset()
        self.gutter.set_chunks([])
        self.gutter.set_current(None, None)
        self.overview.set_marks([])

    def _on_contents_change(self, _pos: int, removed: int, added: int) -> None:
        if not self._setting_text and (removed or added):
            self.draft_edited.emit()

    def set_text_font(self, font: QFont) -> None:
        for pane in (self._old, self._new):
            pane.setFont(font)
            pane.document().setDefaultFont(font)
        self.gutter.update()
        self.overview.update()

    # ------------------------------------------------------------ comparison
    def set_comparison(self, c: Comparison, screen: Screen | None = None, painted: bool = False) -> bool:
        """Apply ``c``; False (and nothing changes) when it was computed on other texts.

        ``screen``: its marks, when the engine drew them (else drawn here);
        ``painted``: the marks are on screen already (the engine session sent them
        line by line), so only the gutter, strip, anchors and navigation follow."""
        if c.new.text != self.new_text() or c.old.text != self.old_text():
            return False
        self._comparison = c
        self._index = ChangeIndex(c)
        if not painted:
            self.set_screen(c.old.text, c.new.text, screen or screen_of(c))
        self.sync.set_anchors(c.anchors)
        self.gutter.set_chunks(
            gutter_chunks(c, lambda n: self.sync.map_offset(n, 1), lambda o: self.sync.map_offset(o, 0))
        )
        marks = []
        for ch in c.changes:
            if ch.new is not None:
                s, e = ch.new.start, ch.new.end
            elif ch.old is not None:
                s = e = round(self.sync.map_offset(ch.old.start, 0))
            else:
                continue
            marks.append((change_kind(c, ch), s, e))
        self.overview.set_marks(marks, typed=painted)
        previous = self._current_change
        same = _same_change(previous, c.changes) if previous is not None else None
        self._current = same.id if same is not None else None
        self._current_change = same
        self._mark(same)
        if same is not None and previous is not None and same.id != previous.id:
            self.current_change_changed.emit(same.id)
        return True

    def set_screen(self, old_text: str, new_text: str, screen: Screen) -> None:
        """Every line's marks (a new comparison), the lines in view first."""
        for pane, text, lines in ((self._old, old_text, screen.old), (self._new, new_text, screen.new)):
            top_block = pane.document().findBlock(pane.cursorForPosition(pane.viewport().rect().topLeft()).position())
            pane.highlighter.set_screen(text.split("\n"), lines, focus_block=top_block.blockNumber())

    def apply_delta(self, d: ScreenDelta, spliced: tuple[str, ...] = ()) -> None:
        """The engine session's answer: the draft's ``spliced`` lines replaced as ``d.splice``
        says, single lines re-marked; a few lines repaint at once, many in batches."""
        first, removed, added = d.splice
        if removed or added:
            self._new.highlighter.splice(first, removed, spliced, added)
        self._old.highlighter.set_lines(d.old)
        self._new.highlighter.set_lines(d.new)
        old_lines, new_lines = d.touched()
        for pane, lines in ((self._old, old_lines), (self._new, new_lines)):
            if len(lines) <= 8:
                pane.highlighter.rehighlight_now(lines)
            else:
                top = pane.document().findBlock(pane.cursorForPosition(pane.viewport().rect().topLeft()).position())
                pane.highlighter.queue(lines, top.blockNumber())

    def flush_highlighting(self) -> None:
        """Finish the background re-highlighting now (tests and screenshots)."""
        self._old.highlighter.flush()
        self._new.highlighter.flush()

    # ------------------------------------------------------------ navigation
    def change(self, change_id: int) -> Change | None:
        c = self._comparison
        if c is None or not 0 <= change_id < len(c.changes):
            return None
        return c.changes[change_id]

    def current_change(self) -> int | None:
        return self._current

    def _old_pos(self, ch: Change) -> int:
        if ch.old is not None:
            return ch.old.start
        return round(self.sync.map_offset(ch.new.start if ch.new else 0, 1))

    def _new_pos(self, ch: Change) -> int:
        if ch.new is not None:
            return ch.new.start
        return round(self.sync.map_offset(ch.old.start if ch.old else 0, 0))

    def _mark(self, ch: Change | None) -> None:
        if ch is None:
            self._old.mark_spans([])
            self._new.mark_spans([])
            self.gutter.set_current(None, None)
            return
        o = (ch.old.start, ch.old.end) if ch.old is not None else None
        n = (ch.new.start, ch.new.end) if ch.new is not None else None
        self._old.mark_spans([o] if o else [])
        self._new.mark_spans([n] if n else [])
        self.gutter.set_current(o or (self._old_pos(ch),) * 2, n or (self._new_pos(ch),) * 2)

    def show_change(self, change: Change | int) -> None:
        """Scroll both panes to the change (each to its own side) and mark it."""
        ch = self.change(change) if isinstance(change, int) else change
        if ch is None:
            return
        self._current, self._current_change = ch.id, ch
        # Each pane goes to its own span: a move's two ends are far apart,
        # so scroll sync must not drag one pane after the other here.
        self.sync.show_both(self._old_pos(ch), self._new_pos(ch), SHOW_AT)
        self._mark(ch)
        self.current_change_changed.emit(ch.id)

    def show_target(self, old_pos: int, new_pos: int) -> None:
        """Scroll to a target's sentences (from the targets panel; -1 where absent) and
        mark its quotes."""
        c = self._comparison
        old_span = new_span = None
        if c is not None:
            for tc in c.target_changes:
                if (tc.old.start if tc.old else -1) == old_pos and (tc.new.start if tc.new else -1) == new_pos:
                    old_span = (tc.old.start, tc.old.end) if tc.old else None
                    new_span = (tc.new.start, tc.new.end) if tc.new else None
                    break
        if old_pos < 0 and new_pos < 0:
            return
        if old_pos < 0:
            old_pos = round(self.sync.map_offset(new_pos, 1))
        if new_pos < 0:
            new_pos = round(self.sync.map_offset(old_pos, 0))
        self.sync.show_both(old_pos, new_pos, SHOW_AT)
        self._old.mark_spans([old_span] if old_span else [])
        self._new.mark_spans([new_span] if new_span else [])
        self.gutter.set_current(old_span or (old_pos, old_pos), new_span or (new_pos, new_pos))

    def show_hint(self, hint: TargetHint) -> None:
        """Scroll to a 提示's statements (all in one report) and mark every one of them."""
        if not hint.spans:
            return
        new_side = hint.side == "new"
        first = hint.spans[0].start
        mapped = round(self.sync.map_offset(first, 1 if new_side else 0))
        self.sync.show_both(mapped if new_side else first, first if new_side else mapped, SHOW_AT)
        pane, other = (self._new, self._old) if new_side else (self._old, self._new)
        pane.mark_spans([(sp.start, sp.end) for sp in hint.spans])
        other.mark_spans([])

    def next_change(self) -> Change | None:
        ch = self._step(+1)
        if ch is not None:
            self.show_change(ch)
        return ch

    def previous_change(self) -> Change | None:
        ch = self._step(-1)
        if ch is not None:
            self.show_change(ch)
        return ch

    def _step(self, direction: int) -> Change | None:
        """The change after (``direction`` > 0) or before the current one, else the draft's top line."""
        if self._index is None:
            return None
        cur = self.change(self._current) if self._current is not None else None
        if cur is not None:
            return self._index.next_of(cur) if direction > 0 else self._index.previous_of(cur)
        pos = int(self._new.offset_at_top())
        return self._index.next_after(pos - 1) if direction > 0 else self._index.previous_before(pos)


def _same_change(ch: Change, changes: Sequence[Change]) -> Change | None:
    """After a re-compare: the change at the same place as ``ch`` (the earlier report never
    changes, so its span is the surest key; then the draft's span, then the nearest there)."""
    if ch.old is not None:
        for other in changes:
            if other.old is not None and (other.old.start, other.old.end) == (ch.old.start, ch.old.end):
                return other
        for other in changes:
            if other.old is not None and other.old.start <= ch.old.start < max(other.old.end, other.old.start + 1):
                return other
    if ch.new is not None:
        pos = ch.new.start
        with_new = [o for o in changes if o.new is not None]
        for other in with_new:
            if other.new_text == ch.new_text and other.new is not None and other.new.start == pos:
                return other
        if with_new:
            return min(with_new, key=lambda o: abs(o.new.start - pos) if o.new is not None else 0)
    return None
