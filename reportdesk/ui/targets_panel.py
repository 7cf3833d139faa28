"""Targets panel (a dock): the year-over-year target table, and one indicator across years.

Pair tab: 指标 | 上年目标 | 上年实际 | 本年目标 | 变化, one row per TargetChange,
joined with last year's TargetReview; sortable (numbers sort as numbers),
filterable by kind of change and by indicator name, coloured by change with
a symbol beside the colour.  A row emits ``target_activated(old_pos,
new_pos)`` (-1 where the target is absent on that side).

With a series (three or more reports) a year picker chooses the pair
(``pair_requested(index)``) and the series tab shows one indicator's target
and actual per year.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reportdesk.engine import Comparison, Figure, TargetChange, TargetReview
from reportdesk.ui.filter_table import FilterBar, KeyFilter, RowsModel
from reportdesk.ui.guard import Guard
from reportdesk.ui.palette import TARGET_CHANGE_COLORS

SORT_ROLE = Qt.ItemDataRole.UserRole
CHANGE_ROLE = Qt.ItemDataRole.UserRole + 1

# Symbol beside each change colour, so the column reads without colour too.
SYMBOLS = {
    "raised": "▲",
    "lowered": "▼",
    "unchanged": "＝",
    "qualifier_changed": "≈",
    "raised_and_qualifier_changed": "▲",
    "lowered_and_qualifier_changed": "▼",
    "new": "＋",
    "dropped": "－",
}
STATUS_SYMBOLS = {"met": "✓", "not_met": "✗", "not_reported": "？"}

#: Filter choices: (key, English source label); keys match TargetChange.change prefixes.
FILTERS = [
    ("", QT_TRANSLATE_NOOP("TargetsPanel", "All targets")),
    ("changed", QT_TRANSLATE_NOOP("TargetsPanel", "Changed only")),
    ("raised", QT_TRANSLATE_NOOP("TargetsPanel", "Raised")),
    ("lowered", QT_TRANSLATE_NOOP("TargetsPanel", "Lowered")),
    ("qualifier", QT_TRANSLATE_NOOP("TargetsPanel", "Qualifier changed")),
    ("new", QT_TRANSLATE_NOOP("TargetsPanel", "New")),
    ("dropped", QT_TRANSLATE_NOOP("TargetsPanel", "Dropped")),
    ("unchanged", QT_TRANSLATE_NOOP("TargetsPanel", "Unchanged")),
]


def target_text(t: Figure | None) -> str:
    """Value with unit and qualifier, as the reviewer wording writes it (5%左右)."""
    if t is None:
        return ""
    try:
        from reportdesk.engine import value_text

        return value_text(t)
    except Exception:  # the quote always exists; wording is a nicety
        return t.quote


def matches_filter(change: str, key: str) -> bool:
    if not key:
        return True
    if key == "changed":
        return change != "unchanged"
    if key == "qualifier":
        return "qualifier" in change
    if key in ("raised", "lowered"):
        return change.startswith(key)
    return change == key


class TargetTableModel(RowsModel):
    COLUMN_COUNT = 5  # indicator, last year's target and actual, this year's target, change

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[TargetChange, TargetReview | None]] = []

    def set_comparison(self, c: Comparison | None) -> None:
        self.beginResetModel()
        self._rows = []
        if c is not None:
            reviews = {(r.target.start, r.target.end): r for r in c.target_review}
            for tc in c.target_changes:
                rv = reviews.get((tc.old.start, tc.old.end)) if tc.old is not None else None
                self._rows.append((tc, rv))
        self.endResetModel()

    def row(self, i: int) -> tuple[TargetChange, TargetReview | None]:
        return self._rows[i]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Indicator"),
                self.tr("Last year's target"),
                self.tr("Last year's actual"),
                self.tr("This year's target"),
                self.tr("Change"),
            )[section]
        return None

    def change_label(self, change: str) -> str:
        return {
            "unchanged": self.tr("Unchanged"),
            "raised": self.tr("Raised"),
            "lowered": self.tr("Lowered"),
            "qualifier_changed": self.tr("Qualifier changed"),
            "raised_and_qualifier_changed": self.tr("Raised, qualifier changed"),
            "lowered_and_qualifier_changed": self.tr("Lowered, qualifier changed"),
            "new": self.tr("New"),
            "dropped": self.tr("Dropped"),
        }.get(change, change)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        tc, rv = self._rows[index.row()]
        col = index.column()
        actual = rv.actual if rv is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return tc.indicator
            if col == 1:
                return target_text(tc.old)
            if col == 2:
                if rv is None:
                    return ""
                return f"{STATUS_SYMBOLS.get(rv.status, '')} {target_text(actual)}".strip()
            if col == 3:
                return target_text(tc.new)
            words = tc.wording if tc.change not in ("new", "dropped") else ""
            label = self.change_label(tc.change)
            return f"{SYMBOLS.get(tc.change, '')} {label}" + (f"：{words}" if words else "")
        if role == Qt.ItemDataRole.BackgroundRole and col in (3, 4):
            return TARGET_CHANGE_COLORS.get(tc.change)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [q for q in (tc.old and tc.old.quote, tc.new and tc.new.quote) if q]
            if tc.wording:
                lines.append(tc.wording)
            if rv is not None and rv.wording:
                lines.append(rv.wording)
            return "\n".join(lines)
        if role == SORT_ROLE:
            if col == 0:
                return tc.indicator
            t = {1: tc.old, 2: actual, 3: tc.new}.get(col)
            if col in (1, 2, 3):
                return float(t.value) if t is not None else float("-inf")
            return list(SYMBOLS).index(tc.change) if tc.change in SYMBOLS else 99
        if role == CHANGE_ROLE:
            return tc.change
        return None


class _Filter(KeyFilter):
    """``key``: a FILTERS key; ``needle``: text in the indicator's name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        m = self.sourceModel()
        assert isinstance(m, TargetTableModel)
        tc, _rv = m.row(row)
        return matches_filter(tc.change, self.key) and (not self.needle or self.needle in tc.indicator)


SeriesData = Mapping[str, Mapping[int, tuple]]  # indicator -> {year: (target_text, actual_text[, status])}


def series_from_engine(series: object) -> dict[str, dict[int, tuple[str, str, str]]]:
    """Convert ``engine.series.Series`` (rows of cells) to the panel's plain mapping."""
    out: dict[str, dict[int, tuple[str, str, str]]] = {}
    for row in getattr(series, "rows", ()):
        cells = out.setdefault(row.indicator, {})
        for cell in row.cells:
            cells[cell.year] = (target_text(cell.target), target_text(cell.actual), cell.status)
    return out


class TargetsPanel(QWidget):
    target_activated = Signal(int, int)  # old_pos, new_pos (-1 when absent)
    pair_requested = Signal(int)  # index of the pair (years[i], years[i + 1])

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TargetTableModel(self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.year_box = QComboBox()
        self.year_box.setToolTip(self.tr("Which two reports to compare"))
        self.year_box.hide()
        choices = [(key, self.tr(label)) for key, label in FILTERS]  # type: ignore[arg-type]  # PySide6 stubs type QT_TRANSLATE_NOOP's result as object; it returns the str
        placeholder = self.tr("Indicator")
        self.filters = FilterBar(self.proxy, choices, placeholder, self._update_count)
        self.filter_box, self.search = self.filters.box, self.filters.search
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # engine order until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        # Series tab: one indicator across the years.
        self.indicator_box = QComboBox()
        self.series_table = QTableWidget(0, 4)
        self.series_table.setHorizontalHeaderLabels(
            [self.tr("Year"), self.tr("Target"), self.tr("Actual"), self.tr("Status")]
        )
        self.series_table.verticalHeader().hide()
        self.series_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.series_table.horizontalHeader().setStretchLastSection(True)
        series_page = QWidget()
        sl = QVBoxLayout(series_page)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.indicator_box)
        sl.addWidget(self.series_table, 1)
        pair_page = QWidget()
        pl = QVBoxLayout(pair_page)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addLayout(self.filters.layout)
        pl.addWidget(self.table, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(pair_page, self.tr("Year over year"))
        self.tabs.addTab(series_page, self.tr("Across years"))
        self.tabs.setTabEnabled(1, False)
        self.count_label = QLabel()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.year_box)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.count_label)
        self._series: dict[str, dict[int, tuple]] = {}
        self._setting_years = Guard()
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.activated.connect(self._on_row)
        self.year_box.currentIndexChanged.connect(self._on_year)
        self.indicator_box.currentTextChanged.connect(self._show_indicator)
        self._update_count()

    # ------------------------------------------------------------ pair table
    def set_comparison(self, c: Comparison | None) -> None:
        self.model.set_comparison(c)
        self.table.resizeColumnsToContents()
        self._update_count()

    def set_filter(self, key: str = "", text: str = "") -> None:
        self.filters.set(key, text)

    def visible_indicators(self) -> list[str]:
        return [self.proxy.index(r, 0).data() for r in range(self.proxy.rowCount())]

    def _update_count(self) -> None:
        changed = sum(1 for r in range(self.model.rowCount()) if self.model.row(r)[0].change != "unchanged")
        self.count_label.setText(
            self.tr("{changed} of {total} targets changed").format(changed=changed, total=self.model.rowCount())
        )

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._on_row(current)

    def _on_row(self, index: QModelIndex) -> None:
        tc, _rv = self.model.row(self.proxy.mapToSource(index).row())
        self.target_activated.emit(tc.old.start if tc.old else -1, tc.new.start if tc.new else -1)
        if tc.indicator in self._series:
            self.indicator_box.setCurrentText(tc.indicator)

    # ------------------------------------------------------------ series
    def set_years(self, years: list[int], current: int) -> None:
        """Offer the pairs (years[i], years[i+1]); shown only for three or more reports."""
        with self._setting_years:
            self.year_box.clear()
            for a, b in zip(years, years[1:]):
                self.year_box.addItem(self.tr("{old} → {new}").format(old=a, new=b))
            if 0 <= current < self.year_box.count():
                self.year_box.setCurrentIndex(current)
        self.year_box.setVisible(len(years) > 2)

    def _on_year(self, index: int) -> None:
        if not self._setting_years and index >= 0:
            self.pair_requested.emit(index)

    def set_series(self, series: SeriesData | object) -> None:
        """Values per indicator and year: a mapping indicator -> {year: (target, actual[, status])}
        or the engine's ``Series``."""
        if not isinstance(series, Mapping):
            series = series_from_engine(series)
        self._series = {k: dict(v) for k, v in series.items()}
        current = self.indicator_box.currentText()
        self.indicator_box.blockSignals(True)
        self.indicator_box.clear()
        self.indicator_box.addItems(sorted(self._series))
        self.indicator_box.blockSignals(False)
        if current in self._series:
            self.indicator_box.setCurrentText(current)
        self.tabs.setTabEnabled(1, bool(self._series))
        self._show_indicator(self.indicator_box.currentText())

    def _show_indicator(self, indicator: str) -> None:
        values = self._series.get(indicator, {})
        self.series_table.setRowCount(len(values))
        status_words = {
            "met": self.tr("Met"),
            "not_met": self.tr("Not met"),
            "not_reported": self.tr("Not reported"),
        }
        for r, year in enumerate(sorted(values)):
            v = tuple(values[year]) + ("", "", "")
            status = v[2]
            cells = [str(year), v[0], v[1], f"{STATUS_SYMBOLS.get(status, '')} {status_words.get(status, status)}".strip()]
            for col, text in enumerate(cells):
                self.series_table.setItem(r, col, QTableWidgetItem(text))
        self.series_table.resizeColumnsToContents()

    def series_rows(self) -> list[tuple[str, ...]]:
        t = self.series_table

        def text(r: int, c: int) -> str:
            item = t.item(r, c)
            return item.text() if item is not None else ""  # a cell never filled

        return [tuple(text(r, c) for c in range(t.columnCount())) for r in range(t.rowCount())]
