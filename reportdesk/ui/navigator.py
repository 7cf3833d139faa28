"""Change navigator (a dock): every change in reading order, filterable and searchable.

A row shows the kind (coloured square *and* a word), the section and a short
"old → new" text.  A changed number touching a main or named target is
目标变化; any other changed number is 数字修改.  The 提示 (one report stating a
main target with two values) come first.  Activating a row emits
``change_activated(id)`` (the window calls ``CompareView.show_change``), or
``hint_activated(hint)`` for a 提示.  ``select_change`` follows the view's
current change without echoing a signal back.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTreeView, QVBoxLayout, QWidget

from reportdesk.engine import Change, ChangeKind, Comparison, TargetHint
from reportdesk.ui.filter_table import FilterBar, KeyFilter, RowsModel
from reportdesk.ui.guard import Guard
from reportdesk.ui.highlight_ranges import change_category, change_kind
from reportdesk.ui.palette import KIND_COLORS, MOVE_MARKER

ID_ROLE = Qt.ItemDataRole.UserRole
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 1
HINT_ROLE = Qt.ItemDataRole.UserRole + 2
ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
                   ID_ROLE, CATEGORY_ROLE, HINT_ROLE})  # the roles data() answers
SHORT = 16  # characters of each side shown in the list

#: (category key, English source label) for the filter box; "" is all.
#: Marked for lupdate here, translated in ChangeNavigator's context.
CATEGORIES = [
    ("", QT_TRANSLATE_NOOP("ChangeNavigator", "All changes")),
    ("wording", QT_TRANSLATE_NOOP("ChangeNavigator", "Wording")),
    ("hint", QT_TRANSLATE_NOOP("ChangeNavigator", "Hints")),
    ("target", QT_TRANSLATE_NOOP("ChangeNavigator", "Target changes")),
    ("number", QT_TRANSLATE_NOOP("ChangeNavigator", "Number edits")),
    ("move", QT_TRANSLATE_NOOP("ChangeNavigator", "Moves")),
    ("new_section", QT_TRANSLATE_NOOP("ChangeNavigator", "New sections")),
    ("removed_section", QT_TRANSLATE_NOOP("ChangeNavigator", "Removed sections")),
]


def _clip(s: str, n: int = SHORT) -> str:
    s = s.replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def short_text(ch: Change) -> str:
    """“3%左右 → 2%左右” style summary of a change."""
    if ch.kind is ChangeKind.INSERT:
        return "+ " + _clip(ch.new_text)
    if ch.kind is ChangeKind.DELETE:
        return "− " + _clip(ch.old_text)
    if ch.kind is ChangeKind.MOVE:
        return f"{MOVE_MARKER} " + _clip(ch.new_text or ch.old_text)
    return f"{_clip(ch.old_text)} → {_clip(ch.new_text)}"


def hint_text(h: TargetHint) -> str:
    """The head of the engine's message (主要预期目标“国内生产总值”前后不一致); the whole is the tooltip."""
    head = h.message.partition("：")[0].strip()
    return f"⚠ {head or h.indicator}"


def _swatch(color: QColor) -> QIcon:
    pm = QPixmap(10, 10)
    pm.fill(color)
    return QIcon(pm)


def _kind(c: Comparison, ch: Change) -> str:
    """The kind word of a row: 目标变化 and 数字修改 by what the number touches, else the mark's kind."""
    if ch.touches_target:
        return "target"
    if ch.is_target:
        return "number"
    return change_kind(c, ch)


def _row_key(row: tuple[Change | TargetHint, str, str, str]) -> tuple:
    """What a row shows (display, tooltip, id): a row whose key is the same is not repainted."""
    item, kind, category, text = row
    if isinstance(item, TargetHint):
        return (kind, text, item.message)
    return (kind, category, text, item.id, item.section, item.old_text, item.new_text)


class ChangeListModel(RowsModel):
    COLUMN_COUNT = 4  # #, kind, section, change

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._c: Comparison | None = None
        # (change or 提示, kind, category, short text); the 提示 first
        self._rows: list[tuple[Change | TargetHint, str, str, str]] = []
        self._icons = {k: _swatch(v[1]) for k, v in KIND_COLORS.items()}
        self._label_cache: dict[str, str] | None = None

    def set_comparison(self, c: Comparison | None) -> None:
        """Rows of ``c``, updated in place (see ``RowsModel.replace_rows``)."""
        self._c = c
        rows: list[tuple[Change | TargetHint, str, str, str]] = []
        if c is not None:
            rows = [(h, "hint", "hint", hint_text(h)) for h in c.hints]
            rows += [(ch, _kind(c, ch), change_category(c, ch), short_text(ch)) for ch in c.changes]
        self.replace_rows(rows, _row_key)

    def hint_count(self) -> int:
        return sum(1 for r in self._rows if r[1] == "hint")

    def _labels(self) -> dict[str, str]:
        # Translated once per model (the language is chosen at start): data() runs for every
        # visible cell and role on each repaint, and nine tr() calls a cell were half its cost.
        if self._label_cache is None:
            self._label_cache = {
                "changed": self.tr("Changed"),
                "inserted": self.tr("Added"),
                "deleted": self.tr("Deleted"),
                "moved": self.tr("Moved"),
                "target": self.tr("Target change"),
                "number": self.tr("Number edit"),
                "hint": self.tr("Hint"),
                "标题与署名": self.tr("Title and signature"),
                "开篇": self.tr("Opening"),
            }
        return self._label_cache

    def kind_label(self, kind: str) -> str:
        return self._labels().get(kind, kind)

    def section_label(self, section: str) -> str:
        """The engine names the parts before the first heading in Chinese: show them in the UI's language."""
        return self._labels().get(section, section)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {0: "#", 1: self.tr("Kind"), 2: self.tr("Section"), 3: self.tr("Change")}[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in ROLES or not index.isValid():
            return None  # asked for a dozen roles per cell and paint: most are not ours
        ch, kind, category, text = self._rows[index.row()]
        col = index.column()
        if isinstance(ch, TargetHint):
            return self._hint_data(ch, col, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(ch.id + 1), self.kind_label(kind), self.section_label(ch.section), text)[col]
        if role == Qt.ItemDataRole.DecorationRole and col == 1:
            return self._icons.get(kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [self.section_label(ch.section)]
            if ch.old_text:
                parts.append("− " + ch.old_text)
            if ch.new_text:
                parts.append("+ " + ch.new_text)
            return "\n".join(parts)
        if role == ID_ROLE:
            return ch.id
        if role == CATEGORY_ROLE:
            return category
        return None

    def _hint_data(self, h: TargetHint, col: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            side = self.tr("Draft") if h.side == "new" else self.tr("Earlier")
            return ("!", self.kind_label("hint"), side, hint_text(h))[col]
        if role == Qt.ItemDataRole.DecorationRole and col == 1:
            return self._icons.get("hint")
        if role == Qt.ItemDataRole.ToolTipRole:
            return h.message
        if role == CATEGORY_ROLE:
            return "hint"
        if role == HINT_ROLE:
            return h
        return None

    def kinds(self) -> list[str]:
        return [r[1] for r in self._rows]

    def change_at(self, row: int) -> Change | TargetHint:
        return self._rows[row][0]

    def search_text(self, row: int) -> str:
        ch = self._rows[row][0]
        if isinstance(ch, TargetHint):
            return f"{ch.indicator}\n{ch.message}"
        return f"{ch.section}\n{ch.old_text}\n{ch.new_text}"


class _Filter(KeyFilter):
    """``key``: a change category; ``needle``: text in the section or either side."""

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        m = self.sourceModel()
        assert isinstance(m, ChangeListModel)
        if self.key and m.index(row, 0).data(CATEGORY_ROLE) != self.key:
            return False
        return not self.needle or self.needle in m.search_text(row)


class ChangeNavigator(QWidget):
    change_activated = Signal(int)  # change id
    hint_activated = Signal(object)  # a TargetHint: its statements are to be shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChangeListModel(self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        choices = [(key, self.tr(label)) for key, label in CATEGORIES]  # type: ignore[arg-type]  # PySide6 stubs type QT_TRANSLATE_NOOP's result as object; it returns the str
        placeholder = self.tr("Search changes")
        self.filters = FilterBar(self.proxy, choices, placeholder, self._update_count)
        self.kind_box, self.search = self.filters.box, self.filters.search
        self.count_label = QLabel()
        self.view = QTreeView()
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setModel(self.proxy)
        header = self.view.header()
        header.setStretchLastSection(True)
        # Fixed widths from the font: ResizeToContents asks every row of every new
        # comparison for its data (~100 ms per re-compare on a national report).
        fm = self.view.fontMetrics()
        header.resizeSection(0, fm.horizontalAdvance("00000") + 12)
        # The kind column fits the longest kind word in the current language (English is wider).
        kinds = ("changed", "inserted", "deleted", "moved", "target", "number", "hint")
        header.resizeSection(1, max(fm.horizontalAdvance(self.model.kind_label(k)) for k in kinds) + 32)
        header.resizeSection(2, 90)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(self.filters.layout)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.count_label)
        self._quiet = Guard()
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.activated.connect(self._on_activated)
        self._update_count()

    def set_comparison(self, c: Comparison | None) -> None:
        current = self.current_change()
        self.model.set_comparison(c)
        self._update_count()
        if current is not None and c is not None and current < len(c.changes):
            self.select_change(current)

    def set_filter(self, category: str = "", text: str = "") -> None:
        self.filters.set(category, text)

    def visible_ids(self) -> list[int]:
        """Ids of the changes shown (the 提示 rows have none)."""
        ids = (self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount()))
        return [i for i in ids if i is not None]

    def visible_hints(self) -> list[TargetHint]:
        hints = (self.proxy.index(r, 0).data(HINT_ROLE) for r in range(self.proxy.rowCount()))
        return [h for h in hints if h is not None]

    def kind_counts(self) -> dict[str, int]:
        """Rows per kind word (target, number, hint, …): what the status bar's counts must match."""
        out: dict[str, int] = {}
        for kind in self.model.kinds():
            out[kind] = out.get(kind, 0) + 1
        return out

    def current_change(self) -> int | None:
        idx = self.view.currentIndex()
        return idx.data(ID_ROLE) if idx.isValid() else None

    def select_change(self, change_id: int) -> None:
        """Make ``change_id`` the current row (no signal: the view already shows it)."""
        for r in range(self.proxy.rowCount()):
            idx = self.proxy.index(r, 0)
            if idx.data(ID_ROLE) == change_id:
                with self._quiet:
                    self.view.setCurrentIndex(idx)
                    self.view.scrollTo(idx)
                return

    def _update_count(self) -> None:
        # 提示 rows head the list but are not changes: count changes only, as the status bar does
        # The 提示 rows head the list (source order): count them without asking every row.
        hints = 0
        while hints < self.proxy.rowCount() and self.proxy.index(hints, 0).data(HINT_ROLE) is not None:
            hints += 1
        total = self.model.rowCount() - self.model.hint_count()
        self.count_label.setText(
            self.tr("{shown} of {total} changes").format(shown=self.proxy.rowCount() - hints, total=total)
        )

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet:
            self._on_activated(current)

    def _on_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        hint = index.data(HINT_ROLE)
        if hint is not None:
            self.hint_activated.emit(hint)
        else:
            self.change_activated.emit(index.data(ID_ROLE))
