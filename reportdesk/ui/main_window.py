"""The main window: composes the comparison view, the docks and the flows.

It holds no diff logic and little file logic: ``FileController`` opens,
saves and exports; ``DraftController`` keeps the comparison following the
draft; the panels get each applied comparison.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QProgressBar,
    QTabWidget,
    QWidget,
)

from reportdesk.app import engine_process
from reportdesk.app.autosave import Autosaver, DraftSnapshot
from reportdesk.app.jobs import Opened
from reportdesk.app.session import Session
from reportdesk.app.settings import DEFAULT_FONT_FAMILIES, Settings
from reportdesk.app.tasks import TaskRunner
from reportdesk.engine import ChangeKind, Comparison
from reportdesk.ui.actions import Actions, Menus
from reportdesk.ui.compare_view import CompareView
from reportdesk.ui.dialogs import prompts
from reportdesk.ui.dialogs.about import show_about
from reportdesk.ui.drafting import DraftController
from reportdesk.ui.file_controller import FileController
from reportdesk.ui.legend import LegendBar
from reportdesk.ui.navigator import ChangeNavigator
from reportdesk.ui.outline import OutlineView
from reportdesk.ui.targets_panel import TargetsPanel
from reportdesk.ui.window_prefs import PrefsController

UNCHANGED_TARGET = "unchanged"


def default_text_font(settings: Settings) -> QFont:
    families = set(QFontDatabase.families())
    family = settings.font_family if settings.font_family in families else ""
    if not family:
        family = next((f for f in DEFAULT_FONT_FAMILIES if f in families), QFont().family())
    font = QFont(family)
    font.setPointSize(settings.font_size)
    return font


class MainWindow(QMainWindow):
    comparison_shown = Signal()  # a comparison (first or re-compare) is on screen

    def __init__(self, settings: Settings, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.data_dir = data_dir
        self.session = Session()
        self.runner = TaskRunner(self, engine_process.shared())
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.view = CompareView(self)
        self.setCentralWidget(self.view)
        self.text_font = default_text_font(settings)
        self.view.set_text_font(self.text_font)
        self.view.old_editor().setPlaceholderText(
            self.tr("Drop last year's report here, or use File ▸ Open comparison (Ctrl+O)."))
        self.view.new_editor().setPlaceholderText(self.tr("Drop this year's report or draft here."))
        self._build_docks()
        self.actions_ = Actions(self)
        self.menus = Menus(self, self.actions_, [self.outline_dock.toggleViewAction(),
                                                 self.navigator_dock.toggleViewAction(),
                                                 self.targets_dock.toggleViewAction()])
        self._build_status()
        self.files = FileController(self)
        self.drafting = DraftController(self.view, self.session, self.runner, settings.compare_options, self)
        self.autosaver = Autosaver(data_dir, self.snapshot, lambda: self.session.dirty, settings.autosave_seconds, self)
        self.prefs = PrefsController(self)
        self.series_table: object | None = None
        self._panel_comparison: Comparison | None = None
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.setInterval(0)
        self._panel_timer.timeout.connect(self._update_panels)
        self._syncing_selection = False
        self._connect()
        self.refresh_recent()
        self.update_caption()
        self._set_open_state(False)
        self.resize(1400, 900)
        if (g := settings.window_geometry()) is not None:
            self.restoreGeometry(g)
        if (st := settings.window_state()) is not None:
            self.restoreState(st)

    # ------------------------------------------------------------ construction
    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.outline_old = OutlineView()
        self.outline_new = OutlineView()
        self.outline_tabs = QTabWidget()
        self.outline_tabs.addTab(self.outline_new, self.tr("Draft"))
        self.outline_tabs.addTab(self.outline_old, self.tr("Earlier"))
        self.outline_dock = self._dock(self.tr("Outline"), "outlineDock", self.outline_tabs, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.navigator = ChangeNavigator()
        self.navigator_dock = self._dock(self.tr("Changes"), "navigatorDock", self.navigator, Qt.DockWidgetArea.RightDockWidgetArea)
        self.targets = TargetsPanel()
        self.targets_dock = self._dock(self.tr("Targets"), "targetsDock", self.targets, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.navigator_dock, self.targets_dock)
        self.navigator_dock.raise_()
        self.resizeDocks([self.outline_dock, self.navigator_dock], [230, 360], Qt.Orientation.Horizontal)

    def _build_status(self) -> None:
        bar = self.statusBar()
        self.counts_label = QLabel("")
        self.counts_label.setObjectName("countsLabel")
        bar.addWidget(self.counts_label)
        self.legend = LegendBar()
        bar.addPermanentWidget(self.legend)
        # Showing progress must not change any widget's geometry: a relayout makes the
        # docks' views re-measure every row (Python calls) while the worker holds the GIL.
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy indicator: the engine gives no reliable fraction
        self.progress.setFixedSize(140, 14)
        self.progress.setTextVisible(False)
        keep = self.progress.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(keep)
        self.progress.hide()
        bar.addPermanentWidget(self.progress)
        self.busy_label = QLabel("")
        self.busy_label.setFixedWidth(self.busy_label.fontMetrics().horizontalAdvance("正在载入并比较报告……") + 8)
        bar.addPermanentWidget(self.busy_label)

    def _connect(self) -> None:
        a = self.actions_
        f = self.files
        a.open.triggered.connect(f.ask_open)
        a.open_folder.triggered.connect(f.ask_open_folder)
        a.save.triggered.connect(f.save)
        a.save_as.triggered.connect(f.save_as)
        a.export.triggered.connect(f.ask_export)
        a.export_json.triggered.connect(f.ask_export_json)
        a.quit.triggered.connect(self.close)
        a.clear_recent.triggered.connect(self._clear_recent)
        editor = self.view.new_editor()
        # Python callables in between: PySide6 6.12 on Python 3.11 loses a reference to
        # True/False when a bool signal goes straight into a C++ slot.
        a.undo.triggered.connect(lambda: editor.undo())
        a.redo.triggered.connect(lambda: editor.redo())
        editor.undoAvailable.connect(lambda ok: a.undo.setEnabled(bool(ok)))
        editor.redoAvailable.connect(lambda ok: a.redo.setEnabled(bool(ok)))
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        p = self.prefs
        a.find.triggered.connect(lambda: p.show_find(False))
        a.replace.triggered.connect(lambda: p.show_find(True))
        a.settings.triggered.connect(p.show_settings)
        a.font.triggered.connect(p.choose_font)
        a.zoom_in.triggered.connect(lambda: p.zoom(+1))
        a.zoom_out.triggered.connect(lambda: p.zoom(-1))
        a.next_change.triggered.connect(self.view.next_change)
        a.prev_change.triggered.connect(self.view.previous_change)
        a.recompare.triggered.connect(self.drafting.recompare_now)
        a.about.triggered.connect(lambda: show_about(self))
        a.shortcuts.triggered.connect(p.show_shortcuts)
        (a.lang_zh if self.settings.language == "zh_CN" else a.lang_en).setChecked(True)
        a.language_group.triggered.connect(p.language_chosen)
        self.runner.busy_changed.connect(self._busy_changed)
        self.view.file_dropped.connect(self._pane_drop)
        self.view.current_change_changed.connect(self._current_changed)
        self.navigator.change_activated.connect(self._navigator_activated)
        self.targets.target_activated.connect(self.show_positions)
        self.targets.pair_requested.connect(self.compare_series_year)
        self.outline_new.jump_requested.connect(lambda pos: self._jump(self.view.new_editor(), pos))
        self.outline_old.jump_requested.connect(lambda pos: self._jump(self.view.old_editor(), pos))
        self.drafting.applied.connect(self._comparison_applied)
        self.drafting.edited.connect(self.update_caption)
        self.drafting.failed.connect(lambda e: prompts.show_error(self, e))

    # ------------------------------------------------------------ showing a comparison
    def begin_loading(self, message: str, channel: str = "load") -> None:
        self.busy_label.setText(message)
        self.progress.show()

    def end_loading(self) -> None:
        self.busy_label.setText("")
        self.progress.setVisible(self.runner.is_busy("load") or self.runner.is_busy("export"))

    def _busy_changed(self, busy: bool) -> None:
        if not busy:
            self.end_loading()

    def show_opened(self, result: Opened, draft_text: str | None = None) -> None:
        """Put a freshly loaded pair on screen (``draft_text`` replaces the right pane: recovery)."""
        s = self.session
        s.open_pair(result.old, result.new)
        s.series = dict(result.series)
        self.series_table = result.series_table
        old_label, new_label = s.labels(self.tr("%1 report"))
        self.view.set_texts(result.old.text, result.new.text if draft_text is None else draft_text,
                            self.tr("%1 (read-only)").replace("%1", old_label),
                            self.tr("%1 (draft, editable)").replace("%1", new_label))
        self.view.set_text_font(self.text_font)
        s.draft_text = self.view.new_text()
        # A recovered draft stays unsaved until the user saves it.
        s.saved_text = s.draft_text if draft_text is None else result.new.text
        self.outline_old.set_report(result.old)
        self.outline_new.set_report(result.new)
        years = sorted(s.series)
        if len(years) > 2:
            pair = years.index(result.new.year) - 1 if result.new.year in years else len(years) - 2
            self.targets.set_years(years, pair)
            if result.series_table is not None:
                self.targets.set_series(result.series_table)
        else:
            self.targets.set_years([], -1)
            self.targets.set_series({})
        self.end_loading()
        self._set_open_state(True)
        if s.draft_text == result.new.text and self.drafting.apply(result.comparison):
            pass
        else:  # the editor changed the text (recovered draft, or Qt normalized a character)
            s.draft_revision += 1
            self.drafting.recompare_now()
        self.update_caption()
        self.view.new_editor().setFocus()

    def _comparison_applied(self, c: Comparison) -> None:
        # The panes are updated; the panels follow in a later turn of the event loop,
        # so the two halves of the work never block it together (and only the newest
        # comparison reaches the panels when several arrive close together).
        self.counts_label.setText(self.counts_text(c))
        self._panel_comparison = c
        self._panel_timer.start()

    def panels_pending(self) -> bool:
        return self._panel_timer.isActive()

    def _update_panels(self) -> None:
        c = self._panel_comparison
        if c is None or c is not self.session.comparison:
            return
        self.navigator.set_comparison(c)
        current = self.view.current_change()
        if current is not None:
            self._current_changed(current)
        self.targets.set_comparison(c)
        if c.new is not self.session.new_report:
            self.outline_new.set_report(c.new)
        self.comparison_shown.emit()

    def counts_text(self, c: Comparison) -> str:
        moves = sum(1 for ch in c.changes if ch.kind is ChangeKind.MOVE)
        edits = len(c.changes) - moves
        targets = sum(1 for t in c.target_changes if t.change != UNCHANGED_TARGET)
        phrases = len(c.phrases.added)
        return (self.tr("Edits: %1 · Moves: %2 · Target changes: %3 · New phrases: %4")
                .replace("%1", str(edits)).replace("%2", str(moves))
                .replace("%3", str(targets)).replace("%4", str(phrases)))

    def update_caption(self) -> None:
        caption = self.session.window_caption(self.tr("%1 ⇄ %2 (draft)"), self.tr("%1 report"))
        self.menus.caption.setText(caption)
        plain = caption.removesuffix(" *")
        # "[*]" is where Qt draws the modified mark (and Windows shows it in the taskbar).
        self.setWindowTitle(f"{plain}[*] — {self.tr('ReportDesk')}" if plain else self.tr("ReportDesk"))
        self.setWindowModified(self.session.dirty)

    def _set_open_state(self, is_open: bool) -> None:
        for act in self.actions_.needing_comparison():
            act.setEnabled(is_open)
        self.view.new_editor().setReadOnly(not is_open)

    # ------------------------------------------------------------ navigation
    def _navigator_activated(self, change_id: int) -> None:
        if not self._syncing_selection:
            self.view.show_change(change_id)

    def _current_changed(self, change_id: int) -> None:
        self._syncing_selection = True
        try:
            self.navigator.select_change(change_id)
        finally:
            self._syncing_selection = False

    def show_positions(self, old_pos: int, new_pos: int) -> None:
        """Scroll each pane to its own position (a target's sentence on both sides)."""
        sync = self.view.sync
        sync.enabled = False
        try:
            if new_pos >= 0:
                self.view.new_editor().scroll_to_offset(new_pos, 0.3)
            if old_pos >= 0:
                self.view.old_editor().scroll_to_offset(old_pos, 0.3)
        finally:
            sync.enabled = True
        if new_pos < 0 and old_pos >= 0:
            sync.sync_from(0)
        elif old_pos < 0 and new_pos >= 0:
            sync.sync_from(1)

    def _jump(self, pane: QWidget, pos: int) -> None:
        pane.scroll_to_offset(pos, 0.05)  # type: ignore[attr-defined]
        self.view.sync.sync_from(0 if pane is self.view.old_editor() else 1)

    def compare_series_year(self, pair: int) -> None:
        """The year picker chose pair ``pair`` of the loaded series: (years[pair], years[pair + 1])."""
        s = self.session
        years = sorted(s.series)
        if not 0 <= pair < len(years) - 1:
            return
        self.files.compare_in_series(s.series[years[pair]], s.series[years[pair + 1]])

    # ------------------------------------------------------------ recent, drops
    def refresh_recent(self) -> None:
        menu = self.menus.recent
        menu.clear()
        items = self.settings.recent()
        for i, r in enumerate(items, 1):
            act = menu.addAction(f"&{i % 10}  {Path(r.old).name}  ⇄  {Path(r.new).name}")
            act.setToolTip(f"{r.old}\n{r.new}")
            act.setEnabled(r.exists())
            act.triggered.connect(lambda _=False, r=r: self.files.open_pair(r.old, r.new))
        if items:
            menu.addSeparator()
        menu.addAction(self.actions_.clear_recent)
        menu.setEnabled(True)

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self.refresh_recent()

    def _pane_drop(self, side: str, path: str) -> None:
        s = self.session
        if not s.is_open:
            self._pending_drop = getattr(self, "_pending_drop", {})
            self._pending_drop[side] = path
            if len(self._pending_drop) == 2:
                drop, self._pending_drop = self._pending_drop, {}
                self.files.open_pair(drop["old"], drop["new"])
            else:
                self.statusBar().showMessage(self.tr("Now drop the other report on the other pane."), 8000)
            return
        if side == "old":
            self.files.open_pair(path, s.new_path)
        else:
            self.files.open_pair(s.old_path, path)

    def dragEnterEvent(self, e: QDragEnterEvent) -> None:  # noqa: N802
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in e.mimeData().urls() if u.isLocalFile()]
        if paths:
            e.acceptProposedAction()
            self.files.open_paths(paths)

    # ------------------------------------------------------------ autosave and closing
    def snapshot(self) -> DraftSnapshot:
        s = self.session
        return DraftSnapshot(self.view.new_text(), s.old_path, s.new_path, s.save_path)

    def save_draft_for_crash(self) -> None:
        """Called by the crash handler: keep the draft whatever state we are in."""
        if self.session.is_open:
            self.autosaver.write(self.snapshot())

    def closeEvent(self, e: QCloseEvent) -> None:  # noqa: N802
        if not self.files.confirm_discard():
            e.ignore()
            return
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.runner.close()
        self.autosaver.shutdown()
        if self.prefs.find_dialog is not None:
            self.prefs.find_dialog.close()
        e.accept()
