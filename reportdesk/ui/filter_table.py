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

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A table over ``self._rows`` with ``COLUMN_COUNT`` columns."""

    COLUMN_COUNT = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return self.COLUMN_COUNT


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
