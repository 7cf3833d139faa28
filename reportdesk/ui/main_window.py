"""The main window: owns the comparison view, the docks, the menus and the status bar.

It holds no diff logic and little file logic.  Its controllers get the
``AppContext`` and a narrow host interface that the window implements, and
the window wires their signals: ``FileController`` opens, saves and exports;
``DraftController`` keeps the comparison following the draft;
``PrefsController`` looks after find/replace, fonts and settings.  The panels
get each applied comparison.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget, QTextEdit, QWidget

from reportdesk.app.autosave import Autosaver, DraftSnapshot
from reportdesk.app.context import AppContext
from reportdesk.app.jobs import Opened
from reportdesk.app.settings import Settings
from reportdesk.engine import Comparison
from reportdesk.ui.actions import Actions, Menus
from reportdesk.ui.compare_view import CompareView
from reportdesk.ui.controllers.clutter import ClutterController
from reportdesk.ui.controllers.drafting import DraftController
from reportdesk.ui.controllers.files import FileController
from reportdesk.ui.controllers.preferences import PrefsController
from reportdesk.ui.dialogs import prompts
from reportdesk.ui.dialogs.about import show_about
from reportdesk.ui.navigator import ChangeNavigator
from reportdesk.ui.outline import OutlineView
from reportdesk.ui.panel_follow import PanelFollower
from reportdesk.ui.status_area import StatusArea
from reportdesk.ui.targets_panel import TargetsPanel
from reportdesk.ui.text_pane import TextPane

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


class MainWindow(QMainWindow):
    comparison_shown = Signal()  # a comparison (first or re-compare) is on screen

    def __init__(self, settings: Settings, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = AppContext.create(settings, data_dir, self)
        self.settings, self.data_dir = settings, data_dir
        self.session, self.runner = self.ctx.session, self.ctx.runner
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.view = CompareView(self)
        self.setCentralWidget(self.view)
        self.view.old_editor().setPlaceholderText(  # lines of their own: Chinese has no spaces to wrap at
            self.tr("Drop last year's report here,\nor use File ▸ Open comparison (Ctrl+O)."))
        self.view.new_editor().setPlaceholderText(self.tr("Drop this year's report or draft here."))
        self._build_docks()
        self.actions_ = Actions(self)
        self.menus = Menus(self, self.actions_, [d.toggleViewAction() for d in self._docks()])
        self.status = StatusArea(self.statusBar())
        self.counts_label, self.progress = self.status.counts_label, self.status.progress
        self._build_controllers()
        self._connect_actions()
        self._connect_controllers()
        self._connect_panels()
        self.refresh_recent()
        self.update_caption()
        self._set_open_state(False)
        self._restore_layout()

    # ------------------------------------------------------------ construction
    def _build_controllers(self) -> None:
        self.files = FileController(self.ctx, self, self)
        self.drafting = DraftController(self.ctx, self.view, self)
        self.prefs = PrefsController(self.ctx, self, self)
        self.view.set_text_font(self.prefs.text_font)
        self.autosaver = Autosaver(self.data_dir, self.snapshot, self._needs_autosave,
                                   self.settings.autosave_seconds, self)
        self.panels = PanelFollower(self.drafting.panel_delay_ms, lambda: self.session.comparison,
                                    (self._update_list, self._update_docks, self._update_outlines), self)
        self._pending_drop: dict[str, str] = {}

    def _restore_layout(self) -> None:
        self.resize(1400, 900)
        if (g := self.settings.window_geometry()) is not None:
            self.restoreGeometry(g)
        if (st := self.settings.window_state()) is not None:
            self.restoreState(st)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _docks(self) -> list[QDockWidget]:
        return [self.outline_dock, self.navigator_dock, self.targets_dock]

    def _build_docks(self) -> None:
        self.outline_old = OutlineView()
        self.outline_new = OutlineView()
        self.outline_tabs = QTabWidget()
        self.outline_tabs.addTab(self.outline_new, self.tr("Draft"))
        self.outline_tabs.addTab(self.outline_old, self.tr("Earlier"))
        self.outline_dock = self._dock(self.tr("Outline"), "outlineDock", self.outline_tabs, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.navigator = ChangeNavigator()
        self.navigator_dock = self._dock(self.tr("Changes"), "navigatorDock", self.navigator, RIGHT)
        self.targets = TargetsPanel()
        self.targets_dock = self._dock(self.tr("Targets"), "targetsDock", self.targets, RIGHT)
        self.tabifyDockWidget(self.navigator_dock, self.targets_dock)
        self.navigator_dock.raise_()
        self.resizeDocks([self.outline_dock, self.navigator_dock], [200, 440], Qt.Orientation.Horizontal)

    def show_all_panels(self) -> None:
        """Changes above targets instead of tabbed, with room for both (the screenshot's layout)."""
        self.removeDockWidget(self.targets_dock)
        self.addDockWidget(RIGHT, self.targets_dock, Qt.Orientation.Vertical)
        self.targets_dock.show()
        self.resizeDocks([self.navigator_dock, self.targets_dock], [5, 4], Qt.Orientation.Vertical)
        right = max(540, self.width() * 34 // 100)  # a wide screen gives the tables room
        self.resizeDocks([self.outline_dock, self.navigator_dock], [170, right], Qt.Orientation.Horizontal)

    def _connect_actions(self) -> None:
        a, f, p, editor = self.actions_, self.files, self.prefs, self.view.new_editor()
        # Python callables in between: PySide6 6.12 on Python 3.11 loses a reference to
        # True/False when a bool signal goes straight into a C++ slot.
        slots = (
            (a.open, f.ask_open), (a.open_folder, f.ask_open_folder), (a.save, f.save), (a.save_as, f.save_as),
            (a.export, f.ask_export), (a.export_json, f.ask_export_json), (a.quit, self.close),
            (a.clear_recent, self._clear_recent), (a.undo, lambda: editor.undo()), (a.redo, lambda: editor.redo()),
            (a.find, lambda: p.show_find(False)), (a.replace, lambda: p.show_find(True)),
            (a.settings, p.show_settings), (a.font, p.choose_font), (a.zoom_in, lambda: p.zoom(+1)),
            (a.zoom_out, lambda: p.zoom(-1)), (a.next_change, self.view.next_change),
            (a.prev_change, self.view.previous_change), (a.recompare, self.drafting.recompare_now),
            (a.about, lambda: show_about(self)), (a.shortcuts, p.show_shortcuts),
        )
        for action, slot in slots:
            action.triggered.connect(slot)
        editor.undoAvailable.connect(lambda ok: a.undo.setEnabled(bool(ok)))
        editor.redoAvailable.connect(lambda ok: a.redo.setEnabled(bool(ok)))
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        self._check_language()
        a.language_group.triggered.connect(p.language_chosen)

    def _connect_controllers(self) -> None:
        self.runner.busy_changed.connect(self._busy_changed)
        self.files.opened.connect(self.refresh_recent)
        self.files.saved.connect(self._draft_saved)
        self.files.exported.connect(self.status.show_exported)
        self.comparison_shown.connect(self.files.run_deferred_export)
        self.view.draft_edited.connect(self.drafting.on_edited)
        self.drafting.applied.connect(self._comparison_applied)
        self.drafting.edited.connect(self.update_caption)
        self.drafting.failed.connect(lambda e: prompts.show_error(self, e))
        self.prefs.font_changed.connect(self.view.set_text_font)
        self.prefs.settings_applied.connect(self._settings_applied)
        self.prefs.compare_options_changed.connect(self.drafting.recompare_now)
        self.clutter = ClutterController(self.ctx, self.actions_.keep_clutter, self.files.opened, self.drafting.recompare_now, self)

    def _connect_panels(self) -> None:
        self.view.file_dropped.connect(self._pane_drop)
        # select_change emits nothing back, so the list follows the view without an echo;
        # a list still of an older comparison (typing) is brought up to date first.
        self.panels.watch(self.navigator.view, self.targets.table)
        self.view.current_change_changed.connect(lambda _id: self.panels.flush())
        self.view.current_change_changed.connect(self.navigator.select_change)
        self.view.current_change_changed.connect(self.status.show_position)
        self.navigator.change_activated.connect(self.view.show_change)
        self.navigator.hint_activated.connect(self.view.show_hint)
        self.targets.target_activated.connect(self.show_positions)
        self.targets.pair_requested.connect(self.files.compare_in_series)
        self.outline_new.jump_requested.connect(lambda pos: self._jump(self.view.new_editor(), pos))
        self.outline_old.jump_requested.connect(lambda pos: self._jump(self.view.old_editor(), pos))

    # ------------------------------------------------------------ host interface of the controllers
    def dialog_parent(self) -> QWidget:
        return self

    def draft_text(self) -> str:
        return self.view.new_text()

    def searchable_panes(self) -> tuple[QTextEdit, QTextEdit]:
        return self.view.new_editor(), self.view.old_editor()

    def show_message(self, text: str, timeout_ms: int) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def comparison_settled(self) -> bool:
        return self.drafting.settled() and not self.panels_pending()

    def begin_loading(self, message: str, channel: str = "load") -> None:
        self.status.show_busy(message)

    def end_loading(self) -> None:
        self.status.hide_busy(self.runner.is_busy("load") or self.runner.is_busy("export"))

    def _busy_changed(self, busy: bool) -> None:
        if not busy:
            self.end_loading()

    # ------------------------------------------------------------ showing a comparison
    def show_opened(self, result: Opened, draft_text: str | None = None) -> None:
        """Put a freshly loaded pair on screen (``draft_text`` replaces the right pane: recovery)."""
        s = self.session
        s.open_pair(result.old, result.new)
        s.series = dict(result.series)
        s.series_table = result.series_table
        old_label, new_label = s.labels(self.tr("%1 report"))
        self.view.set_texts(result.old.text, result.new.text if draft_text is None else draft_text,
                            self.tr("%1 (read-only)").replace("%1", old_label),
                            self.tr("%1 (draft, editable)").replace("%1", new_label))
        self.view.set_text_font(self.prefs.text_font)
        s.draft_text = self.view.new_text()
        # A recovered draft stays unsaved until the user saves it.
        s.saved_text = s.draft_text if draft_text is None else result.new.text
        # Emptied (old headings would jump to wrong places); filled as a step of the panels.
        self.outline_old.set_report(None)
        self.outline_new.set_report(None)
        self._show_years(result)
        self.navigator.set_filter()  # a new comparison starts unfiltered
        self.targets.set_filter()
        self.status.clear_exported()
        self.end_loading()
        self._set_open_state(True)
        if s.draft_text != result.new.text or not self.drafting.start(result, s.draft_text):
            # the editor changed the text (recovered draft, or Qt normalized a character)
            s.draft_revision += 1
            self.drafting.recompare_now()
        self.update_caption()
        self.view.new_editor().setFocus()

    def _show_years(self, result: Opened) -> None:
        years = sorted(self.session.series)
        if len(years) > 2:
            pair = years.index(result.new.year) - 1 if result.new.year in years else len(years) - 2
            self.targets.set_years(years, pair)
            if result.series_table is not None:
                self.targets.set_series(result.series_table)
        else:
            self.targets.set_years([], -1)
            self.targets.set_series({})

    def _comparison_applied(self, c: Comparison) -> None:
        self.status.show_counts(c, self.view.current_change())
        self.panels.follow(c)  # see PanelFollower: later, and once typing pauses

    def panels_pending(self) -> bool:
        return self.panels.pending()

    def is_settled(self) -> bool:
        """A comparison is on screen and nothing is loading, comparing or updating the panels."""
        return (self.session.comparison is not None and not self.runner.is_busy("load")
                and not self.drafting.pending() and not self.panels_pending())

    def _update_list(self, c: Comparison) -> None:
        self.navigator.set_comparison(c)
        current = self.view.current_change()
        if current is not None:
            self.navigator.select_change(current)

    def _update_docks(self, c: Comparison) -> None:
        self.targets.set_comparison(c)

    def _update_outlines(self, c: Comparison) -> None:
        for outline, report in ((self.outline_new, c.new), (self.outline_old, c.old)):
            if outline.report is not report:
                outline.set_report(report)
        self.comparison_shown.emit()

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

    def _draft_saved(self, _path: str) -> None:
        self.autosaver.clear()
        self.update_caption()

    def _settings_applied(self) -> None:
        self.autosaver.set_interval(self.settings.autosave_seconds)
        self._check_language()

    def _check_language(self) -> None:
        a = self.actions_
        (a.lang_zh if self.settings.language == "zh_CN" else a.lang_en).setChecked(True)

    # ------------------------------------------------------------ navigation
    def finish_rendering(self) -> None:
        """Bring the current change's row into view and finish highlighting (before a screenshot)."""
        current = self.view.current_change()
        if current is not None:
            self.navigator.select_change(current)
        self.view.flush_highlighting()

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

    def _jump(self, pane: TextPane, pos: int) -> None:
        pane.scroll_to_offset(pos, 0.05)
        self.view.sync.sync_from(0 if pane is self.view.old_editor() else 1)

    # ------------------------------------------------------------ recent, drops
    def refresh_recent(self) -> None:
        menu = self.menus.recent
        menu.clear()
        items = self.settings.recent()
        for i, r in enumerate(items, 1):
            act = menu.addAction(f"&{i % 10}  {Path(r.old).name}  ⇄  {Path(r.new).name}")
            act.setToolTip(f"{r.old}\n{r.new}")
            act.setEnabled(r.looks_available())  # never waits for a network share
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
            self._pending_drop[side] = path
            if len(self._pending_drop) == 2:
                drop, self._pending_drop = self._pending_drop, {}
                self.files.open_pair(drop["old"], drop["new"])
            else:
                self.show_message(self.tr("Now drop the other report on the other pane."), 8000)
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
        pending = self.files.pending_snapshot()
        if pending is not None:  # a recovered draft on its way back to the screen
            return pending
        s = self.session
        # The session's copy: while another pair loads, the pane already shows its text (or
        # none) under this draft's paths.
        return DraftSnapshot(s.draft_text if s.is_open else self.view.new_text(), s.old_path, s.new_path, s.save_path)

    def _needs_autosave(self) -> bool:
        return self.session.dirty or self.files.pending_snapshot() is not None

    def keep_draft(self, snap: DraftSnapshot) -> bool:
        return self.autosaver.write(snap)

    def save_draft_for_crash(self) -> None:
        """Called by the crash handler: keep the draft whatever state we are in."""
        if self.session.is_open or self.files.pending_snapshot() is not None:
            self.autosaver.write(self.snapshot())

    def closeEvent(self, e: QCloseEvent) -> None:  # noqa: N802
        if not self.files.confirm_discard():
            e.ignore()
            return
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.runner.close()
        self.drafting.idle_gc.collect()
        self.autosaver.shutdown()
        self.prefs.close_dialogs()
        e.accept()
