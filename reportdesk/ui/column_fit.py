"""Fit a table's columns to its viewport, so the columns that matter show without scrolling.

Every column but the elastic one takes its content's width (capped: long cells
are elided, and the model's tooltip shows them whole); the elastic column (a
name) takes what is left.  When that is too little, the optional columns hide,
last first, and come back when the view is wide enough.  Widths come from the
current font and language, never from fixed pixel counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

from reportdesk.ui.guard import Guard


class ColumnFitter(QObject):
    def __init__(self, view: QTableView, elastic: int, optional: Sequence[int] = (),
                 cap_em: float = 9, min_em: float = 5) -> None:
        super().__init__(view)
        self.view = view
        self.elastic = elastic
        self.optional = list(optional)
        self.cap_em, self.min_em = cap_em, min_em
        self._fitting = Guard()
        self._stale = False  # a fit was skipped while the table did not show
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        # A dock tab brought to the front is only painted (it was kept "visible" off screen).
        if (kind == QEvent.Type.Resize or (kind == QEvent.Type.Paint and self._stale)) and not self._fitting:
            self.fit()
        return False

    def _want(self, col: int, cap: int) -> int:
        header = self.view.horizontalHeader()
        return min(max(self.view.sizeHintForColumn(col), header.sectionSizeHint(col)), cap)

    def fit(self) -> None:
        """Fit now if the table shows, else when it is first painted (hidden, or a dock tab
        behind another: measuring every row's cells, 30-100 ms, is wasted on a table nobody sees)."""
        model = self.view.model()
        if model is None:
            return
        if self.view.visibleRegion().isEmpty():
            self._stale = True
            return
        self._stale = False
        with self._fitting:
            em = self.view.fontMetrics().horizontalAdvance("国")
            cap, least = int(self.cap_em * em), int(self.min_em * em)
            avail = self.view.viewport().width() - 2
            cols = [c for c in range(model.columnCount()) if c != self.elastic]
            want = {c: self._want(c, cap) for c in cols}
            shown = set(cols)
            for c in reversed(self.optional):  # the last optional column goes first
                if avail - sum(want[k] for k in shown) >= least:
                    break
                shown.discard(c)
            for c in cols:
                self.view.setColumnHidden(c, c not in shown)
                if c in shown:
                    self.view.setColumnWidth(c, want[c])
            rest = avail - sum(want[c] for c in shown)
            self.view.setColumnWidth(self.elastic, max(rest, least))
