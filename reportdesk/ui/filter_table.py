"""What the change list and the target table share: a row model, a filter proxy, a filter bar.

A row passes the filter on a key (chosen in a combo box: a category or a
kind of change, "" for all) and a needle (text typed in a search field).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from reportdesk.engine import common_ends

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A table over ``self._rows`` with ``COLUMN_COUNT`` columns."""

    COLUMN_COUNT = 1
    # Up to this many changed rows are told to the views cell by cell (see replace_rows).
    # 0 for a model behind a sorting proxy: the proxy re-sorts each changed row among rows
    # it has not been told about yet, and leaves the table out of order.
    CELLWISE = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return self.COLUMN_COUNT

    def replace_rows(self, rows: Sequence[Any], key: Callable[[Any], Any]) -> bool:
        """Take ``rows`` in place of the current ones, telling views only about the run that
        differs (by ``key``): rows removed or inserted there, the rest of it changed.  No model
        reset, so a re-compare after a keystroke keeps the selection, the scroll position and
        the filter, and the views re-read a few rows, not all.  True when any row differs."""
        old, new = self._rows, list(rows)
        ko, kn = [key(r) for r in old], [key(r) for r in new]
        head, tail = common_ends(ko, kn)
        m_old, m_new = len(old) - head - tail, len(new) - head - tail
        if m_old > m_new:
            self.beginRemoveRows(QModelIndex(), head + m_new, head + m_old - 1)
            self._rows = new
            self.endRemoveRows()
        elif m_new > m_old:
            self.beginInsertRows(QModelIndex(), head + m_old, head + m_new - 1)
            self._rows = new
            self.endInsertRows()
        else:
            self._rows = new
        both = min(m_old, m_new)
        if 0 < both <= self.CELLWISE:
            # Cell by cell: a view repaints a one-cell change's rectangle only (and none when
            # it is scrolled away), but the whole viewport for any larger range (Qt's
            # dataChanged): the change list's 20-40 ms repaint after every keystroke.
            for r in range(head, head + both):
                for col in range(self.COLUMN_COUNT):
                    cell = self.index(r, col)
                    self.dataChanged.emit(cell, cell)
        elif both:
            self.dataChanged.emit(self.index(head, 0), self.index(head + both - 1, self.COLUMN_COUNT - 1))
        return bool(m_old or m_new)


class KeyFilter(QSortFilterProxyModel):
    """Holds ``key`` and ``needle``; subclasses decide in ``filterAcceptsRow``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = ""
        self.needle = ""

    def set_filter(self, key: str, needle: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateFilter is deprecated there
            self.beginFilterChange()
            self.key, self.needle = key, needle.strip()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.key, self.needle = key, needle.strip()
            self.invalidateFilter()


class FilterBar:
    """A combo box of (key, translated label) choices beside a search field, driving a ``KeyFilter``.

    ``changed`` runs after each new filter (the panels update their counts).
    """

    def __init__(self, proxy: KeyFilter, choices: Sequence[tuple[str, str]], placeholder: str,
                 changed: Callable[[], None]) -> None:
        self.proxy = proxy
        self.changed = changed
        self.box = QComboBox()
        for key, label in choices:
            self.box.addItem(label, key)
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.layout = QHBoxLayout()
        self.layout.addWidget(self.box)
        self.layout.addWidget(self.search, 1)
        self.box.currentIndexChanged.connect(self._apply)
        self.search.textChanged.connect(self._apply)

    def set(self, key: str = "", text: str = "") -> None:
        self.box.setCurrentIndex(max(self.box.findData(key), 0))
        self.search.setText(text)

    def _apply(self) -> None:
        self.proxy.set_filter(self.box.currentData() or "", self.search.text())
        self.changed()
