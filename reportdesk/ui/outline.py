"""Section outline of one report (a tree of headings); a click jumps there.

Sections that the comparison found new, removed or renamed can be tagged, so
the outline doubles as a structural summary.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reportdesk.engine import Comparison, Report, SectionStatus

OFFSET_ROLE = Qt.ItemDataRole.UserRole


class OutlineView(QWidget):
    jump_requested = Signal(int)  # code-point offset of the section's heading

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tree)
        self._items: list[QTreeWidgetItem] = []
        self.report: Report | None = None  # the report shown
        self.tree.itemClicked.connect(self._on_item)
        self.tree.itemActivated.connect(self._on_item)

    def set_report(self, report: Report | None, tags: dict[int, str] | None = None) -> None:
        """Show ``report``'s sections; ``tags`` maps a section index to a short note
        (e.g. “新增”) shown after its title."""
        self.tree.clear()
        self._items = []
        self.report = report
        if report is None:
            return
        tags = tags or {}
        for sec in report.sections:
            if sec.level == 0 and not sec.heading:
                title = self.tr("(Opening)")
            else:
                title = sec.title
            if sec.index in tags:
                title = f"{title}  [{tags[sec.index]}]"
            item = QTreeWidgetItem([title])
            item.setData(0, OFFSET_ROLE, sec.start)
            item.setToolTip(0, title)
            parent = self._items[sec.parent] if sec.parent is not None and sec.parent < len(self._items) else None
            if parent is not None:
                parent.addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            self._items.append(item)
        self.tree.expandToDepth(0)

    def set_comparison_side(self, c: Comparison, side: str) -> None:
        """Show one side ("old" | "new") of a comparison, tagging sections it found
        new, removed, renamed or moved."""
        words = {
            SectionStatus.NEW: self.tr("new"),
            SectionStatus.REMOVED: self.tr("removed"),
            SectionStatus.RENAMED: self.tr("renamed"),
            SectionStatus.MOVED: self.tr("moved"),
        }
        tags: dict[int, str] = {}
        for m in c.sections:
            idx = m.old if side == "old" else m.new
            if idx is not None and m.status in words:
                tags[idx] = words[m.status]
        self.set_report(c.old if side == "old" else c.new, tags)

    def titles(self) -> list[str]:
        return [it.text(0) for it in self._items]

    def select_offset(self, offset: int) -> None:
        """Highlight the section containing ``offset`` (follows the pane's scrolling)."""
        best = None
        for it in self._items:
            if it.data(0, OFFSET_ROLE) <= offset:
                best = it
        if best is not None and best is not self.tree.currentItem():
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(best)
            self.tree.blockSignals(False)

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.jump_requested.emit(int(item.data(0, OFFSET_ROLE)))
