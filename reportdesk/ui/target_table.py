"""The targets panel's year-over-year table: the engine's ``target_rows`` as a Qt model,
and the filter over it (kind of change, tier, indicator name).

Columns 指标 | 上年目标 | 上年实际 | 本年目标 | 变化 | 层级; a verdict's two quotes are
in each row's tooltip (``verdict_lines``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from reportdesk.engine import (
    Comparison,
    Figure,
    TargetCounts,
    TargetRow,
    TargetTier,
    target_counts,
    target_rows,
)
from reportdesk.ui.filter_table import KeyFilter, RowsModel
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
TASK_FG = QColor("#5f6368")  # task quantities read quieter than the targets a summary counts

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
#: Tier choices: "headline" is main and named targets (what 目标变化 counts).
TIER_FILTERS = [
    ("", QT_TRANSLATE_NOOP("TargetsPanel", "All tiers")),
    ("headline", QT_TRANSLATE_NOOP("TargetsPanel", "Main and named targets")),
    ("main", QT_TRANSLATE_NOOP("TargetsPanel", "Main targets")),
    ("task", QT_TRANSLATE_NOOP("TargetsPanel", "Task quantities")),
]


def matches_tier(row: TargetRow, key: str) -> bool:
    if key == "headline":
        return row.headline
    return not key or row.tier == key


def target_text(t: Figure | None) -> str:
    """Value with unit and qualifier, as the reviewer wording writes it (5%左右; an
    increment says so: 增加30元)."""
    if t is None:
        return ""
    from reportdesk.engine import stated

    return stated(t)


def gist(wording: str) -> str:
    """The change in a cell: the wording without what the value columns beside it already
    say (由5%左右调整为6%左右, 保持5%左右不变), so the cell fits a 1280-pixel window; the
    tooltip keeps the whole wording."""
    parts = wording.split("；")
    kept = [
        p for p in parts
        if p and not (p.startswith("由") and "调整为" in p) and not (p.startswith("保持") and p.endswith("不变"))
    ]
    return "；".join(kept)


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
    CELLWISE = 0  # the table sorts (see RowsModel.CELLWISE)
    COLUMN_COUNT = 6  # indicator, last year's target and actual, this year's target, change, tier

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TargetRow] = []
        self.counts: TargetCounts | None = None

    def set_comparison(self, c: Comparison | None) -> bool:
        """Rows of ``c``, updated in place; True when the indicators listed changed (refit the columns)."""
        before = [r.indicator for r in self._rows]
        rows = list(target_rows(c)) if c is not None else []
        self.counts = target_counts(c, tuple(rows)) if c is not None else None
        self.replace_rows(rows, lambda r: r)
        return [r.indicator for r in self._rows] != before

    def row(self, i: int) -> TargetRow:
        return self._rows[i]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Indicator"),
                self.tr("Last year's target"),
                self.tr("Last year's actual"),
                self.tr("This year's target"),
                self.tr("Change"),
                self.tr("Tier"),
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

    def tier_label(self, tier: str) -> str:
        return {
            "main": self.tr("Main target"),
            "named": self.tr("Named target"),
            "task": self.tr("Task quantity"),
        }.get(tier, tier)

    def status_label(self, status: str) -> str:
        return {"met": self.tr("Met"), "not_met": self.tr("Not met"), "not_reported": self.tr("No actual found")}.get(
            status, status
        )

    def _display(self, row: TargetRow, col: int) -> str:
        rv = row.review
        if col == 0:
            return row.indicator
        if col == 1:
            return target_text(row.old)
        if col == 2:
            if rv is None:
                return ""
            shown = target_text(rv.actual) if rv.actual is not None else self.status_label(rv.status)
            return f"{STATUS_SYMBOLS.get(rv.status, '')} {shown}".strip()
        if col == 3:
            return target_text(row.new)
        if col == 5:
            return self.tier_label(row.tier)
        tc, kind = row.change, row.kind
        words = gist(tc.wording) if tc is not None and kind not in ("new", "dropped") else ""
        # The engine's wording says 提高/降低 itself: the label only when there is no wording.
        return f"{SYMBOLS.get(kind, '')} {words or self.change_label(kind)}"

    def verdict_lines(self, row: TargetRow) -> list[str]:
        """The verdict on last year's target and the two quotes it rests on."""
        rv = row.review
        if rv is None:
            return []
        lines = [self.tr("Verdict: %1").replace("%1", f"{self.status_label(rv.status)}（{rv.wording}）")]
        lines.append(self.tr("Last year's target: “%1”").replace("%1", rv.target_quote))
        if rv.actual_quote:
            lines.append(self.tr("This year's report: “%1”").replace("%1", rv.actual_quote))
        else:
            lines.append(self.tr("This year's report states no actual for it."))
        return lines

    def tooltip(self, row: TargetRow) -> str:
        lines = [self.tier_label(row.tier)]
        if row.old is not None:
            lines.append(self.tr("Last year: “%1”").replace("%1", row.old.quote))
        if row.new is not None:
            lines.append(self.tr("This year: “%1”").replace("%1", row.new.quote))
        if row.change is not None and row.change.wording:
            lines.append(row.change.wording)
        return "\n".join(lines + self.verdict_lines(row))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.BackgroundRole and col in (3, 4):
            return TARGET_CHANGE_COLORS.get(row.kind)
        if role == Qt.ItemDataRole.ForegroundRole and row.tier is TargetTier.TASK:
            return TASK_FG
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row)
        if role == SORT_ROLE:
            if col == 0:
                return row.indicator
            if col == 5:
                return row.tier.rank if row.tier else 3
            actual = row.review.actual if row.review is not None else None
            t = {1: row.old, 2: actual, 3: row.new}.get(col)
            if col in (1, 2, 3):
                return float(t.value) if t is not None else float("-inf")
            return list(SYMBOLS).index(row.kind) if row.kind in SYMBOLS else 99
        if role == CHANGE_ROLE:
            return row.kind
        return None


class TargetFilter(KeyFilter):
    """``key``: a FILTERS key; ``tier``: a TIER_FILTERS key; ``needle``: text in the indicator's name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.tier = ""

    def set_tier(self, tier: str) -> None:
        self.tier = tier
        self.set_filter(self.key, self.needle)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        m = self.sourceModel()
        assert isinstance(m, TargetTableModel)
        r = m.row(row)
        return (
            matches_filter(r.kind, self.key)
            and matches_tier(r, self.tier)
            and (not self.needle or self.needle in r.indicator)
        )
