"""Targets panel (a dock): the year-over-year target table, and one indicator across years.

Pair tab: 指标 | 上年目标 | 上年实际 | 本年目标 | 变化 | 层级, the engine's
``target_rows`` (the review document's rows: one per indicator and series,
main targets first, then named targets, then task quantities); sortable
(numbers sort as numbers), filterable by kind of change, by tier and by
indicator name, coloured by change with a symbol beside the colour.  A
verdict's two quotes (last year's target, this year's actual) are in the
row's tooltip and in the line under the table; the 提示 (a main target stated
with two values) above it.  A row emits ``target_activated(old_pos,
new_pos)`` (-1 where the target is absent on that side).

With a series (three or more reports) a year picker chooses the pair
(``pair_requested(index)``) and the series tab shows one indicator's target
and actual per year.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reportdesk.engine import Comparison
from reportdesk.ui.column_fit import ColumnFitter
from reportdesk.ui.filter_table import FilterBar
from reportdesk.ui.guard import Guard
from reportdesk.ui.target_table import (
    FILTERS,
    STATUS_SYMBOLS,
    TIER_FILTERS,
    TargetFilter,
    TargetTableModel,
    target_text,
)

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
        self.proxy = TargetFilter(self)
        self.proxy.setSourceModel(self.model)
        self.year_box = QComboBox()
        self.year_box.setToolTip(self.tr("Which two reports to compare"))
        self.year_box.hide()
        choices = [(key, self.tr(label)) for key, label in FILTERS]  # type: ignore[arg-type]  # PySide6 stubs type QT_TRANSLATE_NOOP's result as object; it returns the str
        placeholder = self.tr("Indicator")
        self.filters = FilterBar(self.proxy, choices, placeholder, self._update_count)
        self.filter_box, self.search = self.filters.box, self.filters.search
        self.tier_box = QComboBox()
        for key, label in TIER_FILTERS:
            self.tier_box.addItem(self.tr(label), key)  # type: ignore[arg-type]  # as above
        # Narrow by its own measure: the dock (and so the window) must not grow wider for it.
        self.tier_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.tier_box.setMinimumContentsLength(6)
        self.filters.layout.insertWidget(1, self.tier_box)
        self.tier_box.currentIndexChanged.connect(self._tier_chosen)
        # 提示: one report states a main target with two values.
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("QLabel { background: #fde2c8; color: #7a2e00; padding: 3px; }")
        self.hint_label.hide()
        # The current row's verdict and the two quotes it rests on.
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # engine order until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # 指标 takes what is left; 上年实际 and 层级 hide before 上年目标, 本年目标 or 变化 would scroll.
        self.fitter = ColumnFitter(self.table, elastic=0, optional=(2, 5), min_em=7)
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
        pl.addWidget(self.hint_label)
        pl.addWidget(self.table, 1)
        pl.addWidget(self.detail_label)
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
        if self.model.set_comparison(c):
            self.fitter.fit()  # ~30 ms over all rows: only when other indicators are listed
        hints = list(c.hints) if c is not None else []
        self.hint_label.setText("\n".join(self.tr("Hint: %1").replace("%1", h.message) for h in hints))
        self.hint_label.setVisible(bool(hints))
        self.detail_label.setText("")
        self._update_count()

    def set_filter(self, key: str = "", text: str = "", tier: str = "") -> None:
        self.tier_box.setCurrentIndex(max(self.tier_box.findData(tier), 0))
        self.filters.set(key, text)

    def _tier_chosen(self) -> None:
        self.proxy.set_tier(self.tier_box.currentData() or "")
        self._update_count()

    def visible_indicators(self) -> list[str]:
        return [self.proxy.index(r, 0).data() for r in range(self.proxy.rowCount())]

    def visible_rows(self) -> list[tuple[str, ...]]:
        """The cells of every row shown, as displayed."""
        cols = self.proxy.columnCount()
        return [tuple(self.proxy.index(r, k).data() or "" for k in range(cols)) for r in range(self.proxy.rowCount())]

    def _update_count(self) -> None:
        n = self.model.counts
        if n is None:
            self.count_label.setText(self.tr("No targets"))
            return
        text = self.tr("Target changes: %1 of %2 main and named targets · task quantities: %3")
        self.count_label.setText(
            text.replace("%1", str(n.target_changes)).replace("%2", str(n.headline)).replace("%3", str(n.task))
        )

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._on_row(current)

    def _on_row(self, index: QModelIndex) -> None:
        row = self.model.row(self.proxy.mapToSource(index).row())
        self.detail_label.setText("\n".join(self.model.verdict_lines(row)))
        self.target_activated.emit(row.old.start if row.old else -1, row.new.start if row.new else -1)
        if row.indicator in self._series:
            self.indicator_box.setCurrentText(row.indicator)

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
